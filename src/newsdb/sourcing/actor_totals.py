"""Each actor's counts per article, and its totals across a collection.

:func:`actor_tally` reads ``v_actor_tally`` (the tally of migration 0004, one row per article
and actor); :func:`source_totals` (who is heard) and :func:`unheard_totals` (who is mentioned
and not heard) sum that tally per actor over the articles chosen, optionally per group.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Subquery, Table, case, desc, func, select
from sqlalchemy.orm import Session

from newsdb.models import Actor, ArticleActorTally
from newsdb.sourcing.grouping import group_keys, group_name, with_group
from newsdb.sourcing.scope import scoped, select_view
from newsdb.sourcing.views import view_of


@dataclass(frozen=True)
class ActorTallyRow:
    """An actor's counts in one article (the tally migration 0004 keeps): ``mentions``,
    ``quotes`` (segments), ``words_quoted`` (direct and partial quotes), ``claims`` credited
    to it; ``heard`` when it is quoted or credited. ``country`` is the actor's own, else that
    of the organisation it is part of."""

    article: str
    published_date: dt.date | None
    actor_slug: str
    name: str
    source_class: str
    kind: str
    sector: str
    country: str | None
    mentions: int
    quotes: int
    words_quoted: int
    claims: int
    heard: bool


V_ACTOR_TALLY = view_of("v_actor_tally", ActorTallyRow)


def actor_tally(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[ActorTallyRow]:
    """Every actor of every article chosen, with its counts there, by article and actor."""
    return select_view(
        session,
        V_ACTOR_TALLY,
        ActorTallyRow,
        article,
        since,
        until,
        outlet,
        ["article", "actor_slug"],
    )


@dataclass(frozen=True)
class SourceTotal:
    """An actor heard in the articles chosen, with its totals over them: the ``articles``
    that quote it or credit it with a claim, and in those its quote segments, words quoted,
    claims and mentions. The fields describing the actor are those of :class:`ActorTallyRow`."""

    actor_slug: str
    name: str
    source_class: str
    kind: str
    sector: str
    country: str | None
    articles: int
    quotes: int
    words_quoted: int
    claims: int
    mentions: int
    #: with ``by``: the article, outlet, month (2024-01) or year the counts are of
    group: str | None = None


@dataclass(frozen=True)
class UnheardTotal:
    """An actor mentioned in articles that never quote it nor credit it with a claim:
    ``articles`` counts those articles and ``mentions`` its mentions in them; ``heard_in``
    counts the articles chosen that do quote it or credit it."""

    actor_slug: str
    name: str
    source_class: str
    kind: str
    sector: str
    country: str | None
    articles: int
    mentions: int
    heard_in: int
    #: with ``by``: the article, outlet, month (2024-01) or year the counts are of
    group: str | None = None


def _source_class(kind: Any) -> Any:
    """The SQL of v_actor_tally's ``source_class``, for a query that does not read the view."""
    return case(
        (kind == "person", "named person"),
        (kind == "anonymous", "unnamed individual"),
        (kind.in_(("collective", "population")), "collective"),
        else_="institution",
    )


def _actor_totals(
    session: Session,
    article: str | None,
    since: dt.date | None,
    until: dt.date | None,
    outlet: str | None,
    *counts: Any,
    where: Any = None,
    having: Any = None,
    order_by: list[str],
    limit: int | None = None,
    by: str | None = None,
) -> Sequence[Any]:
    """``counts`` over the actor tally of the articles chosen, one row per actor, each with
    who the actor is, ordered by the counts named in ``order_by`` (largest first), then by
    the actor's id. The tally is grouped before it meets ``actor``, so a year of articles is
    one index range and a few thousand actors (bench/README.md). With ``by``, one row per
    group and actor, the group's name last, the first ``limit`` of each group."""
    t = ArticleActorTally.__table__
    per_actor = _per_actor(t, counts, where, having, by)
    per_actor = scoped(session, per_actor, t, article, since, until, outlet)
    if limit is not None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if by is None:
            # ties are broken by the actor's id, not its slug, so that the first ``limit``
            # actors are chosen before any row meets ``actor``: the top 50 of a month join 50
            # actors, not 4,575
            ranked = [*(desc(name) for name in order_by), t.c.actor_id]
            per_actor = per_actor.order_by(*ranked).limit(limit)
    query = _named(per_actor.subquery("n"), counts, order_by, by)
    rows = [(*row[:-1], group_name(by, row[-1])) for row in session.execute(query)]
    if by is None or limit is None:
        return rows
    return _first_of_each_group(rows, limit)


