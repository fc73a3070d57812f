"""What every table and column holds, in plain words: the one place the schema is described.

:func:`describe` sets these as the ``comment`` of each table and column of ``Base.metadata``
(importing :mod:`newsdb.models` does it), so autogenerate keeps PostgreSQL's ``COMMENT ON``
in step (migration 0012 wrote them first), and ``newsdb datasette-metadata`` shows the same
words in Datasette. The views are described in the migration that creates them (0012).
A column named in :data:`COMMON` means the same in every table that has it.
"""

from __future__ import annotations

from sqlalchemy import MetaData

#: columns that mean the same wherever they appear
COMMON = {
    "id": "The row's number, given by the database.",
    "slug": "A short unique name in lower case and hyphens, used to refer to the row.",
    "article_id": "The article this row belongs to (article.id).",
    "actor_id": "The actor (actor.id).",
    "event_id": "The event (event.id).",
    "claim_id": "The claim (claim.id).",
    "span_start": "Where the words start in the article's body: a character offset from 0.",
    "span_end": "Where the words end in the article's body: body[span_start:span_end] is text.",
    "text": "The words exactly as they stand in the article, between span_start and span_end.",
    "created_at": "When the row was stored.",
    "annotator_id": "Who or what produced the row (annotator.id).",
    "note": "A free note by the annotator.",
    "cue": "The words that attribute it (said, according to...), as in the text.",
    "cue_start": "Where the cue starts in the body (character offset).",
    "cue_end": "Where the cue ends in the body (character offset).",
    "published_date": "The article's publication date, copied here so a date range reads "
    "one index range.",
    "country": "ISO 3166-1 alpha-2 country code (PK, IR, US...).",
    "attribution_mode": "On whose word the claim rests: named_person, institution, "
    "unnamed_official, vague_collective, passive (no agent) or writer (the article's own voice).",
    "confidence": "How sure the rules that drafted the row were, from 0 to 1 (newsdb extract); "
    "NULL for a hand annotation.",
}

