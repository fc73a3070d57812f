"""What the extraction steps find: spans of the text and what they say, nothing stored yet.

Offsets are into the text exactly as given (Python ``str`` indices, nothing normalised), so
``text[span.start:span.end] == span.text`` always holds. Every finding carries a confidence
between 0 and 1: how sure the rule that made it is, for a reviewer to sort by.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsdb.vocab import ActorKind, AttributionMode, DatePrecision, DateResolution


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Span:
        return cls(start, end, body[start:end])


@dataclass
class Attribution:
    """One attributed piece of content: who said it (``source``), how (``cue``), what (``content``).

    ``kind`` is ``direct`` (a whole sentence or more in quotation marks), ``partial`` (quoted
    words inside the writer's sentence), ``indirect`` (reported speech, no marks) or ``writer``
    (a sentence nobody is credited with). For direct and partial quotes ``content`` is exactly
    the words between the marks. ``continues`` is the index, in the same list, of the segment
    this one continues ("she added", a quote split by its cue).
    """

    kind: str
    mode: AttributionMode
    content: Span
    cue: Span | None
    source: Span | None
    #: the resolved speaker as the article names them in full ("Michael Kugelman", "Iran",
    #: "analysts"), or None when nobody is credited (passive, writer)
    speaker: str | None
    #: what kind of actor the speaker is, when there is one
    speaker_kind: ActorKind | None
    confidence: float
    continues: int | None = None
    #: the whole reported clause the content belongs to ("Now the Baluch people “feel caught
    #: ...,”" for a partial quote, the quote with its marks for a direct one); for reported
    #: speech the same as ``content``. What a claim's text is drafted from.
    claim: Span | None = None


@dataclass
class ActorDraft:
    """An actor the text names, with every place it is named (adjectives included: "Iranian")."""

    name: str
    kind: ActorKind
    mentions: list[Span]
    confidence: float
    country: str | None = None  # ISO 3166-1 alpha-2, for states and for what the text places
    part_of: str | None = None  # the name of the organisation this one belongs to


@dataclass
class AffiliationDraft:
    """What an appositive says of a person: "the director of the Wilson Center's South Asia
    Institute", "a Washington-based expert on the region"."""

    person: str  # the person's full name, as in ActorDraft.name
    descriptor: Span  # the appositive's words
    confidence: float
    organisation: str | None = None  # as in ActorDraft.name
    role: str | None = None  # "director", "senior expert", "fellow"
    location: str | None = None  # "Washington"
    location_as_written: str | None = None  # the words inside the descriptor: "Washington-based"


@dataclass
class TimeDraft:
    """A time expression as written, normalised against the publication date where it can be."""

    span: Span
    confidence: float
    start: dt.date | None = None
    end: dt.date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    resolution: DateResolution = DateResolution.UNRESOLVED
    #: a duration or frequency rather than a point ("for two years"): not a date
    duration: bool = False


@dataclass
class Draft:
    """Everything drafted for one text."""

    text: str
    published: dt.date | None
    attributions: list[Attribution] = field(default_factory=list)
    actors: list[ActorDraft] = field(default_factory=list)
    affiliations: list[AffiliationDraft] = field(default_factory=list)
    times: list[TimeDraft] = field(default_factory=list)
