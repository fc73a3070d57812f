"""The cue lexicon: the words that mark speech, thought or report ("said", "told",
"according to", "in a statement", "has learned", "warned", "believes"...).

Verbs are listed by their forms, so no stemmer is needed. ``CUE`` matches a verb with the
auxiliaries and adverbs that belong to the cue ("has said", "also told", "later added"), in
any case. Passive cues ("were reported to", "widely understood", "was seen as") credit nobody.
"""

from __future__ import annotations

import re

# verbs that report speech or a stated view, each with its forms
_FORMS = """
say says said saying | tell tells told telling | add adds added adding
write writes wrote writing | note notes noted noting | argue argues argued arguing
explain explains explained explaining | warn warns warned warning
believe believes believed | think thinks | claim claims claimed claiming
insist insists insisted insisting | state states stated | announce announces announced announcing
report reports reported | suggest suggests suggested suggesting
acknowledge acknowledges acknowledged acknowledging | assert asserts asserted
contend contends contended | predict predicts predicted predicting
maintain maintains maintained | recall recalls recalled recalling
reply replies replied | respond responds responded | tweet tweets tweeted tweeting
declare declares declared declaring | concede concedes conceded | confirm confirms confirmed
estimate estimates estimated | ask asks asked asking | continue continues continued
observe observes observed | emphasize emphasizes emphasized emphasised | stress stresses stressed
complain complains complained complaining | admit admits admitted admitting
agree agrees agreed | counter counters countered | caution cautions cautioned
conclude concludes concluded | reveal reveals revealed | promise promises promised promising
vow vows vowed vowing | pledge pledges pledged | urge urges urged urging
recount recounts recounted | remark remarks remarked | quip quips quipped | joke jokes joked
testify testifies testified | allege alleges alleged | speculate speculates speculated
charge charges charged | boast boasts boasted | lament laments lamented | wonder wonders wondered
hope hopes hoped | fear fears feared | worry worries worried | expect expects
signal signals signaled signalled | indicate indicates indicated | blame blames blamed
describe describes described | call calls called calling | learn learns learned
insist insists | point points pointed | show shows showed | find finds found
endorse endorses endorsed endorsing | criticize criticizes criticized criticizing criticise
criticised | want wants wanted | praise praises praised praising | accuse accuses accused
accusing | defend defends defended defending | support supports supported supporting
deny denies denied denying | reject rejects rejected rejecting | oppose opposes opposed opposing
propose proposes proposed proposing | seek seeks sought seeking | plan plans planned
refuse refuses refused refusing | decline declines declined declining
question questions questioned questioning | dismiss dismisses dismissed dismissing
attack attacks attacked attacking | blast blasts blasted blasting | slam slams slammed slamming
condemn condemns condemned condemning | applaud applauds applauded | demand demands demanded
demanding | welcome welcomes welcomed | challenge challenges challenged | mock mocks mocked
mocking | recommend recommends recommended | threaten threatens threatened threatening
dispute disputes disputed | reiterate reiterates reiterated | tout touts touted touting
decry decries decried | deride derides derided | fault faults faulted | insisting
reject | cite cites cited citing | mention mentions mentioned mentioning | discuss discusses
discussed discussing | accept accepts accepted | compare compares compared comparing
predicted | push pushes pushed pushing | advocate advocates advocated | favor favors favored
favour favours favoured | suggest | label labels labeled labelled | dub dubs dubbed
denounce denounces denounced denouncing | brand branded | term termed
characterize characterizes characterized characterizing | hail hails hailed
imply implies implied | yell yelled | shout shouted | proclaim proclaims proclaimed
echo echoed echoing | thank thanks thanked | congratulate congratulated | apologize apologized
project projects projected | rail railed | lash lashed | assure assures assured
remind reminds reminded | concede conceding | reiterate reiterating | acknowledge
refer refers referred referring | talk talks talked talking | speak speaks spoke speaking
focus focuses focused focusing | vote votes voted voting | comment comments commented
commenting | respond responding | weigh weighs weighed weighing | criticize | applaud applauding
"""
#: forms that are nouns as often as verbs ("the plan", "attacks"): never cues on their own
_NOUNS = frozenset(
    """
plan planned support question attack challenge demand welcome fault label favor favour push mention compare dub dispute blast slam mock praise cite point report state call counter charge estimate hope fear worry promise pledge vow tweet joke quip remark claim
""".split()
)
VERB_FORMS = frozenset(w for group in _FORMS.split("|") for w in group.split()) - _NOUNS

