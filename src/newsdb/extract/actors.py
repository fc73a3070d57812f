"""Actors the text names, with every mention: people, organisations, states, armed groups and
unnamed collectives.

The rules, in the order they claim text (a later rule never takes what an earlier one took):

1. armed groups the text calls so: "a militant group, Jaish al-Adl";
2. state organs and officials: "the Pakistani military", "Pakistan’s military", "Pakistani
   officials", "U.S. officials";
3. the party letter of "(D-Va.)";
4. capitalised sequences (:mod:`newsdb.extract.names`), labelled word by word: known
   organisations ("Taliban", "White House"), organisations built on a head word ("the
   Brookings Institution", "the United States Institute of Peace"), states and their
   adjectives ("Iran", "Iranian"), parties ("Republican"), places, months and titles (not
   actors), and what is left, two to four words or one after a title: a person;
5. campaigns and administrations: "the Clinton campaign", "the Bush administration";
6. an organisation inside another: "the Wilson Center’s South Asia Institute";
7. collectives: "analysts", "observers";
8. "Obama" of "President Obama" is "Barack Obama" where the text names him in full;
9. surnames: "Khan" after "Imran Khan" is the same person (before it too, where only one
   person has that surname);
10. the speakers an attribution step resolved, with their source spans ("she added").

Names are not trusted in a line written in title case (a headline), and a name whose last word
the text also writes in lower case ("Black Lives Matter") is taken for a thing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence

from newsdb.extract import gazetteer as gz
from newsdb.extract.names import (
    Token,
    chunks,
    find_words,
    headline_lines,
    lowered,
    read_back,
)
from newsdb.extract.types import ActorDraft, Attribution, Span
from newsdb.vocab import ActorKind

# --- labels of the words in a capitalised sequence -------------------------------------------
_PHRASES: dict[str, str] = {}
for _words, _label in (
    (gz.COMMON_FIRST_WORDS, "common"),
    (gz.PERSON_DESCRIPTORS, "party"),
    (gz.STOPWORDS, "stop"),
    (gz.NAME_DESCRIPTORS, "party"),
    (gz.PERSON_TITLES, "title"),
    (gz.MONTHS, "month"),
    (gz.WEEKDAYS, "weekday"),
    (gz.PLACES, "place"),
    (gz.DEMONYMS, "demonym"),
    (gz.COUNTRY_NAMES, "country"),
    (gz.KNOWN_ARMED_GROUPS, "armed"),
    (gz.KNOWN_ORGS, "org"),
):
    for _w in _words:
        _PHRASES[_w] = _label  # later lists win: "Washington" is a place, "America" a country
_MAX_PHRASE = max(len(p.split()) for p in _PHRASES)
#: first words of the phrases longer than one word: only these need a longer look-up
_PHRASE_STARTS = frozenset(p.split()[0] for p in _PHRASES if " " in p)
_NAME_PARTICLES = frozenset(
    {
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
        "al-",
        "el-",
        "ad-",
        "as-",
        "ash-",
    }
)
_HONORIFICS = frozenset(["Mr.", "Mrs.", "Ms.", "Dr.", "Miss", "Mr", "Mrs", "Ms", "Dr"])
#: titles used to address someone, never names: "Mr. President"
_ADDRESSES = frozenset(["President", "Speaker", "Chairman", "Secretary", "Mayor", "Ambassador"])
_ORG_LINKS = frozenset({"of", "for", "on", "and", "the", "de"})
#: labels of words an organisation's name may take after its head ("Institute of Peace")
_ORG_WORDS = frozenset({None, "place", "country", "demonym", "org", "common", "party"})

_ARMED_WORDS = r"(?:militant|armed|insurgent|terrorist|separatist|rebel|jihadist|extremist|paramilitary|militia)"
_GROUP_WORDS = r"(?:group|organi[sz]ation|faction|outfit|movement|network|militia|force)"
_NAME = r"[A-Z][\w’'-]*(?:[ ](?:(?:al|el|ad|as|ash)-|(?:bin|ibn|of|the)[ ])?[A-Z][\w’'-]*){0,4}"
# Each pattern starts with its rarest words so the regex engine can skip ahead; the words
# before them are read back from a short window (see _before).
_ARMED_RE = re.compile(rf"{_ARMED_WORDS}[ ]{_GROUP_WORDS}\b")
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:an?|the)[ ](?:[a-z-]+[ ]){0,2}$")
_NAME_AFTER_RE = re.compile(rf"(?:,[ ]|[ ](?:called|known as|named)[ ])(?P<name>{_NAME})")
_NAME_BEFORE_RE = re.compile(rf"(?<![\w’'])(?P<name>{_NAME}),[ ]$")

_INSTITUTIONS = frozenset(
    [
        "military",
        "army",
        "navy",
        "government",
        "authorities",
        "police",
        "parliament",
        "regime",
        "generals",
    ]
) | {
    "air force",
    "security forces",
    "armed forces",
    "intelligence services",
    "intelligence service",
    "foreign ministry",
    "military establishment",
}
_BODY_NOUNS = _INSTITUTIONS | gz.COLLECTIVE_NOUNS
_BODY_OWNER_RE = re.compile(
    r"(?P<the>\b[Tt]he[ ])?(?P<word>(?:[A-Z][\w.]*[ ])?[A-Z][\w.]*?)(?P<poss>[’']s)?[ ]$"
)
_CAMPAIGN_RE = re.compile(r"[ ](?P<what>campaign|administration|transition team)\b")
_CAMPAIGN_NAME_RE = re.compile(r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+)?)$")
_BEFORE_NAME_RE = re.compile(r"(?:\b(?:former|then-|late|acting)[ -]?)$")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_PRONOUNS = frozenset(
    ["he", "she", "him", "her", "they", "them", "it", "his", "hers", "their", "its"]
)


class _Actors:
    """The actors found so far, by (kind, name), and the characters already claimed. Indexes
    kept beside them make every look-up logarithmic or constant, so long texts stay linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = lowered(text)
        self._body_nouns: list[tuple[int, int, str]] | None = None
        self._lower_words: set[str] | None = None
        self.claimed = bytearray(len(text))
        self.by_key: dict[tuple[ActorKind, str], ActorDraft] = {}
        self.by_name: dict[str, ActorDraft] = {}
        #: each actor's mention starts, sorted (by id of the actor)
        self.starts: dict[int, list[int]] = {}
        self.seen: set[tuple[int, int, int]] = set()
        #: person mentions by where they end, for an organisation that takes one over
        self.person_ends: dict[int, list[tuple[ActorDraft, Span]]] = {}
        #: capitalised words no rule took: maybe a surname ("Khan") of a person named in full
        self.loose: list[Token] = []

    def in_lower_case(self, word: str) -> bool:
        """Whether ``word`` (in lower case) stands somewhere in the text as a whole word."""
        text = self.text
        if len(text) > 50_000:  # one pass over a long text, not one per word asked
            if self._lower_words is None:
                self._lower_words = set(_LOWER_WORD_RE.findall(text))
            return word in self._lower_words
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalpha()) and (
                end == len(text) or not text[end].isalpha()
            ):
                return True
            at = text.find(word, end)
        return False

    def body_nouns(self) -> list[tuple[int, int, str]]:
        """Where the text names a state organ's noun or a collective ("military", "analysts")."""
        if self._body_nouns is None:
            self._body_nouns = find_words(self.text, self.lower, _BODY_NOUNS)
        return self._body_nouns

    def free(self, start: int, end: int) -> bool:
        return not any(self.claimed[start:end])

    def add(
        self,
        kind: ActorKind,
        name: str,
        start: int,
        end: int,
        confidence: float,
        *,
        claim: bool = True,
        country: str | None = None,
        part_of: str | None = None,
    ) -> ActorDraft:
        actor = self.by_key.get((kind, name))
        if actor is None:
            actor = ActorDraft(name, kind, [], confidence, country=country, part_of=part_of)
            self.by_key[(kind, name)] = actor
            self.by_name.setdefault(name, actor)
            self.starts[id(actor)] = []
        else:
            actor.confidence = max(actor.confidence, confidence)
            actor.part_of = actor.part_of or part_of
        self.mention(actor, start, end)
        if claim:
            self.claimed[start:end] = b"\x01" * (end - start)
        return actor

    def mention(self, actor: ActorDraft, start: int, end: int) -> None:
        if (id(actor), start, end) in self.seen:
            return
        self.seen.add((id(actor), start, end))
        span = Span.of(self.text, start, end)
        actor.mentions.append(span)
        insort(self.starts[id(actor)], start)
        if actor.kind is ActorKind.PERSON:
            self.person_ends.setdefault(end, []).append((actor, span))

    def drop(self, actor: ActorDraft, span: Span) -> None:
        actor.mentions.remove(span)
        self.seen.discard((id(actor), span.start, span.end))
        starts = self.starts[id(actor)]
        del starts[bisect_left(starts, span.start)]

    def first(self, actor: ActorDraft) -> int | None:
        starts = self.starts[id(actor)]
        return starts[0] if starts else None

    def last_before(self, actor: ActorDraft, at: int) -> int | None:
        """Where ``actor`` was last named before ``at``."""
        starts = self.starts[id(actor)]
        i = bisect_left(starts, at)
        return starts[i - 1] if i else None

    def named(self, name: str) -> ActorDraft | None:
        return self.by_name.get(name)


