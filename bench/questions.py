"""The sourcing questions: each view, and the same answer as hand-written SQL.

The hand-written SQL gives the same rows as the views (the benchmark compares them at small
scales) but starts from the articles in range, ``{arts}``, and reaches every other table
through an index on its ``article_id``; counts are taken in one grouped pass. It runs
unchanged on both backends. It was written when the views computed their CTEs (unions,
groupings) over the whole collection before ``WHERE published_date BETWEEN`` could apply;
migration 0002 now follows the same plan (every branch and every GROUP BY carries the
article's id, slug and date, so the range is pushed into it), and the hand-written SQL is
the yardstick the views are measured against.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the articles of the range, or of the whole collection
ARTS_RANGE = (
    "SELECT id, slug, published_date FROM article WHERE published_date BETWEEN :since AND :until"
)
ARTS_ALL = "SELECT id, slug, published_date FROM article"


def words(text: str) -> str:
    return f"(length({text}) - length(replace({text}, ' ', '')) + 1)"


def paragraph(article_id: str, offset: str) -> str:
    return (
        f"(SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = {article_id}"
        f" AND p.span_start <= {offset} AND {offset} <= p.span_end)"
    )


def first_affiliation(article_id: str, actor_id: str) -> str:
    return (
        f"(SELECT f2.id FROM affiliation f2 WHERE f2.article_id = {article_id}"
        f" AND f2.person_id = {actor_id} ORDER BY f2.span_start LIMIT 1)"
    )


def source_class(kind: str) -> str:
    return (
        f"CASE WHEN {kind} = 'person' THEN 'named person'"
        f" WHEN {kind} = 'anonymous' THEN 'unnamed individual'"
        f" WHEN {kind} IN ('collective', 'population') THEN 'collective'"
        " ELSE 'institution' END"
    )


@dataclass(frozen=True)
class Question:
    name: str
    #: the function in newsdb.sourcing that answers it
    helper: str
    view: str
    #: hand-written SQL, one statement or several run one after the other (as the helper runs
    #: several); ``{arts}`` is the articles in range (or all), parameters :since :until. The
    #: first statement gives the rows of the view (or, with ``same_as_helper``, of the helper).
    sql: str | tuple[str, ...]
    same_as_helper: bool = False
    #: what a SQL client runs on the view, ``{where}`` the range (default: SELECT * ...)
    view_sql: str | None = None
    #: the first rows only: the helper's ``limit``, and LIMIT on the hand-written and view SQL
    #: (whose ORDER BY is then the helper's)
    limit: int | None = None

    def view_query(self, where: str) -> str:
        """The view's SQL with ``where`` (empty, or `` WHERE published_date BETWEEN ...``)."""
        if self.view_sql is None:
            return f"SELECT * FROM {self.view}{where}"
        sql = self.view_sql.replace("{where}", where.replace(" WHERE ", " AND "))
        return sql if self.limit is None else f"{sql} LIMIT {self.limit}"

    def hand_sql(self, whole: bool) -> list[str]:
        statements = (self.sql,) if isinstance(self.sql, str) else self.sql
        statements = [s.replace("{arts}", ARTS_ALL if whole else ARTS_RANGE) for s in statements]
        if self.limit is not None:
            statements[0] = f"{statements[0].rstrip()} LIMIT {self.limit}"
        return statements


SOURCES = f"""
WITH arts AS NOT MATERIALIZED ({{arts}}),
appearance AS (
    SELECT m.article_id, m.actor_id, m.span_start, 0 AS as_source, 0 AS q, 0 AS w, 0 AS c
    FROM arts JOIN mention m ON m.article_id = arts.id
    UNION ALL
    SELECT q.article_id, q.speaker_id, q.span_start, 1, 1,
        CASE WHEN q.kind IN ('direct', 'partial') THEN {words("q.text")} ELSE 0 END, 0
    FROM arts JOIN quote q ON q.article_id = arts.id
    UNION ALL
    SELECT c.article_id, c.source_id, c.span_start, 1, 0, 0, 1
    FROM arts JOIN claim c ON c.article_id = arts.id
    WHERE c.source_id IS NOT NULL
),
g AS (
    SELECT article_id, actor_id,
        MIN(span_start) AS first_start,
        MIN(CASE WHEN as_source = 1 THEN span_start END) AS first_source_start,
        SUM(q) AS quotes, SUM(w) AS words_quoted, SUM(c) AS claims
    FROM appearance
    GROUP BY article_id, actor_id
    HAVING MAX(as_source) = 1
)
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    s.slug AS actor_slug,
    s.name AS name,
    {source_class("s.kind")} AS source_class,
    s.kind AS kind,
    s.sector AS sector,
    COALESCE(o.name || COALESCE(', ' || op.name, ''), parent.name) AS affiliation,
    f.role AS role,
    f.location AS location,
    COALESCE(s.country, o.country, parent.country) AS country,
    g.quotes AS quotes,
    g.words_quoted AS words_quoted,
    g.claims AS claims,
    {paragraph("g.article_id", "g.first_start")} AS first_paragraph,
    {paragraph("g.article_id", "g.first_source_start")} AS first_source_paragraph
FROM g
JOIN arts a ON a.id = g.article_id
JOIN actor s ON s.id = g.actor_id
LEFT JOIN affiliation f ON f.id = {first_affiliation("g.article_id", "g.actor_id")}
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor op ON op.id = o.parent_id
LEFT JOIN actor parent ON parent.id = s.parent_id
ORDER BY article, first_source_paragraph, first_paragraph, actor_slug
"""

