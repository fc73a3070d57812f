"""Attributions found in raw text: :func:`find_attributions` is the entry point.

Reading order matters, because "she added" and "Kugelman" resolve to who came before, so the
text is read sentence by sentence: first the quotation-mark segments that open in the
sentence (their cue after the closing mark, before the opening one, or none: a continuation
or a speaker named in the sentence before), then reported speech without marks ("X said
that ...", "..., analysts said.", "according to X"), then agentless cues ("were reported
to"). Every sentence left over is the writer's own voice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from newsdb.extract import cues, words
from newsdb.extract.modes import mode_of
from newsdb.extract.phrases import is_source, np_after, np_before, source_before
from newsdb.extract.quantity import quantity_before
from newsdb.extract.questions import questions
from newsdb.extract.quotes import Quote, find_quotes
from newsdb.extract.seeming import seeming
from newsdb.extract.segment import paragraphs, sentences
from newsdb.extract.speakers import Resolver, Speaker, kind_of
from newsdb.extract.types import Attribution, Span
from newsdb.vocab import ActorKind, AttributionMode

_COLON_INTRO = re.compile(
    r"(?:^|[.!?]\s+)(?P<cue>Said|Says|Added|Adds|Wrote|Writes|Asked|Explained|Noted|Recalled)"
    r"\s+(?P<src>[^:]{1,80}?)\s*:\s*$"
)
#: what may follow ", she said" without the cue clause being inside the content
_AFTERTHOUGHT = re.compile(
    r"\s*(?:\w+\s+){0,2}?,\s*(?:on|in|at|during|after|before|because|as|when|while|who|"
    r"which|adding|noting|saying|though|although|citing|referring|speaking|according)\b"
)
#: the end of a cue clause set in commas: "..., analysts said, ..." / "..., she said Sunday, ..."
_ASIDE_END = re.compile(
    r"\s*,|\s+(?:on|in|at|last|this|late|early)\b[^,]{0,30},|\s+\w+day(?:\s+\w+)?,|\s+\w+ly,"
)
_DASH = re.compile(r"\s*[—–―]\s*")
#: a source phrase with a relative clause before its cue: "a senior official who spoke on
#: condition of anonymity said"
_RELATIVE = re.compile(
    r"(?P<np>(?:\b[\w’'.\-]+\s+){0,5}?\b[\w’'.\-]+),?\s+(?:who|whose)\s+[^,.;:“”\"]{1,90}?,?\s*$"
)
_CONTINUING = frozenset("added adds adding continued continues went".split())
_TRAIL = re.compile(r"^[\s.,;:]*$")
# a short adverbial that may follow a cue at the end of a sentence: "on Sunday", "in an interview"
_ADVERBIAL = re.compile(
    r"^(?:\s+(?:on|in|at|during|last|this|late|early|to|with|from|before|after|via|over|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|Thursday)"
    r"\b[^,;:“”\"]{0,60}?)?\s*[.!?]?[”\"]?\s*$"
)


@dataclass
class _Item:
    kind: str
    content: Span
    cue: Span | None
    source: Span | None
    speakers: list[Speaker]
    confidence: float
    claim: Span | None = None
    continues: _Item | None = None
    extra: dict = field(default_factory=dict)


class _Reader:
    """The state of one pass over a text."""

    def __init__(self, text: str):
        self.text = text
        self.paras = paragraphs(text)
        self.sents = [s for p in self.paras for s in sentences(text, p)]
        self.starts = [s.start for s in self.sents]
        self.quotes = find_quotes(text, self.paras)
        self.resolver = Resolver(text)
        self.items: list[_Item] = []
        self.used: list[tuple[int, int]] = []  # cue spans already taken
        self.inside: list[tuple[int, int]] = [(q.content.start, q.content.end) for q in self.quotes]
        self.cues = cues.find_cues(text, 0, len(text))
        self.cue_starts = [c.start() for c in self.cues]
        self.passives = list(cues.PASSIVE.finditer(text))

    def cues_in(self, lo: int, hi: int) -> list[cues.Cue]:
        """The cues that lie wholly between ``lo`` and ``hi``."""
        i = bisect.bisect_left(self.cue_starts, lo)
        out = []
        while i < len(self.cues) and self.cues[i].start() < hi:
            if self.cues[i].end() <= hi:
                out.append(self.cues[i])
            i += 1
        return out

    # -- helpers ----------------------------------------------------------------------------
    def sentence_at(self, pos: int) -> Span:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.sents[i] if self.sents else Span(0, len(self.text), self.text)

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.inside)

    def taken(self, span: Span) -> bool:
        return any(a < span.end and span.start < b for a, b in self.used)

    def span(self, a: int, b: int) -> Span:
        """A span with the spaces and trailing punctuation at its ends cut off."""
        t = self.text
        while a < b and (t[a].isspace() or t[a] in ",;:—–"):
            a += 1
        while b > a and (t[b - 1].isspace() or t[b - 1] in ",;:.—–"):
            b -= 1
        return Span.of(t, a, b)

    def speakers(self, source: Span | None, sentence: Span) -> list[Speaker]:
        if source is None:
            return []
        found = self.resolver.resolve(source, sentence)
        if not found:  # a pronoun with nobody before it to stand for
            kind, _ = kind_of(source.text)
            if source.text.lower() in ("he", "she", "i"):
                kind = ActorKind.PERSON
            found = [Speaker(source.text, kind, False)]
        for sp in found:
            self.resolver.remember(source.start, sp)
        return found

    def add(self, item: _Item) -> _Item:
        self.items.append(item)
        if item.cue is not None:
            self.used.append((item.cue.start, item.cue.end))
        return item


# -- quotation-mark segments ----------------------------------------------------------------
def _cue_after(r: _Reader, q: Quote, direct: bool = True) -> tuple[Span, Span | None] | None:
    """ "...,” said X" / "...,” X said" / "...” —X": the cue and source after a closing mark."""
    if q.runs_on:
        return None
    t = r.text
    para = r.paras[q.paragraph]
    k = q.end
    while k < para.end and t[k].isspace():
        k += 1
    # a direct quote's cue may open the next "sentence": “... leader!” Jeff Sessions said.
    sent = r.sentence_at(k if direct else q.end - 1)
    hi = min(para.end, max(sent.end, q.end + 1))
    nxt = t.find("“", q.end, hi)
    if nxt != -1:
        hi = nxt
    dash = _DASH.match(t, q.end, hi)
    if dash:
        src = np_after(t, dash.end(), hi)
        if src is not None and src.text[:1].isupper():
            return Span.of(
                t, dash.start() + (len(dash.group()) - len(dash.group().lstrip())), dash.end()
            ), src
    found = r.cues_in(q.end, min(hi, q.end + 90))
    m = found[0] if found else None
    if m is None or r.taken(Span(m.start(), m.end(), "")):
        return None
    between = t[q.end : m.start()]
    cue = Span.of(t, m.start(), m.end())
    if _TRAIL.match(between):  # inverted: "said Michael Kugelman, the director ..."
        src = np_after(t, m.end(), hi)
        return (cue, src) if src is not None and is_source(src) else None
    src = source_before(t, q.end, m.start())
    if src is None or t[q.end : src.start].strip(" ,\u00a0") or not is_source(src):
        return None
    return cue, src


def _cue_before(r: _Reader, q: Quote) -> tuple[Span, Span | None] | None:
    """ "X said: “...”", "Said the mayor: “...”", "In a statement, Iran said it “...”"."""
    t = r.text
    sent = r.sentence_at(q.open_mark)
    lo = sent.start
    for other in r.quotes:
        if other is not q and lo <= other.end <= q.open_mark:
            lo = other.end
    colon = _COLON_INTRO.search(t[lo : q.open_mark])
    if colon:
        return Span.of(t, lo + colon.start("cue"), lo + colon.end("cue")), Span.of(
            t, lo + colon.start("src"), lo + colon.end("src")
        )
    last = None
    for m in r.cues_in(lo, q.open_mark):
        if not r.in_quote(m.start()):
            last = m
    if last is None or len(t[last.end() : q.open_mark].split()) > 12:
        return None
    verb = last.verb
    cue = Span.of(t, last.start(), last.end())
    if r.taken(cue):
        return None
    src = source_before(t, lo, last.start())
    if src is not None and not is_source(src):
        src = None
    if src is None:
        if verb not in cues.PARTICIPLES:
            return None
        src = _subject(r, sent, last.start())
    stmt = cues.STATEMENT.search(t, lo, src.start if src else last.start())
    if stmt:
        cue = Span.of(t, stmt.start(), stmt.end())
    return cue, src


def _chain_cue(r: _Reader, q: Quote) -> tuple[Span, Span | None] | None:
    """A quote over several paragraphs takes the cue its last part has: "“A ... ¶ “B,” she said"."""
    if not q.runs_on:
        return None
    i = r.quotes.index(q) + 1
    while i < len(r.quotes) and r.quotes[i].carried:
        last = r.quotes[i]
        if not last.runs_on:
            return _cue_after(r, last, True)
        i += 1
    return None


#: a name or pronoun followed by a word in lower case: where a clause's subject stands
_SUBJECT = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|It|We|I|(?:(?:The|A|An)\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*)"
    r"(?=\s+(?:\([A-Z][\w.\-]*\)\s+)?[a-z])"
)
_NOT_SUBJECTS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december on in at when once after before "
    "earlier later but and so yet still now then meanwhile instead while as if since though "
    "although during last this that these those with for absent despite amid like unlike among "
    "under over from to by about according before after speaking asked given".split()
)


def _subject(r: _Reader, sent: Span, before: int | None = None) -> Span | None:
    """The subject of a sentence's main clause, for "…, calling it “…”" and "…, adding that":
    the speaker already credited in the sentence, else its first name or pronoun that stands
    before a verb (not "On Tuesday", "When", "Earlier")."""
    before = sent.end if before is None else before
    for item in reversed(r.items):
        if item.source is not None and sent.start <= item.source.start < before:
            return item.source
        if item.source is not None and item.source.start < sent.start:
            break
    for m in _SUBJECT.finditer(r.text, sent.start, before):
        first = m.group().split()[0].lower().rstrip(",")
        if first in _NOT_SUBJECTS or first in words.OPENERS or len(m.group()) < 2:
            continue
        if first.endswith(("ing", "ly")):  # "Speaking to ...", "Earlier"
            continue
        if m.group().isupper() and len(m.group()) > 3:  # a dateline: "WASHINGTON"
            continue
        return Span.of(r.text, m.start(), m.end())
    return None


def _is_direct(r: _Reader, q: Quote) -> bool:
    """A quote that opens its sentence (or follows a colon) and starts with a capital."""
    sent = r.sentence_at(q.open_mark)
    before = r.text[sent.start : q.open_mark].strip()
    opens = not before or before.endswith(":")
    if before.endswith(","):  # "Beck said, “Ted and I ...”"
        opens = cues.ends_with_cue(before[:-1])
    return opens and q.content.text[:1].isupper()


def _read_quote(r: _Reader, q: Quote, prev: _Item | None) -> None:
    t = r.text
    direct = _is_direct(r, q)
    kind = "direct" if direct else "partial"
    sent = r.sentence_at(q.open_mark)
    if q.carried:
        found = None
    elif direct:
        found = _cue_after(r, q, True) or _cue_before(r, q) or _chain_cue(r, q)
    else:  # a partial quote: its own sentence first ("tells them that “...”")
        found = _cue_before(r, q) or _cue_after(r, q, False) or _chain_cue(r, q)
    marks = Span.of(t, q.open_mark, q.end)
    if found is None:
        _uncued_quote(r, q, prev, kind, marks)
        return
    cue, src = found
    after = cue.start >= q.end
    if direct:
        claim = marks
    elif after:
        claim = r.span(sent.start, q.end)
    else:
        verb = cue.text.lower().split()[-1]
        start = None
        if verb in cues.VERB_FORMS:  # past the object: "tells supporters that “...”"
            start = _content_start(r, cues.Cue(cue.start, cue.end, verb), verb, q.open_mark)
        claim = r.span(start if start is not None else cue.end, sent.end)
    item = _Item(
        kind,
        q.content,
        cue,
        src,
        r.speakers(src, sent),
        0.9 if q.close_mark is not None else 0.5,
        claim,
    )
    if cue.text.lower().split()[-1] in _CONTINUING:
        item.continues = _last_of(r, item.speakers)
    r.add(item)


def _uncued_quote(r: _Reader, q: Quote, prev: _Item | None, kind: str, marks: Span) -> None:
    """A quote without a cue of its own: it carries on the one before, or its speaker is
    named in the sentence before; otherwise (a scare quote, a title) it is nobody's."""
    t = r.text
    sent = r.sentence_at(q.open_mark)
    same_para = (
        prev is not None and r.sentence_at(prev.content.start).start >= r.paras[q.paragraph].start
    )
    if (
        prev is not None
        and prev.kind in ("direct", "partial")
        and (q.carried or same_para or r.sentence_at(prev.content.end) == sent)
    ):
        r.add(
            _Item(
                kind,
                q.content,
                prev.cue,
                prev.source,
                prev.speakers,
                0.7 if q.close_mark is not None else 0.4,
                marks,
                continues=prev,
            )
        )
        return
    if kind != "direct":
        return
    i = bisect.bisect_right(r.starts, sent.start) - 2
    if i < 0:
        return
    before = r.sents[i]
    for item in reversed(r.items):
        if item.speakers and before.start <= (item.cue or item.content).start < before.end:
            quoted = item.kind in ("direct", "partial")  # "“A,” she said. ¶ “B.”": one quote
            r.add(
                _Item(
                    kind,
                    q.content,
                    item.cue if quoted else None,
                    item.source,
                    item.speakers,
                    0.6,
                    marks,
                    continues=item if quoted else None,
                )
            )
            return
    m = re.search(r"\b([A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+)+)", before.text)
    if m:
        src = Span.of(t, before.start + m.start(1), before.start + m.end(1))
        sp = r.speakers(src, before)
        if sp and sp[0].kind.value == "person":
            r.add(_Item(kind, q.content, None, src, sp, 0.5, marks))


