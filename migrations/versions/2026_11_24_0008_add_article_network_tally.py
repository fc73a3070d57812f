"""Keep who speaks about whom per article, for the quote network over many articles.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 19:10:00

The quote network (a speaker, and the actors mentioned inside the speaker's quotes) over a
month of a collection placed every mention of every article in the range inside the
article's quotes: 51 ms a month and 421 ms a year at 100,000 articles (bench/README.md), over
the targets of 25 and 250. ``article_network_tally`` keeps, per article, speaker and actor
mentioned, the quote segments that mention the actor and the mentions, with the article's
``published_date`` and an index that leads with it. The rows are those of
``v_quote_network``, which is redefined to read them (the tests hold it to 0002's rows).

Triggers keep it exact on SQLite and PostgreSQL, whoever writes: any insert, delete, or
update of a placed column of a ``mention`` or a ``quote`` counts that article's pairs again
(a few quotes by a few mentions: an article is small), and the article's date follows into
it. PostgreSQL counts everything again after a TRUNCATE of ``mention`` or ``quote``.
``newsdb verify`` and ``newsdb.tally.rebuild`` include it.

As with 0004, a later migration that rebuilds ``mention`` or ``quote`` in SQLite batch mode
loses these triggers and must create them again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("article_id", "speaker_id", "mentioned_id", "published_date", "quotes", "mentions")

#: the pairs of the articles ``{where}`` selects: 0002's v_quote_network, by id
_PAIRS = """
SELECT q.article_id, q.speaker_id, m.actor_id, a.published_date, COUNT(DISTINCT q.id), COUNT(*)
FROM quote q
JOIN mention m ON m.article_id = q.article_id
    AND q.span_start <= m.span_start AND m.span_end <= q.span_end
    AND m.actor_id <> q.speaker_id
JOIN article a ON a.id = q.article_id
{where}
GROUP BY q.article_id, q.speaker_id, m.actor_id, a.published_date
"""
#: every article's pairs (newsdb.tally holds the same recount)
RECOUNT = _PAIRS.format(where="")


def _count_again(article: str) -> str:
    return (
        f"DELETE FROM article_network_tally WHERE article_id = {article};"
        f" INSERT INTO article_network_tally ({', '.join(COLUMNS)})"
        f" {_PAIRS.format(where=f'WHERE q.article_id = {article}')};"
    )


#: table -> the columns that place a row in the network
TRIGGERS = {
    "mention": ("article_id", "actor_id", "span_start", "span_end"),
    "quote": ("article_id", "speaker_id", "span_start", "span_end"),
}
_DATE_SYNC = (
    "UPDATE article_network_tally SET published_date = NEW.published_date"
    " WHERE article_id = NEW.id;"
)

#: 0002's v_quote_network, from the tally
VIEW = """
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    x.slug AS mentioned_slug,
    x.name AS mentioned,
    x.kind AS mentioned_kind,
    t.quotes AS quotes,
    t.mentions AS mentions
FROM article_network_tally t
JOIN article a ON a.id = t.article_id
JOIN actor s ON s.id = t.speaker_id
JOIN actor x ON x.id = t.mentioned_id
"""


def _create_triggers_postgresql() -> None:
    for table, columns in TRIGGERS.items():
        op.execute(
            f"""CREATE FUNCTION network_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN {_count_again("OLD.article_id")} END IF;
    IF TG_OP <> 'DELETE' THEN {_count_again("NEW.article_id")} END IF;
    RETURN NULL;
END $$"""
        )
        op.execute(
            f"CREATE TRIGGER network_{table} AFTER INSERT OR DELETE"
            f" OR UPDATE OF {', '.join(columns)} ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION network_{table}()"
        )
    op.execute(
        f"""CREATE FUNCTION network_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM article_network_tally;
    INSERT INTO article_network_tally ({", ".join(COLUMNS)}) {RECOUNT};
    RETURN NULL;
END $$"""
    )
    for table in TRIGGERS:
        op.execute(
            f"CREATE TRIGGER network_{table}_truncate AFTER TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION network_recount()"
        )
    op.execute(
        f"""CREATE FUNCTION network_article_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_DATE_SYNC}
    RETURN NULL;
END $$"""
    )
    op.execute(
        "CREATE TRIGGER network_article_date AFTER UPDATE OF published_date ON article"
        " FOR EACH ROW WHEN (OLD.published_date IS DISTINCT FROM NEW.published_date)"
        " EXECUTE FUNCTION network_article_date()"
    )


def _create_triggers_sqlite() -> None:
    for table, columns in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER network_{table}_insert AFTER INSERT ON {table}"
            f" BEGIN {_count_again('NEW.article_id')} END"
        )
        op.execute(
            f"CREATE TRIGGER network_{table}_delete AFTER DELETE ON {table}"
            f" BEGIN {_count_again('OLD.article_id')} END"
        )
        op.execute(
            f"CREATE TRIGGER network_{table}_update AFTER UPDATE OF {', '.join(columns)}"
            f" ON {table} BEGIN {_count_again('OLD.article_id')}"
            f" {_count_again('NEW.article_id')} END"
        )
    op.execute(
        "CREATE TRIGGER network_article_date AFTER UPDATE OF published_date ON article"
        f" WHEN OLD.published_date IS NOT NEW.published_date BEGIN {_DATE_SYNC} END"
    )


def _drop_triggers(dialect: str) -> None:
    if dialect == "postgresql":
        for table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS network_{table}_truncate ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS network_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS network_{table}()")
        op.execute("DROP FUNCTION IF EXISTS network_recount()")
        op.execute("DROP TRIGGER IF EXISTS network_article_date ON article")
        op.execute("DROP FUNCTION IF EXISTS network_article_date()")
    else:
        for table in TRIGGERS:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS network_{table}_{event}")
        op.execute("DROP TRIGGER IF EXISTS network_article_date")


def upgrade() -> None:
    op.create_table(
        "article_network_tally",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("mentioned_id", sa.Integer(), nullable=False),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "quotes > 0 AND mentions >= quotes",
            name=op.f("ck_article_network_tally_counts_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_network_tally_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mentioned_id"],
            ["actor.id"],
            name=op.f("fk_article_network_tally_mentioned_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["actor.id"],
            name=op.f("fk_article_network_tally_speaker_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "article_id", "speaker_id", "mentioned_id", name=op.f("pk_article_network_tally")
        ),
    )
    op.create_index(
        "ix_article_network_tally_by_date",
        "article_network_tally",
        ["published_date", "speaker_id", "mentioned_id", "quotes", "mentions", "article_id"],
    )
    op.create_index(
        op.f("ix_article_network_tally_mentioned_id"), "article_network_tally", ["mentioned_id"]
    )
    op.create_index(
        op.f("ix_article_network_tally_speaker_id"), "article_network_tally", ["speaker_id"]
    )
    op.execute(f"INSERT INTO article_network_tally ({', '.join(COLUMNS)}) {RECOUNT}")
    if op.get_bind().dialect.name == "postgresql":
        _create_triggers_postgresql()
    else:
        _create_triggers_sqlite()
    op.execute("DROP VIEW v_quote_network")
    op.execute(f"CREATE VIEW v_quote_network AS {VIEW}")


def downgrade() -> None:
    op.execute("DROP VIEW v_quote_network")
    op.execute(
        "CREATE VIEW v_quote_network AS"
        f" {op.get_context().script.get_revision('0002').module.VIEWS['v_quote_network']}"
    )
    _drop_triggers(op.get_bind().dialect.name)
    op.drop_table("article_network_tally")