def find_actors(text: str, attributions: Sequence[Attribution] = ()) -> list[ActorDraft]:
    """Every actor ``text`` names, each with all its mentions (exact spans), in order of first mention."""
    found = _Actors(text)
    _armed_groups(found)
    _state_bodies(found)
    _party_letters(found)
    headlines = headline_lines(text)
    headline_starts = [s for s, _ in headlines]
    for tokens in chunks(text):
        h = bisect_right(headline_starts, tokens[0].start) - 1
        in_headline = h >= 0 and tokens[0].start < headlines[h][1]
        _read_chunk(found, tokens, in_headline)
    _campaigns(found)
    _part_of(found)
    _collectives(found)
    _merge_single_names(found)
    _surnames(found)
    _speakers(found, attributions)
    actors = [a for a in found.by_key.values() if a.mentions]
    for actor in actors:
        actor.mentions.sort()
    actors.sort(key=lambda a: a.mentions[0].start)
    return actors


def _armed_groups(found: _Actors) -> None:
    """ "a militant group, Jaish al-Adl" and "Jaish al-Adl, a militant group"."""
    text = found.text
    for m in _ARMED_RE.finditer(text):
        det = read_back(_DETERMINER_BEFORE_RE, text, m.start(), 40)
        if det is None:
            continue
        after = _NAME_AFTER_RE.match(text, m.end())
        if after:
            start, end, name = after.start("name"), after.end("name"), after["name"]
        else:
            before = read_back(_NAME_BEFORE_RE, text, det.start(), 60)
            if before is None:
                continue
            name = _strip_leading_stopwords(before["name"])
            start, end = before.end("name") - len(name), before.end("name")
        if name and found.free(start, end):
            found.add(ActorKind.ARMED_GROUP, name, start, end, 0.8)
            found.add(ActorKind.ARMED_GROUP, name, det.start(), m.end(), 0.8, claim=False)


