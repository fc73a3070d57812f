"""Writing many rows of one table at the driver's pace: ``COPY`` on PostgreSQL, multi-row
``INSERT`` statements on SQLite, in the caller's transaction and without the ORM in between.

The loader builds its rows as plain values already checked, so nothing is left for
SQLAlchemy to convert; the database still checks every constraint, and triggers fire as for
any insert.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from itertools import chain

from sqlalchemy import Connection, Table, exc, text

#: rows in one SQLite INSERT at most: binding a statement of many rows once costs a quarter
#: less of SQLite's and the driver's CPU than executemany's step and reset for each row (the
#: writer's largest share of a bulk load); past ~100 rows it gains nothing more
ROWS_PER_INSERT = 100


def write_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``."""
    if not rows:
        return
    raw = connection.connection.driver_connection
    names = ", ".join(table.c[name].name for name in columns)  # known columns only
    dbapi = connection.dialect.dbapi
    statement = f"INSERT INTO {table.name} ({names})"
    try:
        if connection.dialect.name == "postgresql":
            statement = f"COPY {table.name} ({names}) FROM STDIN"
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        insert_many(raw, statement, len(columns), rows)
    except dbapi.Error as error:  # as SQLAlchemy would raise it: IntegrityError, DataError...
        raise exc.DBAPIError.instance(statement, None, error, dbapi.Error) from error


def insert_many(raw: sqlite3.Connection, insert: str, width: int, rows: Sequence[tuple]) -> None:
    """``insert`` (``INSERT INTO t (a, b)``) of ``rows`` on SQLite, as many rows a statement
    as :data:`ROWS_PER_INSERT` and the connection's limit of parameters allow."""
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_INSERT, limit // width))
    one = f"({', '.join('?' * width)})"
    full = f"{insert} VALUES {', '.join([one] * per)}"
    whole = len(rows) - len(rows) % per
    for start in range(0, whole, per):
        raw.execute(full, list(chain.from_iterable(rows[start : start + per])))
    if tail := rows[whole:]:
        raw.execute(
            f"{insert} VALUES {', '.join([one] * len(tail))}", list(chain.from_iterable(tail))
        )


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
