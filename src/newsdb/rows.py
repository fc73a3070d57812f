"""Writing many rows of one table at the driver's pace: ``COPY`` on PostgreSQL, one
``executemany`` on SQLite, in the caller's transaction and without the ORM in between.

The loader builds its rows as plain values already checked, so nothing is left for
SQLAlchemy to convert; the database still checks every constraint, and triggers fire as for
any insert.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table, exc


def write_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``."""
    if not rows:
        return
    raw = connection.connection.driver_connection
    names = ", ".join(table.c[name].name for name in columns)  # known columns only
    dbapi = connection.dialect.dbapi
    try:
        if connection.dialect.name == "postgresql":
            statement = f"COPY {table.name} ({names}) FROM STDIN"
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        statement = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})"
        raw.executemany(statement, rows)
    except dbapi.Error as error:  # as SQLAlchemy would raise it: IntegrityError, DataError...
        raise exc.DBAPIError.instance(statement, None, error, dbapi.Error) from error
