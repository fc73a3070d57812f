"""On whose word what is said about each event rests, its death toll included.

:func:`event_sourcing` reads ``v_event_sourcing`` (the claims, quotes and death toll about each
event, and whom they come from); :func:`toll_totals` counts the tolls per attribution mode
across a collection, from ``event_report`` (migration 0006).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from newsdb.listings import UnknownEvent
from newsdb.models import Article, Event, EventReport
from newsdb.sourcing.attribution import MODE_LABELS, MODES
from newsdb.sourcing.scope import as_rows, scoped
from newsdb.sourcing.views import view_of


@dataclass(frozen=True)
class EventSourcingRow:
    """One thing an article's sourcing of an event rests on.

    ``item`` is 'claim' (a claim about the event), 'quote' (a quote a claim about the event
    rests on, or one that mentions the event), 'fatalities' (the death toll as this article
    reports it: ``text`` as written, ``attribution_mode`` and ``source`` who reported it) or
    None for an event the article reports with nothing attributed about it.
    """

    article: str
    published_date: dt.date | None
    event_slug: str
    event: str
    event_type: str
    item: str | None
    item_key: str | None
    text: str | None
    attribution_mode: str | None
    source_slug: str | None
    source: str | None
    source_kind: str | None
    source_sector: str | None
    cue: str | None
    paragraph: int | None


V_EVENT_SOURCING = view_of("v_event_sourcing", EventSourcingRow)


def event_sourcing(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    event: str | None = None,
    outlet: str | None = None,
) -> list[EventSourcingRow]:
    """For each event, the claims and quotes about it and whom they come from; of ``event``
    (a slug) only, if given, which raises :class:`newsdb.listings.UnknownEvent` if no event
    has it.

    >>> [(r.item, r.attribution_mode, r.cue) for r in event_sourcing(session, event="x")]  # doctest: +SKIP
    """
    v = V_EVENT_SOURCING
    item_order = case({"fatalities": 0, "claim": 1, "quote": 2}, value=v.c.item, else_=3)
    query = select(*v.c).order_by(
        v.c.article, v.c.event_slug, item_order, v.c.paragraph, v.c.item_key
    )
    if event is not None:
        if session.scalar(select(Event.id).where(Event.slug == event)) is None:
            raise UnknownEvent(f"no event with slug {event!r}")
        query = query.where(v.c.event_slug == event)
    query = scoped(session, query, v, article, since, until, outlet)
    return as_rows(session, query, EventSourcingRow)


@dataclass(frozen=True)
class TollTotal:
    """The death tolls the articles chosen give, for one way of attributing them: ``tolls``
    counts (article, event) pairs with a toll, ``events`` the distinct events, ``articles``
    the articles and ``reporters`` the distinct actors the tolls are credited to."""

    attribution_mode: str | None  # None: a toll given without saying on whose word
    label: str
    tolls: int
    events: int
    articles: int
    reporters: int


def toll_totals(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[TollTotal]:
    """On whose word the death tolls rest, across the articles chosen: one row per
    attribution mode that some toll has, in the order of :data:`MODES`.

    Each article's toll is its own (``event_report``, migration 0006); the 'fatalities'
    rows of ``v_event_sourcing`` grouped by ``attribution_mode`` give the same counts. (The
    view takes the events an article mentions or makes claims about, the loader refuses to
    list any other; a report a SQL client adds for an event the article does not mention
    counts here and not there.)

    >>> [(t.label, t.tolls) for t in toll_totals(session)]  # doctest: +SKIP
    [('passive or agentless', 1), ("the writer's own voice", 2)]
    """
    a, r = Article.__table__, EventReport.__table__
    mode = r.c.fatalities_attribution
    query = (
        select(
            mode,
            func.count().label("tolls"),
            func.count(distinct(r.c.event_id)).label("events"),
            func.count(distinct(r.c.article_id)).label("articles"),
            func.count(distinct(r.c.fatalities_reported_by_id)).label("reporters"),
        )
        .where(
            r.c.fatalities.is_not(None) | r.c.fatalities_as_written.is_not(None) | mode.is_not(None)
        )
        .group_by(mode)
    )
    if any(v is not None for v in (article, since, until, outlet)):
        # the articles as a list, not a join: SQLite over a year 56 ms against 103
        chosen = scoped(session, select(a.c.id), a, article, since, until, outlet)
        query = query.where(r.c.article_id.in_(chosen))
    order = {m: n for n, m in enumerate(MODES)}
    rows = sorted(session.execute(query), key=lambda row: order.get(row[0], len(order)))
    return [TollTotal(row[0], MODE_LABELS.get(row[0], "not attributed"), *row[1:]) for row in rows]