def _last_of(r: _Reader, speakers: list[Speaker]) -> _Item | None:
    names = {s.name for s in speakers}
    for item in reversed(r.items):
        if item.kind in ("direct", "partial") and {s.name for s in item.speakers} & names:
            return item
    return None


# -- reported speech ------------------------------------------------------------------------
def _according(r: _Reader, sent: Span) -> bool:
    """ "According to X, ..." / "..., according to X." / "... is, according to X, ..."."""
    t = r.text
    m = cues.ACCORDING_TO.search(t, sent.start, sent.end)
    if m is None or r.in_quote(m.start()):
        return False
    src = np_after(t, m.end(), sent.end)
    if src is None:
        return False
    cue = Span.of(t, m.start(), m.end())
    before = t[sent.start : m.start()].strip()
    if not before or before.lower() in ("but", "and", "yet"):
        comma = t.find(",", src.end, sent.end)
        content = r.span(comma + 1 if comma != -1 else src.end, sent.end)
    elif before.endswith(","):  # "..., according to X[, even as ...]."
        lo = sent.start
        for ch in ":;":  # "At the same time, ...: London was ..., according to X"
            k = t.rfind(ch, sent.start, m.start())
            if k != -1 and len(t[k : m.start()].split()) > 3:
                lo = max(lo, k + 1)
        content = r.span(lo, m.start())
    else:
        content = r.span(sent.start, sent.end)
    if len(content.text.split()) < 3:
        return False
    r.add(_Item("indirect", content, cue, src, r.speakers(src, sent), 0.8))
    return True


