-- The sourcing views as migration 0002 first defined them (commit 6fa35ff), before they were
-- rewritten so that a date range reaches the data. Correct but slow (whole collection first,
-- quadratic correlated counts): tests/test_sourcing.py checks that the views give exactly
-- these rows on the seed, on both backends. One view per section, after its '-- view:' line.
-- Since migration 0005 an event's parties are those of the article itself: the three joins
-- with event_participant carry `ep.article_id = ae.article_id`, as the views do. Since 0006 an
-- event's death toll is the article's own, from event_report. v_quote_network, read from a
-- tally since 0008, is held to its 0002 definition, last. Since 0012 an actor's sector is
-- `sector`, `speaker_sector` or `source_sector` (one name per idea), and an affiliation names
-- the organisation with the one it is part of.

-- view: v_sources
WITH 
    source_of AS (
        SELECT article_id, speaker_id AS actor_id FROM quote
        UNION
        SELECT article_id, source_id AS actor_id FROM claim WHERE source_id IS NOT NULL
    ),
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
    CASE WHEN s.kind = 'person' THEN 'named person' WHEN s.kind = 'anonymous' THEN 'unnamed individual' WHEN s.kind IN ('collective', 'population') THEN 'collective' ELSE 'institution' END AS source_class,
    s.kind AS kind,
    s.sector AS sector,
    COALESCE(o.name || COALESCE(', ' || op.name, ''), parent.name) AS affiliation,
    f.role AS role,
    f.location AS location,
    COALESCE(s.country, o.country, parent.country) AS country,
    (SELECT COUNT(*) FROM quote q
        WHERE q.article_id = src.article_id AND q.speaker_id = src.actor_id) AS quotes,
    (SELECT COALESCE(SUM((length(q.text) - length(replace(q.text, ' ', '')) + 1)), 0) FROM quote q
        WHERE q.article_id = src.article_id AND q.speaker_id = src.actor_id
        AND q.kind IN ('direct', 'partial')) AS words_quoted,
    (SELECT COUNT(*) FROM claim c
        WHERE c.article_id = src.article_id AND c.source_id = src.actor_id) AS claims,
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = src.article_id AND p.span_start <= fs.first_start AND fs.first_start <= p.span_end) AS first_paragraph,
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = src.article_id AND p.span_start <= fs.first_source_start AND fs.first_source_start <= p.span_end) AS first_source_paragraph
FROM source_of src
JOIN article a ON a.id = src.article_id
JOIN actor s ON s.id = src.actor_id
JOIN first_seen fs ON fs.article_id = src.article_id AND fs.actor_id = src.actor_id
LEFT JOIN affiliation f ON f.id = (SELECT f2.id FROM affiliation f2 WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id ORDER BY f2.span_start LIMIT 1)
LEFT JOIN actor o ON o.id = f.organisation_id
LEFT JOIN actor op ON op.id = o.parent_id
LEFT JOIN actor parent ON parent.id = s.parent_id

-- view: v_attribution_profile
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

-- view: v_spoken_for
WITH 
    speech AS (
        SELECT article_id, CAST('quote' AS VARCHAR(10)) AS via, key, speaker_id AS actor_id,
            span_start, span_end
        FROM quote
        UNION ALL
        SELECT article_id, 'claim', key, source_id, span_start, span_end
        FROM claim WHERE source_id IS NOT NULL
    )
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
    s.sector AS speaker_sector,
    f.location AS speaker_location,
    COUNT(*) AS mentions
FROM speech sp
JOIN mention m ON m.article_id = sp.article_id
    AND sp.span_start <= m.span_start AND m.span_end <= sp.span_end
    AND m.actor_id <> sp.actor_id
JOIN article a ON a.id = sp.article_id
JOIN actor t ON t.id = m.actor_id
JOIN actor s ON s.id = sp.actor_id
LEFT JOIN affiliation f ON f.id = (SELECT f2.id FROM affiliation f2 WHERE f2.article_id = sp.article_id AND f2.person_id = sp.actor_id ORDER BY f2.span_start LIMIT 1)
GROUP BY a.slug, a.published_date, t.slug, t.name, sp.via, sp.key,
    s.slug, s.name, s.kind, s.sector, f.location

