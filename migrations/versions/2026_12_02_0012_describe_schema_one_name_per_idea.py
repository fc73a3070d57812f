"""Describe every table, view and column; one name per idea across the views; flags as
booleans on PostgreSQL; an affiliation with its parent organisation.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 01:00:00

Names. An actor's column keeps the actor table's name in every view, prefixed by the part the
actor plays when the row is not the actor itself: ``sector`` (v_sources, v_voice_gaps,
v_actor_tally; was ``source_type`` and ``actor_type``), ``speaker_sector`` (v_quotes,
v_spoken_for; was ``speaker_type``) and ``source_sector`` (v_claims, v_claim_support,
v_event_sourcing; was ``source_type``), beside ``kind``, ``speaker_kind``, ``source_kind``
and ``mentioned_kind``, which already followed the rule.

Flags. ``v_actor_tally.heard``, ``v_claim_checks.differs`` and
``v_attribution_profile.names_source`` are booleans on PostgreSQL; SQLite has no boolean
type and keeps 1/0 (``WHERE heard`` reads the same on both).

Affiliation. ``v_sources.affiliation`` names the organisation the article gives with the one
it is part of: "South Asia Institute, Wilson Center" where the article says "the Wilson
Center's South Asia Institute" (0002 gave "South Asia Institute" alone).

Descriptions. The views and their columns are described here (:data:`VIEWS`, a column named
in :data:`COMMON` meaning the same in every view); the tables and their columns in
``newsdb.models.descriptions``. On PostgreSQL both become ``COMMENT ON``, which psql
(``\\d+``), DBeaver and pgAdmin show; ``newsdb datasette-metadata`` gives Datasette the same
words, for SQLite and PostgreSQL alike. A table or column added after this revision is
described in its model, and autogenerate writes its comment.

The views are those of 0002 as 0004-0009 left them, changed by the replacements below, each
checked to be found exactly where expected; the downgrade creates them as they were.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the affiliation as the article gives it, with the organisation it is part of
_AFFILIATION = "COALESCE(o.name || COALESCE(', ' || op.name, ''), parent.name)"
_DIFFERING = "k.verdict IN ('contradicted', 'partly_confirmed')"

#: view -> (before, after, how many times), on both backends
RENAMED: dict[str, list[tuple[str, str, int]]] = {
    "v_quotes": [("s.sector AS speaker_type", "s.sector AS speaker_sector", 1)],
    "v_claims": [("s.sector AS source_type", "s.sector AS source_sector", 1)],
    "v_sources": [
        ("s.sector AS source_type", "s.sector AS sector", 1),
        ("COALESCE(o.name, parent.name) AS affiliation", f"{_AFFILIATION} AS affiliation", 1),
        (
            "LEFT JOIN actor o ON o.id = f.organisation_id",
            "LEFT JOIN actor o ON o.id = f.organisation_id\nLEFT JOIN actor op ON op.id = o.parent_id",
            1,
        ),
    ],
    "v_spoken_for": [("s.sector AS speaker_type", "s.sector AS speaker_sector", 2)],
    "v_voice_gaps": [("x.sector AS actor_type", "x.sector AS sector", 1)],
    "v_claim_support": [("s.sector AS source_type", "s.sector AS source_sector", 1)],
    "v_event_sourcing": [("s.sector AS source_type", "s.sector AS source_sector", 1)],
    "v_actor_tally": [("s.sector AS source_type", "s.sector AS sector", 1)],
}

#: view -> (before, after, how many times), on PostgreSQL only: the flags as booleans
BOOLEANS: dict[str, list[tuple[str, str, int]]] = {
    "v_actor_tally": [
        ("CASE WHEN t.quotes + t.claims > 0 THEN 1 ELSE 0 END AS heard", "t.quotes + t.claims > 0 AS heard", 1)
    ],
    "v_claim_checks": [(f"CASE WHEN {_DIFFERING} THEN 1 ELSE 0 END AS differs", f"{_DIFFERING} AS differs", 1)],
    "v_attribution_profile": [("m.names_source AS names_source", "m.names_source = 1 AS names_source", 1)],
}  # fmt: skip

#: view columns that mean the same in every view that has them
COMMON = {
    "article": "The article's slug (article.slug).",
    "published_date": "The article's publication date; filter on it for a range of dates.",
    "actor_slug": "The actor's slug (actor.slug).",
    "name": "The actor's name.",
    "kind": "The actor's kind: person, organisation, state, armed_group, collective, "
    "population or anonymous.",
    "sector": "The actor's sector: government, military, think_tank, expert, media... or unknown.",
    "source_class": "named person, institution (organisation, state, armed group), collective "
    "or unnamed individual.",
    "country": "The actor's country (ISO 3166-1 alpha-2), else that of the organisation it is "
    "part of.",
    "mentions": "How many times it is mentioned.",
    "quotes": "Quote segments.",
    "words_quoted": "Words inside quotation marks (direct and partial quotes).",
    "claims": "Claims.",
    "claim_key": "The claim's id in the annotation (claim.key).",
    "claim_text": "The claim's words as in the text.",
    "text": "The words as they stand in the article.",
    "attribution_mode": "On whose word it rests: named_person, institution, unnamed_official, "
    "vague_collective, passive or writer.",
    "source": "The name of the actor it is credited to (none for passive and writer).",
    "source_slug": "The slug of the actor it is credited to.",
    "source_kind": "The kind of the actor it is credited to (person, organisation, state...).",
    "source_sector": "The sector of the actor it is credited to (government, think_tank...).",
    "speaker_slug": "The speaker's slug.",
    "speaker": "The speaker's name.",
    "speaker_kind": "The speaker's kind (person, organisation, state...).",
    "speaker_sector": "The speaker's sector (government, think_tank...).",
    "cue": "The words that attribute it (said, according to...).",
    "span_start": "Where it starts in the article's body (character offset from 0).",
    "span_end": "Where it ends in the article's body: body[span_start:span_end] is the text.",
    "paragraph": "The paragraph it stands in, from 1.",
    "via_key": "The key of the quote or claim it goes through.",
    "event_slug": "The event's slug (event.slug).",
    "side": "source (a source and where it is based), event (where an event happened) or "
    "party (a state taking part in an event).",
    "subject_slug": "The slug of the source, event or party state.",
    "subject": "The name of the source, event or party state.",
    "place": "The place in words: where the source is based or the event happened.",
}

#: view -> (what a row is, {column: what it holds} for the columns COMMON does not cover)
VIEWS: dict[str, tuple[str, dict[str, str]]] = {
    "v_sources": (
        "Who each article quotes or credits with a claim, with affiliation, role, place, "
        "and how much they are heard. One row per article and source.",
        {
            "affiliation": "The organisation the article ties the person to, with the one it "
            "is part of ('South Asia Institute, Wilson Center'); for an organisation, the one "
            "it is part of.",
            "role": "The person's role as the article gives it (director, fellow...).",
            "location": "Where the person is based, as the article says.",
            "quotes": "Quote segments the source speaks in the article.",
            "claims": "Claims the article credits to the source.",
            "first_paragraph": "The paragraph where the actor first appears.",
            "first_source_paragraph": "The paragraph where it is first quoted or credited.",
        },
    ),
    "v_claims": (
        "Every claim an article carries, its attribution mode, source and cue.",
        {
            "proposition": "What the claim asserts, in plain words.",
            "certainty": "asserted, hedged, expected or possible.",
        },
    ),
    "v_quotes": (
        "Every quoted segment: who speaks, the words, the cue and where in the text.",
        {
            "quote_key": "The segment's id in the annotation (quote.key).",
            "kind": "direct, partial or indirect.",
            "words": "Words in the segment (spaces plus one).",
            "continues": "The key of the segment this one continues.",
        },
    ),
    "v_attribution_profile": (
        "Per article, its claims by attribution mode (all six modes), with their share.",
        {
            "mode_order": "The mode's place in the profile, 1 to 6.",
            "mode_label": "The mode in words ('named person', 'passive or agentless'...).",
            "names_source": "True for the modes that name who said it (named person, institution).",
            "claims": "The article's claims of this mode.",
            "article_claims": "All the article's claims.",
            "share": "claims / article_claims.",
        },
    ),
    "v_attribution_summary": (
        "Per article, how many claims name who said them, have any source, or rest on no one.",
        {
            "claims": "All the article's claims.",
            "named_claims": "Claims credited to a named person or an institution.",
            "named_share": "named_claims / claims.",
            "sourced_claims": "Claims with any source actor.",
            "sourced_share": "sourced_claims / claims.",
            "passive_claims": "Passive or agentless claims.",
            "writer_claims": "Claims in the writer's own voice.",
        },
    ),
    "v_spoken_for": (
        "Quotes and sourced claims that mention someone other than their speaker: who speaks "
        "for whom.",
        {
            "actor_slug": "The slug of the actor spoken of.",
            "actor": "The name of the actor spoken of.",
            "via": "quote or claim.",
            "speaker_location": "Where the speaker is based, as the article says.",
            "mentions": "Mentions of the actor inside the quote or claim.",
        },
    ),
    "v_voice_gaps": (
        "Actors present in an article (mentioned, or party to an event it reports) but never "
        "quoted nor credited with a claim there.",
        {
            "mentions": "Its mentions in the article.",
            "event_roles": "Its parts in the article's events.",
            "quotes_about": "Quote segments by others that mention it.",
            "claims_about": "Sourced claims by others that mention it.",
            "spoken_for_by": "How many distinct others speak of it.",
            "parts_as_sources": "Sources that are part of it (a state's ministry): heard "
            "through a part of itself.",
        },
    ),
    "v_source_geography": (
        "Where sources are based, where events happen, which states take part: one row per "
        "article, side and subject (and event, for a party).",
        {
            "country": "The country (ISO 3166-1 alpha-2) of the source, event or party state.",
            "detail": "For a source its class, for an event its type, for a party its role.",
            "event_slug": "For a party state, the event it takes part in.",
        },
    ),
    "v_geography_tally": (
        "Each source, event and party state of each article once, with its country and "
        "place: group by country to count them.",
        {"country": "The country (ISO 3166-1 alpha-2) of the source, event or party state."},
    ),
    "v_claim_support": (
        "Which sources support each claim, and how: its own source, a quote it rests on, or "
        "a corroborating claim.",
        {"route": "own source, quote or corroborating claim."},
    ),
    "v_corroboration": (
        "Each claim and how many distinct sources support it, of what kind.",
        {
            "source": "The claim's own source, if any.",
            "sources": "Distinct sources: its own, the speakers of its quotes, the sources of "
            "claims that corroborate it.",
            "named_person_sources": "Of those, named people.",
            "institution_sources": "Of those, institutions.",
            "collective_sources": "Of those, collectives.",
            "unnamed_sources": "Of those, unnamed individuals.",
            "support": "none, single or multiple.",
            "corroborating_claims": "Claims linked to it by corroborates, either way.",
            "conflicting_claims": "Claims linked to it by conflicts, either way.",
        },
    ),
    "v_claim_conflicts": (
        "Pairs of claims annotated as conflicting.",
        {
            "claim_mode": "The first claim's attribution mode.",
            "claim_source": "The first claim's source.",
            "other_claim_key": "The other claim's key.",
            "other_text": "The other claim's words.",
            "other_mode": "The other claim's attribution mode.",
            "other_source": "The other claim's source.",
        },
    ),
    "v_event_sourcing": (
        "For each event an article reports, the claims, quotes and death toll about it and "
        "whom they come from.",
        {
            "event": "The event's name.",
            "event_type": "The event's type.",
            "item": "claim, quote, fatalities (the article's death toll), or none.",
            "item_key": "The claim's or quote's key.",
            "text": "The words: the claim, the quote, or the toll as written.",
        },
    ),
    "v_quote_network": (
        "Who speaks about whom: per article, a speaker and an actor named inside the "
        "speaker's quotes.",
        {
            "mentioned_slug": "The slug of the actor named inside the quotes.",
            "mentioned": "The name of the actor named inside the quotes.",
            "mentioned_kind": "The kind of the actor named inside the quotes.",
            "quotes": "The speaker's quote segments that name the actor.",
            "mentions": "Mentions of the actor inside them.",
        },
    ),
    "v_claim_checks": (
        "Claims checked against the record: stated value, checked value, verdict.",
        {
            "aspect": "What was checked: a date, a number, a name...",
            "stated_value": "The value as the claim states it.",
            "checked_value": "The value the record gives.",
            "verdict": "confirmed, contradicted, partly_confirmed or unverifiable.",
            "differs": "True when the verdict is contradicted or partly_confirmed.",
            "checked_against": "Where the checked value comes from.",
            "note": "A note on the check.",
        },
    ),
    "v_actor_tally": (
        "Per article and actor, its mentions, quote segments, words quoted and claims (the "
        "tally the database keeps), with who the actor is.",
        {
            "mentions": "Its mentions in the article.",
            "quotes": "Quote segments it speaks in the article.",
            "claims": "Claims credited to it in the article.",
            "heard": "True when the article quotes it or credits it with a claim.",
        },
    ),
}


def describe_view_column(view: str, column: str) -> str:
    """What ``column`` of ``view`` holds."""
    return VIEWS[view][1].get(column) or COMMON[column]


def _module(revision_id: str):
    return op.get_context().script.get_revision(revision_id).module


def views_before() -> dict[str, str]:
    """Every view as 0009 leaves it: 0002's, as 0004, 0005, 0006, 0008 and 0009 changed them."""
    views = dict(_module("0002").VIEWS)
    views.update(_module("0004").VIEWS)
    views.update(_module("0005")._scoped_views())
    views["v_event_sourcing"] = _module("0006")._event_sourcing()
    views["v_quote_network"] = _module("0008").VIEW
    views["v_geography_tally"] = _module("0009").VIEW
    return views


