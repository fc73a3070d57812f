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


#: the article columns every branch carries, so that a condition on the view's ``article`` or
#: ``published_date`` reaches each branch of a UNION and each GROUP BY (both backends push a
#: condition on a grouping column, or on a column of every UNION branch, into the subquery)
ART = "a.id AS article_id, a.slug AS slug, a.published_date AS published_date"


#: every (article, event) pair where the article reports, recalls or makes a claim about it;
#: a subquery written out where it is used, never a CTE referenced twice. UNION ALL of
#: DISTINCT branches that cannot overlap (NOT EXISTS), not UNION: SQLite pushes a condition
#: into the branches of a UNION ALL but not of a UNION.
def _article_events() -> str:
    return f"""(
        SELECT DISTINCT {ART}, em.event_id AS event_id
        FROM article a JOIN event_mention em ON em.article_id = a.id
        UNION ALL
        SELECT DISTINCT {ART}, ce.event_id
        FROM article a JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM event_mention em
            WHERE em.article_id = a.id AND em.event_id = ce.event_id)
    )"""


#: every (article, actor) pair where the actor is a source: quoted, or credited with a claim
#: (UNION ALL of branches that cannot overlap, as above)
def _sources_of() -> str:
    return f"""(
        SELECT DISTINCT {ART}, q.speaker_id AS actor_id
        FROM article a JOIN quote q ON q.article_id = a.id
        UNION ALL
        SELECT DISTINCT {ART}, c.source_id
        FROM article a JOIN claim c ON c.article_id = a.id
        WHERE c.source_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM quote q
                WHERE q.article_id = a.id AND q.speaker_id = c.source_id)
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

#: v_sources counts an (article, actor)'s mentions, quotes and claims in one grouped pass over
#: the article's rows. The three kinds of row are not a UNION ALL below the GROUP BY but one
#: LEFT JOIN each, taken in turn (``kind.n``), so that the GROUP BY reads ``article`` directly:
#: SQLite (3.40) pushes a condition on a grouping column into a GROUP BY only as far as the
#: tables it joins, not into a subquery below it (a UNION ALL there made it compute every
#: article: 240 ms instead of 38 ms a month at scale 0.1). PostgreSQL plans both the same.
VIEWS["v_sources"] = f"""
WITH source_of AS (
        SELECT
            a.id AS article_id,
            a.slug AS slug,
            a.published_date AS published_date,
            COALESCE(m.actor_id, q.speaker_id, c.source_id) AS actor_id,
            MIN(COALESCE(m.span_start, q.span_start, c.span_start)) AS first_start,
            MIN(COALESCE(q.span_start, c.span_start)) AS first_source_start,
            COUNT(q.id) AS quotes,
            COALESCE(SUM(CASE WHEN q.kind IN ('direct', 'partial') THEN {_words("q.text")}
                ELSE 0 END), 0) AS words_quoted,
            COUNT(c.id) AS claims
        FROM article a
        CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) kind
        LEFT JOIN mention m ON kind.n = 1 AND m.article_id = a.id
        LEFT JOIN quote q ON kind.n = 2 AND q.article_id = a.id
        LEFT JOIN claim c ON kind.n = 3 AND c.article_id = a.id AND c.source_id IS NOT NULL
        WHERE COALESCE(m.actor_id, q.speaker_id, c.source_id) IS NOT NULL
        GROUP BY a.id, a.slug, a.published_date, COALESCE(m.actor_id, q.speaker_id, c.source_id)
        HAVING COUNT(q.id) + COUNT(c.id) > 0
    )
SELECT
    src.slug AS article,
    src.published_date AS published_date,
    s.slug AS actor_slug,
    s.name AS name,
    {_source_class("s.kind")} AS source_class,
    s.kind AS kind,
    s.sector AS source_type,
    COALESCE(o.name, parent.name) AS affiliation,
    f.role AS role,
    f.location AS location,
    COALESCE(s.country, o.country, parent.country) AS country,
    src.quotes AS quotes,
    src.words_quoted AS words_quoted,
    src.claims AS claims,
    {_paragraph("src.article_id", "src.first_start")} AS first_paragraph,
    {_paragraph("src.article_id", "src.first_source_start")} AS first_source_paragraph
