"""The annotation format: one YAML file per article, validated by these pydantic models.

The file refers to the article's text by quoting it, never by offsets: a :data:`TextRef` is
either the exact words (which must then occur once in the article) or a mapping that narrows
them down with ``occurrence`` (1-based) and/or ``context`` (longer words around them that do
occur once). The loader (:mod:`newsdb.loader`) turns each reference into character offsets.

``newsdb schema`` prints the JSON Schema of :class:`AnnotationFile`, for editors.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    model_validator,
)

from newsdb import limits, vocab


def _printable(kind: str):
    """A validator that refuses the control characters a ``kind`` of value may not hold
    (:mod:`newsdb.limits`): a NUL, ESC, BEL... and in a line, a line break too."""

    def check(value: str) -> str:
        if value.isprintable():  # no control character at all: the commonest, and cheapest
            return value
        reason = limits.control_character(value, kind)
        if reason:
            what = "one line of printable text" if kind == "line" else "printable text"
            raise ValueError(f"{reason}: this is {what}")
        return value

    return AfterValidator(check)


def Line(max_length: int, min_length: int = 0):
    """One line of printable text of at most ``max_length`` characters: a name, a role."""
    return Annotated[
        str, StringConstraints(min_length=min_length, max_length=max_length), _printable("line")
    ]


#: printable text that may run over lines: a note, a source, a proposition
Text = Annotated[str, StringConstraints(max_length=limits.TEXT), _printable("text")]
Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=limits.SLUG)
]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=limits.KEY)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
#: words of the article, to be found in its text (which the loader checks for control characters)
Words = Annotated[str, StringConstraints(min_length=1, max_length=limits.BODY)]
#: a name, an alias, a role, a place: one line, not empty
Name = Line(limits.NAME, min_length=1)
#: how sure the rules that drafted an item are, 0 to 1; hand annotations leave it out
Confidence = Annotated[
    float | None,
    Field(
        None,
        ge=0,
        le=1,
        description="How sure the rules that drafted this are, 0 to 1 (absent in hand annotations).",
    ),
]


def Empty():
    """An empty list by default, a new one for each item: made by ``list`` rather than by
    pydantic's deep copy of a default ``[]`` (a fifth of the cost), and still the default the
    JSON Schema declares. (Not for :class:`AnnotationFile`, whose ``model_construct``, for a
    plan to keep its annotator alone, would inspect the signature of ``list`` each time.)"""
    return Field(default_factory=list, json_schema_extra={"default": []})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class Span(Strict):
    """Words of the article, narrowed down when they occur more than once."""

    text: Words = Field(description="The exact words, as they stand in the article.")
    occurrence: int | None = Field(
        None,
        ge=1,
        le=limits.INT_MAX,
        description="Which occurrence (1-based) of the words, in the article or in the context.",
    )
    context: Words | None = Field(
        None,
        description="Longer words around `text` that occur once in the article; `text` is looked "
        "for inside them.",
    )


class EveryOccurrence(Strict):
    """Every whole-word occurrence of the words in the article (for mentions)."""

    every: Words


TextRef = Words | Span
MentionRef = Words | Span | EveryOccurrence


class MetadataValue(Strict):
    value: Line(limits.TEXT) | None = None
    origin: vocab.Origin
    source: Text | None = Field(None, description="Where the value comes from, when not the text.")
    confidence: vocab.Confidence | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _outside_needs_source(self) -> MetadataValue:
        if self.origin in (vocab.Origin.OUTSIDE, vocab.Origin.INFERENCE) and not self.source:
            raise ValueError(f"a value of origin '{self.origin}' needs a source")
        return self


class Published(MetadataValue):
    value: dt.date | None = None  # type: ignore[assignment]
    precision: vocab.DatePrecision | None = None
    qualifier: vocab.PublishedQualifier = vocab.PublishedQualifier.EXACT

    @model_validator(mode="after")
    def _precision_with_value(self) -> Published:
        if (self.value is None) != (self.precision is None):
            raise ValueError("give a published date and its precision together")
        return self


def _metadata(name: str, max_length: int) -> type[MetadataValue]:
    """A metadata value held to the length of the article's column it fills."""
    return create_model(
        name, __base__=MetadataValue, __module__=__name__, value=(Line(max_length) | None, None)
    )


# module attributes, so that a plan read in a worker process reaches the writer (pickle)
Headline = _metadata("Headline", limits.HEADLINE)
Outlet = _metadata("Outlet", limits.NAME)
Byline = _metadata("Byline", limits.NAME)
Url = _metadata("Url", limits.URL)
Language = _metadata("Language", limits.LANGUAGE)


class ArticleHeader(Strict):
    slug: Slug
    text: Line(limits.FILE_NAME, min_length=1) = Field(
        "article.txt", description="The body text file, beside this one."
    )
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    headline: Headline
    outlet: Outlet
    byline: Byline
    url: Url
    published: Published
    language: Language


class AnnotatorSpec(Strict):
    kind: vocab.AnnotatorKind = vocab.AnnotatorKind.HAND
    name: Name
    note: Text | None = None


class ActorSpec(Strict):
    slug: Slug
    name: Name
    kind: vocab.ActorKind
    sector: vocab.Sector = vocab.Sector.UNKNOWN
    country: Country | None = None
    wikidata: (
        Annotated[str, StringConstraints(pattern=r"^Q[0-9]+$", max_length=limits.WIKIDATA)] | None
    ) = None
    part_of: Slug | None = None
    aliases: list[Name] = Empty()
    note: Text | None = None
    mentions: list[MentionRef] = Empty()
    confidence: Confidence = None


