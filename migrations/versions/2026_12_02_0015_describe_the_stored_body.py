"""Describe the article body as it is stored: no byte-order mark, LF line ends.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 05:40:00

Since the body is read through ``newsdb.body`` (a leading byte-order mark dropped, CRLF and
a lone CR stored as LF), "exactly as published" claimed more than the database holds. On
PostgreSQL the table's and the column's ``COMMENT ON`` say what is stored (0012 wrote them
from the models' descriptions); SQLite keeps no comments, so there it changes nothing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (the table's comment, the body's comment), as 0012 wrote them and as they are now
BEFORE = (
    "An article: its body exactly as published, its metadata and the body's sha256.",
    "The text exactly as published; every span points into it.",
)
AFTER = (
    "An article: its body as published (line ends as LF, no byte-order mark), its metadata "
    "and the body's sha256.",
    "The text as published, a leading byte-order mark dropped and every line end stored as "
    "LF (newsdb.body); every span points into it.",
)


def _describe(table: str, body: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table_comment("article", table)
    op.alter_column("article", "body", comment=body, existing_comment=None)


def upgrade() -> None:
    _describe(*AFTER)


def downgrade() -> None:
    _describe(*BEFORE)
