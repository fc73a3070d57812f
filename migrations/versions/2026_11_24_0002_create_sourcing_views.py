"""Create the sourcing views: who is quoted, on whose word claims rest, who is left unheard.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 15:00:00

Every view is plain SQL that runs unchanged on SQLite and PostgreSQL, and every view carries
the article's ``article`` (slug) and ``published_date`` so that SQL users filter with WHERE.
``newsdb.sourcing`` reads these views, so the Python helpers, the command line and any SQL
client give one answer. The columns are documented in ``newsdb.sourcing``.

Portability rules kept here: shares are ``CAST(... AS DOUBLE PRECISION)`` divided by a count
(no integer division, no ROUND, whose signature differs); flags are 1/0 integers; no aggregated
strings (``group_concat``/``string_agg`` differ); literals in UNION branches are cast so that
PostgreSQL gives them a type; each view stands alone (no view reads another), so any one can be
replaced without touching the rest.

A later migration that rebuilds a table in SQLite batch mode (``batch_alter_table`` with a
column change, which copies the table and renames the copy) must drop these views first and
create them again afterwards: SQLite refuses to rename a table while a view names a table
that does not exist. Adding or dropping an index needs no such care.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _paragraph(article_id: str, offset: str) -> str:
    """The number of the paragraph that holds ``offset`` of article ``article_id``."""
    return (
        f"(SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = {article_id}"
        f" AND p.span_start <= {offset} AND {offset} <= p.span_end)"
    )


#: words in a text: spaces plus one (the same on both backends; nothing new stored)
def _words(text: str) -> str:
    return f"(length({text}) - length(replace({text}, ' ', '')) + 1)"


#: which kind of source an actor is: named people, institutions, collectives, unnamed
def _source_class(kind: str) -> str:
    return (
        f"CASE WHEN {kind} = 'person' THEN 'named person'"
        f" WHEN {kind} = 'anonymous' THEN 'unnamed individual'"
        f" WHEN {kind} IN ('collective', 'population') THEN 'collective'"
        " ELSE 'institution' END"
    )


#: the affiliation an article gives a person first (by position in the text)
def _first_affiliation(article_id: str, actor_id: str) -> str:
    return (
        f"(SELECT f2.id FROM affiliation f2 WHERE f2.article_id = {article_id}"
        f" AND f2.person_id = {actor_id} ORDER BY f2.span_start LIMIT 1)"
    )


#: every (article, actor) pair where the actor is a source: quoted, or credited with a claim
SOURCES_CTE = """
    source_of AS (
        SELECT article_id, speaker_id AS actor_id FROM quote
        UNION
        SELECT article_id, source_id AS actor_id FROM claim WHERE source_id IS NOT NULL
    )"""

#: every (article, event) pair where the article reports, recalls or makes a claim about it
ARTICLE_EVENTS_CTE = """
    article_event AS (
        SELECT article_id, event_id FROM event_mention
        UNION
        SELECT c.article_id, ce.event_id
        FROM claim_event ce JOIN claim c ON c.id = ce.claim_id
    )"""

VIEWS: dict[str, str] = {}

VIEWS["v_quotes"] = f"""
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    q.key AS quote_key,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    s.sector AS speaker_type,
    q.kind AS kind,
    q.text AS text,
    {_words("q.text")} AS words,
    q.cue AS cue,
    q.span_start AS span_start,
    q.span_end AS span_end,
    {_paragraph("q.article_id", "q.span_start")} AS paragraph,
    prev.key AS continues
FROM quote q
JOIN article a ON a.id = q.article_id
JOIN actor s ON s.id = q.speaker_id
LEFT JOIN quote prev ON prev.id = q.continues_id
"""

VIEWS["v_claims"] = f"""
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS text,
    c.proposition AS proposition,
    c.attribution_mode AS attribution_mode,
    s.slug AS source_slug,
    s.name AS source,
    s.kind AS source_kind,
    s.sector AS source_type,
    c.cue AS cue,
    c.certainty AS certainty,
    c.span_start AS span_start,
    c.span_end AS span_end,
    {_paragraph("c.article_id", "c.span_start")} AS paragraph
