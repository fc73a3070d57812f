"""Writing many rows of one table at the driver's pace: ``COPY`` on PostgreSQL, one
``executemany`` on SQLite, in the caller's transaction and without the ORM in between.

The loader builds its rows as plain values already checked, so nothing is left for
SQLAlchemy to convert; the database still checks every constraint, and triggers fire as for
any insert.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table, exc, text


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


def new_ids(connection: Connection, table: str, n: int) -> list[int]:
    """``n`` ids for new rows of ``table`` (a model's own name, never input), in order, for
    rows written with their ids: from its sequence on PostgreSQL; on SQLite counted on from
    the largest stored (the writer holds the database's write lock)."""
    if not n:
        return []
    if connection.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
        )
        return sorted(connection.execute(query, {"table": table, "n": n}).scalars())
    first = connection.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")).scalar_one()
    return list(range(first, first + n))
