"""Recount, check and rebuild the tallies that triggers keep (migrations 0004 and 0007-0009).

The tallies (:mod:`newsdb.models.tally`) hold, per article, what the sourcing questions over
many articles add up. Triggers keep them current on every write; these functions count them
again from the base tables (``mention``, ``quote``, ``claim`` and the rows linked to them):

* :func:`differences` lists the rows where the stored tallies and a recount disagree (used by
  ``newsdb verify`` and the tests);
* :func:`rebuild` replaces the tallies with a recount, after a bulk load that bypassed the
  triggers (PostgreSQL ``COPY`` with ``session_replication_role = replica``, as the benchmark
  loads).

The recounts are the backfills of those migrations; a change to what a tally counts changes
both.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

#: words of a direct or partial quote, as v_sources counts them
_WORDS = (
    "CASE WHEN q.kind IN ('direct', 'partial')"
    " THEN length(q.text) - length(replace(q.text, ' ', '')) + 1 ELSE 0 END"
)

#: (table, its columns, the SELECT that recounts it from the base tables)
TALLIES = {
    "article_actor_tally": (
        (
            "article_id",
            "actor_id",
            "published_date",
            "mentions",
            "quotes",
            "words_quoted",
            "claims",
        ),
        f"""
        SELECT n.article_id, n.actor_id, a.published_date,
            SUM(n.mentions), SUM(n.quotes), SUM(n.words_quoted), SUM(n.claims)
        FROM (
            SELECT m.article_id, m.actor_id, 1 AS mentions, 0 AS quotes, 0 AS words_quoted,
                0 AS claims
            FROM mention m
            UNION ALL
            SELECT q.article_id, q.speaker_id, 0, 1, {_WORDS}, 0 FROM quote q
            UNION ALL
            SELECT c.article_id, c.source_id, 0, 0, 0, 1 FROM claim c
            WHERE c.source_id IS NOT NULL
        ) n
        JOIN article a ON a.id = n.article_id
        GROUP BY n.article_id, n.actor_id, a.published_date
        """,
    ),
    "article_mode_tally": (
        ("article_id", "attribution_mode", "published_date", "claims"),
        """
        SELECT c.article_id, c.attribution_mode, a.published_date, COUNT(*)
        FROM claim c JOIN article a ON a.id = c.article_id
        GROUP BY c.article_id, c.attribution_mode, a.published_date
        """,
    ),
    # who speaks about whom: the pairs of v_quote_network (0002's definition), by id
    "article_network_tally": (
        ("article_id", "speaker_id", "mentioned_id", "published_date", "quotes", "mentions"),
        """
        SELECT q.article_id, q.speaker_id, m.actor_id, a.published_date,
            COUNT(DISTINCT q.id), COUNT(*)
        FROM quote q
        JOIN mention m ON m.article_id = q.article_id
            AND q.span_start <= m.span_start AND m.span_end <= q.span_end
            AND m.actor_id <> q.speaker_id
        JOIN article a ON a.id = q.article_id
        GROUP BY q.article_id, q.speaker_id, m.actor_id, a.published_date
        """,
    ),
    # a claim's distinct supporting sources and conflicting claims, as v_corroboration counts
    "claim_support_tally": (
        (
            "claim_id",
            "article_id",
            "published_date",
            "attribution_mode",
            "sources",
            "conflicting_claims",
        ),
        """
        SELECT c.id, c.article_id, a.published_date, c.attribution_mode,
            COALESCE(s.sources, 0), COALESCE(k.conflicting_claims, 0)
        FROM claim c
        JOIN article a ON a.id = c.article_id
        LEFT JOIN (
            SELECT l.claim_id, COUNT(DISTINCT l.actor_id) AS sources FROM (
                SELECT id AS claim_id, source_id AS actor_id FROM claim
                WHERE source_id IS NOT NULL
                UNION ALL
                SELECT cq.claim_id, q.speaker_id FROM claim_quote cq
                JOIN quote q ON q.id = cq.quote_id
                UNION ALL
                SELECT r.claim_id, o.source_id FROM claim_relation r
                JOIN claim o ON o.id = r.other_claim_id
                WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
                UNION ALL
                SELECT r.other_claim_id, o.source_id FROM claim_relation r
                JOIN claim o ON o.id = r.claim_id
                WHERE r.relation = 'corroborates' AND o.source_id IS NOT NULL
            ) l
            GROUP BY l.claim_id
        ) s ON s.claim_id = c.id
        LEFT JOIN (
            SELECT l.claim_id, COUNT(DISTINCT l.other_id) AS conflicting_claims FROM (
                SELECT r.claim_id, r.other_claim_id AS other_id FROM claim_relation r
                JOIN claim o ON o.id = r.other_claim_id WHERE r.relation = 'conflicts'
                UNION ALL
                SELECT r.other_claim_id, r.claim_id FROM claim_relation r
                JOIN claim o ON o.id = r.claim_id WHERE r.relation = 'conflicts'
            ) l
            GROUP BY l.claim_id
        ) k ON k.claim_id = c.id
        """,
    ),
    # where each article's sources are based and its events happen: the distinct (article,
    # subject) pairs of v_source_geography on each side
    "article_geography_tally": (
        ("article_id", "side", "subject_id", "published_date", "country", "place"),
        """
        SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place
        FROM (
            SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
                COALESCE(s.country, o.country, parent.country) AS country,
                f.location AS place
            FROM (
                SELECT article_id, speaker_id AS actor_id FROM quote
                UNION
                SELECT article_id, source_id FROM claim WHERE source_id IS NOT NULL
            ) src
            JOIN actor s ON s.id = src.actor_id
            LEFT JOIN affiliation f ON f.id = (
                SELECT f2.id FROM affiliation f2
                WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
                ORDER BY f2.span_start LIMIT 1
            )
            LEFT JOIN actor o ON o.id = f.organisation_id
            LEFT JOIN actor parent ON parent.id = s.parent_id
            UNION ALL
            SELECT ae.article_id, 'event', e.id, e.country, e.location
            FROM (
                SELECT article_id, event_id FROM event_mention
                UNION
                SELECT c.article_id, ce.event_id FROM claim c
                JOIN claim_event ce ON ce.claim_id = c.id
            ) ae
            JOIN event e ON e.id = ae.event_id
            UNION ALL
            SELECT DISTINCT ae.article_id, 'party', x.id, x.country, x.name
            FROM (
                SELECT article_id, event_id FROM event_mention
                UNION
                SELECT c.article_id, ce.event_id FROM claim c
                JOIN claim_event ce ON ce.claim_id = c.id
            ) ae
            JOIN event_participant ep
                ON ep.article_id = ae.article_id AND ep.event_id = ae.event_id
            JOIN actor x ON x.id = ep.actor_id
            WHERE x.kind = 'state'
        ) g
        JOIN article a ON a.id = g.article_id
        """,
    ),
}


@dataclass(frozen=True)
class Difference:
    """A tally row that is ``stored`` but not recounted (``side='stored'``), or the reverse."""

    table: str
    side: str
    row: tuple


def differences(connection: Connection, limit: int = 20) -> list[Difference]:
    """Up to ``limit`` rows per table and side where the stored tallies differ from a recount."""
    found = []
    for table, (columns, recount) in TALLIES.items():
        stored = f"SELECT {', '.join(columns)} FROM {table}"
        for side, first, second in (("stored", stored, recount), ("recounted", recount, stored)):
            query = text(f"SELECT * FROM ({first} EXCEPT {second}) d LIMIT :limit")
            for row in connection.execute(query, {"limit": limit}):
                found.append(Difference(table, side, tuple(row)))
    return found


def rebuild(connection: Connection) -> None:
    """Replace every tally with a recount from the base tables (in the caller's transaction)."""
    for table, (columns, recount) in TALLIES.items():
        connection.execute(text(f"DELETE FROM {table}"))
        connection.execute(text(f"INSERT INTO {table} ({', '.join(columns)}) {recount}"))
