"""A new SQLite database made at head from the schema the migrations make, kept as SQL.

Running the 15 migrations on a new file costs 0.6-1.0 s of CPU (importing Alembic, reading its
scripts, SQLite rebuilding tables in batch mode), half of `newsdb seed`'s start; their outcome
as one script of CREATE statements is made in 0.03 s. The migrations stay the schema's source:
``migrations/sqlite_head.sql`` is what they make, written by ``python -m newsdb.sqlite_head``
and held to them by ``tests/test_sqlite_head.py``, and it is used only for a file that holds
nothing yet, at the revision it names (a new migration makes it stale, and then Alembic runs).
"""

from __future__ import annotations

import sqlite3
import sys
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Connection, Engine

from newsdb.migrate import HEAD_REVISION

#: the script's first line, naming the revision it is
_HEADER = "-- the SQLite schema the migrations make, at revision "


def script() -> str:
    return files("newsdb.migrations").joinpath("sqlite_head.sql").read_text(encoding="utf-8")


def statements(text: str) -> list[str]:
    """The statements of ``text``, whole (a trigger's body holds semicolons of its own)."""
    found, pending = [], ""
    for line in text.splitlines(keepends=True):
        if not pending and line.startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    return found


def create(connection: Connection) -> bool:
    """Make the schema at head in ``connection``'s transaction if the file holds nothing and
    the script is at head; say whether it did (if not, run the migrations)."""
    text = script()
    if not text.startswith(f"{_HEADER}{HEAD_REVISION}\n"):
        return False
    if connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
        return False
    for statement in statements(text):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        "INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,)
    )
    return True


def dump(engine: Engine) -> str:
    """The script that makes the schema of ``engine``'s database (at HEAD_REVISION), in the
    order SQLite holds its objects (a table before its indexes and triggers)."""
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            " ORDER BY rowid"
        )
        return f"{_HEADER}{HEAD_REVISION}\n" + "".join(f"{sql};\n" for (sql,) in rows)


def main() -> None:
    """Write migrations/sqlite_head.sql from the migrations, on a new file in a temporary
    folder."""
    import tempfile

    from newsdb import migrate
    from newsdb.db import make_engine

    out = Path(__file__).resolve().parents[2] / "migrations" / "sqlite_head.sql"
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/head.sqlite")
        migrate.upgrade(engine)
        text = dump(engine)
        engine.dispose()
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(statements(text))} statements)", file=sys.stderr)


if __name__ == "__main__":
    main()
