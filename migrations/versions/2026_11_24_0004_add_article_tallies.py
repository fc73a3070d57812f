"""Add per-article tallies, kept by triggers, for the sourcing questions over many articles.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 17:00:00

A question over a month or a year of a collection ("who was quoted most in 2025", "which
attribution modes") had to visit every quote and claim of every article in the range, reached
one article at a time: 383 ms a year for the attribution profile and 1.6 s for the sources
heard, hand-written, at 100,000 articles (bench/README.md). The counts those questions add up
change only when an article's annotation does, so the database keeps them per article:

* ``article_actor_tally``: per (article, actor), its mentions, quote segments, words quoted
  (direct and partial quotes) and claims credited;
* ``article_mode_tally``: per (article, attribution mode), the claims;

each with the article's ``published_date`` beside the counts and an index that leads with it,
so a range of dates is one index range read from the index alone.

Triggers keep them equal to what they count, on SQLite and PostgreSQL alike, whoever writes:
on every insert, delete, and update of a counted column of ``mention``, ``quote`` and
``claim``, and on an update of ``article.published_date``. A tally row is created at the first
count and deleted when its counts return to zero. PostgreSQL runs one plpgsql function per
table, and counts everything again after a TRUNCATE of one of them; SQLite runs three
triggers per table (insert, delete, update), whose bodies are the same statements. A bulk load that bypasses triggers (``session_replication_role = replica``) must
call ``newsdb.tally.rebuild`` afterwards; ``newsdb verify`` recounts the tallies and reports any
difference.

The views ``v_attribution_profile`` and ``v_attribution_summary`` are redefined to read
``article_mode_tally`` (the same rows as 0002's definitions, which the tests keep as their
reference), and ``v_actor_tally`` shows the actor tally with each actor's name and kind.

A later migration that rebuilds ``mention``, ``quote``, ``claim`` or ``article`` in SQLite batch
mode loses these triggers with the old table and must create them again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: words in a quote's text that count as quoted: direct and partial quotes, as in v_sources
_WORDS = (
    "CASE WHEN {r}.kind IN ('direct', 'partial')"
    " THEN length({r}.text) - length(replace({r}.text, ' ', '')) + 1 ELSE 0 END"
)

#: table -> (the actor column, counted columns, (mentions, quotes, words, claims) of a row
#: ``{r}``); a claim without a source counts for no actor
ACTOR_COUNTS = {
    "mention": ("actor_id", ("article_id", "actor_id"), ("1", "0", "0", "0")),
    "quote": ("speaker_id", ("article_id", "speaker_id", "kind", "text"), ("0", "1", _WORDS, "0")),
    "claim": ("source_id", ("article_id", "source_id", "attribution_mode"), ("0", "0", "0", "1")),
}
_COUNTS = ("mentions", "quotes", "words_quoted", "claims")


def _add_actor(table: str, r: str) -> str:
    actor, _, counts = ACTOR_COUNTS[table]
    values = ", ".join(c.format(r=r) for c in counts)
    updates = ", ".join(f"{c} = article_actor_tally.{c} + excluded.{c}" for c in _COUNTS)
    return (
        "INSERT INTO article_actor_tally"
        " (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims)"
        f" SELECT {r}.article_id, {r}.{actor}, a.published_date, {values}"
        f" FROM article a WHERE a.id = {r}.article_id AND {r}.{actor} IS NOT NULL"
        f" ON CONFLICT (article_id, actor_id) DO UPDATE SET {updates};"
    )


def _remove_actor(table: str, r: str) -> str:
    actor, _, counts = ACTOR_COUNTS[table]
    updates = ", ".join(
        f"{c} = {c} - ({n.format(r=r)})" for c, n in zip(_COUNTS, counts, strict=True)
    )
    key = f"article_id = {r}.article_id AND actor_id = {r}.{actor}"
    return (
        f"UPDATE article_actor_tally SET {updates} WHERE {key};"
        f" DELETE FROM article_actor_tally WHERE {key}"
        " AND mentions = 0 AND quotes = 0 AND claims = 0;"
    )


def _add_mode(r: str) -> str:
    return (
        "INSERT INTO article_mode_tally"
        " (article_id, attribution_mode, published_date, claims)"
        f" SELECT {r}.article_id, {r}.attribution_mode, a.published_date, 1"
        f" FROM article a WHERE a.id = {r}.article_id"
        " ON CONFLICT (article_id, attribution_mode) DO UPDATE SET claims = article_mode_tally.claims + 1;"
    )


def _remove_mode(r: str) -> str:
    key = f"article_id = {r}.article_id AND attribution_mode = {r}.attribution_mode"
    return (
        f"UPDATE article_mode_tally SET claims = claims - 1 WHERE {key};"
        f" DELETE FROM article_mode_tally WHERE {key} AND claims = 0;"
    )


def _add(table: str, r: str) -> str:
    return _add_actor(table, r) + (" " + _add_mode(r) if table == "claim" else "")


def _remove(table: str, r: str) -> str:
    return _remove_actor(table, r) + (" " + _remove_mode(r) if table == "claim" else "")


_DATE_SYNC = (
    "UPDATE article_actor_tally SET published_date = NEW.published_date"
    " WHERE article_id = NEW.id;"
    " UPDATE article_mode_tally SET published_date = NEW.published_date"
    " WHERE article_id = NEW.id;"
)

#: every tally from the base tables: the backfill below (newsdb.tally holds the same recount)
RECOUNT_ACTORS = f"""
INSERT INTO article_actor_tally
    (article_id, actor_id, published_date, mentions, quotes, words_quoted, claims)
