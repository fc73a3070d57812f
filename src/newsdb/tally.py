"""Recount, check and rebuild the tallies that triggers keep (migrations 0004, 0007, 0008).

The tallies (:mod:`newsdb.models.tally`) hold, per article, what the sourcing questions over
many articles add up. Triggers keep them current on every write; these functions count them
again from ``mention``, ``quote``, ``claim``, ``claim_quote`` and ``claim_relation``:

* :func:`differences` lists the rows where the stored tallies and a recount disagree (used by
  ``newsdb verify`` and the tests);
* :func:`rebuild` replaces the tallies with a recount, after a bulk load that bypassed the
  triggers (PostgreSQL ``COPY`` with ``session_replication_role = replica``, as the benchmark
  loads).

The recounts are the backfills of migrations 0004, 0007 and 0008; a change to what a tally
counts changes both.
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