ATTRIBUTION_PROFILE = """
WITH mode (mode_order, attribution_mode, mode_label, names_source) AS (
    VALUES (1, 'named_person', 'named person', 1),
        (2, 'institution', 'institution or official statement', 1),
        (3, 'unnamed_official', 'unnamed official', 0),
        (4, 'vague_collective', 'vague collective', 0),
        (5, 'passive', 'passive or agentless', 0),
        (6, 'writer', 'the writer''s own voice', 0)
),
counted AS (
    SELECT c.attribution_mode, COUNT(*) AS claims
    FROM ({arts}) a JOIN claim c ON c.article_id = a.id
    GROUP BY c.attribution_mode
)
SELECT m.mode_order, m.attribution_mode, m.mode_label, m.names_source,
    COALESCE(n.claims, 0) AS claims,
    CAST(COALESCE(n.claims, 0) AS DOUBLE PRECISION) / NULLIF(SUM(n.claims) OVER (), 0) AS share
FROM mode m LEFT JOIN counted n ON n.attribution_mode = m.attribution_mode
ORDER BY m.mode_order
"""

VOICE_GAPS = """
WITH arts AS NOT MATERIALIZED ({arts}),
ae AS (
    SELECT em.article_id, em.event_id FROM arts JOIN event_mention em ON em.article_id = arts.id
    UNION
    SELECT c.article_id, ce.event_id
    FROM arts JOIN claim c ON c.article_id = arts.id JOIN claim_event ce ON ce.claim_id = c.id
),
facts AS (
    SELECT m.article_id, m.actor_id, 1 AS mentions, 0 AS roles, 0 AS heard
    FROM arts JOIN mention m ON m.article_id = arts.id
    UNION ALL
    SELECT ae.article_id, ep.actor_id, 0, 1, 0
    FROM ae JOIN event_participant ep ON ep.event_id = ae.event_id
        AND ep.article_id = ae.article_id
    UNION ALL
    SELECT q.article_id, q.speaker_id, 0, 0, 1 FROM arts JOIN quote q ON q.article_id = arts.id
    UNION ALL
    SELECT c.article_id, c.source_id, 0, 0, 1 FROM arts JOIN claim c ON c.article_id = arts.id
    WHERE c.source_id IS NOT NULL
),
g AS (
    SELECT article_id, actor_id, SUM(mentions) AS mentions, SUM(roles) AS event_roles,
        MAX(heard) AS heard
    FROM facts GROUP BY article_id, actor_id
),
sf AS (
    SELECT DISTINCT sp.article_id, m.actor_id, sp.via, sp.id, sp.actor_id AS speaker_id
    FROM (
        SELECT q.article_id, 'quote' AS via, q.id, q.speaker_id AS actor_id, q.span_start,
            q.span_end
        FROM arts JOIN quote q ON q.article_id = arts.id
        UNION ALL
        SELECT c.article_id, 'claim', c.id, c.source_id, c.span_start, c.span_end
        FROM arts JOIN claim c ON c.article_id = arts.id
        WHERE c.source_id IS NOT NULL
    ) sp
    JOIN mention m ON m.article_id = sp.article_id
        AND sp.span_start <= m.span_start AND m.span_end <= sp.span_end
        AND m.actor_id <> sp.actor_id
),
sfc AS (
    SELECT article_id, actor_id,
        SUM(CASE WHEN via = 'quote' THEN 1 ELSE 0 END) AS quotes_about,
        SUM(CASE WHEN via = 'claim' THEN 1 ELSE 0 END) AS claims_about,
        COUNT(DISTINCT speaker_id) AS spoken_for_by
    FROM sf GROUP BY article_id, actor_id
),
parts AS (
    SELECT g.article_id, part.parent_id AS actor_id, COUNT(*) AS n
    FROM g JOIN actor part ON part.id = g.actor_id
    WHERE g.heard = 1 AND part.parent_id IS NOT NULL
    GROUP BY g.article_id, part.parent_id
)
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    x.slug AS actor_slug,
    x.name AS name,
    x.kind AS kind,
    x.sector AS sector,
    x.country AS country,
    g.mentions AS mentions,
    g.event_roles AS event_roles,
    COALESCE(sfc.quotes_about, 0) AS quotes_about,
    COALESCE(sfc.claims_about, 0) AS claims_about,
    COALESCE(sfc.spoken_for_by, 0) AS spoken_for_by,
    COALESCE(parts.n, 0) AS parts_as_sources
FROM g
JOIN arts a ON a.id = g.article_id
JOIN actor x ON x.id = g.actor_id
LEFT JOIN sfc ON sfc.article_id = g.article_id AND sfc.actor_id = g.actor_id
LEFT JOIN parts ON parts.article_id = g.article_id AND parts.actor_id = g.actor_id
WHERE g.heard = 0
ORDER BY a.slug, COALESCE(sfc.spoken_for_by, 0) DESC,
    COALESCE(sfc.quotes_about, 0) + COALESCE(sfc.claims_about, 0) DESC,
    g.mentions DESC, x.slug
"""

