"""How many distinct sources each claim rests on, and which claims conflict.

:func:`claim_support` reads ``v_claim_support`` (every claim, supporting source and route);
:func:`corroboration` reads ``v_corroboration`` (the count and kinds of each claim's sources);
:func:`conflicts` reads ``v_claim_conflicts``. Across a collection, :func:`support_totals`
counts claims per attribution mode and support, from the tally of migration 0007.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from newsdb.models import ClaimSupportTally
from newsdb.sourcing.attribution import MODE_LABELS, MODES
from newsdb.sourcing.grouping import group_keys, group_name, group_order, with_group
from newsdb.sourcing.scope import as_rows, scoped, select_view
from newsdb.sourcing.views import HELPER_ONLY, view_of


@dataclass(frozen=True)
class SupportRow:
    """A source that supports a claim, and how: ``route`` is 'own source', 'quote' (it speaks
    the quote ``via_key`` the claim rests on) or 'corroborating claim' (it is the source of
    claim ``via_key``, linked by 'corroborates' in either direction)."""

    article: str
    published_date: dt.date | None
    claim_key: str
    route: str
    via_key: str | None
    source_slug: str
    source: str
    source_class: str
    source_sector: str


V_SUPPORT = view_of("v_claim_support", SupportRow)


def claim_support(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[SupportRow]:
    """Every (claim, supporting source, route).

    >>> claim_support(session, "mini-bridge")[0].route  # doctest: +SKIP
    'own source'
    """
    return select_view(
        session,
        V_SUPPORT,
        SupportRow,
        article,
        since,
        until,
        outlet,
        ["article", "claim_key", "route", "via_key", "source_slug"],
    )


@dataclass(frozen=True)
class CorroborationRow:
    """How many distinct sources support a claim, and of what kind.

    The sources of a claim are its own source, the speakers of the quotes it rests on, and
    the sources of the claims that corroborate it or that it corroborates. ``support`` is
    'none', 'single' or 'multiple'; ``corroborating_claims`` and ``conflicting_claims`` count
    the claims linked to it either way. ``supported_by`` names the sources (not in the view).
    """

    article: str
    published_date: dt.date | None
    claim_key: str
    text: str
    attribution_mode: str
    source: str | None
    sources: int
    named_person_sources: int
    institution_sources: int
    collective_sources: int
    unnamed_sources: int
    support: str
    corroborating_claims: int
    conflicting_claims: int
    supported_by: tuple[str, ...] = field(default=(), metadata=HELPER_ONLY)


V_CORROBORATION = view_of("v_corroboration", CorroborationRow)


def corroboration(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    support: str | None = None,
    outlet: str | None = None,
) -> list[CorroborationRow]:
    """Each claim and the distinct sources behind it; only those with ``support`` 'none',
    'single' or 'multiple' if given.

    >>> [c.claim_key for c in corroboration(session, support="none")]  # doctest: +SKIP
    """
    # the names of each claim's sources, over the same article and range: the distinct names
    # only, not every row of claim_support()
    cs = V_SUPPORT
    names = select(cs.c.article, cs.c.claim_key, cs.c.source).distinct()
    names = scoped(session, names, cs, article, since, until, outlet)
    by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in session.execute(names):
        by[row.article, row.claim_key].append(row.source)
    v = V_CORROBORATION
    query = select(*v.c).order_by(v.c.article, v.c.sources.desc(), v.c.claim_key)
    if support is not None:
        query = query.where(v.c.support == support)
    query = scoped(session, query, v, article, since, until, outlet)
    return as_rows(
        session,
        query,
        CorroborationRow,
        supported_by=lambda r: tuple(sorted(by.get((r["article"], r["claim_key"]), ()))),
    )


@dataclass(frozen=True)
class ConflictRow:
    """Two claims annotated as conflicting (in the direction the annotation gives)."""

    article: str
    published_date: dt.date | None
    claim_key: str
    claim_text: str
    claim_mode: str
    claim_source: str | None
    other_claim_key: str
    other_text: str
    other_mode: str
    other_source: str | None


V_CONFLICTS = view_of("v_claim_conflicts", ConflictRow)


def conflicts(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[ConflictRow]:
    """Claims that conflict with one another.

    >>> [(c.claim_key, c.other_claim_key) for c in conflicts(session)]  # doctest: +SKIP
    """
    return select_view(
        session,
        V_CONFLICTS,
        ConflictRow,
        article,
        since,
        until,
        outlet,
        ["article", "claim_key", "other_claim_key"],
    )


#: how many sources a claim rests on, in the words of v_corroboration's ``support``
SUPPORT = ("none", "single", "multiple")


@dataclass(frozen=True)
class SupportTotal:
    """The claims of one attribution mode, across the articles chosen, that rest on no
    source, a single one or several (``support``, as in :class:`CorroborationRow`):
    ``claims`` of them, ``conflicted`` of those with at least one conflicting claim."""

    attribution_mode: str
    label: str
    support: str
    claims: int
    conflicted: int
    #: with ``by``: the article, outlet, month (2024-01) or year the counts are of
    group: str | None = None


def support_totals(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
    by: str | None = None,
) -> list[SupportTotal]:
    """Corroboration across the articles chosen: claims per attribution mode and support, in
    the order of :data:`MODES` and :data:`SUPPORT`, from the per-claim tally the database
    keeps (migration 0007). ``v_corroboration`` grouped by ``attribution_mode`` and
    ``support`` gives the same counts. With ``by`` ('article', 'outlet', 'month' or 'year'),
    the same rows for each group, in ``group``.

    >>> [(t.label, t.support, t.claims) for t in support_totals(session)][:2]  # doctest: +SKIP
    [('named person', 'single', 6), ('named person', 'multiple', 4)]
    """
    t = ClaimSupportTally.__table__
    query, key = with_group(select(t.c.attribution_mode, t.c.sources).select_from(t), t, by)
    query = query.add_columns(
        func.count(), func.sum(case((t.c.conflicting_claims > 0, 1), else_=0)), key
    ).group_by(t.c.attribution_mode, t.c.sources, *group_keys(by, key))
    query = scoped(session, query, t, article, since, until, outlet)
    counted: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for mode, sources, claims, conflicted, group in session.execute(query):
        both = counted[group_name(by, group), mode, SUPPORT[min(sources, 2)]]
        both[0] += claims
        both[1] += conflicted
    return [
        SupportTotal(mode, MODE_LABELS[mode], support, *counted[group, mode, support], group)
        for group in sorted({g for g, _, _ in counted}, key=group_order)
        for mode in MODES
        for support in SUPPORT
        if (group, mode, support) in counted
    ]