FROM claim c
JOIN article a ON a.id = c.article_id
LEFT JOIN actor s ON s.id = c.source_id
"""

VIEWS["v_sources"] = f"""
WITH {SOURCES_CTE},
    appearance AS (
        SELECT article_id, actor_id, span_start, 0 AS as_source FROM mention
        UNION ALL
        SELECT article_id, speaker_id, span_start, 1 FROM quote
        UNION ALL
        SELECT article_id, source_id, span_start, 1 FROM claim WHERE source_id IS NOT NULL
    ),
    first_seen AS (
        SELECT
            article_id,
            actor_id,
            MIN(span_start) AS first_start,
            MIN(CASE WHEN as_source = 1 THEN span_start END) AS first_source_start
        FROM appearance
        GROUP BY article_id, actor_id
    )
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    s.slug AS actor_slug,
    s.name AS name,
    {_source_class("s.kind")} AS source_class,
    s.kind AS kind,
    s.sector AS source_type,
    COALESCE(o.name, parent.name) AS affiliation,
    f.role AS role,
    f.location AS location,
    COALESCE(s.country, o.country, parent.country) AS country,
    (SELECT COUNT(*) FROM quote q
        WHERE q.article_id = src.article_id AND q.speaker_id = src.actor_id) AS quotes,
    (SELECT COALESCE(SUM({_words("q.text")}), 0) FROM quote q
        WHERE q.article_id = src.article_id AND q.speaker_id = src.actor_id
        AND q.kind IN ('direct', 'partial')) AS words_quoted,
    (SELECT COUNT(*) FROM claim c
        WHERE c.article_id = src.article_id AND c.source_id = src.actor_id) AS claims,
    {_paragraph("src.article_id", "fs.first_start")} AS first_paragraph,
    {_paragraph("src.article_id", "fs.first_source_start")} AS first_source_paragraph
FROM source_of src
JOIN article a ON a.id = src.article_id
JOIN actor s ON s.id = src.actor_id
JOIN first_seen fs ON fs.article_id = src.article_id AND fs.actor_id = src.actor_id
LEFT JOIN affiliation f ON f.id = {_first_affiliation("src.article_id", "src.actor_id")}
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor parent ON parent.id = s.parent_id
"""

VIEWS["v_attribution_profile"] = """
WITH mode AS (
        SELECT 1 AS mode_order, CAST('named_person' AS VARCHAR(20)) AS attribution_mode,
            CAST('named person' AS VARCHAR(60)) AS mode_label, 1 AS names_source
        UNION ALL SELECT 2, 'institution', 'institution or official statement', 1
        UNION ALL SELECT 3, 'unnamed_official', 'unnamed official', 0
        UNION ALL SELECT 4, 'vague_collective', 'vague collective', 0
        UNION ALL SELECT 5, 'passive', 'passive or agentless', 0
        UNION ALL SELECT 6, 'writer', 'the writer''s own voice', 0
    ),
    total AS (SELECT article_id, COUNT(*) AS claims FROM claim GROUP BY article_id),
    counted AS (
        SELECT article_id, attribution_mode, COUNT(*) AS claims
        FROM claim GROUP BY article_id, attribution_mode
    )
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    m.mode_order AS mode_order,
    m.attribution_mode AS attribution_mode,
    m.mode_label AS mode_label,
    m.names_source AS names_source,
    COALESCE(n.claims, 0) AS claims,
    t.claims AS article_claims,
    CAST(COALESCE(n.claims, 0) AS DOUBLE PRECISION) / t.claims AS share
FROM total t
JOIN article a ON a.id = t.article_id
CROSS JOIN mode m
LEFT JOIN counted n ON n.article_id = t.article_id AND n.attribution_mode = m.attribution_mode
"""

VIEWS["v_attribution_summary"] = """
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    COUNT(*) AS claims,
    SUM(CASE WHEN c.attribution_mode IN ('named_person', 'institution') THEN 1 ELSE 0 END)
        AS named_claims,
    CAST(SUM(CASE WHEN c.attribution_mode IN ('named_person', 'institution') THEN 1 ELSE 0 END)
        AS DOUBLE PRECISION) / COUNT(*) AS named_share,
    SUM(CASE WHEN c.source_id IS NOT NULL THEN 1 ELSE 0 END) AS sourced_claims,
    CAST(SUM(CASE WHEN c.source_id IS NOT NULL THEN 1 ELSE 0 END) AS DOUBLE PRECISION)
        / COUNT(*) AS sourced_share,
    SUM(CASE WHEN c.attribution_mode = 'passive' THEN 1 ELSE 0 END) AS passive_claims,
    SUM(CASE WHEN c.attribution_mode = 'writer' THEN 1 ELSE 0 END) AS writer_claims
