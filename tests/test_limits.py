"""The limits of newsdb.limits, held alike by the annotation format and by both databases.

Each limit is declared once (``newsdb.limits``); the models turn it into named CHECKs and
migration 0013 keeps a copy. These tests hold the copy to the declaration, find every CHECK in
a migrated database, and write each bad value with plain SQL, as any client could, to see the
database refuse it on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DataError, IntegrityError

from newsdb import limits, migrate
from newsdb.models import Base

#: where each limited table's row to change is, and the columns to change with it
SPAN_WITH = {("quote", "cue"): "cue_end", ("claim", "cue"): "cue_end"}
#: how a value of a column starts, to pass the column's other CHECKs
STARTS = {("actor", "wikidata_id"): "Q"}


def migration():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(migrate.alembic_config()).get_revision("0013").module


def test_the_migration_holds_the_declared_limits():
    module = migration()
    assert module.COLUMNS == limits.COLUMNS
    assert module.RANGES == limits.RANGES
    assert module.INTEGERS == {
        table: dict.fromkeys(columns, limits.INT_MAX) for table, columns in limits.INTEGERS.items()
    }


def test_the_models_hold_the_declared_limits():
    for table, columns in limits.COLUMNS.items():
        names = {c.name for c in Base.metadata.tables[table].constraints}
        for column, (_longest, kind) in columns.items():
            assert f"ck_{table}_{column}_max_length" in names
            assert (f"ck_{table}_{column}_printable" in names) == (kind is not None)


def expected_checks(table: str) -> dict[str, str]:
    """Each CHECK of ``table`` the limits ask for, and a number or word its SQL must hold."""
    out = {}
    for column, (longest, kind) in limits.COLUMNS.get(table, {}).items():
        out[f"ck_{table}_{column}_max_length"] = str(longest)
        if kind:
            out[f"ck_{table}_{column}_printable"] = column
    for column in limits.INTEGERS.get(table, ()):
        out[f"ck_{table}_{column}_max"] = str(limits.INT_MAX)
    return out


def test_every_limit_is_a_check_in_the_database(engine: Engine):
    inspector = inspect(engine)
    for table in sorted(limits.COLUMNS.keys() | limits.INTEGERS.keys()):
        found = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table)}
        for name, word in expected_checks(table).items():
            assert name in found, (table, name)
            assert word in found[name], (name, found[name])


# -- a SQL client ----------------------------------------------------------------------------


@pytest.fixture
def every_table(mini: Engine) -> Engine:
    """The mini article, with a row in each limited table it has none in."""
    with mini.begin() as connection:
        connection.execute(text("INSERT INTO actor_alias (actor_id, alias) VALUES (1, 'Jane')"))
        connection.execute(
            text(
                "INSERT INTO claim_check (claim_id, aspect, stated_value, verdict, source,"
                " annotator_id) VALUES (1, 'toll', 'three', 'confirmed', 'the record', 1)"
            )
        )
    return mini


def refused(connection, sql: str, values: dict) -> Exception | None:
    """The error the database gives for ``sql``, in a savepoint rolled back either way."""
    savepoint = connection.begin_nested()
    try:
        result = connection.execute(text(sql), values)
        assert result.rowcount == 1, sql
    except (IntegrityError, DataError) as error:
        return error
    finally:
        savepoint.rollback()
    return None


def _update(table: str, column: str) -> str:
    extra = SPAN_WITH.get((table, column))
    also = f", {extra} = cue_start + :length" if extra else ""
    where = f"id = (SELECT min(id) FROM {table})"
    return f"UPDATE {table} SET {column} = :value{also} WHERE {where}"


def assert_refused(error: Exception | None, backend: str, name: str) -> None:
    assert error is not None, name
    if isinstance(error, IntegrityError):
        assert name in str(error.orig), (name, str(error.orig))
    else:  # PostgreSQL's varchar(n), or its driver refusing a NUL before the server sees it
        assert backend == "postgresql", (name, error)


def test_a_sql_client_cannot_write_past_a_limit(backend, every_table: Engine):
    with every_table.connect() as connection:
        for table, columns in limits.COLUMNS.items():
            for column, (longest, kind) in columns.items():
                sql = _update(table, column)
                start = STARTS.get((table, column), "")

                def value(rest: str, start=start) -> dict:
                    return {"value": start + rest, "length": len(start + rest)}

                # the longest value is taken, one character more is not
                if longest < 100_000:
                    fits = value("1" * (longest - len(start)))
                    assert refused(connection, sql, fits) is None, sql
                over = refused(connection, sql, value("1" * (longest + 1 - len(start))))
                assert_refused(over, backend, f"ck_{table}_{column}_max_length")
                if kind is None:
                    continue
                name = f"ck_{table}_{column}_printable"
                for bad in ["a\x1b[2Jb", "bell\x07", "c1\x9b", "nul\x00"]:
                    assert_refused(refused(connection, sql, value(bad)), backend, name)
                line_break = refused(connection, sql, value("two\nlines\ttabbed"))
                if kind == "line":
                    assert_refused(line_break, backend, name)
                else:
                    assert line_break is None, sql


def test_a_sql_client_cannot_store_a_toll_past_2_31(backend, mini: Engine):
    sql = (
        "UPDATE event_report SET fatalities = :value WHERE id = (SELECT min(id) FROM event_report)"
    )
    with mini.connect() as connection:
        assert refused(connection, sql, {"value": 2**31 - 1}) is None
        for toll in [2**31, 2**40, 2**63 - 1]:
            error = refused(connection, sql, {"value": toll})
            assert_refused(error, backend, "ck_event_report_fatalities_max")


def test_a_sql_client_cannot_insert_a_bad_actor(backend, engine: Engine):
    """INSERT, as a client adding a row would: a good row first, so the case can fail."""
    sql = "INSERT INTO actor (slug, name, kind, sector) VALUES (:slug, :value, 'person', 'unknown')"
    with engine.connect() as connection:
        assert refused(connection, sql, {"slug": "ok", "value": "Jane Doe"}) is None
        for bad, name in [
            ("x" * 501, "ck_actor_name_max_length"),
            ("Jane\x1b]0;pwned\x07", "ck_actor_name_printable"),
            ("Jane\x00Doe", "ck_actor_name_printable"),
        ]:
            assert_refused(refused(connection, sql, {"slug": "bad", "value": bad}), backend, name)
