"""`newsdb.rows.write_rows`: every row written once and in full, however many a statement
takes, and a row the database refuses refused as SQLAlchemy would raise it."""

from __future__ import annotations

import pytest
from sqlalchemy import exc, select

from newsdb import rows
from newsdb.models import Annotator

COLUMNS = ("kind", "name", "note")


def written(engine) -> list[tuple]:
    with engine.connect() as connection:
        query = select(Annotator.kind, Annotator.name, Annotator.note).order_by(Annotator.name)
        return [tuple(row) for row in connection.execute(query)]


@pytest.mark.parametrize("n", [1, 2, 7, 250])
def test_every_row_is_written_once_with_its_values(engine, monkeypatch, n):
    """Statements of 3 rows here: full ones, a shorter last one, or only that."""
    monkeypatch.setattr(rows, "ROWS_PER_INSERT", 3)
    made = [("rule", f"rule-{i:04d}", None if i % 2 else f"note {i}") for i in range(n)]
    with engine.begin() as connection:
        rows.write_rows(connection, Annotator.__table__, COLUMNS, made)
    assert [r for r in written(engine) if r[1].startswith("rule-")] == made


def test_a_refused_row_is_an_integrity_error_and_nothing_of_the_call_stays(engine, monkeypatch):
    monkeypatch.setattr(rows, "ROWS_PER_INSERT", 2)
    made = [("rule", "a", None), ("rule", "b", None), ("no such kind", "c", None)]
    with pytest.raises(exc.IntegrityError) as refused, engine.begin() as connection:
        rows.write_rows(connection, Annotator.__table__, COLUMNS, made)
    assert not [r for r in written(engine) if r[1] in ("a", "b", "c")]
    # the statement it names is the one written: COPY, or an INSERT with its VALUES
    expected = {
        "postgresql": "COPY annotator (kind, name, note) FROM STDIN",
        "sqlite": "INSERT INTO annotator (kind, name, note) VALUES (?, ?, ?), ...",
    }
    assert refused.value.statement == expected[engine.dialect.name]


def temp_store(connection) -> int:
    return connection.connection.driver_connection.execute("PRAGMA temp_store").fetchone()[0]


def test_sqlite_keeps_statement_journals_in_memory_meanwhile_and_as_before_after(engine):
    """In memory (2) while the rows are written, in a transaction; the setting it had after,
    whatever it was (1: in files)."""
    if engine.dialect.name != "sqlite":
        with engine.connect() as connection, rows.journals_in_memory(connection):
            pass  # nothing to set: PostgreSQL has no such journal
        return
    with engine.connect() as connection:
        connection.connection.driver_connection.execute("PRAGMA temp_store = FILE")
        with rows.journals_in_memory(connection):
            assert temp_store(connection) == 2
            with connection.begin():
                rows.write_rows(connection, Annotator.__table__, COLUMNS, [("rule", "x", None)])
                assert temp_store(connection) == 2
        assert temp_store(connection) == 1
    assert ("rule", "x", None) in written(engine)