FROM source_of src
JOIN actor s ON s.id = src.actor_id
LEFT JOIN affiliation f ON f.id = {_first_affiliation("src.article_id", "src.actor_id")}
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor parent ON parent.id = s.parent_id
"""

#: the attribution modes, in the profile's order (the mode CTE below lists them with labels)
_MODES = (
    "named_person",
    "institution",
    "unnamed_official",
    "vague_collective",
    "passive",
    "writer",
)
#: an article's claims of each mode, counted in one grouped pass over its claims
_MODE_COUNTS = ",\n            ".join(
    f"SUM(CASE WHEN c.attribution_mode = '{mode}' THEN 1 ELSE 0 END) AS {mode}" for mode in _MODES
)
#: the count of mode ``m`` from the per-article counts ``n``
_MODE_CLAIMS = (
    "CASE m.mode_order "
    + " ".join(f"WHEN {n} THEN n.{mode}" for n, mode in enumerate(_MODES, 1))
    + " END"
)

VIEWS["v_attribution_profile"] = f"""
WITH mode AS (
        SELECT 1 AS mode_order, CAST('named_person' AS VARCHAR(20)) AS attribution_mode,
            CAST('named person' AS VARCHAR(60)) AS mode_label, 1 AS names_source
        UNION ALL SELECT 2, 'institution', 'institution or official statement', 1
        UNION ALL SELECT 3, 'unnamed_official', 'unnamed official', 0
        UNION ALL SELECT 4, 'vague_collective', 'vague collective', 0
        UNION ALL SELECT 5, 'passive', 'passive or agentless', 0
        UNION ALL SELECT 6, 'writer', 'the writer''s own voice', 0
    ),
    counted AS (
        SELECT a.slug AS slug, a.published_date AS published_date, COUNT(*) AS claims,
            {_MODE_COUNTS}
        FROM article a JOIN claim c ON c.article_id = a.id
        GROUP BY a.id, a.slug, a.published_date
    )
SELECT
    n.slug AS article,
    n.published_date AS published_date,
    m.mode_order AS mode_order,
    m.attribution_mode AS attribution_mode,
    m.mode_label AS mode_label,
    m.names_source AS names_source,
    {_MODE_CLAIMS} AS claims,
    n.claims AS article_claims,
    CAST({_MODE_CLAIMS} AS DOUBLE PRECISION) / n.claims AS share
FROM counted n
CROSS JOIN mode m
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

#: one grouped branch per kind of speech: via is part of the grouping, so no group spans the
#: two, and each branch groups the article's own rows (a GROUP BY over a UNION ALL subquery
#: would keep SQLite from pushing the date range into the branches)
VIEWS["v_spoken_for"] = f"""
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    t.slug AS actor_slug,
    t.name AS actor,
    CAST('quote' AS VARCHAR(10)) AS via,
    q.key AS via_key,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    s.sector AS speaker_type,
    f.location AS speaker_location,
    COUNT(*) AS mentions
FROM article a
JOIN quote q ON q.article_id = a.id
JOIN mention m ON m.article_id = q.article_id
    AND q.span_start <= m.span_start AND m.span_end <= q.span_end
    AND m.actor_id <> q.speaker_id
JOIN actor t ON t.id = m.actor_id
JOIN actor s ON s.id = q.speaker_id
LEFT JOIN affiliation f ON f.id = {_first_affiliation("a.id", "q.speaker_id")}
GROUP BY a.id, a.slug, a.published_date, t.slug, t.name, q.key,
    s.slug, s.name, s.kind, s.sector, f.location
UNION ALL
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    t.slug AS actor_slug,
    t.name AS actor,
    CAST('claim' AS VARCHAR(10)) AS via,
    c.key AS via_key,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    s.sector AS speaker_type,
    f.location AS speaker_location,
    COUNT(*) AS mentions
FROM article a
JOIN claim c ON c.article_id = a.id
JOIN mention m ON m.article_id = c.article_id
    AND c.span_start <= m.span_start AND m.span_end <= c.span_end
    AND m.actor_id <> c.source_id
JOIN actor t ON t.id = m.actor_id
JOIN actor s ON s.id = c.source_id
LEFT JOIN affiliation f ON f.id = {_first_affiliation("a.id", "c.source_id")}
GROUP BY a.id, a.slug, a.published_date, t.slug, t.name, c.key,
    s.slug, s.name, s.kind, s.sector, f.location
"""