#: "Marco Rubio: I’m Not Interested ..." (a headline), "Matthews: Well, ..." (a transcript)
_COLON_HEAD = re.compile(
    r"(?P<src>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*)(?:\s+(?:On|on)\s+[A-Z][\w’'.\-]*)?"
    r"(?P<cue>:)\s+(?P<content>\S.{8,})$"
)
_NOT_SPEAKERS = frozenset(
    "update note editor’s editor's transcript watch read related photo video source sources "
    "correction clarification warning breaking live exclusive poll watch: analysis opinion".split()
)


def _colon_head(r: _Reader, sent: Span) -> bool:
    """A name and a colon before what they said, as headlines and transcripts write it."""
    m = _COLON_HEAD.match(sent.text)
    if m is None or r.in_quote(sent.start + m.start("cue")):
        return False
    src_words = m.group("src").lower().split()
    if (
        src_words[-1] in _NOT_SPEAKERS
        or src_words[0] in words.OPENERS
        or (
            m.group("src").isupper() and len(m.group("src")) > 3  # "WASHINGTON:"
        )
    ):
        return False
    src = Span.of(r.text, sent.start + m.start("src"), sent.start + m.end("src"))
    cue = Span.of(r.text, sent.start + m.start("cue"), sent.start + m.end("cue"))
    content = r.span(sent.start + m.start("content"), sent.end)
    r.add(_Item("indirect", content, cue, src, r.speakers(src, sent), 0.5))
    return True


