"""How a story is sourced: who speaks, on whose word claims rest, who is spoken for.

Each question has a SQL view (created by migration 0002, so any SQL client, Datasette or a
SQLite browser sees it by name) and a helper here that reads that view. The SQL lives in one
place, versioned with the schema; the helpers add the filters (one article, a range of
publication dates), typed rows and a stable order. Every view carries ``article`` (the slug)
and ``published_date``; the columns of each view are the fields of the dataclass of its helper.
An actor's column keeps the actor table's name, prefixed by the part the actor plays when
the row is not the actor itself: ``kind`` and ``sector`` of a source or gap, ``speaker_kind``
and ``speaker_sector`` of a quote's speaker, ``source_kind`` and ``source_sector`` of a
claim's source. Flags (``heard``, ``differs``, ``names_source``) are booleans.

Like every query helper in newsdb these take a session, build a ``select()`` with bound
parameters, return frozen dataclasses and never commit. From a notebook::

    from sqlalchemy.orm import Session
    from newsdb import db, sourcing
    session = Session(db.make_engine("sqlite:///newsdb.sqlite"))
    sourcing.sources(session, article="pakistan-iran-off-ramp")

``since`` and ``until`` bound ``article.published_date`` (both inclusive); with either given,
articles without a publication date are left out. ``article`` names an article by slug and
raises :class:`newsdb.listings.UnknownArticle` if there is none; ``until`` before ``since``
raises :class:`BadRange`.

The questions and their views:

====================  =========================  ===================================================
helper                view                       answers
====================  =========================  ===================================================
quotes                ``v_quotes``               every quote segment, with its word count
claims                ``v_claims``               every claim, its attribution mode and source
sources               ``v_sources``              who is quoted or credited with a claim
profile               ``v_attribution_profile``  claims by attribution mode, with shares
profile_summary       ``v_attribution_summary``  the share of claims that name who said them
voice_gaps            ``v_voice_gaps``           who is party to events or mentioned, never heard
spoken_for            ``v_spoken_for``           quotes and claims that speak of someone else
geography             ``v_source_geography``     where sources are, events happen, states take part
geography_tally       ``v_geography_tally``      each source, event and party state once (the tally)
corroboration         ``v_corroboration``        how many distinct sources support each claim
claim_support         ``v_claim_support``        which sources support each claim, and how
conflicts             ``v_claim_conflicts``      pairs of claims that conflict
event_sourcing        ``v_event_sourcing``       the claims and quotes about each event
quote_network         ``v_quote_network``        who speaks about whom, inside their quotes
claim_checks          ``v_claim_checks``         claims checked against the record
actor_tally           ``v_actor_tally``          an actor's counts in one article (the tally)
source_totals         ``v_actor_tally``          who is heard across the articles, per actor
unheard_totals        ``v_actor_tally``          who is mentioned and not heard, per actor
network_totals        ``v_quote_network``        who speaks about whom, per speaker and actor
toll_totals           ``v_event_sourcing``       on whose word the death tolls rest, per mode
check_totals          ``v_claim_checks``         claim checks per aspect and verdict
support_totals        ``v_corroboration``        claims per attribution mode and support
geography_by_country  ``v_geography_tally``      sources, events and party states per country
====================  =========================  ===================================================

The listings give one row per article and source (or claim, event...). Over a collection,
the totals answer from what the database keeps counted per article (migrations 0004 and
0007-0009): :func:`source_totals`, :func:`unheard_totals` and :func:`profile` from the actor
and mode tallies, :func:`support_totals` from the per-claim support tally,
:func:`network_totals` from the network tally and :func:`geography_by_country` from the
geography tally, one index range for any range of dates. :func:`toll_totals` and
:func:`check_totals` group the base tables of the articles in the range directly. The view
beside each, grouped the same way, gives the same counts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    case,
    desc,
    distinct,
    extract,
    func,
    null,
    select,
    true,
)
from sqlalchemy.orm import Session

from newsdb.listings import BadRange, UnknownArticle, UnknownEvent, article_id, check_range
from newsdb.models import (
    Actor,
    Article,
    ArticleActorTally,
    ArticleGeographyTally,
    ArticleModeTally,
    ArticleNetworkTally,
    Claim,
    ClaimCheck,
    ClaimSupportTally,
    Event,
    EventReport,
)
from newsdb.vocab import GROUPINGS, MODES_WITH_SOURCE, AttributionMode, Verdict

__all__ = [
    "MODES",
    "BadRange",
    "UnknownArticle",
    "UnknownEvent",
    "actor_tally",
    "check_totals",
    "claim_checks",
    "claim_support",
    "claims",
    "conflicts",
    "corroboration",
    "event_sourcing",
    "geography",
    "network_totals",
    "profile",
    "profile_summary",
    "quote_network",
    "quotes",
    "source_totals",
    "sources",
    "spoken_for",
    "support_totals",
    "toll_totals",
    "unheard_totals",
    "voice_gaps",
]


#: the verdicts by which a claim's stated value differs from the record (as v_claim_checks)
DIFFERING = (Verdict.CONTRADICTED.value, Verdict.PARTLY_CONFIRMED.value)
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


# -- the views, as tables the helpers select from -------------------------------------------

#: The views, kept apart from ``Base.metadata`` so that autogenerate never sees them.
VIEWS = MetaData()

_TYPES = {"int": Integer, "str": String, "float": Float, "bool": Boolean, "dt.date": Date}
#: a dataclass field that the helper adds and the view does not have
_HELPER_ONLY = {"view": False}

Row = TypeVar("Row")


def _view(name: str, row_type: type) -> Table:
    """The view ``name``, with a column for each field of ``row_type`` the view holds."""
    columns = []
    for f in fields(row_type):
        if f.metadata.get("view", True):
            base = str(f.type).removesuffix(" | None")
            columns.append(Column(f.name, _TYPES[base]()))
    return Table(name, VIEWS, *columns)


def view_columns(row_type: type) -> list[str]:
    """The names of the fields of ``row_type`` that are columns of its view."""
    return [f.name for f in fields(row_type) if f.metadata.get("view", True)]


def _scoped(
    session: Session,
    query: Select,
    columns: Table,
    article: str | None,
    since: dt.date | None,
    until: dt.date | None,
    outlet: str | None = None,
) -> Select:
    """``query`` narrowed to one article, one outlet's articles and a range of publication
    dates, all bound.

    ``columns`` is a view (which has ``article``, the slug), a tally table (``article_id``) or
    ``article`` itself; all have ``published_date``."""
    since, until = _day(since), _day(until)
    check_range(since, until)
    if article is not None:
        known = article_id(session, article)  # raises UnknownArticle
        if "article_id" in columns.c:
            query = query.where(columns.c.article_id == known)
        elif "article" in columns.c:
            query = query.where(columns.c.article == article)
        else:
            query = query.where(columns.c.id == known)
    if outlet is not None:
        query = _of_outlet(session, query, columns, outlet)
    if since is not None:
        query = query.where(columns.c.published_date >= since)
    if until is not None:
        query = query.where(columns.c.published_date <= until)
    return query


def _of_outlet(session: Session, query: Select, columns: Table, outlet: str) -> Select:
    """``query`` narrowed to the articles of ``outlet``; :class:`UnknownArticle` if none."""
    a = Article.__table__
    if session.scalar(select(a.c.id).where(a.c.outlet == outlet).limit(1)) is None:
        raise UnknownArticle(f"no article from outlet {outlet!r}")
    if "article_id" in columns.c:
        return query.where(columns.c.article_id.in_(select(a.c.id).where(a.c.outlet == outlet)))
    if "article" in columns.c:
        return query.where(columns.c.article.in_(select(a.c.slug).where(a.c.outlet == outlet)))
    return query.where(columns.c.outlet == outlet)


def _day(value: dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


#: how the collection questions compare: one group per article, outlet, month or year
BY = GROUPINGS


def _grouped(query: Select, table: Table, by: str | None) -> tuple[Select, Any]:
    """``query`` over ``table`` (a tally: ``article_id``, ``published_date``) with the key of
    each row's group (``by``), for it to select and group by; the key is NULL for no group."""
    if by is None:
        return query, null()  # selected, never grouped by: see _keys
    a, day = Article.__table__, table.c.published_date
    match by:
        case "article":
            key = a.c.slug
        case "outlet":
            key = a.c.outlet
        case "year":
            key = extract("year", day)
        case "month":
            key = extract("year", day) * 100 + extract("month", day)
        case _:
            raise ValueError(f"by is one of {', '.join(BY)}, not {by!r}")
    if by in ("article", "outlet"):
        query = query.join_from(table, a, a.c.id == table.c.article_id)
    return query, key