#: table -> (what a row is, {column: what it holds}), for the columns COMMON does not cover
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "article": (
        (
            "An article: its body as published (line ends as LF, no byte-order mark), its metadata "
            "and the body's sha256."
        ),
        {
            "headline": "The headline, where known (where it came from: article_metadata).",
            "outlet": "The outlet that published it.",
            "byline": "Who wrote it, as the byline gives it.",
            "url": "Where it was published.",
            "published_date": "The publication date, as precise as published_precision says.",
            "published_precision": "How precise published_date is: day, month, year, decade.",
            "published_qualifier": "exact, on_or_after or on_or_before: how published_date "
            "bounds the real date.",
            "language": "The language of the body (BCP 47: en, fr...).",
            "body": "The text as published, a leading byte-order mark dropped and every line end "
            "stored as LF (newsdb.body); every span points into it.",
            "sha256": "The SHA-256 of the body's UTF-8 bytes, in hex.",
        },
    ),
    "article_metadata": (
        (
            "Where one metadata value of an article came from: the text, an outside source, an "
            "inference, or unknown."
        ),
        {
            "field": "Which value: headline, outlet, byline, url, published or language.",
            "value": "The value as recorded.",
            "origin": "text, outside, inference or unknown.",
            "source": "The outside source or the reasoning (required unless origin is text "
            "or unknown).",
            "confidence": "high, medium or low.",
        },
    ),
    "article_fingerprint": (
        (
            "Kept by the loader: what an article's annotation put in one table when it was "
            "loaded, as a hash, so that newsdb verify can tell a row changed since."
        ),
        {
            "table_name": "The table whose rows of the article are fingerprinted.",
            "sha256": "The SHA-256 of those rows in a canonical form, naming actors, events, "
            "quotes and claims by slug or key, not by id (newsdb.fingerprint).",
            "row_count": "How many rows the article had in the table when it was loaded.",
            "row_digests": "A short digest of each of those rows, sorted and separated by "
            "spaces: which rows are gone or changed.",
        },
    ),
    "paragraph": (
        "A paragraph of an article's body, so that any span can be placed.",
        {
            "number": "The paragraph's number in the article, from 1.",
            "span_start": "Where the paragraph starts in the body (character offset).",
            "span_end": "Where the paragraph ends in the body (character offset).",
        },
    ),
    "actor": (
        (
            "A person, organisation, state, armed group, collective ('analysts'), population "
            "('the Baluch people') or anonymous source, shared by every article that names it."
        ),
        {
            "name": "The actor's name.",
            "kind": "person, organisation, state, armed_group, collective, population or "
            "anonymous.",
            "sector": "What kind of source it is: government, military, think_tank, expert, "
            "media, armed_group... or unknown.",
            "country": "The actor's country (ISO 3166-1 alpha-2), where known.",
            "wikidata_id": "Its Wikidata item (Q...), where known.",
            "parent_id": "The organisation it is part of (actor.id): an institute of a "
            "centre, a ministry of a state.",
        },
    ),
    "actor_alias": (
        "Another name of an actor.",
        {"alias": "The other name."},
    ),
    "affiliation": (
        "A person's tie to an organisation as one article states it, at a span of its text.",
        {
            "person_id": "The person (actor.id).",
            "organisation_id": "The organisation (actor.id), if the article names one.",
            "role": "The role as a short label (director, fellow...).",
            "descriptor": "The description as the article words it.",
            "location": "Where the person is based (a city, a country).",
            "location_as_written": "Where the person is based, in the article's words.",
        },
    ),
    "mention": (
        "An actor named or referred to at a span of an article.",
        {"actor_id": "The actor mentioned (actor.id)."},
    ),
    "event": (
        (
            "Something that happened: its type, date (normalised, with precision and how it "
            "was resolved), place and parent event; shared by every article that reports it."
        ),
        {
            "name": "A short name for the event.",
            "event_type": "airstrike, attack, armed_clash, statement, diplomacy, "
            "political_removal, protest, election... or other.",
            "parent_id": "The larger event it is part of (event.id).",
            "start_date": "When it happened (or began), as precise as date_precision says.",
            "end_date": "When it ended, for an event over several days.",
            "date_precision": "day, month, year, decade or unknown.",
            "date_resolution": "How the date was found: stated by the text, relative to "
            "the publication date, from an outside source, inferred, or unresolved.",
            "date_source": "The outside source or the reasoning, when the date is not the text's.",
            "location": "Where it happened, in words.",
            "country": "The country where it happened (ISO 3166-1 alpha-2).",
        },
    ),
    "event_report": (
        (
            "What one article says of an event in its own words: the date as written and the "
            "death toll, and on whose word the toll rests."
        ),
        {
            "date_as_written": "The date in the article's words ('on Monday').",
            "fatalities": "The death toll as a number, where the article gives one.",
            "fatalities_as_written": "The death toll in the article's words.",
            "fatalities_reported_by_id": "Who the toll is attributed to (actor.id).",
            "fatalities_attribution": "On whose word the toll rests (an attribution mode).",
        },
    ),
    "event_participant": (
        "An actor's part in an event, as one article states it.",
        {
            "actor_id": "The actor taking part (actor.id).",
            "role": "initiator, target, victim, location, subject, participant, affected, "
            "lender, recipient or speaker.",
        },
    ),
    "event_mention": (
        "Where an article reports or recalls an event, at a span of its text.",
        {},
    ),
    "quote": (
        "One quoted segment: who speaks, the words and where they stand, and the cue.",
        {
            "key": "The segment's id in the annotation, unique within the article.",
            "speaker_id": "Who speaks (actor.id).",
            "kind": "direct (in quotation marks, whole), partial (a few words in quotation "
            "marks) or indirect (reported speech).",
            "continues_id": "The segment this one continues (quote.id), for a quote cut by "
            "its cue.",
        },
    ),
    "claim": (
        "An assertion the article carries, and on whose word it rests.",
        {
            "key": "The claim's id in the annotation, unique within the article.",
            "proposition": "What the claim asserts, in plain words.",
            "source_id": "Who the claim is credited to (actor.id); none for passive claims "
            "and the writer's own voice.",
            "certainty": "asserted, hedged, expected or possible.",
        },
    ),
    "claim_event": ("A claim is about an event.", {}),
    "time_expression": (
        (
            "A time expression of an article as written (on Thursday, Dec. 15, for two years), "
            "with the dates it names."
        ),
        {
            "as_written": "The words exactly as they stand in the article, at the span.",
            "start_date": "The first day the expression names, as precise as precision says; "
            "NULL when unresolved or a duration.",
            "end_date": "The last day it names, for a range (this week, in April 2021).",
            "precision": "How precise start_date is: day, month, year, decade or unknown.",
            "resolution": "How the words became dates: stated (absolute in the text), relative "
            "(to the publication date), outside, inferred, or unresolved.",
            "duration": "Whether it is a length of time (for two years) rather than a date.",
        },
    ),
    "claim_quote": (
        "A claim rests on a quote segment.",
        {"quote_id": "The quote segment (quote.id)."},
    ),
    "claim_relation": (
        "A claim corroborates or conflicts with another.",
        {
            "other_claim_id": "The other claim (claim.id).",
            "relation": "corroborates or conflicts.",
        },
    ),
    "claim_check": (
        "A claim checked against the record.",
        {
            "aspect": "What was checked: a date, a number, a name...",
            "stated_value": "The value as the claim states it.",
            "checked_value": "The value the record gives.",
            "verdict": "confirmed, contradicted, partly_confirmed or unverifiable.",
            "source": "Where the checked value comes from.",
        },
    ),
    "annotator": (
        "Who or what produced annotation rows: a person by hand, a rule, a model, an import.",
        {
            "kind": "hand, rule, model or import.",
            "name": "The person's, rule's or model's name.",
        },
    ),
    "article_actor_tally": (
        (
            "Kept by the database (triggers): per article and actor, its mentions, quote "
            "segments, words quoted and claims."
        ),
        {
            "mentions": "How many times the article mentions the actor.",
            "quotes": "How many quote segments the actor speaks.",
            "words_quoted": "Words inside quotation marks (direct and partial quotes).",
            "claims": "Claims credited to the actor.",
        },
    ),
    "article_mode_tally": (
        "Kept by the database (triggers): per article and attribution mode, the claims.",
        {"claims": "How many claims of the article rest on that attribution mode."},
    ),
    "article_network_tally": (
        (
            "Kept by the database (triggers): per article, speaker and actor named inside the "
            "speaker's quotes, the quote segments and the mentions."
        ),
        {
            "speaker_id": "Who speaks (actor.id).",
            "mentioned_id": "The actor named inside the speaker's quotes (actor.id).",
            "quotes": "Quote segments of the speaker that name the actor.",
            "mentions": "Mentions of the actor inside them.",
        },
    ),
    "article_geography_tally": (
        (
            "Kept by the database (triggers): per article, each source, event it reports and "
            "state that is a party to one, with its country and place."
        ),
        {
            "side": "source, event or party.",
            "subject_id": "The actor (source, party) or the event (event), by id.",
            "country": "Its country (ISO 3166-1 alpha-2), as v_source_geography gives it.",
            "place": "Its place in words, as v_source_geography gives it.",
        },
    ),
    "claim_support_tally": (
        (
            "Kept by the database (triggers): per claim, how many distinct sources support it "
            "and how many claims conflict with it."
        ),
        {
            "sources": "Distinct sources behind the claim (as v_corroboration counts them).",
            "conflicting_claims": "Claims that conflict with it, either way.",
        },
    ),
}

#: Alembic's table, described so that nothing in the database goes undescribed
ALEMBIC = ("Alembic's record of the schema's revision.", {"version_num": "The revision."})


def describe(metadata: MetaData) -> None:
    """Set the comment of every table and column of ``metadata`` from :data:`TABLES`; one
    not described here is left without (tests/test_descriptions.py names it)."""
    for table in metadata.tables.values():
        doc, columns = TABLES.get(table.name, (None, {}))
        table.comment = doc
        for column in table.columns:
            column.comment = columns.get(column.name) or COMMON.get(column.name)
