"""A draft annotation from raw text: :func:`extract` runs the steps, :func:`to_annotation`
turns what they found into the document a person would write by hand.

The document is an :class:`~newsdb.annotation.AnnotationFile` like any other: it is checked
and stored by :func:`newsdb.loader.plan_document`, the one road into the database, and its
YAML (:mod:`newsdb.extract.document`) is what a reviewer corrects. Its annotator is the rule
set (``kind: rule``) with its version, and every item carries the confidence of the rule
that drafted it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata

from newsdb import annotation as fmt
from newsdb.extract import RULESET, VERSION
from newsdb.extract.refs import ref
from newsdb.extract.types import ActorDraft, Attribution, Draft, Span
from newsdb.vocab import MODES_WITH_SOURCE, ActorKind, AttributionMode, DatePrecision

#: where the values given beside the text (headline, date, outlet, URL) come from
GIVEN = "given with the text to newsdb extract"


def extract(text: str, published: dt.date | None = None) -> Draft:
    """Run every step over ``text``: attributions, then actors, affiliations and times."""
    from newsdb.extract.actors import find_actors
    from newsdb.extract.appositives import find_affiliations
    from newsdb.extract.attribution import find_attributions
    from newsdb.extract.times import find_times

    attributions = find_attributions(text)
    actors = find_actors(text, attributions)
    return Draft(
        text=text,
        published=published,
        attributions=attributions,
        actors=actors,
        affiliations=find_affiliations(text, actors),
        times=find_times(text, published),
    )


def annotator() -> fmt.AnnotatorSpec:
    return fmt.AnnotatorSpec(
        kind="rule",
        name=f"{RULESET} {VERSION}",
        note=f"drafted by newsdb.extract (rule set {RULESET}, version {VERSION}); not reviewed",
    )


def slugify(words: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens: "Wilson Center’s" -> "wilson-center-s"."""
    ascii_ = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug[:limit].rstrip("-")


def text_slug(text: str) -> str:
    """A slug that the same text always gets: its first words and the start of its sha256."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    first = slugify(" ".join(text.split()[:8]), 50)
    return f"{first}-{digest}" if first else f"article-{digest}"


def to_annotation(
    draft: Draft,
    *,
    slug: str,
    published: dt.date | None,
    headline: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> fmt.AnnotationFile:
    """The annotation document of ``draft``, for the article ``slug``; it loads as it is."""
    actors = _Actors(draft)
    affiliations = _affiliations(draft, actors)
    quotes, quote_of = _quotes(draft, actors)
    claims = _claims(draft, actors, quote_of)
    return fmt.AnnotationFile(
        article=_header(draft.text, slug, published, headline, outlet, url),
        annotator=annotator(),
        actors=actors.specs(),
        affiliations=affiliations,
        quotes=quotes,
        claims=claims,
        times=_times(draft),
    )


def _header(text, slug, published, headline, outlet, url) -> fmt.ArticleHeader:
    def given(value: str | None) -> dict:
        return (
            {"value": value, "origin": "outside", "source": GIVEN}
            if value
            else {"origin": "unknown"}
        )

    date = (
        {"value": published, "precision": "day", "origin": "outside", "source": GIVEN}
        if published
        else {"origin": "unknown"}
    )
    return fmt.ArticleHeader.model_validate(
        {
            "slug": slug,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "headline": given(headline),
            "outlet": given(outlet),
            "byline": {"origin": "unknown"},
            "url": given(url),
            "published": date,
            "language": {"origin": "unknown"},
        }
    )


class _Actors:
    """The draft's actors with unique, stable slugs (in the order the steps found them), and
    the speakers the actor step did not name, added from the attributions."""

    def __init__(self, draft: Draft) -> None:
        self.text = draft.text
        self.drafts: list[ActorDraft] = []
        self.slugs: list[str] = []
        self.by_name: dict[str, int] = {}
        for actor in draft.actors:
            self.add(actor)
        for att in draft.attributions:
            name = speaker_name(att)
            if name and self.find(name) is None and att.mode in MODES_WITH_SOURCE:
                kind = att.speaker_kind or _KIND_OF_MODE[att.mode]
                mentions = [att.source] if att.source else []
                confidence = att.confidence * (1 if att.speaker else 0.5)
                self.add(ActorDraft(name, kind, mentions, confidence))

    def add(self, actor: ActorDraft) -> str:
        base = slugify(actor.name) or "actor"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.drafts.append(dataclasses.replace(actor, mentions=list(actor.mentions)))
        self.slugs.append(slug)
        self.by_name.setdefault(actor.name, len(self.slugs) - 1)
        self.by_name.setdefault(actor.name.casefold(), len(self.slugs) - 1)
        return slug

    def find(self, name: str | None) -> str | None:
        if not name:
            return None
        i = self.by_name.get(name, self.by_name.get(name.casefold()))
        return None if i is None else self.slugs[i]

    def mention(self, slug: str, span: Span) -> None:
        """Add a place the article names the actor (a speaker's source words)."""
        actor = self.drafts[self.slugs.index(slug)]
        if span not in actor.mentions:
            actor.mentions.append(span)

    def specs(self) -> list[fmt.ActorSpec]:
        specs = []
        for slug, actor in zip(self.slugs, self.drafts, strict=True):
            part_of = self.find(actor.part_of)
            spans = sorted({(m.start, m.end) for m in actor.mentions if m.end > m.start})
            specs.append(
                fmt.ActorSpec(
                    slug=slug,
                    name=actor.name,
                    kind=actor.kind,
                    country=actor.country
                    if re.fullmatch(r"[A-Z]{2}", actor.country or "")
                    else None,
                    part_of=part_of if part_of != slug else None,
                    mentions=[ref(self.text, a, b) for a, b in spans],
                    confidence=_confidence(actor.confidence),
                )
            )
        return specs


_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "who",
    ]
)


