"""The sourcing views under Alembic: created at 0002, dropped on downgrade, unseen by check."""

from __future__ import annotations

import sqlite3

from alembic import command
from click.testing import CliRunner
from sqlalchemy import Engine, inspect

from newsdb import migrate, sourcing
from newsdb.cli import main


def _views(engine: Engine) -> set[str]:
    inspect_ = inspect(engine)
    return {v for v in inspect_.get_view_names() if v.startswith("v_")}


def test_views_come_with_0002_and_go_with_its_downgrade(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine, "0001")
    assert _views(empty_engine) == set()
    migrate.upgrade(empty_engine, "0002")
    assert _views(empty_engine) == set(sourcing.VIEW_NAMES)
    migrate.downgrade(empty_engine, "0001")
    assert _views(empty_engine) == set()
    migrate.upgrade(empty_engine)
    assert _views(empty_engine) == set(sourcing.VIEW_NAMES)


def test_autogenerate_does_not_report_the_views(engine: Engine) -> None:
    with engine.connect() as connection:
        command.check(migrate.alembic_config(connection))  # raises on any difference


def test_db_check_passes_with_the_views(engine: Engine, database_url: str) -> None:
    result = CliRunner().invoke(main, ["--database", database_url, "db", "check"])
    assert result.exit_code == 0, result.output
    assert "matches the models" in result.output


def test_a_sqlite_browser_sees_the_views_by_name(tmp_path) -> None:
    path = tmp_path / "newsdb.sqlite"
    result = CliRunner().invoke(main, ["--database", f"sqlite:///{path}", "db", "upgrade"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(path) as connection:
        names = {
            n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'view'")
        }
        assert names == set(sourcing.VIEW_NAMES)
        for name in names:  # each one runs on the plain sqlite3 module, as Datasette would
            connection.execute(f"SELECT * FROM {name}").fetchall()