def _strip_leading_stopwords(name: str) -> str:
    words = name.split(" ")
    while words and words[0] in gz.STOPWORDS:
        words.pop(0)
    return " ".join(words)


_PARTY_LETTER_RE = re.compile(r"\((?P<letter>[DR])-[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?\)")


def _party_letters(found: _Actors) -> None:
    """The "D" of "Sen. Tim Kaine (D-Va.)" names the Democratic Party."""
    for m in _PARTY_LETTER_RE.finditer(found.text):
        party = gz.PARTY_LETTERS[m["letter"]]
        found.add(ActorKind.ORGANISATION, party, m.start("letter"), m.end("letter"), 0.7)


def _state_bodies(found: _Actors) -> None:
    """ "the Pakistani military", "Pakistan’s military", "Pakistani officials": a state's organ."""
    text = found.text
    for start_noun, end_noun, noun in found.body_nouns():
        if start_noun < 2 or text[start_noun - 1] != " ":
            continue
        previous, limit = start_noun - 1, max(0, start_noun - 30)
        while previous > limit and not text[previous - 1].isspace():
            previous -= 1
        if not text[previous : previous + 1].isupper():
            continue  # "the government": no state named before the noun
        owner = _BODY_OWNER_RE.search(text, max(0, start_noun - 40), start_noun)
        if owner is None:
            continue
        country, adjective, start = None, None, owner.start()
        for word, at in (
            (owner["word"], owner.start("word")),
            (owner["word"].rsplit(" ", 1)[-1], None),
        ):
            if owner["poss"]:
                country = gz.COUNTRY_NAMES.get(word)
                adjective = country.demonyms[0] if country and country.demonyms else None
            else:  # "Pakistani officials", and a short name used so: "U.S. officials"
                country = gz.DEMONYMS.get(word)
                if country is None and (word.isupper() or "." in word):
                    country = gz.COUNTRY_NAMES.get(word)
                adjective = word
            if country is not None and adjective is not None:
                if at is None:
                    start = owner.end("word") - len(word)
                break
        if country is None or adjective is None:
            continue
        if owner["the"] and start == owner.start("word"):
            start = owner.start()
        if noun in _INSTITUTIONS:
            kind, confidence = ActorKind.ORGANISATION, 0.8
        else:
            kind, confidence = ActorKind.COLLECTIVE, 0.85
        # the noun is taken ("Iranian authorities" are no bare "authorities"); the adjective
        # stays free, to name its state too
        found.claimed[start_noun:end_noun] = b"\x01" * (end_noun - start_noun)
        found.add(
            kind,
            f"{adjective} {noun}",
            start,
            end_noun,
            confidence,
            claim=False,
            country=country.iso2,
            part_of=country.name,
        )