SELECT n.article_id, n.actor_id, a.published_date,
    SUM(n.mentions), SUM(n.quotes), SUM(n.words_quoted), SUM(n.claims)
FROM (
    SELECT article_id, actor_id, 1 AS mentions, 0 AS quotes, 0 AS words_quoted, 0 AS claims
    FROM mention
    UNION ALL
    SELECT article_id, speaker_id, 0, 1, {_WORDS.format(r="quote")}, 0 FROM quote
    UNION ALL
    SELECT article_id, source_id, 0, 0, 0, 1 FROM claim WHERE source_id IS NOT NULL
) n
JOIN article a ON a.id = n.article_id
GROUP BY n.article_id, n.actor_id, a.published_date
"""
RECOUNT_MODES = """
INSERT INTO article_mode_tally (article_id, attribution_mode, published_date, claims)
SELECT c.article_id, c.attribution_mode, a.published_date, COUNT(*)
FROM claim c JOIN article a ON a.id = c.article_id
GROUP BY c.article_id, c.attribution_mode, a.published_date
"""


def _create_triggers_postgresql() -> None:
    for table, (_, columns, _) in ACTOR_COUNTS.items():
        op.execute(
            f"""CREATE FUNCTION tally_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN {_remove(table, "OLD")} END IF;
    IF TG_OP <> 'DELETE' THEN {_add(table, "NEW")} END IF;
    RETURN NULL;
END $$"""
        )
        op.execute(
            f"CREATE TRIGGER tally_{table} AFTER INSERT OR DELETE"
            f" OR UPDATE OF {', '.join(columns)} ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION tally_{table}()"
        )
    # TRUNCATE fires no row trigger: count everything again (SQLite has no TRUNCATE, and
    # does not take its shortcut for DELETE without WHERE on a table with triggers)
    op.execute(
        f"""CREATE FUNCTION tally_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM article_actor_tally;
    DELETE FROM article_mode_tally;
    {RECOUNT_ACTORS};
    {RECOUNT_MODES};
    RETURN NULL;
END $$"""
    )
    for table in ACTOR_COUNTS:
        op.execute(
            f"CREATE TRIGGER tally_{table}_truncate AFTER TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION tally_recount()"
        )
    op.execute(
        f"""CREATE FUNCTION tally_article_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_DATE_SYNC}
    RETURN NULL;
