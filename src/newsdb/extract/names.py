"""Capitalised word sequences ("chunks") and their tokens: the raw material of the actor rules.

A chunk is a run of capitalised words on one line, joined by spaces and the small words that
sit inside names ("of", "for", "and", "the", "al-"): "United States Institute of Peace",
"Iran and Pakistan", "Jaish al-Adl". :func:`chunks` finds them; the actor rules then label
each token (title, country, organisation head, ...) and cut the chunk into names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

UPPER = "A-ZÀ-ÖØ-Þ"
#: abbreviations that keep their full stop inside a name or before one ("Sen.", "Dec.", "Va.")
_ABBREVIATIONS = (
    "Sens|Sen|Reps|Rep|Gov|Lt|Gen|Maj|Brig|Adm|Col|Sgt|Capt|Dr|Prof|Mrs|Mr|Ms|Rev|St|Jr|Sr|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|"
    "Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|"
    "Wis|Wyo|Inc|Corp|Co|Ltd"
)
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split("|"))
# Every word starts with a capital so the regex engine can skip to capitals; a full stop is
# taken into the word and given back in Python unless the word is an abbreviation or an
# initial (see _split_at_stops).
WORD = rf"[{UPPER}](?:\.(?:[{UPPER}]\.)+|[^\W_]*(?:[-'’][{UPPER}][^\W_]*)*\.?)"
#: small words allowed between the capitalised words of one name
CONNECTORS = (
    "of",
    "for",
    "on",
    "and",
    "the",
    "de",
    "da",
    "van",
    "von",
    "der",
    "del",
    "la",
    "le",
    "du",
    "bin",
    "ibn",
)
_SPACE = r"[ \u00a0]+"
_SEP = rf"(?:{_SPACE}(?:(?:{'|'.join(CONNECTORS)}){_SPACE})*|{_SPACE}(?:al|el|ad|as|ash)-)"
CHUNK_RE = re.compile(rf"{WORD}(?:{_SEP}{WORD})*")
_TOKEN_RE = re.compile(rf"(?P<w>{WORD})|(?P<c>[a-z]+-?)")
_BEFORE_WORD = frozenset("’'-.")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    connector: bool


def chunks(text: str) -> Iterator[list[Token]]:
    """Every capitalised sequence of ``text`` as tokens with offsets into ``text``."""
    for match in CHUNK_RE.finditer(text):
        base, words = match.start(), match.group()
        if " " not in words and "\u00a0" not in words:
            tokens = [Token(base, match.end(), words, False)]
        else:
            tokens = [
                Token(base + t.start(), base + t.end(), t.group(), t.group("c") is not None)
                for t in _TOKEN_RE.finditer(words)
            ]
        if base and (text[base - 1].isalnum() or text[base - 1] in _BEFORE_WORD):
            tokens.pop(0)  # "iPhone", "O’Brien’s": not the start of a name
            while tokens and tokens[0].connector:
                tokens.pop(0)
        yield from _split_at_stops(tokens)


def _split_at_stops(tokens: list[Token]) -> Iterator[list[Token]]:
    """Cut after a word that ends a sentence ("Kugelman. The"), giving the full stop back."""
    part: list[Token] = []
    for tok in tokens:
        if tok.text.endswith(".") and not tok.connector and len(tok.text) > 2:
            stem = tok.text[:-1]
            if stem not in ABBREVIATIONS and "." not in stem:
                part.append(Token(tok.start, tok.end - 1, stem, False))
                while part and part[-1].connector:
                    part.pop()
                if part:
                    yield part
                part = []
                continue
        part.append(tok)
    while part and part[-1].connector:
        part.pop()
    if part:
        yield part


def headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line written in title case (a headline): names there are not trusted."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if len(line) > 200:  # a paragraph, not a headline
            pos += len(line) + 1
            continue
        words = line.split()
        if len(words) >= 5:
            upper = sum(1 for w in words if w[0].isupper())
            if upper >= 0.7 * len(words):
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_words(text: str, lower: str, words) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of any of ``words`` (lower case) in ``text``, case aside,
    as (start, end, word) in text order. ``lower`` is ``text.lower()`` of the same length.

    One ``str.find`` per word: much faster than a regex alternation for a short word list.
    """
    found = []
    size = len(text)
    for word in words:
        at = lower.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (end == size or not text[end].isalnum()):
                found.append((at, end, word))
            at = lower.find(word, end)
    found.sort()
    return found


def lowered(text: str) -> str:
    """``text.lower()``, or the text itself where lowering would move offsets (a few letters,
    such as "İ", lower to two characters)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def read_back(rx: re.Pattern, text: str, at: int, width: int) -> re.Match | None:
    """``rx`` matched on the words just before ``at``, within ``width`` characters (``rx`` ends
    with ``$``): how the steps read what precedes a rare word they found first."""
    return rx.search(text, max(0, at - width), at)


def starts_word(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()
