"""Properties of the schema as a whole, read from the models."""

import pytest
from sqlalchemy import CheckConstraint, ForeignKeyConstraint, PrimaryKeyConstraint, UniqueConstraint

from newsdb.models import Base

TABLES = sorted(Base.metadata.tables.values(), key=lambda t: t.name)


def _leading_columns(table) -> list[tuple[str, ...]]:
    keyed = [c for c in table.constraints if isinstance(c, PrimaryKeyConstraint | UniqueConstraint)]
    keyed += list(table.indexes)
    return [tuple(col.name for col in k.columns) for k in keyed]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_foreign_key_leads_an_index(table):
    """Joins and ON DELETE checks on a foreign key never scan the referring table."""
    prefixes = _leading_columns(table)
    for fk in (c for c in table.constraints if isinstance(c, ForeignKeyConstraint)):
        columns = tuple(c.name for c in fk.columns)
        assert any(p[: len(columns)] == columns for p in prefixes), (
            f"{table.name}{columns} has no index"
        )


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_span_is_checked(table):
    """A table with a span has the order check; a span with stored words has the length check."""
    names = {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
    for prefix in ("span", "cue"):
        if f"{prefix}_start" in table.c:
            assert f"ck_{table.name}_{prefix}_order" in names
            if table.name != "paragraph":
                assert f"ck_{table.name}_{prefix}_length" in names