VIEWS["v_voice_gaps"] = f"""
WITH fact AS (
        SELECT {ART}, m.actor_id AS actor_id, 1 AS mention, 0 AS event_role, 0 AS heard,
            CAST(NULL AS INTEGER) AS quote_id, CAST(NULL AS INTEGER) AS claim_id,
            CAST(NULL AS INTEGER) AS speaker_id, CAST(NULL AS INTEGER) AS part_id
        FROM article a JOIN mention m ON m.article_id = a.id
        UNION ALL
        SELECT ae.article_id, ae.slug, ae.published_date, ep.actor_id, 0, 1, 0,
            NULL, NULL, NULL, NULL
        FROM {_article_events()} ae
        JOIN event_participant ep ON ep.event_id = ae.event_id
        UNION ALL
        SELECT {ART}, q.speaker_id, 0, 0, 1, NULL, NULL, NULL, NULL
        FROM article a JOIN quote q ON q.article_id = a.id
        UNION ALL
        SELECT {ART}, c.source_id, 0, 0, 1, NULL, NULL, NULL, NULL
        FROM article a JOIN claim c ON c.article_id = a.id
        WHERE c.source_id IS NOT NULL
        UNION ALL
        SELECT {ART}, m.actor_id, 0, 0, 0, q.id, NULL, q.speaker_id, NULL
        FROM article a
        JOIN quote q ON q.article_id = a.id
        JOIN mention m ON m.article_id = q.article_id
            AND q.span_start <= m.span_start AND m.span_end <= q.span_end
            AND m.actor_id <> q.speaker_id
        UNION ALL
        SELECT {ART}, m.actor_id, 0, 0, 0, NULL, c.id, c.source_id, NULL
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN mention m ON m.article_id = c.article_id
            AND c.span_start <= m.span_start AND m.span_end <= c.span_end
            AND m.actor_id <> c.source_id
        UNION ALL
        SELECT {ART}, part.parent_id, 0, 0, 0, NULL, NULL, NULL, part.id
        FROM article a
        JOIN quote q ON q.article_id = a.id
        JOIN actor part ON part.id = q.speaker_id
        WHERE part.parent_id IS NOT NULL
        UNION ALL
        SELECT {ART}, part.parent_id, 0, 0, 0, NULL, NULL, NULL, part.id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN actor part ON part.id = c.source_id
        WHERE part.parent_id IS NOT NULL
    ),
    gap AS (
        SELECT
            article_id,
            slug,
            published_date,
            actor_id,
            SUM(mention) AS mentions,
            SUM(event_role) AS event_roles,
            COUNT(DISTINCT quote_id) AS quotes_about,
            COUNT(DISTINCT claim_id) AS claims_about,
            COUNT(DISTINCT speaker_id) AS spoken_for_by,
            COUNT(DISTINCT part_id) AS parts_as_sources
        FROM fact
        GROUP BY article_id, slug, published_date, actor_id
        HAVING MAX(heard) = 0 AND SUM(mention) + SUM(event_role) > 0
    )
SELECT
    g.slug AS article,
    g.published_date AS published_date,
    x.slug AS actor_slug,
    x.name AS name,
    x.kind AS kind,
    x.sector AS actor_type,
    x.country AS country,
    g.mentions AS mentions,
    g.event_roles AS event_roles,
    g.quotes_about AS quotes_about,
    g.claims_about AS claims_about,
    g.spoken_for_by AS spoken_for_by,
    g.parts_as_sources AS parts_as_sources
FROM gap g
JOIN actor x ON x.id = g.actor_id
"""

VIEWS["v_source_geography"] = f"""
SELECT
    src.slug AS article,
    src.published_date AS published_date,
    CAST('source' AS VARCHAR(10)) AS side,
    s.slug AS subject_slug,
    s.name AS subject,
    f.location AS place,
    COALESCE(s.country, o.country, parent.country) AS country,
    CAST({_source_class("s.kind")} AS VARCHAR(40)) AS detail,
    CAST(NULL AS VARCHAR(200)) AS event_slug
FROM {_sources_of()} src
JOIN actor s ON s.id = src.actor_id
LEFT JOIN affiliation f ON f.id = {_first_affiliation("src.article_id", "src.actor_id")}
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor parent ON parent.id = s.parent_id
UNION ALL
SELECT
    ae.slug, ae.published_date, 'event', e.slug, e.name, e.location, e.country, e.event_type,
    e.slug
FROM {_article_events()} ae
JOIN event e ON e.id = ae.event_id
UNION ALL
SELECT
    ae.slug, ae.published_date, 'party', x.slug, x.name, x.name, x.country, ep.role, e.slug
FROM {_article_events()} ae
JOIN event e ON e.id = ae.event_id
JOIN event_participant ep ON ep.event_id = e.id
JOIN actor x ON x.id = ep.actor_id
WHERE x.kind = 'state'
"""