def _classify(r: _Reader, sent: Span, m: cues.Cue) -> tuple[str, _Item] | None:
    """What one cue match in a sentence makes: a trailing, parenthetical or leading report."""
    t = r.text
    verb = m.verb
    cue = Span.of(t, m.start(), m.end())
    end = sent.end
    before = t[sent.start : m.start()]
    src = source_before(t, sent.start, m.start())
    if src is not None and not is_source(src):
        src = None
    share = quantity_before(t, sent.start, m.start())
    if share is not None and (src is None or share.start <= src.start):
        src = share  # "About 9 percent said", "Six in 10 voters say"
    if src is None:
        rel = _RELATIVE.search(before)
        if rel:
            cand = np_before(t, sent.start, sent.start + rel.end("np"))
            src = cand if cand is not None and is_source(cand) else None
    if src is None and _WHO.search(before):
        return _relative(r, sent, m, cue)
    pre = t[sent.start : src.start].rstrip() if src else before.rstrip()
    after = t[m.end() : end]
    if (
        src is not None
        and pre.endswith(",")
        and (_ADVERBIAL.match(after) or _AFTERTHOUGHT.match(after))
    ):
        content = r.span(sent.start, len(pre) + sent.start - 1)
        return "trailing", _Item("indirect", content, cue, src, [], 0.75)
    if src is not None and pre.endswith(",") and _ASIDE_END.match(after):
        return "aside", _Item("indirect", r.span(sent.start, end), cue, src, [], 0.7)
    if (
        src is None
        and re.search(r"(?:,\s*|\s)(?:but|and)\s*$", before)
        and verb not in cues.PARTICIPLES
    ):
        subject = _subject(r, sent, m.start())  # "Carson did not name them, but told ..."
        start = _content_start(r, m, verb, end)
        if (
            subject is not None
            and start is not None
            and subject.end < m.start()
            and is_source(subject)
        ):
            content = r.span(start, _content_end(r, start, end))
            if len(content.text.split()) >= 3:
                return "leading", _Item("indirect", content, cue, subject, [], 0.5)
    if src is None and before.rstrip().endswith(",") and verb in cues.PARTICIPLES:
        subject = _subject(r, sent, m.start())
        start = _content_start(r, m, verb, end)
        if subject is not None and start is not None and subject.end < m.start():
            content = r.span(start, end)
            if len(content.text.split()) >= 3:
                return "leading", _Item("indirect", content, cue, subject, [], 0.55)
    if src is None and before.rstrip().endswith(","):
        inv = np_after(t, m.end(), end)
        if inv is not None and is_source(inv) and _TRAIL.match(t[inv.end : end].split(",")[0]):
            content = r.span(sent.start, sent.start + len(before.rstrip()) - 1)
            return "trailing", _Item("indirect", content, cue, inv, [], 0.75)
    if src is not None and (
        not pre
        or pre[-1] in ",;:—–"
        or pre.split()[-1].lower()
        in (
            "that",
            "what",
            "and",
            "but",
            "because",
            "as",
            "while",
            "which",
            "when",
            "so",
            "though",
            "although",
            "if",
            "where",
        )
    ):
        start = _content_start(r, m, verb, end, src)
        if start is None:
            return None
        stop, least = end, 3
        stop = _content_end(r, start, end)
        if pre and pre.split()[-1].lower() in ("what", "which"):  # "what they said were camps,"
            comma = t.find(",", start, end)
            stop, least = (comma if comma != -1 else end), 2
        content = r.span(start, stop)
        if len(content.text.split()) < least or content.text.split()[0] in ("and", "or", "but"):
            return None
        return "leading", _Item("indirect", content, cue, src, [], 0.7)
    return None


