"""Affiliations, roles and places that the text gives a person beside their name.

Three shapes:

- after the name, set off by a comma: "Michael Kugelman, the director of the Wilson Center’s
  South Asia Institute", "Madiha Afzal, a fellow at the Brookings Institution in Washington",
  "Malik Siraj Akbar, a Washington-based expert on the region";
- before the name: "Trump campaign manager Kellyanne Conway", "Clinton spokesman Brian Fallon";
- party and state in brackets: "Sen. Tim Kaine (D-Va.)".

The organisation is always one of the actors :func:`newsdb.extract.actors.find_actors` found,
named as there; the descriptor span is the appositive's own words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from newsdb.extract import gazetteer as gz
from newsdb.extract.types import ActorDraft, AffiliationDraft, Span
from newsdb.vocab import ActorKind

# a full stop ends the descriptor unless it belongs to an abbreviation ("U.S.", "D.C.")
_TITLE_STOPS = "|".join(
    rf"(?<={t})\." for t in ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "St")
)
_BODY = rf"(?:[^,;:!?“”\"\n—()\[\].]|\.(?=[^\s])|(?<=\b[A-Z])\.(?=[ ][A-Z])|{_TITLE_STOPS})+"
_AFTER_RE = re.compile(rf",[ ](?:\d{{1,3}},[ ])?(?P<desc>{_BODY})")
_DETERMINER_RE = re.compile(r"(?:(?:now|also|then|himself|herself)[ ])?(?:the|an?|former|then-)[ ]")
_NOT_A_DESCRIPTOR = frozenset(
    [
        "who",
        "which",
        "whose",
        "whom",
        "where",
        "when",
        "said",
        "says",
        "told",
        "and",
        "but",
        "or",
        "as",
        "while",
        "is",
        "was",
        "has",
        "had",
        "will",
        "would",
        "according",
        "added",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "to",
        "of",
    ]
)
#: a relative clause ends the appositive: "a pollster who worked for Cruz"
_CLAUSE_RE = re.compile(r"[ ](?:who|whom|whose|which|that|where|when)[ ]")
#: words that make the words after a name a clause, not a description of the person
_VERBS = gz.word_set(
    """is are was were has have had said says told will would can could did do does despite
    we we’ve we've he she they him them us you i"""
)
_ROLE_START_STOP = gz.word_set("and or but their his her its")
_BASED_RE = re.compile(r"(?P<loc>[A-Z][\w.]*(?:[ ][A-Z][\w.]*)*)-based[ ]")
_IN_PLACE_RE = re.compile(r"[ ](?P<written>in[ ](?P<loc>[A-Z][\w.]*(?:,?[ ][A-Z][\w.]*)*))$")
_ROLE_TAIL_RE = re.compile(r"(?:[ ](?:at|of|with|for|in|from|to))?(?:[ ]the)?[ ]*$")
#: where a role without a known organisation stops: before the words that name where it is held
#: ("a senior analyst at Jefferies" -> "senior analyst"; "an expert on the region" stays whole)
_ROLE_CUT_RE = re.compile(r"[ ](?:at|of|for|with|in|from)[ ](?:the[ ])?(?=[A-Z])")
_PREPOSITION_RE = re.compile(r"[ ](?:at|of|for|with|in|from)[ ]")
#: words that may stand before a role word in front of a name ("Trump campaign manager",
#: "Democratic vice presidential nominee"); anything else there is more likely a verb or object
_ROLE_MODIFIERS = gz.word_set(
    """presidential vice campaign press senior chief national deputy former top communications
    policy political foreign economic executive general finance digital longtime independent
    conservative liberal veteran assistant associate acting state senate house white research
    legal security defense military intelligence data media regional field principal"""
)
_ROLE_WORDS = (
    "manager|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|adviser|advisor|aide|"
    "strategist|director|analyst|candidate|nominee|secretary|pollster|surrogate|lawyer|attorney|"
    "economist|professor|expert|official|chief|founder|executive|head|leader|fellow|researcher|"
    "scholar|correspondent|reporter|editor|columnist|commentator|lobbyist|donor|mate|operative|"
    "organizer|organiser|staffer|consultant|president|member|representative|senator|governor"
)
_BEFORE_RE = re.compile(
    rf"(?<![\w’'-])(?P<mods>(?:[a-z][\w-]*[ ]){{0,2}})(?P<word>{_ROLE_WORDS})[ ]$"
)
_PARTY_STATE_RE = re.compile(
    r"[ ]\((?P<desc>(?P<party>[DRI])-(?P<state>[A-Z][\w.]*(?:[ ][A-Z][\w.]*)?))\)"
)
_TITLE_ROLES = {
    "Sen.": "senator",
    "Rep.": "representative",
    "Gov.": "governor",
    "Sens.": "senator",
    "Reps.": "representative",
    "Gen.": "general",
    "Col.": "colonel",
    "Lt.": "lieutenant",
    "Adm.": "admiral",
}
_MAX_WORDS = 14
_HONORIFICS = frozenset(["", "Mr.", "Mrs.", "Ms.", "Dr.", "Miss"])


