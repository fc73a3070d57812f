"""Finding the annotation's quoted words in the article: text references become offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from newsdb.annotation import EveryOccurrence, Span
from newsdb.annotation_errors import shown


class TextRefError(ValueError):
    """The words cannot be placed in the text; the message says why."""


class Found(NamedTuple):
    """Where words were placed: ``body[start:end] == text``."""

    start: int
    end: int
    text: str


#: a Found made from a tuple of its fields, without the Python function a NamedTuple's
#: constructor is
_found = tuple.__new__


def _occurrences(body: str, words: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where ``words`` start in ``body`` (within ``body[lo:hi]``), overlapping ones too."""
    hi = len(body) if hi is None else hi
    found, at = [], body.find(words, lo, hi)
    while at != -1:
        found.append(at)
        at = body.find(words, at + 1, hi)
    return found


#: what an annotation typed by hand often has where the text has another mark: straight quotes
#: for curly ones, a hyphen for a dash, a plain space for a no-break or thin one
_LOOSE = str.maketrans("‘’‚‛“”„‟–—\u00a0\u2009\u202f", "'" * 4 + '"' * 4 + "--" + " " * 3)


def _as_written(haystack: str, words: str) -> str | None:
    """The text's own words where ``words`` differ from them only in case or in such marks."""
    loose_text, loose_words = haystack.translate(_LOOSE).lower(), words.translate(_LOOSE).lower()
    if len(loose_text) != len(haystack) or len(loose_words) != len(words):
        return None  # a letter whose lower case is longer: offsets would not match
    at = loose_text.find(loose_words)
    return None if at == -1 else haystack[at : at + len(words)]


def _pick(
    starts: list[int], words: str, occurrence: int | None, where: str, haystack: str = ""
) -> int:
    if not starts:
        written = _as_written(haystack, words)
        hint = f": it has {shown(written)}, copy the words as they stand" if written else ""
        raise TextRefError(f"{shown(words)} is not in {where}{hint}")
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
    return _resolve(body, ref, _once)


def _resolve(body: str, ref: str | Span, once: Callable[[str, str], int]) -> Found:
    """:func:`resolve`, placing words that must occur once with ``once``: :func:`_once`, or a
    :class:`Text`'s, which remembers them."""
    if isinstance(ref, str):  # the commonest: no model to build, no slice of the text to copy
        start = once(body, ref)
        return Found(start, start + len(ref), ref)
    lo, hi = 0, len(body)
    if ref.context is not None:
        if ref.text not in ref.context:
            raise TextRefError(f"{shown(ref.text)} is not inside its context {shown(ref.context)}")
        lo = once(body, ref.context)
        hi = lo + len(ref.context)
    starts = _occurrences(body, ref.text, lo, hi)
    if ref.occurrence is None and len(starts) == 1:
        return Found(starts[0], starts[0] + len(ref.text), ref.text)
    where = "the article" if ref.context is None else f"the context {shown(ref.context)}"
    start = _pick(starts, ref.text, ref.occurrence, where, body[lo:hi])
    return Found(start, start + len(ref.text), ref.text)


def _once(body: str, words: str) -> int:
    """Where ``words`` start in ``body``, which they must occur in once."""
    at = body.find(words)
    if at != -1 and body.find(words, at + 1) == -1:
        return at
    return _pick(_occurrences(body, words), words, None, "the article", body)


def resolve_all(body: str, ref: str | Span | EveryOccurrence) -> list[Found]:
    """Place a mention reference: ``every`` gives each whole-word occurrence."""
    return _resolve_all(body, ref, _once)


def _resolve_all(body: str, ref: str | Span | EveryOccurrence, once) -> list[Found]:
    """:func:`resolve_all`, placing words that must occur once with ``once``."""
    if not isinstance(ref, EveryOccurrence):
        return [_resolve(body, ref, once)]
    found = _whole_words(body, ref.every)
    if not found:
        raise TextRefError(f"{shown(ref.every)} is not in the article as a whole word")
    return found


class Text:
    """One text to place many references in: what :func:`resolve` and :func:`resolve_all`
    give, the same places and the same errors, with the words placed once remembered.

    Words that must occur once cost a search of the whole text (two calls of ``find``): the
    ~250 references of a seed-size article cost 0.9 ms of CPU so, and an eighth of them are
    words placed before (a claim gives a quote's words again, each cue of a speaker's its
    context). Words not placed are searched for again, to say why as :func:`resolve` does.
    (An index of the text's words, to compare words at the one place a word of theirs that
    the text holds once is, saved no more than it cost to make for a seed-size article.)"""

    __slots__ = ("_placed", "body")

    def __init__(self, body: str) -> None:
        self.body = body
        self._placed: dict[str, int] = {}  # words -> where they occur, once

    def resolve(self, ref: str | Span) -> Found:
        """:func:`resolve` in this text. Plain words, nine references in ten, are placed here
        without the calls :func:`_resolve` makes for any reference."""
        if ref.__class__ is str:
            at = self._placed.get(ref)
            if at is None:
                at = self._placed[ref] = _once(self.body, ref)
            return _found(Found, (at, at + len(ref), ref))  # Found(...), one call less
        return _resolve(self.body, ref, self._once)

    def resolve_all(self, ref: str | Span | EveryOccurrence) -> list[Found]:
        """:func:`resolve_all` in this text."""
        if ref.__class__ is str:
            return [self.resolve(ref)]
        return _resolve_all(self.body, ref, self._once)

    def _once(self, body: str, words: str) -> int:
        at = self._placed.get(words)
        if at is None:
            at = self._placed[words] = _once(body, words)
        return at


def _whole_words(body: str, words: str) -> list[Found]:
    """Each occurrence of ``words`` with no letter, digit or _ either side, left to right and
    none inside the one before: what searching for them so bounded finds, where the words
    are found first (a search that starts with looking behind tries every character)."""
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
    if not words:
        return [Found(m.start(), m.end(), m.group()) for m in pattern.finditer(body)]
    found, end = [], 0
    for at in _occurrences(body, words):
        if at >= end and pattern.match(body, at):
            end = at + len(words)
            found.append(Found(at, end, words))
    return found
