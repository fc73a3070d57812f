"""The per-claim support tally (migration 0007): triggers keep each claim's count of distinct
supporting sources and of conflicting claims equal to a recount, whoever writes, on both
backends.

The mini article's claims: 'bridge-fell' (officials), 'disaster' (Jane Doe, resting on her
quote 'doe-1') and 'more-will-fall' (analysts), which conflicts with 'disaster'. Each test
writes plain SQL, as a SQL client would, checks the counts it changed against numbers worked
out by hand, and holds the whole tally to ``newsdb.tally.differences``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from newsdb import migrate, tally
from newsdb.cli import main
from newsdb.loader import load_folder

MINI = Path(__file__).parent / "data" / "mini"


def _support(connection: Connection) -> dict[str, tuple[int, int]]:
    """Per claim key: (distinct supporting sources, conflicting claims)."""
    rows = connection.execute(
        text(
            "SELECT c.key, t.sources, t.conflicting_claims FROM claim_support_tally t"
            " JOIN claim c ON c.id = t.claim_id"
        )
    )
    found = {key: (sources, conflicting) for key, sources, conflicting in rows}
    assert tally.differences(connection) == []
    return found


def _id(connection: Connection, sql: str, **params) -> int:
    return connection.execute(text(sql), params).scalar_one()


def _claim(connection: Connection, key: str) -> int:
    return _id(connection, "SELECT id FROM claim WHERE key = :k", k=key)


def _actor(connection: Connection, slug: str) -> int:
    return _id(connection, "SELECT id FROM actor WHERE slug = :s", s=slug)


LOADED = {"bridge-fell": (1, 0), "disaster": (1, 1), "more-will-fall": (1, 1)}


def test_loading_fills_the_tally(mini: Engine) -> None:
    with mini.connect() as connection:
        assert _support(connection) == LOADED


def test_a_quote_a_claim_rests_on_adds_its_speaker(mini: Engine) -> None:
    with mini.begin() as connection:
        quote = _id(connection, "SELECT id FROM quote WHERE key = 'doe-1'")
        connection.execute(
            text("INSERT INTO claim_quote (claim_id, quote_id) VALUES (:c, :q)"),
            {"c": _claim(connection, "bridge-fell"), "q": quote},
        )
        assert _support(connection)["bridge-fell"] == (2, 0)  # officials and Jane Doe
        connection.execute(
            text("UPDATE quote SET speaker_id = :a WHERE id = :q"),
            {"a": _actor(connection, "officials"), "q": quote},
        )
        # the quote is now the officials': one source for bridge-fell, two for disaster
        assert _support(connection)["bridge-fell"] == (1, 0)
        assert _support(connection)["disaster"] == (2, 1)
        connection.execute(text("DELETE FROM quote WHERE id = :q"), {"q": quote})
        assert _support(connection) == LOADED


def test_a_corroborating_link_shares_the_sources_and_a_conflict_is_counted(mini: Engine) -> None:
    with mini.begin() as connection:
        fell, will_fall = _claim(connection, "bridge-fell"), _claim(connection, "more-will-fall")
        connection.execute(
            text(
                "INSERT INTO claim_relation (claim_id, other_claim_id, relation)"
                " VALUES (:a, :b, 'corroborates')"
            ),
            {"a": will_fall, "b": fell},
        )
        found = _support(connection)
        assert (found["bridge-fell"], found["more-will-fall"]) == ((2, 0), (2, 1))
        connection.execute(
            text("UPDATE claim_relation SET relation = 'conflicts' WHERE claim_id = :a"),
            {"a": will_fall},
        )  # both links of more-will-fall now conflict
        found = _support(connection)
        assert (found["bridge-fell"], found["more-will-fall"]) == ((1, 1), (1, 2))
        connection.execute(text("DELETE FROM claim_relation"))
        assert {k: v[1] for k, v in _support(connection).items()} == dict.fromkeys(LOADED, 0)


def test_a_claim_that_changes_source_or_mode_or_goes_is_recounted(mini: Engine) -> None:
    with mini.begin() as connection:
        disaster = _claim(connection, "disaster")
        connection.execute(
            text(
                "UPDATE claim SET attribution_mode = 'writer', source_id = NULL, cue = NULL,"
                " cue_start = NULL, cue_end = NULL WHERE id = :c"
            ),
            {"c": disaster},
        )
        # still one source, through Jane Doe's quote; the mode follows
        assert _support(connection)["disaster"] == (1, 1)
        mode = connection.execute(
            text("SELECT attribution_mode FROM claim_support_tally WHERE claim_id = :c"),
            {"c": disaster},
        ).scalar_one()
        assert mode == "writer"
        connection.execute(text("DELETE FROM claim_quote WHERE claim_id = :c"), {"c": disaster})
        assert _support(connection)["disaster"] == (0, 1)
        connection.execute(text("DELETE FROM claim WHERE id = :c"), {"c": disaster})
        assert _support(connection) == {"bridge-fell": (1, 0), "more-will-fall": (1, 0)}


def test_the_article_date_follows_and_deleting_the_article_empties_it(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("UPDATE article SET published_date = '2025-01-02'"))
        dates = connection.execute(text("SELECT DISTINCT published_date FROM claim_support_tally"))
        assert [str(d) for (d,) in dates] == ["2025-01-02"]
        _support(connection)
        connection.execute(text("DELETE FROM article"))
        assert _support(connection) == {}


def test_reloading_and_truncating_recount(mini: Engine, backend: str) -> None:
    with Session(mini) as session, session.begin():
        load_folder(session, MINI)
    with mini.begin() as connection:
        assert _support(connection) == LOADED
        if backend == "postgresql":
            connection.execute(text("TRUNCATE claim_relation"))
        else:
            connection.execute(text("DELETE FROM claim_relation"))
        assert {k: v[1] for k, v in _support(connection).items()} == dict.fromkeys(LOADED, 0)


def test_verify_names_the_article_of_a_tampered_count_and_rebuild_mends_it(
    mini: Engine, database_url: str
) -> None:
    with mini.begin() as connection:
        connection.execute(text("UPDATE claim_support_tally SET sources = 5"))
        assert {d.table for d in tally.differences(connection)} == {"claim_support_tally"}
    result = CliRunner().invoke(main, ["--database", database_url, "verify"])
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if "claim_support_tally" in line]
    assert len(problems) >= 3  # each of the three claims, stored and recounted
    assert all(line.startswith("mini-bridge: ") for line in problems), problems
    with mini.begin() as connection:
        tally.rebuild(connection)
        assert _support(connection) == LOADED


def test_a_negative_count_is_refused(mini: Engine) -> None:
    with pytest.raises(Exception, match="counts_not_negative"), mini.begin() as connection:
        connection.execute(text("UPDATE claim_support_tally SET sources = -1"))


def test_downgrade_drops_it_and_upgrade_counts_again(mini: Engine) -> None:
    migrate.downgrade(mini, "0006")
    with mini.begin() as connection:
        tables = {
            name
            for (name,) in connection.execute(
                text(
                    "SELECT table_name FROM information_schema.tables"
                    if mini.dialect.name == "postgresql"
                    else "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            )
        }
        assert "claim_support_tally" not in tables
        # written while there is no tally: the upgrade's backfill counts it
        connection.execute(text("DELETE FROM claim_relation"))
    migrate.upgrade(mini)
    with mini.connect() as connection:
        assert {k: v[1] for k, v in _support(connection).items()} == dict.fromkeys(LOADED, 0)
