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
    if isinstance(ref, str):  # the commonest: no model to build, no slice of the text to copy
        start = _pick(_occurrences(body, ref), ref, None, "the article", body)
        return Found(start, start + len(ref), ref)
    lo, hi, where = 0, len(body), "the article"
    if ref.context is not None:
        if ref.text not in ref.context:
            raise TextRefError(f"{shown(ref.text)} is not inside its context {shown(ref.context)}")
        lo = _pick(_occurrences(body, ref.context), ref.context, None, "the article", body)
        hi, where = lo + len(ref.context), f"the context {shown(ref.context)}"
    start = _pick(
        _occurrences(body[lo:hi], ref.text, lo), ref.text, ref.occurrence, where, body[lo:hi]
    )
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
