"""Writing many rows of one table at the driver's pace: ``COPY`` on PostgreSQL, multi-row
``INSERT`` statements on SQLite, in the caller's transaction and without the ORM in between.

The loader builds its rows as plain values already checked, so nothing is left for
SQLAlchemy to convert; the database still checks every constraint, and triggers fire as for
any insert.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
        if connection.dialect.name != "postgresql":  # the statement as written, rows left out
            statement += f" VALUES ({', '.join('?' * len(columns))}), ..."
        raise exc.DBAPIError.instance(statement, None, error, dbapi.Error) from error


#: SQLite's temp_store settings by the number PRAGMA temp_store gives (set by name, not
#: formatted from a value read)
_TEMP_STORE = {0: "DEFAULT", 1: "FILE", 2: "MEMORY"}


@contextmanager
def journals_in_memory(connection: Connection) -> Iterator[None]:
    """Meanwhile, on SQLite, keep the journals of statements and savepoints in memory, not in
    temporary files; ``connection`` must not be in a transaction (it is after, as before).

    A multi-row INSERT into a table with foreign keys may abort half way, so SQLite keeps a
    journal of the statement, a copy of each stored page it changes (an index's rows land
    all over it): past 64 KiB that copy goes to a temporary file, a write() a page. In a bulk
    load of 1,000 seed-size articles that was ~590,000 writes; in memory (``PRAGMA temp_store
    = MEMORY``, which holds temporary tables, such as a recount's, in memory too) the
    writer's system time went from 1.1-1.5 to 0.65-0.85 ms an article and its CPU from 7.2
    to 6.4 (medians of six runs each, two workers reading). Nothing stored depends on it: the
    batch's own journal, what makes a commit whole, stays where it is. The setting is the
    connection's, so the one it had is put back for whatever uses it next."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    before = _TEMP_STORE[raw.execute("PRAGMA temp_store").fetchone()[0]]
    raw.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        if not raw.in_transaction:  # SQLite refuses the change in one (a failure's)
            raw.execute(f"PRAGMA temp_store = {before}")


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
