"""Alembic environment for newsdb.

The database comes from, in order: a connection handed in through
``config.attributes["connection"]`` (the newsdb command, the tests), ``-x url=...``, the
``NEWSDB_DATABASE_URL`` environment variable, and ./newsdb.sqlite.
"""

from alembic import context
from sqlalchemy import Engine, text

from newsdb.db import make_engine, resolve_url
from newsdb.migrate import migrating
from newsdb.models import Base

config = context.config
target_metadata = Base.metadata

#: pg_advisory_xact_lock key held while migrating, so two `newsdb seed` runs at once
#: do not both try to create the schema.
MIGRATION_LOCK = 72_0001


def include_object(obj, name, type_, reflected, compare_to):
    # Views are created by hand-written SQL in migrations, not by the models.
    if type_ == "table" and (name == "sqlite_sequence" or obj.info.get("is_view")):
        return False
    return True


def process_revision_directives(context_, revision, directives):
    # The cookbook's guard: `alembic revision --autogenerate` with nothing to do writes no file.
    if getattr(config.cmd_opts, "autogenerate", False):
        script = directives[0]
        if script.upgrade_ops.is_empty():
            directives[:] = []
            print("No changes in schema detected; no revision written.")


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        process_revision_directives=process_revision_directives,
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            _check_foreign_keys(connection)


def _check_foreign_keys(connection) -> None:
    """SQLite migrates with foreign keys off (newsdb.migrate.migrating): before the
    transaction commits, make sure that no row was left pointing nowhere."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise RuntimeError(
            f"the migration left {len(broken)} row(s) whose foreign key points nowhere,"
            f" the first in {table} (rowid {rowid}) referring to {parent}"
        )


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if isinstance(connectable, Engine):  # pytest-alembic hands in an engine
        with connectable.connect() as connection, migrating(connection):
            run_migrations(connection)
        return
    if connectable is not None:
        run_migrations(connectable)
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    engine = make_engine(resolve_url(url))
    with engine.connect() as connection, migrating(connection):
        run_migrations(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("newsdb migrations run online only: give a database, not --sql")
run_migrations_online()