#: forms that need "that" (or a quote) after them to count as a cue: "found that", "shows that"
NEEDS_THAT = frozenset(
    "show shows showed find finds found learn learns point points pointed continue continues "
    "continued call calls called describe describes described charge charges charged counter "
    "counters countered state states stated report reports reported estimate estimates "
    "estimated plans supports questions attacks challenges demands welcomes faults labels "
    "favors favours pushes mentions disputes blasts slams mocks praises cites reports states "
    "hopes fears worries promises pledges vows tweets jokes quips remarks claims".split()
)
#: forms that never stand alone before a quote or a clause as a reliable cue
_ASPECT = (
    r"(?:has|have|had|will|would|could|might|may|did|does|do|also|later|previously|"
    r"repeatedly|then|once|recently|publicly|privately|often|long|already|never|reportedly|"
    r"again|further|ultimately|initially|first|still|even|just|quickly|simply|flatly|"
    r"separately|earlier|now|only|has\s+also|had\s+also|not|n’t|n't)"
)
_ASPECT_WORDS = frozenset(_ASPECT.strip("(?:)").replace("\\s+", " ").split("|"))
_WORD = re.compile(r"[A-Za-z’']+")
_STMT = re.compile(r"\s+in\s+(?:a|an|the|its|his|her|their)\s+(?:\w+\s+)?statement\b")
_OUT = re.compile(r"\s+out\b(?=\s+that)")


_BE = frozenset("is are was were been be".split())


def _aspect(word: str) -> bool:
    """An auxiliary or adverb that belongs to the cue after it: "has", "wouldn’t", "publicly"."""
    return (
        word in _ASPECT_WORDS
        or word.endswith(("n’t", "n't"))
        or (word.endswith("ly") and len(word) > 4)
    )


class Cue:
    """One cue found in the text: the verb with its auxiliaries ("has also said")."""

    __slots__ = ("_end", "_start", "verb")

    def __init__(self, start: int, end: int, verb: str):
        self._start, self._end, self.verb = start, end, verb

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def find_cues(text: str, lo: int, hi: int) -> list[Cue]:
    """Every cue verb between ``lo`` and ``hi``, extended over the auxiliaries before it and
    "in a statement" or "out" after it. A scan of words against a set: fast on long texts."""
    out = []
    toks = list(_WORD.finditer(text, lo, hi))
    for k, m in enumerate(toks):
        verb = m.group().lower()
        if verb not in VERB_FORMS:
            continue
        start = m.start()
        j = k - 1
        while (
            j >= 0
            and k - j <= 3
            and (
                _aspect(toks[j].group().lower())
                or (verb.endswith("ing") and toks[j].group().lower() in _BE)
            )  # "is telling"
            and not text[toks[j].end() : start].strip()
        ):
            start = toks[j].start()
            j -= 1
        end = m.end()
        tail = _STMT.match(text, end, hi) or _OUT.match(text, end, hi)
        if tail:
            end = tail.end()
        out.append(Cue(start, end, verb))
    return out


#: verbs whose report comes after a preposition: "talked about ...", "referring to ..."
PREPOSITIONAL = frozenset(
    "refer refers referred referring talk talks talked talking speak speaks spoke speaking "
    "focus focuses focused focusing vote votes voted voting comment comments commented "
    "commenting respond responding weigh weighs weighed weighing".split()
)
PREP_AFTER = re.compile(r"\s*(?:in\s+)?(?:about|to|of|on|for|against|at|with|as)\b")
#: forms that report someone else's words in a participle clause: "..., adding that"
PARTICIPLES = frozenset(w for w in VERB_FORMS if w.endswith("ing"))
#: verbs whose object comes before the reported content: "told reporters that ..."
TAKES_OBJECT = frozenset(
    "tell tells told telling ask asks asked asking urge urges urged "
    "urging warn warns warned warning promise promises promised "
    "assure assures assured remind reminds reminded".split()
)

ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\b")
STATEMENT = re.compile(r"\b[Ii]n\s+(?:a|an|the|its|his|her|their)\s+(?:\w+\s+)?statement\b")
HAS_LEARNED = re.compile(r"\b(?:has|have)\s+learned\b")

#: agentless attribution: nobody is named as the source
PASSIVE = re.compile(
    r"\b(?:(?:is|are|was|were|been|being|be)\s+(?:(?:widely|generally|largely|commonly|"
    r"broadly|also|now|still|long|often)\s+)?(?:reported|believed|thought|understood|said|"
    r"expected|seen|considered|viewed|regarded|rumou?red|alleged|accused|estimated|"
    r"known|described|perceived|deemed)\s+(?:to|as|that|of)\b"
    r"|widely\s+(?:understood|believed|seen|viewed|regarded|expected|reported|accused|"
    r"considered|known|criticized|criticised|praised)"
    r"|reportedly|it\s+(?:is|was|has\s+been)\s+(?:widely\s+)?(?:reported|believed|"
    r"said|thought|understood|feared|expected)\s+that"
    r"|raised\s+(?:fears|concerns|questions|hopes|doubts|alarm)(?=\s+that|\s+about|\s+over))\b",
    re.IGNORECASE,
)


def ends_with_cue(text: str) -> bool:
    """Whether ``text`` ends with a cue verb: "Beck said" (before "said, “...”")."""
    last = None
    for last in _WORD.finditer(text, max(0, len(text) - 20)):
        pass
    return (
        last is not None and last.end() == len(text.rstrip()) and last.group().lower() in VERB_FORMS
    )