#: the helper names, for each gap, who speaks for it (and where they are based)
SPOKEN_FOR_BY = f"""
WITH arts AS NOT MATERIALIZED ({{arts}}),
speech AS (
    SELECT q.article_id, q.speaker_id AS actor_id, q.span_start, q.span_end
    FROM arts JOIN quote q ON q.article_id = arts.id
    UNION ALL
    SELECT c.article_id, c.source_id, c.span_start, c.span_end
    FROM arts JOIN claim c ON c.article_id = arts.id
    WHERE c.source_id IS NOT NULL
),
pairs AS (
    SELECT DISTINCT sp.article_id, m.actor_id, sp.actor_id AS speaker_id
    FROM speech sp
    JOIN mention m ON m.article_id = sp.article_id
        AND sp.span_start <= m.span_start AND m.span_end <= sp.span_end
        AND m.actor_id <> sp.actor_id
)
SELECT a.slug AS article, t.slug AS actor_slug, s.slug AS speaker_slug, s.name AS speaker,
    f.location AS speaker_location
FROM pairs p
JOIN arts a ON a.id = p.article_id
JOIN actor t ON t.id = p.actor_id
JOIN actor s ON s.id = p.speaker_id
LEFT JOIN affiliation f ON f.id = {first_affiliation("p.article_id", "p.speaker_id")}
ORDER BY a.slug, t.slug, s.slug
"""

GEOGRAPHY = f"""
WITH arts AS NOT MATERIALIZED ({{arts}}),
src AS (
    SELECT q.article_id, q.speaker_id AS actor_id FROM arts JOIN quote q ON q.article_id = arts.id
    UNION
    SELECT c.article_id, c.source_id FROM arts JOIN claim c ON c.article_id = arts.id
    WHERE c.source_id IS NOT NULL
),
ae AS (
    SELECT em.article_id, em.event_id FROM arts JOIN event_mention em ON em.article_id = arts.id
    UNION
    SELECT c.article_id, ce.event_id
    FROM arts JOIN claim c ON c.article_id = arts.id JOIN claim_event ce ON ce.claim_id = c.id
)
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    CAST('source' AS VARCHAR(10)) AS side,
    s.slug AS subject_slug,
    s.name AS subject,
    f.location AS place,
    COALESCE(s.country, o.country, parent.country) AS country,
    CAST({source_class("s.kind")} AS VARCHAR(40)) AS detail,
    CAST(NULL AS VARCHAR(200)) AS event_slug
FROM src
JOIN arts a ON a.id = src.article_id
JOIN actor s ON s.id = src.actor_id
LEFT JOIN affiliation f ON f.id = {first_affiliation("src.article_id", "src.actor_id")}
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor parent ON parent.id = s.parent_id
UNION ALL
SELECT a.slug, a.published_date, 'event', e.slug, e.name, e.location, e.country, e.event_type,
    e.slug
FROM ae
JOIN arts a ON a.id = ae.article_id
JOIN event e ON e.id = ae.event_id
UNION ALL
SELECT a.slug, a.published_date, 'party', x.slug, x.name, x.name, x.country, ep.role, e.slug
FROM ae
JOIN arts a ON a.id = ae.article_id
JOIN event e ON e.id = ae.event_id
JOIN event_participant ep ON ep.event_id = e.id AND ep.article_id = ae.article_id
JOIN actor x ON x.id = ep.actor_id
WHERE x.kind = 'state'
"""
GEOGRAPHY = f"""
SELECT * FROM ({GEOGRAPHY}) g
ORDER BY article, CASE side WHEN 'source' THEN 0 WHEN 'event' THEN 1 ELSE 2 END, country, place,
    subject_slug, event_slug
"""

