"""What an article says of an event belongs to that article (migration 0006).

Two articles report the same event, one with a death toll on an official's word and one with
another toll, or none: each keeps its own words, loading one again leaves the other's alone,
and each article's event sourcing shows only its own toll. The migration places the values
that ``event`` held where the text says them, and the downgrade gives them back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner
from conftest import MINI, mini_again
from sqlalchemy import Engine, exc, text
from sqlalchemy.orm import Session

from newsdb import listings, migrate, sourcing
from newsdb.cli import main
from newsdb.db import make_engine
from newsdb.loader import load_folder

EVENT = "bridge-collapse"
#: the mini article's toll: (count, words, attribution, reporter)
MINI_TOLL = (3, "killing three people", "unnamed_official", "officials")


def _second(tmp_path: Path, fatalities: dict | None) -> Path:
    """The mini article under another slug, with one more sentence and its own toll."""

    def toll(doc: dict) -> None:
        (event,) = [e for e in doc["events"] if e["slug"] == EVENT]
        event.pop("fatalities")
        if fatalities is not None:
            event["fatalities"] = fatalities

    return mini_again(tmp_path, toll, b"\nThe toll later rose to four.")


@pytest.fixture
def rose(tmp_path: Path) -> Path:
    """The second article gives a toll of four, in the passive."""
    return _second(tmp_path, {"count": 4, "as_written": "rose to four", "attribution": "passive"})


@pytest.fixture
def silent(tmp_path: Path) -> Path:
    """The second article gives no toll at all."""
    return _second(tmp_path, None)


def _load(engine: Engine, folder: Path) -> None:
    with Session(engine) as session, session.begin():
        load_folder(session, folder)


def _reports(engine: Engine) -> dict[str, tuple]:
    """Per article: its date as written and its toll (count, words, attribution, reporter)."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT a.slug, r.date_as_written, r.fatalities, r.fatalities_as_written,"
                " r.fatalities_attribution, x.slug FROM event_report r"
                " JOIN article a ON a.id = r.article_id"
                " JOIN event e ON e.id = r.event_id"
                " LEFT JOIN actor x ON x.id = r.fatalities_reported_by_id"
                " WHERE e.slug = :event"
            ),
            {"event": EVENT},
        )
        return {row[0]: tuple(row[1:]) for row in rows}


def _tolls(engine: Engine) -> dict[str, list[tuple]]:
    """Per article, the 'fatalities' rows of its event sourcing: (words, mode, source)."""
    with Session(engine) as session:
        found: dict[str, list[tuple]] = {}
        for row in sourcing.event_sourcing(session):
            if row.item == "fatalities":
                found.setdefault(row.article, []).append(
                    (row.text, row.attribution_mode, row.source_slug)
                )
        return found


def test_each_article_keeps_its_own_account(engine: Engine, rose: Path) -> None:
    _load(engine, MINI)
    _load(engine, rose)
    both = {
        "mini-bridge": ("on Monday", *MINI_TOLL),
        "mini-again": ("on Monday", 4, "rose to four", "passive", None),
    }
    assert _reports(engine) == both
    _load(engine, MINI)  # again: nothing of the other article's changes
    assert _reports(engine) == both
    assert _tolls(engine) == {
        "mini-bridge": [("killing three people", "unnamed_official", "officials")],
        "mini-again": [("rose to four", "passive", None)],
    }
    with Session(engine) as session:
        listed = {(e.article, e.fatalities) for e in listings.events(session) if e.slug == EVENT}
        mine = listings.events(session, article="mini-again")
    assert listed == {("mini-bridge", 3), ("mini-again", 4)}
    with Session(engine) as session:
        reporters = {e.article: e.fatalities_reported_by for e in listings.events(session)}
    assert reporters == {"mini-bridge": "officials", "mini-again": None}
    assert [(e.article, e.fatalities_as_written) for e in mine] == [("mini-again", "rose to four")]


def test_an_article_that_gives_no_toll_shows_none(engine: Engine, silent: Path) -> None:
    """Before 0006 the second article's event sourcing showed the first one's toll."""
    _load(engine, MINI)
    _load(engine, silent)
    assert _reports(engine)["mini-again"] == ("on Monday", None, None, None, None)
    assert set(_tolls(engine)) == {"mini-bridge"}
    with Session(engine) as session:
        for row in sourcing.event_sourcing(session, article="mini-again"):
            assert row.item != "fatalities"


