"""Alembic, driven from Python: the configuration the newsdb command and the tests share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


def alembic_config(connection: Connection | None = None) -> Config:
    """A configuration for the migrations shipped in the package, on ``connection`` if given."""
    config = Config()
    config.set_main_option("script_location", str(files("newsdb.migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """On SQLite, switch foreign key enforcement off around a migration, and on again after.

    A migration that rebuilds a table in batch mode drops the old table, and with foreign keys
    on, SQLite first deletes its rows, cascading to every row that refers to them (0006
    rebuilds ``event``). The pragma only takes effect outside a transaction, so it is set
    before the migration's transaction begins; ``migrations/env.py`` checks, before it
    commits, that no foreign key points nowhere. PostgreSQL needs nothing.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        yield
    finally:
        if connection.in_transaction():
            connection.rollback()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()


def _run(engine: Engine, step, revision: str) -> None:
    with engine.connect() as connection, foreign_keys_off(connection), connection.begin():
        step(alembic_config(connection), revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, command.downgrade, revision)