CORROBORATION = """
WITH arts AS NOT MATERIALIZED ({arts}),
c AS (
    SELECT c.id, c.article_id, c.key, c.text, c.attribution_mode, c.source_id
    FROM arts JOIN claim c ON c.article_id = arts.id
),
support AS (
    SELECT c.id AS claim_id, c.source_id AS actor_id FROM c WHERE c.source_id IS NOT NULL
    UNION ALL
    SELECT cq.claim_id, q.speaker_id
    FROM c JOIN claim_quote cq ON cq.claim_id = c.id JOIN quote q ON q.id = cq.quote_id
    UNION ALL
    SELECT r.claim_id, o.source_id
    FROM c JOIN claim_relation r ON r.claim_id = c.id JOIN claim o ON o.id = r.other_claim_id
    WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION ALL
    SELECT r.other_claim_id, o.source_id
    FROM c JOIN claim_relation r ON r.other_claim_id = c.id JOIN claim o ON o.id = r.claim_id
    WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
),
sup AS (
    SELECT sp.claim_id,
        COUNT(DISTINCT sp.actor_id) AS sources,
        COUNT(DISTINCT CASE WHEN s.kind = 'person' THEN s.id END) AS named_person_sources,
        COUNT(DISTINCT CASE WHEN s.kind IN ('organisation', 'state', 'armed_group') THEN s.id END)
            AS institution_sources,
        COUNT(DISTINCT CASE WHEN s.kind IN ('collective', 'population') THEN s.id END)
            AS collective_sources,
        COUNT(DISTINCT CASE WHEN s.kind = 'anonymous' THEN s.id END) AS unnamed_sources
    FROM support sp JOIN actor s ON s.id = sp.actor_id
    GROUP BY sp.claim_id
),
related AS (
    SELECT r.claim_id, r.other_claim_id AS other_id, r.relation
    FROM c JOIN claim_relation r ON r.claim_id = c.id
    UNION
    SELECT r.other_claim_id, r.claim_id, r.relation
    FROM c JOIN claim_relation r ON r.other_claim_id = c.id
),
rel AS (
    SELECT claim_id,
        SUM(CASE WHEN relation = 'corroborates' THEN 1 ELSE 0 END) AS corroborating,
        SUM(CASE WHEN relation = 'conflicts' THEN 1 ELSE 0 END) AS conflicting
    FROM related GROUP BY claim_id
)
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    c.text AS text,
    c.attribution_mode AS attribution_mode,
    own.name AS source,
    COALESCE(sup.sources, 0) AS sources,
    COALESCE(sup.named_person_sources, 0) AS named_person_sources,
    COALESCE(sup.institution_sources, 0) AS institution_sources,
    COALESCE(sup.collective_sources, 0) AS collective_sources,
    COALESCE(sup.unnamed_sources, 0) AS unnamed_sources,
    CASE COALESCE(sup.sources, 0) WHEN 0 THEN 'none' WHEN 1 THEN 'single' ELSE 'multiple' END
        AS support,
    COALESCE(rel.corroborating, 0) AS corroborating_claims,
    COALESCE(rel.conflicting, 0) AS conflicting_claims
FROM c
JOIN arts a ON a.id = c.article_id
LEFT JOIN actor own ON own.id = c.source_id
LEFT JOIN sup ON sup.claim_id = c.id
LEFT JOIN rel ON rel.claim_id = c.id
ORDER BY a.slug, COALESCE(sup.sources, 0) DESC, c.key
"""

#: the helper names each claim's sources
SUPPORTED_BY = """
WITH arts AS NOT MATERIALIZED ({arts}),
c AS (
    SELECT c.id, c.article_id, c.key, c.source_id
    FROM arts JOIN claim c ON c.article_id = arts.id
),
support AS (
    SELECT c.id AS claim_id, c.source_id AS actor_id FROM c WHERE c.source_id IS NOT NULL
    UNION ALL
    SELECT cq.claim_id, q.speaker_id
    FROM c JOIN claim_quote cq ON cq.claim_id = c.id JOIN quote q ON q.id = cq.quote_id
    UNION ALL
    SELECT r.claim_id, o.source_id
    FROM c JOIN claim_relation r ON r.claim_id = c.id JOIN claim o ON o.id = r.other_claim_id
    WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
    UNION ALL
    SELECT r.other_claim_id, o.source_id
    FROM c JOIN claim_relation r ON r.other_claim_id = c.id JOIN claim o ON o.id = r.claim_id
    WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
)
SELECT DISTINCT a.slug AS article, c.key AS claim_key, s.name AS source
FROM support sp
JOIN c ON c.id = sp.claim_id
JOIN arts a ON a.id = c.article_id
JOIN actor s ON s.id = sp.actor_id
ORDER BY article, claim_key, source
"""

EVENT_SOURCING = f"""
WITH arts AS NOT MATERIALIZED ({{arts}}),
ae AS (
    SELECT em.article_id, em.event_id FROM arts JOIN event_mention em ON em.article_id = arts.id
    UNION
    SELECT c.article_id, ce.event_id
    FROM arts JOIN claim c ON c.article_id = arts.id JOIN claim_event ce ON ce.claim_id = c.id
),
quoted AS (
    SELECT q.article_id, ce.event_id, q.key, q.text, q.speaker_id, q.cue, q.span_start
    FROM arts
    JOIN quote q ON q.article_id = arts.id
    JOIN claim_quote cq ON cq.quote_id = q.id
    JOIN claim_event ce ON ce.claim_id = cq.claim_id
    UNION
    SELECT q.article_id, em.event_id, q.key, q.text, q.speaker_id, q.cue, q.span_start
    FROM arts
    JOIN event_mention em ON em.article_id = arts.id
    JOIN quote q ON q.article_id = em.article_id
        AND q.span_start <= em.span_start AND em.span_end <= q.span_end
),
item AS (
    SELECT c.article_id, ce.event_id, CAST('claim' AS VARCHAR(20)) AS item, c.key AS item_key,
        c.text AS text, c.attribution_mode AS attribution_mode, c.source_id AS actor_id,
        c.cue AS cue, c.span_start AS span_start
    FROM arts JOIN claim c ON c.article_id = arts.id JOIN claim_event ce ON ce.claim_id = c.id
    UNION ALL
    SELECT article_id, event_id, 'quote', key, text, NULL, speaker_id, cue, span_start
    FROM quoted
    UNION ALL
    SELECT ae.article_id, ae.event_id, 'fatalities', NULL, er.fatalities_as_written,
        er.fatalities_attribution, er.fatalities_reported_by_id, NULL, NULL
    FROM ae JOIN event_report er ON er.article_id = ae.article_id AND er.event_id = ae.event_id
    WHERE er.fatalities IS NOT NULL OR er.fatalities_as_written IS NOT NULL
        OR er.fatalities_attribution IS NOT NULL
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
    s.sector AS source_sector,
    i.cue AS cue,
    {paragraph("ae.article_id", "i.span_start")} AS paragraph
FROM ae
JOIN arts a ON a.id = ae.article_id
JOIN event e ON e.id = ae.event_id
LEFT JOIN item i ON i.article_id = ae.article_id AND i.event_id = ae.event_id
LEFT JOIN actor s ON s.id = i.actor_id
ORDER BY a.slug, e.slug,
    CASE i.item WHEN 'fatalities' THEN 0 WHEN 'claim' THEN 1 WHEN 'quote' THEN 2 ELSE 3 END,
    paragraph, i.item_key
"""