def test_a_lone_report_takes_every_value_on_upgrade(engine: Engine) -> None:
    _load(engine, MINI)
    migrate.downgrade(engine, "0005")
    with engine.connect() as connection:
        held = connection.execute(
            text(
                "SELECT e.date_as_written, e.fatalities, e.fatalities_as_written,"
                " e.fatalities_attribution, x.slug FROM event e"
                " LEFT JOIN actor x ON x.id = e.fatalities_reported_by_id WHERE e.slug = :event"
            ),
            {"event": EVENT},
        ).one()
    assert tuple(held) == ("on Monday", *MINI_TOLL)  # the downgrade gave them back
    migrate.upgrade(engine)
    assert _reports(engine) == {"mini-bridge": ("on Monday", *MINI_TOLL)}


def test_a_downgrade_that_would_merge_two_tolls_is_refused(engine: Engine, rose: Path) -> None:
    """Before 0006 an event held one toll: the downgrade would keep the latest and an upgrade
    could not tell whose it was, so it refuses and changes nothing."""
    _load(engine, MINI)
    _load(engine, rose)
    before = _reports(engine)
    with pytest.raises(
        migrate.DowngradeRefused, match=r"below 0006: .*bridge-collapse \(mini-again, mini-bridge\)"
    ):
        migrate.downgrade(engine, "0005")
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _reports(engine) == before


def test_shared_values_go_where_the_text_says_them(engine: Engine, tmp_path: Path) -> None:
    """Two articles with the same toll go down and up again unchanged. A toll that ``event``
    held before 0006 and that both articles report goes only to the article whose text says
    it ('rose to four', set here at 0005), the date 'on Monday' to both."""
    _load(engine, MINI)
    same = _second(
        tmp_path,
        {
            "count": 3,
            "as_written": "killing three people",
            "reported_by": "officials",
            "attribution": "unnamed_official",
        },
    )
    _load(engine, same)
    both = _reports(engine)
    migrate.downgrade(engine, "0005")
    migrate.upgrade(engine)
    assert _reports(engine) == both
    migrate.downgrade(engine, "0005")
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE event SET fatalities = 4, fatalities_as_written = 'rose to four',"
                " fatalities_attribution = 'passive', fatalities_reported_by_id = NULL"
            )
        )
    migrate.upgrade(engine)
    assert _reports(engine) == {
        "mini-bridge": ("on Monday", None, None, None, None),
        "mini-again": ("on Monday", 4, "rose to four", "passive", None),
    }
    _load(engine, MINI)  # loading again gives the article its own toll back
    assert _reports(engine)["mini-bridge"] == ("on Monday", *MINI_TOLL)


@pytest.mark.parametrize(
    ("attribution", "reporter"),
    [("unnamed_official", False), ("passive", True), (None, True)],
    ids=["attributed-without-reporter", "passive-with-reporter", "reporter-without-attribution"],
)
def test_a_toll_whose_reporter_does_not_match_its_attribution_is_refused(
    engine: Engine, attribution: str | None, reporter: bool
) -> None:
    """The database refuses what the annotation format refuses, whoever writes."""
    _load(engine, MINI)
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE event_report SET fatalities_attribution = :attribution,"
                " fatalities_reported_by_id = CASE WHEN :reporter"
                " THEN (SELECT id FROM actor WHERE slug = 'officials') END"
            ),
            {"attribution": attribution, "reporter": reporter},
        )


def test_sqlite_refuses_to_rebuild_event_with_foreign_keys_on(tmp_path: Path) -> None:
    """Rebuilding ``event`` with foreign keys on would first delete every row that refers to
    an event; run on a connection that has them on, 0006 refuses and nothing is lost.
    (SQLite only: PostgreSQL alters the table in place.)"""
    engine = make_engine(f"sqlite:///{tmp_path / 'newsdb.sqlite'}")
    migrate.upgrade(engine)
    _load(engine, MINI)
    migrate.downgrade(engine, "0005")
    refused = pytest.raises(RuntimeError, match="run it with `newsdb db upgrade`")
    with engine.connect() as connection, refused, connection.begin():
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        command.upgrade(migrate.alembic_config(connection), "head")
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT COUNT(*) FROM claim_event")).scalar_one()
    assert kept == 2
    assert migrate.current_revision(engine) == "0005"
    migrate.upgrade(engine)  # the way newsdb runs it
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM claim_event")).scalar_one() == 2
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert _reports(engine) == {"mini-bridge": ("on Monday", *MINI_TOLL)}
    engine.dispose()


def test_verify_finds_words_that_are_not_in_the_text(engine: Engine, database_url: str) -> None:
    """A SQL client can write any date as written; ``newsdb verify`` holds it to the text."""
    _load(engine, MINI)
    with engine.begin() as connection:
        connection.execute(text("UPDATE event_report SET date_as_written = 'last Tuesday'"))
    result = CliRunner().invoke(main, ["--database", database_url, "verify"])
    assert result.exit_code == 1
    assert "mini-bridge: event_report" in result.output
    assert "date_as_written 'last Tuesday' is not in the text" in result.output