class AffiliationSpec(Strict):
    person: Slug
    organisation: Slug | None = None
    role: Name | None = None
    descriptor: TextRef = Field(description="The article's words that state the affiliation.")
    location: Name | None = Field(None, description="Where the person is based: 'Washington'.")
    location_as_written: Name | None = Field(
        None, description="The words inside the descriptor that say so: 'Washington-based'."
    )
    confidence: Confidence = None


class EventDate(Strict):
    as_written: Name | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    precision: vocab.DatePrecision = vocab.DatePrecision.UNKNOWN
    resolution: vocab.DateResolution = vocab.DateResolution.UNRESOLVED
    source: Text | None = Field(
        None, description="What the date was resolved from, when not the text."
    )

    @model_validator(mode="after")
    def _consistent(self) -> EventDate:
        if (self.start is None) != (self.precision == vocab.DatePrecision.UNKNOWN):
            raise ValueError("a start date needs a precision other than 'unknown', and only then")
        if self.end is not None and self.start is not None and self.end < self.start:
            raise ValueError("the end date is before the start date")
        if (
            self.resolution in (vocab.DateResolution.OUTSIDE, vocab.DateResolution.INFERRED)
            and not self.source
        ):
            raise ValueError(f"a date resolved as '{self.resolution}' needs a source")
        return self


class Fatalities(Strict):
    count: int | None = Field(None, ge=0, le=limits.INT_MAX)
    as_written: Name | None = None
    reported_by: Slug | None = None
    attribution: vocab.AttributionMode | None = None

    @model_validator(mode="after")
    def _reporter_matches_attribution(self) -> Fatalities:
        needs = self.attribution in vocab.MODES_WITH_SOURCE
        if needs and self.reported_by is None:
            raise ValueError(f"a toll of attribution '{self.attribution}' names who reported it")
        if not needs and self.reported_by is not None:
            raise ValueError(
                "a toll that names who reported it has an attribution of"
                f" {', '.join(repr(m.value) for m in vocab.MODES_WITH_SOURCE)}"
            )
        return self


class Participant(Strict):
    actor: Slug
    role: vocab.ParticipantRole


class EventSpec(Strict):
    slug: Slug
    name: Name
    type: vocab.EventType
    parent: Slug | None = None
    date: EventDate = EventDate()
    location: Name | None = None
    country: Country | None = None
    fatalities: Fatalities | None = None
    participants: list[Participant] = Empty()
    mentions: list[MentionRef] = Empty()


class QuoteSpec(Strict):
    id: Key
    speaker: Slug
    kind: vocab.QuoteKind
    text: TextRef = Field(
        description="For direct and partial quotes, exactly the words between “ and ”."
    )
    cue: TextRef | None = None
    continues: Key | None = Field(None, description="The id of the segment this one continues.")
    confidence: Confidence = None


class CheckSpec(Strict):
    aspect: Line(limits.KEY, min_length=1)
    stated: Name
    checked: Name | None = None
    verdict: vocab.Verdict
    source: Annotated[Text, StringConstraints(min_length=1)]
    note: Text | None = None


class ClaimSpec(Strict):
    id: Key
    text: TextRef
    proposition: Annotated[Text, StringConstraints(min_length=1)]
    mode: vocab.AttributionMode
    source: Slug | None = None
    cue: TextRef | None = None
    certainty: vocab.Certainty = vocab.Certainty.ASSERTED
    events: list[Slug] = Empty()
    quotes: list[Key] = Empty()
    corroborates: list[Key] = Empty()
    conflicts: list[Key] = Empty()
    checks: list[CheckSpec] = Empty()
    confidence: Confidence = None

    @model_validator(mode="after")
    def _source_matches_mode(self) -> ClaimSpec:
        needs = self.mode in vocab.MODES_WITH_SOURCE
        if needs and self.source is None:
            raise ValueError(f"a claim of mode '{self.mode}' names its source")
        if not needs and self.source is not None:
            raise ValueError(f"a claim of mode '{self.mode}' has no source")
        if self.mode != vocab.AttributionMode.WRITER and self.cue is None:
            raise ValueError(f"a claim of mode '{self.mode}' gives the cue that attributes it")
        return self


class TimeSpec(Strict):
    """A time expression of the article, as written and normalised (where it can be)."""

    text: TextRef = Field(description="The words as written: 'on Thursday', 'Dec. 15'.")
    start: dt.date | None = None
    end: dt.date | None = None
    precision: vocab.DatePrecision = vocab.DatePrecision.UNKNOWN
    resolution: vocab.DateResolution = vocab.DateResolution.UNRESOLVED
    duration: bool = Field(
        False, description="A length of time or a frequency ('for two years'), not a date."
    )
    confidence: Confidence = None

    @model_validator(mode="after")
    def _consistent(self) -> TimeSpec:
        if (self.start is None) != (self.precision == vocab.DatePrecision.UNKNOWN):
            raise ValueError("a start date needs a precision other than 'unknown', and only then")
        if self.end is not None and (self.start is None or self.end < self.start):
            raise ValueError("the end date needs a start date on or before it")
        return self


class AnnotationFile(Strict):
    """One article and everything annotated in it."""

    model_config = ConfigDict(title="newsdb article annotation")

    format: Literal[1] = Field(1, description="The version of this format.")
    article: ArticleHeader
    annotator: AnnotatorSpec
    actors: list[ActorSpec] = []
    affiliations: list[AffiliationSpec] = []
    events: list[EventSpec] = []
    quotes: list[QuoteSpec] = []
    claims: list[ClaimSpec] = []
    times: list[TimeSpec] = []


def json_schema() -> dict:
    schema = AnnotationFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
