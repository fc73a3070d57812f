"""Keep, per claim, how many distinct sources support it, for corroboration over many articles.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 19:00:00

"Which claims rest on a single source, or on none" over a month or a year of a collection had
to find every claim's supporting sources, the claim's own, the speakers of the quotes it rests
on and the sources of the claims that corroborate it either way: about half a second for a
month at 100,000 articles, hand-written (bench/README.md). ``claim_support_tally`` keeps, per
claim, its attribution mode, the number of distinct ``sources`` that support it and the
number of ``conflicting_claims``, with the article's ``published_date`` and an index that leads
with it, so a range of dates is one index range, read from the index alone. The counts are
those of ``v_corroboration``.

Triggers keep it exact on SQLite and PostgreSQL, whoever writes: a claim's row is recounted
when the claim is inserted, changes article, mode or source, or is deleted (with the claims
linked to it), when a quote it rests on is added, removed or changes speaker, and when a
corroborating or conflicting link is added, changed or removed; the article's date follows
into it. PostgreSQL counts everything again after a TRUNCATE of ``claim``, ``claim_quote``,
``claim_relation`` or ``quote``. The triggers recount one claim with correlated subqueries;
the backfill, ``newsdb verify`` and ``newsdb.tally.rebuild`` count all claims at once with
grouped ones (``RECOUNT``), and the tests hold the two to each other.

As with 0004, a later migration that rebuilds one of these tables in SQLite batch mode loses
its triggers and must create them again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MODES = (
    "'named_person', 'institution', 'unnamed_official', 'vague_collective', 'passive', 'writer'"
)

#: the distinct actors that support claim ``{c}``: its own source, the speakers of the quotes
#: it rests on, the sources of the claims that corroborate it or that it corroborates
_SUPPORTERS = """
    SELECT c.source_id AS actor_id FROM claim c WHERE c.id = {c} AND c.source_id IS NOT NULL
    UNION SELECT q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        WHERE cq.claim_id = {c}
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = {c} AND r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION SELECT o.source_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = {c} AND r.relation = 'corroborates' AND o.source_id IS NOT NULL"""
#: the distinct claims that conflict with claim ``{c}``, either way
_CONFLICTING = """
    SELECT r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.claim_id = {c} AND r.relation = 'conflicts'
    UNION SELECT r.claim_id FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.other_claim_id = {c} AND r.relation = 'conflicts'"""

_THIS = "claim_support_tally.claim_id"
_RECOUNTED = (
    f"sources = (SELECT COUNT(*) FROM ({_SUPPORTERS.format(c=_THIS)}) s),"
    f" conflicting_claims = (SELECT COUNT(*) FROM ({_CONFLICTING.format(c=_THIS)}) k)"
)


def _recount(claims: str) -> str:
    """Recount the tally rows of the claims whose ids ``claims`` (a subquery) selects."""
    return f"UPDATE claim_support_tally SET {_RECOUNTED} WHERE claim_id IN ({claims});"


def _linked(c: str) -> str:
    return (
        f"SELECT other_claim_id FROM claim_relation WHERE claim_id = {c}"
        f" UNION SELECT claim_id FROM claim_relation WHERE other_claim_id = {c}"
    )


def _add_claim(r: str) -> str:
    return (
        "INSERT INTO claim_support_tally"
        " (claim_id, article_id, published_date, attribution_mode, sources, conflicting_claims)"
        f" SELECT {r}.id, {r}.article_id, a.published_date, {r}.attribution_mode, 0, 0"
        f" FROM article a WHERE a.id = {r}.article_id;"
        f" {_recount(f'SELECT {r}.id')} {_recount(_linked(f'{r}.id'))}"
    )


def _remove_claim(r: str) -> str:
    return (
        f"DELETE FROM claim_support_tally WHERE claim_id = {r}.id; {_recount(_linked(f'{r}.id'))}"
    )


#: table -> (the columns whose update matters, the statements for an old row ``{r}`` going
#: and a new one coming); a claim_quote or claim_relation row recounts the claims it links
TRIGGERS = {
    "claim": (("id", "article_id", "attribution_mode", "source_id"), _remove_claim, _add_claim),
    "claim_quote": (
        ("claim_id", "quote_id"),
        lambda r: _recount(f"SELECT {r}.claim_id"),
        lambda r: _recount(f"SELECT {r}.claim_id"),
    ),
    "claim_relation": (
        ("claim_id", "other_claim_id", "relation"),
        lambda r: _recount(f"SELECT {r}.claim_id UNION SELECT {r}.other_claim_id"),
        lambda r: _recount(f"SELECT {r}.claim_id UNION SELECT {r}.other_claim_id"),
    ),
    "quote": (
        ("id", "speaker_id"),
        lambda r: _recount(f"SELECT claim_id FROM claim_quote WHERE quote_id = {r}.id"),
        lambda r: _recount(f"SELECT claim_id FROM claim_quote WHERE quote_id = {r}.id"),
    ),
}
_DATE_SYNC = (
    "UPDATE claim_support_tally SET published_date = NEW.published_date WHERE article_id = NEW.id;"
)

#: every claim's row, counted at once (newsdb.tally holds the same recount)
RECOUNT = """
SELECT c.id, c.article_id, a.published_date, c.attribution_mode,
    COALESCE(s.sources, 0), COALESCE(k.conflicting_claims, 0)
