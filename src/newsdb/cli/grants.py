"""``newsdb db grant-reader``: a PostgreSQL role that may read every table and view, and nothing
more, for people who ask their questions from a SQL client."""

from __future__ import annotations

import click

from newsdb.cli import App, pass_app
from newsdb.cli.db import db
from newsdb.db import DatabaseError, display_url

SQLITE_READ_ONLY = (
    "grant-reader does not apply to SQLite, which has no roles: give SQL users the file"
    " read-only instead (`sqlite3 -readonly newsdb.sqlite`, or the URI file:newsdb.sqlite?mode=ro)"
)


@db.command("grant-reader")
@click.argument("role")
@pass_app
def grant_reader(app: App, role: str) -> None:
    """Let the PostgreSQL role ROLE read every newsdb table and view, and nothing else.

    Gives ROLE USAGE on the schema and SELECT on each table and view in it, now and (by
    default privileges) on those that later migrations run by the same user create. ROLE
    must exist: CREATE ROLE analyst LOGIN. On SQLite, open the file read-only instead.

    \b
    Example:
        newsdb -d postgresql://postgres@127.0.0.1/newsdb db grant-reader analyst
    """
    if app.url.get_backend_name() != "postgresql":
        raise click.ClickException(SQLITE_READ_ONLY)
    if app.revision() is None:
        raise DatabaseError(
            f"{display_url(app.url)} holds no newsdb schema: run `newsdb seed` or"
            " `newsdb db upgrade` first"
        )
    from psycopg import sql  # only PostgreSQL needs it
    from sqlalchemy import inspect, text

    with app.engine.begin() as connection:
        found = text("SELECT 1 FROM pg_roles WHERE rolname = :role")
        if connection.scalar(found, {"role": role}) is None:
            raise click.ClickException(
                f"no role {role!r} on this server: create it first (CREATE ROLE ... LOGIN)"
            )
        schema = connection.scalar(text("SELECT current_schema()"))
        names = inspect(connection).get_table_names(schema)
        names += inspect(connection).get_view_names(schema)
        who, where = sql.Identifier(role), sql.Identifier(schema)
        statements = [
            sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(where, who),
            *(
                sql.SQL("GRANT SELECT ON {}.{} TO {}").format(where, sql.Identifier(name), who)
                for name in sorted(names)
            ),
            sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT ON TABLES TO {}").format(
                where, who
            ),
        ]
        driver = connection.connection.driver_connection  # in the transaction begun above
        for statement in statements:
            driver.execute(statement)
    click.echo(
        f"{role}: may read {len(names)} tables and views in schema {schema}, and write nothing"
    )
