"""Impressions nobody is named for: "the field appeared poised to narrow", "he seems to
understand", "it appears that ...". PolNeAR credits them as attributions without a source,
the subject and what it seems to do being the content.

"Appear" also means to show up ("appeared on Fox News", "appears in court"): it counts only
when no place, time or show follows it.
"""

from __future__ import annotations

import re

CUE = re.compile(
    r"\b(?:(?:would|might|may|could|did|does|do|also|now|still|only|certainly|clearly|"
    r"increasingly|even)\s+)?"
    r"(?:(?:[Ss]eem|[Ss]eems|[Ss]eemed)\b(?!\s*[,.;:!?])"
    r"|(?:[Aa]ppear|[Aa]ppears|[Aa]ppeared)\b"
    r"(?!\s*[,.;:!?]|\s+(?:on|in|at|before|with|alongside|onstage|together|for|during|live|"
    r"via|from|here|there|next|and|or|twice|once|again|\d)\b))"
)
#: "it seems that ...": the content is only what follows "that"
_IT_THAT = re.compile(r"\s*(?:,\s*(?:\w+\s*){1,2},\s*)?that\s+")
_BOUNDARY = re.compile(
    r"[,;:—–(]\s*|\s(?:but|and|while|as|although|though|because|so|since|if|when)\s"
)


def seeming(text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(content start, cue start, cue end) for each impression between ``lo`` and ``hi``: the
    content starts at its clause's subject ("It appears that" starts it after "that")."""
    part = text[lo:hi]
    if "eem" not in part and "ppear" not in part:  # most sentences: skip the scan
        return []
    out = []
    for m in CUE.finditer(text, lo, hi):
        head = text[lo : m.start()]
        start = lo
        for b in _BOUNDARY.finditer(head):
            if len(head[b.end() :].split()) >= 1:
                start = lo + b.end()
        subject = text[start : m.start()].strip()
        if subject.lower() == "it":
            that = _IT_THAT.match(text, m.end(), hi)
            if that is None:
                continue
            start = that.end()
        elif not subject or subject.lower() in ("which", "what", "who", "that"):
            continue
        out.append((start, m.start(), m.end()))
    return out
