"""Query commands on a database that is missing, empty or behind: one line, exit 1, nothing created."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI

from newsdb import migrate
from newsdb.cli import main

QUERY_COMMANDS = [["quotes"], ["events"], ["verify"], ["sources"], ["claims"], ["profile"]]


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--database", url, *args])


@pytest.mark.parametrize("args", QUERY_COMMANDS, ids=lambda a: a[0])
def test_missing_sqlite_file_is_not_created(tmp_path: Path, args):
    path = tmp_path / "nothing-here.sqlite"
    result = run(f"sqlite:///{path}", *args)
    assert result.exit_code == 1
    assert f"Error: no database at {path}" in result.output
    assert not path.exists()


def test_empty_database_asks_for_seed(database_url, backend, empty_engine):
    if backend == "sqlite":  # an existing, empty file
        migrate.upgrade(empty_engine, "head")
        migrate.downgrade(empty_engine, "base")
    result = run(database_url, "quotes")
    assert result.exit_code == 1
    assert "holds no newsdb schema: run `newsdb seed`" in result.output
    assert "Traceback" not in result.output


def test_database_behind_head_asks_for_upgrade(database_url, empty_engine):
    migrate.upgrade(empty_engine, "0001")
    result = run(database_url, "sources")
    assert result.exit_code == 1
    assert (
        f"is at schema 0001, not {migrate.head_revision()}: run `newsdb db upgrade`"
        in result.output
    )


def test_a_load_says_it_migrates_a_schema_an_older_newsdb_made(database_url, empty_engine):
    """A load brings an older schema to head, and says so; a new database is only created."""
    migrate.upgrade(empty_engine, "0001")
    result = run(database_url, "load", str(MINI))
    assert result.exit_code == 0, result.output
    head = migrate.head_revision()
    assert f"newsdb: migrating the schema from 0001 to {head}" in result.output
    assert migrate.current_revision(empty_engine) == head
    again = run(database_url, "load", str(MINI))
    assert again.exit_code == 0 and "migrating" not in again.output
