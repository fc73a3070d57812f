"""Keep how sure a drafted annotation is, and the article's time expressions.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 00:40:00

``newsdb extract`` drafts an article's annotation by rules (issue 10). Every drafted actor,
affiliation, quote and claim carries a confidence between 0 and 1, for a reviewer to sort
by: ``mention``, ``affiliation``, ``quote`` and ``claim`` get a nullable ``confidence`` with a
CHECK that it lies in 0..1 (a drafted actor's confidence is kept on each of its mentions: the
actor row is shared between articles, a mention is the article's own). Hand annotations
leave it NULL.

The new table ``time_expression`` holds an article's time expressions, as written and at
their span ("on Thursday", "Dec. 15", "for two years"), with the dates they name, their
precision and resolution, whether they are a duration, and their annotator; it goes with its
article.

On SQLite the columns are added with ``ALTER TABLE ... ADD COLUMN`` and dropped with
``DROP COLUMN``, not in batch mode: rebuilding those tables would lose the triggers of 0004,
0007, 0008 and 0009 that keep the tallies.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the tables whose drafted rows carry a confidence
TABLES = ("mention", "affiliation", "quote", "claim")
RANGE = "confidence >= 0 AND confidence <= 1"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        name = f"ck_{table}_confidence_range"
        if sqlite:  # a column CHECK, which SQLite can add without rebuilding the table
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN confidence DOUBLE CONSTRAINT {name} CHECK ({RANGE})"
            )
        else:
            op.add_column(table, sa.Column("confidence", sa.Double(), nullable=True))
            op.create_check_constraint(op.f(name), table, RANGE)
    op.create_table(
        "time_expression",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("as_written", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("precision", sa.String(length=20), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.Column("duration", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(start_date IS NULL) = (precision = 'unknown')",
            name=op.f("ck_time_expression_precision_with_date"),
        ),
        sa.CheckConstraint(
            "precision IN ('day', 'month', 'year', 'decade', 'unknown')",
            name=op.f("ck_time_expression_precision_vocab"),
        ),
        sa.CheckConstraint(
            "resolution IN ('stated', 'relative', 'outside', 'inferred', 'unresolved')",
            name=op.f("ck_time_expression_resolution_vocab"),
        ),
        sa.CheckConstraint(
            "0 <= span_start AND span_start < span_end", name=op.f("ck_time_expression_span_order")
        ),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f("ck_time_expression_confidence_range")
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR (start_date IS NOT NULL AND end_date >= start_date)",
            name=op.f("ck_time_expression_date_order"),
        ),
        sa.CheckConstraint(
            "length(as_written) = span_end - span_start",
            name=op.f("ck_time_expression_span_length"),
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_time_expression_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_time_expression_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_expression")),
        sa.UniqueConstraint(
            "article_id",
            "span_start",
            "span_end",
            name=op.f("uq_time_expression_article_id_span_start_span_end"),
        ),
    )
    op.create_index(
        op.f("ix_time_expression_annotator_id"), "time_expression", ["annotator_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_time_expression_annotator_id"), table_name="time_expression")
    op.drop_table("time_expression")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(TABLES):
        if sqlite:
            op.execute(f"ALTER TABLE {table} DROP COLUMN confidence")
        else:
            op.drop_constraint(op.f(f"ck_{table}_confidence_range"), table, type_="check")
            op.drop_column(table, "confidence")
