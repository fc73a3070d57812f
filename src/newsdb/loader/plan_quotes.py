"""Planning step: quotes, placed between their marks, and segments ordered after the ones
they continue.
"""

from __future__ import annotations

from typing import Any

from newsdb.annotation_errors import shown
from newsdb.loader.planner import _cue, _Planner, _ref
from newsdb.models import Quote
from newsdb.vocab import QuoteKind


def _quote_rows(p: _Planner) -> None:
    """Quotes: direct and partial quotes are exactly the words between “ and ”; a segment
    comes after the one it continues."""
    body = p.body
    for i, quote in p.each("quotes"):
        p.known(quote.speaker, p.actors, "actor", "quotes", i, "speaker")
        p.known(quote.continues, p.quotes, "quote", "quotes", i, "continues")
        if quote.continues == quote.id:
            p.fail("a quote cannot continue itself", "quotes", i, "continues")
        found = p.place(quote.text, "quotes", i, "text")
        if (
            found
            and quote.kind != QuoteKind.INDIRECT
            and not between_marks(body, found.start, found.end)
        ):
            p.fail(
                f"a {quote.kind} quote is the words between “ and ” (or straight marks), and"
                f" {shown(found.text)} is not",
                "quotes",
                i,
                "text",
            )
        cue = p.cue(quote.cue, "quotes", i, "cue") if quote.cue else None
        if found is None:
            continue
        p.rows[Quote].append(
            {
                "key": quote.id,
                "speaker_id": ("actor", quote.speaker),
                "kind": quote.kind,
                "text": found.text,
                "span_start": found.start,
                "span_end": found.end,
                **_cue(cue),
                "continues_id": _ref("quote", quote.continues),
                "annotator_id": p.annotator,
                "confidence": quote.confidence,
            }
        )
    _check_continuations(p)


def _check_continuations(p: _Planner) -> None:
    """Segments that continue each other in a ring are a problem; with no problem at all,
    the quote rows are put in the order they are stored in."""
    valid = {q.id for _, q in p.each("quotes")}
    links = [
        {"key": q.id, "continues_id": ("quote", q.continues) if q.continues in valid else None}
        for _, q in p.each("quotes")
    ]
    for link in links:  # a segment that continues itself is a problem of its own
        if link["continues_id"] == ("quote", link["key"]):
            link["continues_id"] = None
    try:
        _continued_first(links)
    except ValueError as error:
        p.fail(str(error), "quotes")
        return
    if p.whole and not p.problems:  # every segment placed: each after the one it continues
        p.rows[Quote] = _continued_first(p.rows[Quote])


#: the marks that open and close a quote; a quote that runs on into the next paragraph has no
#: closing mark at the end of each paragraph but the last
_OPENING, _CLOSING = '“"', '”"'


def between_marks(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is the words of a quote: after an opening mark, before a
    closing one (or the end of its paragraph, for a quote that runs on)."""
    before, after = body[start - 1 : start], body[end : end + 1]
    return start > 0 and before in _OPENING and (after in _CLOSING or after in ("\n", "\r", ""))


def _continued_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quote segments ordered so that each comes after the one it continues."""
    done, ordered, pending = set(), [], list(rows)
    while pending:
        ready = [r for r in pending if r["continues_id"] is None or r["continues_id"][1] in done]
        if not ready:
            raise ValueError(
                "quote continuations form a cycle: " + ", ".join(r["key"] for r in pending)
            )
        for r in ready:
            ordered.append(r)
            done.add(r["key"])
        pending = [r for r in pending if r not in ready]
    return ordered