def _keys(by: str | None, key: Any) -> list[Any]:
    """What to group by for ``by``: nothing more without it (PostgreSQL refuses GROUP BY NULL)."""
    return [] if by is None else [key]


def _group_name(by: str | None, key: Any) -> str | None:
    """The group's name: a slug, an outlet, 2024-01, 2024 (None: undated, no outlet)."""
    if by is None or key is None:
        return None
    if by == "month":
        return f"{int(key) // 100:04d}-{int(key) % 100:02d}"
    if by == "year":
        return f"{int(key):04d}"
    return key


def _group_order(group: str | None) -> tuple[bool, str]:
    """Groups in order of name, no group (undated, no outlet) last."""
    return (group is None, group or "")


def _rows(session: Session, query: Select, row_type: type[Row], **extra: Any) -> list[Row]:
    """``query``'s rows as ``row_type``, its flags as bools and ``extra`` fields computed from
    each row (a dict by column name). Built from the plain rows, not through row mappings: a
    month of sources at 100,000 articles, 16,849 rows, 437 ms against 524 on PostgreSQL."""
    result = session.execute(query)
    keys = list(result.keys())
    flags = [k for k in keys if k in {f.name for f in fields(row_type) if f.type == "bool"}]
    if not flags and not extra and keys == [f.name for f in fields(row_type)]:
        return [row_type(*row) for row in result.all()]  # the columns are the fields
    out = []
    for row in result.all():
        values = dict(zip(keys, row, strict=True))
        for k in flags:
            values[k] = bool(values[k])
        out.append(row_type(**values, **{k: fn(values) for k, fn in extra.items()}))
    return out