FROM claim c
JOIN article a ON a.id = c.article_id
GROUP BY a.id, a.slug, a.published_date
"""

#: quote segments and sourced claims, with the span each covers and who speaks
SPEECH_CTE = """
    speech AS (
        SELECT article_id, CAST('quote' AS VARCHAR(10)) AS via, key, speaker_id AS actor_id,
            span_start, span_end
        FROM quote
        UNION ALL
        SELECT article_id, 'claim', key, source_id, span_start, span_end
        FROM claim WHERE source_id IS NOT NULL
    )"""

VIEWS["v_spoken_for"] = f"""
WITH {SPEECH_CTE}
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    t.slug AS actor_slug,
    t.name AS actor,
    sp.via AS via,
    sp.key AS via_key,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    s.sector AS speaker_type,
    f.location AS speaker_location,
    COUNT(*) AS mentions
FROM speech sp
JOIN mention m ON m.article_id = sp.article_id
    AND sp.span_start <= m.span_start AND m.span_end <= sp.span_end
    AND m.actor_id <> sp.actor_id
JOIN article a ON a.id = sp.article_id
JOIN actor t ON t.id = m.actor_id
JOIN actor s ON s.id = sp.actor_id
LEFT JOIN affiliation f ON f.id = {_first_affiliation("sp.article_id", "sp.actor_id")}
GROUP BY a.slug, a.published_date, t.slug, t.name, sp.via, sp.key,
    s.slug, s.name, s.kind, s.sector, f.location
"""

VIEWS["v_voice_gaps"] = f"""
WITH {SOURCES_CTE},
    {ARTICLE_EVENTS_CTE},
    {SPEECH_CTE},
    present AS (
        SELECT article_id, actor_id FROM mention
        UNION
        SELECT ae.article_id, ep.actor_id
        FROM article_event ae JOIN event_participant ep ON ep.event_id = ae.event_id
    ),
    spoken_for AS (
        SELECT DISTINCT sp.article_id, m.actor_id, sp.via, sp.key, sp.actor_id AS speaker_id
        FROM speech sp
        JOIN mention m ON m.article_id = sp.article_id
            AND sp.span_start <= m.span_start AND m.span_end <= sp.span_end
            AND m.actor_id <> sp.actor_id
    )
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    x.slug AS actor_slug,
    x.name AS name,
    x.kind AS kind,
    x.sector AS actor_type,
    x.country AS country,
    (SELECT COUNT(*) FROM mention m
        WHERE m.article_id = p.article_id AND m.actor_id = p.actor_id) AS mentions,
    (SELECT COUNT(*) FROM article_event ae JOIN event_participant ep ON ep.event_id = ae.event_id
        WHERE ae.article_id = p.article_id AND ep.actor_id = p.actor_id) AS event_roles,
    (SELECT COUNT(*) FROM spoken_for sf
        WHERE sf.article_id = p.article_id AND sf.actor_id = p.actor_id AND sf.via = 'quote')
        AS quotes_about,
    (SELECT COUNT(*) FROM spoken_for sf
        WHERE sf.article_id = p.article_id AND sf.actor_id = p.actor_id AND sf.via = 'claim')
        AS claims_about,
    (SELECT COUNT(DISTINCT sf.speaker_id) FROM spoken_for sf
        WHERE sf.article_id = p.article_id AND sf.actor_id = p.actor_id) AS spoken_for_by,
    (SELECT COUNT(*) FROM source_of so JOIN actor part ON part.id = so.actor_id
        WHERE so.article_id = p.article_id AND part.parent_id = p.actor_id) AS parts_as_sources
FROM present p
JOIN article a ON a.id = p.article_id
JOIN actor x ON x.id = p.actor_id
WHERE NOT EXISTS (
    SELECT 1 FROM source_of so WHERE so.article_id = p.article_id AND so.actor_id = p.actor_id
)
"""

VIEWS["v_source_geography"] = f"""
WITH {SOURCES_CTE},
    {ARTICLE_EVENTS_CTE}
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    CAST('source' AS VARCHAR(10)) AS side,
    s.slug AS subject_slug,
    s.name AS subject,
    f.location AS place,
    COALESCE(s.country, o.country, parent.country) AS country,
    CAST({_source_class("s.kind")} AS VARCHAR(40)) AS detail,
    CAST(NULL AS VARCHAR(200)) AS event_slug
