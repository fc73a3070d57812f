"""`newsdb seed` loads the packaged article as annotated, on every backend, once."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy import func, select, text

from newsdb.cli import main
from newsdb.models import Base

SEED = Path(__file__).parents[1] / "seeds" / "pakistan-iran-off-ramp"
SHARED = Path(__file__).parents[2] / "shared" / "seed-article.txt"
BODY = (SEED / "article.txt").read_text(encoding="utf-8")
ANNOTATION = yaml.safe_load((SEED / "annotations.yaml").read_text(encoding="utf-8"))


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--database", url, *args], catch_exceptions=False)


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            t.name: connection.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


@pytest.fixture
def seeded(empty_engine, database_url):
    result = run(database_url, "seed")
    assert result.exit_code == 0, result.output
    return result


def test_seed_text_is_the_shared_article_byte_for_byte():
    raw = (SEED / "article.txt").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == (
        "76be6a2a31f65bf22a37e414cb5464f819422ee198c844f36020d5c492003988"
    )
    assert len(raw.decode("utf-8")) == 8325 and BODY.count("\n") == 25
    if SHARED.exists():
        assert raw == SHARED.read_bytes()


def test_seed_loads_the_article_and_verify_passes(seeded, database_url, empty_engine):
    assert "pakistan-iran-off-ramp: inserted" in seeded.output
    counts = row_counts(empty_engine)
    assert counts["article"] == 1
    assert counts["paragraph"] == 26
    assert counts["quote"] == len(ANNOTATION["quotes"]) == 11
    assert counts["claim"] == len(ANNOTATION["claims"])
    assert counts["actor"] == len(ANNOTATION["actors"])
    assert counts["event"] == len(ANNOTATION["events"])
    result = run(database_url, "verify")
    assert result.exit_code == 0, result.output
    assert "ok: 1 article(s)" in result.output


def test_every_listed_quote_is_its_span_of_the_text(seeded, database_url):
    result = run(database_url, "quotes", "--format", "json")
    assert result.exit_code == 0
    quotes = json.loads(result.stdout)
    assert len(quotes) == 11
    for quote in quotes:
        assert {
            "article",
            "speaker",
            "kind",
            "text",
            "cue",
            "span_start",
            "span_end",
            "paragraph",
        } <= quote.keys()
        assert BODY[quote["span_start"] : quote["span_end"]] == quote["text"]
        assert BODY[quote["span_start"] - 1] == "“" and BODY[quote["span_end"]] == "”"
        assert quote["paragraph"] == BODY[: quote["span_start"]].count("\n") + 1
    # The segments between curly quotation marks are exactly the eleven in the text.
    segments = [part.split("”")[0] for part in BODY.split("“")[1:]]
    assert sorted(q["text"] for q in quotes) == sorted(segments)


def test_events_listing(seeded, database_url):
    result = run(database_url, "events", "--format", "json")
    assert result.exit_code == 0
    events = {e["slug"]: e for e in json.loads(result.stdout)}
    assert len(events) == len(ANNOTATION["events"])
    for event in events.values():
        assert {
            "slug",
            "name",
            "event_type",
            "date_as_written",
            "date",
            "date_precision",
            "fatalities",
        } <= event.keys()
    # Dates as the facts file gives them, beside the words of the text.
    by_date = {e["date"]: e for e in events.values() if e["date_precision"] == "day"}
    assert {"2024-01-16", "2024-01-18", "2023-12-15", "2024-01-19"} <= by_date.keys()
    assert by_date["2023-12-15"]["date_as_written"] == "Dec. 15"
    assert by_date["2023-12-15"]["fatalities"] == 11
    assert any(e["fatalities"] == 9 for e in events.values())


def test_khan_removal_keeps_the_text_and_the_record(seeded, empty_engine):
    with empty_engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT c.text, k.stated_value, k.checked_value, k.verdict FROM claim_check k"
                " JOIN claim c ON c.id = k.claim_id WHERE k.stated_value = :stated"
            ),
            {"stated": "April 2021"},
        ).all()
    assert len(rows) == 1
    claim_text, _stated, checked, verdict = rows[0]
    assert "April 2021" in claim_text and checked == "2022-04-10" and verdict == "contradicted"


def test_second_seed_changes_nothing_and_says_so(seeded, database_url, empty_engine):
    before = row_counts(empty_engine)
    again = run(database_url, "seed")
    assert again.exit_code == 0
    assert "pakistan-iran-off-ramp: unchanged" in again.output
    assert "nothing to do" in again.output
    assert "inserted" not in again.output and "updated" not in again.output
    assert row_counts(empty_engine) == before


def test_verify_finds_a_span_that_no_longer_matches(seeded, database_url, empty_engine):
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE quote SET span_start = span_start + 1, span_end = span_end + 1 WHERE key = :k"
            ),
            {"k": ANNOTATION["quotes"][0]["id"]},
        )
    result = run(database_url, "verify")
    assert result.exit_code == 1
    # the words, the quotation marks, and the row as loaded (its fingerprint)
    assert "but the text at" in result.output and "quotation mark" in result.output
    assert "pakistan-iran-off-ramp: quote : 1 row(s) changed since loading" in result.output
    assert "3 problem(s) found" in result.output


@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_two_seeds_at_once_end_as_one(backend, database_url, empty_engine):
    env = {**os.environ, "NEWSDB_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "newsdb", "seed"]
    runs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outputs
    joined = "\n".join(outputs)
    assert joined.count("pakistan-iran-off-ramp: inserted") == 1
    assert joined.count("pakistan-iran-off-ramp: unchanged") == 1
    counts = row_counts(empty_engine)
    assert counts["quote"] == 11 and counts["article"] == 1
    assert counts["actor"] == len(ANNOTATION["actors"])
