"""``by``: the collection questions compared per article, outlet, month or year.

A totals helper selects :func:`with_group`'s key beside its counts, groups by
:func:`group_keys` and names each row's group with :func:`group_name`; groups come in the order
of :func:`group_order`. Without ``by`` there is one group, named None.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, extract, null

from newsdb.models import Article
from newsdb.vocab import GROUPINGS

#: how the collection questions compare: one group per article, outlet, month or year
BY = GROUPINGS


def with_group(query: Select, table: Table, by: str | None) -> tuple[Select, Any]:
    """``query`` over ``table`` (a tally: ``article_id``, ``published_date``) with the key of
    each row's group (``by``), for it to select and group by; the key is NULL for no group."""
    if by is None:
        return query, null()  # selected, never grouped by: see group_keys
    a, day = Article.__table__, table.c.published_date
    match by:
        case "article":
            key = a.c.slug
        case "outlet":
            key = a.c.outlet
        case "year":
            key = extract("year", day)
        case "month":
            key = extract("year", day) * 100 + extract("month", day)
        case _:
            raise ValueError(f"by is one of {', '.join(BY)}, not {by!r}")
    if by in ("article", "outlet"):
        query = query.join_from(table, a, a.c.id == table.c.article_id)
    return query, key


def group_keys(by: str | None, key: Any) -> list[Any]:
    """What to group by for ``by``: nothing more without it (PostgreSQL refuses GROUP BY NULL)."""
    return [] if by is None else [key]


def group_name(by: str | None, key: Any) -> str | None:
    """The group's name: a slug, an outlet, 2024-01, 2024 (None: undated, no outlet)."""
    if by is None or key is None:
        return None
    if by == "month":
        return f"{int(key) // 100:04d}-{int(key) % 100:02d}"
    if by == "year":
        return f"{int(key):04d}"
    return key


def group_order(group: str | None) -> tuple[bool, str]:
    """Groups in order of name, no group (undated, no outlet) last."""
    return (group is None, group or "")
