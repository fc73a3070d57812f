"""Quotation-mark segments: the words between an opening and a closing mark.

Curly (“ ”) and straight (") double marks are read; a straight mark opens when it follows a
space, a paragraph start or an opening bracket or dash, and closes otherwise. A quote running
over several paragraphs (an opening mark on each, a closing one only at the end) gives one
segment per paragraph, each marked as running on into the next. An odd mark costs only its
own segment: an unclosed quote ends at its paragraph's end (or just before the next opening
mark), a stray closing mark is ignored, and the rest of the article is read as usual.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from newsdb.extract.types import Span

#: a double mark: curly, straight, or two apostrophes (as some newspaper archives write it)
_MARK = re.compile(r"[“”\"]|''")
_OPENERS = frozenset(" \t([{—–-/\u00a0")


@dataclass
class Quote:
    content: Span  # the words between the marks, spaces at either end left out
    open_mark: int  # index of the opening mark
    close_mark: int | None  # index of the closing mark; None when unclosed
    paragraph: int  # index into the paragraph list
    #: the quote goes on in the next paragraph (no closing mark here, an opening one there)
    runs_on: bool = False
    #: this segment carries on the previous paragraph's quote
    carried: bool = False
    close_width: int = 1  # 2 for a closing ''

    @property
    def end(self) -> int:
        """Index just past the closing mark (or the content, when unclosed)."""
        if self.close_mark is None:
            return self.content.end
        return self.close_mark + self.close_width


def _opens(text: str, i: int, width: int, para: Span, is_open: bool) -> bool:
    ch = text[i]
    if ch == "“":
        return True
    if ch == "”":
        return False
    before = text[i - 1] if i > para.start else " "
    after = text[i + width] if i + width < para.end else " "
    if before in _OPENERS and not after.isspace():
        return True
    if not before.isspace() and before not in _OPENERS:
        return False
    return not is_open  # spaces on both sides: whichever the state expects


def _segment(
    text: str, start: int, end: int, para: int, close: int | None, width: int = 1
) -> Quote | None:
    """The quote between an opening mark at ``start`` and ``end``, or None if it is empty."""
    a, b = start + width, end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return None
    return Quote(Span.of(text, a, b), start, close, para)


def find_quotes(text: str, paras: list[Span]) -> list[Quote]:
    """Every quotation-mark segment of ``text``, in order."""
    out: list[Quote] = []
    for pi, p in enumerate(paras):
        open_at, width = None, 1
        for m in _MARK.finditer(text, p.start, p.end):
            i = m.start()
            if _opens(text, i, m.end() - i, p, open_at is not None):
                if open_at is not None:  # a second opening mark: the first was never closed
                    _add(out, _segment(text, open_at, i, pi, None, width))
                open_at, width = i, m.end() - i
            elif open_at is not None:
                seg = _segment(text, open_at, i, pi, i, width)
                if seg is not None:
                    seg.close_width = m.end() - i
                _add(out, seg)
                open_at = None
        if open_at is not None:
            seg = _segment(text, open_at, p.end, pi, None, width)
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if seg is not None and nxt is not None and text[nxt.start] in "“\"'":
                seg.runs_on = True
            elif seg is not None:
                _cut_unclosed(text, seg)
            _add(out, seg)
    for prev, seg in itertools.pairwise(out):
        if prev.runs_on and seg.paragraph == prev.paragraph + 1:
            seg.carried = seg.open_mark == paras[seg.paragraph].start
    return out


#: where an unclosed quote most likely ended: at ", she said" (else at its paragraph's end)
_UNCLOSED_END = re.compile(
    r",(?=\s+(?:he|she|they|[A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+)*)\s+"
    r"(?:said|says|added|told|wrote|asked)\b)"
)


def _cut_unclosed(text: str, seg: Quote) -> None:
    """End a quote that was never closed where its closing mark was most likely forgotten."""
    m = _UNCLOSED_END.search(text, seg.content.start, seg.content.end)
    if m:
        seg.content = Span.of(text, seg.content.start, m.end())


def _add(out: list[Quote], seg: Quote | None) -> None:
    if seg is not None:
        out.append(seg)
