"""Alembic, driven from Python: the configuration the newsdb command and the tests share.

Alembic is imported only by the functions that migrate: a command that reads the schema's
revision (every query command does, before it asks) needs none of it, and importing it costs
more than the query (issue 15: 129 ms of a read command's start).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

#: the newest migration; ``tests/test_migrate.py`` holds it to the scripts' head, so a new
#: migration must change it (reading the scripts to find it took 23-34 ms of every command)
HEAD_REVISION = "0015"


class DowngradeRefused(Exception):
    """A downgrade refused by a migration because the older schema cannot hold the data (two
    articles' own accounts of an event would be merged into one); the message is one line."""


def refuse_merge(revision: str, held: str, articles_by_event: dict[str, list[str]]) -> None:
    """Raise :class:`DowngradeRefused` for a downgrade below ``revision`` that would merge what
    the articles of each event in ``articles_by_event`` (event slug -> article slugs) give as
    their own, ``held`` saying what the older schema held once per event."""
    if not articles_by_event:
        return
    named = [
        f"{event} ({', '.join(articles)})" for event, articles in sorted(articles_by_event.items())
    ]
    more = f" and {len(named) - 3} more" if len(named) > 3 else ""
    raise DowngradeRefused(
        f"cannot downgrade below {revision}: before it an event held {held} for every article"
        f" that reports it, and the articles of event {'; '.join(named[:3])}{more} give"
        " different ones, which would be merged and could not be told apart again; nothing"
        " was changed. Delete all but one article of each (`newsdb delete SLUG`) first, or"
        " keep this schema"
    )


def alembic_config(connection: Connection | None = None) -> Config:
    """A configuration for the migrations shipped in the package, on ``connection`` if given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("newsdb.migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The revision a database at head is at (without reading the migration scripts)."""
    return HEAD_REVISION


def scripts_head() -> str | None:
    """The head of the migration scripts, read from them (what :data:`HEAD_REVISION` says)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def knows(revision: str) -> bool:
    """Whether ``revision`` is one of this version's migrations (a newer newsdb's is not)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return any(script.revision == revision for script in scripts.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, as Alembic records it; None for no schema."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def migrating(connection: Connection) -> Iterator[None]:
    """One transaction to migrate in, that a failure rolls back whole, on either backend.

    PostgreSQL needs nothing more. On SQLite three things:

    * The driver (the ``sqlite3`` module) commits before any DDL and begins its transactions
      only at the first INSERT, UPDATE or DELETE, so a migration that failed half way left the
      tables it had created. Here the driver is told to begin and commit nothing itself, and
      the transaction is begun explicitly: DDL then rolls back like the rest.
    * A migration that rebuilds a table in batch mode drops the old table, and with foreign
      keys on SQLite first deletes its rows, cascading to every row that refers to them (0006
      rebuilds ``event``). Foreign keys are switched off, which only takes effect outside a
      transaction, and on again after; ``migrations/env.py`` checks before committing that no
      foreign key points nowhere.
    * Two first loads at once on a new file: a plain ``BEGIN`` takes the write lock only at
      the first write, and SQLite refuses at once (``database is locked``), without waiting,
      the one of two readers that cannot then take it. ``BEGIN IMMEDIATE`` takes the write
      lock first, waiting for another migration or load up to the busy timeout
      (:func:`newsdb.db.make_engine`: 30 s), as :func:`newsdb.loader.store` does.
    """
    if connection.dialect.name != "sqlite":
        with connection.begin():
            yield
        return
    driver = connection.connection.driver_connection
    level = driver.isolation_level
    driver.isolation_level = None  # the driver begins and commits nothing by itself
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")  # after the commit or the rollback
        driver.isolation_level = level


def _run(engine: Engine, step, revision: str) -> None:
    with engine.connect() as connection, migrating(connection):
        step(alembic_config(connection), revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    _run(engine, command.upgrade, revision)


def create_or_upgrade(engine: Engine) -> None:
    """Bring the schema to head: a new SQLite file from the migrations' outcome kept as SQL
    (:mod:`newsdb.sqlite_head`, 0.03 s), anything else by running the migrations."""
    if engine.dialect.name == "sqlite":
        from newsdb import sqlite_head

        with engine.connect() as connection, migrating(connection):
            if sqlite_head.create(connection):
                return
    upgrade(engine)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _run(engine, command.downgrade, revision)


class _DryRun(Exception):
    """Raised to roll back a downgrade that was run only to see what it drops."""


def _row_counts(connection: Connection) -> dict[str, int]:
    """Rows per table, but for Alembic's and the tallies (derived: an upgrade recounts them)."""
    from sqlalchemy import func, inspect, select, table

    names = inspect(connection).get_table_names()
    return {
        name: connection.scalar(select(func.count()).select_from(table(name)))
        for name in names
        if name != "alembic_version" and not name.endswith("_tally")
    }


def rows_dropped(engine: Engine, revision: str) -> dict[str, int]:
    """How many rows of each table a downgrade to ``revision`` would remove, by running it
    and rolling it back (DDL is transactional on both backends here). Only tables that
    would lose rows are named."""
    from alembic import command

    lost: dict[str, int] = {}
    try:
        with engine.connect() as connection, migrating(connection):
            before = _row_counts(connection)
            command.downgrade(alembic_config(connection), revision)
            after = _row_counts(connection)
            for name, count in before.items():
                if count > after.get(name, 0):
                    lost[name] = count - after.get(name, 0)
            raise _DryRun
    except _DryRun:
        pass
    return lost