_WHO = re.compile(r"\bwho\s*$")
_RELATIVE_LEAST = 2  # words: "who endorsed Trump" is too thin to tell from a deed


def _relative(r: _Reader, sent: Span, m: cues.Cue, cue: Span) -> tuple[str, _Item] | None:
    """ "Smith, who said the plan was dead, ..." and "voters who say they are undecided": the
    relative pronoun is the source (PolNeAR's way); the content ends at the clause's comma."""
    t = r.text
    w = _WHO.search(t, sent.start, m.start())
    who = Span.of(t, w.start(), w.start() + 3)
    start = _content_start(r, m, m.verb, sent.end, who)
    if start is None:
        return None
    comma = t.find(",", start, sent.end)
    stop = _content_end(r, start, comma if comma != -1 else sent.end)
    content = r.span(start, stop)
    if len(content.text.split()) < _RELATIVE_LEAST:
        return None
    return "leading", _Item("indirect", content, cue, who, [], 0.5)


_PLACE = re.compile(r"\s+in\s+[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*,?")
_PARTICIPLE_CLAUSE = re.compile(
    r",\s+(?:[a-z]+ing\b|which\b|and\s+(?:he|she|they|it)\b|while\b|whereas\b)"
    r"|,?\s+but\s+(?!(?:not|also|rather|instead)\b)"
    r"|,\s+and\s+(?:has|have|had|was|is|will|would|also|then|later|[a-z]{3,}ed)\b"
    r"|\s+and\s+[a-z]{3,}(?:ed|es)\b"
)
#: a sentence that opens with a subordinate clause: the report inside ends at its comma
_SUBORDINATE = re.compile(
    r"(?:While|Although|Though|Because|If|As|When|Since|Whereas|Despite|After|Before|Even\s+as|"
    r"Even\s+though|Unless|Until)\b"
)
_NEXT_VERB = re.compile(r"\s+(?:and|but)\s+(?:also\s+|then\s+)?(?P<verb>[a-z]+)\b")
_NEXT_REPORT = re.compile(
    r"(?:,|\s+-|\s+—)\s+(?:while\s+|but\s+|and\s+)?(?:others|some|many|critics|"
    r"he|she|they)\s+(?:say|said|says|argue|argued|think|believe)\b"
)


