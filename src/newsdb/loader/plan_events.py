"""Planning steps: the events, what the article says of each, their parties, and the check
that every event listed is one the article reports.
"""

from __future__ import annotations

from typing import Any

from newsdb.annotation_errors import shown
from newsdb.loader.planner import _Planner, _ref
from newsdb.models import EventMention, EventParticipant, EventReport


def _event_rows(p: _Planner) -> dict[str, dict[str, Any]]:
    """The events (to upsert by slug), what this article says of each, their parties and
    where the article reports them."""
    event_rows = {}
    for i, ev in p.each("events"):
        p.known(ev.parent, p.events, "event", "events", i, "parent")
        if ev.parent == ev.slug:
            p.fail("an event cannot be its own parent", "events", i, "parent")
        fat = ev.fatalities
        if fat:
            p.known(fat.reported_by, p.actors, "actor", "events", i, "fatalities", "reported_by")
        for words, where in (
            (ev.date.as_written, ("date", "as_written")),
            (fat and fat.as_written, ("fatalities", "as_written")),
        ):
            if words and words not in p.body:
                p.fail(f"{shown(words)} is not in the article text", "events", i, *where)
        event_rows[ev.slug] = {
            "name": ev.name,
            "event_type": ev.type,
            "parent_id": _ref("event", ev.parent),
            "start_date": ev.date.start,
            "end_date": ev.date.end,
            "date_precision": ev.date.precision,
            "date_resolution": ev.date.resolution,
            "date_source": ev.date.source,
            "location": ev.location,
            "country": ev.country,
        }
        # what this article says of the event, kept with the article's other rows
        p.rows[EventReport].append(
            {
                "event_id": ("event", ev.slug),
                "date_as_written": ev.date.as_written,
                "fatalities": fat.count if fat else None,
                "fatalities_as_written": fat.as_written if fat else None,
                "fatalities_reported_by_id": _ref("actor", fat.reported_by) if fat else None,
                "fatalities_attribution": fat.attribution if fat else None,
                "annotator_id": p.annotator,
            }
        )
        _participant_rows(p, ev, i)
        p.mentions(EventMention, "event_id", ("event", ev.slug), ev.mentions, "events", i)
    p.acyclic("events", "parent")
    return event_rows


def _participant_rows(p: _Planner, ev, i: int) -> None:
    parts = set()  # the same part named twice is one row
    for j, part in enumerate(ev.participants):
        p.known(part.actor, p.actors, "actor", "events", i, "participants", j, "actor")
        if (part.actor, part.role) not in parts:
            parts.add((part.actor, part.role))
            p.rows[EventParticipant].append(
                {
                    "event_id": ("event", ev.slug),
                    "actor_id": ("actor", part.actor),
                    "role": part.role,
                    "annotator_id": p.annotator,
                }
            )


def _check_events_reported(p: _Planner) -> None:
    """An event the article lists is one it reports: in its words, or in what a claim is about
    (an event known only from elsewhere is not the article's to list). A claim that failed
    validation still names its events, as read."""
    claimed = set()
    for i, claim in enumerate(p.doc.claims):
        events = claim.events if claim is not None else p.given("claims", i, "events")
        claimed.update(e for e in events if isinstance(e, str)) if isinstance(events, list) else ()
    for i, ev in p.each("events"):
        if not ev.mentions and ev.slug not in claimed:
            p.fail(
                "the article neither mentions this event nor makes a claim about it:"
                " give its mentions, or name it in a claim's events",
                "events",
                i,
            )
