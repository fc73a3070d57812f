"""Listings of what is stored: quote segments and events, for people and scripts.

Like every query helper in newsdb these take a session, build a ``select()``, return
dataclasses and never commit.

>>> from newsdb.db import make_engine
>>> from sqlalchemy.orm import Session
>>> with Session(make_engine("sqlite:///newsdb.sqlite")) as session:   # doctest: +SKIP
...     for q in quotes(session):
...         print(q.speaker, q.text[:40])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session, aliased

from newsdb.models import Actor, Article, Claim, ClaimEvent, Event, EventMention, Paragraph, Quote


class UnknownArticle(LookupError):
    """No article has that slug."""


def article_id(session: Session, slug: str) -> int:
    """The id of the article ``slug``; :class:`UnknownArticle` if there is none."""
    found = session.scalar(select(Article.id).where(Article.slug == slug))
    if found is None:
        raise UnknownArticle(f"no article with slug {slug!r}")
    return found


def paragraph_of(span_start, article_column) -> Select:
    """The 1-based number of the paragraph that holds ``span_start`` (a correlated subquery)."""
    return (
        select(Paragraph.number)
        .where(
            Paragraph.article_id == article_column,
            Paragraph.span_start <= span_start,
            span_start <= Paragraph.span_end,
        )
        .scalar_subquery()
    )


@dataclass(frozen=True)
class QuoteRow:
    article: str
    key: str
    speaker: str
    speaker_slug: str
    kind: str
    text: str
    cue: str | None
    start: int
    end: int
    paragraph: int
    continues: str | None


def quotes(session: Session, article: str | None = None) -> list[QuoteRow]:
    """Every quote segment, in article and text order, optionally of one article."""
    previous = aliased(Quote)
    query = (
        select(
            Article.slug.label("article"),
            Quote.key,
            Actor.name.label("speaker"),
            Actor.slug.label("speaker_slug"),
            Quote.kind,
            Quote.text,
            Quote.cue,
            Quote.span_start.label("start"),
            Quote.span_end.label("end"),
            paragraph_of(Quote.span_start, Quote.article_id).label("paragraph"),
            previous.key.label("continues"),
        )
        .join(Article, Article.id == Quote.article_id)
        .join(Actor, Actor.id == Quote.speaker_id)
        .outerjoin(previous, previous.id == Quote.continues_id)
        .order_by(Article.slug, Quote.span_start)
    )
    if article is not None:
        query = query.where(Quote.article_id == article_id(session, article))
    return [QuoteRow(**row._asdict()) for row in session.execute(query)]


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


def events(session: Session, article: str | None = None) -> list[EventRow]:
    """Every event, by date (undated last), optionally those one article reports or recalls."""
    parent = aliased(Event)
    query = (
        select(Event, parent.slug.label("parent"))
        .outerjoin(parent, parent.id == Event.parent_id)
        .order_by(Event.start_date.is_(None), Event.start_date, Event.slug)
    )
    if article is not None:
        aid = article_id(session, article)
        in_article = union(
            select(EventMention.event_id).where(EventMention.article_id == aid),
            select(ClaimEvent.event_id)
            .join(Claim, Claim.id == ClaimEvent.claim_id)
            .where(Claim.article_id == aid),
        )
        query = query.where(Event.id.in_(in_article))
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