def find_affiliations(text: str, actors: Sequence[ActorDraft]) -> list[AffiliationDraft]:
    """What the text says of each person beside their name: role, organisation, place."""
    org_mentions = _Mentions(
        sorted(
            ((m, a) for a in actors if a.kind is ActorKind.ORGANISATION for m in a.mentions),
            key=lambda pair: (pair[0].start, pair[0].end),
        )
    )
    org_ends = {m.end: a for m, a in org_mentions.pairs}
    names = {a.name for a in actors}
    found: dict[tuple[str, Span], AffiliationDraft] = {}
    for person in actors:
        if person.kind is not ActorKind.PERSON:
            continue
        for mention in person.mentions:
            for draft in (
                _after(text, person, mention, org_mentions),
                _before(text, person, mention, org_ends),
                _title(text, person, mention, org_ends),
                _party_state(text, person, mention, names),
            ):
                if draft is not None:
                    found.setdefault((draft.person, draft.descriptor), draft)
    return sorted(found.values(), key=lambda d: d.descriptor.start)


class _Mentions:
    """Organisation mentions in text order, with their starts for a binary search."""

    def __init__(self, pairs: list[tuple[Span, ActorDraft]]) -> None:
        self.pairs = pairs
        self.starts = [m.start for m, _ in pairs]


def _after(text: str, person: ActorDraft, mention: Span, orgs) -> AffiliationDraft | None:
    """ "Michael Kugelman, the director of the Wilson Center’s South Asia Institute"."""
    m = _AFTER_RE.match(text, mention.end)
    if not m:
        return None
    start, end = m.start("desc"), m.end("desc")
    desc = m["desc"]
    clause = _CLAUSE_RE.search(desc)
    if clause:
        desc, end = desc[: clause.start()], start + clause.start()
    words = desc.split()
    if (
        not words
        or len(words) > _MAX_WORDS
        or words[0] in _NOT_A_DESCRIPTOR
        or not words[0][0].islower()
        or any(w in _VERBS for w in words)
        or words[0].endswith("ing")
        or (words[-1].endswith("ed") and len(words) > 1)
    ):
        return None
    first = bisect_left(orgs.starts, start)
    inside = [a_m for a_m in orgs.pairs[first : bisect_left(orgs.starts, end)] if a_m[0].end <= end]
    determiner = _DETERMINER_RE.match(desc)
    if not determiner and not inside:
        return None  # "Smith, Jones and Brown": a list, not an appositive
    pos = determiner.end() if determiner else 0
    location = written = None
    based = _BASED_RE.match(desc, pos)
    if based:
        location, written, pos = based["loc"], f"{based['loc']}-based", based.end()
    tail = desc
    in_place = _IN_PLACE_RE.search(desc)
    if in_place and (not inside or start + in_place.start() >= inside[-1][0].end):
        location, written = in_place["loc"], in_place["written"]
        tail = desc[: in_place.start()]
    if inside:
        mention, org = inside[0]
        for later, other in inside[1:]:  # "the Wilson Center’s South Asia Institute"
            if other.part_of == org.name:
                mention, org = later, other
        role = _org_role(desc, pos, inside[0][0].start - start, mention.end - start, len(tail))
        organisation = org.name
    else:
        cut = _ROLE_CUT_RE.search(tail, pos)
        role, organisation = tail[pos : cut.start() if cut else len(tail)].strip(), None
    if not role or not role[0].islower() or role.split()[0] in _ROLE_START_STOP:
        return None
    confidence = 0.85 if organisation else 0.7
    return AffiliationDraft(
        person.name, Span.of(text, start, end), confidence, organisation, role, location, written
    )


