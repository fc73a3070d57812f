"""`newsdb verify` checks what the annotation said (the fingerprint the loader stores), not
only whether the rows agree with each other: each test changes a seeded database by plain SQL
the way a careless SQL user would, and verify exits 1 naming the article and what changed."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newsdb import fingerprint
from newsdb.cli import main
from newsdb.db import make_engine
from newsdb.loader import ARTICLE_TABLES, load_folder
from newsdb.models import Article, ArticleFingerprint, Base, Paragraph
from newsdb.verify import problems

SEED = Path(__file__).parents[1] / "seeds" / "pakistan-iran-off-ramp"
SLUG = "pakistan-iran-off-ramp"


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--database", url, *args], catch_exceptions=False)


@pytest.fixture
def seeded(empty_engine: Engine, database_url: str) -> Engine:
    result = run(database_url, "seed")
    assert result.exit_code == 0, result.output
    return empty_engine


def sql(engine: Engine, statement: str, **params) -> None:
    with engine.begin() as connection:
        connection.execute(text(statement), params)


def failing(url: str) -> str:
    """verify's output, which must be a failure."""
    result = run(url, "verify")
    assert result.exit_code == 1, result.output
    return result.output


@contextmanager
def careless(engine: Engine):
    """A connection that writes with foreign keys and triggers off: SQLite's foreign keys are
    off unless a connection turns them on (its triggers cannot be switched off: a test drops
    the one it means to bypass); PostgreSQL's are triggers, off for a replica session."""
    if engine.dialect.name == "sqlite":
        raw = sqlite3.connect(engine.url.database)
        try:
            yield raw
            raw.commit()
        finally:
            raw.close()
        return
    with engine.begin() as connection:
        connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        yield connection.connection.driver_connection


def execute(raw, statement: str, *params) -> None:
    if isinstance(raw, sqlite3.Connection):
        raw.execute(statement, params)
    else:
        raw.execute(statement.replace("?", "%s"), params)


def test_an_untouched_seed_verifies(seeded: Engine, database_url: str) -> None:
    result = run(database_url, "verify")
    assert result.exit_code == 0, result.output
    assert "every row its annotation as loaded" in result.output
    with seeded.connect() as connection:
        stored = connection.execute(select(ArticleFingerprint.table_name)).scalars().all()
    assert sorted(stored) == sorted(fingerprint.COLUMNS)


def test_a_quote_deleted_from_under_a_claim(seeded: Engine, database_url: str) -> None:
    sql(seeded, "DELETE FROM quote WHERE key = 'akbar-2'")  # two claims rest on it
    out = failing(database_url)
    assert f"{SLUG}: quote : not as loaded (11 row(s) when loaded, 10 now)" in out
    assert f"{SLUG}: claim_quote : not as loaded (12 row(s) when loaded, 10 now): 2 gone" in out
    assert "claims no longer rest on every quote their annotation gave them" in out


def test_claim_quote_emptied(seeded: Engine, database_url: str) -> None:
    sql(seeded, "DELETE FROM claim_quote")
    out = failing(database_url)
    assert f"{SLUG}: claim_quote : not as loaded (12 row(s) when loaded, 0 now)" in out
    assert "1 problem(s) found" in out


@pytest.mark.parametrize(
    ("change", "table", "shown"),
    [
        (
            (
                "UPDATE event_report SET fatalities = fatalities + 1 WHERE id ="
                " (SELECT MIN(id) FROM event_report WHERE fatalities IS NOT NULL)"
            ),
            "event_report",
            "fatalities=",
        ),
        (
            (
                "UPDATE quote SET speaker_id = (SELECT id FROM actor WHERE slug = 'iran')"
                " WHERE key = 'akbar-2'"
            ),
            "quote",
            "speaker_id=iran",
        ),
        (
            "UPDATE claim_check SET verdict = 'confirmed' WHERE verdict = 'contradicted'",
            "claim_check",
            "verdict=confirmed",
        ),
        (
            (
                "UPDATE mention SET actor_id = (SELECT id FROM actor WHERE slug = 'iran')"
                " WHERE id = (SELECT MIN(m.id) FROM mention m JOIN actor a ON a.id = m.actor_id"
                " WHERE a.slug = 'pakistan')"
            ),
            "mention",
            "actor_id=iran",
        ),
    ],
    ids=["toll", "speaker", "verdict", "mention"],
)
def test_a_value_changed_by_sql(seeded, database_url, change, table, shown) -> None:
    sql(seeded, change)
    out = failing(database_url)
    line = next(line for line in out.splitlines() if line.startswith(f"{SLUG}: {table} :"))
    assert "1 row(s) changed since loading" in line and shown in line
    assert "1 problem(s) found" in out


