"""Migration 0010: the network tally's triggers count only the pairs a change adds or removes,
and the geography's place one event or party state; after every kind of change, every tally
equals a recount, on both backends. The changes are plain SQL, several rows to a statement
(PostgreSQL counts a statement's rows at once, from its transition tables)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from newsdb import tally
from newsdb.loader import load_folder

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-iran-off-ramp"

#: a mention of India over each quote's whole span and one over all but its first character:
#: two new mentions of one actor inside one quote in the same statement, one quote more
_MENTION_EACH_QUOTE = """
INSERT INTO mention (article_id, actor_id, span_start, span_end, text, annotator_id)
SELECT q.article_id, x.id, q.span_start + s.skip, q.span_end, substr(q.text, 1 + s.skip),
    q.annotator_id
FROM quote q
JOIN actor x ON x.slug = 'india'
CROSS JOIN (SELECT 0 AS skip UNION ALL SELECT 1) s
WHERE q.speaker_id <> x.id
"""


def _network(connection: Connection) -> dict[tuple[int, int], tuple[int, int]]:
    """The network tally, (speaker, mentioned) -> (quotes, mentions), once it equals a
    recount of every tally."""
    assert tally.differences(connection) == []
    rows = connection.execute(
        text("SELECT speaker_id, mentioned_id, quotes, mentions FROM article_network_tally")
    )
    return {(s, m): (q, n) for s, m, q, n in rows}


def _id(connection: Connection, slug: str) -> int:
    return connection.execute(text("SELECT id FROM actor WHERE slug = :s"), {"s": slug}).scalar()


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    with Session(engine) as session, session.begin():
        load_folder(session, SEED)
    return engine


def test_inserting_mentions_counts_a_quote_once_per_actor(seeded: Engine) -> None:
    with seeded.begin() as connection:
        before = _network(connection)
        india = _id(connection, "india")
        kugelman = _id(connection, "michael-kugelman")
        connection.execute(text(_MENTION_EACH_QUOTE))
        after = _network(connection)
        # Kugelman's two quotes name India twice each, now
        assert after[(kugelman, india)] == (2, 4)
        assert len(after) > len(before)


def test_deleting_and_moving_mentions_takes_out_only_their_pairs(seeded: Engine) -> None:
    with seeded.begin() as connection:
        india = _id(connection, "india")
        kugelman = _id(connection, "michael-kugelman")
        connection.execute(text(_MENTION_EACH_QUOTE))
        # the whole-span mentions go: each quote keeps India once
        connection.execute(
            text(
                "DELETE FROM mention WHERE actor_id = :india AND id IN (SELECT m.id"
                " FROM mention m JOIN quote q ON q.article_id = m.article_id"
                " AND q.span_start = m.span_start AND q.span_end = m.span_end)"
            ),
            {"india": india},
        )
        assert _network(connection)[(kugelman, india)] == (2, 2)
        # the others move out of every quote, onto the first characters of the body
        connection.execute(
            text(
                "UPDATE mention SET span_start = 0, span_end = length(text)"
                " WHERE actor_id = :india AND span_start > 0 AND length(text) > 30"
            ),
            {"india": india},
        )
        assert (kugelman, india) not in _network(connection)


def test_moving_and_deleting_quotes_moves_their_pairs(seeded: Engine) -> None:
    with seeded.begin() as connection:
        connection.execute(text(_MENTION_EACH_QUOTE))
        india = _id(connection, "india")
        kugelman, akbar = _id(connection, "michael-kugelman"), _id(connection, "malik-siraj-akbar")
        before = _network(connection)
        (kq, km), (aq, am) = before[(kugelman, india)], before[(akbar, india)]
        # every quote of Kugelman's is Akbar's now
        connection.execute(
            text("UPDATE quote SET speaker_id = :akbar WHERE speaker_id = :kugelman"),
            {"akbar": akbar, "kugelman": kugelman},
        )
        after = _network(connection)
        assert (kugelman, india) not in after
        assert after[(akbar, india)] == (aq + kq, am + km)
        # a quote loses its first character: the mention over its whole span is left outside
        connection.execute(
            text(
                "UPDATE quote SET span_start = span_start + 1, text = substr(text, 2)"
                " WHERE key = 'kugelman-1'"
            )
        )
        assert _network(connection)[(akbar, india)] == (aq + kq, am + km - 1)
        connection.execute(text("DELETE FROM quote WHERE speaker_id = :akbar"), {"akbar": akbar})
        assert [pair for pair in _network(connection) if pair[0] == akbar] == []


def test_deleting_the_article_or_truncating_empties_it(seeded: Engine, backend: str) -> None:
    with seeded.begin() as connection:
        connection.execute(text(_MENTION_EACH_QUOTE))
        assert _network(connection)
        if backend == "postgresql":
            connection.execute(text("TRUNCATE mention"))
            assert _network(connection) == {}
        connection.execute(text("DELETE FROM article"))
        assert _network(connection) == {}
        counted = connection.execute(text("SELECT COUNT(*) FROM article_geography_tally"))
        assert counted.scalar() == 0


def test_deleting_claims_and_parts_places_only_their_events(seeded: Engine) -> None:
    with seeded.begin() as connection:

        def placed() -> set[tuple[str, int]]:
            assert tally.differences(connection) == []
            rows = connection.execute(text("SELECT side, subject_id FROM article_geography_tally"))
            return set(map(tuple, rows))

        before = placed()
        # every claim about an event goes, in one statement
        connection.execute(text("DELETE FROM claim WHERE id IN (SELECT claim_id FROM claim_event)"))
        without_claims = placed()
        assert without_claims <= before
        connection.execute(text("DELETE FROM event_mention WHERE span_start > 4000"))
        fewer_events = placed()
        assert {s for s in fewer_events if s[0] == "event"} < {
            s for s in without_claims if s[0] == "event"
        }
        connection.execute(text("DELETE FROM event_participant WHERE role = 'participant'"))
        assert placed() <= fewer_events
        connection.execute(
            text(
                "UPDATE event_participant"
                " SET actor_id = (SELECT id FROM actor WHERE slug = 'india')"
                " WHERE id IN (SELECT MIN(id) FROM event_participant)"
            )
        )
        placed()
