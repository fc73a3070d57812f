"""The reads of one command share one snapshot on PostgreSQL: a load committed between two of
its statements is seen by none of them (before, each statement read its own snapshot, and one
read in 13,207 saw an article missing in its first query and present in its second)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from newsdb import sourcing
from newsdb.cli import main

ONLY_POSTGRES = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)]
)


def profile(url: str) -> str:
    result = CliRunner().invoke(main, ["--database", url, "profile"])
    assert result.exit_code == 0, result.output
    return result.stdout


@ONLY_POSTGRES
def test_a_commit_between_two_statements_of_a_command_is_not_seen(
    backend, mini, database_url, monkeypatch
):
    before = profile(database_url)
    # `profile` reads the summary, then the rows per mode: between the two, another
    # connection moves a claim from one mode to another and commits
    rows_per_mode = sourcing.profile

    def meanwhile(session, *args, **kwargs):
        with mini.begin() as connection:
            connection.execute(
                text(
                    "UPDATE claim SET attribution_mode = 'writer', source_id = NULL,"
                    " cue = NULL, cue_start = NULL, cue_end = NULL WHERE key = 'more-will-fall'"
                )
            )
        return rows_per_mode(session, *args, **kwargs)

    monkeypatch.setattr(sourcing, "profile", meanwhile)
    during = profile(database_url)
    monkeypatch.setattr(sourcing, "profile", rows_per_mode)
    after = profile(database_url)
    assert during == before
    assert after != before  # the change was committed, and the next command sees it


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
