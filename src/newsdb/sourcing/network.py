"""Who speaks about whom: speakers and the actors inside their quotes.

:func:`quote_network` reads ``v_quote_network``, one edge per article; :func:`network_totals`
counts the edges across a collection, from the network tally of migration 0008.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Subquery, desc, func, select
from sqlalchemy.orm import Session

from newsdb.models import Actor, ArticleNetworkTally
from newsdb.sourcing.scope import scoped, select_view
from newsdb.sourcing.views import view_of


@dataclass(frozen=True)
class NetworkEdge:
    """``speaker`` mentions ``mentioned`` inside ``quotes`` of its quote segments
    (``mentions`` times in all)."""

    article: str
    published_date: dt.date | None
    speaker_slug: str
    speaker: str
    speaker_kind: str
    mentioned_slug: str
    mentioned: str
    mentioned_kind: str
    quotes: int
    mentions: int


V_NETWORK = view_of("v_quote_network", NetworkEdge)


def quote_network(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[NetworkEdge]:
    """Who speaks about whom: speaker -> actors mentioned inside the speaker's quotes.

    >>> [(e.speaker, e.mentioned) for e in quote_network(session)]  # doctest: +SKIP
    """
    return select_view(
        session,
        V_NETWORK,
        NetworkEdge,
        article,
        since,
        until,
        outlet,
        ["article", "speaker_slug", "mentioned_slug"],
    )


def _ranked(limit: int | None, query: Select, *order: Any) -> Select:
    """``query`` cut to its first ``limit`` rows in ``order``, or whole."""
    if limit is None:
        return query
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    return query.order_by(*order).limit(limit)


@dataclass(frozen=True)
class NetworkTotal:
    """``speaker`` mentions ``mentioned`` inside its quotes in ``articles`` of the articles
    chosen: in ``quotes`` quote segments, ``mentions`` times in all."""

    speaker_slug: str
    speaker: str
    speaker_kind: str
    mentioned_slug: str
    mentioned: str
    mentioned_kind: str
    articles: int
    quotes: int
    mentions: int


def network_totals(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    outlet: str | None = None,
) -> list[NetworkTotal]:
    """Who speaks about whom across the articles chosen: one row per speaker and actor
    mentioned inside the speaker's quotes, in the most articles first, then by quotes and
    mentions, then in the order the actors were stored. Read from the per-article network
    tally the database keeps (migration 0008), which ``v_quote_network`` shows: that view
    grouped by speaker and actor gives the same counts. ``limit`` keeps the first rows only.

    >>> [(e.speaker, e.mentioned, e.articles) for e in network_totals(session)][:1]  # doctest: +SKIP
    [('Michael Kugelman', 'Pakistan', 1)]
    """
    t = ArticleNetworkTally.__table__
    per_pair = select(
        t.c.speaker_id,
        t.c.mentioned_id,
        func.count().label("articles"),
        func.sum(t.c.quotes).label("quotes"),
        func.sum(t.c.mentions).label("mentions"),
    ).group_by(t.c.speaker_id, t.c.mentioned_id)
    per_pair = scoped(session, per_pair, t, article, since, until, outlet)
    order = (desc("articles"), desc("quotes"), desc("mentions"), t.c.speaker_id, t.c.mentioned_id)
    if limit is None:
        # the pairs sorted before they are named, and again after: PostgreSQL hashes `actor`
        # and keeps the pairs' order, so the second sort finds them sorted (a year, 46,737
        # pairs: 168 ms against 266 for one sort of the named rows, bench/README.md)
        per_pair = per_pair.order_by(*order).subquery("n")
    else:
        per_pair = _ranked(limit, per_pair, *order).subquery("n")
    return [NetworkTotal(*row) for row in session.execute(_named_pairs(per_pair))]


def _named_pairs(per_pair: Subquery) -> Select:
    """The pairs of ``per_pair`` (``speaker_id``, ``mentioned_id`` and their counts) with who
    the speaker and the actor mentioned are: the fields of :class:`NetworkTotal`, in order."""
    speaker, mentioned = Actor.__table__.alias("s"), Actor.__table__.alias("t")
    return (
        select(
            speaker.c.slug,
            speaker.c.name,
            speaker.c.kind,
            mentioned.c.slug,
            mentioned.c.name,
            mentioned.c.kind,
            per_pair.c.articles,
            per_pair.c.quotes,
            per_pair.c.mentions,
        )
        .join_from(per_pair, speaker, speaker.c.id == per_pair.c.speaker_id)
        .join(mentioned, mentioned.c.id == per_pair.c.mentioned_id)
        .order_by(
            per_pair.c.articles.desc(),
            per_pair.c.quotes.desc(),
            per_pair.c.mentions.desc(),
            per_pair.c.speaker_id,
            per_pair.c.mentioned_id,
        )
    )
