"""Fingerprint what each article's annotation stored; refuse spans past the body and
continuation cycles in the database.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 04:30:00

``article_fingerprint`` holds, per article and table its annotation fills, the SHA-256 of the
article's rows in a canonical form that names actors, events, quotes and claims by natural
key (``newsdb.fingerprint``), their number and a short digest of each row. The loader writes
it with the rows; ``newsdb verify`` recomputes it and names what changed since (issue 13,
item 8). Articles loaded before this revision have none: verify says so, and loading them
again or ``newsdb verify --refingerprint`` gives them one. It goes with its article.

Triggers refuse, on both backends, what the loader never writes but a SQL client could:

- a span (or a cue) of a paragraph, mention, event mention, affiliation, quote, claim or
  time expression that ends past the end of its article's body, and a body made shorter
  than a span of its rows;
- a quote that continues a segment which (through the segments it continues) continues it:
  a continuation cycle.

A bulk load switches them off with the tally triggers, inside its transaction
(``newsdb.batch_tally``): the loader has checked the same before writing.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table -> the columns that end a span in its article's body
ENDS = {
    "paragraph": ("span_end",),
    "mention": ("span_end",),
    "event_mention": ("span_end",),
    "affiliation": ("span_end",),
    "quote": ("span_end", "cue_end"),
    "claim": ("span_end", "cue_end"),
    "time_expression": ("span_end",),
}
_SPAN_MESSAGE = "a span past the end of its article''s body"
_CYCLE = """WITH RECURSIVE chain(id) AS (
        SELECT NEW.continues_id
        UNION SELECT q.continues_id FROM quote q JOIN chain ON q.id = chain.id
        WHERE q.continues_id IS NOT NULL)
    SELECT 1 FROM chain WHERE chain.id = NEW.id"""


def _past(table: str, row: str, size: str) -> str:
    """A condition: a span of ``row`` (of ``table``) ends past ``size`` characters."""
    return " OR ".join(f"{row}.{end} > {size}" for end in ENDS[table])


def _body_shorter() -> str:
    """A condition: a row of the article NEW ends past NEW's body."""
    return " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} r WHERE r.article_id = NEW.id"
        f" AND ({_past(table, 'r', 'length(NEW.body)')}))"
        for table in ENDS
    )


def _sqlite_upgrade() -> None:
    for table, ends in ENDS.items():
        size = "(SELECT length(body) FROM article WHERE id = NEW.article_id)"
        raise_ = f"BEGIN SELECT RAISE(ABORT, '{table}: {_SPAN_MESSAGE}'); END"
        op.execute(
            f"CREATE TRIGGER span_within_body_{table}_insert BEFORE INSERT ON {table}"
            f" WHEN {_past(table, 'NEW', size)} {raise_}"
        )
        op.execute(
            f"CREATE TRIGGER span_within_body_{table}_update BEFORE UPDATE OF"
            f" article_id, {', '.join(ends)} ON {table} WHEN {_past(table, 'NEW', size)} {raise_}"
        )
    op.execute(
        "CREATE TRIGGER body_holds_spans BEFORE UPDATE OF body ON article"
        f" WHEN {_body_shorter()}"
        " BEGIN SELECT RAISE(ABORT, 'article: the body would end before a span of its rows'); END"
    )
    for when in ("INSERT", "UPDATE OF continues_id"):
        op.execute(
            f"CREATE TRIGGER continues_no_cycle_{when.split()[0].lower()} AFTER {when} ON quote"
            f" WHEN NEW.continues_id IS NOT NULL AND EXISTS ({_CYCLE})"
            " BEGIN SELECT RAISE(ABORT, 'quote: its continuations would make a cycle'); END"
        )


def _postgresql_upgrade() -> None:
    for table, ends in ENDS.items():
        op.execute(
            f"""CREATE FUNCTION span_within_body_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE size integer;
            BEGIN
                SELECT length(body) INTO size FROM article WHERE id = NEW.article_id;
                IF {_past(table, "NEW", "size")} THEN
                    RAISE EXCEPTION '{table}: {_SPAN_MESSAGE} (% characters)', size
                        USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
            END $$"""
        )
        op.execute(
            f"CREATE TRIGGER span_within_body BEFORE INSERT OR UPDATE OF article_id,"
            f" {', '.join(ends)} ON {table} FOR EACH ROW EXECUTE FUNCTION span_within_body_{table}()"
        )
    op.execute(
        f"""CREATE FUNCTION body_holds_spans() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {_body_shorter()} THEN
                RAISE EXCEPTION 'article: the body would end before a span of its rows'
                    USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER body_holds_spans BEFORE UPDATE OF body ON article"
        " FOR EACH ROW EXECUTE FUNCTION body_holds_spans()"
    )
    op.execute(
        f"""CREATE FUNCTION continues_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.continues_id IS NOT NULL AND EXISTS ({_CYCLE}) THEN
                RAISE EXCEPTION 'quote %: its continuations would make a cycle', NEW.key
                    USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER continues_no_cycle AFTER INSERT OR UPDATE OF continues_id ON quote"
        " FOR EACH ROW EXECUTE FUNCTION continues_no_cycle()"
    )


def upgrade() -> None:
    op.create_table(
        "article_fingerprint",
        sa.Column(
            "article_id",
            sa.Integer(),
            nullable=False,
            comment="The article this row belongs to (article.id).",
        ),
        sa.Column(
            "table_name",
            sa.String(length=63),
            nullable=False,
            comment="The table whose rows of the article are fingerprinted.",
        ),
        sa.Column(
            "sha256",
            sa.String(length=64),
            nullable=False,
            comment="The SHA-256 of those rows in a canonical form, naming actors, events, "
            "quotes and claims by slug or key, not by id (newsdb.fingerprint).",
        ),
        sa.Column(
            "row_count",
            sa.Integer(),
            nullable=False,
            comment="How many rows the article had in the table when it was loaded.",
        ),
        sa.Column(
            "row_digests",
            sa.Text(),
            nullable=False,
            comment="A short digest of each of those rows, sorted and separated by spaces: "
            "which rows are gone or changed.",
        ),
        sa.CheckConstraint(
            "length(sha256) = 64", name=op.f("ck_article_fingerprint_sha256_length")
        ),
        sa.CheckConstraint(
            "row_count >= 0", name=op.f("ck_article_fingerprint_row_count_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_fingerprint_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "table_name", name=op.f("pk_article_fingerprint")),
        comment="Kept by the loader: what an article's annotation put in one table when it "
        "was loaded, as a hash, so that newsdb verify can tell a row changed since.",
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER continues_no_cycle ON quote")
        op.execute("DROP FUNCTION continues_no_cycle()")
        op.execute("DROP TRIGGER body_holds_spans ON article")
        op.execute("DROP FUNCTION body_holds_spans()")
        for table in ENDS:
            op.execute(f"DROP TRIGGER span_within_body ON {table}")
            op.execute(f"DROP FUNCTION span_within_body_{table}()")
    else:
        op.execute("DROP TRIGGER continues_no_cycle_insert")
        op.execute("DROP TRIGGER continues_no_cycle_update")
        op.execute("DROP TRIGGER body_holds_spans")
        for table in ENDS:
            op.execute(f"DROP TRIGGER span_within_body_{table}_insert")
            op.execute(f"DROP TRIGGER span_within_body_{table}_update")
    op.drop_table("article_fingerprint")
