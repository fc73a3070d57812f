"""Event participants belong to the article that states them (migration 0005).

Two articles report the same event and name different parties: each keeps its own, loading
one again leaves the other's alone, and each article's voice gaps count only its own parts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI, mini_again
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from newsdb import migrate, sourcing
from newsdb.loader import load_folder

EVENT = "bridge-collapse"


@pytest.fixture
def second(tmp_path: Path) -> Path:
    """The mini article again under another slug, naming Acme Corp, not Jane Doe, as the
    party to the same event."""

    def acme_takes_part(doc: dict) -> None:
        (event,) = [e for e in doc["events"] if e["slug"] == EVENT]
        event["participants"] = [{"actor": "acme-corp", "role": "initiator"}]

    return mini_again(tmp_path, acme_takes_part)


def _load(engine: Engine, folder: Path) -> None:
    with Session(engine) as session, session.begin():
        load_folder(session, folder)


def _parts(engine: Engine) -> set[tuple[str, str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT a.slug, x.slug, p.role FROM event_participant p"
                " JOIN article a ON a.id = p.article_id JOIN actor x ON x.id = p.actor_id"
            )
        )
        return {tuple(row) for row in rows}


def test_each_article_keeps_its_own_parties(engine: Engine, second: Path) -> None:
    _load(engine, MINI)
    _load(engine, second)
    both = {
        ("mini-bridge", "jane-doe", "participant"),
        ("mini-again", "acme-corp", "initiator"),
    }
    assert _parts(engine) == both
    _load(engine, MINI)  # again: nothing of the other article's changes
    assert _parts(engine) == both


def test_voice_gaps_count_the_articles_own_parties(engine: Engine, second: Path) -> None:
    _load(engine, MINI)
    _load(engine, second)
    with Session(engine) as session:
        roles = {(g.article, g.actor_slug): g.event_roles for g in sourcing.voice_gaps(session)}
        parties = {
            (g.article, g.subject_slug) for g in sourcing.geography(session) if g.side == "party"
        }
    assert roles[("mini-again", "acme-corp")] == 1
    assert roles[("mini-bridge", "acme-corp")] == 0  # mentioned there, no part in the event
    assert parties == set()  # neither names a state as a party


def test_a_downgrade_that_would_merge_two_lists_of_parties_is_refused(
    engine: Engine, second: Path
) -> None:
    """Before 0005 an event had one list of parties: merging the two articles' lists, and an
    upgrade giving the merged list to both, would change what each says, so it refuses."""
    _load(engine, MINI)
    _load(engine, second)
    before = _parts(engine)
    with pytest.raises(
        migrate.DowngradeRefused, match=r"below 0005: .*bridge-collapse \(mini-again, mini-bridge\)"
    ):
        migrate.downgrade(engine, "0004")
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _parts(engine) == before


def test_upgrade_copies_a_part_to_every_article_that_reports_its_event(
    engine: Engine, tmp_path: Path
) -> None:
    """Two articles naming the same parties go down (one list) and up (a copy each) unchanged.
    A part that the event held before 0005 goes to each article that reports the event."""
    _load(engine, MINI)
    _load(engine, mini_again(tmp_path, lambda doc: None))
    both = _parts(engine)
    assert len(both) == 2
    migrate.downgrade(engine, "0004")
    with engine.begin() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM event_participant")).scalar_one() == 1
        connection.execute(
            text(
                "INSERT INTO event_participant (event_id, actor_id, role, annotator_id)"
                " SELECT p.event_id, x.id, 'initiator', p.annotator_id"
                " FROM event_participant p, actor x WHERE x.slug = 'acme-corp'"
            )
        )
    migrate.upgrade(engine)
    assert _parts(engine) == {
        (article, actor, role)
        for article in ("mini-bridge", "mini-again")
        for actor, role in (("jane-doe", "participant"), ("acme-corp", "initiator"))
    }
    _load(engine, MINI)  # loading again gives the article exactly its own parts
    assert ("mini-bridge", "acme-corp", "initiator") not in _parts(engine)
