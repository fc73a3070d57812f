"""Noun phrases read from a cue outwards: the source before "said" or after "said".

A source phrase is at most seven words with no punctuation in it (abbreviations such as
"Sen." and initials aside) and no word that starts a clause ("that", "what", "and"...).
"""

from __future__ import annotations

import re

from newsdb.extract import words
from newsdb.extract.segment import _ABBREV
from newsdb.extract.types import Span

_TOKEN = re.compile(r"\S+")
_BREAK = re.compile(r"[,;:“”\"()\[\]—–!?]")
_FORWARD_END = re.compile(
    r"[,;:“”\"()\[\]—–!?]|\.(?=\s*$)|\.\s+(?=[A-Z“\"])(?<![A-Z]\.\s)|\s+(?:who|which|whose|that|"
    r"in|on|at|during|after|before|when|while|because|as|to|of|last|this|and\s+(?:added|said)"
    r"|said|says|told|adding|saying)\b"
)
MAX_WORDS = 7


def _is_word(tok: str) -> bool:
    if _BREAK.search(tok):
        return False
    if tok.endswith(".") and len(tok) > 2:
        return tok[:-1].lower() in _ABBREV or "." in tok[:-1]
    return True


def np_before(text: str, lo: int, hi: int) -> Span | None:
    """The phrase that ends at ``hi`` (spaces aside) and starts no earlier than ``lo``."""
    toks = list(_TOKEN.finditer(text, lo, hi))
    chosen: list[re.Match[str]] = []
    for t in reversed(toks):
        w = t.group()
        if not _is_word(w) or w.lower() in words.NP_STOP:
            break
        chosen.append(t)
        if len(chosen) > MAX_WORDS:
            return None
    if not chosen:
        return None
    return Span.of(text, chosen[-1].start(), chosen[0].end())


def np_after(text: str, lo: int, hi: int) -> Span | None:
    """The phrase that starts at ``lo`` (spaces aside) and ends before a clause or mark."""
    while lo < hi and text[lo].isspace():
        lo += 1
    m = _FORWARD_END.search(text, lo, hi)
    end = m.start() if m else hi
    while end > lo and text[end - 1] in " .\u00a0":
        if text[end - 1] == "." and _is_word(text[lo:end].split()[-1]) and text[lo:end].split()[-1].endswith("."):
            break
        end -= 1
    if end <= lo or len(text[lo:end].split()) > MAX_WORDS + 3:
        return None
    return Span.of(text, lo, end)


def is_source(span: Span) -> bool:
    """Whether a phrase can be a source: a pronoun, a name, or a noun for people or bodies."""
    toks = span.text.split()
    head = toks[-1].lower().rstrip("’'s") if toks else ""
    last = toks[-1] if toks else ""
    if len(toks) == 1 and last.lower() in words.PRONOUNS - {"which", "who", "you", "me", "him", "them", "us"}:
        return True
    if last.lower() in words.PRONOUNS or last.lower() in words.DETERMINERS:
        return False
    if last[:1].isupper():
        return True
    low = last.lower()
    return (
        low in words.COLLECTIVE
        or low in words.OFFICIAL
        or low in words.ORG_WORDS
        or low in words.ROLES
        or head in words.ROLES
        or re.search(r"(?:ers|ists|ians|ants|ents|ials|ors)$", low) is not None
    )
