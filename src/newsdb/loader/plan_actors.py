"""Planning steps: the actors, their aliases and mentions, and their affiliations."""

from __future__ import annotations

from typing import Any

from newsdb.annotation_errors import shown
from newsdb.loader.planner import _Planner, _ref
from newsdb.models import Affiliation, Mention


def _actor_rows(p: _Planner) -> tuple[dict[str, dict[str, Any]], dict[str, set[str]]]:
    """The actors (to upsert by slug), their aliases, and the rows of their mentions."""
    actor_rows, aliases = {}, {}
    for i, actor in p.each("actors"):
        p.known(actor.part_of, p.actors, "actor", "actors", i, "part_of")
        if actor.part_of == actor.slug:
            p.fail("an actor cannot be part of itself", "actors", i, "part_of")
        actor_rows[actor.slug] = {
            "name": actor.name,
            "kind": actor.kind,
            "sector": actor.sector,
            "country": actor.country,
            "wikidata_id": actor.wikidata,
            "note": actor.note,
            "parent_id": _ref("actor", actor.part_of),
        }
        aliases[actor.slug] = set(actor.aliases)
        p.mentions(Mention, "actor_id", ("actor", actor.slug), actor.mentions, "actors", i)
    p.acyclic("actors", "part_of")
    return actor_rows, aliases


def _affiliation_rows(p: _Planner) -> None:
    """A person's ties to organisations, placed at the words that state them."""
    for i, aff in p.each("affiliations"):
        p.known(aff.person, p.actors, "actor", "affiliations", i, "person")
        p.known(aff.organisation, p.actors, "actor", "affiliations", i, "organisation")
        found = p.place(aff.descriptor, "affiliations", i, "descriptor")
        if found is None:
            continue  # where the location is written is then no further question
        if aff.location_as_written and aff.location_as_written not in found.text:
            p.fail(
                f"{shown(aff.location_as_written)} is not in the descriptor {shown(found.text)}",
                "affiliations",
                i,
                "location_as_written",
            )
        p.rows[Affiliation].append(
            {
                "person_id": ("actor", aff.person),
                "organisation_id": _ref("actor", aff.organisation),
                "role": aff.role,
                "descriptor": found.text,
                "location": aff.location,
                "location_as_written": aff.location_as_written,
                "span_start": found.start,
                "span_end": found.end,
                "annotator_id": p.annotator,
                "confidence": aff.confidence,
            }
        )
