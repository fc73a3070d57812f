"""Finding the annotation's quoted words in the article: text references become offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdb.annotation import EveryOccurrence, Span
from newsdb.annotation_errors import shown


class TextRefError(ValueError):
    """The words cannot be placed in the text; the message says why."""


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str


def _occurrences(haystack: str, words: str, offset: int = 0) -> list[int]:
    found, at = [], haystack.find(words)
    while at != -1:
        found.append(at + offset)
        at = haystack.find(words, at + 1)
    return found


def _pick(starts: list[int], words: str, occurrence: int | None, where: str) -> int:
    if not starts:
        raise TextRefError(f"{shown(words)} is not in {where}")
    if occurrence is None:
        if len(starts) > 1:
            raise TextRefError(
                f"{shown(words)} occurs {len(starts)} times in {where}: give an occurrence (1-{len(starts)})"
                " or a context"
            )
        return starts[0]
    if occurrence > len(starts):
        raise TextRefError(
            f"{shown(words)} occurs {len(starts)} times in {where}, so there is no occurrence {occurrence}"
        )
    return starts[occurrence - 1]


def resolve(body: str, ref: str | Span) -> Found:
    """Place one reference: plain words occur once; a Span narrows by occurrence and context."""
    if isinstance(ref, str):
        ref = Span(text=ref)
    lo, hi, where = 0, len(body), "the article"
    if ref.context is not None:
        if ref.text not in ref.context:
            raise TextRefError(f"{shown(ref.text)} is not inside its context {shown(ref.context)}")
        lo = _pick(_occurrences(body, ref.context), ref.context, None, "the article")
        hi, where = lo + len(ref.context), f"the context {shown(ref.context)}"
    start = _pick(_occurrences(body[lo:hi], ref.text, lo), ref.text, ref.occurrence, where)
    return Found(start, start + len(ref.text), ref.text)


def resolve_all(body: str, ref: str | Span | EveryOccurrence) -> list[Found]:
    """Place a mention reference: ``every`` gives each whole-word occurrence."""
    if not isinstance(ref, EveryOccurrence):
        return [resolve(body, ref)]
    pattern = re.compile(rf"(?<!\w){re.escape(ref.every)}(?!\w)")
    found = [Found(m.start(), m.end(), m.group()) for m in pattern.finditer(body)]
    if not found:
        raise TextRefError(f"{shown(ref.every)} is not in the article as a whole word")
    return found
