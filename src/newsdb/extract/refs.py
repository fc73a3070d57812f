"""Spans of a text written as the annotation format refers to words: quoted, never by offset.

Words that occur once are written as they are. Words that repeat are narrowed down by a
``context``, the fewest words around them (within their paragraph) that occur once, which a
reviewer can read; failing that by their ``occurrence`` in the whole text. Either way
:func:`newsdb.textref.resolve` places the reference back exactly where the span was.
"""

from __future__ import annotations

from newsdb.annotation import Span

#: how many words a context may grow by on each side before an occurrence number is used
MAX_WORDS = 12


def _starts(haystack: str, words: str) -> list[int]:
    """Every start of ``words`` in ``haystack``, overlapping ones too (as textref counts them)."""
    found, at = [], haystack.find(words)
    while at != -1:
        found.append(at)
        at = haystack.find(words, at + 1)
    return found


def _once(body: str, words: str) -> bool:
    first = body.find(words)
    return first != -1 and body.find(words, first + 1) == -1


def _word_left(body: str, at: int, floor: int) -> int:
    """The start of the word before ``at`` (with the spaces between), not before ``floor``."""
    while at > floor and body[at - 1].isspace():
        at -= 1
    while at > floor and not body[at - 1].isspace():
        at -= 1
    return at


def _word_right(body: str, at: int, ceiling: int) -> int:
    while at < ceiling and body[at].isspace():
        at += 1
    while at < ceiling and not body[at].isspace():
        at += 1
    return at


def ref(body: str, start: int, end: int) -> str | Span:
    """A text reference that :func:`newsdb.textref.resolve` places at ``body[start:end]``."""
    words = body[start:end]
    if _once(body, words):
        return words
    floor = body.rfind("\n", 0, start) + 1
    ceiling = body.find("\n", end)
    ceiling = len(body) if ceiling == -1 else ceiling
    lo, hi = start, end
    for _ in range(MAX_WORDS):
        lo, hi = _word_left(body, lo, floor), _word_right(body, hi, ceiling)
        context = body[lo:hi]
        if _once(body, context):
            inner = _starts(context, words)
            occurrence = inner.index(start - lo) + 1 if len(inner) > 1 else None
            return Span(text=words, context=context, occurrence=occurrence)
        if lo == floor and hi == ceiling:
            break
    return Span(text=words, occurrence=_starts(body, words).index(start) + 1)