QUOTE_NETWORK = """
WITH arts AS NOT MATERIALIZED ({arts}),
pairs AS (
    SELECT q.article_id, q.speaker_id, m.actor_id, COUNT(DISTINCT q.id) AS quotes,
        COUNT(*) AS mentions
    FROM arts
    JOIN quote q ON q.article_id = arts.id
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id
)
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    s.slug AS speaker_slug,
    s.name AS speaker,
    s.kind AS speaker_kind,
    t.slug AS mentioned_slug,
    t.name AS mentioned,
    t.kind AS mentioned_kind,
    p.quotes AS quotes,
    p.mentions AS mentions
FROM pairs p
JOIN arts a ON a.id = p.article_id
JOIN actor s ON s.id = p.speaker_id
JOIN actor t ON t.id = p.actor_id
ORDER BY a.slug, s.slug, t.slug
"""

CLAIM_CHECKS = """
WITH arts AS NOT MATERIALIZED ({arts})
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
FROM arts a
JOIN claim c ON c.article_id = a.id
JOIN claim_check k ON k.claim_id = c.id
LEFT JOIN actor s ON s.id = c.source_id
ORDER BY a.slug, c.key, k.aspect
"""

#: one row per (article, actor) in range, counted from the base tables: what the tallies of
#: migration 0004 hold, computed as the questions were before it
_PER_ARTICLE_ACTOR = f"""
WITH arts AS NOT MATERIALIZED ({{arts}}),
    n AS (
        SELECT m.article_id, m.actor_id, 1 AS mentions, 0 AS quotes, 0 AS words_quoted,
            0 AS claims
        FROM arts JOIN mention m ON m.article_id = arts.id
        UNION ALL
        SELECT q.article_id, q.speaker_id, 0, 1,
            CASE WHEN q.kind IN ('direct', 'partial') THEN {words("q.text")} ELSE 0 END, 0
        FROM arts JOIN quote q ON q.article_id = arts.id
        UNION ALL
        SELECT c.article_id, c.source_id, 0, 0, 0, 1
        FROM arts JOIN claim c ON c.article_id = arts.id
        WHERE c.source_id IS NOT NULL
    ),
    t AS (
        SELECT article_id, actor_id, SUM(mentions) AS mentions, SUM(quotes) AS quotes,
            SUM(words_quoted) AS words_quoted, SUM(claims) AS claims
        FROM n GROUP BY article_id, actor_id
    )"""

_ACTOR = f"""
    s.slug AS actor_slug,
    s.name AS name,
    {source_class("s.kind")} AS source_class,
    s.kind AS kind,
    s.sector AS source_sector,
    COALESCE(s.country, parent.country) AS country"""

#: source_totals(), from the base tables (no tally): the yardstick for migration 0004
SOURCE_TOTALS = f"""{_PER_ARTICLE_ACTOR}
SELECT {_ACTOR},
    x.articles, x.quotes, x.words_quoted, x.claims, x.mentions
FROM (
    SELECT actor_id, COUNT(*) AS articles, SUM(quotes) AS quotes,
        SUM(words_quoted) AS words_quoted, SUM(claims) AS claims, SUM(mentions) AS mentions
    FROM t WHERE quotes + claims > 0 GROUP BY actor_id
) x
JOIN actor s ON s.id = x.actor_id
LEFT JOIN actor parent ON parent.id = s.parent_id
ORDER BY x.articles DESC, x.claims DESC, x.quotes DESC, s.id
"""

#: unheard_totals(), from the base tables
UNHEARD_TOTALS = f"""{_PER_ARTICLE_ACTOR}
SELECT {_ACTOR},
    x.articles, x.mentions, x.heard_in
FROM (
    SELECT actor_id,
        SUM(CASE WHEN quotes + claims = 0 THEN 1 ELSE 0 END) AS articles,
        SUM(CASE WHEN quotes + claims = 0 THEN mentions ELSE 0 END) AS mentions,
        SUM(CASE WHEN quotes + claims = 0 THEN 0 ELSE 1 END) AS heard_in
    FROM t GROUP BY actor_id
    HAVING SUM(CASE WHEN quotes + claims = 0 THEN 1 ELSE 0 END) > 0
) x
JOIN actor s ON s.id = x.actor_id
LEFT JOIN actor parent ON parent.id = s.parent_id
ORDER BY x.articles DESC, x.mentions DESC, s.id
"""

