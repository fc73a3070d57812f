"""The per-article geography tally (migration 0009): triggers keep, per article, each source,
event and party state with its country and place equal to a recount, whoever writes, on both
backends; ``v_geography_tally`` shows it and ``geography_by_country`` groups it.

The mini article has three sources (Jane Doe, of Acme Corp; officials; analysts), one event and
no place or country anywhere, so each test gives some by plain SQL, as a SQL client would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import mini_again
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from newsdb import migrate, sourcing, tally
from newsdb.loader import load_folder

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-iran-off-ramp"

#: the mini article's rows before any change: (side, subject, country, place)
MINI_ROWS = {
    ("source", "jane-doe", None, None),
    ("source", "officials", None, None),
    ("source", "analysts", None, None),
    ("event", "bridge-collapse", None, None),
}


def _rows(connection: Connection) -> set[tuple]:
    """The rows of v_geography_tally, after checking the tally against a recount."""
    assert tally.differences(connection) == []
    rows = connection.execute(
        text("SELECT side, subject_slug, country, place FROM v_geography_tally")
    )
    return {tuple(r) for r in rows}


def _changed(connection: Connection, sql: str, **params) -> set[tuple]:
    """The rows that differ from the mini article's first ones after ``sql``."""
    connection.execute(text(sql), params)
    return _rows(connection) ^ MINI_ROWS


def _state(connection: Connection, slug: str, name: str, country: str) -> None:
    connection.execute(
        text("INSERT INTO actor (slug, name, kind, country) VALUES (:s, :n, 'state', :c)"),
        {"s": slug, "n": name, "c": country},
    )


def _source(rows: set[tuple], slug: str) -> tuple:
    (row,) = [r for r in rows if r[:2] == ("source", slug)]
    return row


