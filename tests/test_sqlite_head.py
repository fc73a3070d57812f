"""A new SQLite file is made at head from ``migrations/sqlite_head.sql``: the schema the
migrations make, object for object, and only where they would make it (a file that holds
nothing, a script at head)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdb import migrate, sqlite_head
from newsdb.cli import main
from newsdb.db import make_engine


def canonical(sql: str | None) -> tuple | None:
    """A statement with its named constraints in order of their text: the migrations that
    rebuild a table in batch mode write them in an order that changes from run to run (a
    set's), and one added later on the line before; the columns in their order."""
    if sql is None:
        return None
    lines = [
        part.strip().rstrip(",").strip()
        for line in sql.splitlines()
        for part in line.replace(", CONSTRAINT ", "\nCONSTRAINT ").splitlines()
    ]
    named = sorted(line for line in lines if line.startswith("CONSTRAINT "))
    return tuple(line for line in lines if not line.startswith("CONSTRAINT ")), tuple(named)


def _schema(path: Path) -> tuple[list[tuple], list[tuple]]:
    with sqlite3.connect(path) as connection:
        objects = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        objects = [(*row[:3], canonical(row[3])) for row in objects]
        return objects, connection.execute("SELECT version_num FROM alembic_version").fetchall()


@pytest.fixture
def migrated(tmp_path) -> Path:
    """A new file brought to head by the migrations themselves."""
    path = tmp_path / "migrated.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


def test_the_script_is_what_the_migrations_make(migrated) -> None:
    engine = make_engine(f"sqlite:///{migrated}")
    made, kept = (
        sqlite_head.statements(t) for t in (sqlite_head.dump(engine), sqlite_head.script())
    )
    engine.dispose()
    assert sqlite_head.script().startswith(f"-- {sqlite_head._HEADER[3:]}{migrate.HEAD_REVISION}\n")
    assert sorted(map(canonical, made)) == sorted(map(canonical, kept)), (
        "regenerate it: python -m newsdb.sqlite_head"
    )


def test_a_new_file_made_from_it_has_the_migrations_schema(migrated, tmp_path) -> None:
    path = tmp_path / "new.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection, migrate.migrating(connection):
        assert sqlite_head.create(connection)
    objects, version = _schema(path)
    assert (objects, version) == _schema(migrated)
    assert version == [(migrate.HEAD_REVISION,)] and len(objects) > 150
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    engine.dispose()


def test_newsdb_seed_on_a_new_file_is_at_head_and_verifies(migrated, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'seeded.sqlite'}"
    assert CliRunner().invoke(main, ["--database", url, "seed"]).exit_code == 0
    result = CliRunner().invoke(main, ["--database", url, "verify"])
    assert result.exit_code == 0, result.output
    assert _schema(tmp_path / "seeded.sqlite")[0] == _schema(migrated)[0]


def test_a_file_holding_something_is_migrated(migrated, tmp_path) -> None:
    path = tmp_path / "theirs.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection, migrate.migrating(connection):
        assert not sqlite_head.create(connection)
    migrate.create_or_upgrade(engine)
    engine.dispose()
    objects, version = _schema(path)
    assert version == [(migrate.HEAD_REVISION,)]
    assert ("table", "notes", "notes", canonical("CREATE TABLE notes (body TEXT)")) in objects


def test_a_stale_script_is_not_used(migrated, tmp_path, monkeypatch) -> None:
    """After a new migration, before the script is written again: the migrations run."""
    text = sqlite_head.script().replace(migrate.HEAD_REVISION, "0001", 1)
    monkeypatch.setattr(sqlite_head, "script", lambda: text)
    path = tmp_path / "new.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection, migrate.migrating(connection):
        assert not sqlite_head.create(connection)
    migrate.create_or_upgrade(engine)
    engine.dispose()
    assert _schema(path) == _schema(migrated)


def test_statements_are_split_whole() -> None:
    text = "-- a\nCREATE TABLE t (a);\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    assert sqlite_head.statements(text) == [
        "CREATE TABLE t (a);",
        "CREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;",
    ]
