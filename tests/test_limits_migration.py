"""Migration 0013 adds the limits' CHECKs to a database holding data, and takes them away
again, keeping every row, index, view and trigger; a database holding a value over a limit
is named and left as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from test_limits import state
from test_refusals import MINI

from newsdb import migrate
from newsdb.db import DatabaseError
from newsdb.fingerprint import take_as_they_stand
from newsdb.loader import load_folder
from newsdb.verify import problems


def schema_objects(engine: Engine) -> dict[str, set[str]]:
    """The names of the tables, indexes, views and (on SQLite) triggers of the database."""
    inspector = inspect(engine)
    tables = inspector.get_table_names()
    out = {
        "tables": set(tables),
        "views": set(inspector.get_view_names()),
        "indexes": {i["name"] for t in tables for i in inspector.get_indexes(t)},
    }
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        else:
            sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        out["triggers"] = set(connection.execute(text(sql)).scalars())
    return out


def checks(engine: Engine) -> set[str]:
    inspector = inspect(engine)
    return {
        c["name"] for t in inspector.get_table_names() for c in inspector.get_check_constraints(t)
    }


def test_down_and_up_again_keeps_every_row_view_and_trigger(mini: Engine):
    migrate.downgrade(mini, "0013")  # 0014's fingerprints go with their table: not this test's
    rows, objects, at_head = state(mini), schema_objects(mini), checks(mini)
    migrate.downgrade(mini, "0012")
    assert state(mini) == rows and schema_objects(mini) == objects
    assert not any(name.endswith(("_max_length", "_printable")) for name in checks(mini))
    assert "ck_event_report_fatalities_max" not in checks(mini)
    migrate.upgrade(mini, "0013")
    assert state(mini) == rows and schema_objects(mini) == objects
    assert checks(mini) == at_head
    migrate.upgrade(mini)
    with Session(mini) as session, session.begin():
        take_as_they_stand(session)  # as `newsdb verify --refingerprint` does after 0014
    with Session(mini) as session:
        assert problems(session) == []  # the tallies the triggers keep still match
    with Session(mini) as session, session.begin():  # and the triggers still count
        session.execute(text("DELETE FROM claim WHERE key = 'disaster'"))
    with mini.connect() as connection:
        claims = "SELECT sum(claims) FROM article_actor_tally"
        assert connection.execute(text(claims)).scalar() == 2
    with Session(mini) as session:  # the tallies agree; the fingerprint names the deleted claim
        found = problems(session)
        assert [p for p in found if p.check != "annotation"] == []
        assert "claim" in {p.table for p in found if p.check == "annotation"}


#: a value a database at 0012 holds that 0013 refuses, and whether PostgreSQL can hold it there
OVER = [
    ("actor", "name", "Jane \x1b[2JDoe", "actor.name without control characters", True),
    ("article", "language", "x" * 36, "article.language of at most 35 characters", False),
    ("event_report", "fatalities", 2**31, "event_report.fatalities <= 2147483647", False),
]


@pytest.mark.parametrize(("table", "column", "value", "named", "postgresql"), OVER)
def test_a_value_over_a_limit_stops_the_upgrade_and_is_named(
    backend, engine: Engine, table, column, value, named, postgresql
):
    with Session(engine) as session, session.begin():
        load_folder(session, MINI)
    migrate.downgrade(engine, "0012")
    update = text(f"UPDATE {table} SET {column} = :value")  # the names are this test's own
    if backend == "postgresql" and not postgresql:
        # the column's type (varchar(35), integer) refuses it before any limit of 0013's
        with pytest.raises(DBAPIError), engine.begin() as connection:
            connection.execute(update, {"value": value})
        return
    with engine.begin() as connection:
        connection.execute(update, {"value": value})
    rows = state(engine)
    with pytest.raises(DatabaseError) as refused:
        migrate.upgrade(engine)
    message = str(refused.value)
    assert message.startswith("cannot upgrade to 0013: ")
    assert f" row(s) of {table} break the limit" in message
    assert named in message and "nothing was changed" in message
    assert migrate.current_revision(engine) == "0012"
    assert state(engine) == rows