END $$"""
    )
    op.execute(
        "CREATE TRIGGER tally_article_date AFTER UPDATE OF published_date ON article"
        " FOR EACH ROW WHEN (OLD.published_date IS DISTINCT FROM NEW.published_date)"
        " EXECUTE FUNCTION tally_article_date()"
    )


def _create_triggers_sqlite() -> None:
    for table, (_, columns, _) in ACTOR_COUNTS.items():
        op.execute(
            f"CREATE TRIGGER tally_{table}_insert AFTER INSERT ON {table}"
            f" BEGIN {_add(table, 'NEW')} END"
        )
        op.execute(
            f"CREATE TRIGGER tally_{table}_delete AFTER DELETE ON {table}"
            f" BEGIN {_remove(table, 'OLD')} END"
        )
        op.execute(
            f"CREATE TRIGGER tally_{table}_update AFTER UPDATE OF {', '.join(columns)}"
            f" ON {table} BEGIN {_remove(table, 'OLD')} {_add(table, 'NEW')} END"
        )
    op.execute(
        "CREATE TRIGGER tally_article_date AFTER UPDATE OF published_date ON article"
        f" WHEN OLD.published_date IS NOT NEW.published_date BEGIN {_DATE_SYNC} END"
    )


def _drop_triggers(dialect: str) -> None:
    if dialect == "postgresql":
        for table in ACTOR_COUNTS:
            op.execute(f"DROP TRIGGER IF EXISTS tally_{table}_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS tally_recount()")
        for table in [*ACTOR_COUNTS, "article"]:
            name = f"tally_{table}" if table != "article" else "tally_article_date"
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    else:
        for table in ACTOR_COUNTS:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS tally_{table}_{event}")
        op.execute("DROP TRIGGER IF EXISTS tally_article_date")


# -- views -----------------------------------------------------------------------------------

_MODES = (
    "named_person",
    "institution",
    "unnamed_official",
    "vague_collective",
    "passive",
    "writer",
)
_MODE_COUNTS = ",\n            ".join(
    f"SUM(CASE WHEN t.attribution_mode = '{mode}' THEN t.claims ELSE 0 END) AS {mode}"
    for mode in _MODES
)
_MODE_CLAIMS = (
    "CASE m.mode_order "
    + " ".join(f"WHEN {n} THEN n.{mode}" for n, mode in enumerate(_MODES, 1))
    + " END"
)

VIEWS = {}

#: 0002's rows, counted from the tally: one row per article with claims and mode
VIEWS["v_attribution_profile"] = f"""
WITH mode AS (
        SELECT 1 AS mode_order, CAST('named_person' AS VARCHAR(20)) AS attribution_mode,
            CAST('named person' AS VARCHAR(60)) AS mode_label, 1 AS names_source
        UNION ALL SELECT 2, 'institution', 'institution or official statement', 1
        UNION ALL SELECT 3, 'unnamed_official', 'unnamed official', 0
        UNION ALL SELECT 4, 'vague_collective', 'vague collective', 0
        UNION ALL SELECT 5, 'passive', 'passive or agentless', 0
        UNION ALL SELECT 6, 'writer', 'the writer''s own voice', 0
    ),
    counted AS (
        SELECT a.slug AS slug, t.published_date AS published_date, SUM(t.claims) AS claims,
            {_MODE_COUNTS}
        FROM article_mode_tally t JOIN article a ON a.id = t.article_id
        GROUP BY t.article_id, a.slug, t.published_date
    )
SELECT
    n.slug AS article,
    n.published_date AS published_date,
    m.mode_order AS mode_order,
    m.attribution_mode AS attribution_mode,
    m.mode_label AS mode_label,
    m.names_source AS names_source,
    {_MODE_CLAIMS} AS claims,
    n.claims AS article_claims,
    CAST({_MODE_CLAIMS} AS DOUBLE PRECISION) / n.claims AS share
FROM counted n
CROSS JOIN mode m
"""

_NAMED = "CASE WHEN t.attribution_mode IN ('named_person', 'institution') THEN t.claims ELSE 0 END"
_SOURCED = "CASE WHEN t.attribution_mode IN ('passive', 'writer') THEN 0 ELSE t.claims END"
VIEWS["v_attribution_summary"] = f"""
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    SUM(t.claims) AS claims,
    SUM({_NAMED}) AS named_claims,
    CAST(SUM({_NAMED}) AS DOUBLE PRECISION) / SUM(t.claims) AS named_share,
    SUM({_SOURCED}) AS sourced_claims,
    CAST(SUM({_SOURCED}) AS DOUBLE PRECISION) / SUM(t.claims) AS sourced_share,
    SUM(CASE WHEN t.attribution_mode = 'passive' THEN t.claims ELSE 0 END) AS passive_claims,
    SUM(CASE WHEN t.attribution_mode = 'writer' THEN t.claims ELSE 0 END) AS writer_claims