def _select(
    session: Session,
    view: Table,
    row_type: type[Row],
    article: str | None,
    since: dt.date | None,
    until: dt.date | None,
    outlet: str | None,
    order_by: list[str],
    where: tuple = (),
    **extra: Any,
) -> list[Row]:
    query = select(*view.c).where(*where).order_by(*(view.c[name] for name in order_by))
    query = _scoped(session, query, view, article, since, until, outlet)
    return _rows(session, query, row_type, **extra)


# -- listings --------------------------------------------------------------------------------


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


V_QUOTES = _view("v_quotes", QuoteRow)


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
    return _select(
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


V_CLAIMS = _view("v_claims", ClaimRow)


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
    return _select(
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


# -- 1. sources ------------------------------------------------------------------------------


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


V_SOURCES = _view("v_sources", SourceRow)


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
    return _select(
        session,
        V_SOURCES,
        SourceRow,
        article,
        since,
        until,
        outlet,
        ["article", "first_source_paragraph", "first_paragraph", "actor_slug"],
    )


# -- 2. attribution profile ------------------------------------------------------------------


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
    t = ArticleModeTally.__table__
    query, key = _grouped(select(t.c.attribution_mode).select_from(t), t, by)
    query = query.add_columns(key, func.sum(t.c.claims)).group_by(
        t.c.attribution_mode, *_keys(by, key)
    )
    query = _scoped(session, query, t, article, since, until, outlet)
    # SUM is NUMERIC on PostgreSQL for some types: ints before any division
    counts: dict[str | None, dict[str, int]] = defaultdict(dict)
    for mode, group, n in session.execute(query):
        counts[_group_name(by, group)][mode] = int(n)
    rows = []
    for group in sorted(counts, key=_group_order):
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
    query = _scoped(session, query, t, article, since, until, outlet)
    row = session.execute(query).mappings().one()
    # a SUM is NULL over no rows, and may be NUMERIC on PostgreSQL: ints before any division
    counts = {name: int(value or 0) for name, value in row.items()}
    total = counts["claims"]
    return ProfileSummary(
        **counts,
        named_share=counts["named_claims"] / total if total else None,
        sourced_share=counts["sourced_claims"] / total if total else None,
    )


# -- 3. voice gaps ---------------------------------------------------------------------------


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


V_SPOKEN_FOR = _view("v_spoken_for", SpokenForRow)


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
    return _select(
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
    speakers: tuple[str, ...] = field(default=(), metadata=_HELPER_ONLY)


V_VOICE_GAPS = _view("v_voice_gaps", GapRow)


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
    # who speaks for whom, over the same article and range: the distinct speakers only, not
    # every row of spoken_for()
    sf = V_SPOKEN_FOR
    speakers = select(
        sf.c.article, sf.c.actor_slug, sf.c.speaker_slug, sf.c.speaker, sf.c.speaker_location
    ).distinct()
    speakers = _scoped(session, speakers, sf, article, since, until, outlet).order_by(
        sf.c.article, sf.c.actor_slug, sf.c.speaker_slug, sf.c.speaker, sf.c.speaker_location
    )
    by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in session.execute(speakers):
        name = row.speaker + (f" ({row.speaker_location})" if row.speaker_location else "")
        if name not in by[row.article, row.actor_slug]:
            by[row.article, row.actor_slug].append(name)
    v = V_VOICE_GAPS
    query = select(*v.c).order_by(
        v.c.article,
        v.c.spoken_for_by.desc(),
        (v.c.quotes_about + v.c.claims_about).desc(),
        v.c.mentions.desc(),
        v.c.actor_slug,
    )
    query = _scoped(session, query, v, article, since, until, outlet)
    return _rows(
        session,
        query,
        GapRow,
        speakers=lambda r: tuple(by.get((r["article"], r["actor_slug"]), ())),
    )


# -- 4. geography ----------------------------------------------------------------------------


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


V_GEOGRAPHY = _view("v_source_geography", GeographyRow)
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
    query = _scoped(session, query, v, article, since, until, outlet)
    return _rows(session, query, GeographyRow)


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


V_GEOGRAPHY_TALLY = _view("v_geography_tally", GeographyTallyRow)


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
    return _rows(
        session, _scoped(session, query, v, article, since, until, outlet), GeographyTallyRow
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
    query, key = _grouped(select(t.c.country).select_from(t), t, by)
    query = query.add_columns(t.c.place if places else null(), *counts, key)
    query = _scoped(
        session, query.group_by(*grouped, *_keys(by, key)), t, article, since, until, outlet
    )
    counted = [PlaceCount(*row[:-1], _group_name(by, row[-1])) for row in session.execute(query)]
    return sorted(
        counted,
        key=lambda p: (
            *_group_order(p.group),
            -(p.sources + p.events + p.party_states),
            p.country is None,
            p.country or "",
            p.place or "",
        ),
    )


# -- 5. corroboration ------------------------------------------------------------------------


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


V_SUPPORT = _view("v_claim_support", SupportRow)


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
    return _select(
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
    supported_by: tuple[str, ...] = field(default=(), metadata=_HELPER_ONLY)


V_CORROBORATION = _view("v_corroboration", CorroborationRow)


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
    names = _scoped(session, names, cs, article, since, until, outlet)
    by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in session.execute(names):
        by[row.article, row.claim_key].append(row.source)
    v = V_CORROBORATION
    query = select(*v.c).order_by(v.c.article, v.c.sources.desc(), v.c.claim_key)
    if support is not None:
        query = query.where(v.c.support == support)
    query = _scoped(session, query, v, article, since, until, outlet)
    return _rows(
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


V_CONFLICTS = _view("v_claim_conflicts", ConflictRow)


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
    return _select(
        session,
        V_CONFLICTS,
        ConflictRow,
        article,
        since,
        until,
        outlet,
        ["article", "claim_key", "other_claim_key"],
    )


# -- 6. event sourcing -----------------------------------------------------------------------


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


V_EVENT_SOURCING = _view("v_event_sourcing", EventSourcingRow)


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
    query = _scoped(session, query, v, article, since, until, outlet)
    return _rows(session, query, EventSourcingRow)


# -- 7. quote network ------------------------------------------------------------------------


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


V_NETWORK = _view("v_quote_network", NetworkEdge)


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
    return _select(
        session,
        V_NETWORK,
        NetworkEdge,
        article,
        since,
        until,
        outlet,
        ["article", "speaker_slug", "mentioned_slug"],
    )


# -- 8. claim checks -------------------------------------------------------------------------


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


V_CHECKS = _view("v_claim_checks", CheckRow)


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
    return _select(
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


# -- across a collection: totals from the per-article tallies --------------------------------


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


V_ACTOR_TALLY = _view("v_actor_tally", ActorTallyRow)


def actor_tally(
    session: Session,
    article: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
) -> list[ActorTallyRow]:
    """Every actor of every article chosen, with its counts there, by article and actor."""
    return _select(
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
    per_actor, key = _grouped(select(t.c.actor_id).select_from(t), t, by)
    per_actor = per_actor.add_columns(*counts, key.label("grp"))
    per_actor = per_actor.group_by(t.c.actor_id, *_keys(by, key))
    if where is not None:
        per_actor = per_actor.where(where)
    if having is not None:
        per_actor = per_actor.having(having)
    per_actor = _scoped(session, per_actor, t, article, since, until, outlet)
    # ties are broken by the actor's id, not its slug, so that the first ``limit`` actors are
    # chosen before any row meets ``actor``: the top 50 of a month join 50 actors, not 4,575
    ranked = [*(desc(name) for name in order_by), t.c.actor_id]
    if limit is not None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if by is None:
            per_actor = per_actor.order_by(*ranked).limit(limit)
    n = per_actor.subquery("n")
    actor, parent = Actor.__table__, Actor.__table__.alias("parent")
    query = (
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
    rows = [(*row[:-1], _group_name(by, row[-1])) for row in session.execute(query)]
    if by is None or limit is None:
        return rows
    seen: dict[str | None, int] = defaultdict(int)
    kept = []
    for row in rows:  # the first ``limit`` of each group
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
    per_pair = _scoped(session, per_pair, t, article, since, until, outlet)
    order = (desc("articles"), desc("quotes"), desc("mentions"), t.c.speaker_id, t.c.mentioned_id)
    if limit is None:
        # the pairs sorted before they are named, and again after: PostgreSQL hashes `actor`
        # and keeps the pairs' order, so the second sort finds them sorted (a year, 46,737
        # pairs: 168 ms against 266 for one sort of the named rows, bench/README.md)
        per_pair = per_pair.order_by(*order).subquery("n")
    else:
        per_pair = _ranked(limit, per_pair, *order).subquery("n")
    speaker, mentioned = Actor.__table__.alias("s"), Actor.__table__.alias("t")
    query = (
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
    return [NetworkTotal(*row) for row in session.execute(query)]


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
    if article is not None or since is not None or until is not None:
        # the articles as a list, not a join: SQLite over a year 56 ms against 103
        chosen = _scoped(session, select(a.c.id), a, article, since, until, outlet)
        query = query.where(r.c.article_id.in_(chosen))
    order = {m: n for n, m in enumerate(MODES)}
    rows = sorted(session.execute(query), key=lambda row: order.get(row[0], len(order)))
    return [TollTotal(row[0], MODE_LABELS.get(row[0], "not attributed"), *row[1:]) for row in rows]


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
    query = _scoped(session, query, a, article, since, until, outlet)
    return [CheckTotal(row[0], row[1], bool(row[2]), *row[3:]) for row in session.execute(query)]


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
    query, key = _grouped(select(t.c.attribution_mode, t.c.sources).select_from(t), t, by)
    query = query.add_columns(
        func.count(), func.sum(case((t.c.conflicting_claims > 0, 1), else_=0)), key
    ).group_by(t.c.attribution_mode, t.c.sources, *_keys(by, key))
    query = _scoped(session, query, t, article, since, until, outlet)
    counted: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for mode, sources, claims, conflicted, group in session.execute(query):
        both = counted[_group_name(by, group), mode, SUPPORT[min(sources, 2)]]
        both[0] += claims
        both[1] += conflicted
    return [
        SupportTotal(mode, MODE_LABELS[mode], support, *counted[group, mode, support], group)
        for group in sorted({g for g, _, _ in counted}, key=_group_order)
        for mode in MODES
        for support in SUPPORT
        if (group, mode, support) in counted
    ]


#: helper -> (view name, row type), for tests and documentation
HELPERS = {
    "quotes": ("v_quotes", QuoteRow),
    "claims": ("v_claims", ClaimRow),
    "sources": ("v_sources", SourceRow),
    "spoken_for": ("v_spoken_for", SpokenForRow),
    "voice_gaps": ("v_voice_gaps", GapRow),
    "geography": ("v_source_geography", GeographyRow),
    "claim_support": ("v_claim_support", SupportRow),
    "corroboration": ("v_corroboration", CorroborationRow),
    "conflicts": ("v_claim_conflicts", ConflictRow),
    "event_sourcing": ("v_event_sourcing", EventSourcingRow),
    "quote_network": ("v_quote_network", NetworkEdge),
    "claim_checks": ("v_claim_checks", CheckRow),
    "actor_tally": ("v_actor_tally", ActorTallyRow),
    "geography_tally": ("v_geography_tally", GeographyTallyRow),
}

#: every view (migrations 0002, 0004, 0009), each with ``article`` and ``published_date`` first
VIEW_NAMES = (
    *(view for view, _ in HELPERS.values()),
    "v_attribution_profile",
    "v_attribution_summary",
)