def _content_end(r: _Reader, start: int, end: int) -> int:
    """Where reported content that runs to the sentence's end stops earlier: before a
    participle clause ("..., adding that"), a second verb with a cue ("... and calls her"),
    or another report ("..., others say")."""
    t = r.text
    stop = end
    part = _PARTICIPLE_CLAUSE.search(t, start, end)
    if part:
        stop = part.start()
    sent = r.sentence_at(start)
    if _SUBORDINATE.match(t, sent.start, start):
        comma = t.find(",", start, stop)
        if comma != -1:
            stop = comma
    for m in _NEXT_VERB.finditer(t, start, stop):
        if m.group("verb") in cues.VERB_FORMS or m.group("verb") in cues.NEEDS_THAT:
            stop = m.start()
            break
    other = _NEXT_REPORT.search(t, start, stop)
    if other:
        stop = other.start()
    return stop


_OBJECT = re.compile(
    r"\s+(?:him|her|them|me|us|reporters|journalists|the\s+\w+(?:\s+\w+)?|[A-Z][\w’'.\-]*"
    r"(?:\s+[A-Z][\w’'.\-]*)*|an?\s+\w+(?:\s+\w+)?)"
)
_WHEN = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
    r"today|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:night|morning|"
    r"afternoon|evening)|last\s+\w+|this\s+\w+|earlier|recently|in\s+an?\s+(?:interview|statement|"
    r"speech|email|op-ed|post)(?:\s+(?:with|on|to)\s+[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*)?)\b,?"
)


_TO_VERBS = frozenset(
    "plans planned hopes hoped promises pledges vows claims fears expects continued continues".split()
)


