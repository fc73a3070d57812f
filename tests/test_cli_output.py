"""What every listing shares (--output FILE, booleans as true/false), bare ``newsdb``, and a
downgrade that asks before it drops rows."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner, Result
from sqlalchemy import Engine, func, inspect, select, table

from newsdb import migrate
from newsdb.cli import main


def newsdb(url: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--database", url, *args], input=input)


def test_bare_newsdb_prints_the_help_and_exits_0() -> None:
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: newsdb")
    assert "Commands:" in result.stdout and "Error" not in result.output


def test_output_writes_the_listing_to_a_file_and_nothing_to_stdout(
    mini: Engine, database_url: str, tmp_path
) -> None:
    shown = newsdb(database_url, "quotes", "--format", "json")
    path = tmp_path / "quotes.json"
    result = newsdb(database_url, "quotes", "--format", "json", "--output", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(shown.stdout)


def test_output_of_a_failed_listing_writes_no_file(mini: Engine, database_url: str, tmp_path):
    path = tmp_path / "none.csv"
    result = newsdb(database_url, "sources", "--article", "nope", "-o", str(path))
    assert result.exit_code == 1
    assert not path.exists()


def test_profile_table_with_its_summary_line_goes_to_the_file(
    mini: Engine, database_url: str, tmp_path
) -> None:
    path = tmp_path / "profile.txt"
    result = newsdb(database_url, "profile", "-o", str(path))
    assert result.exit_code == 0, result.output
    written = path.read_text(encoding="utf-8")
    assert written.startswith("mode_label") and "claims name who said them" in written


def test_booleans_print_as_true_and_false(database_url: str) -> None:
    assert newsdb(database_url, "seed").exit_code == 0  # the seed has claim checks
    result = newsdb(database_url, "checks", "--totals")
    assert result.exit_code == 0, result.output
    differs = result.stdout.splitlines()[2].split()[2]
    assert differs in {"true", "false"}
    assert "True" not in result.stdout and "False" not in result.stdout
    result = newsdb(database_url, "checks", "--totals", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["differs"] for r in rows} <= {"true", "false"}
    result = newsdb(database_url, "checks", "--totals", "--format", "json")
    assert {type(r["differs"]) for r in json.loads(result.stdout)} == {bool}


def _rows(engine: Engine, name: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table(name)))


def test_downgrade_that_drops_rows_asks_and_says_how_many(mini: Engine, database_url: str):
    quotes = _rows(mini, "quote")
    result = newsdb(database_url, "db", "downgrade", "base", input="n\n")
    assert result.exit_code == 1
    assert f"{quotes} quote" in result.output and "Go on?" in result.output
    assert migrate.current_revision(mini) == migrate.head_revision()  # nothing changed
    assert _rows(mini, "quote") == quotes
    result = newsdb(database_url, "db", "downgrade", "base", input="y\n")
    assert result.exit_code == 0, result.output
    assert "quote" not in inspect(mini).get_table_names()


def test_downgrade_yes_does_not_ask(mini: Engine, database_url: str) -> None:
    result = newsdb(database_url, "db", "downgrade", "base", "--yes")
    assert result.exit_code == 0, result.output
    assert "Go on?" not in result.output
    assert migrate.current_revision(mini) is None


def test_downgrade_that_drops_no_rows_does_not_ask(engine: Engine, database_url: str) -> None:
    result = newsdb(database_url, "db", "downgrade", "base")  # empty: nothing to lose
    assert result.exit_code == 0, result.output
    assert "Go on?" not in result.output


def test_listing_columns_are_named_as_their_view(mini: Engine, database_url: str) -> None:
    views = {
        ("quotes",): "v_quotes",
        ("claims",): "v_claims",
        ("sources",): "v_sources",
        ("gaps",): "v_voice_gaps",
        ("network",): "v_quote_network",
        ("event-sourcing",): "v_event_sourcing",
        ("geography", "--detail"): "v_source_geography",
    }
    found = inspect(mini)
    for args, view in views.items():
        result = newsdb(database_url, *args)
        assert result.exit_code == 0, result.output
        if result.stdout.startswith("(no rows)"):  # the mini article quotes no one by name
            assert args == ("network",)
            continue
        header = set(result.stdout.splitlines()[0].split())
        assert header <= {c["name"] for c in found.get_columns(view)}, (args, view)
    gaps = newsdb(database_url, "gaps").stdout.splitlines()[0].split()
    assert "spoken_for_by" in gaps and "speakers" not in gaps