def test_the_seed_fills_the_tally_and_the_view_grouped_is_the_helper(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        load_folder(session, SEED)
    with engine.connect() as connection:
        rows = _rows(connection)
        grouped = connection.execute(
            text(
                "SELECT country,"
                " SUM(CASE WHEN side = 'source' THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN side = 'event' THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN side = 'party' THEN 1 ELSE 0 END)"
                " FROM v_geography_tally GROUP BY country"
            )
        ).all()
    # Madiha Afzal is a source "in Washington"; the text gives her think tank no country
    assert ("source", "madiha-afzal", None, "Washington") in rows
    with Session(engine) as session:
        counted = sourcing.geography_by_country(session)
    assert {tuple(r) for r in grouped} == {
        (p.country, p.sources, p.events, p.party_states) for p in counted
    }
    assert sum(p.sources + p.events + p.party_states for p in counted) == len(rows)


def test_loading_and_reloading_articles_keeps_each_its_own(mini: Engine, tmp_path) -> None:
    """A second article that bases Jane Doe in Leeds and makes a state a party: its rows are
    its own, and loading it again, edited, replaces them and leaves the first article's."""

    def leeds(doc: dict) -> None:
        doc["affiliations"][0]["location"] = "Leeds"
        doc["actors"].append(
            {"slug": "britain", "name": "Britain", "kind": "state", "country": "GB"}
        )
        doc["events"][0]["participants"].append({"actor": "britain", "role": "affected"})

    def by_article(engine: Engine) -> dict[str, set[tuple]]:
        with engine.connect() as connection:
            assert tally.differences(connection) == []
            rows = connection.execute(
                text("SELECT article, side, subject_slug, country, place FROM v_geography_tally")
            )
            found: dict[str, set[tuple]] = {}
            for article, *row in rows:
                found.setdefault(article, set()).add(tuple(row))
            return found

    with Session(mini) as session, session.begin():
        load_folder(session, mini_again(tmp_path / "a", leeds))
    rows = by_article(mini)
    assert rows["mini-bridge"] == MINI_ROWS
    assert rows["mini-again"] == (MINI_ROWS - {("source", "jane-doe", None, None)}) | {
        ("source", "jane-doe", None, "Leeds"),
        ("party", "britain", "GB", "Britain"),
    }
    with Session(mini) as session, session.begin():  # the part taken back
        load_folder(session, mini_again(tmp_path / "b", lambda doc: None))
    rows = by_article(mini)
    assert rows["mini-again"] == rows["mini-bridge"] == MINI_ROWS


def test_a_source_is_placed_by_itself_its_organisation_or_its_parent(mini: Engine) -> None:
    with mini.begin() as connection:
        assert _rows(connection) == MINI_ROWS
        # Jane Doe's country is Acme Corp's, her place her affiliation's
        connection.execute(text("UPDATE actor SET country = 'GB' WHERE slug = 'acme-corp'"))
        connection.execute(text("UPDATE affiliation SET location = 'Leeds'"))
        assert _source(_rows(connection), "jane-doe") == ("source", "jane-doe", "GB", "Leeds")
        connection.execute(text("UPDATE actor SET country = 'US' WHERE slug = 'jane-doe'"))
        assert _source(_rows(connection), "jane-doe")[2] == "US"  # her own comes first
        connection.execute(text("DELETE FROM affiliation"))
        assert _source(_rows(connection), "jane-doe") == ("source", "jane-doe", "US", None)
        # the officials are part of a state: its country, and it follows
        _state(connection, "britain", "Britain", "GB")
        connection.execute(
            text(
                "UPDATE actor SET parent_id = (SELECT id FROM actor WHERE slug = 'britain')"
                " WHERE slug = 'officials'"
            )
        )
        assert _source(_rows(connection), "officials")[2] == "GB"
        connection.execute(text("UPDATE actor SET country = 'IE' WHERE slug = 'britain'"))
        assert _source(_rows(connection), "officials")[2] == "IE"
        connection.execute(text("DELETE FROM actor WHERE slug = 'britain'"))  # SET NULL
        assert _source(_rows(connection), "officials")[2] is None


def test_events_and_party_states_follow_their_rows(mini: Engine) -> None:
    with mini.begin() as connection:
        assert _changed(connection, "UPDATE event SET country = 'GB', location = 'Leeds'") == {
            ("event", "bridge-collapse", None, None),
            ("event", "bridge-collapse", "GB", "Leeds"),
        }
        connection.execute(text("UPDATE event SET country = NULL, location = NULL"))
        # a state taking part in the event, as the article states it; Jane Doe's part, a
        # person's, places nothing
        _state(connection, "britain", "Britain", "GB")
        party = (
            "INSERT INTO event_participant (article_id, event_id, actor_id, role, annotator_id)"
            " SELECT a.id, e.id, x.id, :role, n.id"
            " FROM article a, event e, actor x, annotator n WHERE x.slug = 'britain'"
        )
        assert _changed(connection, party, role="affected") == {
            ("party", "britain", "GB", "Britain")
        }
        connection.execute(text(party), {"role": "initiator"})  # one party, two parts
        assert _changed(connection, "UPDATE actor SET name = 'UK' WHERE slug = 'britain'") == {
            ("party", "britain", "GB", "UK")
        }
        assert (
            _changed(connection, "UPDATE actor SET kind = 'organisation' WHERE slug = 'britain'")
            == set()
        )
        connection.execute(text("UPDATE actor SET kind = 'state' WHERE slug = 'britain'"))
        connection.execute(text("DELETE FROM event_participant WHERE role = 'initiator'"))
        assert ("party", "britain", "GB", "UK") in _rows(connection)  # its other part
        connection.execute(text("DELETE FROM actor WHERE slug = 'britain'"))  # parts cascade
        assert _rows(connection) == MINI_ROWS
        # deleting the event takes its mentions, claims' links and parts with it
        _state(connection, "france", "France", "FR")
        connection.execute(text(party.replace("'britain'", "'france'")), {"role": "affected"})
        assert _changed(connection, "DELETE FROM event") == {
            ("event", "bridge-collapse", None, None)
        }


def test_an_event_stays_while_mentioned_or_claimed_about(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("DELETE FROM event_mention"))
        assert _rows(connection) == MINI_ROWS  # two claims are still about it
        # the officials' claim goes, and with it the officials as a source
        assert _changed(connection, "DELETE FROM claim WHERE key = 'bridge-fell'") == {
            ("source", "officials", None, None)
        }
        assert _changed(connection, "DELETE FROM claim_event") == {
            ("source", "officials", None, None),
            ("event", "bridge-collapse", None, None),
        }


def test_deleting_the_last_claim_about_an_event_removes_it(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("DELETE FROM event_mention"))
        connection.execute(
            text(
                "DELETE FROM claim_event WHERE claim_id ="
                " (SELECT id FROM claim WHERE key = 'bridge-fell')"
            )
        )
        assert _rows(connection) == MINI_ROWS
        # Jane Doe is still quoted, so only the claim's events change
        assert _changed(connection, "DELETE FROM claim WHERE key = 'disaster'") == {
            ("event", "bridge-collapse", None, None)
        }


def test_a_source_stays_while_quoted_or_credited(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("DELETE FROM quote"))
        assert _rows(connection) == MINI_ROWS  # Jane Doe is still credited with a claim
        assert _changed(connection, "DELETE FROM claim WHERE key = 'disaster'") == {
            ("source", "jane-doe", None, None)  # still mentioned, no longer heard
        }


def test_the_date_follows_and_deleting_the_article_empties_it(mini: Engine) -> None:
    with mini.begin() as connection:
        connection.execute(text("UPDATE article SET published_date = '2025-01-02'"))
        dates = connection.execute(text("SELECT DISTINCT published_date FROM v_geography_tally"))
        assert [str(d) for (d,) in dates] == ["2025-01-02"]
        assert _rows(connection) == MINI_ROWS
        connection.execute(text("DELETE FROM article"))
        assert _rows(connection) == set()


@pytest.mark.parametrize("table", ["event_mention, claim_event", "affiliation"])
def test_truncating_counts_again(mini: Engine, backend: str, table: str) -> None:
    with mini.begin() as connection:
        connection.execute(text("UPDATE actor SET country = 'GB' WHERE slug = 'acme-corp'"))
        if backend == "postgresql":
            connection.execute(text(f"TRUNCATE {table}"))
        else:
            for name in table.split(", "):
                connection.execute(text(f"DELETE FROM {name}"))
        rows = _rows(connection)
        # without its affiliation Jane Doe is no longer placed by Acme Corp
        assert _source(rows, "jane-doe")[2] == (None if table == "affiliation" else "GB")
        assert (("event", "bridge-collapse", None, None) in rows) == (table == "affiliation")


def test_downgrade_drops_it_and_upgrade_counts_again(mini: Engine) -> None:
    migrate.downgrade(mini, "0008")
    with mini.begin() as connection:
        tables = connection.execute(text("SELECT * FROM v_source_geography")).all()
        assert tables  # the listing does not need the tally
        connection.execute(text("UPDATE event SET country = 'GB'"))  # no trigger to fire
    migrate.upgrade(mini)
    with mini.connect() as connection:
        assert ("event", "bridge-collapse", "GB", None) in _rows(connection)
