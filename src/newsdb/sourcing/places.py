"""Where the sources are set against where the events happen and which states take part.

:func:`geography` reads ``v_source_geography`` (every source, event and party state with its
place); :func:`geography_tally` reads ``v_geography_tally`` (each once per article);
:func:`geography_by_country` counts them per country, from the tally of migration 0009.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, null, select
from sqlalchemy.orm import Session

from newsdb.models import ArticleGeographyTally
from newsdb.sourcing.grouping import group_keys, group_name, group_order, with_group
from newsdb.sourcing.scope import as_rows, scoped
from newsdb.sourcing.views import view_of


@dataclass(frozen=True)
class GeographyRow:
    """One place on one side of the story.

    ``side`` is 'source' (a source and where it is based: ``place`` from its affiliation,
    ``country`` its own or its organisation's; ``detail`` its source class), 'event' (an event
    the article reports and where it happened; ``detail`` its type) or 'party' (a state taking
    part in such an event; ``detail`` its role, ``event_slug`` the event).
    """

    article: str
    published_date: dt.date | None
    side: str
    subject_slug: str
    subject: str
    place: str | None
    country: str | None
    detail: str | None
    event_slug: str | None


V_GEOGRAPHY = view_of("v_source_geography", GeographyRow)
SIDES = ("source", "event", "party")


def geography(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[GeographyRow]:
    """Where the sources are based, where the events happen, and which states take part.

    >>> {(g.side, g.country) for g in geography(session, "pakistan-iran-off-ramp")}  # doctest: +SKIP
    """
    v = V_GEOGRAPHY
    side_order = case({side: n for n, side in enumerate(SIDES)}, value=v.c.side)
    # NULLs last on both backends (PostgreSQL sorts them last, SQLite first)
    query = select(*v.c).order_by(
        v.c.article,
        side_order,
        v.c.country.is_(None),
        v.c.country,
        v.c.place.is_(None),
        v.c.place,
        v.c.subject_slug,
        v.c.event_slug.is_(None),
        v.c.event_slug,
    )
    query = scoped(session, query, v, article, since, until, outlet)
    return as_rows(session, query, GeographyRow)


@dataclass(frozen=True)
class PlaceCount:
    """How many distinct sources, events and party states a country (or place) counts."""

    country: str | None
    place: str | None
    sources: int
    events: int
    party_states: int
    #: with ``by``: the article, outlet, month (2024-01) or year the counts are of
    group: str | None = None


@dataclass(frozen=True)
class GeographyTallyRow:
    """One subject on one side of one article's geography, as the tally of migration 0009
    keeps it: the distinct (article, side, subject) of :class:`GeographyRow`, with the
    subject's country and place, but not its detail nor, for a party, its events."""

    article: str
    published_date: dt.date | None
    side: str
    subject_slug: str
    subject: str
    place: str | None
    country: str | None


V_GEOGRAPHY_TALLY = view_of("v_geography_tally", GeographyTallyRow)


def geography_tally(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[GeographyTallyRow]:
    """Every source, event and party state of every article chosen, once each, by article,
    side and subject: the rows :func:`geography_by_country` counts."""
    v = V_GEOGRAPHY_TALLY
    side_order = case({side: n for n, side in enumerate(SIDES)}, value=v.c.side)
    query = select(*v.c).order_by(v.c.article, side_order, v.c.subject_slug)
    return as_rows(
        session, scoped(session, query, v, article, since, until, outlet), GeographyTallyRow
    )


def geography_by_country(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    places: bool = False,
    outlet: str | None = None,
    by: str | None = None,
) -> list[PlaceCount]:
    """Sources set against events, counted per country (per place too, with ``places``):
    the distinct (article, source), (article, event) and (article, party state) pairs of
    :func:`geography` on each side. The most counted first; with ``by`` ('article',
    'outlet', 'month' or 'year'), per group (in ``group``, in order), the most counted first.

    Read from the per-article geography tally the database keeps (migration 0009), which
    ``v_geography_tally`` shows: that view grouped by country gives the same counts.

    >>> geography_by_country(session, "pakistan-iran-off-ramp")[0]  # doctest: +SKIP
    PlaceCount(country='PK', place=None, sources=4, events=9, party_states=1)
    """
    t = ArticleGeographyTally.__table__
    counts = [func.sum(case((t.c.side == side, 1), else_=0)) for side in SIDES]
    grouped = [t.c.country, t.c.place] if places else [t.c.country]
    query, key = with_group(select(t.c.country).select_from(t), t, by)
    query = query.add_columns(t.c.place if places else null(), *counts, key)
    query = scoped(
        session, query.group_by(*grouped, *group_keys(by, key)), t, article, since, until, outlet
    )
    counted = [PlaceCount(*row[:-1], group_name(by, row[-1])) for row in session.execute(query)]
    return sorted(
        counted,
        key=lambda p: (
            *group_order(p.group),
            -(p.sources + p.events + p.party_states),
            p.country is None,
            p.country or "",
            p.place or "",
        ),
    )
