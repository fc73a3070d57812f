"""Marks over a text: spans that may nest or cross, written as well-formed HTML.

A quote may begin inside a claim and end after it, and two claims may share their words.
HTML elements must nest, so a mark that crosses another is written in pieces, each piece
carrying the mark's attributes (and ``data-piece="more"`` after the first): the text reads
exactly as published, and every piece says which mark it belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import escape


@dataclass(frozen=True)
class Mark:
    """``text[start:end]`` wrapped in a ``<span>`` with ``attrs``; ``first`` are attributes of
    the first piece only (an ``id``, a ``tabindex``). On equal spans a lower ``layer`` goes
    outside."""

    start: int
    end: int
    attrs: tuple[tuple[str, str], ...]
    layer: int = 0
    first: tuple[tuple[str, str], ...] = field(default=())

    @cached_property
    def opening(self) -> str:
        """The tag that opens the first piece (escaped once, however many paragraphs)."""
        return f"<span{_attributes(self.attrs)}{_attributes(self.first)}>"

    @cached_property
    def reopening(self) -> str:
        """The tag that opens each further piece."""
        return f'<span{_attributes(self.attrs)} data-piece="more">'


def _attributes(pairs: Sequence[tuple[str, str]]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in pairs)


def render(text: str, start: int, end: int, marks: Sequence[Mark]) -> str:
    """``text[start:end]``, escaped, with the part of each mark that falls inside it."""
    inside = [
        (max(m.start, start), min(m.end, end), n, m)
        for n, m in enumerate(marks)
        if max(m.start, start) < min(m.end, end)
    ]
    opening: dict[int, list[tuple[int, int, Mark]]] = defaultdict(list)
    closing: dict[int, set[int]] = defaultdict(set)
    for s, e, n, m in inside:
        opening[s].append((e, n, m))
        closing[e].add(n)
    bounds = sorted({start, end, *opening, *closing})
    stack: list[tuple[int, Mark]] = []
    out: list[str] = []
    for here, after in zip(bounds, [*bounds[1:], None]):
        ending = closing.get(here, set())
        if any(n in ending for n, _ in stack):
            lowest = min(i for i, (n, _) in enumerate(stack) if n in ending)
            popped = stack[lowest:]
            del stack[lowest:]
            out.extend("</span>" for _ in popped)
            for n, m in popped:  # those that go on are opened again, as further pieces
                if n not in ending:
                    stack.append((n, m))
                    out.append(m.reopening)
        # the longest mark outside, then the lower layer
        for e, n, m in sorted(opening.get(here, []), key=lambda t: (-t[0], t[2].layer, t[1])):
            stack.append((n, m))
            out.append(m.opening if m.start == here else m.reopening)
        if after is not None:
            out.append(escape(text[here:after]))
    out.extend("</span>" for _ in stack)
    return "".join(out)