def views_after(dialect: str) -> dict[str, str]:
    """The views this revision creates, on ``dialect``."""
    views = views_before()
    changes = [RENAMED] + ([BOOLEANS] if dialect == "postgresql" else [])
    for change in changes:
        for name, replacements in change.items():
            body = views[name]
            for before, after, times in replacements:
                assert body.count(before) == times, f"{name}: {before!r} is not where expected"
                body = body.replace(before, after)
            views[name] = body
    return views


def _changed() -> list[str]:
    return sorted({*RENAMED, *BOOLEANS})


def _literal(words: str | None) -> str:
    """A comment as a SQL literal: COMMENT ON takes no bound parameter."""
    if words is None:
        return "NULL"
    return str(
        sa.literal(words).compile(
            dialect=op.get_bind().dialect, compile_kwargs={"literal_binds": True}
        )
    )


def _comment_views(describe: bool) -> None:
    bind = op.get_bind()
    for name in sa.inspect(bind).get_view_names():
        if name not in VIEWS:
            continue
        doc, _ = VIEWS[name]
        op.execute(f"COMMENT ON VIEW {name} IS {_literal(doc if describe else None)}")
        for column in sa.inspect(bind).get_columns(name):
            words = describe_view_column(name, column["name"]) if describe else None
            op.execute(f"COMMENT ON COLUMN {name}.{column['name']} IS {_literal(words)}")