FROM source_of src
JOIN article a ON a.id = src.article_id
JOIN actor s ON s.id = src.actor_id
LEFT JOIN affiliation f ON f.id = {_first_affiliation("src.article_id", "src.actor_id")}
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor parent ON parent.id = s.parent_id
UNION ALL
SELECT
    a.slug, a.published_date, 'event', e.slug, e.name, e.location, e.country, e.event_type,
    e.slug
FROM article_event ae
JOIN article a ON a.id = ae.article_id
JOIN event e ON e.id = ae.event_id
UNION ALL
SELECT
    a.slug, a.published_date, 'party', x.slug, x.name, x.name, x.country, ep.role, e.slug
FROM article_event ae
JOIN article a ON a.id = ae.article_id
JOIN event e ON e.id = ae.event_id
JOIN event_participant ep ON ep.event_id = e.id
JOIN actor x ON x.id = ep.actor_id
WHERE x.kind = 'state'
"""

#: each source that supports a claim: its own, the speakers of its quotes, and the sources
#: of the claims it corroborates or that corroborate it
SUPPORT_CTE = """
    support AS (
        SELECT c.id AS claim_id, CAST('own source' AS VARCHAR(20)) AS route,
            CAST(NULL AS VARCHAR(100)) AS via_key, c.source_id AS actor_id
        FROM claim c WHERE c.source_id IS NOT NULL
        UNION ALL
        SELECT cq.claim_id, 'quote', q.key, q.speaker_id
        FROM claim_quote cq JOIN quote q ON q.id = cq.quote_id
        UNION ALL
        SELECT r.claim_id, 'corroborating claim', o.key, o.source_id
        FROM claim_relation r JOIN claim o ON o.id = r.other_claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
        UNION ALL
        SELECT r.other_claim_id, 'corroborating claim', o.key, o.source_id
        FROM claim_relation r JOIN claim o ON o.id = r.claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
    )"""

VIEWS["v_claim_support"] = f"""
WITH {SUPPORT_CTE}
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    sp.route AS route,
    sp.via_key AS via_key,
    s.slug AS source_slug,
    s.name AS source,
    {_source_class("s.kind")} AS source_class,
    s.sector AS source_type
FROM support sp
JOIN claim c ON c.id = sp.claim_id
JOIN article a ON a.id = c.article_id
JOIN actor s ON s.id = sp.actor_id
"""

VIEWS["v_corroboration"] = f"""
WITH {SUPPORT_CTE},
    related AS (
        SELECT claim_id, other_claim_id AS other_id, relation FROM claim_relation
        UNION
        SELECT other_claim_id, claim_id, relation FROM claim_relation
    )
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS text,
    c.attribution_mode AS attribution_mode,
    own.name AS source,
    COUNT(DISTINCT sp.actor_id) AS sources,
    COUNT(DISTINCT CASE WHEN s.kind = 'person' THEN s.id END) AS named_person_sources,
    COUNT(DISTINCT CASE WHEN s.kind IN ('organisation', 'state', 'armed_group') THEN s.id END)
        AS institution_sources,
    COUNT(DISTINCT CASE WHEN s.kind IN ('collective', 'population') THEN s.id END)
        AS collective_sources,
    COUNT(DISTINCT CASE WHEN s.kind = 'anonymous' THEN s.id END) AS unnamed_sources,
    CASE COUNT(DISTINCT sp.actor_id) WHEN 0 THEN 'none' WHEN 1 THEN 'single' ELSE 'multiple' END
        AS support,
    (SELECT COUNT(*) FROM related r WHERE r.claim_id = c.id AND r.relation = 'corroborates')
        AS corroborating_claims,
    (SELECT COUNT(*) FROM related r WHERE r.claim_id = c.id AND r.relation = 'conflicts')
        AS conflicting_claims
FROM claim c
JOIN article a ON a.id = c.article_id
LEFT JOIN actor own ON own.id = c.source_id
LEFT JOIN support sp ON sp.claim_id = c.id
LEFT JOIN actor s ON s.id = sp.actor_id
GROUP BY a.slug, a.published_date, c.id, c.key, c.text, c.attribution_mode, own.name
"""

VIEWS["v_claim_conflicts"] = """
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS claim_text,
    c.attribution_mode AS claim_mode,
    cs.name AS claim_source,
    o.key AS other_claim_key,
    o.text AS other_text,
    o.attribution_mode AS other_mode,
    os.name AS other_source
