"""``newsdb articles`` and ``newsdb delete``: listing what is loaded, removing an article and
what belongs to it alone, the shared actors and events left to the other articles."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result
from conftest import mini_again
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from newsdb import sourcing, tally
from newsdb.cli import main
from newsdb.loader import load_folder
from newsdb.models import Actor, Article, Claim, Event, Paragraph, Quote


def newsdb(url: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--database", url, *args], input=input)


def _with_group(doc: dict) -> None:
    """mini-again says Acme Corp is part of Acme Group, an actor of its own."""
    doc["actors"].append({"slug": "acme-group", "name": "Acme Group", "kind": "organisation"})
    acme = next(a for a in doc["actors"] if a["slug"] == "acme-corp")
    acme["part_of"] = "acme-group"


@pytest.fixture
def two(mini: Engine, tmp_path) -> Engine:
    """mini-bridge, and mini-again sharing its actors and its event."""
    with Session(mini) as session, session.begin():
        load_folder(session, mini_again(tmp_path, _with_group))
    return mini


def _slugs(engine: Engine, model) -> set[str]:
    with Session(engine) as session:
        return set(session.scalars(select(model.slug)))


def test_articles_lists_each_with_its_counts(two: Engine, database_url: str) -> None:
    result = newsdb(database_url, "articles", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = {row["slug"]: row for row in json.loads(result.stdout)}
    assert set(listed) == {"mini-bridge", "mini-again"}
    with Session(two) as session:
        for slug, row in listed.items():
            id_ = session.scalar(select(Article.id).where(Article.slug == slug))
            for model, column in ((Paragraph, "paragraphs"), (Quote, "quotes"), (Claim, "claims")):
                counted = select(func.count()).select_from(model).where(model.article_id == id_)
                assert row[column] == session.scalar(counted) > 0
        assert listed["mini-bridge"]["published"] == "2024-03-05"
        assert listed["mini-bridge"]["headline"] == "Bridge falls"
        assert listed["mini-bridge"]["annotator_kind"] == "hand"
    table = newsdb(database_url, "articles").stdout.splitlines()[0].split()
    assert table == ["slug", "headline", "published", "outlet", "paragraphs", "quotes", "claims",
                     "annotator_kind"]  # fmt: skip


def test_delete_asks_first_and_no_changes_nothing(two: Engine, database_url: str) -> None:
    with two.begin() as connection:  # a time expression counts among what goes with it
        connection.execute(
            text(
                "INSERT INTO time_expression (article_id, span_start, span_end, as_written,"
                " precision, resolution, duration, annotator_id) SELECT a.id, 0, 3,"
                " substr(a.body, 1, 3), 'unknown', 'unresolved', :no, min(q.annotator_id)"
                " FROM article a JOIN quote q ON q.article_id = a.id WHERE a.slug = 'mini-again'"
                " GROUP BY a.id, a.body"
            ),
            {"no": False},
        )
    result = newsdb(database_url, "delete", "mini-again", input="n\n")
    assert result.exit_code == 1
    assert "2 quote" in result.output and "remove mini-again" in result.output
    assert "1 time_expression" in result.output
    assert result.output.rstrip().endswith("Error: nothing removed: mini-again is as it was")
    assert _slugs(two, Article) == {"mini-bridge", "mini-again"}


def test_delete_keeps_what_other_articles_use_and_the_tallies_right(
    two: Engine, database_url: str
) -> None:
    with Session(two) as session:
        before = sourcing.sources(session, "mini-bridge")
    actors, events = _slugs(two, Actor), _slugs(two, Event)
    result = newsdb(database_url, "delete", "mini-again", "--yes")
    assert result.exit_code == 0, result.output
    assert _slugs(two, Article) == {"mini-bridge"}
    # every actor and the event are mini-bridge's too; Acme Group is Acme Corp's parent
    assert _slugs(two, Actor) == actors and _slugs(two, Event) == events
    with two.connect() as connection:
        assert tally.differences(connection) == []
        for name in ("quote", "claim", "mention", "article_actor_tally", "event_report"):
            left = connection.scalar(text(f"SELECT COUNT(DISTINCT article_id) FROM {name}"))
            assert left == 1, name
    with Session(two) as session:
        assert sourcing.sources(session, "mini-bridge") == before


def test_delete_the_last_article_removes_its_actors_and_events(
    two: Engine, database_url: str
) -> None:
    assert newsdb(database_url, "delete", "mini-again", "--yes").exit_code == 0
    result = newsdb(database_url, "delete", "mini-bridge", "--yes")
    assert result.exit_code == 0, result.output
    assert "bridge-collapse" in result.stdout
    assert _slugs(two, Article) == set() and _slugs(two, Event) == set()
    assert _slugs(two, Actor) == set()  # Acme Group too: its only part went
    with two.connect() as connection:
        assert tally.differences(connection) == []
        for name in ("article_actor_tally", "article_mode_tally", "annotator", "actor_alias"):
            assert connection.scalar(text(f"SELECT COUNT(*) FROM {name}")) == 0, name


def test_delete_an_unknown_article_is_one_line(two: Engine, database_url: str) -> None:
    result = newsdb(database_url, "delete", "nope", "--yes")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == "Error: no article with slug 'nope'"