def _content_start(
    r: _Reader, m: cues.Cue, verb: str, end: int, src: Span | None = None
) -> int | None:
    """Where the reported content starts after a cue: at "that" if it comes, past the
    object of "told" and a time ("on Sunday"); None when the verb needs "that" and lacks it."""
    t = r.text
    pos = m.end()
    if verb in cues.TAKES_OBJECT:
        o = _OBJECT.match(t, pos, end)
        if o:
            pos = o.end()
    w = _WHEN.match(t, pos, end)
    if w:
        pos = w.end()
        place = _PLACE.match(t, pos, end)  # "said last week in Tel Aviv, ..."
        if place:
            pos = place.end()
    if verb in cues.PREPOSITIONAL:  # "talked about the plan": the plan is the content
        prep = cues.PREP_AFTER.match(t, pos, end)
        if prep is None:
            return None
        pos = prep.end()
    rest = t[pos:end].lstrip(" ,")
    if rest.startswith(("that ", ":")):
        return end - len(rest)
    evidence = src is not None and src.text.split()[-1].lower() in words.EVIDENCE
    if (
        verb.startswith("call")
        and src is not None
        and (src.text.split()[-1][0].isupper() or src.text.lower() in words.PRONOUNS)
    ):
        return end - len(rest)  # "They called him a political opportunist"
    if verb in _TO_VERBS and rest.startswith("to "):
        return end - len(rest)  # "she plans to run", "he vows to repeal"
    if verb in cues.NEEDS_THAT and not evidence:
        if rest.startswith("as ") and verb.startswith(("describ", "call", "see", "view")):
            return end - len(rest) + 3
        return None
    return end - len(rest)


def _reported(r: _Reader, sent: Span) -> None:
    """Reported speech in one sentence: the outermost report ("..., X said."), then any
    further "Y said ..." after its cue (PolNeAR counts nested reports too)."""
    if _according(r, sent) or _colon_head(r, sent):
        return
    choice: dict[str, _Item] = {}
    leading: list[_Item] = []
    for m in r.cues_in(sent.start, sent.end):
        cue = Span(m.start(), m.end(), "")
        if r.in_quote(m.start()) or r.taken(cue):
            continue
        got = _classify(r, sent, m)
        if got is not None:
            choice.setdefault(got[0], got[1])
            if got[0] in ("trailing", "aside"):
                choice[got[0]] = got[1]
            else:
                leading.append(got[1])
    first = next((choice[k] for k in ("trailing", "aside", "leading") if k in choice), None)
    if first is None:
        _nominal(r, sent)
        return
    for item in [first] + [i for i in leading if i.cue.start >= first.cue.end]:
        if any(
            i.claim and i.claim.start <= item.content.start and item.content.end <= i.claim.end
            for i in r.items
            if i.kind != "indirect"
        ):
            continue  # already said by a quote's own attribution
        item.speakers = r.speakers(item.source, sent)
        r.add(item)


#: a report named by a noun: "Trump’s claim that ...", "his call for ...", "their support for"
_NOMINAL = re.compile(
    r"\b(?P<src>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*(?:’s|'s|’|')|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    r"\s+(?:(?:repeated|recent|latest|public|own|earlier|new|widely\s+\w+|controversial)\s+)?"
    r"(?P<cue>claims?|assertions?|arguments?|suggestions?|promises?|pledges?|calls?|warnings?|"
    r"beliefs?|insistence|accusations?|allegations?|comments?|remarks?|statements?|criticism|"
    r"support|opposition|denials?|endorsement|proposals?|plans?|vows?|demands?|praise)"
    r"\s+(?P<rest>(?:that|for|of|to)\b[^,;:—–]{6,})"
)


def _nominal(r: _Reader, sent: Span) -> None:
    """A report named by a noun, for a sentence with no reporting verb of its own."""
    t = r.text
    m = _NOMINAL.search(t, sent.start, sent.end)
    if m is None or r.in_quote(m.start()):
        return
    possessive = re.search(r"(?:’s|'s|’|')$", m.group("src"))
    src = Span.of(t, m.start("src"), m.end("src") - (len(possessive.group()) if possessive else 0))
    cue = Span.of(t, m.start("cue"), m.end("cue"))
    content = r.span(m.start("rest"), m.end("rest"))
    if r.taken(cue) or len(content.text.split()) < 3:
        return
    r.add(_Item("indirect", content, cue, src, r.speakers(src, sent), 0.4))


