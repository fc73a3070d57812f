"""Where an article's paragraphs are: the one rule the loader stores and ``newsdb verify`` checks.

A text with a blank line in it (most plain-text news) separates its paragraphs by blank lines:
each run of lines with words on them is one paragraph, its single line breaks inside it. A
text without one (the seed) has a paragraph on each line. Blank lines, the line breaks
between paragraphs and the white space around a paragraph's words belong to no paragraph,
so no paragraph is ever empty.
"""

from __future__ import annotations

import re

#: a line with nothing but white space on it, between two others
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def spans(body: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of ``body``, in order; ``body[start:end]`` is one."""
    runs = _BLANK_LINE.search(body) is not None  # else every line is a paragraph
    found: list[list[int]] = []
    offset, joins = 0, False
    for line in body.split("\n"):
        words = line.strip()
        if not words:
            joins = False
        else:
            start = offset + line.index(words[0])
            end = start + len(words)
            if joins:
                found[-1][1] = end
            else:
                found.append([start, end])
                joins = runs
        offset += len(line) + 1
    return [(start, end) for start, end in found]


def rows(body: str) -> list[dict[str, int]]:
    """The paragraph rows the loader stores for ``body``: number (1-based), span_start, span_end."""
    return [
        {"number": number, "span_start": start, "span_end": end}
        for number, (start, end) in enumerate(spans(body), start=1)
    ]


def uncovered(body: str, stored: list[tuple[int, int, int]]) -> str | None:
    """What is wrong with stored (number, start, end) paragraphs, as one reason, or None.

    They must be numbered 1, 2, ... in order, lie inside the body without overlapping, and
    leave out nothing but white space.
    """
    at = 0
    for expected, (number, start, end) in enumerate(sorted(stored), start=1):
        if number != expected:
            return f"paragraph {expected} is missing (found {number})"
        if not (at <= start <= end <= len(body)):
            return f"paragraph {number} at {start}:{end} overlaps another or lies outside the text"
        if body[at:start].strip():
            return f"the text at {at}:{start} is in no paragraph: {body[at:start].strip()[:40]!r}"
        at = end
    if body[at:].strip():
        return f"the text at {at}:{len(body)} is in no paragraph: {body[at:].strip()[:40]!r}"
    return None
