"""Writing many rows of one table at the driver's pace: ``COPY`` on PostgreSQL, one
``executemany`` on SQLite, in the caller's transaction and without the ORM in between.

The loader builds its rows as plain values already checked, so nothing is left for
SQLAlchemy to convert; the database still checks every constraint, and triggers fire as for
any insert.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table


def write_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``."""
    if not rows:
        return
    raw = connection.connection.driver_connection
    names = ", ".join(table.c[name].name for name in columns)  # known columns only
    if connection.dialect.name == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    raw.executemany(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)
