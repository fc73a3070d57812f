"""The sourcing views under Alembic: created at 0002 and 0004, dropped on downgrade, unseen by
check; and the tallies of 0004 with their triggers, which a downgrade removes and an upgrade
recounts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from click.testing import CliRunner
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session

from newsdb import migrate, sourcing, tally
from newsdb.cli import main
from newsdb.loader import load_folder

#: the views migration 0004 adds (the rest are 0002's)
VIEWS_OF_0004 = {"v_actor_tally"}
#: the views of later migrations
VIEWS_LATER = {"v_geography_tally"}


def _views(engine: Engine) -> set[str]:
    inspect_ = inspect(engine)
    return {v for v in inspect_.get_view_names() if v.startswith("v_")}


def test_views_come_with_0002_and_go_with_its_downgrade(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine, "0001")
    assert _views(empty_engine) == set()
    migrate.upgrade(empty_engine, "0002")
    assert _views(empty_engine) == set(sourcing.VIEW_NAMES) - VIEWS_OF_0004 - VIEWS_LATER
    migrate.downgrade(empty_engine, "0001")
    assert _views(empty_engine) == set()
    migrate.upgrade(empty_engine)
    assert _views(empty_engine) == set(sourcing.VIEW_NAMES)


def test_tallies_come_with_0004_and_go_with_its_downgrade(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        load_folder(session, Path(__file__).parent / "data" / "mini")
    profile = text("SELECT * FROM v_attribution_profile ORDER BY article, mode_order")
    with engine.connect() as connection:
        at_head = connection.execute(profile).all()
    migrate.downgrade(engine, "0003")
    assert not {"article_actor_tally", "article_mode_tally"} & set(
        inspect(engine).get_table_names()
    )
    assert _views(engine) == set(sourcing.VIEW_NAMES) - VIEWS_OF_0004 - VIEWS_LATER
    with engine.begin() as connection:
        assert connection.execute(profile).all() == at_head  # 0002's definition again
        connection.execute(text("DELETE FROM quote"))  # no trigger left to fire
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert tally.differences(connection) == []
        counted = text("SELECT COUNT(*), SUM(quotes) FROM article_actor_tally")
        assert tuple(connection.execute(counted).one()) == (4, 0)  # mentions, no quotes left


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


def test_one_name_per_idea_across_the_views(engine: Engine) -> None:
    """An actor's sector is `sector`, prefixed by the actor's part where the row is not the
    actor (speaker_sector, source_sector), beside kind, speaker_kind, source_kind."""
    found = inspect(engine)
    columns = {v: {c["name"] for c in found.get_columns(v)} for v in sourcing.VIEW_NAMES}
    every = set().union(*columns.values())
    assert not every & {"source_type", "actor_type", "speaker_type"}
    assert {n for n in every if "sector" in n} == {"sector", "speaker_sector", "source_sector"}
    assert {n for n in every if n.endswith("kind")} == {
        "kind", "speaker_kind", "source_kind", "mentioned_kind"
    }  # fmt: skip
    for view, names in columns.items():  # the row's own actor: kind and sector side by side
        assert ("sector" in names) <= ("kind" in names), view


def test_flags_are_booleans_where_the_backend_has_them(engine: Engine) -> None:
    flags = {"v_actor_tally": "heard", "v_claim_checks": "differs",
             "v_attribution_profile": "names_source"}  # fmt: skip
    found = inspect(engine)
    for view, flag in flags.items():
        (column,) = [c for c in found.get_columns(view) if c["name"] == flag]
        kind = type(column["type"]).__name__.upper()
        if engine.dialect.name == "postgresql":
            assert kind == "BOOLEAN", (view, flag, kind)
        else:  # SQLite has no boolean type: 1/0, and `WHERE heard` reads the same
            assert kind != "BOOLEAN", (view, flag, kind)