_TALLY_COLUMNS = "actor_slug, name, source_class, kind, sector, country"
#: the same totals as a SQL client writes them on the view v_actor_tally
SOURCE_TOTALS_VIEW = (
    f"SELECT {_TALLY_COLUMNS}, COUNT(*) AS articles, SUM(quotes) AS quotes,"
    " SUM(words_quoted) AS words_quoted, SUM(claims) AS claims, SUM(mentions) AS mentions"
    " FROM v_actor_tally WHERE heard{where}"
    f" GROUP BY {_TALLY_COLUMNS}"
)
UNHEARD_TOTALS_VIEW = (
    f"SELECT {_TALLY_COLUMNS}, SUM(CASE WHEN heard THEN 0 ELSE 1 END) AS articles,"
    " SUM(CASE WHEN heard THEN 0 ELSE mentions END) AS mentions,"
    " SUM(CASE WHEN heard THEN 1 ELSE 0 END) AS heard_in"
    " FROM v_actor_tally WHERE 1 = 1{where}"
    f" GROUP BY {_TALLY_COLUMNS} HAVING SUM(CASE WHEN heard THEN 0 ELSE 1 END) > 0"
)

_TOTALS_ORDER = " ORDER BY articles DESC, claims DESC, quotes DESC, actor_slug"

# The collection totals of network_totals(), toll_totals() and check_totals(), from the base
# tables. They return the columns of the view grouped (as tests/test_sourcing.py groups it),
# so that the run's check compares them with the view's rows. They reach the child table by
# ``article_id IN (SELECT id FROM arts)``, not by a join from ``arts``: SQLite then reads the
# child's index in article id order, not in date order (over a year: network 275 ms against
# 335, tolls 42 against 75, checks 120 against 200; the whole network 0.67 s against 1.8).
# PostgreSQL plans both forms alike, but for the network over a month it scans all of
# mention in parallel rather than by article (47 ms against 41).

#: who speaks about whom, per speaker and actor mentioned inside the speaker's quotes.
#: Grouping per article first, or per quote, article and pair (no COUNT(DISTINCT)), or
#: counting first rows with ROW_NUMBER() is no faster on either backend.
#: ``{tie}`` breaks the ties of the helper's order: the actors' ids (the helper's), or, for
#: the first rows only, their slugs, as the view can (so that both cut at the same row)
_NETWORK_TOTALS = """
WITH arts AS NOT MATERIALIZED ({arts})
SELECT s.slug AS speaker_slug, t.slug AS mentioned_slug, n.articles, n.quotes, n.mentions
FROM (
    SELECT q.speaker_id, m.actor_id, COUNT(DISTINCT q.article_id) AS articles,
        COUNT(DISTINCT q.id) AS quotes, COUNT(*) AS mentions
    FROM mention m
    JOIN quote q ON q.article_id = m.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    WHERE m.article_id IN (SELECT id FROM arts)
    GROUP BY q.speaker_id, m.actor_id
) n
JOIN actor s ON s.id = n.speaker_id
JOIN actor t ON t.id = n.actor_id
ORDER BY n.articles DESC, n.quotes DESC, n.mentions DESC, {tie}
"""
NETWORK_TOTALS = _NETWORK_TOTALS.replace("{tie}", "n.speaker_id, n.actor_id")
NETWORK_TOP = _NETWORK_TOTALS.replace("{tie}", "s.slug, t.slug")

#: each article's toll (event_report, as the helper reads it), per attribution mode, in the
#: order of the modes (no mode last). The view's 'fatalities' rows are the reports of the
#: events an article mentions or links a claim to: in the generated data, all of them
TOLL_TOTALS = """
WITH arts AS NOT MATERIALIZED ({arts})
SELECT r.fatalities_attribution AS attribution_mode, COUNT(*) AS tolls,
    COUNT(DISTINCT r.event_id) AS events, COUNT(DISTINCT r.article_id) AS articles,
    COUNT(DISTINCT r.fatalities_reported_by_id) AS reporters
FROM event_report r
WHERE r.article_id IN (SELECT id FROM arts)
    AND (r.fatalities IS NOT NULL OR r.fatalities_as_written IS NOT NULL
        OR r.fatalities_attribution IS NOT NULL)
GROUP BY r.fatalities_attribution
ORDER BY CASE r.fatalities_attribution WHEN 'named_person' THEN 1 WHEN 'institution' THEN 2
    WHEN 'unnamed_official' THEN 3 WHEN 'vague_collective' THEN 4 WHEN 'passive' THEN 5
    WHEN 'writer' THEN 6 ELSE 7 END
"""

#: claim checks per aspect and verdict, those that differ first (a claim_check-first plan,
#: by claim's primary key, costs ~100 ms whatever the range: better only over a year or more)
CHECK_TOTALS = """
WITH arts AS NOT MATERIALIZED ({arts})
SELECT k.aspect AS aspect, k.verdict AS verdict,
    MAX(CASE WHEN k.verdict IN ('contradicted', 'partly_confirmed') THEN 1 ELSE 0 END)
        AS differs,
    COUNT(*) AS checks, COUNT(DISTINCT c.article_id) AS articles
FROM claim c
JOIN claim_check k ON k.claim_id = c.id
WHERE c.article_id IN (SELECT id FROM arts)
GROUP BY k.aspect, k.verdict
ORDER BY differs DESC, checks DESC, aspect, verdict
"""

