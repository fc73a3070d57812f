"""Who is heard: the sources each article quotes or credits with a claim.

:func:`sources` reads ``v_sources``, one row per article and source. The same question over a
collection, one row per actor, is :func:`newsdb.sourcing.actor_totals.source_totals`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from newsdb.sourcing.scope import select_view
from newsdb.sourcing.views import view_of


@dataclass(frozen=True)
class SourceRow:
    """An actor quoted or credited with a claim in an article.

    ``source_class`` tells named people, institutions (organisations, states, armed groups),
    collectives ("analysts") and unnamed individuals apart; ``sector`` is the actor's
    sector (think tank, government...). ``affiliation``, ``role`` and ``location`` come from
    the first affiliation the article states for the person, the organisation named with the
    one it is part of ("South Asia Institute, Wilson Center"); for an organisation
    ``affiliation`` is the organisation it is part of. ``country`` is the actor's, else its
    organisation's. ``quotes`` counts quote segments of any kind, ``words_quoted`` the words
    inside quotation marks (direct and partial quotes), ``claims`` the claims credited to it.
    ``first_paragraph`` is where the actor first appears (a mention, a quote or a claim);
    ``first_source_paragraph`` where it is first quoted or credited.
    """

    article: str
    published_date: dt.date | None
    actor_slug: str
    name: str
    source_class: str
    kind: str
    sector: str
    affiliation: str | None
    role: str | None
    location: str | None
    country: str | None
    quotes: int
    words_quoted: int
    claims: int
    first_paragraph: int | None
    first_source_paragraph: int | None


V_SOURCES = view_of("v_sources", SourceRow)


def sources(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[SourceRow]:
    """Who each article quotes or credits with a claim, in order of first being heard.

    >>> for s in sources(session, article="pakistan-iran-off-ramp"):  # doctest: +SKIP
    ...     print(s.name, s.source_class, s.quotes, s.claims)
    Iran institution 2 5
    """
    return select_view(
        session,
        V_SOURCES,
        SourceRow,
        article,
        since,
        until,
        outlet,
        ["article", "first_source_paragraph", "first_paragraph", "actor_slug"],
    )
