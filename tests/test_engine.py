"""The engine settings newsdb relies on, checked on the real backends."""

import pytest
from sqlalchemy import text

from newsdb.db import make_engine


def test_sqlite_enforces_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_postgres_plans_afresh_without_jit(backend, database_url):
    """No JIT (it cost more than it saved) and no automatic server-side prepared statements."""
    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SHOW jit")).scalar() == "off"
        assert connection.connection.dbapi_connection.prepare_threshold is None
    engine.dispose()