def test_a_direct_quote_shortened(seeded: Engine, database_url: str) -> None:
    sql(
        seeded,
        "UPDATE quote SET text = substr(text, 1, length(text) - 1), span_end = span_end - 1"
        " WHERE key = 'akbar-2'",
    )
    out = failing(database_url)
    assert "direct quote 'akbar-2'" in out and "no longer runs from its opening" in out
    assert f"{SLUG}: quote : 1 row(s) changed since loading" in out


def test_the_database_refuses_a_continuation_cycle(seeded: Engine) -> None:
    with pytest.raises(IntegrityError, match="cycle"):
        sql(
            seeded,
            "UPDATE quote SET continues_id = (SELECT id FROM quote q WHERE q.continues_id ="
            " (SELECT id FROM quote WHERE key = 'akbar-1')) WHERE key = 'akbar-1'",
        )


def test_verify_finds_a_continuation_cycle_written_past_the_triggers(
    seeded: Engine, database_url: str
) -> None:
    with seeded.connect() as connection:
        first, second = connection.execute(
            text("SELECT continues_id, id FROM quote WHERE continues_id IS NOT NULL ORDER BY id")
        ).first()
        trigger = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'continues_no_cycle_update'")
        ).scalar() if seeded.dialect.name == "sqlite" else None  # fmt: skip
    with careless(seeded) as raw:
        if trigger:
            execute(raw, "DROP TRIGGER continues_no_cycle_update")
        execute(raw, "UPDATE quote SET continues_id = ? WHERE id = ?", second, first)
        if trigger:
            execute(raw, trigger)
    out = failing(database_url)
    assert f"{SLUG}: quote {min(first, second)}: quote continuations make a cycle" in out


def test_rows_orphaned_with_foreign_keys_off(seeded: Engine, database_url: str) -> None:
    with careless(seeded) as raw:
        execute(raw, "DELETE FROM quote WHERE key = ?", "akbar-2")
    out = failing(database_url)
    assert f"{SLUG}: claim_quote : 2 row(s) whose quote_id points at no quote row" in out
    assert f"{SLUG}: quote : not as loaded" in out


def test_an_article_deleted_with_foreign_keys_off_leaves_its_rows_named(
    seeded: Engine, database_url: str
) -> None:
    with seeded.connect() as connection:
        id_ = connection.execute(text("SELECT id FROM article")).scalar_one()
    with careless(seeded) as raw:
        execute(raw, "DELETE FROM article WHERE id = ?", id_)
    out = failing(database_url)
    assert f"article id {id_}: quote : 11 row(s) whose article_id points at no article" in out


def test_the_database_refuses_a_span_past_the_end_of_the_body(seeded: Engine) -> None:
    with seeded.connect() as connection:
        size = connection.execute(text("SELECT length(body) FROM article")).scalar_one()
    with pytest.raises(IntegrityError, match="past the end"):
        sql(
            seeded,
            "UPDATE mention SET span_start = :at, span_end = :at + length(text)"
            " WHERE id = (SELECT MIN(id) FROM mention)",
            at=size - 2,
        )
    with pytest.raises(IntegrityError, match="past the end"):
        sql(seeded, "UPDATE quote SET cue_start = :at, cue_end = :at + length(cue)"
            " WHERE cue IS NOT NULL", at=size)  # fmt: skip
    with pytest.raises(IntegrityError, match="before a span"):
        sql(seeded, "UPDATE article SET body = substr(body, 1, 100)")
    with pytest.raises(IntegrityError, match="past the end"):
        sql(seeded, "INSERT INTO paragraph (article_id, number, span_start, span_end)"
            " SELECT id, 99, 0, :end FROM article", end=size + 1)  # fmt: skip


def test_no_fingerprint_is_said_and_refingerprint_gives_one(
    seeded: Engine, database_url: str
) -> None:
    sql(seeded, "DELETE FROM article_fingerprint")
    out = failing(database_url)
    assert f"{SLUG}: article_fingerprint : no fingerprint: loaded before migration 0014" in out
    result = run(database_url, "verify", "--refingerprint")
    assert result.exit_code == 0, result.output
    assert "fingerprinted 1 article(s)" in result.output
    sql(seeded, "DELETE FROM article_fingerprint WHERE table_name = 'claim'")
    assert "claim : no fingerprint of this table" in failing(database_url)