def _label(tokens: list[Token]) -> tuple[list[str | None], list[int]]:
    """One label per token (a phrase list's label, or None for an unknown capitalised word) and
    the index of the last token of the phrase each token is part of."""
    labels: list[str | None] = [None] * len(tokens)
    ends = list(range(len(tokens)))
    i = 0
    while i < len(tokens):
        if tokens[i].connector:
            labels[i] = "link"
            i += 1
            continue
        longest = min(_MAX_PHRASE, len(tokens) - i) if tokens[i].text in _PHRASE_STARTS else 1
        for length in range(longest, 0, -1):
            if tokens[i + length - 1].connector:
                continue
            label = _PHRASES.get(" ".join(t.text for t in tokens[i : i + length]))
            if label:
                labels[i : i + length] = [label] * length
                ends[i : i + length] = [i + length - 1] * length
                i += length
                break
        else:
            i += 1
    for i in range(len(tokens) - 1):
        if (
            tokens[i].text in _HONORIFICS
            and labels[i + 1] not in (None, "link", "org")
            and tokens[i + 1].text not in _ADDRESSES
        ):
            labels[i + 1] = None  # "Mr. King", "Mr. Singer": after an honorific, a name
    return labels, ends


def _read_chunk(found: _Actors, tokens: list[Token], in_headline: bool) -> None:
    if len(tokens) == 1:  # most chunks: one word, no title before it, so never a person
        tok = tokens[0]
        label = _PHRASES.get(tok.text)
        if label is None:
            found.loose.append(tok)
            return
        if label not in _ONE_WORD_LABELS or not found.free(tok.start, tok.end):
            return
    labels, ends = _label(tokens)
    _heads(tokens, labels)
    i = 0
    while i < len(tokens):
        label = labels[i]
        j = ends[i] if label is not None else i
        while j + 1 < len(tokens) and labels[j + 1] == label and label in ("org", "armed", "place"):
            j += 1
        start, end = tokens[i].start, tokens[j].end
        if not found.free(start, end):
            i = j + 1
            continue
        words = " ".join(t.text for t in tokens[i : j + 1])
        if label in ("org", "armed"):
            kind = ActorKind.ORGANISATION if label == "org" else ActorKind.ARMED_GROUP
            found.add(kind, words, start, end, 0.8)
        elif label in ("country", "demonym"):
            _state(found, tokens, labels, i, j)
        elif label == "party" and words in gz.PARTIES:
            found.add(ActorKind.ORGANISATION, gz.PARTIES[words], start, end, 0.7)
        elif label is None:
            j = _person(found, tokens, labels, i, in_headline)
            found.loose.extend(t for t in tokens[i : j + 1] if not t.connector)
        i = j + 1


def _heads(tokens: list[Token], labels: list[str | None]) -> None:
    """Mark as "org" an organisation built on a head word and the words around it."""
    for i, tok in enumerate(tokens):
        if (
            tok.text not in gz.ORG_HEADS
            or labels[i] not in (None, "org")
            or labels[i - 1 if i else 0] == "org"
            and i
        ):
            continue
        first = i
        while first > 0 and labels[first - 1] in (
            None,
            "place",
            "country",
            "demonym",
            "party",
            "common",
            "title",
        ):
            first -= 1
        last, k, linked = i, i + 1, False
        while k < len(tokens):
            m = k
            while m < len(tokens) and labels[m] == "link":
                m += 1
            links = [t.text for t in tokens[k:m]]
            if m == k or m >= len(tokens) or not set(links) <= _ORG_LINKS:
                break
            if "and" in links and not linked:
                break
            if labels[m] not in _ORG_WORDS:
                break
            while m < len(tokens) and labels[m] in _ORG_WORDS:
                m += 1
            linked, last, k = True, m - 1, m
        if first == last and tok.text not in ("Taliban",):
            continue  # a head word alone ("the Department") names nothing
        labels[first : last + 1] = ["org"] * (last + 1 - first)


