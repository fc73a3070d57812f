"""Add covering indexes for the sourcing questions over a range of publication dates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 15:00:00

Measured with bench/sourcing_bench.py on 100,000 articles and 1,000,000 quotes (the plans and
the figures are in bench/README.md). Every sourcing question starts from the articles of a
date range and reaches their quotes, claims and paragraphs by ``article_id``; with only the
foreign-key indexes PostgreSQL fetches each row from the table (or gives up and reads the whole
table), because the columns it needs next are not in the index. Each index below carries
those columns, so the step is an index-only scan:

* article (published_date, id): the ids of a range of dates;
* quote (article_id, speaker_id, span_start, span_end, id): who speaks where in an article;
* claim (article_id, source_id, span_start, span_end, id): an article's sourced claims;
* paragraph (article_id, span_start, span_end, number): the paragraph holding an offset.

SQLite uses them the same way (an index there always carries the rowid). Adding or dropping
an index needs no care for the views of 0002.
"""

from typing import Sequence, Union

from alembic import op

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

#: (table, columns); names follow the models' naming convention, ix_<table>_<columns>
INDEXES = [
    ("article", ["published_date", "id"]),
    ("quote", ["article_id", "speaker_id", "span_start", "span_end", "id"]),
    ("claim", ["article_id", "source_id", "span_start", "span_end", "id"]),
    ("paragraph", ["article_id", "span_start", "span_end", "number"]),
]


def _name(table: str, columns: list[str]) -> str:
    return f"ix_{table}_{'_'.join(columns)}"


def upgrade() -> None:
    # plain CREATE INDEX on both backends: no batch mode, so SQLite never rebuilds a table
    for table, columns in INDEXES:
        op.create_index(_name(table, columns), table, columns, unique=False)


def downgrade() -> None:
    for table, columns in reversed(INDEXES):
        op.drop_index(_name(table, columns), table_name=table)