-- view: v_voice_gaps
WITH 
    source_of AS (
        SELECT article_id, speaker_id AS actor_id FROM quote
        UNION
        SELECT article_id, source_id AS actor_id FROM claim WHERE source_id IS NOT NULL
    ),
    
    article_event AS (
        SELECT article_id, event_id FROM event_mention
        UNION
        SELECT c.article_id, ce.event_id
        FROM claim_event ce JOIN claim c ON c.id = ce.claim_id
    ),
    
    speech AS (
        SELECT article_id, CAST('quote' AS VARCHAR(10)) AS via, key, speaker_id AS actor_id,
            span_start, span_end
        FROM quote
        UNION ALL
        SELECT article_id, 'claim', key, source_id, span_start, span_end
        FROM claim WHERE source_id IS NOT NULL
    ),
    present AS (
        SELECT article_id, actor_id FROM mention
        UNION
        SELECT ae.article_id, ep.actor_id
        FROM article_event ae JOIN event_participant ep ON ep.event_id = ae.event_id
            AND ep.article_id = ae.article_id
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
    x.sector AS sector,
    x.country AS country,
    (SELECT COUNT(*) FROM mention m
        WHERE m.article_id = p.article_id AND m.actor_id = p.actor_id) AS mentions,
    (SELECT COUNT(*) FROM article_event ae JOIN event_participant ep ON ep.event_id = ae.event_id
        AND ep.article_id = ae.article_id
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

-- view: v_source_geography
WITH 
    source_of AS (
        SELECT article_id, speaker_id AS actor_id FROM quote
        UNION
        SELECT article_id, source_id AS actor_id FROM claim WHERE source_id IS NOT NULL
    ),
    
    article_event AS (
        SELECT article_id, event_id FROM event_mention
        UNION
        SELECT c.article_id, ce.event_id
        FROM claim_event ce JOIN claim c ON c.id = ce.claim_id
    )
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    CAST('source' AS VARCHAR(10)) AS side,
    s.slug AS subject_slug,
    s.name AS subject,
    f.location AS place,
    COALESCE(s.country, o.country, parent.country) AS country,
    CAST(CASE WHEN s.kind = 'person' THEN 'named person' WHEN s.kind = 'anonymous' THEN 'unnamed individual' WHEN s.kind IN ('collective', 'population') THEN 'collective' ELSE 'institution' END AS VARCHAR(40)) AS detail,
    CAST(NULL AS VARCHAR(200)) AS event_slug
FROM source_of src
JOIN article a ON a.id = src.article_id
JOIN actor s ON s.id = src.actor_id
LEFT JOIN affiliation f ON f.id = (SELECT f2.id FROM affiliation f2 WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id ORDER BY f2.span_start LIMIT 1)
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
JOIN event_participant ep ON ep.event_id = e.id AND ep.article_id = ae.article_id
JOIN actor x ON x.id = ep.actor_id
WHERE x.kind = 'state'

-- view: v_claim_support
WITH 
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
    )
SELECT
    a.slug AS article,
    a.published_date AS published_date,
    c.key AS claim_key,
    sp.route AS route,
    sp.via_key AS via_key,
    s.slug AS source_slug,
    s.name AS source,
    CASE WHEN s.kind = 'person' THEN 'named person' WHEN s.kind = 'anonymous' THEN 'unnamed individual' WHEN s.kind IN ('collective', 'population') THEN 'collective' ELSE 'institution' END AS source_class,
    s.sector AS source_sector
FROM support sp
JOIN claim c ON c.id = sp.claim_id
JOIN article a ON a.id = c.article_id
JOIN actor s ON s.id = sp.actor_id

-- view: v_corroboration
WITH 
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
    ),
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

-- view: v_event_sourcing
WITH 
    article_event AS (
        SELECT article_id, event_id FROM event_mention
        UNION
        SELECT c.article_id, ce.event_id
        FROM claim_event ce JOIN claim c ON c.id = ce.claim_id
    ),
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
        SELECT ae.article_id, ae.event_id, 'fatalities', NULL, er.fatalities_as_written,
            er.fatalities_attribution, er.fatalities_reported_by_id, NULL, NULL
        FROM article_event ae JOIN event_report er
            ON er.article_id = ae.article_id AND er.event_id = ae.event_id
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
    (SELECT MIN(p.number) FROM paragraph p WHERE p.article_id = ae.article_id AND p.span_start <= i.span_start AND i.span_start <= p.span_end) AS paragraph
FROM article_event ae
JOIN article a ON a.id = ae.article_id
JOIN event e ON e.id = ae.event_id
LEFT JOIN item i ON i.article_id = ae.article_id AND i.event_id = ae.event_id
LEFT JOIN actor s ON s.id = i.actor_id

-- view: v_quote_network
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
