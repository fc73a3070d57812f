"""``newsdb db grant-reader ROLE``: the role reads every table and view and writes nothing; its
name is quoted as an identifier, never formatted into the SQL; SQLite says it does not apply."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, exc, inspect, text

from newsdb.cli import main

ONLY_POSTGRES = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)]
)
WRITES = [
    "INSERT INTO annotator (kind, name, created_at) VALUES ('hand', 'intruder', now())",
    "UPDATE article SET slug = 'changed'",
    "DELETE FROM claim_relation",
    "TRUNCATE quote CASCADE",
    "CREATE TABLE intruder (id integer)",
    "CREATE VIEW intruder AS SELECT 1 AS one",
    "DROP VIEW v_sources",
    "ALTER TABLE article ADD COLUMN intruder text",
]


def quoted(engine: Engine, name: str) -> str:
    return engine.dialect.identifier_preparer.quote_identifier(name)


@pytest.fixture
def role(mini) -> Iterator[str]:
    """A role made for the test, with a name that would break SQL formatted raw."""
    name = f'reader {uuid.uuid4().hex[:6]}"; DROP TABLE article CASCADE; --'
    with mini.begin() as connection:
        connection.execute(text(f"CREATE ROLE {quoted(mini, name)} NOLOGIN"))
    yield name
    with mini.begin() as connection:
        connection.execute(text(f"DROP OWNED BY {quoted(mini, name)}"))
        connection.execute(text(f"DROP ROLE {quoted(mini, name)}"))


def grant(url: str, name: str):
    return CliRunner().invoke(main, ["--database", url, "db", "grant-reader", name])


@ONLY_POSTGRES
def test_the_reader_reads_everything_and_writes_nothing(backend, mini, database_url, role):
    result = grant(database_url, role)
    assert result.exit_code == 0, result.output
    assert "write nothing" in result.stdout
    names = inspect(mini).get_table_names() + inspect(mini).get_view_names()
    assert "article" in names  # the role's name was not run as SQL
    with mini.connect() as connection:
        connection.execute(text(f"SET ROLE {quoted(mini, role)}"))
        for name in names:
            connection.execute(text(f"SELECT count(*) FROM {quoted(mini, name)}")).scalar()
        assert connection.execute(text("SELECT count(*) FROM v_sources")).scalar() > 0
        connection.rollback()
        for statement in WRITES:
            connection.execute(text(f"SET ROLE {quoted(mini, role)}"))
            with pytest.raises(exc.ProgrammingError, match="permission denied|must be owner"):
                connection.execute(text(statement))
            connection.rollback()


@ONLY_POSTGRES
def test_a_table_a_later_migration_creates_is_readable_too(backend, mini, database_url, role):
    assert grant(database_url, role).exit_code == 0
    with mini.begin() as connection:  # as the user that migrates
        connection.execute(text("CREATE TABLE later (id integer)"))
    with mini.connect() as connection:
        connection.execute(text(f"SET ROLE {quoted(mini, role)}"))
        assert connection.execute(text("SELECT count(*) FROM later")).scalar() == 0
        with pytest.raises(exc.ProgrammingError, match="permission denied"):
            connection.execute(text("INSERT INTO later VALUES (1)"))


@ONLY_POSTGRES
def test_a_role_that_does_not_exist_is_one_line(backend, mini, database_url):
    result = grant(database_url, 'nobody"; DROP TABLE article; --')
    assert result.exit_code == 1
    assert "Error: no role 'nobody\"; DROP TABLE article; --' on this server" in result.stderr
    assert "article" in inspect(mini).get_table_names()


def test_sqlite_says_it_does_not_apply(tmp_path):
    result = grant(f"sqlite:///{tmp_path / 'newsdb.sqlite'}", "analyst")
    assert result.exit_code == 1
    assert "does not apply to SQLite" in result.stderr and "sqlite3 -readonly" in result.stderr
    assert not (tmp_path / "newsdb.sqlite").exists()
