"""The loader refuses bad annotation folders with one clear line and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, inspect, select

from newsdb.cli import main
from newsdb.models import Base

MINI = Path(__file__).parent / "data" / "mini"


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--database", url, *args], catch_exceptions=False)


def mutated(tmp_path: Path, old: str, new: str, *, file: str = "annotations.yaml") -> Path:
    """A copy of the mini article folder with ``old`` replaced by ``new`` in ``file``."""
    folder = tmp_path / "article"
    shutil.copytree(MINI, folder)
    target = folder / file
    content = target.read_text(encoding="utf-8")
    assert old in content, f"the fixture no longer holds {old!r}"
    target.write_text(content.replace(old, new, 1), encoding="utf-8")
    return folder


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def test_the_fixture_loads(engine, database_url):
    result = run(database_url, "load", str(MINI))
    assert result.exit_code == 0, result.output
    assert "mini-bridge: inserted" in result.output
    counts = row_counts(engine)
    assert counts["quote"] == 2 and counts["claim"] == 3 and counts["actor"] == 4


BAD = [
    pytest.param(
        "text: It was a disaster,",
        "text: It was a catastrophe,",
        "'It was a catastrophe,' is not in the article",
        id="words-not-in-text",
    ),
    pytest.param(
        "cue: {text: said, occurrence: 1}",
        "cue: said",
        "'said' occurs 3 times in the article: give an occurrence",
        id="ambiguous-words",
    ),
    pytest.param(
        "cue: {text: said, occurrence: 1}",
        "cue: {text: said, occurrence: 7}",
        "so there is no occurrence 7",
        id="occurrence-out-of-range",
    ),
    pytest.param(
        "source: analysts",
        "source: pundits",
        "claims[2].source: unknown actor 'pundits'",
        id="undeclared-actor",
    ),
    pytest.param(
        "events: [bridge-collapse]",
        "events: [bridge-repair]",
        "unknown event 'bridge-repair'",
        id="undeclared-event",
    ),
    pytest.param(
        "kind: collective",
        "kind: crowd",
        "actors[2].kind: 'crowd' is not one of 'person', 'organisation'",
        id="unknown-vocabulary",
    ),
    pytest.param("start: 2024-03-04", "start: 2024-02-30", "events[0].date.start:", id="bad-date"),
    pytest.param(
        "slug: analysts", "slug: officials", "duplicate actor slug 'officials'", id="duplicate-slug"
    ),
    pytest.param("id: doe-2", "id: doe-1", "duplicate quote id 'doe-1'", id="duplicate-quote-id"),
    pytest.param(
        "kind: direct\n    text: We warned",
        "kind: direct\n    text: We warned them, she",
        "is not in the article",
        id="quote-not-between-marks",
    ),
    pytest.param(
        "continues: doe-1", "continues: doe-3", "unknown quote 'doe-3'", id="bad-continuation"
    ),
    pytest.param(
        "mode: vague_collective",
        "mode: writer",
        "a claim of mode 'writer' has no source",
        id="mode-without-source",
    ),
    pytest.param(
        "speaker: jane-doe\n    kind: direct\n    text: We",
        "speaker: jane-doe\n    kind: direct\n    voice: loud\n    text: We",
        "quotes[1].voice: unknown field",
        id="unknown-field",
    ),
    pytest.param(
        "annotator: {kind: hand", "annotator: {kind: hand,,", "not valid YAML", id="malformed-yaml"
    ),
    pytest.param(
        "as_written: on Monday",
        "as_written: last Monday",
        "events[0].date.as_written: 'last Monday' is not in the article text",
        id="date-words-not-in-text",
    ),
    pytest.param(
        "as_written: killing three people",
        "as_written: killing four people",
        "events[0].fatalities.as_written: 'killing four people' is not in the article text",
        id="toll-words-not-in-text",
    ),
    pytest.param(
        "reported_by: officials, attribution: unnamed_official",
        "attribution: unnamed_official",
        "a toll of attribution 'unnamed_official' names who reported it",
        id="toll-without-reporter",
    ),
    pytest.param(
        "reported_by: officials, attribution: unnamed_official",
        "reported_by: officials, attribution: passive",
        "a toll that names who reported it has an attribution of",
        id="passive-toll-with-reporter",
    ),
    pytest.param(
        "reported_by: officials,",
        "reported_by: pundits,",
        "events[0].fatalities.reported_by: unknown actor 'pundits'",
        id="toll-reporter-undeclared",
    ),
]


@pytest.mark.parametrize(("old", "new", "reason"), BAD)
def test_bad_annotation_is_refused_and_nothing_written(
    engine, database_url, tmp_path, old, new, reason
):
    folder = mutated(tmp_path, old, new)
    before = row_counts(engine)
    result = run(database_url, "load", str(folder))
    assert result.exit_code == 1
    assert reason in result.output
    (message,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert message.startswith(f"Error: {folder / 'annotations.yaml'}:"), message
    assert "Traceback" not in result.output
    assert row_counts(engine) == before


def test_an_event_the_article_does_not_report_is_refused(engine, database_url, tmp_path):
    """Listed, but neither mentioned nor the subject of a claim: known only from elsewhere."""
    folder = mutated(tmp_path, "    mentions: [the bridge fell]\n", "")
    path = folder / "annotations.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("events: [bridge-collapse]", "events: []"),
        encoding="utf-8",
    )
    before = row_counts(engine)
    result = run(database_url, "load", str(folder))
    assert result.exit_code == 1
    assert (
        "events[0]: the article neither mentions this event nor makes a claim about it"
        in result.output
    )
    assert row_counts(engine) == before


def test_line_number_points_at_the_problem(engine, database_url, tmp_path):
    folder = mutated(tmp_path, "source: analysts", "source: pundits")
    lines = (folder / "annotations.yaml").read_text(encoding="utf-8").splitlines()
    expected = next(i for i, line in enumerate(lines, start=1) if "source: pundits" in line)
    result = run(database_url, "load", str(folder))
    assert f"annotations.yaml:{expected}: claims[2].source" in result.output


def test_text_whose_sha256_differs_is_refused(engine, database_url, tmp_path):
    folder = mutated(tmp_path, "three people", "four people", file="article.txt")
    result = run(database_url, "load", str(folder))
    assert result.exit_code == 1
    assert "article.txt has sha256" in result.output and "article.sha256" in result.output
    assert sum(row_counts(engine).values()) == 0


def test_a_bad_annotation_leaves_a_loaded_article_as_it_was(engine, database_url, tmp_path):
    assert run(database_url, "load", str(MINI)).exit_code == 0
    before = row_counts(engine)
    folder = mutated(tmp_path, "events: [bridge-collapse]", "events: [bridge-repair]")
    assert run(database_url, "load", str(folder)).exit_code == 1
    assert row_counts(engine) == before


def test_loading_twice_changes_nothing(engine, database_url):
    assert run(database_url, "load", str(MINI)).exit_code == 0
    before = row_counts(engine)
    result = run(database_url, "load", str(MINI))
    assert result.exit_code == 0
    assert "mini-bridge: unchanged" in result.output
    assert "inserted" not in result.output and "deleted" not in result.output
    assert row_counts(engine) == before


def test_an_edited_annotation_updates_in_place(engine, database_url, tmp_path):
    assert run(database_url, "load", str(MINI)).exit_code == 0
    folder = mutated(tmp_path, "certainty: expected", "certainty: possible")
    result = run(database_url, "load", str(folder))
    assert result.exit_code == 0
    assert "mini-bridge: updated" in result.output
    with engine.connect() as connection:
        certainty = connection.execute(
            select(Base.metadata.tables["claim"].c.certainty).where(
                Base.metadata.tables["claim"].c.key == "more-will-fall"
            )
        ).scalar_one()
    assert certainty == "possible"
    assert row_counts(engine)["claim"] == 3


def test_load_on_an_empty_database_creates_the_schema(empty_engine, database_url):
    result = run(database_url, "load", str(MINI))
    assert result.exit_code == 0, result.output
    assert "quote" in inspect(empty_engine).get_table_names()
