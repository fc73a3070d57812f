"""The geography tally of a batch's new articles, placed as their rows are written, as
:data:`newsdb.tally.TALLIES` places them (``article_geography_tally``).

What an article gives the tally is its own: its sources (the speakers of its quotes and the
sources of its claims) with the first affiliation of each in the article, the events it
mentions or makes claims about, and the actors it names as parties to those. Where they are
is the shared actors' and events' (country, parent, kind, name, location), which any article
of the batch may set as it is stored. So :class:`Places` takes the article's part when its
rows are held and reads the shared rows when they are written (:meth:`Places.rows`, from
:meth:`newsdb.batch_write.NewArticles.flush`): by then every article held has stored its
shared rows, and a shared row changed later in the batch reaches the articles written before
through its triggers (they stay on during a bulk load, :mod:`newsdb.batch_tally`), as it
does any stored article. No temporary tables, no recount in SQL: on PostgreSQL the recount
and its temporary tables took more of the server's time than writing the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

from newsdb import plan_tally, tally
from newsdb.models import Affiliation, Claim, ClaimEvent, EventMention, EventParticipant, Quote

TABLE = "article_geography_tally"
COLUMNS = tally.TALLIES[TABLE][0]
#: ids asked for in one query at most (SQLite's limit of bound values was 999 before 3.32)
_CHUNK = 900


@dataclass
class Part:
    """One article's part: each source with its first affiliation's organisation and place,
    the events it reports, the actors it names as their parties, and its date. By natural key
    as a worker takes it from the plan alone; by id once its shared rows are stored."""

    date: str | None
    sources: dict[Any, tuple[Any, str | None]]
    events: set
    parties: set


def part_of(plan) -> Part:
    """The article's part of the tally, from its plan: the one :func:`newsdb.bulk.ready`
    took already (in a worker process, with ``--jobs``), where it did."""
    if plan.places is not None:
        return plan.places
    rows = plan.rows
    heard = {q["speaker_id"] for q in rows[Quote]}
    heard.update(c["source_id"] for c in rows[Claim] if c["source_id"] is not None)
    first: dict[Any, Any] = {}  # a person's affiliation nearest the start of the text
    for f in rows[Affiliation]:
        if f["person_id"] in heard:
            known = first.get(f["person_id"])
            if known is None or f["span_start"] < known["span_start"]:
                first[f["person_id"]] = f
    sources = {}
    for actor in heard:
        f = first.get(actor)
        sources[actor] = (f["organisation_id"], f["location"]) if f else (None, None)
    claims = {("claim", c["key"]) for c in rows[Claim]}
    events = {m["event_id"] for m in rows[EventMention]}
    events.update(e["event_id"] for e in rows[ClaimEvent] if e["claim_id"] in claims)
    parties = {p["actor_id"] for p in rows[EventParticipant] if p["event_id"] in events}
    return Part(plan_tally.iso_date(plan.article["published_date"]), sources, events, parties)


def _by_id(part: Part, ids: dict) -> Part:
    """``part`` with ids for its natural keys (``ids``: :attr:`newsdb.loader.Keys.ids`)."""
    sources = {
        ids[actor]: (None if organisation is None else ids[organisation], place)
        for actor, (organisation, place) in part.sources.items()
    }
    events = {ids[e] for e in part.events}
    return Part(part.date, sources, events, {ids[p] for p in part.parties})


class Places:
    """The geography of the articles held for a batch, placed when they are written."""

    def __init__(self) -> None:
        self.held: list[tuple[int, Part]] = []  # (article id, its part by id)

    def add(self, plan, article_id: int, ids: dict) -> None:
        """Take the article's part (its shared rows are stored, their ids in ``ids``)."""
        self.held.append((article_id, _by_id(part_of(plan), ids)))

    def rows(self, connection: Connection) -> list[tuple]:
        """The tally's rows of the articles held (in :data:`COLUMNS` order), placed by the
        shared rows as they stand; the articles are then forgotten."""
        held, self.held = self.held, []
        wanted = set()
        for _, h in held:
            wanted.update(h.sources, (o for o, _ in h.sources.values() if o), h.parties)
        actors = _actors(connection, wanted)
        events = _events(connection, {e for _, h in held for e in h.events})
        out = []
        for article_id, h in held:
            for id_, (organisation, place) in h.sources.items():
                own, _kind, _name, parent = actors[id_]
                theirs = actors[organisation][0] if organisation is not None else None
                country = next((c for c in (own, theirs, parent) if c is not None), None)
                out.append((article_id, "source", id_, h.date, country, place))
            for id_ in h.events:
                out.append((article_id, "event", id_, h.date, *events[id_]))
            for id_ in h.parties:
                country, kind, name, _parent = actors[id_]
                if kind == "state":
                    out.append((article_id, "party", id_, h.date, country, name))
        return out


def _actors(connection: Connection, ids: set[int]) -> dict[int, tuple]:
    """id -> (country, kind, name, its parent's country) of the actors ``ids``."""
    query = text(
        "SELECT a.id, a.country, a.kind, a.name, p.country FROM actor a"
        " LEFT JOIN actor p ON p.id = a.parent_id WHERE a.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    return {row[0]: tuple(row[1:]) for row in _chunked(connection, query, ids)}


def _events(connection: Connection, ids: set[int]) -> dict[int, tuple]:
    """id -> (country, location) of the events ``ids``."""
    query = text("SELECT id, country, location FROM event WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return {row[0]: tuple(row[1:]) for row in _chunked(connection, query, ids)}


def _chunked(connection: Connection, query, ids: set[int]):
    ordered = sorted(ids)
    for at in range(0, len(ordered), _CHUNK):
        yield from connection.execute(query, {"ids": ordered[at : at + _CHUNK]})
