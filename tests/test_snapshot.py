"""The reads of one command share one snapshot: a load committed between two of its
statements is seen by none of them (before, each statement read its own snapshot, and one
read in 13,207 saw an article missing in its first query and present in its second).

PostgreSQL reads in REPEATABLE READ; SQLite in one read transaction, where in WAL mode the
writer commits meanwhile and in the default rollback journal it waits for the reader to end.
"""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from newsdb import sourcing
from newsdb.cli import main

ONLY_POSTGRES = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)]
)
MOVE_A_CLAIM = (
    "UPDATE claim SET attribution_mode = 'writer', source_id = NULL,"
    " cue = NULL, cue_start = NULL, cue_end = NULL WHERE key = 'more-will-fall'"
)


def profile(url: str) -> str:
    result = CliRunner().invoke(main, ["--database", url, "profile"])
    assert result.exit_code == 0, result.output
    return result.stdout


class Writer(threading.Thread):
    """Another connection that moves a claim from one mode to another and commits."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine, self.error = engine, None

    def run(self) -> None:
        try:
            with self.engine.begin() as connection:
                connection.execute(text(MOVE_A_CLAIM))
        except Exception as error:  # noqa: BLE001 - handed to the test's thread
            self.error = error


def _a_commit_between_two_statements_is_not_seen(engine: Engine, url: str, monkeypatch) -> None:
    before = profile(url)
    # `profile` reads the summary, then the rows per mode: between the two, another
    # connection moves a claim from one mode to another and commits (or, on SQLite's
    # rollback journal, waits to commit until the command ends)
    rows_per_mode = sourcing.profile
    writer = Writer(engine)

    def meanwhile(session, *args, **kwargs):
        writer.start()
        writer.join(timeout=2)
        return rows_per_mode(session, *args, **kwargs)

    monkeypatch.setattr(sourcing, "profile", meanwhile)
    during = profile(url)
    monkeypatch.setattr(sourcing, "profile", rows_per_mode)
    writer.join(timeout=60)
    assert not writer.is_alive() and writer.error is None, writer.error
    after = profile(url)
    assert during == before
    assert after != before  # the change was committed, and the next command sees it


def test_a_commit_between_two_statements_of_a_command_is_not_seen(
    backend, mini, database_url, monkeypatch
):
    _a_commit_between_two_statements_is_not_seen(mini, database_url, monkeypatch)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_commit_in_wal_mode_is_not_seen_either(backend, mini, database_url, monkeypatch):
    with mini.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode=WAL").scalar() == "wal"
    _a_commit_between_two_statements_is_not_seen(mini, database_url, monkeypatch)


@ONLY_POSTGRES
def test_a_command_cannot_write(backend, mini, database_url):
    from newsdb.cli import App

    app = App(database_url)
    try:
        with app.session() as session:
            assert session.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"
            with pytest.raises(Exception, match="read-only transaction"):
                session.execute(text("DELETE FROM claim_relation"))
    finally:
        app.close()
