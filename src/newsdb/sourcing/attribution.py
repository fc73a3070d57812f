"""On whose word the claims rest: the modes of attribution and their shares.

:data:`MODES` and :data:`MODE_LABELS` name the six modes, in the order every helper lists
them. :func:`profile` counts claims per mode (``v_attribution_profile``, read from the mode
tally of migration 0004); :func:`profile_summary` gives the share that name who said them
(``v_attribution_summary``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from newsdb.models import ArticleModeTally
from newsdb.sourcing.grouping import group_keys, group_name, group_order, with_group
from newsdb.sourcing.scope import scoped
from newsdb.vocab import MODES_WITH_SOURCE, AttributionMode

#: the attribution modes, in the order the profile lists them
MODES = tuple(mode.value for mode in AttributionMode)
#: how the profile names each mode (as the view v_attribution_profile does)
MODE_LABELS = {
    "named_person": "named person",
    "institution": "institution or official statement",
    "unnamed_official": "unnamed official",
    "vague_collective": "vague collective",
    "passive": "passive or agentless",
    "writer": "the writer's own voice",
}
#: the modes that name who said it
NAMES_SOURCE = frozenset({"named_person", "institution"})


@dataclass(frozen=True)
class ModeShare:
    """Claims of one attribution mode, over the articles chosen, and their share of all claims.

    ``names_source`` is true for the modes that name who said it (a named person; an
    institution or official statement)."""

    mode_order: int
    attribution_mode: str
    mode_label: str
    names_source: bool
    claims: int
    share: float | None
    #: with ``by``: the article, outlet, month (2024-01) or year the counts are of
    group: str | None = None


# The view v_attribution_profile has a row per article and mode: ``article``,
# ``published_date``, the fields of ModeShare (the share is of the article's claims) and
# ``article_claims``. v_attribution_summary has a row per article: ``article``,
# ``published_date`` and the fields of ProfileSummary but ``articles``.


def profile(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
    by: str | None = None,
) -> list[ModeShare]:
    """Claims counted by attribution mode, all six modes in a fixed order, with shares.

    Over several articles the counts are summed and the share is of all their claims; no
    rows when the articles chosen have no claims. With ``by`` ('article', 'outlet', 'month'
    or 'year'), six rows for each group, the share of the group's claims, in ``group``.
    The view ``v_attribution_profile`` has the same rows per article; this reads the tally
    behind it (``article_mode_tally``), which has one row per article and mode, so a year of
    articles is one index range.

    >>> [(m.attribution_mode, m.claims) for m in profile(session, "mini-bridge")]  # doctest: +SKIP
    [('named_person', 1), ('institution', 0), ('unnamed_official', 1), ...]
    """
    counts = _claims_per_mode(session, article, since, until, outlet, by)
    rows = []
    for group in sorted(counts, key=group_order):
        total = sum(counts[group].values())
        if not total:
            continue
        rows += [
            ModeShare(
                mode_order=order,
                attribution_mode=mode,
                mode_label=MODE_LABELS[mode],
                names_source=mode in NAMES_SOURCE,
                claims=counts[group].get(mode, 0),
                share=counts[group].get(mode, 0) / total,
                group=group,
            )
            for order, mode in enumerate(MODES, 1)
        ]
    return rows


def _claims_per_mode(
    session: Session,
    article: str | None,
    since: dt.date | None,
    until: dt.date | None,
    outlet: str | None,
    by: str | None,
) -> dict[str | None, dict[str, int]]:
    """The claims of each group (None without ``by``) per attribution mode, from the mode
    tally; a mode no claim has is not there."""
    t = ArticleModeTally.__table__
    query, key = with_group(select(t.c.attribution_mode).select_from(t), t, by)
    query = query.add_columns(key, func.sum(t.c.claims)).group_by(
        t.c.attribution_mode, *group_keys(by, key)
    )
    query = scoped(session, query, t, article, since, until, outlet)
    # SUM is NUMERIC on PostgreSQL for some types: ints before any division
    counts: dict[str | None, dict[str, int]] = defaultdict(dict)
    for mode, group, n in session.execute(query):
        counts[group_name(by, group)][mode] = int(n)
    return counts


@dataclass(frozen=True)
class ProfileSummary:
    """How many claims, and what share of them, name who said them (a named person or an
    institution), have any source actor at all, or rest on no one (passive, writer)."""

    articles: int
    claims: int
    named_claims: int
    named_share: float | None
    sourced_claims: int
    sourced_share: float | None
    passive_claims: int
    writer_claims: int


def profile_summary(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> ProfileSummary:
    """The share of claims that name who said them, over the articles chosen.

    >>> profile_summary(session, "mini-bridge").named_share  # doctest: +SKIP
    0.333...
    """
    t = ArticleModeTally.__table__

    def claims_of(*modes: str) -> Any:
        return func.sum(case((t.c.attribution_mode.in_(modes), t.c.claims), else_=0))

    query = select(
        func.count(func.distinct(t.c.article_id)).label("articles"),
        func.sum(t.c.claims).label("claims"),
        claims_of(*NAMES_SOURCE).label("named_claims"),
        claims_of(*(m.value for m in MODES_WITH_SOURCE)).label("sourced_claims"),
        claims_of("passive").label("passive_claims"),
        claims_of("writer").label("writer_claims"),
    )
    query = scoped(session, query, t, article, since, until, outlet)
    row = session.execute(query).mappings().one()
    # a SUM is NULL over no rows, and may be NUMERIC on PostgreSQL: ints before any division
    counts = {name: int(value or 0) for name, value in row.items()}
    total = counts["claims"]
    return ProfileSummary(
        **counts,
        named_share=counts["named_claims"] / total if total else None,
        sourced_share=counts["sourced_claims"] / total if total else None,
    )
