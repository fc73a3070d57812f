"""The per-article network tally (migration 0008): triggers keep, per article, each speaker and
the actors mentioned inside the speaker's quotes equal to a recount, whoever writes, on both
backends; ``v_quote_network`` reads it.

The mini article has no mention inside a quote, so each test places some by plain SQL, as a
SQL client would: "them" in Jane Doe's "We warned them," and "It" in her "It was a disaster,".
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from newsdb import migrate, sourcing, tally
from newsdb.loader import load_folder

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-iran-off-ramp"


def _pairs(connection: Connection) -> dict[tuple[str, str], tuple[int, int]]:
    """(speaker, mentioned) -> (quotes, mentions), after checking the tally against a recount."""
    assert tally.differences(connection) == []
    rows = connection.execute(
        text("SELECT speaker_slug, mentioned_slug, quotes, mentions FROM v_quote_network")
    )
    return {(s, m): (q, n) for s, m, q, n in rows}


def _mention(connection: Connection, actor: str, words: str) -> None:
    """A mention of ``actor`` at the first place the mini article says ``words``."""
    body = connection.execute(text("SELECT body FROM article")).scalar_one()
    start = body.index(words)
    connection.execute(
        text(
            "INSERT INTO mention (article_id, actor_id, span_start, span_end, text, annotator_id)"
            " SELECT a.id, x.id, :start, :end, :words, n.id"
            " FROM article a, actor x, annotator n WHERE x.slug = :actor"
        ),
        {"start": start, "end": start + len(words), "words": words, "actor": actor},
    )


def test_the_seed_fills_the_tally(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        load_folder(session, SEED)
    with engine.connect() as connection:
        pairs = _pairs(connection)
    # Asfandyar Mir's two segments name Pakistan three times: "if Pakistan let this pass ...
    # all of Pakistan's adversaries" and "Pakistan has risked a three-front dilemma"
    # (test_sourcing holds the whole view to its 0002 definition)
    assert pairs[("asfandyar-mir", "pakistan")] == (2, 3)
    with Session(engine) as session:
        assert len(sourcing.network_totals(session)) == len(pairs)


def test_mentions_inside_quotes_make_pairs(mini: Engine) -> None:
    with mini.begin() as connection:
        assert _pairs(connection) == {}
        _mention(connection, "officials", "them")
        assert _pairs(connection) == {("jane-doe", "officials"): (1, 1)}
        _mention(connection, "officials", "It")
        assert _pairs(connection) == {("jane-doe", "officials"): (2, 2)}
        _mention(connection, "jane-doe", "disaster")  # the speaker herself: no pair
        assert _pairs(connection) == {("jane-doe", "officials"): (2, 2)}


def test_moving_a_mention_or_a_quote_moves_the_pairs(mini: Engine) -> None:
    with mini.begin() as connection:
        _mention(connection, "officials", "them")
        _mention(connection, "officials", "It")
        # "It" moves out of the quote, onto "bridge" in the first sentence
        start = connection.execute(text("SELECT body FROM article")).scalar_one().index("bridge")
        connection.execute(
            text(
                "UPDATE mention SET span_start = :s, span_end = :e, text = 'bridge'"
                " WHERE text = 'It'"
            ),
            {"s": start, "e": start + len("bridge")},
        )
        assert _pairs(connection) == {("jane-doe", "officials"): (1, 1)}
        connection.execute(
            text(
                "UPDATE quote SET speaker_id = (SELECT id FROM actor WHERE slug = 'analysts')"
                " WHERE key = 'doe-2'"
            )
        )
        assert _pairs(connection) == {("analysts", "officials"): (1, 1)}
        connection.execute(text("DELETE FROM quote WHERE key = 'doe-2'"))
        assert _pairs(connection) == {}


def test_the_date_follows_and_deleting_the_article_empties_it(mini: Engine) -> None:
    with mini.begin() as connection:
        _mention(connection, "officials", "them")
        connection.execute(text("UPDATE article SET published_date = '2025-01-02'"))
        dates = connection.execute(text("SELECT published_date FROM article_network_tally"))
        assert [str(d) for (d,) in dates] == ["2025-01-02"]
        assert _pairs(connection)
        connection.execute(text("DELETE FROM article"))
        assert _pairs(connection) == {}


def test_truncating_counts_again(mini: Engine, backend: str) -> None:
    with mini.begin() as connection:
        _mention(connection, "officials", "them")
        table = "quote CASCADE" if backend == "postgresql" else "quote"
        verb = "TRUNCATE" if backend == "postgresql" else "DELETE FROM"
        connection.execute(text(f"{verb} {table}"))
        assert _pairs(connection) == {}


def test_downgrade_restores_the_view_and_upgrade_counts_again(mini: Engine) -> None:
    with mini.begin() as connection:
        _mention(connection, "officials", "them")
    migrate.downgrade(mini, "0007")
    with mini.begin() as connection:
        rows = connection.execute(text("SELECT speaker_slug, quotes FROM v_quote_network"))
        assert [tuple(r) for r in rows] == [("jane-doe", 1)]  # 0002's view, from the rows
        _mention(connection, "officials", "It")  # written while there is no tally
    migrate.upgrade(mini)
    with mini.connect() as connection:
        assert _pairs(connection) == {("jane-doe", "officials"): (2, 2)}