#: support_totals() from the base tables, not from claim_support_tally (migration 0007): the
#: claims of the articles in range per attribution mode and support ('none', 'single',
#: 'multiple': 0, 1, 2+ distinct sources among the claim's own, the speakers of its quotes
#: and the sources of the claims that corroborate it or that it corroborates), and how many
#: of them conflict with a claim (either way), in the order of the modes and the supports:
#: the tally's recount (TALLIES in src/newsdb/tally.py) for the claims in range. One group
#: per claim, in which MIN and MAX of the sources tell none, one or several apart (no
#: COUNT(DISTINCT), which sorts); the relations are read once, both ways, for the sources
#: and the conflicts. Grouping the sources and the conflicts apart and joining them to the
#: claims (as the recount does) takes 1.5-1.7x as long on PostgreSQL over a month, one
#: correlated subquery per claim 1.2x (1.5x over a year)
SUPPORT_TOTALS = """
WITH arts AS NOT MATERIALIZED ({arts}),
c AS (
    SELECT c.id, c.attribution_mode, c.source_id
    FROM arts JOIN claim c ON c.article_id = arts.id
),
rel AS (
    SELECT r.claim_id, r.other_claim_id AS other_id, r.relation
    FROM c JOIN claim_relation r ON r.claim_id = c.id
    UNION ALL
    SELECT r.other_claim_id, r.claim_id, r.relation
    FROM c JOIN claim_relation r ON r.other_claim_id = c.id
),
link AS (
    SELECT c.id AS claim_id, c.attribution_mode, c.source_id AS actor_id, 0 AS conflict FROM c
    UNION ALL
    SELECT cq.claim_id, NULL, q.speaker_id, 0
    FROM c JOIN claim_quote cq ON cq.claim_id = c.id JOIN quote q ON q.id = cq.quote_id
    UNION ALL
    SELECT rel.claim_id, NULL, o.source_id, 0
    FROM rel JOIN claim o ON o.id = rel.other_id WHERE rel.relation = 'corroborates'
    UNION ALL
    SELECT rel.claim_id, NULL, NULL, 1 FROM rel WHERE rel.relation = 'conflicts'
),
per_claim AS (
    SELECT MAX(attribution_mode) AS attribution_mode, MIN(actor_id) AS lo, MAX(actor_id) AS hi,
        MAX(conflict) AS conflicted
    FROM link GROUP BY claim_id
)
SELECT * FROM (
    SELECT attribution_mode,
        CASE WHEN lo IS NULL THEN 'none' WHEN lo = hi THEN 'single' ELSE 'multiple' END
            AS support,
        COUNT(*) AS claims, SUM(conflicted) AS conflicted
    FROM per_claim
    GROUP BY attribution_mode,
        CASE WHEN lo IS NULL THEN 'none' WHEN lo = hi THEN 'single' ELSE 'multiple' END
) t
ORDER BY CASE attribution_mode WHEN 'named_person' THEN 1 WHEN 'institution' THEN 2
    WHEN 'unnamed_official' THEN 3 WHEN 'vague_collective' THEN 4 WHEN 'passive' THEN 5
    ELSE 6 END,
    CASE support WHEN 'none' THEN 0 WHEN 'single' THEN 1 ELSE 2 END
"""

#: geography_by_country(): per country, the distinct (article, source), (article, event) and
#: (article, party state) pairs of the articles in range; the most counted first, no country
#: last. Each pair has one country, so the pairs are made distinct and then only summed. A
#: source's country is looked up in its first affiliation only when the source has none of
#: its own (COALESCE stops at the first value on both backends): one pair in five here;
#: joining every first affiliation, as GEOGRAPHY does, takes ~1.2x as long on PostgreSQL.
#: ``IN (SELECT id FROM arts)`` rather than a join from ``arts``: SQLite over a year 570 ms
#: against 750
GEOGRAPHY_BY_COUNTRY = """
WITH arts AS NOT MATERIALIZED ({arts}),
src AS (
    SELECT q.article_id, q.speaker_id AS actor_id
    FROM quote q WHERE q.article_id IN (SELECT id FROM arts)
    UNION
    SELECT c.article_id, c.source_id
    FROM claim c WHERE c.article_id IN (SELECT id FROM arts) AND c.source_id IS NOT NULL
),
ae AS (
    SELECT em.article_id, em.event_id
    FROM event_mention em WHERE em.article_id IN (SELECT id FROM arts)
    UNION
    SELECT c.article_id, ce.event_id
    FROM claim c JOIN claim_event ce ON ce.claim_id = c.id
    WHERE c.article_id IN (SELECT id FROM arts)
),
party AS (
    SELECT DISTINCT ae.article_id, x.id, x.country
    FROM ae
    JOIN event_participant ep ON ep.event_id = ae.event_id AND ep.article_id = ae.article_id
    JOIN actor x ON x.id = ep.actor_id
    WHERE x.kind = 'state'
),
side AS (
    SELECT COALESCE(s.country,
            (SELECT o.country FROM affiliation f LEFT JOIN actor o ON o.id = f.organisation_id
             WHERE f.article_id = src.article_id AND f.person_id = src.actor_id
             ORDER BY f.span_start LIMIT 1),
            parent.country) AS country,
        1 AS sources, 0 AS events, 0 AS party_states
    FROM src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN actor parent ON parent.id = s.parent_id
    UNION ALL
    SELECT e.country, 0, 1, 0 FROM ae JOIN event e ON e.id = ae.event_id
    UNION ALL
    SELECT country, 0, 0, 1 FROM party
)
SELECT country, SUM(sources) AS sources, SUM(events) AS events,
    SUM(party_states) AS party_states
FROM side
GROUP BY country
ORDER BY SUM(sources) + SUM(events) + SUM(party_states) DESC, country IS NULL, country
"""