FROM article_mode_tally t
JOIN article a ON a.id = t.article_id
GROUP BY t.article_id, a.slug, t.published_date
"""

#: an actor's counts in one article, with who the actor is; ``heard`` when quoted or credited.
#: The joins are LEFT JOINs on primary keys, which the tally's NOT NULL foreign keys make
#: exact: a query that does not ask for ``article`` (grouping by actor, say) lets PostgreSQL
#: and SQLite drop that join (105 against 127 ms a month at 100,000 articles).
VIEWS["v_actor_tally"] = """
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    s.slug AS actor_slug,
    s.name AS name,
    CASE WHEN s.kind = 'person' THEN 'named person'
        WHEN s.kind = 'anonymous' THEN 'unnamed individual'
        WHEN s.kind IN ('collective', 'population') THEN 'collective'
        ELSE 'institution' END AS source_class,
    s.kind AS kind,
    s.sector AS source_type,
    COALESCE(s.country, parent.country) AS country,
    t.mentions AS mentions,
    t.quotes AS quotes,
    t.words_quoted AS words_quoted,
    t.claims AS claims,
    CASE WHEN t.quotes + t.claims > 0 THEN 1 ELSE 0 END AS heard
FROM article_actor_tally t
LEFT JOIN article a ON a.id = t.article_id
LEFT JOIN actor s ON s.id = t.actor_id
LEFT JOIN actor parent ON parent.id = s.parent_id
"""
_REPLACED = ("v_attribution_profile", "v_attribution_summary")


def _views_of_0002() -> dict[str, str]:
    script = op.get_context().script
    return script.get_revision("0002").module.VIEWS


def upgrade() -> None:
    op.create_table(
        "article_actor_tally",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.Column("words_quoted", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "mentions >= 0 AND quotes >= 0 AND words_quoted >= 0 AND claims >= 0",
            name=op.f("ck_article_actor_tally_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_article_actor_tally_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_actor_tally_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "actor_id", name=op.f("pk_article_actor_tally")),
    )
    op.create_index(
        "ix_article_actor_tally_by_date",
        "article_actor_tally",
        [
            "published_date",
            "actor_id",
            "mentions",
            "quotes",
            "words_quoted",
            "claims",
            "article_id",
        ],
    )
    op.create_index(
        "ix_article_actor_tally_actor_id_article_id",
        "article_actor_tally",
        ["actor_id", "article_id"],
    )
    op.create_table(
        "article_mode_tally",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("attribution_mode", sa.String(length=20), nullable=False),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "attribution_mode IN ('named_person', 'institution', 'unnamed_official',"
            " 'vague_collective', 'passive', 'writer')",
            name=op.f("ck_article_mode_tally_attribution_mode_vocab"),
        ),
        sa.CheckConstraint("claims >= 0", name=op.f("ck_article_mode_tally_claims_not_negative")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_mode_tally_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "article_id", "attribution_mode", name=op.f("pk_article_mode_tally")
        ),
    )
    op.create_index(
        "ix_article_mode_tally_by_date",
        "article_mode_tally",
        ["published_date", "attribution_mode", "claims", "article_id"],
    )
    op.execute(RECOUNT_ACTORS)
    op.execute(RECOUNT_MODES)
    if op.get_bind().dialect.name == "postgresql":
        _create_triggers_postgresql()
    else:
        _create_triggers_sqlite()
    for name in _REPLACED:
        op.execute(f"DROP VIEW {name}")
    for name, body in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {body}")


def downgrade() -> None:
    old = _views_of_0002()
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW {name}")
    for name in _REPLACED:
        op.execute(f"CREATE VIEW {name} AS {old[name]}")
    _drop_triggers(op.get_bind().dialect.name)
    op.drop_table("article_mode_tally")
    op.drop_table("article_actor_tally")