def _per_actor(t: Table, counts: Sequence[Any], where: Any, having: Any, by: str | None) -> Select:
    """The actor tally ``t`` grouped per actor (and per group, with ``by``): ``actor_id``,
    the ``counts`` and ``grp``, the group's key (NULL without ``by``)."""
    per_actor, key = with_group(select(t.c.actor_id).select_from(t), t, by)
    per_actor = per_actor.add_columns(*counts, key.label("grp"))
    per_actor = per_actor.group_by(t.c.actor_id, *group_keys(by, key))
    if where is not None:
        per_actor = per_actor.where(where)
    if having is not None:
        per_actor = per_actor.having(having)
    return per_actor


def _named(n: Subquery, counts: Sequence[Any], order_by: list[str], by: str | None) -> Select:
    """The rows of :func:`_per_actor` ``n`` with who each actor is, in the order of the
    fields of :class:`SourceTotal` and :class:`UnheardTotal`, ``grp`` last; by group, then
    by the counts named in ``order_by`` (largest first), then by the actor's id."""
    actor, parent = Actor.__table__, Actor.__table__.alias("parent")
    return (
        select(
            actor.c.slug.label("actor_slug"),
            actor.c.name,
            _source_class(actor.c.kind).label("source_class"),
            actor.c.kind,
            actor.c.sector.label("sector"),
            func.coalesce(actor.c.country, parent.c.country).label("country"),
            *(n.c[c.name] for c in counts),
            n.c.grp,
        )
        .join_from(n, actor, actor.c.id == n.c.actor_id)
        .outerjoin(parent, parent.c.id == actor.c.parent_id)
        .order_by(
            *([n.c.grp.is_(None), n.c.grp] if by else []),
            *(n.c[name].desc() for name in order_by),
            n.c.actor_id,
        )
    )


def _first_of_each_group(rows: list[tuple], limit: int) -> list[tuple]:
    """The first ``limit`` of ``rows`` of each group (the last column), in their order."""
    seen: dict[str | None, int] = defaultdict(int)
    kept = []
    for row in rows:
        seen[row[-1]] += 1
        if seen[row[-1]] <= limit:
            kept.append(row)
    return kept


def source_totals(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    outlet: str | None = None,
    by: str | None = None,
) -> list[SourceTotal]:
    """Who is heard across the articles chosen: in the most articles first, then by claims
    and quote segments, then in the order the actors were stored.

    One row per actor, however many articles: the question over a month or a year of a
    collection, answered from the tallies (``v_actor_tally`` grouped by actor, where
    ``heard``, gives the same rows). ``limit`` keeps the first rows only: the 50 most
    heard sources of a year come back faster than all 15,000 (bench/README.md). With ``by``
    ('article', 'outlet', 'month' or 'year'), one row per group and actor (in ``group``), the
    first ``limit`` of each group.

    >>> [(s.name, s.articles, s.claims) for s in source_totals(session)][:1]  # doctest: +SKIP
    [('Iran', 1, 5)]
    """
    t = ArticleActorTally.__table__
    rows = _actor_totals(
        session,
        article,
        since,
        until,
        outlet,
        func.count().label("articles"),
        func.sum(t.c.quotes).label("quotes"),
        func.sum(t.c.words_quoted).label("words_quoted"),
        func.sum(t.c.claims).label("claims"),
        func.sum(t.c.mentions).label("mentions"),
        where=t.c.quotes + t.c.claims > 0,
        order_by=["articles", "claims", "quotes"],
        limit=limit,
        by=by,
    )
    return [SourceTotal(*row) for row in rows]  # columns in the order of the fields


def unheard_totals(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    outlet: str | None = None,
    by: str | None = None,
) -> list[UnheardTotal]:
    """Who is mentioned but not heard across the articles chosen, most often unheard first.

    Counts mentions only: parties to events that are never mentioned by name are in
    :func:`voice_gaps`, one article at a time. ``limit`` keeps the first rows only. With
    ``by``, one row per group and actor, as :func:`source_totals`.

    >>> [(u.name, u.articles) for u in unheard_totals(session)][:1]  # doctest: +SKIP
    [('Baluch people', 1)]
    """
    t = ArticleActorTally.__table__
    unheard = t.c.quotes + t.c.claims == 0
    rows = _actor_totals(
        session,
        article,
        since,
        until,
        outlet,
        func.sum(case((unheard, 1), else_=0)).label("articles"),
        func.sum(case((unheard, t.c.mentions), else_=0)).label("mentions"),
        func.sum(case((unheard, 0), else_=1)).label("heard_in"),
        having=func.sum(case((unheard, 1), else_=0)) > 0,
        order_by=["articles", "mentions"],
        limit=limit,
        by=by,
    )
    return [UnheardTotal(*row) for row in rows]  # columns in the order of the fields