#: the same totals as a SQL client writes them on the per-article views
NETWORK_TOTALS_VIEW = (
    "SELECT speaker_slug, mentioned_slug, COUNT(*) AS articles, SUM(quotes) AS quotes,"
    " SUM(mentions) AS mentions FROM v_quote_network WHERE 1 = 1{where}"
    " GROUP BY speaker_slug, mentioned_slug"
)
_NETWORK_ORDER = (
    " ORDER BY articles DESC, quotes DESC, mentions DESC, speaker_slug, mentioned_slug"
)
TOLL_TOTALS_VIEW = (
    "SELECT attribution_mode, COUNT(*) AS tolls, COUNT(DISTINCT event_slug) AS events,"
    " COUNT(DISTINCT article) AS articles, COUNT(DISTINCT source_slug) AS reporters"
    " FROM v_event_sourcing WHERE item = 'fatalities'{where} GROUP BY attribution_mode"
)
CHECK_TOTALS_VIEW = (
    "SELECT aspect, verdict, differs, COUNT(*) AS checks,"
    " COUNT(DISTINCT article) AS articles FROM v_claim_checks WHERE 1 = 1{where}"
    " GROUP BY aspect, verdict, differs"
)
SUPPORT_TOTALS_VIEW = (
    "SELECT attribution_mode, support, COUNT(*) AS claims,"
    " SUM(CASE WHEN conflicting_claims > 0 THEN 1 ELSE 0 END) AS conflicted"
    " FROM v_corroboration WHERE 1 = 1{where} GROUP BY attribution_mode, support"
)
#: each side's (article, subject) pairs, counted per country: the rows of the geography tally
#: (migration 0009), grouped as a SQL client writes it
GEOGRAPHY_BY_COUNTRY_VIEW = (
    "SELECT country,"
    " SUM(CASE WHEN side = 'source' THEN 1 ELSE 0 END) AS sources,"
    " SUM(CASE WHEN side = 'event' THEN 1 ELSE 0 END) AS events,"
    " SUM(CASE WHEN side = 'party' THEN 1 ELSE 0 END) AS party_states"
    " FROM v_geography_tally WHERE 1 = 1{where} GROUP BY country"
)

QUESTIONS = [
    Question("sources", "sources", "v_sources", SOURCES),
    Question(
        "attribution profile",
        "profile",
        "v_attribution_profile",
        ATTRIBUTION_PROFILE,
        same_as_helper=True,
    ),
    Question("voice gaps", "voice_gaps", "v_voice_gaps", (VOICE_GAPS, SPOKEN_FOR_BY)),
    Question("geography", "geography", "v_source_geography", GEOGRAPHY),
    Question("corroboration", "corroboration", "v_corroboration", (CORROBORATION, SUPPORTED_BY)),
    Question("event sourcing", "event_sourcing", "v_event_sourcing", EVENT_SOURCING),
    Question("quote network", "quote_network", "v_quote_network", QUOTE_NETWORK),
    Question("claim checks", "claim_checks", "v_claim_checks", CLAIM_CHECKS),
    Question(
        "source totals",
        "source_totals",
        "v_actor_tally",
        SOURCE_TOTALS,
        same_as_helper=True,
        view_sql=SOURCE_TOTALS_VIEW,
    ),
    Question(
        "unheard totals",
        "unheard_totals",
        "v_actor_tally",
        UNHEARD_TOTALS,
        same_as_helper=True,
        view_sql=UNHEARD_TOTALS_VIEW,
    ),
    Question(
        "top 50 sources",
        "source_totals",
        "v_actor_tally",
        SOURCE_TOTALS,
        same_as_helper=True,
        view_sql=SOURCE_TOTALS_VIEW + _TOTALS_ORDER,
        limit=50,
    ),
    # the collection totals of the quote network, tolls and checks: their hand-written rows
    # are checked against the view's (not the helper's, which names the actors)
    Question(
        "network totals",
        "network_totals",
        "v_quote_network",
        NETWORK_TOTALS,
        view_sql=NETWORK_TOTALS_VIEW,
    ),
    Question(
        "top 50 network",
        "network_totals",
        "v_quote_network",
        NETWORK_TOP,
        view_sql=NETWORK_TOTALS_VIEW + _NETWORK_ORDER,
        limit=50,
    ),
    Question("toll totals", "toll_totals", "v_event_sourcing", TOLL_TOTALS,
             view_sql=TOLL_TOTALS_VIEW),
    Question("check totals", "check_totals", "v_claim_checks", CHECK_TOTALS,
             view_sql=CHECK_TOTALS_VIEW),
    # corroboration across the articles, and the geography counted per country: their
    # hand-written rows are checked against the view's (the helpers add labels or places);
    # the hand-written geography counts from the base tables, as before migration 0009
    Question("support totals", "support_totals", "v_corroboration", SUPPORT_TOTALS,
             view_sql=SUPPORT_TOTALS_VIEW),
    Question("geography by country", "geography_by_country", "v_geography_tally",
             GEOGRAPHY_BY_COUNTRY, view_sql=GEOGRAPHY_BY_COUNTRY_VIEW),
]
