"""``newsdb db`` and the database URL, through click's runner and as a real process.

The runner is quick and shows stdout and stderr apart; a subprocess is used where the real
process matters: exit codes, tracebacks printed by the interpreter, the installed scripts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import inspect

from newsdb import __version__, migrate
from newsdb.cli import main
from newsdb.db import ENV_VAR, make_engine, normalize_url

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HEAD = migrate.head_revision()


@pytest.fixture(autouse=True)
def no_database_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller's NEWSDB_DATABASE_URL must not leak into these tests."""
    monkeypatch.delenv(ENV_VAR, raising=False)


def newsdb(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def run(
    *args: str, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """The installed ``newsdb`` script, as a user runs it."""
    environment = {key: value for key, value in os.environ.items() if key != ENV_VAR}
    environment.update(env or {})
    return subprocess.run(
        [str(BIN / "newsdb"), *args],
        cwd=cwd,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )


def tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


# The schema's life cycle, on both backends.


def test_upgrade_current_check_downgrade_upgrade(database_url: str) -> None:
    result = newsdb("--database", database_url, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"schema at {HEAD} (head)"
    assert "quote" in tables(database_url)

    result = newsdb("--database", database_url, "db", "current")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{HEAD} (head)"

    result = newsdb("--database", database_url, "db", "check")
    assert result.exit_code == 0, result.output
    assert "matches the models" in result.stdout

    result = newsdb("--database", database_url, "db", "downgrade", "base")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "schema at empty (no schema)"
    # Alembic keeps its (now empty) version table; nothing of newsdb's is left.
    assert tables(database_url) <= {"alembic_version"}
    assert revision(database_url) is None

    result = newsdb("--database", database_url, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert revision(database_url) == HEAD
    assert newsdb("--database", database_url, "db", "check").exit_code == 0


def test_check_on_empty_database_fails(database_url: str, empty_engine) -> None:
    with empty_engine.connect():  # an existing database (for SQLite, a file) with no schema
        pass
    result = newsdb("--database", database_url, "db", "check")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "Error: database is at empty (no schema): run `newsdb db upgrade`"
    )


def test_current_on_empty_database(database_url: str, empty_engine) -> None:
    with empty_engine.connect():
        pass
    result = newsdb("--database", database_url, "db", "current")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "empty (no schema)"


def test_upgrade_to_unknown_revision_fails_cleanly(database_url: str) -> None:
    result = newsdb("--database", database_url, "db", "upgrade", "no-such-revision")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].startswith("Error: ")


def test_a_migration_that_fails_half_way_leaves_the_schema_as_it_was(database_url: str) -> None:
    """0006 creates a table, then an index whose name is taken: the table goes too. SQLite's
    driver used to commit before DDL, so the table stayed and the next upgrade failed on it."""
    assert newsdb("--database", database_url, "db", "upgrade", "0005").exit_code == 0
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE INDEX ix_event_report_event_id_article_id ON event (id)"
            )
        before = tables(database_url)
        result = newsdb("--database", database_url, "db", "upgrade")
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert "ix_event_report_event_id_article_id" in result.stderr.splitlines()[-1]
        assert tables(database_url) == before
        assert revision(database_url) == "0005"
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP INDEX ix_event_report_event_id_article_id")
    finally:
        engine.dispose()
    assert newsdb("--database", database_url, "db", "upgrade").exit_code == 0
    assert revision(database_url) == HEAD


# Which database: --database, then NEWSDB_DATABASE_URL, then ./newsdb.sqlite.


def test_option_beats_environment_beats_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    option, environment, default = (
        tmp_path / "option.sqlite",
        tmp_path / "environment.sqlite",
        tmp_path / "newsdb.sqlite",
    )

    monkeypatch.setenv(ENV_VAR, f"sqlite:///{environment}")
    result = newsdb("--database", f"sqlite:///{option}", "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"newsdb: database sqlite:///{option}"
    assert option.exists() and not environment.exists() and not default.exists()

    result = newsdb("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"newsdb: database sqlite:///{environment}"
    assert environment.exists() and not default.exists()

    monkeypatch.delenv(ENV_VAR)
    result = newsdb("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == "newsdb: database sqlite:///newsdb.sqlite"
    assert default.exists()
    assert revision(f"sqlite:///{default}") == HEAD


@pytest.mark.parametrize(
    "raw",
    ["postgres://u@127.0.0.1/x", "postgresql://u@127.0.0.1/x", "postgresql+psycopg://u@h/x"],
    ids=["postgres", "postgresql", "postgresql+psycopg"],
)
def test_postgres_urls_are_taken_as_psycopg(raw: str) -> None:
    assert normalize_url(raw).drivername == "postgresql+psycopg"


@pytest.mark.postgres
def test_postgres_scheme_works_against_a_server(pg_databases) -> None:
    url = pg_databases.create()
    try:
        postgres_scheme = "postgres://" + url.split("://", 1)[1]
        result = newsdb("--database", postgres_scheme, "db", "upgrade")
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines()[0].startswith("newsdb: database postgresql+psycopg://")
        assert revision(url) == HEAD
    finally:
        pg_databases.drop(url)


# Failures: exit 1, one line starting "Error:", no traceback, never a password.


def assert_one_error_line(exit_code: int, stdout: str, stderr: str) -> str:
    assert exit_code == 1, (stdout, stderr)
    assert "Traceback" not in stdout + stderr
    assert stdout == ""
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, stderr
    # Besides the error, stderr says at most which database was used.
    others = [line for line in stderr.splitlines() if not line.startswith("Error:")]
    assert all(line.startswith("newsdb: database ") for line in others), stderr
    return errors[0]


BAD_DATABASES = {
    "closed-port": (
        "postgresql://u:secret@127.0.0.1:1/x",
        "cannot connect to postgresql+psycopg://u:***@127.0.0.1:1/x: ",
    ),
    "closed-port-postgres-scheme": (
        "postgres://u:secret@127.0.0.1:1/x",
        "cannot connect to postgresql+psycopg://u:***@127.0.0.1:1/x: ",
    ),
    "nonsense": ("nonsense", "not a database URL: 'nonsense'"),
    "mysql": ("mysql://x", "unsupported database 'mysql'"),
    "mysql-with-password": (
        "mysql://u:secret@h/x",
        "unsupported database 'mysql' in mysql://u:***@h/x",
    ),
    "other-driver": ("postgresql+asyncpg://u:secret@h/x", "psycopg 3"),
    "at-sign-in-password": (
        "postgresql://u:sec@secret@127.0.0.1/x",
        "not a database URL: 'postgresql://u:***@127.0.0.1/x': write an '@'",
    ),
    "port-not-a-number": (
        "postgresql://u:secret@h:notaport/x",
        "not a database URL: 'postgresql://u:***@h:notaport",
    ),
}


@pytest.mark.parametrize(("url", "expected"), BAD_DATABASES.values(), ids=BAD_DATABASES.keys())
def test_bad_database_is_one_line(url: str, expected: str) -> None:
    result = newsdb("--database", url, "db", "current")
    # A clean exit is click's SystemExit; anything else escaped would be a traceback.
    assert isinstance(result.exception, SystemExit), result.exception
    error = assert_one_error_line(result.exit_code, result.stdout, result.stderr)
    assert expected in error
    assert "secret" not in result.output


@pytest.mark.parametrize("case", ["closed-port", "nonsense", "mysql"])
def test_bad_database_is_one_line_as_a_process(case: str) -> None:
    url, expected = BAD_DATABASES[case]
    result = run("--database", url, "db", "upgrade")
    error = assert_one_error_line(result.returncode, result.stdout, result.stderr)
    assert expected in error
    assert "secret" not in result.stdout + result.stderr


def test_password_is_masked_when_naming_the_database() -> None:
    result = newsdb("--database", "postgresql://u:secret@127.0.0.1:1/x", "db", "current")
    assert result.exit_code == 1
    assert (
        result.stderr.splitlines()[0] == "newsdb: database postgresql+psycopg://u:***@127.0.0.1:1/x"
    )
    assert "secret" not in result.output


def test_password_from_environment_is_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "postgresql://u:secret@127.0.0.1:1/x")
    result = newsdb("db", "current")
    assert result.exit_code == 1
    assert "u:***@127.0.0.1:1/x" in result.stderr
    assert "secret" not in result.output


def test_sqlite_in_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    result = run("--database", f"sqlite:///{missing / 'newsdb.sqlite'}", "db", "upgrade")
    error = assert_one_error_line(result.returncode, result.stdout, result.stderr)
    assert error == f"Error: cannot open sqlite:///{missing / 'newsdb.sqlite'}: no folder {missing}"
    assert not (tmp_path / "no").exists()


# Help and version.


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: newsdb")
    assert "--database" in result.stdout and ENV_VAR in result.stdout
    assert "db" in result.stdout


def test_version() -> None:
    result = newsdb("--version")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"newsdb, version {__version__}"


def test_db_help() -> None:
    result = newsdb("db", "--help")
    assert result.exit_code == 0, result.output
    for command in ("upgrade", "downgrade", "current", "check"):
        assert command in result.stdout
    assert newsdb("db", "-h").stdout == result.stdout


def test_unknown_command_is_usage_error() -> None:
    result = newsdb("no-such-command")
    assert result.exit_code == 2


# Alembic itself, from the top of the repository, as a developer writing a migration runs it.


def test_alembic_upgrade_head_from_repository(database_url: str) -> None:
    environment = {**os.environ, ENV_VAR: database_url}
    result = subprocess.run(
        [str(BIN / "alembic"), "upgrade", "head"],
        cwd=REPO,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert revision(database_url) == HEAD
    assert newsdb("--database", database_url, "db", "check").exit_code == 0