def _org_role(desc: str, pos: int, org_start: int, org_end: int, tail_end: int) -> str:
    """The role in a descriptor around its organisation: before it ("the director of X"), or
    after it ("a CNN commentator", "the state Senate majority leader")."""
    before = desc[pos:org_start]
    cut = _PREPOSITION_RE.search(before)  # "director of the " -> "director"
    if cut:
        return before[: cut.start()].strip()
    after = desc[org_end:tail_end].strip()
    if after and after[0].islower():
        return " ".join(w for w in (before.strip(), after) if w)
    return _ROLE_TAIL_RE.sub("", before)


def _before(text: str, person: ActorDraft, mention: Span, org_ends) -> AffiliationDraft | None:
    """ "Trump campaign manager Kellyanne Conway": an organisation and a role before the name."""
    m = _BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)
    if not m:
        return None
    if m["mods"] and not set(m["mods"].split()) <= _ROLE_MODIFIERS:
        m = _BEFORE_RE.search(text, m.start("word"), mention.start)  # the role word alone
    role_start, org = m.start(), None
    # the organisation ends right before the role, or takes its first words ("Clinton campaign")
    for at in [m.start() - 1] + [i for i in range(m.start(), m.end() - 1) if text[i] == " "]:
        org = org_ends.get(at)
        if org is not None:
            role_start = at + 1
            break
    role = text[role_start : m.end() - 1]
    if org is None:
        if len(role.split()) < 2:
            return None  # "director Jane Doe" without an organisation says too little
        start = m.start()
    else:
        start = max(s.start for s in org.mentions if s.end == (role_start - 1))
    return AffiliationDraft(
        person.name, Span.of(text, start, m.end() - 1), 0.65, org.name if org else None, role
    )


def _title(text: str, person: ActorDraft, mention: Span, org_ends) -> AffiliationDraft | None:
    """ "Senate Majority Leader Mitch McConnell": an organisation, then the title the mention
    starts with."""
    org = (
        org_ends.get(mention.start - 1) if text[mention.start - 1 : mention.start] == " " else None
    )
    title = _title_of(person, mention)
    if org is None or not title:
        return None
    start = max(s.start for s in org.mentions if s.end == mention.start - 1)
    end = mention.start + len(title)
    role = _TITLE_ROLES.get(title, title)
    return AffiliationDraft(person.name, Span.of(text, start, end), 0.7, org.name, role)


def _title_of(person: ActorDraft, mention: Span) -> str:
    """The title a mention gives before the name: "Sen." of "Sen. Tim Kaine"."""
    if mention.text.endswith(person.name) and len(mention.text) > len(person.name):
        return mention.text[: -len(person.name)].strip()
    return ""


def _party_state(text: str, person: ActorDraft, mention: Span, names) -> AffiliationDraft | None:
    """ "Sen. Tim Kaine (D-Va.)": the party and the state the person stands for."""
    m = _PARTY_STATE_RE.match(text, mention.end)
    if not m:
        return None
    party = gz.PARTY_LETTERS.get(m["party"])
    state = gz.US_STATE_ABBREVIATIONS.get(m["state"], m["state"])
    if party not in names:
        party = None
    title = _title_of(person, mention)
    role = _TITLE_ROLES.get(title, None if title in _HONORIFICS else title or None)
    return AffiliationDraft(
        person.name,
        Span.of(text, m.start("desc"), m.end("desc")),
        0.8,
        party,
        role,
        state,
        m["state"],
    )
