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

One module per question, each short enough to read at once. Three hold what every helper
shares (read them first); each of the others answers one question, per article and, where it
has one, across a collection:

================  ==========================================================================
module            question (helpers)
================  ==========================================================================
``scope``         the filter: one article, one outlet, a range of dates; rows as dataclasses
``grouping``      ``by``: the totals of each article, outlet, month or year
``views``         each SQL view as a table whose columns are the fields of its helper's row
``statements``    what the articles say (quotes, claims)
``heard``         who is quoted or credited with a claim (sources)
``attribution``   on whose word claims rest (profile, profile_summary; MODES, MODE_LABELS)
``gaps``          who is in the story but not heard, and who speaks for them (voice_gaps,
                  spoken_for)
``places``        where sources are, events happen, states take part (geography,
                  geography_tally, geography_by_country)
``support``       how many sources back each claim, which conflict (corroboration,
                  claim_support, conflicts, support_totals)
``events``        on whose word what is said of each event rests (event_sourcing, toll_totals)
``network``       who speaks about whom (quote_network, network_totals)
``checks``        claims checked against the record (claim_checks, check_totals)
``actor_totals``  each actor's counts, and who is heard or unheard across a collection
                  (actor_tally, source_totals, unheard_totals)
================  ==========================================================================

This package re-exports every helper, row type and constant: ``from newsdb.sourcing import
sources`` and ``sourcing.sources(...)`` work whichever module holds them.

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

from newsdb.listings import BadRange, UnknownArticle, UnknownEvent
from newsdb.sourcing.actor_totals import (
    V_ACTOR_TALLY,
    ActorTallyRow,
    SourceTotal,
    UnheardTotal,
    actor_tally,
    source_totals,
    unheard_totals,
)
from newsdb.sourcing.attribution import (
    MODE_LABELS,
    MODES,
    NAMES_SOURCE,
    ModeShare,
    ProfileSummary,
    profile,
    profile_summary,
)
from newsdb.sourcing.checks import (
    DIFFERING,
    V_CHECKS,
    CheckRow,
    CheckTotal,
    check_totals,
    claim_checks,
)
from newsdb.sourcing.events import (
    V_EVENT_SOURCING,
    EventSourcingRow,
    TollTotal,
    event_sourcing,
    toll_totals,
)
from newsdb.sourcing.gaps import (
    V_SPOKEN_FOR,
    V_VOICE_GAPS,
    GapRow,
    SpokenForRow,
    spoken_for,
    voice_gaps,
)
from newsdb.sourcing.grouping import BY
from newsdb.sourcing.heard import V_SOURCES, SourceRow, sources
from newsdb.sourcing.network import (
    V_NETWORK,
    NetworkEdge,
    NetworkTotal,
    network_totals,
    quote_network,
)
from newsdb.sourcing.places import (
    SIDES,
    V_GEOGRAPHY,
    V_GEOGRAPHY_TALLY,
    GeographyRow,
    GeographyTallyRow,
    PlaceCount,
    geography,
    geography_by_country,
    geography_tally,
)
from newsdb.sourcing.statements import V_CLAIMS, V_QUOTES, ClaimRow, QuoteRow, claims, quotes
from newsdb.sourcing.support import (
    SUPPORT,
    V_CONFLICTS,
    V_CORROBORATION,
    V_SUPPORT,
    ConflictRow,
    CorroborationRow,
    SupportRow,
    SupportTotal,
    claim_support,
    conflicts,
    corroboration,
    support_totals,
)
from newsdb.sourcing.views import VIEWS, view_columns

__all__ = [
    "BY",
    "DIFFERING",
    "HELPERS",
    "MODES",
    "MODE_LABELS",
    "NAMES_SOURCE",
    "SIDES",
    "SUPPORT",
    "VIEWS",
    "VIEW_NAMES",
    "V_ACTOR_TALLY",
    "V_CHECKS",
    "V_CLAIMS",
    "V_CONFLICTS",
    "V_CORROBORATION",
    "V_EVENT_SOURCING",
    "V_GEOGRAPHY",
    "V_GEOGRAPHY_TALLY",
    "V_NETWORK",
    "V_QUOTES",
    "V_SOURCES",
    "V_SPOKEN_FOR",
    "V_SUPPORT",
    "V_VOICE_GAPS",
    "ActorTallyRow",
    "BadRange",
    "CheckRow",
    "CheckTotal",
    "ClaimRow",
    "ConflictRow",
    "CorroborationRow",
    "EventSourcingRow",
    "GapRow",
    "GeographyRow",
    "GeographyTallyRow",
    "ModeShare",
    "NetworkEdge",
    "NetworkTotal",
    "PlaceCount",
    "ProfileSummary",
    "QuoteRow",
    "SourceRow",
    "SourceTotal",
    "SpokenForRow",
    "SupportRow",
    "SupportTotal",
    "TollTotal",
    "UnheardTotal",
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
    "geography_by_country",
    "geography_tally",
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
    "view_columns",
    "voice_gaps",
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