#: each source that supports a claim: its own, the speakers of its quotes, and the sources
#: of the claims it corroborates or that corroborate it; every branch starts from the claim's
#: article, so that a range on the article reaches each branch
SUPPORT_CTE = """
    support AS (
        SELECT a.slug AS slug, a.published_date AS published_date, c.key AS claim_key,
            CAST('own source' AS VARCHAR(20)) AS route,
            CAST(NULL AS VARCHAR(100)) AS via_key, c.source_id AS actor_id
        FROM article a JOIN claim c ON c.article_id = a.id
        WHERE c.source_id IS NOT NULL
        UNION ALL
        SELECT a.slug, a.published_date, c.key, 'quote', q.key, q.speaker_id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_quote cq ON cq.claim_id = c.id
        JOIN quote q ON q.id = cq.quote_id
        UNION ALL
        SELECT a.slug, a.published_date, c.key, 'corroborating claim', o.key, o.source_id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.claim_id = c.id
        JOIN claim o ON o.id = r.other_claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
        UNION ALL
        SELECT a.slug, a.published_date, c.key, 'corroborating claim', o.key, o.source_id
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.other_claim_id = c.id
        JOIN claim o ON o.id = r.claim_id
        WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
    )"""

VIEWS["v_claim_support"] = f"""
WITH {SUPPORT_CTE}
SELECT
    sp.slug AS article,
    sp.published_date AS published_date,
    sp.claim_key AS claim_key,
    sp.route AS route,
    sp.via_key AS via_key,
    s.slug AS source_slug,
    s.name AS source,
    {_source_class("s.kind")} AS source_class,
    s.sector AS source_type
FROM support sp
JOIN actor s ON s.id = sp.actor_id
"""