def _state(found: _Actors, tokens: list[Token], labels: list[str | None], i: int, j: int) -> None:
    tok = tokens[i]
    name = " ".join(t.text for t in tokens[i : j + 1])
    if name in gz.AMBIGUOUS_COUNTRY_NAMES and i > 0 and labels[i - 1] is None:
        return  # "Michael Jordan"
    country = gz.country(name)
    if country is None:
        return
    found.add(ActorKind.STATE, country.name, tok.start, tokens[j].end, 0.9, country=country.iso2)


def _person(
    found: _Actors, tokens: list[Token], labels: list[str | None], i: int, in_headline: bool
) -> int:
    """Read a person's name from token i on; return the index of its last token."""
    j = i
    while j + 1 < len(tokens) and (
        labels[j + 1] is None
        or (tokens[j + 1].text in _NAME_PARTICLES and j + 2 < len(tokens) and labels[j + 2] is None)
        or (_is_initial(tokens[j].text) and labels[j + 1] in ("org", "place", "common"))
    ):
        j += 1
    words = [t for t in tokens[i : j + 1] if not t.connector]
    # titles and party words right before the name
    t = i
    while (
        t > 0
        and labels[t - 1] in ("title", "link")
        and (labels[t - 1] == "title" or t - 2 >= 0 and labels[t - 2] == "title")
    ):
        t -= 1
    while t < i and labels[t] == "link":
        t += 1
    titled = t < i
    if (
        in_headline
        or any(w.text.isupper() and len(w.text.rstrip(".")) > 1 for w in words)
        or len(words) > 4
    ):
        return j
    if (
        _is_initial(words[-1].text)
        or words[-1].text in gz.ORG_HEADS
        or words[-1].text in gz.PLACE_HEADS
        or words[0].text in gz.PLACE_FIRST_WORDS
        or (i > 0 and labels[i - 1] == "common")
        or any(map(_names_a_thing, words))
        or (len(words) > 1 and found.in_lower_case(words[-1].text.lower()))
    ):
        return j
    if len(words) < 2 and not titled:
        return j
    text = found.text
    start = tokens[t].start
    before = _BEFORE_NAME_RE.search(text, max(0, start - 8), start)
    if titled and before:
        start = before.start()
    name = " ".join(tk.text for tk in tokens[i : j + 1]).replace("- ", "-")
    name = re.sub(r"(al|el|ad|as|ash)- ", r"\1-", name)
    if not found.free(tokens[i].start, tokens[j].end):
        return j
    confidence = 0.9 if titled else 0.75
    actor = found.add(ActorKind.PERSON, name, start, tokens[j].end, confidence)
    if len(words) == 1:
        actor.confidence = min(actor.confidence, 0.6)
    return j


_ONE_WORD_LABELS = frozenset({"org", "armed", "country", "demonym", "party"})
_THING_LABELS = frozenset({"country", "demonym", "org", "armed", "place"})


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "."


def _names_a_thing(word: Token) -> bool:
    """ "Pro-Islamic", "France-Presse": a hyphenated word built on a country or organisation."""
    return "-" in word.text and any(_PHRASES.get(p) in _THING_LABELS for p in word.text.split("-"))


def _campaigns(found: _Actors) -> None:
    """ "the Clinton campaign", "the Bush administration": an organisation named after a person
    (one the text names, or a capitalised word no list knows as something else)."""
    people = {a.name.split()[-1] for a in found.by_key.values() if a.kind is ActorKind.PERSON}
    for m in _CAMPAIGN_RE.finditer(found.text):
        owner = read_back(_CAMPAIGN_NAME_RE, found.text, m.start(), 40)
        if owner is None:
            continue
        surname = owner["name"].split()[-1]
        if surname not in people and (surname in _PHRASES or surname.isupper()):
            continue  # "the Republican campaign", "the Senate campaign", "the U.S. administration"
        if any(found.claimed[m.start("what") : m.end("what")]):
            continue
        # the name may be claimed as a person's mention: the organisation takes it
        _unclaim_mention(found, owner.start(), owner.end())
        start = (
            owner.start()
            if owner["name"].split()[0] not in gz.STOPWORDS
            else owner.end() - len(surname)
        )
        found.add(ActorKind.ORGANISATION, f"{surname} {m['what']}", start, m.end(), 0.75)


_POSSESSIVE_RE = re.compile(r"[’']s[ ](?:the[ ])?$")


