"""Who is in the story but not heard, and who speaks for them.

:func:`spoken_for` reads ``v_spoken_for`` (quotes and claims that mention someone other than
their speaker); :func:`voice_gaps` reads ``v_voice_gaps`` (actors mentioned or party to an
event, never quoted nor credited) and names, for each, those who speak for it. Across a
collection, :func:`newsdb.sourcing.actor_totals.unheard_totals`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsdb.sourcing.scope import as_rows, scoped, select_view
from newsdb.sourcing.views import HELPER_ONLY, view_of


@dataclass(frozen=True)
class SpokenForRow:
    """A quote segment or sourced claim (``via`` 'quote' or 'claim', ``via_key`` its key) by
    ``speaker`` that mentions ``actor`` inside its span, ``mentions`` times."""

    article: str
    published_date: dt.date | None
    actor_slug: str
    actor: str
    via: str
    via_key: str
    speaker_slug: str
    speaker: str
    speaker_kind: str
    speaker_sector: str
    speaker_location: str | None
    mentions: int


V_SPOKEN_FOR = view_of("v_spoken_for", SpokenForRow)


def spoken_for(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: str | None = None,
    outlet: str | None = None,
) -> list[SpokenForRow]:
    """Quotes and claims that speak of someone other than their speaker; of ``actor`` (a slug)
    if given.

    >>> [(r.speaker, r.via_key) for r in spoken_for(session, actor="baluch-people")]  # doctest: +SKIP
    """
    where = () if actor is None else (V_SPOKEN_FOR.c.actor_slug == actor,)
    return select_view(
        session,
        V_SPOKEN_FOR,
        SpokenForRow,
        article,
        since,
        until,
        outlet,
        ["article", "actor_slug", "speaker_slug", "via", "via_key"],
        where,
    )


@dataclass(frozen=True)
class GapRow:
    """An actor that is party to an event the article reports, or is mentioned, but is never
    a source in it: no quote, no claim.

    ``mentions`` counts its mentions; ``event_roles`` its parts in the article's events;
    ``quotes_about`` and ``claims_about`` the quotes and sourced claims by others that mention
    it; ``spoken_for_by`` how many distinct others those come from (their names, with where
    they are based, in ``speakers``, which the view does not have). ``parts_as_sources``
    counts sources that are part of it (a state's foreign ministry): such an actor is heard
    through a part of itself.
    """

    article: str
    published_date: dt.date | None
    actor_slug: str
    name: str
    kind: str
    sector: str
    country: str | None
    mentions: int
    event_roles: int
    quotes_about: int
    claims_about: int
    spoken_for_by: int
    parts_as_sources: int
    speakers: tuple[str, ...] = field(default=(), metadata=HELPER_ONLY)


V_VOICE_GAPS = view_of("v_voice_gaps", GapRow)


def voice_gaps(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[GapRow]:
    """Actors present in the story but never heard, most spoken-for first.

    >>> gap = next(g for g in voice_gaps(session) if g.actor_slug == "baluch-people")  # doctest: +SKIP
    >>> gap.speakers  # doctest: +SKIP
    ('Malik Siraj Akbar (Washington)',)
    """
    by = _speakers_for(session, article, since, until, outlet)
    v = V_VOICE_GAPS
    query = select(*v.c).order_by(
        v.c.article,
        v.c.spoken_for_by.desc(),
        (v.c.quotes_about + v.c.claims_about).desc(),
        v.c.mentions.desc(),
        v.c.actor_slug,
    )
    query = scoped(session, query, v, article, since, until, outlet)
    return as_rows(
        session,
        query,
        GapRow,
        speakers=lambda r: tuple(by.get((r["article"], r["actor_slug"]), ())),
    )


def _speakers_for(
    session: Session,
    article: str | None,
    since: dt.date | None,
    until: dt.date | None,
    outlet: str | None,
) -> dict[tuple[str, str], list[str]]:
    """Who speaks for whom, by (article, actor slug): each speaker's name, with where it is
    based, once, in order of slug. The distinct speakers only, not every row of
    :func:`spoken_for`."""
    sf = V_SPOKEN_FOR
    speakers = select(
        sf.c.article, sf.c.actor_slug, sf.c.speaker_slug, sf.c.speaker, sf.c.speaker_location
    ).distinct()
    speakers = scoped(session, speakers, sf, article, since, until, outlet).order_by(
        sf.c.article, sf.c.actor_slug, sf.c.speaker_slug, sf.c.speaker, sf.c.speaker_location
    )
    by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in session.execute(speakers):
        name = row.speaker + (f" ({row.speaker_location})" if row.speaker_location else "")
        if name not in by[row.article, row.actor_slug]:
            by[row.article, row.actor_slug].append(name)
    return by