FROM claim c
JOIN article a ON a.id = c.article_id
LEFT JOIN (
    SELECT l.claim_id, COUNT(DISTINCT l.actor_id) AS sources FROM (
        SELECT id AS claim_id, source_id AS actor_id FROM claim WHERE source_id IS NOT NULL
        UNION ALL
        SELECT cq.claim_id, q.speaker_id FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        UNION ALL
        SELECT r.claim_id, o.source_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
        UNION ALL
        SELECT r.other_claim_id, o.source_id FROM claim_relation r
        JOIN claim o ON o.id = r.claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
    ) l
    GROUP BY l.claim_id
) s ON s.claim_id = c.id
LEFT JOIN (
    SELECT l.claim_id, COUNT(DISTINCT l.other_id) AS conflicting_claims FROM (
        SELECT r.claim_id, r.other_claim_id AS other_id FROM claim_relation r
        JOIN claim o ON o.id = r.other_claim_id WHERE r.relation = 'conflicts'
        UNION ALL
        SELECT r.other_claim_id, r.claim_id FROM claim_relation r
        JOIN claim o ON o.id = r.claim_id WHERE r.relation = 'conflicts'
    ) l
    GROUP BY l.claim_id
) k ON k.claim_id = c.id
"""
COLUMNS = (
    "claim_id",
    "article_id",
    "published_date",
    "attribution_mode",
    "sources",
    "conflicting_claims",
)


def _create_triggers_postgresql() -> None:
    for table, (columns, old, new) in TRIGGERS.items():
        op.execute(
            f"""CREATE FUNCTION support_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN {old("OLD")} END IF;
    IF TG_OP <> 'DELETE' THEN {new("NEW")} END IF;
    RETURN NULL;
END $$"""
        )
        op.execute(
            f"CREATE TRIGGER support_{table} AFTER INSERT OR DELETE"
            f" OR UPDATE OF {', '.join(columns)} ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION support_{table}()"
        )
    op.execute(
        f"""CREATE FUNCTION support_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM claim_support_tally;
    INSERT INTO claim_support_tally ({", ".join(COLUMNS)}) {RECOUNT};
    RETURN NULL;
END $$"""
    )
    for table in TRIGGERS:
        op.execute(
            f"CREATE TRIGGER support_{table}_truncate AFTER TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION support_recount()"
        )
    op.execute(
        f"""CREATE FUNCTION support_article_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_DATE_SYNC}
    RETURN NULL;
END $$"""
    )
    op.execute(
        "CREATE TRIGGER support_article_date AFTER UPDATE OF published_date ON article"
        " FOR EACH ROW WHEN (OLD.published_date IS DISTINCT FROM NEW.published_date)"
        " EXECUTE FUNCTION support_article_date()"
    )


def _create_triggers_sqlite() -> None:
    for table, (columns, old, new) in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER support_{table}_insert AFTER INSERT ON {table} BEGIN {new('NEW')} END"
        )
        op.execute(
            f"CREATE TRIGGER support_{table}_delete AFTER DELETE ON {table} BEGIN {old('OLD')} END"
        )
        op.execute(
            f"CREATE TRIGGER support_{table}_update AFTER UPDATE OF {', '.join(columns)}"
            f" ON {table} BEGIN {old('OLD')} {new('NEW')} END"
        )
    op.execute(
        "CREATE TRIGGER support_article_date AFTER UPDATE OF published_date ON article"
        f" WHEN OLD.published_date IS NOT NEW.published_date BEGIN {_DATE_SYNC} END"
    )


def _drop_triggers(dialect: str) -> None:
    if dialect == "postgresql":
        for table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS support_{table}_truncate ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS support_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS support_{table}()")
        op.execute("DROP FUNCTION IF EXISTS support_recount()")
        op.execute("DROP TRIGGER IF EXISTS support_article_date ON article")
        op.execute("DROP FUNCTION IF EXISTS support_article_date()")
    else:
        for table in TRIGGERS:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS support_{table}_{event}")
        op.execute("DROP TRIGGER IF EXISTS support_article_date")


def upgrade() -> None:
    op.create_table(
        "claim_support_tally",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("attribution_mode", sa.String(length=20), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("conflicting_claims", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            f"attribution_mode IN ({_MODES})",
            name=op.f("ck_claim_support_tally_attribution_mode_vocab"),
        ),
        sa.CheckConstraint(
            "sources >= 0 AND conflicting_claims >= 0",
            name=op.f("ck_claim_support_tally_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_claim_support_tally_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_support_tally_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_support_tally")),
    )
    op.create_index(
        "ix_claim_support_tally_by_date",
        "claim_support_tally",
        ["published_date", "attribution_mode", "sources", "conflicting_claims", "article_id"],
    )
    op.create_index(
        "ix_claim_support_tally_by_article",
        "claim_support_tally",
        ["article_id", "attribution_mode", "sources", "conflicting_claims"],
    )
    op.execute(f"INSERT INTO claim_support_tally ({', '.join(COLUMNS)}) {RECOUNT}")
    if op.get_bind().dialect.name == "postgresql":
        _create_triggers_postgresql()
    else:
        _create_triggers_sqlite()


def downgrade() -> None:
    _drop_triggers(op.get_bind().dialect.name)
    op.drop_table("claim_support_tally")
