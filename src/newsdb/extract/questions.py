"""Questions put to someone nobody names as the asker: "Asked whether he would run, ...",
"When asked about the fence, ...", "she was asked why". PolNeAR credits the question itself
as an attribution with no source; the content is the question, up to its clause's end.
"""

from __future__ import annotations

import re

ASKED = re.compile(
    r"(?:^|(?<=[\s“\"(]))(?P<cue>(?:[Ww]hen\s+)?[Aa]sked|(?:was|were|is|are|been|being)\s+asked)"
    r"(?:\s+(?:again|later|directly|repeatedly|specifically|recently|once|twice|then|by\s+"
    r"(?:a|an|the)\s+[a-z]+))?"
    r"(?:\s+(?P<about>about|on)\b)?"
    r"\s+(?P<rest>(?:if|whether|why|what|how|when|who|which|where)\b)?"
)
_END = re.compile(r"[,;:—–?]|\.(?:\s|$)")


def questions(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """(cue start, cue end, content start, content end) for each such question between
    ``lo`` and ``hi``: a question word must follow ("Asked if"), or "about" ("Asked about
    the fence"); "asked the mayor to leave" is someone's request, left to the other rules."""
    if "sked" not in text[lo:hi]:  # most sentences: skip the scan
        return []
    out = []
    for m in ASKED.finditer(text, lo, hi):
        if m.group("rest") is None and m.group("about") is None:
            continue
        cue_end = m.end("about") if m.group("about") else m.end("cue")
        start = m.start("rest") if m.group("rest") else m.end("about") + 1
        end = _END.search(text, start, hi)
        stop = end.start() if end else hi
        if len(text[start:stop].split()) >= 2:
            out.append((m.start("cue"), cue_end, start, stop))
    return out