def speaker_name(att: Attribution) -> str | None:
    """Who the attribution credits: the speaker resolved, else its source's words ("a senior
    official") unless they are a pronoun nobody was found for."""
    if att.speaker:
        return att.speaker
    words = " ".join(att.source.text.split()) if att.source else ""
    return words if words and words.casefold() not in _PRONOUNS else None


_KIND_OF_MODE = {
    AttributionMode.NAMED_PERSON: ActorKind.PERSON,
    AttributionMode.INSTITUTION: ActorKind.ORGANISATION,
    AttributionMode.UNNAMED_OFFICIAL: ActorKind.ANONYMOUS,
    AttributionMode.VAGUE_COLLECTIVE: ActorKind.COLLECTIVE,
}


def _confidence(value: float | None) -> float | None:
    return None if value is None else round(min(1.0, max(0.0, float(value))), 3)


def _affiliations(draft: Draft, actors: _Actors) -> list[fmt.AffiliationSpec]:
    specs, seen = [], set()
    for aff in draft.affiliations:
        person = actors.find(aff.person)
        organisation = actors.find(aff.organisation)
        span = aff.descriptor
        if person is None or (person, span.start) in seen or span.end <= span.start:
            continue  # an affiliation of nobody the draft names, or the same one twice
        seen.add((person, span.start))
        written = aff.location_as_written
        specs.append(
            fmt.AffiliationSpec(
                person=person,
                organisation=organisation if organisation != person else None,
                role=aff.role,
                descriptor=ref(draft.text, span.start, span.end),
                location=aff.location,
                location_as_written=written if written and written in span.text else None,
                confidence=_confidence(aff.confidence),
            )
        )
    return specs


def _is_quote(text: str, att: Attribution) -> bool:
    from newsdb.loader import between_marks

    return att.kind in ("direct", "partial") and between_marks(
        text, att.content.start, att.content.end
    )


def _speaker(att: Attribution, actors: _Actors) -> str | None:
    slug = actors.find(speaker_name(att))
    if slug and att.source and att.source.end > att.source.start:
        actors.mention(slug, att.source)
    return slug


def _quotes(draft: Draft, actors: _Actors) -> tuple[list[fmt.QuoteSpec], dict[int, str]]:
    """Direct and partial quotes with a speaker; their ids by the attribution's index."""
    specs, quote_of = [], {}
    for i, att in enumerate(draft.attributions):
        speaker = _speaker(att, actors)
        if speaker is None or not _is_quote(draft.text, att):
            continue
        quote_of[i] = key = f"quote-{len(quote_of) + 1}"
        specs.append(
            fmt.QuoteSpec(
                id=key,
                speaker=speaker,
                kind=att.kind,
                text=ref(draft.text, att.content.start, att.content.end),
                cue=ref(draft.text, att.cue.start, att.cue.end) if att.cue else None,
                continues=quote_of.get(att.continues) if att.continues is not None else None,
                confidence=_confidence(att.confidence),
            )
        )
    return specs, quote_of


def _mode(att: Attribution, source: str | None) -> AttributionMode:
    """The attribution's mode, lowered to one the draft can state: a mode that names a source
    needs one, and any attributed mode needs its cue."""
    mode = AttributionMode(att.mode)
    if mode in MODES_WITH_SOURCE and source is None:
        mode = AttributionMode.PASSIVE
    if mode != AttributionMode.WRITER and att.cue is None:
        mode = AttributionMode.WRITER
    return mode


def _claims(draft: Draft, actors: _Actors, quote_of: dict[int, str]) -> list[fmt.ClaimSpec]:
    specs = []
    for i, att in enumerate(draft.attributions):
        span = getattr(att, "claim", None) or att.content
        if span.end <= span.start or not span.text.strip():
            continue
        source = actors.find(speaker_name(att))
        mode = _mode(att, source)
        lowered = mode != att.mode
        specs.append(
            fmt.ClaimSpec(
                id=f"claim-{len(specs) + 1}",
                text=ref(draft.text, span.start, span.end),
                proposition=" ".join(span.text.split()),
                mode=mode,
                source=source if mode in MODES_WITH_SOURCE else None,
                cue=ref(draft.text, att.cue.start, att.cue.end)
                if att.cue and mode != AttributionMode.WRITER
                else None,
                quotes=[quote_of[i]] if i in quote_of else [],
                confidence=_confidence(att.confidence * (0.5 if lowered else 1)),
            )
        )
    return specs


def _times(draft: Draft) -> list[fmt.TimeSpec]:
    specs, seen = [], set()
    for time in draft.times:
        span = time.span
        if (span.start, span.end) in seen or span.end <= span.start:
            continue
        seen.add((span.start, span.end))
        start, end, precision = time.start, time.end, DatePrecision(time.precision)
        if start is None or precision == DatePrecision.UNKNOWN or (end and end < start):
            start, end, precision = None, None, DatePrecision.UNKNOWN
        specs.append(
            fmt.TimeSpec(
                text=ref(draft.text, span.start, span.end),
                start=start,
                end=end,
                precision=precision,
                resolution=time.resolution if start else "unresolved",
                duration=time.duration,
                confidence=_confidence(time.confidence),
            )
        )
    return specs
