"""The per-article tallies (migration 0004): the triggers keep them equal to a recount of the
rows they count, whoever writes and however, on both backends.

Each test writes plain SQL, as a SQL client would, then holds the stored tallies to a recount
from the base tables (``newsdb.tally.differences``) and checks the one count it changed
against a number worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newsdb import sourcing, tally
from newsdb.cli import main
from newsdb.loader import load_folder

MINI = Path(__file__).parent / "data" / "mini"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-iran-off-ramp"


def _id(connection, table: str, slug: str) -> int:
    return connection.scalar(text(f"SELECT id FROM {table} WHERE slug = :s"), {"s": slug})


def _counts(connection, actor: str) -> tuple | None:
    row = connection.execute(
        text(
            "SELECT t.mentions, t.quotes, t.words_quoted, t.claims, t.published_date"
            " FROM article_actor_tally t JOIN actor a ON a.id = t.actor_id"
            " WHERE a.slug = :s"
        ),
        {"s": actor},
    ).one_or_none()
    return None if row is None else (*row[:4], str(row[4]))


def _modes(connection) -> dict[str, int]:
    rows = connection.execute(text("SELECT attribution_mode, claims FROM article_mode_tally"))
    return {mode: claims for mode, claims in rows}


def _assert_recounted(connection) -> None:
    assert tally.differences(connection) == []


def test_loading_fills_the_tallies(mini: Engine) -> None:
    with mini.connect() as connection:
        _assert_recounted(connection)
        # Jane Doe: two mentions, two direct quotes of 4 and 3 words ("It was a disaster,",
        # "We warned them,"); the mini annotation credits her with one claim
        assert _counts(connection, "jane-doe") == (2, 2, 7, 1, "2024-03-05")
        assert sum(_modes(connection).values()) == connection.scalar(
            text("SELECT COUNT(*) FROM claim")
        )


def test_deleting_a_quote_takes_it_out(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("DELETE FROM quote WHERE key = 'doe-2'"))
        assert _counts(connection, "jane-doe") == (2, 1, 4, 1, "2024-03-05")
        _assert_recounted(connection)


def test_moving_a_quote_to_another_speaker_moves_its_counts(mini: Engine) -> None:
    with mini.begin() as connection:
        acme = _id(connection, "actor", "acme-corp")
        connection.execute(
            text("UPDATE quote SET speaker_id = :a WHERE key = 'doe-1'"), {"a": acme}
        )
        assert _counts(connection, "jane-doe") == (2, 1, 3, 1, "2024-03-05")
        assert _counts(connection, "acme-corp") == (1, 1, 4, 0, "2024-03-05")
        _assert_recounted(connection)


def test_changing_a_quote_kind_or_text_recounts_its_words(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("UPDATE quote SET kind = 'indirect' WHERE key = 'doe-2'"))
        assert _counts(connection, "jane-doe") == (2, 2, 4, 1, "2024-03-05")
        _assert_recounted(connection)


def test_a_claim_that_loses_its_source_leaves_the_source_and_changes_mode(mini: Engine) -> None:
    with mini.begin() as connection:
        before = _modes(connection)
        key, mode = connection.execute(
            text(
                "SELECT c.key, c.attribution_mode FROM claim c JOIN actor a"
                " ON a.id = c.source_id WHERE a.slug = 'jane-doe'"
            )
        ).one()
        connection.execute(
            text("UPDATE claim SET attribution_mode = 'passive', source_id = NULL WHERE key = :k"),
            {"k": key},
        )
        # her mentions and quotes keep the row; the claim is gone from it
        assert _counts(connection, "jane-doe") == (2, 2, 7, 0, "2024-03-05")
        after = _modes(connection)
        assert after.get(mode, 0) == before[mode] - 1
        assert after["passive"] == before.get("passive", 0) + 1
        _assert_recounted(connection)


def test_a_new_mention_of_a_new_actor_adds_a_row_and_its_removal_deletes_it(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO actor (slug, name, kind, sector)"
                " VALUES ('bystander', 'a bystander', 'person', 'unknown')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO mention (article_id, actor_id, text, span_start, span_end,"
                " annotator_id)"
                " SELECT m.article_id, (SELECT id FROM actor WHERE slug = 'bystander'),"
                " m.text, m.span_start, m.span_end, m.annotator_id"
                " FROM mention m JOIN actor a ON a.id = m.actor_id WHERE a.slug = 'acme-corp'"
            )
        )
        assert _counts(connection, "bystander") == (1, 0, 0, 0, "2024-03-05")
        _assert_recounted(connection)
        connection.execute(
            text(
                "DELETE FROM mention WHERE actor_id = (SELECT id FROM actor"
                " WHERE slug = 'bystander')"
            )
        )
        assert _counts(connection, "bystander") is None
        _assert_recounted(connection)


def test_the_article_date_follows_into_the_tallies(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(
            text("UPDATE article SET published_date = '2025-01-02' WHERE slug = 'mini-bridge'")
        )
        assert _counts(connection, "jane-doe")[4] == "2025-01-02"
        _assert_recounted(connection)
        connection.execute(
            text(
                "UPDATE article SET published_date = NULL, published_precision = NULL"
                " WHERE slug = 'mini-bridge'"
            )
        )
        assert _counts(connection, "jane-doe")[4] == "None"
        dates = connection.scalars(text("SELECT DISTINCT published_date FROM article_mode_tally"))
        assert dates.all() == [None]
        _assert_recounted(connection)


def test_deleting_the_article_deletes_its_tallies(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("DELETE FROM article WHERE slug = 'mini-bridge'"))
        assert connection.scalar(text("SELECT COUNT(*) FROM article_actor_tally")) == 0
        assert connection.scalar(text("SELECT COUNT(*) FROM article_mode_tally")) == 0


def test_reloading_the_article_leaves_the_tallies_as_they_were(mini: Engine) -> None:
    query = text("SELECT * FROM article_actor_tally ORDER BY article_id, actor_id")
    with mini.connect() as connection:
        before = connection.execute(query).all()
    with Session(mini) as session, session.begin():
        load_folder(session, MINI)
    with mini.connect() as connection:
        assert connection.execute(query).all() == before
        _assert_recounted(connection)


def test_truncating_a_counted_table_recounts(mini: Engine, backend: str) -> None:
    """PostgreSQL's TRUNCATE fires no row trigger; a statement trigger counts again. SQLite
    has no TRUNCATE, and its DELETE without WHERE fires the row triggers."""
    statement = "TRUNCATE mention" if backend == "postgresql" else "DELETE FROM mention"
    with mini.begin() as connection:
        connection.execute(text(statement))
        assert _counts(connection, "jane-doe") == (0, 2, 7, 1, "2024-03-05")
        assert _counts(connection, "acme-corp") is None  # only ever mentioned
        _assert_recounted(connection)


def test_a_negative_count_is_refused(mini: Engine) -> None:
    with pytest.raises(IntegrityError, match="counts_not_negative"), mini.begin() as connection:
        connection.execute(text("UPDATE article_actor_tally SET quotes = -1"))


def test_verify_reports_a_tampered_tally_and_rebuild_mends_it(mini: Engine, database_url) -> None:
    with mini.begin() as connection:
        connection.execute(text("UPDATE article_actor_tally SET mentions = mentions + 5"))
    result = CliRunner().invoke(main, ["--database", database_url, "verify"])
    assert result.exit_code == 1
    assert "mini-bridge: article_actor_tally" in result.output
    assert "no match in the recount" in result.output
    with mini.begin() as connection:
        tally.rebuild(connection)
        _assert_recounted(connection)
    result = CliRunner().invoke(main, ["--database", database_url, "verify"])
    assert result.exit_code == 0, result.output
    assert "every tally its rows" in result.output


def test_totals_count_an_actor_heard_in_one_article_and_only_mentioned_in_another(
    mini: Engine,
) -> None:
    """ "analysts" are credited with a claim in both articles; once the mini article's claim
    is passive, they are heard in one and only mentioned in the other, and each total counts
    only its own articles."""
    with Session(mini) as session, session.begin():
        load_folder(session, SEED)
    with Session(mini) as session:
        before = {r.actor_slug: r for r in sourcing.source_totals(session)}["analysts"]
    with mini.begin() as connection:
        connection.execute(
            text(
                "UPDATE claim SET attribution_mode = 'passive', source_id = NULL"
                " WHERE key = 'more-will-fall'"
            )
        )
    with Session(mini) as session:
        heard = {r.actor_slug: r for r in sourcing.source_totals(session)}["analysts"]
        unheard = {r.actor_slug: r for r in sourcing.unheard_totals(session)}["analysts"]
    assert before.articles == 2
    # the seed's analysts: still heard there, with their seed mentions only
    mini_mentions = 1  # "Analysts", once in the mini article
    assert (heard.articles, heard.claims) == (1, before.claims - 1)
    assert heard.mentions == before.mentions - mini_mentions
    assert (unheard.articles, unheard.mentions, unheard.heard_in) == (1, mini_mentions, 1)
