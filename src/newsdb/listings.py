"""Listings of what is stored: articles by slug, and events as each article reports them.

Like every query helper in newsdb these take a session, build a ``select()`` with bound
parameters, return dataclasses and never commit. Quote segments and claims are listed by
:func:`newsdb.sourcing.quotes` and :func:`newsdb.sourcing.claims`.

>>> from sqlalchemy.orm import Session
>>> from newsdb import db, listings
>>> with Session(db.make_engine("sqlite:///newsdb.sqlite")) as session:  # doctest: +SKIP
...     for event in listings.events(session, article="pakistan-iran-off-ramp"):
...         print(event.date, event.date_as_written, event.name)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session, aliased

from newsdb.models import (
    Actor,
    Annotator,
    Article,
    Claim,
    Event,
    EventReport,
    Mention,
    Paragraph,
    Quote,
)


class UnknownArticle(LookupError):
    """No article has that slug."""


class UnknownEvent(LookupError):
    """No event has that slug."""


class BadRange(ValueError):
    """``until`` is before ``since``."""


def article_id(session: Session, slug: str) -> int:
    """The id of the article ``slug``; :class:`UnknownArticle` if there is none."""
    found = session.scalar(select(Article.id).where(Article.slug == slug))
    if found is None:
        raise UnknownArticle(f"no article with slug {slug!r}")
    return found


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and until < since:
        raise BadRange(f"the range ends ({until}) before it starts ({since})")


def _chosen(session: Session, query: Any, article, since, until, outlet) -> Any:
    """``query`` (which reads ``article``) narrowed to the articles chosen."""
    if article is not None:
        query = query.where(Article.id == article_id(session, article))
    if outlet is not None:
        if session.scalar(select(Article.id).where(Article.outlet == outlet).limit(1)) is None:
            raise UnknownArticle(f"no article from outlet {outlet!r}")
        query = query.where(Article.outlet == outlet)
    if since is not None:
        query = query.where(Article.published_date >= since)
    if until is not None:
        query = query.where(Article.published_date <= until)
    return query


@dataclass(frozen=True)
class EventRow:
    """An event as one article reports it: the event's own fields, and the article's words."""

    article: str | None  # None for an event that no article's annotation describes
    slug: str
    name: str
    event_type: str
    date_as_written: str | None
    date: str | None
    end_date: str | None
    date_precision: str
    date_resolution: str
    date_source: str | None
    location: str | None
    country: str | None
    fatalities: int | None
    fatalities_as_written: str | None
    fatalities_attribution: str | None
    fatalities_reported_by: str | None  # the actor's slug
    parent: str | None


def iso_date(value: dt.date | None, precision: str) -> str | None:
    """A date as precise as it is known: 2024-01-16, 2024-02, 2019, or 201X for a decade."""
    if value is None:
        return None
    match precision:
        case "day":
            return value.isoformat()
        case "month":
            return value.strftime("%Y-%m")
        case "year":
            return f"{value.year:04d}"
        case "decade":
            return f"{value.year // 10:03d}X"
    return None


def events(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[EventRow]:
    """Every event by date (undated last), once for each article that reports it, with that
    article's words for its date and death toll; with ``article``, ``since`` or ``until``,
    only the events those articles report. An event that no article reports is listed once,
    without an article, and only when no article is chosen."""
    check_range(since, until)
    parent = aliased(Event)
    query = (
        select(
            Event,
            EventReport,
            Article.slug.label("article"),
            parent.slug.label("parent"),
            Actor.slug.label("reporter"),
        )
        .outerjoin(EventReport, EventReport.event_id == Event.id)
        .outerjoin(Article, Article.id == EventReport.article_id)
        .outerjoin(parent, parent.id == Event.parent_id)
        .outerjoin(Actor, Actor.id == EventReport.fatalities_reported_by_id)
        .order_by(Event.start_date.is_(None), Event.start_date, Event.slug, Article.slug)
    )
    query = _chosen(session, query, article, since, until, outlet)
    rows = []
    for ev, report, article_slug, parent_slug, reporter in session.execute(query):
        rows.append(
            EventRow(
                article=article_slug,
                slug=ev.slug,
                name=ev.name,
                event_type=ev.event_type,
                date_as_written=report.date_as_written if report else None,
                date=iso_date(ev.start_date, ev.date_precision),
                end_date=iso_date(ev.end_date, ev.date_precision),
                date_precision=ev.date_precision,
                date_resolution=ev.date_resolution,
                date_source=ev.date_source,
                location=ev.location,
                country=ev.country,
                fatalities=report.fatalities if report else None,
                fatalities_as_written=report.fatalities_as_written if report else None,
                fatalities_attribution=report.fatalities_attribution if report else None,
                fatalities_reported_by=reporter,
                parent=parent_slug,
            )
        )
    return rows


@dataclass(frozen=True)
class ArticleRow:
    """A loaded article: its slug, headline, publication date (as precise as known), outlet,
    how many paragraphs, quote segments and claims it has, and the kinds of annotator
    (hand, rule, model, import) whose rows it holds."""

    slug: str
    headline: str | None
    published: str | None
    outlet: str | None
    paragraphs: int
    quotes: int
    claims: int
    annotator_kind: str | None


def _count(model) -> Any:
    return (
        select(func.count())
        .select_from(model)
        .where(model.article_id == Article.id)
        .scalar_subquery()
    )


def articles(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[ArticleRow]:
    """Every article loaded, by publication date (undated last), then slug."""
    check_range(since, until)
    query = select(
        Article.id,
        Article.slug,
        Article.headline,
        Article.published_date,
        Article.published_precision,
        Article.outlet,
        _count(Paragraph),
        _count(Quote),
        _count(Claim),
    ).order_by(Article.published_date.is_(None), Article.published_date, Article.slug)
    rows = session.execute(_chosen(session, query, article, since, until, outlet)).all()
    used = union(
        *(select(m.article_id, m.annotator_id) for m in (Mention, Quote, Claim))
    ).subquery()
    kinds: dict[int, set[str]] = {}
    for id_, kind in session.execute(
        select(used.c.article_id, Annotator.kind)
        .join(Annotator, Annotator.id == used.c.annotator_id)
        .distinct()
    ):
        kinds.setdefault(id_, set()).add(kind)
    return [
        ArticleRow(
            slug,
            headline,
            iso_date(published, precision),
            outlet,
            paragraphs,
            quotes,
            claims,
            ", ".join(sorted(kinds[id_])) if id_ in kinds else None,
        )
        for id_, slug, headline, published, precision, outlet, paragraphs, quotes, claims in rows
    ]
