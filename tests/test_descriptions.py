"""Every table, view and column is described, and shown where each client looks: COMMENT ON
in PostgreSQL, Datasette's metadata (``newsdb datasette-metadata``) for SQLite and both."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import Engine, inspect, text

from newsdb import sourcing
from newsdb.cli import main
from newsdb.descriptions import describe
from newsdb.models import Base


def test_every_model_column_has_a_comment() -> None:
    for table in Base.metadata.tables.values():
        assert table.comment, table.name
        for column in table.columns:
            assert column.comment, f"{table.name}.{column.name}"


def test_nothing_in_the_live_schema_is_left_undescribed(engine: Engine) -> None:
    described = describe(engine)
    found = inspect(engine)
    live = set(found.get_table_names()) | set(found.get_view_names())
    assert set(described) == live
    assert set(sourcing.VIEW_NAMES) <= live
    for name, (doc, columns, _) in described.items():
        assert doc, f"{name} has no description"
        assert set(columns) == {c["name"] for c in found.get_columns(name)}
        for column, words in columns.items():
            assert words, f"{name}.{column} has no description"


def test_postgresql_holds_them_as_comments_sqlite_clients_read_the_metadata(
    engine: Engine, database_url: str
) -> None:
    described = describe(engine)
    if engine.dialect.name == "postgresql":  # psql \d+, DBeaver, pgAdmin read these
        relations = text(
            "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')"
        )
        columns = text(
            "SELECT c.relname, a.attname, col_description(c.oid, a.attnum) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')"
        )
        with engine.connect() as connection:
            comments = dict(connection.execute(relations).all())
            column_comments = {(t, c): w for t, c, w in connection.execute(columns)}
        assert comments == {name: doc for name, (doc, _, _) in described.items()}
        assert column_comments == {
            (name, column): words
            for name, (_, cols, _) in described.items()
            for column, words in cols.items()
        }
    result = CliRunner().invoke(main, ["--database", database_url, "datasette-metadata"])
    assert result.exit_code == 0, result.output
    (served, database), = json.loads(result.stdout)["databases"].items()  # fmt: skip
    assert served == ("newsdb" if engine.dialect.name == "sqlite" else engine.url.database)
    tables = database["tables"]
    assert {name: (t["description"], t["columns"]) for name, t in tables.items()} == {
        name: (doc, cols) for name, (doc, cols, _) in described.items()
    }


def test_datasette_metadata_lists_the_views_first_with_labels_and_facets(
    engine: Engine, database_url: str, tmp_path
) -> None:
    path = tmp_path / "metadata.json"
    result = CliRunner().invoke(
        main, ["--database", database_url, "datasette-metadata", "--name", "news", "-o", str(path)]
    )
    assert result.exit_code == 0, result.output
    database = json.loads(path.read_text(encoding="utf-8"))["databases"]["news"]
    names = list(database["tables"])
    views = [n for n in names if n.startswith("v_")]
    assert names[: len(views)] == views and set(views) == set(sourcing.VIEW_NAMES)
    html = database["description_html"]
    assert html.index('href="/news/v_sources"') < html.index("</ul>")
    assert all(f'href="/news/{v}"' in html for v in views)
    assert database["tables"]["article"]["label_column"] == "slug"
    assert database["tables"]["actor"]["label_column"] == "name"
    assert database["tables"]["article_actor_tally"]["hidden"] is True
    for name, table in database["tables"].items():
        assert set(table.get("facets", [])) <= set(table["columns"]), name
        assert table.get("label_column", "name") in table["columns"] or name not in {
            "article", "actor", "event", "quote", "claim", "annotator"
        }  # fmt: skip
    assert "sector" in database["tables"]["v_sources"]["facets"]


def test_datasette_metadata_of_a_database_without_schema_is_one_line(database_url: str) -> None:
    result = CliRunner().invoke(main, ["--database", database_url, "datasette-metadata"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("Error: ")
    assert "newsdb seed" in result.output and "Traceback" not in result.output
