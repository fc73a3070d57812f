"""A downgrade below 0006 or 0005 that would merge what two articles say of one event refuses,
through `newsdb db downgrade` and plain `alembic downgrade` alike, and changes nothing.

Before, the downgrade kept one death toll and one list of parties per event (the latest
report's, the first stored parts), the upgrade gave them to every article that reports the
event, and `verify` and `db check` passed on the result (issue 13, item 9).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI, mini_again
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from newsdb import migrate
from newsdb.cli import main
from newsdb.db import ENV_VAR
from newsdb.loader import load_folder

REPOSITORY = Path(__file__).parent.parent
EVENT = "bridge-collapse"


def _load(engine: Engine, folder: Path) -> None:
    with Session(engine) as session, session.begin():
        load_folder(session, folder)


def _acme_takes_part(doc: dict) -> None:
    (event,) = [e for e in doc["events"] if e["slug"] == EVENT]
    event["participants"] = [{"actor": "acme-corp", "role": "initiator"}]


def _state(engine: Engine) -> tuple:
    """The revision and every row that a downgrade past 0006 and 0005 would merge."""
    with engine.connect() as connection:
        reports = connection.execute(
            text("SELECT article_id, event_id, fatalities, date_as_written FROM event_report")
        ).all()
        parts = connection.execute(
            text("SELECT article_id, event_id, actor_id, role FROM event_participant")
        ).all()
    return migrate.current_revision(engine), sorted(reports), sorted(parts)


@pytest.fixture
def shared(engine: Engine, tmp_path: Path) -> Engine:
    """Two articles that report one event, naming different parties to it."""
    _load(engine, MINI)
    _load(engine, mini_again(tmp_path, _acme_takes_part))
    return engine


def test_newsdb_db_downgrade_refuses_in_one_line(shared: Engine, database_url: str) -> None:
    before = _state(shared)
    for args in (["--yes"], []):  # it refuses before it would ask
        result = CliRunner().invoke(
            main, ["--database", database_url, "db", "downgrade", "0004", *args]
        )
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        errors = [line for line in result.stderr.splitlines() if not line.startswith("newsdb: ")]
        assert len(errors) == 1, result.stderr
        assert errors[0].startswith("Error: cannot downgrade below 0005: ")
        assert "bridge-collapse (mini-again, mini-bridge)" in errors[0]
        assert "nothing was changed" in errors[0]
        assert _state(shared) == before


def test_plain_alembic_downgrade_refuses(shared: Engine, database_url: str) -> None:
    before = _state(shared)
    env = {key: value for key, value in os.environ.items() if key != ENV_VAR}
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "-x", f"url={database_url}", "downgrade", "0004"],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0, result.stderr
    assert "DowngradeRefused: cannot downgrade below 0005" in result.stderr
    assert _state(shared) == before


def test_a_downgrade_that_merges_nothing_still_goes_through(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    """Two articles that say the same of their event: the way down and up keeps both."""
    _load(engine, MINI)
    _load(engine, mini_again(tmp_path, lambda doc: None))
    before = _state(engine)
    result = CliRunner().invoke(
        main, ["--database", database_url, "db", "downgrade", "0004", "--yes"]
    )
    assert result.exit_code == 0, result.output
    assert migrate.current_revision(engine) == "0004"
    migrate.upgrade(engine)
    revision, reports, parts = _state(engine)
    assert (revision, len(reports), len(parts)) == (before[0], len(before[1]), len(before[2]))


def test_an_event_that_no_article_gives_a_toll_goes_down(engine: Engine, tmp_path: Path) -> None:
    """Two reports with no toll and no date merge into nothing: nothing to refuse."""
    _load(engine, MINI)
    _load(engine, mini_again(tmp_path, lambda doc: None))
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE event_report SET date_as_written = NULL, fatalities = NULL,"
                " fatalities_as_written = NULL, fatalities_reported_by_id = NULL,"
                " fatalities_attribution = NULL"
            )
        )
    migrate.downgrade(engine, "0005")
    assert migrate.current_revision(engine) == "0005"
