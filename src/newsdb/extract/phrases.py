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
MAX_WORDS = 8
#: capitalised words that open a sentence and are never its subject
_ADVERBS = frozenset(
    "indeed however still meanwhile instead yet also now then later earlier today yesterday "
    "moreover furthermore finally last next here there thus hence rather otherwise "
    "nevertheless nonetheless separately similarly likewise overall".split()
)
_PREPOSITIONS = frozenset("to with in on at from about for of".split())


def _inside_np(word: str) -> bool:
    """A word a preposition inside a source phrase may follow: "close", "familiar", "members"."""
    low = word.lower()
    return (
        _is_word(word)
        and word[:1].islower()
        and low not in words.NP_STOP
        and low not in _PREPOSITIONS
        and low not in words.DETERMINERS
    )


_PARTY = re.compile(r"\([A-Z][\w.\-]*\)")


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
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        w = t.group()
        if _PARTY.fullmatch(w):  # "Rep. Gregory Meeks (D-N.Y.) said"
            pass
        elif (
            w.lower() == "and"
            and chosen
            and k > 0
            and _is_word(toks[k - 1].group())
            and (toks[k - 1].group()[:1].isupper() or toks[k - 1].group().lower() in words.PRONOUNS)
        ):
            pass  # "Iran and Pakistan said", "she and another reporter said"
        elif w.lower() in _PREPOSITIONS and chosen and k > 0 and _inside_np(toks[k - 1].group()):
            pass  # "sources close to her campaign", "officials familiar with the talks"
        elif not _is_word(w) or w.lower() in words.NP_STOP:
            break
        chosen.append(t)
        if len(chosen) > MAX_WORDS:  # too long for a phrase: keep the name it ends with
            names = []
            for c in chosen:
                if not (c.group()[:1].isupper() or _PARTY.fullmatch(c.group())):
                    break
                names.append(c)
            if not names:
                return None
            chosen = names
            break
    if not chosen:
        return None
    return Span.of(text, chosen[-1].start(), chosen[0].end())


#: a name with an appositive between commas, just before a cue: "Karimi, the director of X,"
_APPOSED = re.compile(
    r"(?:^\s*|(?<=[,;:—])\s*|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s))"
    r"(?P<name>(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'.\-]*(?:\s+\([A-Z][\w.\-]*\))?),"
    r"\s+[^,;:“”\"]{2,100}?(?:,\s+[^,;:“”\"]{2,60}?)?,\s*$"
)
#: a time between a source and its cue: "Clinton on Tuesday said"
_TIME_BEFORE = re.compile(
    r"\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|yesterday|today|earlier|later|also)(?:\s+(?:night|morning|afternoon|evening))?\s*$"
)


def source_before(text: str, lo: int, hi: int) -> Span | None:
    """The source phrase before a cue at ``hi``: a plain phrase, a name with an appositive
    between commas, or either with a time between it and the cue."""
    t = _TIME_BEFORE.search(text, lo, hi)
    if t and t.start() > lo:
        hi = t.start()
    src = np_before(text, lo, hi)
    if src is not None:
        return src
    head = text[lo:hi]
    if head.rstrip().endswith(","):
        m = _APPOSED.search(head)
        if m:
            return Span.of(text, lo + m.start("name"), lo + m.end("name"))
    return None


def np_after(text: str, lo: int, hi: int) -> Span | None:
    """The phrase that starts at ``lo`` (spaces aside) and ends before a clause or mark."""
    while lo < hi and text[lo].isspace():
        lo += 1
    m = _FORWARD_END.search(text, lo, hi)
    end = m.start() if m else hi
    while end > lo and text[end - 1] in " .\u00a0":
        if (
            text[end - 1] == "."
            and _is_word(text[lo:end].split()[-1])
            and text[lo:end].split()[-1].endswith(".")
        ):
            break
        end -= 1
    if end <= lo or len(text[lo:end].split()) > MAX_WORDS + 3:
        return None
    return Span.of(text, lo, end)


def is_source(span: Span) -> bool:
    """Whether a phrase can be a source: a pronoun, a name, or a noun for people or bodies."""
    toks = span.text.split()
    if len(toks) > 1 and _PARTY.fullmatch(toks[-1]):
        toks = toks[:-1]  # "Rep. Paul Ryan (R-WI)"
    head = toks[-1].lower().rstrip("’'s") if toks else ""
    last = toks[-1] if toks else ""
    if len(toks) == 1 and last.lower() in words.PRONOUNS - {
        "which",
        "who",
        "you",
        "me",
        "him",
        "them",
        "us",
    }:
        return True
    if last.lower() in words.PRONOUNS or last.lower() in words.DETERMINERS:
        return False
    if last.endswith(("’s", "'s")) and len(toks) == 1 and last[:1].islower():
        return False
    if last.endswith(("’s", "'s")) and not last[:1].isupper():
        return False
    if last.isupper() and len(last) > 4 and last.lower() not in words.ORG_WORDS and "-" not in last:
        return False  # a dateline: "WASHINGTON", "DECATUR"
    if last in ("Editor’s", "Editor's") or (len(toks) == 1 and last.lower() in _ADVERBS):
        return False
    if last[:1].isupper():
        return True
    low = last.lower()
    if any(t.lower() in words.OFFICIAL or t.lower() in words.COLLECTIVE for t in toks[:3]):
        return True  # "a source involved", "officials familiar"
    return (
        low in words.COLLECTIVE
        or low in words.OFFICIAL
        or low in words.ORG_WORDS
        or low in words.ROLES
        or head in words.ROLES
        or low in words.EVIDENCE
        or low.endswith("-old")
        or re.search(r"(?:ers|ists|ians|ants|ents|ials|ors|ies|[^suiy]s)$", low) is not None
    )
