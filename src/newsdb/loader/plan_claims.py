"""Planning steps: claims, the events and quotes they rest on, their relations to other
claims, and their checks against the record.
"""

from __future__ import annotations

from newsdb.annotation_errors import shown
from newsdb.loader.planner import _cue, _Planner, _ref
from newsdb.models import Claim, ClaimCheck, ClaimEvent, ClaimQuote, ClaimRelation


def _claim_rows(p: _Planner) -> None:
    """Claims, the events they are about, the quotes they rest on, how they relate to other
    claims, and their checks against the record."""
    for i, claim in p.each("claims"):
        p.known(claim.source, p.actors, "actor", "claims", i, "source")
        found = p.place(claim.text, "claims", i, "text")
        cue = p.cue(claim.cue, "claims", i, "cue") if claim.cue else None
        if found is not None:
            p.rows[Claim].append(
                {
                    "key": claim.id,
                    "text": found.text,
                    "span_start": found.start,
                    "span_end": found.end,
                    "proposition": claim.proposition,
                    "attribution_mode": claim.mode,
                    "source_id": _ref("actor", claim.source),
                    **_cue(cue),
                    "certainty": claim.certainty,
                    "annotator_id": p.annotator,
                    "confidence": claim.confidence,
                }
            )
        me = ("claim", claim.id)
        for j, slug in enumerate(dict.fromkeys(claim.events)):
            if p.known(slug, p.events, "event", "claims", i, "events", j):
                p.rows[ClaimEvent].append({"claim_id": me, "event_id": ("event", slug)})
        for j, key in enumerate(dict.fromkeys(claim.quotes)):
            if p.known(key, p.quotes, "quote", "claims", i, "quotes", j):
                p.rows[ClaimQuote].append({"claim_id": me, "quote_id": ("quote", key)})
        if claim.corroborates or claim.conflicts:  # most claims relate to none
            _relation_rows(p, claim, i)
        if claim.checks:
            _check_rows(p, claim, i)


def _relation_rows(p: _Planner, claim, i: int) -> None:
    for relation in ("corroborates", "conflicts"):
        for j, key in enumerate(dict.fromkeys(getattr(claim, relation))):
            if not p.known(key, p.claims, "claim", "claims", i, relation, j):
                continue
            if key == claim.id:
                p.fail(
                    f"a claim cannot be said to {relation.removesuffix('s')} itself",
                    "claims",
                    i,
                    relation,
                    j,
                )
                continue
            p.rows[ClaimRelation].append(
                {
                    "claim_id": ("claim", claim.id),
                    "other_claim_id": ("claim", key),
                    "relation": relation,
                }
            )


def _check_rows(p: _Planner, claim, i: int) -> None:
    aspects = set()
    for j, check in enumerate(claim.checks):
        if check.aspect in aspects:
            p.fail(
                f"the claim is checked twice for {shown(check.aspect)}", "claims", i, "checks", j
            )
            continue
        aspects.add(check.aspect)
        p.rows[ClaimCheck].append(
            {
                "claim_id": ("claim", claim.id),
                "aspect": check.aspect,
                "stated_value": check.stated,
                "checked_value": check.checked,
                "verdict": check.verdict,
                "source": check.source,
                "note": check.note,
                "annotator_id": p.annotator,
            }
        )
