"""Claims checked against the record: which differ, and by how much across a collection.

:func:`claim_checks` reads ``v_claim_checks``; :func:`check_totals` counts the checks per
aspect and verdict from the base tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, desc, distinct, func, select, true
from sqlalchemy.orm import Session

from newsdb.models import Article, Claim, ClaimCheck
from newsdb.sourcing.scope import scoped, select_view
from newsdb.sourcing.views import view_of
from newsdb.vocab import Verdict

#: the verdicts by which a claim's stated value differs from the record (as v_claim_checks)
DIFFERING = (Verdict.CONTRADICTED.value, Verdict.PARTLY_CONFIRMED.value)


@dataclass(frozen=True)
class CheckRow:
    """A claim checked against the record. ``differs`` when the verdict is 'contradicted' or
    'partly_confirmed'; ``checked_against`` is where the checked value comes from."""

    article: str
    published_date: dt.date | None
    claim_key: str
    claim_text: str
    attribution_mode: str
    source: str | None
    aspect: str
    stated_value: str
    checked_value: str | None
    verdict: str
    differs: bool
    checked_against: str
    note: str | None


V_CHECKS = view_of("v_claim_checks", CheckRow)


def claim_checks(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    differing_only: bool = False,
    outlet: str | None = None,
) -> list[CheckRow]:
    """Claims checked against the record; only those whose stated value differs, if asked.

    >>> [(c.aspect, c.stated_value, c.checked_value) for c in claim_checks(session)]  # doctest: +SKIP
    """
    where = (V_CHECKS.c.differs == true(),) if differing_only else ()
    return select_view(
        session,
        V_CHECKS,
        CheckRow,
        article,
        since,
        until,
        outlet,
        ["article", "claim_key", "aspect"],
        where,
    )


@dataclass(frozen=True)
class CheckTotal:
    """How the claims of the articles chosen fared against the record, for one aspect and
    verdict: ``checks`` of them (one per claim), in ``articles`` articles; ``differs`` as in
    :class:`CheckRow`."""

    aspect: str
    verdict: str
    differs: bool
    checks: int
    articles: int


def check_totals(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[CheckTotal]:
    """Claim checks across the articles chosen, per aspect and verdict: those that differ
    from the record first, then the most checks. ``v_claim_checks`` grouped by aspect and
    verdict gives the same counts.

    >>> [(t.aspect, t.verdict, t.checks) for t in check_totals(session)][:1]  # doctest: +SKIP
    [('date', 'contradicted', 1)]
    """
    a, c, k = Article.__table__, Claim.__table__, ClaimCheck.__table__
    differs = case((k.c.verdict.in_(DIFFERING), 1), else_=0).label("differs")
    query = (
        select(
            k.c.aspect,
            k.c.verdict,
            differs,
            func.count().label("checks"),
            func.count(distinct(c.c.article_id)).label("articles"),
        )
        .select_from(a)
        .join(c, c.c.article_id == a.c.id)
        .join(k, k.c.claim_id == c.c.id)
        .group_by(k.c.aspect, k.c.verdict)
        .order_by(desc("differs"), desc("checks"), k.c.aspect, k.c.verdict)
    )
    query = scoped(session, query, a, article, since, until, outlet)
    return [CheckTotal(row[0], row[1], bool(row[2]), *row[3:]) for row in session.execute(query)]
