"""Paragraphs and sentences: the units every other step works in.

A paragraph is a run of text between line breaks; blank lines separate paragraphs and are in
none of them. Sentences are split with a regular expression that knows the common abbreviations
of news copy ("Sen.", "Jan.", "U.S.", initials), so "Sen. Ted Cruz said" stays one sentence.
"""

from __future__ import annotations

import re

from newsdb.extract.types import Span

_LINE = re.compile(r"[^\r\n]+")
# a full stop, question or exclamation mark, closing marks after it, then space and a capital,
# a digit or an opening mark
_END = re.compile(r"[.!?][”’\"')\]]*(\s+)(?=[“‘\"'(\[]{0,2}[A-Z0-9])")
_ABBREV = frozenset(
    "mr mrs ms dr st sen sens rep reps gov gen lt col capt sgt jr sr inc corp co no vs mt ft "
    "prof rev hon gov jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e etc ave lt.gov "
    "u.s u.n u.k d.c".split()
)


#: words that start a sentence far more often than they follow "U.S." or "Sen." in one
_STARTER = re.compile(r"[“\"']*(?:He|She|They|It|We|I|The|But|And|In|This|That|There|His|Her)\b")


def paragraphs(text: str) -> list[Span]:
    """The non-blank lines of ``text``, without the spaces at their ends."""
    out = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Span.of(text, start, end))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if len(word) == 1 and text[start].isupper():
        return True  # an initial: "Donald J. Trump"
    return word in _ABBREV


def sentences(text: str, para: Span) -> list[Span]:
    """The sentences of one paragraph, as spans of ``text``."""
    out = []
    start = para.start
    for m in _END.finditer(text, para.start, para.end):
        if (
            text[m.start()] == "."
            and _is_abbreviation(text, m.start())
            and _STARTER.match(text, m.end()) is None
        ):
            continue
        end = m.start(1)
        if end > start:
            out.append(Span.of(text, start, end))
        start = m.end()
    if start < para.end:
        out.append(Span.of(text, start, para.end))
    return out
