"""Capitalised word sequences ("chunks") and their tokens: the raw material of the actor rules.

A chunk is a run of capitalised words on one line, joined by spaces and the small words that
sit inside names ("of", "for", "and", "the", "al-"): "United States Institute of Peace",
"Iran and Pakistan", "Jaish al-Adl". :func:`chunks` finds them; the actor rules then label
each token (title, country, organisation head, ...) and cut the chunk into names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

UPPER = "A-ZÀ-ÖØ-Þ"
#: abbreviations that keep their full stop inside a name or before one ("Sen.", "Dec.", "Va.")
_ABBREVIATIONS = (
    "Sens|Sen|Reps|Rep|Gov|Lt|Gen|Maj|Brig|Adm|Col|Sgt|Capt|Dr|Prof|Mrs|Mr|Ms|Rev|St|Jr|Sr|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|"
    "Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|"
    "Wis|Wyo|Inc|Corp|Co|Ltd"
)
WORD = (
    rf"(?:(?:[{UPPER}]\.){{2,}}"  # U.S., D.C.
    rf"|(?:{_ABBREVIATIONS})\.(?!\w)"  # Sen., Dec.
    rf"|[{UPPER}]\.(?=[ \u00a0][{UPPER}])"  # an initial: "George W. Bush"
    rf"|[{UPPER}][^\W_]*(?:[-'’][{UPPER}][^\W_]*)*)"  # Kugelman, O’Brien, Al-Assad
)
#: small words allowed between the capitalised words of one name
CONNECTORS = ("of", "for", "on", "and", "the", "de", "da", "van", "von", "der", "del", "la", "le", "du", "bin", "ibn")
_SPACE = r"[ \u00a0]+"
_SEP = rf"(?:{_SPACE}(?:(?:{'|'.join(CONNECTORS)}){_SPACE})*|{_SPACE}(?:al|el|ad|as|ash)-)"
CHUNK_RE = re.compile(rf"(?<![\w.’'-]){WORD}(?:{_SEP}{WORD})*")
_TOKEN_RE = re.compile(rf"(?P<w>{WORD})|(?P<c>[a-z]+-?)")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    connector: bool


def chunks(text: str) -> Iterator[list[Token]]:
    """Every capitalised sequence of ``text`` as tokens with offsets into ``text``."""
    for match in CHUNK_RE.finditer(text):
        base, word = match.start(), match.group()
        if " " not in word and "\u00a0" not in word:
            yield [Token(base, match.end(), word, False)]
            continue
        tokens = []
        for t in _TOKEN_RE.finditer(match.group()):
            tokens.append(Token(base + t.start(), base + t.end(), t.group(), t.group("c") is not None))
        yield tokens


_LINE_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line written in title case (a headline): names there are not trusted."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if len(line) > 200:  # a paragraph, not a headline
            pos += len(line) + 1
            continue
        words = _LINE_WORD_RE.findall(line)
        if len(words) >= 4:
            upper = sum(1 for w in words if w[0].isupper())
            if upper >= 0.7 * len(words):
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