def _comment_tables(describe: bool) -> None:
    """The models' descriptions on the tables and columns this database has."""
    from newsdb.models import Base
    from newsdb.models.descriptions import ALEMBIC

    bind = op.get_bind()
    inspector = sa.inspect(bind)
    tables = {t.name: (t.comment, {c.name: c.comment for c in t.columns}) for t in Base.metadata.tables.values()}  # fmt: skip
    tables["alembic_version"] = ALEMBIC
    for name in inspector.get_table_names():
        if name not in tables:
            continue
        doc, columns = tables[name]
        op.execute(f"COMMENT ON TABLE {name} IS {_literal(doc if describe else None)}")
        for column in inspector.get_columns(name):
            if column["name"] in columns:
                words = columns[column["name"]] if describe else None
                op.execute(f"COMMENT ON COLUMN {name}.{column['name']} IS {_literal(words)}")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    views = views_after(dialect)
    for name in _changed():
        op.execute(f"DROP VIEW {name}")
        op.execute(f"CREATE VIEW {name} AS {views[name]}")
    if dialect == "postgresql":
        _comment_tables(describe=True)
        _comment_views(describe=True)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _comment_tables(describe=False)
        _comment_views(describe=False)
    views = views_before()
    for name in _changed():
        op.execute(f"DROP VIEW {name}")
        op.execute(f"CREATE VIEW {name} AS {views[name]}")
