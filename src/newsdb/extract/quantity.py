"""Sources that are a share of people, as polls give them: "42% say", "About 9 percent said",
"Six in 10 voters say", "Several said", "two-thirds of Republicans believe".

PolNeAR credits each such share as the source of what it says; the plain phrase reader
stops at "About" or "in" and takes "9 percent" or "10" alone, or nothing.
"""

from __future__ import annotations

import re

from newsdb.extract.types import Span

_NUMBER = r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
_SHARE = (
    rf"(?:{_NUMBER}\s*(?:%|percent\b|per\s+cent\b)|{_NUMBER}\s+(?:in|out\s+of)\s+{_NUMBER}\b"
    r"|half\b|a\s+third\b|a\s+quarter\b|two-thirds\b|three-quarters\b|a\s+majority\b"
    r"|most\b|many\b|several\b|some\b|a\s+few\b|few\b|others\b)"
)
_HEDGE = (
    r"(?:(?:about|around|roughly|nearly|almost|only|just|over|under|fully|barely|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|close\s+to)\s+)?"
)
#: what the share is of: "of Republicans", "of those polled", "registered voters"
_WORD = r"(?!(?:and|but|or|who|that|which|while|as|if|when)\b)[\w\-’']+"
_OF = rf"(?:\s+(?:of\s+)?(?:(?:the|those|them|all|these)\s+)?(?:{_WORD}\s+){{0,3}}?{_WORD})?"
QUANTITY = re.compile(rf"(?:^|(?<=[\s(“\"]))(?P<q>{_HEDGE}{_SHARE}{_OF})\s*$", re.IGNORECASE)
_PEOPLE_END = re.compile(
    r"(?:%|percent|cent|\d|ten|them|polled|surveyed|asked|half|several|some|many|most|few|"
    r"majority|third|quarter|\w+s)$",
    re.IGNORECASE,
)


def quantity_before(text: str, lo: int, hi: int) -> Span | None:
    """The share of people that ends just before ``hi`` and starts no earlier than ``lo``:
    at most eight words, and it ends in a plural, a number or "polled"."""
    window = max(lo, hi - 80)
    m = QUANTITY.search(text, window, hi)
    if m is None:
        return None
    phrase = m.group("q")
    if len(phrase.split()) > 8 or not _PEOPLE_END.search(phrase):
        return None
    return Span.of(text, m.start("q"), m.start("q") + len(phrase))
