"""Planning step: what drafted annotations add (confidences, time expressions)."""

from __future__ import annotations

from newsdb.annotation_errors import shown
from newsdb.loader.planner import _Planner
from newsdb.models import Mention, TimeExpression


def _drafted_rows(p: _Planner) -> None:
    """What drafted annotations add (issue 10): each row's confidence, and the time expressions.

    A drafted actor's confidence goes on each of its mentions (the actor row is shared); the
    other rows took theirs as they were made.
    """
    by_actor = {("actor", a.slug): a.confidence for _, a in p.each("actors")}
    for row in p.rows[Mention]:
        row["confidence"] = by_actor[row["actor_id"]]
    spans: dict[tuple[int, int], int] = {}
    for i, time in p.each("times"):
        found = p.place(time.text, "times", i, "text")
        if found is None:
            continue
        if (found.start, found.end) in spans:
            p.fail(
                f"{shown(found.text)} at {found.start} is already"
                f" times[{spans[found.start, found.end]}]",
                "times",
                i,
                "text",
            )
            continue
        spans[found.start, found.end] = i
        p.rows[TimeExpression].append(
            {
                "span_start": found.start,
                "span_end": found.end,
                "as_written": found.text,
                "start_date": time.start,
                "end_date": time.end,
                "precision": time.precision,
                "resolution": time.resolution,
                "duration": time.duration,
                "confidence": time.confidence,
                "annotator_id": p.annotator,
            }
        )