def _passive(r: _Reader, sent: Span) -> None:
    """Agentless cues: "were reported to", "widely understood", "was seen as"."""
    t = r.text
    for m in r.passives:
        if not (sent.start <= m.start() and m.end() <= sent.end):
            continue
        cue = Span.of(t, m.start(), m.end())
        if r.in_quote(m.start()) or r.taken(cue):
            continue
        if any(i.content.start <= m.start() < i.content.end for i in r.items if i.source):
            continue
        lo = sent.start
        for ch in ",;—–":
            k = t.rfind(ch, sent.start, m.start())
            if k != -1 and len(t[k : m.start()].split()) > 1:
                lo = max(lo, k + 1)
        r.add(_Item("indirect", r.span(lo, sent.end), cue, None, [], 0.6))
        return


def _impression(r: _Reader, sent: Span) -> None:
    """Impressions nobody is named for: "the field appeared poised to narrow"."""
    for start, a, b in seeming(r.text, sent.start, sent.end):
        cue = Span.of(r.text, a, b)
        if r.in_quote(a) or r.taken(cue):
            continue
        content = r.span(start, _content_end(r, b, sent.end))
        if len(content.text.split()) >= 3:
            r.add(_Item("indirect", content, cue, None, [], 0.4))


def _question(r: _Reader, sent: Span) -> None:
    """Questions nobody is named as asking: "Asked whether he would run, ..."."""
    for a, b, start, stop in questions(r.text, sent.start, sent.end):
        cue = Span.of(r.text, a, b)
        if r.in_quote(a) or r.taken(cue):
            continue
        r.add(_Item("indirect", r.span(start, stop), cue, None, [], 0.4))


# -- assembly -------------------------------------------------------------------------------
def find_attributions(text: str) -> list[Attribution]:
    """Every attribution in ``text``: quotes, reported speech, agentless cues, and one
    ``writer`` attribution for each sentence nobody is credited with, in text order."""
    r = _Reader(text)
    qi = 0
    prev: _Item | None = None
    for sent in r.sents:
        while qi < len(r.quotes) and r.quotes[qi].open_mark < sent.end:
            n = len(r.items)
            _read_quote(r, r.quotes[qi], prev)
            if len(r.items) > n:
                prev = r.items[-1]
            qi += 1
        _reported(r, sent)
        _passive(r, sent)
        _impression(r, sent)
        _question(r, sent)
    _backfill(r)
    return _finish(r)


def _backfill(r: _Reader) -> None:
    """A quote chain whose cue came only at a later part gives it to the earlier parts."""
    for item in reversed(r.items):
        head = item.continues
        if head is not None and not head.speakers and item.speakers:
            head.speakers, head.cue, head.source = item.speakers, item.cue, item.source


def _finish(r: _Reader) -> list[Attribution]:
    spans = [(i.content.start, i.content.end) for i in r.items]
    spans += [(i.claim.start, i.claim.end) for i in r.items if i.claim]
    spans += [(i.cue.start, i.cue.end) for i in r.items if i.cue]
    covered = set()
    for a, b in spans:
        i = max(0, bisect.bisect_right(r.starts, a) - 1)
        while i < len(r.sents) and r.sents[i].start < b:
            if a < r.sents[i].end:
                covered.add(i)
            i += 1
    for i, sent in enumerate(r.sents):
        if i not in covered:
            content = r.span(sent.start, sent.end) if len(sent.text) > 1 else sent
            r.items.append(_Item("writer", content, None, None, [], 0.5))
    r.items.sort(key=lambda i: (i.content.start, i.content.end))
    out: list[Attribution] = []
    index: dict[int, int] = {}
    for item in r.items:
        index[id(item)] = len(out)
        for sp in item.speakers or [None]:
            out.append(_attribution(item, sp, index))
    return out


def _attribution(item: _Item, sp: Speaker | None, index: dict[int, int]) -> Attribution:
    if item.kind == "writer":
        mode = AttributionMode.WRITER
    else:
        mode = mode_of(
            sp, item.source.text if item.source else "", item.cue.text if item.cue else ""
        )
    cont = index.get(id(item.continues)) if item.continues is not None else None
    return Attribution(
        kind=item.kind,
        mode=mode,
        content=item.content,
        cue=item.cue,
        source=item.source,
        speaker=sp.name if sp else None,
        speaker_kind=sp.kind if sp else None,
        confidence=item.confidence,
        continues=cont,
        claim=item.claim or item.content,
    )