def _part_of(found: _Actors) -> None:
    """ "the Wilson Center’s South Asia Institute": the second organisation is part of the first."""
    orgs = [a for a in found.by_key.values() if a.kind is ActorKind.ORGANISATION]
    ends = {m.end: a for a in orgs for m in a.mentions}
    for actor in orgs:
        for mention in actor.mentions:
            m = _POSSESSIVE_RE.search(found.text, max(0, mention.start - 7), mention.start)
            owner = ends.get(m.start()) if m else None
            if owner is not None and owner is not actor and actor.part_of is None:
                actor.part_of = owner.name


def _unclaim_mention(found: _Actors, start: int, end: int) -> None:
    """Free the words start..end: the person mention ending there is dropped."""
    for actor, span in found.person_ends.pop(end, []):
        found.drop(actor, span)
    found.claimed[start:end] = bytes(end - start)


def _collectives(found: _Actors) -> None:
    for start, end, noun in found.body_nouns():
        if noun in gz.COLLECTIVE_NOUNS and found.free(start, end):
            found.add(ActorKind.COLLECTIVE, noun, start, end, 0.85)


def _merge_single_names(found: _Actors) -> None:
    """A person known only as "Obama" (from "President Obama") is "Barack Obama" when the text
    names him in full."""
    full = {}
    for actor in found.by_key.values():
        if actor.kind is ActorKind.PERSON and " " in actor.name:
            full.setdefault(_surname(actor.name), actor)
    for key, actor in list(found.by_key.items()):
        if actor.kind is ActorKind.PERSON and " " not in actor.name and actor.name in full:
            target = full[actor.name]
            for span in actor.mentions:
                found.mention(target, span.start, span.end)
            target.confidence = max(target.confidence, actor.confidence)
            del found.by_key[key]
            found.by_name[actor.name] = target


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return words[-1] if words else name


_TITLE_BEFORE_RE = re.compile(
    "(?<![\\w.])(?:" + "|".join(re.escape(t) for t in gz.PERSON_TITLES if len(t) < 12) + ")[ ]$"
)


def _surnames(found: _Actors) -> None:
    """Each "Khan" (or "Mr. Khan", or "KHAN" in a transcript) is the person last named in full
    with that surname; before any full name, the one person with that surname, if only one."""
    people: dict[str, list[ActorDraft]] = {}
    for actor in found.by_key.values():
        if actor.kind is ActorKind.PERSON:
            people.setdefault(_surname(actor.name), []).append(actor)
    if not people:
        return
    text = found.text
    for word in found.loose:
        same = people.get(word.text)
        if same is None and word.text.isupper() and len(word.text) > 2:
            same = people.get(word.text.title())
        if same is None or not found.free(word.start, word.end):
            continue
        last = [(found.last_before(a, word.start), i) for i, a in enumerate(same)]
        earlier = [(at, i) for at, i in last if at is not None]
        if earlier:
            actor = same[max(earlier)[1]]
        elif len(same) == 1:
            actor = same[0]
        else:
            continue  # "Clinton" before both Hillary and Bill Clinton are named
        title = read_back(_TITLE_BEFORE_RE, text, word.start, 16)
        start = title.start() if title else word.start
        found.add(ActorKind.PERSON, actor.name, start, word.end, actor.confidence)


def _speakers(found: _Actors, attributions: Iterable[Attribution]) -> None:
    """The attribution step's resolved speakers are actors; their source spans are mentions.
    A speaker given by surname alone ("Trump") is the one person of that surname, if one."""
    people: dict[str, list[ActorDraft]] = {}
    for actor in found.by_key.values():
        if actor.kind is ActorKind.PERSON and " " in actor.name:
            people.setdefault(_surname(actor.name), []).append(actor)
    for attribution in attributions:
        if not attribution.speaker:
            continue
        actor = found.named(attribution.speaker)
        if actor is None and len(people.get(attribution.speaker, ())) == 1:
            actor = people[attribution.speaker][0]
        kind = attribution.speaker_kind or ActorKind.PERSON
        source = attribution.source
        if source is None:
            continue
        start, end = source.start, source.end
        at = source.text.find(attribution.speaker)
        if at >= 0:
            start, end = start + at, start + at + len(attribution.speaker)
        elif source.text.lower() not in _PRONOUNS and len(source.text.split()) > 4:
            continue
        if actor is None:
            found.add(kind, attribution.speaker, start, end, attribution.confidence)
        elif found.free(start, end) or (id(actor), start, end) in found.seen:
            found.add(actor.kind, actor.name, start, end, actor.confidence)