FROM claim_relation r
JOIN claim c ON c.id = r.claim_id
JOIN claim o ON o.id = r.other_claim_id
JOIN article a ON a.id = c.article_id
LEFT JOIN actor cs ON cs.id = c.source_id
LEFT JOIN actor os ON os.id = o.source_id
WHERE r.relation = 'conflicts'
"""

VIEWS["v_event_sourcing"] = f"""
WITH {ARTICLE_EVENTS_CTE},
    item AS (
        SELECT c.article_id, ce.event_id, CAST('claim' AS VARCHAR(20)) AS item, c.key AS item_key,
            c.text AS text, c.attribution_mode AS attribution_mode, c.source_id AS actor_id,
            c.cue AS cue, c.span_start AS span_start
        FROM claim_event ce JOIN claim c ON c.id = ce.claim_id
        UNION
        SELECT q.article_id, ce.event_id, 'quote', q.key, q.text, NULL, q.speaker_id, q.cue,
            q.span_start
        FROM claim_event ce
        JOIN claim_quote cq ON cq.claim_id = ce.claim_id
        JOIN quote q ON q.id = cq.quote_id
        UNION
        SELECT q.article_id, em.event_id, 'quote', q.key, q.text, NULL, q.speaker_id, q.cue,
            q.span_start
        FROM event_mention em
        JOIN quote q ON q.article_id = em.article_id
            AND q.span_start <= em.span_start AND em.span_end <= q.span_end
        UNION
        SELECT ae.article_id, e.id, 'fatalities', NULL, e.fatalities_as_written,
            e.fatalities_attribution, e.fatalities_reported_by_id, NULL, NULL
        FROM article_event ae JOIN event e ON e.id = ae.event_id
        WHERE e.fatalities IS NOT NULL OR e.fatalities_as_written IS NOT NULL
            OR e.fatalities_attribution IS NOT NULL
    )
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    e.slug AS event_slug,
    e.name AS event,
    e.event_type AS event_type,
    i.item AS item,
    i.item_key AS item_key,
    i.text AS text,
    i.attribution_mode AS attribution_mode,
    s.slug AS source_slug,
    s.name AS source,
    s.kind AS source_kind,
    s.sector AS source_type,
    i.cue AS cue,
    {_paragraph("ae.article_id", "i.span_start")} AS paragraph
FROM article_event ae
JOIN article a ON a.id = ae.article_id
JOIN event e ON e.id = ae.event_id
LEFT JOIN item i ON i.article_id = ae.article_id AND i.event_id = ae.event_id
LEFT JOIN actor s ON s.id = i.actor_id
"""

VIEWS["v_quote_network"] = """
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    t.slug AS mentioned_slug,
    t.name AS mentioned,
    t.kind AS mentioned_kind,
    COUNT(DISTINCT q.id) AS quotes,
    COUNT(*) AS mentions
FROM quote q
JOIN mention m ON m.article_id = q.article_id
    AND q.span_start <= m.span_start AND m.span_end <= q.span_end
    AND m.actor_id <> q.speaker_id
JOIN article a ON a.id = q.article_id
JOIN actor s ON s.id = q.speaker_id
JOIN actor t ON t.id = m.actor_id
GROUP BY a.slug, a.published_date, s.slug, s.name, s.kind, t.slug, t.name, t.kind
"""

VIEWS["v_claim_checks"] = """
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS claim_text,
    c.attribution_mode AS attribution_mode,
    s.name AS source,
    k.aspect AS aspect,
    k.stated_value AS stated_value,
    k.checked_value AS checked_value,
    k.verdict AS verdict,
    CASE WHEN k.verdict IN ('contradicted', 'partly_confirmed') THEN 1 ELSE 0 END AS differs,
    k.source AS checked_against,
    k.note AS note
FROM claim_check k
JOIN claim c ON c.id = k.claim_id
JOIN article a ON a.id = c.article_id
LEFT JOIN actor s ON s.id = c.source_id
"""


def upgrade() -> None:
    for name, body in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {body}")


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW IF EXISTS {name}")
