"""Who a source phrase names: the full name as the article gives it, and what kind of actor.

"Michael Kugelman, the director of ..." is Michael Kugelman; "Kugelman" after the first
mention is the same person; "Sen. Ted Cruz" is Ted Cruz; "she" or "he" is the last person
credited before; "they" is the pair just named ("Iran and Pakistan") or the last group; "it"
the last state or organisation; "who" the phrase before it; "the mayor" the last person the
text called mayor; "the group" the last organisation credited by name, else a group of people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdb.extract import words
from newsdb.extract.phrases import is_source, np_before
from newsdb.extract.quantity import QUANTITY
from newsdb.extract.types import Span
from newsdb.vocab import ActorKind

_CAP = r"[A-Z][\w’'.\-]*"
#: two to four capitalised words, maybe with a particle: a full name
_FULL = re.compile(rf"\b{_CAP}(?:\s+(?:de|van|von|bin|al|da|del|la|le|{_CAP})){{1,3}}\b")
_CUT = re.compile(r",|\s+(?:who|which|whose|that|in|at|on|during|last|this)\b|\s*[—–(]")
_NAME_AT = re.compile(rf"{_CAP}(?:\s+{_CAP})+")
_NAME_BEFORE = re.compile(rf"({_CAP}(?:\s+{_CAP})+),\s+(?:the|a)\s+(?:\w+\s+)?$")
_POSSESSIVE = re.compile(r"[’']s?$")
#: "the group said": a body named before, not a new institution
_ANAPHORS = frozenset(
    "group organization organisation company campaign agency coalition alliance movement "
    "firm".split()
)


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: ActorKind
    named: bool  # a proper name, not a description ("analysts", "a senior official")


def clean(phrase: str) -> str:
    """The source phrase without its appositive, relative clause or possessive ending."""
    m = _CUT.search(phrase)
    if m and m.start() > 0:
        phrase = phrase[: m.start()]
    return _POSSESSIVE.sub("", phrase.strip()).strip()


def strip_title(name: str) -> str:
    """ "Sen. Ted Cruz" -> "Ted Cruz", "former Prime Minister Imran Khan" -> "Imran Khan"."""
    toks = name.split()
    i = 0
    while i < len(toks) - 1 and toks[i].lower() in words.TITLES | words.DETERMINERS:
        i += 1
    return " ".join(toks[i:]) if any(t[:1].isupper() for t in toks[i:]) else name


def kind_of(name: str) -> tuple[ActorKind, bool]:
    """A guess at what kind of actor ``name`` is, and whether it is a proper name."""
    low = name.lower()
    toks = low.split()
    head = toks[-1] if toks else low
    if low in words.COUNTRIES or low.removeprefix("the ") in words.COUNTRIES:
        return ActorKind.STATE, True
    capital = name[:1].isupper() and not (toks[0] in words.DETERMINERS and not name[4:5].isupper())
    if head in words.OFFICIAL:
        return (ActorKind.COLLECTIVE if head.endswith("s") else ActorKind.ANONYMOUS), False
    if head in words.COLLECTIVE:
        return ActorKind.COLLECTIVE, False
    if head in words.ORG_WORDS or low in words.ORG_WORDS:
        return ActorKind.ORGANISATION, capital or name.isupper()
    if all(t[:1].isupper() for t in name.split()):
        return ActorKind.PERSON, True
    if head in words.ROLES or head.endswith("-old"):
        return ActorKind.PERSON, False
    if head.endswith("s"):
        return ActorKind.COLLECTIVE, False
    return ActorKind.ANONYMOUS, False


def _unnamed(phrase: str) -> Speaker:
    """ "the group" with no body named before: people, not an institution; "the company" an
    organisation nobody named."""
    kind = ActorKind.COLLECTIVE if phrase.endswith("group") else ActorKind.ORGANISATION
    return Speaker(phrase, kind, False)


class Resolver:
    """Resolves source phrases in reading order, remembering who was credited before."""

    def __init__(self, text: str):
        self.text = text
        # each full name with its title taken off, once: "former Prime Minister Imran Khan"
        self.full_names = [(m.start(), strip_title(m.group())) for m in _FULL.finditer(text)]
        self.history: list[tuple[int, Speaker]] = []
        self._lower: str | None = None

    def remember(self, pos: int, speaker: Speaker) -> None:
        self.history.append((pos, speaker))

    def resolve(self, source: Span, sentence: Span) -> list[Speaker]:
        """The speakers ``source`` names (two for "they" after "Iran and Pakistan")."""
        if QUANTITY.fullmatch(source.text):  # "six in 10 voters": a share of people
            return [Speaker(source.text, ActorKind.COLLECTIVE, False)]
        phrase = clean(source.text)
        low = phrase.lower()
        if low in words.PERSON_PRONOUNS:
            return self._last(source.start, {ActorKind.PERSON})
        if low in words.PLURAL_PRONOUNS:
            pair = self._pair(sentence.start, source.start)
            return pair or self._last(
                source.start, {ActorKind.COLLECTIVE, ActorKind.STATE, ActorKind.ORGANISATION}
            )
        if low in words.THING_PRONOUNS:
            return self._last(source.start, {ActorKind.STATE, ActorKind.ORGANISATION})
        if low == "who":  # "Smith, who said", "voters who say": the phrase before it
            ante = self._antecedent(sentence.start, source.start)
            return self.resolve(ante, sentence) if ante is not None else []
        if low.startswith("the ") and low[4:] in _ANAPHORS:
            return self._last(source.start, {ActorKind.ORGANISATION}) or [_unnamed(low)]
        return [self.name(phrase, source.start)]

    def _antecedent(self, lo: int, pos: int) -> Span | None:
        """The source phrase a "who" at ``pos`` stands for, its comma aside."""
        hi = len(self.text[:pos].rstrip().removesuffix(","))
        ante = np_before(self.text, lo, hi)
        return ante if ante is not None and is_source(ante) else None

    def name(self, phrase: str, pos: int) -> Speaker:
        """The speaker a phrase that is not a pronoun names."""
        bare = strip_title(phrase)
        kind, named = kind_of(bare)
        low = bare.lower()
        if low in words.COUNTRIES:
            return Speaker(words.COUNTRIES[low], ActorKind.STATE, True)
        if kind is ActorKind.PERSON and named and " " not in bare:
            full = self._full_name(bare, pos)
            if full:
                return Speaker(full, ActorKind.PERSON, True)
        if kind is ActorKind.PERSON and not named and low.startswith("the "):
            full = self._titled(low.split()[-1], pos)
            if full:
                return Speaker(full, ActorKind.PERSON, True)
        if not named and kind is ActorKind.COLLECTIVE and bare.lower() in words.COLLECTIVE:
            bare = bare.lower()  # "Observers said" opens a sentence: the actor is "observers"
        return Speaker(bare, kind, named)

    def _full_name(self, surname: str, pos: int) -> str | None:
        """The first full name before ``pos`` that ends with ``surname``."""
        for start, full in self.full_names:
            if start >= pos:
                break
            name = full
            if name.split()[-1] == surname and " " in name:
                return name
        return None

    def _titled(self, role: str, pos: int) -> str | None:
        """The last person called by ``role`` before ``pos``: "Mayor Jane Doe", "Doe, the mayor"."""
        if self._lower is None:
            self._lower = self.text.lower()
        idx = self._lower.rfind(role, 0, pos)
        while idx >= 0:
            after = _NAME_AT.match(self.text, idx + len(role) + 1)
            if after and self.text[idx + len(role)] == " ":
                return strip_title(after.group())
            before = _NAME_BEFORE.search(self.text, max(0, idx - 80), idx)
            if before:
                return strip_title(before.group(1))
            idx = self._lower.rfind(role, 0, idx)
        return None

    def _last(self, pos: int, kinds: set[ActorKind]) -> list[Speaker]:
        for start, sp in reversed(self.history):
            if start < pos and sp.kind in kinds and sp.named:
                return [sp]
        if ActorKind.PERSON in kinds:  # nobody credited yet: the last full name of a person
            for start, full in reversed(self.full_names):
                if start < pos:
                    name = full
                    if kind_of(name)[0] is ActorKind.PERSON:
                        return [Speaker(name, ActorKind.PERSON, True)]
        return []

    def _pair(self, start: int, pos: int) -> list[Speaker]:
        """ "Iran and Pakistan ... they": both, when the sentence names such a pair."""
        m = re.search(
            rf"\b({_CAP}(?:\s+{_CAP})*)\s+and\s+({_CAP}(?:\s+{_CAP})*)", self.text[start:pos]
        )
        if not m:
            return []
        first = " ".join(w for w in m.group(1).split() if w.lower() not in words.OPENERS)
        if not first:
            return []
        out = [self.name(first, start + m.start(1)), self.name(m.group(2), start + m.start(2))]
        return out if all(s.named for s in out) else []