def _fingerprints(engine: Engine) -> dict[tuple[str, str], tuple]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                Article.slug,
                ArticleFingerprint.table_name,
                ArticleFingerprint.sha256,
                ArticleFingerprint.row_count,
                ArticleFingerprint.row_digests,
            ).join(Article, Article.id == ArticleFingerprint.article_id)
        )
        return {(r[0], r[1]): tuple(r[2:]) for r in rows}


def test_the_fingerprint_is_stable_across_loads_and_deletes(
    seeded: Engine, database_url: str
) -> None:
    before = _fingerprints(seeded)
    assert len(before) == len(fingerprint.COLUMNS)
    assert run(database_url, "seed").exit_code == 0
    assert _fingerprints(seeded) == before
    assert run(database_url, "delete", SLUG, "--yes").exit_code == 0
    assert _fingerprints(seeded) == {}  # it goes with its article
    with Session(seeded) as session, session.begin():  # the loader's own path, one article
        load_folder(session, SEED)
    assert _fingerprints(seeded) == before
    with Session(seeded) as session:
        assert problems(session) == []


@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_the_same_article_has_the_same_fingerprint_on_both_backends(
    seeded: Engine, tmp_path: Path
) -> None:
    lite = make_engine(f"sqlite:///{tmp_path / 'other.sqlite'}")
    try:
        assert run(str(lite.url), "seed").exit_code == 0
        assert _fingerprints(lite) == _fingerprints(seeded)
    finally:
        lite.dispose()


def test_every_column_of_the_annotation_tables_is_fingerprinted_or_left_out_by_name() -> None:
    tables = Base.metadata.tables
    expected = {"article"} | {m.__tablename__ for m in ARTICLE_TABLES} - {Paragraph.__tablename__}
    assert set(fingerprint.COLUMNS) == expected
    for name, columns in fingerprint.COLUMNS.items():
        assert set(columns) | fingerprint.LEFT_OUT >= {c.name for c in tables[name].columns}
        assert set(columns) <= {c.name for c in tables[name].columns}


@pytest.mark.parametrize(
    "values",
    [
        ["plain", 1, None, 0.9, True, ["actor", "a-slug"], ["annotator", ["human", "x"]]],
        ["« guillemets » and “marks”, ü, 中文, an emoji 🙂", "tab\there", "line\nend", "\x7f"],
        [1e-07, 2.5e20, -0.0, 2**40, '\\back\\slash"quoted"'],
        [__import__("datetime").date(2024, 1, 19), "2024-01-19"],
    ],
)
def test_the_canonical_form_is_what_json_dumps_gives(values) -> None:
    """The fingerprint's encoder is json's C encoder made once; the stored fingerprints were
    taken with json.dumps, and must stay comparable."""
    assert fingerprint.canonical(values) == fingerprint.dumped(values)


def test_every_seed_row_has_the_canonical_form_json_dumps_gives() -> None:
    from newsdb.loader import read_folder

    plan = read_folder(SEED)
    rows = {model.__tablename__: rows for model, rows in plan.rows.items()}
    checked = 0
    for name, columns in fingerprint.COLUMNS.items():
        for row in rows.get(name, [plan.article] if name == "article" else []):
            values = [row[c] for c in columns]
            assert fingerprint.canonical(values) == fingerprint.dumped(values)
            checked += 1
    assert checked > 400


def test_a_plan_is_fingerprinted_as_its_rows_one_by_one() -> None:
    """of_plan takes each table's rows together (canonical_rows) and its digests as bytes:
    what it gives is still each row's canonical form, the SHA-256 of them sorted and joined by
    newlines, and each row's first hex digits of its own SHA-256, as stored fingerprints are."""
    from newsdb.loader import read_folder

    plan = read_folder(SEED)
    tables = fingerprint.of_plan(plan)
    rows = {model.__tablename__: rows for model, rows in plan.rows.items()}
    rows["article"] = [plan.article]
    assert list(tables) == list(fingerprint.COLUMNS)
    for name, columns in fingerprint.COLUMNS.items():
        canonical = sorted(fingerprint.canonical([row[c] for c in columns]) for row in rows[name])
        assert sorted(fingerprint.canonical_rows(name, rows[name])) == canonical
        joined = "\n".join(canonical).encode()
        assert tables[name].sha256 == hashlib.sha256(joined).hexdigest()
        assert tables[name].row_count == len(canonical)
        assert tables[name].digests == sorted(
            hashlib.sha256(row.encode()).hexdigest()[: fingerprint.ROW_DIGEST] for row in canonical
        )
    assert sum(table.row_count for table in tables.values()) > 400
