"""What the articles say, listed: every quote segment and every claim.

The raw material of every other question: :func:`quotes` reads ``v_quotes`` and
:func:`claims` reads ``v_claims``, one row per segment or claim, in text order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from newsdb.sourcing.scope import select_view
from newsdb.sourcing.views import view_of


@dataclass(frozen=True)
class QuoteRow:
    """A quote segment. ``words`` counts space-separated words; ``continues`` is the key of the
    segment this one continues; ``speaker_sector`` is the speaker's sector."""

    article: str
    published_date: dt.date | None
    quote_key: str
    speaker_slug: str
    speaker: str
    speaker_kind: str
    speaker_sector: str
    kind: str
    text: str
    words: int
    cue: str | None
    span_start: int
    span_end: int
    paragraph: int | None
    continues: str | None


V_QUOTES = view_of("v_quotes", QuoteRow)


def quotes(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[QuoteRow]:
    """Every quote segment, in article and text order.

    >>> [q.words for q in quotes(session, article="mini-bridge")]  # doctest: +SKIP
    [4, 3]
    """
    return select_view(
        session,
        V_QUOTES,
        QuoteRow,
        article,
        since,
        until,
        outlet,
        ["article", "span_start", "quote_key"],
    )


@dataclass(frozen=True)
class ClaimRow:
    """A claim: its words, what it asserts, on whose word it rests (``source`` is None for
    passive claims and the writer's own voice) and the cue that attributes it."""

    article: str
    published_date: dt.date | None
    claim_key: str
    text: str
    proposition: str
    attribution_mode: str
    source_slug: str | None
    source: str | None
    source_kind: str | None
    source_sector: str | None
    cue: str | None
    certainty: str
    span_start: int
    span_end: int
    paragraph: int | None


V_CLAIMS = view_of("v_claims", ClaimRow)


def claims(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    mode: str | None = None,
    outlet: str | None = None,
) -> list[ClaimRow]:
    """Every claim in article and text order, optionally of one attribution ``mode``.

    >>> [c.cue for c in claims(session, mode="passive")]  # doctest: +SKIP
    ['were reported to', ...]
    """
    where = () if mode is None else (V_CLAIMS.c.attribution_mode == mode,)
    return select_view(
        session,
        V_CLAIMS,
        ClaimRow,
        article,
        since,
        until,
        outlet,
        ["article", "span_start", "claim_key"],
        where,
    )
