"""The filter every helper shares: one article, one outlet, a range of publication dates.

:func:`scoped` narrows any query over a view, a tally table or ``article`` itself;
:func:`select_view` reads a view so narrowed, in a given order; :func:`as_rows` turns the
result into a helper's frozen dataclasses. ``since`` and ``until`` are inclusive; either one
leaves out articles without a publication date; ``until`` before ``since`` is
:class:`newsdb.listings.BadRange`, an unknown article or outlet :class:`UnknownArticle`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any, TypeVar

from sqlalchemy import Select, Table, select
from sqlalchemy.orm import Session

from newsdb.listings import UnknownArticle, article_id, check_range
from newsdb.models import Article

Row = TypeVar("Row")


def scoped(
    session: Session,
    query: Select,
    columns: Table,
    article: str | None,
    since: dt.date | None,
    until: dt.date | None,
    outlet: str | None = None,
) -> Select:
    """``query`` narrowed to one article, one outlet's articles and a range of publication
    dates, all bound.

    ``columns`` is a view (which has ``article``, the slug), a tally table (``article_id``) or
    ``article`` itself; all have ``published_date``."""
    since, until = _day(since), _day(until)
    check_range(since, until)
    if article is not None:
        known = article_id(session, article)  # raises UnknownArticle
        if "article_id" in columns.c:
            query = query.where(columns.c.article_id == known)
        elif "article" in columns.c:
            query = query.where(columns.c.article == article)
        else:
            query = query.where(columns.c.id == known)
    if outlet is not None:
        query = _of_outlet(session, query, columns, outlet)
    if since is not None:
        query = query.where(columns.c.published_date >= since)
    if until is not None:
        query = query.where(columns.c.published_date <= until)
    return query


def _of_outlet(session: Session, query: Select, columns: Table, outlet: str) -> Select:
    """``query`` narrowed to the articles of ``outlet``; :class:`UnknownArticle` if none."""
    a = Article.__table__
    if session.scalar(select(a.c.id).where(a.c.outlet == outlet).limit(1)) is None:
        raise UnknownArticle(f"no article from outlet {outlet!r}")
    if "article_id" in columns.c:
        return query.where(columns.c.article_id.in_(select(a.c.id).where(a.c.outlet == outlet)))
    if "article" in columns.c:
        return query.where(columns.c.article.in_(select(a.c.slug).where(a.c.outlet == outlet)))
    return query.where(columns.c.outlet == outlet)


def _day(value: dt.date | None) -> dt.date | None:
    """The day of ``value``: a datetime compares with a DATE column as its day."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def as_rows(session: Session, query: Select, row_type: type[Row], **extra: Any) -> list[Row]:
    """``query``'s rows as ``row_type``, its flags as bools and ``extra`` fields computed from
    each row (a dict by column name). Built from the plain rows, not through row mappings: a
    month of sources at 100,000 articles, 16,849 rows, 437 ms against 524 on PostgreSQL."""
    result = session.execute(query)
    keys = list(result.keys())
    flags = [k for k in keys if k in {f.name for f in fields(row_type) if f.type == "bool"}]
    if not flags and not extra and keys == [f.name for f in fields(row_type)]:
        return [row_type(*row) for row in result.all()]  # the columns are the fields
    out = []
    for row in result.all():
        values = dict(zip(keys, row, strict=True))
        for k in flags:
            values[k] = bool(values[k])
        out.append(row_type(**values, **{k: fn(values) for k, fn in extra.items()}))
    return out


def select_view(
    session: Session,
    view: Table,
    row_type: type[Row],
    article: str | None,
    since: dt.date | None,
    until: dt.date | None,
    outlet: str | None,
    order_by: list[str],
    where: tuple = (),
    **extra: Any,
) -> list[Row]:
    """Every column of ``view``, ``where`` and scoped, ordered by the columns named in
    ``order_by``, as ``row_type`` (the listings' helpers are this one call)."""
    query = select(*view.c).where(*where).order_by(*(view.c[name] for name in order_by))
    query = scoped(session, query, view, article, since, until, outlet)
    return as_rows(session, query, row_type, **extra)