VIEWS["v_corroboration"] = """
WITH link AS (
        SELECT a.slug AS slug, a.published_date AS published_date, c.id AS claim_id,
            c.source_id AS actor_id, CAST(NULL AS INTEGER) AS other_id,
            CAST(NULL AS VARCHAR(20)) AS relation
        FROM article a JOIN claim c ON c.article_id = a.id
        UNION ALL
        SELECT a.slug, a.published_date, c.id, q.speaker_id, NULL, NULL
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_quote cq ON cq.claim_id = c.id
        JOIN quote q ON q.id = cq.quote_id
        UNION ALL
        SELECT a.slug, a.published_date, c.id,
            CASE WHEN r.relation = 'corroborates' THEN o.source_id END, o.id, r.relation
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.claim_id = c.id
        JOIN claim o ON o.id = r.other_claim_id
        UNION ALL
        SELECT a.slug, a.published_date, c.id,
            CASE WHEN r.relation = 'corroborates' THEN o.source_id END, o.id, r.relation
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_relation r ON r.other_claim_id = c.id
        JOIN claim o ON o.id = r.claim_id
    ),
    counted AS (
        SELECT
            k.slug AS slug,
            k.published_date AS published_date,
            k.claim_id AS claim_id,
            COUNT(DISTINCT k.actor_id) AS sources,
            COUNT(DISTINCT CASE WHEN s.kind = 'person' THEN s.id END) AS named_person_sources,
            COUNT(DISTINCT CASE WHEN s.kind IN ('organisation', 'state', 'armed_group')
                THEN s.id END) AS institution_sources,
            COUNT(DISTINCT CASE WHEN s.kind IN ('collective', 'population') THEN s.id END)
                AS collective_sources,
            COUNT(DISTINCT CASE WHEN s.kind = 'anonymous' THEN s.id END) AS unnamed_sources,
            COUNT(DISTINCT CASE WHEN k.relation = 'corroborates' THEN k.other_id END)
                AS corroborating_claims,
            COUNT(DISTINCT CASE WHEN k.relation = 'conflicts' THEN k.other_id END)
                AS conflicting_claims
        FROM link k
        LEFT JOIN actor s ON s.id = k.actor_id
        GROUP BY k.slug, k.published_date, k.claim_id
    )
SELECT
    n.slug AS article,
    n.published_date AS published_date,
    c.key AS claim_key,
    c.text AS text,
    c.attribution_mode AS attribution_mode,
    own.name AS source,
    n.sources AS sources,
    n.named_person_sources AS named_person_sources,
    n.institution_sources AS institution_sources,
    n.collective_sources AS collective_sources,
    n.unnamed_sources AS unnamed_sources,
    CASE n.sources WHEN 0 THEN 'none' WHEN 1 THEN 'single' ELSE 'multiple' END AS support,
    n.corroborating_claims AS corroborating_claims,
    n.conflicting_claims AS conflicting_claims
FROM counted n
JOIN claim c ON c.id = n.claim_id
LEFT JOIN actor own ON own.id = c.source_id
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

#: an event's reported death toll, when the event has one
_FATALITIES = (
    "(e.fatalities IS NOT NULL OR e.fatalities_as_written IS NOT NULL"
    " OR e.fatalities_attribution IS NOT NULL)"
)

#: Each (article, event) pair of the article's events with each item about it, or with none:
#: the items (claims, quotes, the death toll) are taken from the article's own rows, branch
#: by branch, and the pairs with no item are added by NOT EXISTS, which gives the rows of
#: ``article_event LEFT JOIN item`` while every branch starts from the article.
VIEWS["v_event_sourcing"] = f"""
WITH item AS (
        SELECT {ART}, ce.event_id AS event_id, CAST('claim' AS VARCHAR(20)) AS item,
            c.key AS item_key, c.text AS text, c.attribution_mode AS attribution_mode,
            c.source_id AS actor_id, c.cue AS cue, c.span_start AS span_start
        FROM article a
        JOIN claim c ON c.article_id = a.id
        JOIN claim_event ce ON ce.claim_id = c.id
        UNION ALL
        SELECT article_id, slug, published_date, event_id, 'quote', item_key, text, NULL,
            actor_id, cue, span_start
        FROM (
            SELECT DISTINCT {ART}, ce.event_id AS event_id, q.key AS item_key,
                q.text AS text, q.speaker_id AS actor_id, q.cue AS cue,
                q.span_start AS span_start
            FROM article a
            JOIN quote q ON q.article_id = a.id
            JOIN claim_quote cq ON cq.quote_id = q.id
            JOIN claim_event ce ON ce.claim_id = cq.claim_id
            JOIN claim c ON c.id = ce.claim_id
            WHERE c.article_id = q.article_id
                OR EXISTS (SELECT 1 FROM event_mention em
                    WHERE em.article_id = q.article_id AND em.event_id = ce.event_id)
                OR EXISTS (SELECT 1 FROM claim c2 JOIN claim_event ce2 ON ce2.claim_id = c2.id
                    WHERE c2.article_id = q.article_id AND ce2.event_id = ce.event_id)
            UNION ALL
            SELECT DISTINCT {ART}, em.event_id, q.key, q.text, q.speaker_id, q.cue,
                q.span_start
            FROM article a
            JOIN event_mention em ON em.article_id = a.id
            JOIN quote q ON q.article_id = em.article_id
                AND q.span_start <= em.span_start AND em.span_end <= q.span_end
            WHERE NOT EXISTS (SELECT 1 FROM claim_quote cq
                JOIN claim_event ce ON ce.claim_id = cq.claim_id
                WHERE cq.quote_id = q.id AND ce.event_id = em.event_id)
        ) quoted
        UNION ALL
        SELECT ae.article_id, ae.slug, ae.published_date, e.id, 'fatalities', NULL,
            e.fatalities_as_written, e.fatalities_attribution, e.fatalities_reported_by_id,
            NULL, NULL
        FROM {_article_events()} ae
        JOIN event e ON e.id = ae.event_id
        WHERE {_FATALITIES}
        UNION ALL
        SELECT ae.article_id, ae.slug, ae.published_date, e.id, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL
        FROM {_article_events()} ae
        JOIN event e ON e.id = ae.event_id
        WHERE NOT {_FATALITIES}
            AND NOT EXISTS (SELECT 1 FROM claim c JOIN claim_event ce ON ce.claim_id = c.id
                WHERE c.article_id = ae.article_id AND ce.event_id = ae.event_id)
            AND NOT EXISTS (SELECT 1 FROM quote q
                JOIN claim_quote cq ON cq.quote_id = q.id
                JOIN claim_event ce ON ce.claim_id = cq.claim_id
                WHERE q.article_id = ae.article_id AND ce.event_id = ae.event_id)
            AND NOT EXISTS (SELECT 1 FROM event_mention em
                JOIN quote q ON q.article_id = em.article_id
                    AND q.span_start <= em.span_start AND em.span_end <= q.span_end
                WHERE em.article_id = ae.article_id AND em.event_id = ae.event_id)
    )
SELECT
    i.slug AS article,
    i.published_date AS published_date,
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
    {_paragraph("i.article_id", "i.span_start")} AS paragraph
FROM item i
JOIN event e ON e.id = i.event_id
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
