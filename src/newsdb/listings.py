"""Listings of what is stored: articles by slug, and events.

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

from sqlalchemy import select, union
from sqlalchemy.orm import Session, aliased

from newsdb.models import Article, Claim, ClaimEvent, Event, EventMention


class UnknownArticle(LookupError):
    """No article has that slug."""


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


@dataclass(frozen=True)
class EventRow:
    slug: str
    name: str
    event_type: str
    date_as_written: str | None
    date: str | None
    end_date: str | None
    date_precision: str
    date_resolution: str
    location: str | None
    fatalities: int | None
    fatalities_as_written: str | None
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
) -> list[EventRow]:
    """Every event by date (undated last); with ``article``, ``since`` or ``until``, only the
    events that those articles report (a mention) or make claims about."""
    check_range(since, until)
    parent = aliased(Event)
    query = (
        select(Event, parent.slug.label("parent"))
        .outerjoin(parent, parent.id == Event.parent_id)
        .order_by(Event.start_date.is_(None), Event.start_date, Event.slug)
    )
    if article is not None or since is not None or until is not None:
        articles = select(Article.id)
        if article is not None:
            articles = articles.where(Article.id == article_id(session, article))
        if since is not None:
            articles = articles.where(Article.published_date >= since)
        if until is not None:
            articles = articles.where(Article.published_date <= until)
        reported = union(
            select(EventMention.event_id).where(EventMention.article_id.in_(articles)),
            select(ClaimEvent.event_id)
            .join(Claim, Claim.id == ClaimEvent.claim_id)
            .where(Claim.article_id.in_(articles)),
        )
        query = query.where(Event.id.in_(reported))
    return [
        EventRow(
            slug=ev.slug,
            name=ev.name,
            event_type=ev.event_type,
            date_as_written=ev.date_as_written,
            date=iso_date(ev.start_date, ev.date_precision),
            end_date=iso_date(ev.end_date, ev.date_precision),
            date_precision=ev.date_precision,
            date_resolution=ev.date_resolution,
            location=ev.location,
            fatalities=ev.fatalities,
            fatalities_as_written=ev.fatalities_as_written,
            parent=parent_slug,
        )
        for ev, parent_slug in session.execute(query)
    ]
