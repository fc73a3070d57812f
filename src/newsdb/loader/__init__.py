"""Loading an annotated article folder into the database.

An article folder holds the body text and one annotation file (see :mod:`newsdb.annotation`).
:func:`read_folder` validates the whole folder and places every quoted reference in the text,
refusing it with every problem found, each with its line, its place in the document and the
reason (:mod:`newsdb.annotation_errors`). :func:`store` then writes it in the caller's
transaction: actors and events are upserted by slug, and the article's own annotation rows
are compared with what is stored and replaced only when they differ, so loading the same
folder twice changes nothing.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from sqlalchemy import delete, insert, select, union, update
from sqlalchemy.orm import Session

from newsdb import fingerprint, limits, paragraphs, textref, yamlread
from newsdb.annotation import AnnotationFile
from newsdb.annotation_errors import (
    AnnotationError,
    Problem,
    clip,
    line_of,
    shown,
    validation_problems,
)
from newsdb.body import sha256 as body_sha256
from newsdb.body import stored_body
from newsdb.db import serialize_writes
from newsdb.models import (
    Actor,
    ActorAlias,
    Affiliation,
    Annotator,
    Article,
    ArticleMetadata,
    Claim,
    ClaimCheck,
    ClaimEvent,
    ClaimQuote,
    ClaimRelation,
    Event,
    EventMention,
    EventParticipant,
    EventReport,
    Mention,
    Paragraph,
    Quote,
    TimeExpression,
)
from newsdb.rows import write_rows
from newsdb.vocab import MetadataField, QuoteKind

__all__ = ["AnnotationError", "clip"]  # where callers have always found them

ANNOTATION_FILE = "annotations.yaml"


_YamlLoader = yamlread.YamlLoader  # safe YAML in which dates stay strings


def _compose(source: str | None) -> yaml.Node | None:
    """The YAML document as nodes with their lines: parsed again only to place a problem."""
    if source is None:
        return None
    try:
        return yaml.compose(source, Loader=_YamlLoader)
    except yaml.YAMLError:
        return None


# -- reading -----------------------------------------------------------------------------------


@dataclass
class Plan:
    """Everything one folder asks to store, with offsets placed and references checked.

    Foreign keys are natural keys here: ("actor", slug), ("event", slug), ("quote", key),
    ("claim", key), ("annotator", (kind, name)); :func:`store` turns them into ids.
    """

    path: Path
    doc: AnnotationFile
    body: str
    article: dict[str, Any]
    annotator: tuple[str, str]
    actors: dict[str, dict[str, Any]]
    aliases: dict[str, set[str]]
    events: dict[str, dict[str, Any]]
    rows: dict[type, list[dict[str, Any]]] = field(default_factory=dict)
    root: yaml.Node | None = None  # the YAML document, for the line of a problem found later
    source: str | None = None  # or its text, parsed into nodes only when a problem needs a line

    def fail(self, reason: str, *where) -> AnnotationError:
        root = self.root if self.root is not None else _compose(self.source)
        return AnnotationError(self.path, reason, where, line_of(root, where))


def read_folder(folder: Path | str, max_size: int | None = None) -> Plan:
    """Read and check one article folder; raise :class:`AnnotationError` with every problem.

    A file larger than ``max_size`` bytes is refused unread (by default the caps of
    :mod:`newsdb.limits`, one for the annotation and one for the text). The file is parsed
    once (:mod:`newsdb.yamlread`: ryaml or libyaml); only a problem found after parsing has it
    parsed again, into nodes that know their lines. Items that fail validation are left out of
    the checks against the text, which go on with the rest.
    """
    folder = Path(folder)
    path = folder / ANNOTATION_FILE
    if not folder.is_dir():
        raise AnnotationError(
            folder, "not a folder: an article folder holds the text and annotations.yaml"
        )
    if not path.is_file():
        raise AnnotationError(path, "missing: an article folder needs its annotations.yaml")
    source = _utf8(
        path, read_capped(path, max_size or limits.MAX_ANNOTATION_BYTES, "an annotation")
    )
    data = _parsed(path, source)
    doc, problems = _validated(data)
    plan = None
    if doc is not None:
        try:
            plan = _plan(path, doc, data, max_size or limits.MAX_TEXT_BYTES)
        except AnnotationError as error:
            if error.path != path and not problems:
                raise  # the text's own problem, in its own file
            found = error.problems if error.path == path else [_elsewhere_problem(error)]
            problems += [p for p in found if not _follows(p, problems)]
    if problems or plan is None:
        raise AnnotationError(path, problems=problems).located(_compose(source)) from None
    plan.source = source
    return plan


def _parsed(path: Path, source: str) -> Any:
    """The YAML document in ``source``, or an :class:`AnnotationError` saying where it breaks."""
    try:
        return yamlread.load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        raise AnnotationError(
            path, f"not valid YAML: {reason}", line=mark.line + 1 if mark else None
        ) from None
    except RecursionError:  # the YAML reader descends one call per level
        raise AnnotationError(path, "not valid YAML: nested too deep") from None


def _validated(data: Any) -> tuple[AnnotationFile | None, list[Problem]]:
    """The document and, when it is not valid, its problems and what of it can still be
    checked against the text: the document without the list items that failed (None where
    they were), or nothing when the header or the file's shape failed."""
    try:
        return AnnotationFile.model_validate(data), []
    except ValidationError as error:
        errors = error.errors()
    problems = [
        Problem(words, where) for where, words in validation_problems(errors, AnnotationFile)
    ]
    return _without_bad_items(data, errors), problems


_SECTIONS = ("actors", "affiliations", "events", "quotes", "claims", "times")


#: what stands in for a header field or the annotator that failed validation, so that the
#: rest can still be checked against the text (never stored: the file has a problem)
_STAND_INS = {
    "slug": "unchecked",
    "sha256": "0" * 64,
    "published": {"origin": "unknown"},
    **{name: {"origin": "unknown"} for name in ("headline", "outlet", "byline", "url", "language")},
}


def _without_bad_items(data: Any, errors: list[dict]) -> AnnotationFile | None:
    """The document less what failed: list items as None, header fields stood in for; None
    when what is left cannot be checked against the text (no text named, no mapping)."""
    bad: dict[str, set[int]] = {}
    header, annotator = set(), False
    for error in errors:
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] in _SECTIONS and isinstance(loc[1], int):
            bad.setdefault(loc[0], set()).add(loc[1])
        elif len(loc) >= 2 and loc[0] == "article" and loc[1] in _STAND_INS:
            header.add(loc[1])
        elif loc[:1] == ("annotator",):
            annotator = True
        elif not (len(loc) == 1 and error["type"] == "extra_forbidden"):
            return None  # the text's name, a header that is no mapping, a section no list
    kept = {k: v for k, v in data.items() if k in AnnotationFile.model_fields}
    kept["article"] = {**data["article"], **{name: _STAND_INS[name] for name in header}}
    if annotator:
        kept["annotator"] = {"name": "unchecked"}
    for section, indexes in bad.items():
        kept[section] = [item for i, item in enumerate(data[section]) if i not in indexes]
    try:
        doc = AnnotationFile.model_validate(kept)
    except ValidationError:
        return None
    holes = {}
    for section, indexes in bad.items():
        items = iter(getattr(doc, section))
        holes[section] = [None if i in indexes else next(items) for i in range(len(data[section]))]
    return doc.model_copy(update=holes)


def _follows(problem: Problem, reported: list[Problem]) -> bool:
    """Whether ``problem`` is at or below a place already reported (a stood-in sha256)."""
    return any(problem.where[: len(p.where)] == p.where for p in reported if p.where)


def _elsewhere_problem(error: AnnotationError) -> Problem:
    """A problem of another file (the text) among the annotation's: named with its file."""
    return Problem(str(error), ("article", "text"))


def _utf8(path: Path, raw: bytes) -> str:
    """``raw`` decoded, or an :class:`AnnotationError` naming the file, line and byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise AnnotationError(
            path,
            f"not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}: save it as UTF-8",
            line=line,
        ) from None


def read_capped(path: Path, cap: int, what: str) -> bytes:
    """The bytes of the file at ``path``, refused unread (or as soon as they pass the cap, for
    a file that grows) when there are more than ``cap``: one line naming it, its size and the
    cap, and how to raise it."""
    with path.open("rb") as file:
        raw = file.read(cap + 1)
        if len(raw) > cap:
            size = max(len(raw), os.fstat(file.fileno()).st_size)
            raise AnnotationError(
                path,
                f"{_mb(size)} ({size:,} bytes), over the cap of {_mb(cap)} for {what} file:"
                " raise it with `newsdb load --max-size MB`",
            )
    return raw


def _mb(size: int) -> str:
    return f"{size / limits.MB:,.1f} MB"


def _plan(
    path: Path, doc: AnnotationFile, data: Any = None, max_size: int = limits.MAX_TEXT_BYTES
) -> Plan:
    header = doc.article
    folder = path.parent
    text_path = folder / header.text
    where = ("article", "text")
    # the text is a file of the folder, by name: never ../elsewhere, /etc/..., nor a link out
    name = header.text
    inside = "\x00" not in name and Path(name).name == name and name not in ("", ".", "..")
    if not inside or text_path.resolve().parent != folder.resolve():
        raise AnnotationError(
            path,
            f"the text file {shown(header.text)} must be a file in the article's folder, named"
            " without a path",
            where,
        )
    if not text_path.is_file():
        raise AnnotationError(
            path, f"the text file {shown(header.text)} is not beside the annotation", where
        )
    raw = read_capped(text_path, max_size, "an article's text")
    _utf8(text_path, raw)
    return plan_document(path, doc, raw, data=data)


def plan_document(
    path: Path,
    doc: AnnotationFile,
    raw: bytes,
    root: yaml.Node | None = None,
    data: Any = None,
) -> Plan:
    """Check ``doc`` against the article's text ``raw`` (its bytes, as hashed) and place every
    reference; ``path`` and ``root`` only locate a problem. The one road into the database:
    an annotation file read from a folder and a draft made by :mod:`newsdb.extract` alike.

    Each step below reads one part of the annotation and adds its rows to the plan, noting
    each problem and going on with the next item; the problems are raised together at the
    end. ``doc`` may hold None for list items that failed validation; ``data``, the document
    as read, then still declares their keys, so that nothing is refused for naming them.
    """
    header = doc.article
    body = stored_body(raw.decode("utf-8"))  # no BOM, LF line ends (newsdb.body)
    digest = body_sha256(body)
    as_saved = hashlib.sha256(raw).hexdigest()  # what sha256sum says of the file
    _check_body(path.parent / header.text, body)
    p = _Planner(path, root, doc, body, data)
    if header.sha256 not in (digest, as_saved):
        p.fail(
            f"{header.text} has sha256 {as_saved}, not the declared one: if the text is right,"
            " declare that",
            "article",
            "sha256",
        )
    article = _article_rows(p, digest)
    actors, aliases = _actor_rows(p)
    _affiliation_rows(p)
    events = _event_rows(p)
    _check_events_reported(p)
    _quote_rows(p)
    _claim_rows(p)
    _drafted_rows(p)
    if p.problems:
        raise AnnotationError(path, problems=p.problems).located(root)
    annotator = (doc.annotator.kind, doc.annotator.name)
    return Plan(path, doc, p.body, article, annotator, actors, aliases, events, p.rows, root)


def _check_body(path: Path, body: str) -> None:
    """Refuse a body the database would refuse: a NUL or another control character than the
    white space of text, or one longer than the longest the database holds."""
    at = limits.first_control(body, "text")
    if at is not None:
        reason = limits.control_character(body, "text")
        line = body.count("\n", 0, at) + 1
        raise AnnotationError(path, f"{reason}: an article's text is printable text", line=line)
    if len(body) > limits.BODY:
        raise AnnotationError(
            path, f"{len(body):,} characters, over the limit of {limits.BODY:,} for a body"
        )


class _Planner:
    """What the planning steps share: the document, its text, the rows made so far, the
    problems found so far, and how to place words in the text or note a problem."""

    def __init__(
        self, path: Path, root: yaml.Node | None, doc: AnnotationFile, body: str, data: Any
    ):
        self.path, self.root, self.doc, self.body = path, root, doc, body
        self.data = data if isinstance(data, dict) else {}
        self.problems: list[Problem] = []
        #: whether every item passed validation (else there is no plan to make, only problems)
        self.whole = all(item is not None for s in _SECTIONS for item in getattr(doc, s))
        self.annotator = ("annotator", (doc.annotator.kind, doc.annotator.name))
        self.rows: dict[type, list[dict[str, Any]]] = {table: [] for table in ARTICLE_TABLES}
        self.actors = self.unique("actors", "slug", "actor slug")
        self.events = self.unique("events", "slug", "event slug")
        self.quotes = self.unique("quotes", "id", "quote id")
        self.claims = self.unique("claims", "id", "claim id")

    def fail(self, reason: str, *where) -> None:
        """Note a problem at ``where``; the caller goes on with what it can still check."""
        self.problems.append(Problem(reason, where, line_of(self.root, where)))

    def each(self, section: str):
        """(position, item) of the section's items that passed validation."""
        return ((i, item) for i, item in enumerate(getattr(self.doc, section)) if item is not None)

    def given(self, section: str, i: int, attr: str) -> Any:
        """What the file gives for ``attr`` of an item, as read (for one that failed)."""
        item = getattr(self.doc, section)[i]
        if item is not None:
            return getattr(item, attr)
        items = self.data.get(section)
        raw = items[i] if isinstance(items, list) and i < len(items) else None
        return raw.get(attr) if isinstance(raw, dict) else None

    def unique(self, section: str, attr: str, what: str) -> dict:
        """The position of each item by ``attr``; a key given twice is refused. An item that
        failed validation still declares its key, so that naming it is no further problem."""
        seen: dict = {}
        for i in range(len(getattr(self.doc, section))):
            key = self.given(section, i, attr)
            if not isinstance(key, str):
                continue
            if key in seen:
                self.fail(
                    f"duplicate {what} {shown(key)} (first at {section}[{seen[key]}])",
                    section,
                    i,
                    attr,
                )
                continue
            seen[key] = i
        return seen

    def known(self, value, declared: dict, what: str, *where) -> bool:
        """Whether ``value`` is absent or declared; a reference to an actor, event, quote or
        claim the file does not declare is a problem (with the nearest declared key)."""
        if value is None or value in declared:
            return True
        near = difflib.get_close_matches(value, list(declared), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        self.fail(f"unknown {what} {shown(value)}{hint}: declare it under {what}s", *where)
        return False

    def cue(self, ref, *where) -> textref.Found | None:
        """Where the words that attribute a quote or claim are: no longer than a cue may be;
        None (and a problem) if nowhere or longer."""
        found = self.place(ref, *where)
        if found is not None and len(found.text) > limits.CUE:
            self.fail(
                f"the cue is {len(found.text):,} characters, over the limit of {limits.CUE}:"
                " a cue is the few words that attribute it ('said', 'according to')",
                *where,
            )
            return None
        return found

    def place(self, ref, *where) -> textref.Found | None:
        """Where the words ``ref`` names are in the text; None (and a problem) if nowhere."""
        try:
            return textref.resolve(self.body, ref)
        except textref.TextRefError as error:
            self.fail(str(error), *where)
            return None

    def mentions(self, model, column: str, ref_to, refs, section: str, i: int) -> None:
        """Rows of ``model`` for every place the references name; a place named twice once."""
        spans = set()
        for j, ref in enumerate(refs):
            try:
                found = textref.resolve_all(self.body, ref)
            except textref.TextRefError as error:
                self.fail(str(error), section, i, "mentions", j)
                continue
            for hit in found:
                if (hit.start, hit.end) in spans:
                    continue  # overlapping references name one place twice
                spans.add((hit.start, hit.end))
                self.rows[model].append(
                    {
                        column: ref_to,
                        "span_start": hit.start,
                        "span_end": hit.end,
                        "text": hit.text,
                        "annotator_id": self.annotator,
                    }
                )


def _article_rows(p: _Planner, digest: str) -> dict[str, Any]:
    """The article, its paragraphs and where its metadata came from."""
    header, body = p.doc.article, p.body
    published = header.published
    article = {
        "slug": header.slug,
        "headline": header.headline.value,
        "outlet": header.outlet.value,
        "byline": header.byline.value,
        "url": header.url.value,
        "published_date": published.value,
        "published_precision": published.precision,
        "published_qualifier": published.qualifier if published.value else None,
        "language": header.language.value,
        "body": body,
        "sha256": digest,
    }
    p.rows[Paragraph] = paragraphs.rows(body)
    for name in MetadataField:
        meta = getattr(header, name.value)
        value = (
            meta.value.isoformat() if name is MetadataField.PUBLISHED and meta.value else meta.value
        )
        p.rows[ArticleMetadata].append(
            {
                "field": name.value,
                "value": value,
                "origin": meta.origin,
                "source": meta.source,
                "confidence": meta.confidence,
                "note": meta.note,
            }
        )
    return article


def _actor_rows(p: _Planner) -> tuple[dict[str, dict[str, Any]], dict[str, set[str]]]:
    """The actors (to upsert by slug), their aliases, and the rows of their mentions."""
    actor_rows, aliases = {}, {}
    for i, actor in p.each("actors"):
        p.known(actor.part_of, p.actors, "actor", "actors", i, "part_of")
        if actor.part_of == actor.slug:
            p.fail("an actor cannot be part of itself", "actors", i, "part_of")
        actor_rows[actor.slug] = {
            "name": actor.name,
            "kind": actor.kind,
            "sector": actor.sector,
            "country": actor.country,
            "wikidata_id": actor.wikidata,
            "note": actor.note,
            "parent_id": _ref("actor", actor.part_of),
        }
        aliases[actor.slug] = set(actor.aliases)
        p.mentions(Mention, "actor_id", ("actor", actor.slug), actor.mentions, "actors", i)
    return actor_rows, aliases


def _affiliation_rows(p: _Planner) -> None:
    """A person's ties to organisations, placed at the words that state them."""
    for i, aff in p.each("affiliations"):
        p.known(aff.person, p.actors, "actor", "affiliations", i, "person")
        p.known(aff.organisation, p.actors, "actor", "affiliations", i, "organisation")
        found = p.place(aff.descriptor, "affiliations", i, "descriptor")
        if found is None:
            continue  # where the location is written is then no further question
        if aff.location_as_written and aff.location_as_written not in found.text:
            p.fail(
                f"{shown(aff.location_as_written)} is not in the descriptor {shown(found.text)}",
                "affiliations",
                i,
                "location_as_written",
            )
        p.rows[Affiliation].append(
            {
                "person_id": ("actor", aff.person),
                "organisation_id": _ref("actor", aff.organisation),
                "role": aff.role,
                "descriptor": found.text,
                "location": aff.location,
                "location_as_written": aff.location_as_written,
                "span_start": found.start,
                "span_end": found.end,
                "annotator_id": p.annotator,
                "confidence": aff.confidence,
            }
        )


def _event_rows(p: _Planner) -> dict[str, dict[str, Any]]:
    """The events (to upsert by slug), what this article says of each, their parties and
    where the article reports them."""
    event_rows = {}
    for i, ev in p.each("events"):
        p.known(ev.parent, p.events, "event", "events", i, "parent")
        if ev.parent == ev.slug:
            p.fail("an event cannot be its own parent", "events", i, "parent")
        fat = ev.fatalities
        if fat:
            p.known(fat.reported_by, p.actors, "actor", "events", i, "fatalities", "reported_by")
        for words, where in (
            (ev.date.as_written, ("date", "as_written")),
            (fat and fat.as_written, ("fatalities", "as_written")),
        ):
            if words and words not in p.body:
                p.fail(f"{shown(words)} is not in the article text", "events", i, *where)
        event_rows[ev.slug] = {
            "name": ev.name,
            "event_type": ev.type,
            "parent_id": _ref("event", ev.parent),
            "start_date": ev.date.start,
            "end_date": ev.date.end,
            "date_precision": ev.date.precision,
            "date_resolution": ev.date.resolution,
            "date_source": ev.date.source,
            "location": ev.location,
            "country": ev.country,
        }
        # what this article says of the event, kept with the article's other rows
        p.rows[EventReport].append(
            {
                "event_id": ("event", ev.slug),
                "date_as_written": ev.date.as_written,
                "fatalities": fat.count if fat else None,
                "fatalities_as_written": fat.as_written if fat else None,
                "fatalities_reported_by_id": _ref("actor", fat.reported_by) if fat else None,
                "fatalities_attribution": fat.attribution if fat else None,
                "annotator_id": p.annotator,
            }
        )
        _participant_rows(p, ev, i)
        p.mentions(EventMention, "event_id", ("event", ev.slug), ev.mentions, "events", i)
    return event_rows


def _participant_rows(p: _Planner, ev, i: int) -> None:
    parts = set()  # the same part named twice is one row
    for j, part in enumerate(ev.participants):
        p.known(part.actor, p.actors, "actor", "events", i, "participants", j, "actor")
        if (part.actor, part.role) not in parts:
            parts.add((part.actor, part.role))
            p.rows[EventParticipant].append(
                {
                    "event_id": ("event", ev.slug),
                    "actor_id": ("actor", part.actor),
                    "role": part.role,
                    "annotator_id": p.annotator,
                }
            )


def _check_events_reported(p: _Planner) -> None:
    """An event the article lists is one it reports: in its words, or in what a claim is about
    (an event known only from elsewhere is not the article's to list). A claim that failed
    validation still names its events, as read."""
    claimed = set()
    for i in range(len(p.doc.claims)):
        events = p.given("claims", i, "events")
        claimed.update(e for e in events if isinstance(e, str)) if isinstance(events, list) else ()
    for i, ev in p.each("events"):
        if not ev.mentions and ev.slug not in claimed:
            p.fail(
                "the article neither mentions this event nor makes a claim about it:"
                " give its mentions, or name it in a claim's events",
                "events",
                i,
            )


def _quote_rows(p: _Planner) -> None:
    """Quotes: direct and partial quotes are exactly the words between “ and ”; a segment
    comes after the one it continues."""
    body = p.body
    for i, quote in p.each("quotes"):
        p.known(quote.speaker, p.actors, "actor", "quotes", i, "speaker")
        p.known(quote.continues, p.quotes, "quote", "quotes", i, "continues")
        if quote.continues == quote.id:
            p.fail("a quote cannot continue itself", "quotes", i, "continues")
        found = p.place(quote.text, "quotes", i, "text")
        if (
            found
            and quote.kind != QuoteKind.INDIRECT
            and not between_marks(body, found.start, found.end)
        ):
            p.fail(
                f"a {quote.kind} quote is the words between “ and ” (or straight marks), and"
                f" {shown(found.text)} is not",
                "quotes",
                i,
                "text",
            )
        cue = p.cue(quote.cue, "quotes", i, "cue") if quote.cue else None
        if found is None:
            continue
        p.rows[Quote].append(
            {
                "key": quote.id,
                "speaker_id": ("actor", quote.speaker),
                "kind": quote.kind,
                "text": found.text,
                "span_start": found.start,
                "span_end": found.end,
                **_cue(cue),
                "continues_id": _ref("quote", quote.continues),
                "annotator_id": p.annotator,
                "confidence": quote.confidence,
            }
        )
    _check_continuations(p)


def _check_continuations(p: _Planner) -> None:
    """Segments that continue each other in a ring are a problem; with no problem at all,
    the quote rows are put in the order they are stored in."""
    valid = {q.id for _, q in p.each("quotes")}
    links = [
        {"key": q.id, "continues_id": ("quote", q.continues) if q.continues in valid else None}
        for _, q in p.each("quotes")
    ]
    for link in links:  # a segment that continues itself is a problem of its own
        if link["continues_id"] == ("quote", link["key"]):
            link["continues_id"] = None
    try:
        _continued_first(links)
    except ValueError as error:
        p.fail(str(error), "quotes")
        return
    if p.whole and not p.problems:  # every segment placed: each after the one it continues
        p.rows[Quote] = _continued_first(p.rows[Quote])


def _claim_rows(p: _Planner) -> None:
    """Claims, the events they are about, the quotes they rest on, how they relate to other
    claims, and their checks against the record."""
    for i, claim in p.each("claims"):
        p.known(claim.source, p.actors, "actor", "claims", i, "source")
        found = p.place(claim.text, "claims", i, "text")
        cue = p.cue(claim.cue, "claims", i, "cue") if claim.cue else None
        if found is not None:
            p.rows[Claim].append(
                {
                    "key": claim.id,
                    "text": found.text,
                    "span_start": found.start,
                    "span_end": found.end,
                    "proposition": claim.proposition,
                    "attribution_mode": claim.mode,
                    "source_id": _ref("actor", claim.source),
                    **_cue(cue),
                    "certainty": claim.certainty,
                    "annotator_id": p.annotator,
                    "confidence": claim.confidence,
                }
            )
        me = ("claim", claim.id)
        for j, slug in enumerate(dict.fromkeys(claim.events)):
            if p.known(slug, p.events, "event", "claims", i, "events", j):
                p.rows[ClaimEvent].append({"claim_id": me, "event_id": ("event", slug)})
        for j, key in enumerate(dict.fromkeys(claim.quotes)):
            if p.known(key, p.quotes, "quote", "claims", i, "quotes", j):
                p.rows[ClaimQuote].append({"claim_id": me, "quote_id": ("quote", key)})
        _relation_rows(p, claim, i)
        _check_rows(p, claim, i)


def _relation_rows(p: _Planner, claim, i: int) -> None:
    for relation in ("corroborates", "conflicts"):
        for j, key in enumerate(dict.fromkeys(getattr(claim, relation))):
            if not p.known(key, p.claims, "claim", "claims", i, relation, j):
                continue
            if key == claim.id:
                p.fail(
                    f"a claim cannot be said to {relation.removesuffix('s')} itself",
                    "claims",
                    i,
                    relation,
                    j,
                )
                continue
            p.rows[ClaimRelation].append(
                {
                    "claim_id": ("claim", claim.id),
                    "other_claim_id": ("claim", key),
                    "relation": relation,
                }
            )


def _check_rows(p: _Planner, claim, i: int) -> None:
    aspects = set()
    for j, check in enumerate(claim.checks):
        if check.aspect in aspects:
            p.fail(
                f"the claim is checked twice for {shown(check.aspect)}", "claims", i, "checks", j
            )
            continue
        aspects.add(check.aspect)
        p.rows[ClaimCheck].append(
            {
                "claim_id": ("claim", claim.id),
                "aspect": check.aspect,
                "stated_value": check.stated,
                "checked_value": check.checked,
                "verdict": check.verdict,
                "source": check.source,
                "note": check.note,
                "annotator_id": p.annotator,
            }
        )


#: the marks that open and close a quote; a quote that runs on into the next paragraph has no
#: closing mark at the end of each paragraph but the last
_OPENING, _CLOSING = '“"', '”"'


def between_marks(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is the words of a quote: after an opening mark, before a
    closing one (or the end of its paragraph, for a quote that runs on)."""
    before, after = body[start - 1 : start], body[end : end + 1]
    return start > 0 and before in _OPENING and (after in _CLOSING or after in ("\n", "\r", ""))


def _drafted_rows(p: _Planner) -> None:
    """What drafted annotations add (issue 10): each row's confidence, and the time expressions.

    A drafted actor's confidence goes on each of its mentions (the actor row is shared); the
    other rows took theirs as they were made.
    """
    by_actor = {("actor", a.slug): a.confidence for _, a in p.each("actors")}
    for row in p.rows[Mention]:
        row["confidence"] = by_actor[row["actor_id"]]
    spans: dict[tuple[int, int], int] = {}
    for i, time in p.each("times"):
        found = p.place(time.text, "times", i, "text")
        if found is None:
            continue
        if (found.start, found.end) in spans:
            p.fail(
                f"{shown(found.text)} at {found.start} is already"
                f" times[{spans[found.start, found.end]}]",
                "times",
                i,
                "text",
            )
            continue
        spans[found.start, found.end] = i
        p.rows[TimeExpression].append(
            {
                "span_start": found.start,
                "span_end": found.end,
                "as_written": found.text,
                "start_date": time.start,
                "end_date": time.end,
                "precision": time.precision,
                "resolution": time.resolution,
                "duration": time.duration,
                "confidence": time.confidence,
                "annotator_id": p.annotator,
            }
        )


def _ref(kind: str, key: str | None):
    return (kind, key) if key is not None else None


def _cue(found: textref.Found | None) -> dict[str, Any]:
    if found is None:
        return {"cue": None, "cue_start": None, "cue_end": None}
    return {"cue": found.text, "cue_start": found.start, "cue_end": found.end}


# -- storing -----------------------------------------------------------------------------------

#: The rows that belong to one article, in the order they are inserted.
ARTICLE_TABLES: list[type] = [
    Paragraph,
    ArticleMetadata,
    Mention,
    EventReport,
    EventMention,
    EventParticipant,
    Affiliation,
    Quote,
    Claim,
    ClaimEvent,
    ClaimQuote,
    ClaimRelation,
    ClaimCheck,
    TimeExpression,
]
_BY_CLAIM = {ClaimEvent, ClaimQuote, ClaimRelation, ClaimCheck}
_SKIP = {"id", "article_id", "created_at"}


@dataclass
class Report:
    """What one load did: per table, how many rows were inserted, updated, deleted, unchanged."""

    article: str
    status: str = "unchanged"  # inserted, updated or unchanged
    counts: dict[str, Counter] = field(default_factory=dict)

    def count(self, table: str, what: str, n: int = 1) -> None:
        if n:
            self.counts.setdefault(table, Counter())[what] += n

    @property
    def changed(self) -> bool:
        return self.status != "unchanged" or any(
            c["inserted"] or c["updated"] or c["deleted"] for c in self.counts.values()
        )

    def summary(self) -> str:
        """The status on one line, then one line per kind of change: 'inserted: 11 quote, ...'."""
        lines = [f"{self.article}: {self.status}"]
        for action in ("inserted", "updated", "deleted", "unchanged"):
            done = [f"{c[action]} {table}" for table, c in self.counts.items() if c[action]]
            if done:
                lines.append(f"  {action}: {', '.join(done)}")
        return "\n".join(lines)


class _Keys:
    """Natural keys to ids and back, for the rows of one load."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[tuple[str, Any], int] = {}
        self.names: dict[tuple[str, int], Any] = {}

    def remember(self, kind: str, key: Any, id_: int) -> None:
        self.ids[(kind, key)] = id_
        self.names[(kind, id_)] = key

    def id(self, ref) -> int | None:
        return None if ref is None else self.ids[ref]

    def name(self, kind: str, id_: int | None):
        """The natural key of a stored row, as a plan writes it: (kind, key)."""
        if id_ is None:
            return None
        if (kind, id_) not in self.names:
            if kind == "annotator":
                row = self.session.execute(
                    select(Annotator.kind, Annotator.name).where(Annotator.id == id_)
                ).one()
                key = (row.kind, row.name)
            else:  # quotes and claims are remembered as they are read
                model = {"actor": Actor, "event": Event}[kind]
                key = self.session.scalar(select(model.slug).where(model.id == id_))
            self.remember(kind, key, id_)
        return (kind, self.names[(kind, id_)])


class Settled:
    """The shared rows (the annotator, actors and their aliases, events) that articles stored
    earlier in the same transaction left as a plan gives them: an article that gives them
    alike needs no query for them. What an article adds counts once its savepoint is kept."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, Any], tuple] = {}
        self.pending: dict[tuple[str, Any], tuple] = {}

    def get(self, kind: str, key: Any) -> tuple | None:
        return self.known.get((kind, key))

    def add(self, kind: str, key: Any, *value) -> None:
        self.pending[(kind, key)] = value

    def keep(self) -> None:
        """The article was stored: what it settled holds for the next ones."""
        self.known.update(self.pending)
        self.pending.clear()

    def drop(self) -> None:
        """The article was undone: forget what it settled."""
        self.pending.clear()


#: the columns of a plan's rows that refer to another row, and the kind of row they name (a
#: parent, an actor's or an event's, may be either kind: its reference says which)
_FOREIGN = {**fingerprint.REFERS, "parent_id": None}


def store(session: Session, plan: Plan, settled: Settled | None = None, new=None) -> Report:
    """Write ``plan`` in the session's transaction (the caller commits); return what changed.

    ``settled``, when given, is what earlier articles of the transaction stored of the shared
    rows (see :class:`Settled`; the caller keeps or drops what this article adds). ``new``, when
    given, is where the rows of an article the caller found new go, to be written with the
    rest of its batch (:class:`newsdb.batch_write.NewArticles`).

    Loads at once run one after the other: PostgreSQL takes an advisory lock, SQLite begins
    the transaction with ``BEGIN IMMEDIATE`` (the driver would only begin it at the first
    write, after the reads that decide what to write, and two loads that both found no
    annotator or actor yet collided on inserting it).
    """
    serialize_writes(session)
    report = Report(plan.article["slug"])
    keys = _Keys(session)
    if new is None:  # a new article's text has no draft to adopt
        _adopt_draft(session, plan)
    settled = settled or Settled()
    _store_annotator(session, plan, keys, report, settled)
    _store_named(session, plan, Actor, plan.actors, "actor", keys, report, settled)
    _store_aliases(session, plan, keys, report, settled)
    _store_named(session, plan, Event, plan.events, "event", keys, report, settled)
    if new is not None:
        new.add(plan, keys, report)
        return report
    article_id = _store_article(session, plan, report)
    _store_article_rows(session, plan, article_id, keys, report)
    fingerprint.save(session, article_id, plan)  # what verify holds the rows to (0014)
    session.flush()
    return report


def _store_annotator(
    session: Session, plan: Plan, keys: _Keys, report: Report, settled: Settled
) -> None:
    kind, name = plan.annotator
    note = plan.doc.annotator.note
    if (hit := settled.get("annotator", plan.annotator)) and hit[1] == note:
        keys.remember("annotator", plan.annotator, hit[0])
        return
    found = session.execute(
        select(Annotator.id, Annotator.note).where(Annotator.kind == kind, Annotator.name == name)
    ).first()
    if found is None:
        id_ = session.scalar(
            insert(Annotator).values(kind=kind, name=name, note=note).returning(Annotator.id)
        )
        report.count("annotator", "inserted")
    else:
        id_ = found.id
        if found.note != note:
            session.execute(update(Annotator).where(Annotator.id == id_).values(note=note))
            report.count("annotator", "updated")
    keys.remember("annotator", plan.annotator, id_)
    settled.add("annotator", plan.annotator, id_, note)


#: The fields of a shared actor or event, in groups that are stored or kept together: the
#: columns, where the annotation gives each, and the values that mean it says nothing.
_GROUPS: dict[str, list[tuple[tuple[str, ...], tuple[tuple, ...], tuple]]] = {
    "actor": [
        (("name",), (("name",),), (None,)),
        (("kind",), (("kind",),), (None,)),
        (("sector",), (("sector",),), ("unknown",)),
        (("country",), (("country",),), (None,)),
        (("wikidata_id",), (("wikidata",),), (None,)),
        (("note",), (("note",),), (None,)),
        (("parent_id",), (("part_of",),), (None,)),
    ],
    "event": [
        (("name",), (("name",),), (None,)),
        (("event_type",), (("type",),), (None,)),
        (("parent_id",), (("parent",),), (None,)),
        (
            ("start_date", "end_date", "date_precision", "date_resolution", "date_source"),
            (
                ("date", "start"),
                ("date", "end"),
                ("date", "precision"),
                ("date", "resolution"),
                ("date", "source"),
            ),
            (None, None, "unknown", "unresolved", None),
        ),
        (("location",), (("location",),), (None,)),
        (("country",), (("country",),), (None,)),
    ],
}


def _elsewhere(session: Session, kind: str, id_: int, article: str) -> list[str]:
    """The slugs of the articles other than ``article`` whose rows refer to an actor or event."""
    if kind == "actor":
        refs = [
            select(Mention.article_id).where(Mention.actor_id == id_),
            select(Quote.article_id).where(Quote.speaker_id == id_),
            select(Claim.article_id).where(Claim.source_id == id_),
            select(Affiliation.article_id).where(
                (Affiliation.person_id == id_) | (Affiliation.organisation_id == id_)
            ),
            select(EventParticipant.article_id).where(EventParticipant.actor_id == id_),
            select(EventReport.article_id).where(EventReport.fatalities_reported_by_id == id_),
        ]
    else:
        refs = [
            select(EventMention.article_id).where(EventMention.event_id == id_),
            select(EventReport.article_id).where(EventReport.event_id == id_),
            select(EventParticipant.article_id).where(EventParticipant.event_id == id_),
            select(Claim.article_id)
            .join(ClaimEvent, ClaimEvent.claim_id == Claim.id)
            .where(ClaimEvent.event_id == id_),
        ]
    return list(
        session.scalars(
            select(Article.slug)
            .where(Article.id.in_(union(*refs)), Article.slug != article)
            .order_by(Article.slug)
        )
    )


def _shown(value: Any) -> str:
    return "none" if value is None else shown(str(value))


def _merge_shared(
    session: Session, plan: Plan, kind: str, index: int, row, full: dict, keys: _Keys
) -> dict:
    """The values to store for an actor or event that other articles refer to.

    Their fields are shared: this article may give a value the row lacks, and where it says
    nothing (no date, no country...) the stored value stays; a value that differs from the
    stored one is refused, naming the articles that have it, and nothing is written.
    """
    others = _elsewhere(session, kind, row.id, plan.article["slug"])
    if not others:
        return full  # the article's own: this annotation may change anything
    merged = dict(full)
    section = "actors" if kind == "actor" else "events"
    for columns, paths, nothing in _GROUPS[kind]:
        stored = tuple(getattr(row, c) for c in columns)
        given = tuple(full[c] for c in columns)
        if given == stored or stored == nothing:
            continue
        if given == nothing:
            merged.update(zip(columns, stored, strict=True))  # keep what the others rely on
            continue
        column, path, old, new = next(
            (c, p, o, n) for c, p, o, n in zip(columns, paths, stored, given, strict=True) if o != n
        )
        if column == "parent_id":  # by slug, as the annotation gives it
            old, new = (keys.name(kind, v)[1] if v else None for v in (old, new))
        raise plan.fail(
            f"{kind} {row.slug!r} is shared with {', '.join(repr(o) for o in others[:3])}"
            f"{' and others' if len(others) > 3 else ''}, where its {'.'.join(path)} is"
            f" {_shown(old)}, not {_shown(new)}: make the annotations agree, or give this"
            f" {kind} a slug of its own",
            section,
            index,
            *path,
        )
    return merged


def _store_named(
    session: Session,
    plan: Plan,
    model,
    wanted: dict[str, dict],
    kind: str,
    keys: _Keys,
    report: Report,
    settled: Settled,
) -> None:
    """Upsert actors or events by slug; their parents are set once every slug has an id.

    An actor or event that other articles refer to is shared: see :func:`_merge_shared`.
    One that an earlier article of the transaction settled as this one gives it is left be.
    """
    table = model.__tablename__
    order = {slug: i for i, slug in enumerate(wanted)}
    todo = {}
    for slug, values in wanted.items():
        if (hit := settled.get(kind, slug)) and hit[1] == values:
            keys.remember(kind, slug, hit[0])
            report.count(table, "unchanged")
        else:
            todo[slug] = values
    if not todo:
        return
    wanted = todo
    columns = model.__table__.c  # rows, not ORM objects: nothing to track or expire
    existing = {
        row.slug: row for row in session.execute(select(columns).where(columns.slug.in_(wanted)))
    }
    for slug, values in wanted.items():
        plain = {k: v for k, v in values.items() if not isinstance(v, tuple) and k not in _FOREIGN}
        row = existing.get(slug)
        if row is None:
            id_ = session.scalar(insert(model).values(slug=slug, **plain).returning(model.id))
            report.count(table, "inserted")
        else:
            id_ = row.id
        keys.remember(kind, slug, id_)
        settled.add(kind, slug, id_, values)
    for slug, values in wanted.items():
        refs = {
            k: keys.id(v) if isinstance(v, tuple) else v for k, v in values.items() if k in _FOREIGN
        }
        full = {**{k: v for k, v in values.items() if k not in _FOREIGN}, **refs}
        row = existing.get(slug)
        if row is None:
            if any(refs.values()):
                session.execute(
                    update(model).where(model.id == keys.ids[(kind, slug)]).values(**refs)
                )
            continue
        if any(getattr(row, k) != v for k, v in full.items()):
            full = _merge_shared(session, plan, kind, order[slug], row, full, keys)
        if any(getattr(row, k) != v for k, v in full.items()):
            session.execute(update(model).where(model.id == row.id).values(**full))
            report.count(table, "updated")
        else:
            report.count(table, "unchanged")


def _store_aliases(
    session: Session, plan: Plan, keys: _Keys, report: Report, settled: Settled
) -> None:
    """Make each actor's stored aliases the ones the plan gives (read in one query)."""
    ids = {
        keys.ids[("actor", slug)]: slug
        for slug, wanted in plan.aliases.items()
        if settled.get("alias", slug) != (wanted,)
    }
    for slug, wanted in plan.aliases.items():
        settled.add("alias", slug, wanted)
    if not ids:
        return
    have: dict[int, set[str]] = {id_: set() for id_ in ids}
    query = select(ActorAlias.actor_id, ActorAlias.alias).where(ActorAlias.actor_id.in_(ids))
    for actor_id, alias in session.execute(query):
        have[actor_id].add(alias)
    added = []
    for actor_id, slug in ids.items():
        wanted, stored = plan.aliases[slug], have[actor_id]
        added += [{"actor_id": actor_id, "alias": alias} for alias in sorted(wanted - stored)]
        if stored - wanted:
            session.execute(
                delete(ActorAlias).where(
                    ActorAlias.actor_id == actor_id, ActorAlias.alias.in_(stored - wanted)
                )
            )
        report.count("actor_alias", "deleted", len(stored - wanted))
    if added:
        session.connection().execute(insert(ActorAlias.__table__), added)
    report.count("actor_alias", "inserted", len(added))


def _store_article(session: Session, plan: Plan, report: Report) -> int:
    values = plan.article
    columns = Article.__table__.c
    row = session.execute(select(columns).where(columns.slug == values["slug"])).one_or_none()
    if row is None:
        report.status = "inserted"
        return session.scalar(insert(Article).values(**values).returning(Article.id))
    if any(getattr(row, k) != v for k, v in values.items()):
        session.execute(update(Article).where(Article.id == row.id).values(**values))
        report.status = "updated"
    return row.id


#: the article's rows that name the annotator who made them
_PROVENANCE = [
    Mention,
    Affiliation,
    Quote,
    Claim,
    EventReport,
    EventMention,
    EventParticipant,
    TimeExpression,
]
#: annotators whose rows a later annotation of the same text may take over: drafts
DRAFTING = ("rule", "model")


def annotators_of(session: Session, article_id: int) -> set[tuple[str, str]]:
    """The (kind, name) of every annotator with rows in the article."""
    annotators = union(
        *(select(m.annotator_id).where(m.article_id == article_id) for m in _PROVENANCE)
    )
    rows = session.execute(
        select(Annotator.kind, Annotator.name).where(Annotator.id.in_(annotators))
    )
    return {tuple(row) for row in rows}


def drafted_only(session: Session, article_id: int) -> bool:
    """Whether every annotation row of the article was drafted (by rules or a model)."""
    return all(kind in DRAFTING for kind, _ in annotators_of(session, article_id))


def _adopt_draft(session: Session, plan: Plan) -> None:
    """An annotation of a text that a draft stored under another slug takes that article
    over: the article gets this annotation's slug, and its rows are then replaced as usual.
    A text annotated by hand keeps its slug: a draft of it is refused, and so is a second
    slug for it by hand, naming the stored one (the database refused it, in its words)."""
    slug, digest = plan.article["slug"], plan.article["sha256"]
    if session.scalar(select(Article.id).where(Article.slug == slug)) is not None:
        return
    other = session.scalar(select(Article.id).where(Article.sha256 == digest))
    if other is None:
        return
    if drafted_only(session, other):
        session.execute(update(Article).where(Article.id == other).values(slug=slug))
        return
    stored = session.scalar(select(Article.slug).where(Article.id == other))
    if plan.doc.annotator.kind in DRAFTING:
        raise plan.fail(
            f"this text is stored as {stored!r}, annotated by hand: a draft does not replace it",
            "article",
            "slug",
        )
    raise plan.fail(
        f"this text is stored already as {stored!r}: give the annotation that slug, or"
        f" `newsdb delete {stored}` first",
        "article",
        "slug",
    )


def _columns(model) -> list[str]:
    return [c.name for c in model.__table__.columns if c.name not in _SKIP]


def _stored_rows(session: Session, model, article_id: int, keys: _Keys) -> list[dict[str, Any]]:
    """The article's rows of ``model`` as they are stored, with natural keys for foreign keys."""
    table = model.__table__
    query = select(table)
    if model in _BY_CLAIM:
        query = query.where(
            table.c.claim_id.in_(select(Claim.id).where(Claim.article_id == article_id))
        )
    else:
        query = query.where(table.c.article_id == article_id)
    rows = []
    for row in session.execute(query).mappings():
        if model in (Quote, Claim):
            keys.remember(model.__tablename__, row["key"], row["id"])
        rows.append(dict(row))
    return rows


def _natural(row: dict[str, Any], model, keys: _Keys) -> tuple:
    return tuple(
        keys.name(_FOREIGN[c], row[c]) if _FOREIGN.get(c) else row[c] for c in _columns(model)
    )


def _comparable(row: dict[str, Any], model) -> tuple:
    return tuple(row[c] for c in _columns(model))


def _store_article_rows(
    session: Session, plan: Plan, article_id: int, keys: _Keys, report: Report
) -> None:
    """Compare the article's annotation rows with the plan; when anything differs, replace them."""
    if report.status == "inserted":  # a new article has no rows yet to compare
        stored = {model: [] for model in ARTICLE_TABLES}
    else:
        stored = {model: _stored_rows(session, model, article_id, keys) for model in ARTICLE_TABLES}
    diffs = {}
    for model in ARTICLE_TABLES:
        if not stored[model]:
            diffs[model] = (len(plan.rows[model]), 0, len(plan.rows[model]))
            continue
        have = Counter(_natural(row, model, keys) for row in stored[model])
        want = Counter(_comparable(row, model) for row in plan.rows[model])
        diffs[model] = (
            sum((want - have).values()),
            sum((have - want).values()),
            len(plan.rows[model]),
        )
    if not any(added or removed for added, removed, _ in diffs.values()):
        return
    if report.status == "unchanged":
        report.status = "updated"
    for model in reversed(ARTICLE_TABLES) if report.status != "inserted" else ():
        ids = [row["id"] for row in stored[model]] if "id" in model.__table__.c else None
        if model in _BY_CLAIM or ids is None:
            session.execute(
                delete(model).where(
                    model.claim_id.in_(select(Claim.id).where(Claim.article_id == article_id))
                )
            )
        else:
            if model is Quote:  # segments point at each other
                session.execute(
                    update(Quote).where(Quote.article_id == article_id).values(continues_id=None)
                )
            session.execute(delete(model).where(model.article_id == article_id))
    for model in ARTICLE_TABLES:
        _insert_rows(session, model, plan.rows[model], article_id, keys)
        added, removed, total = diffs[model]
        report.count(model.__tablename__, "inserted", added)
        report.count(model.__tablename__, "deleted", removed)
        report.count(model.__tablename__, "unchanged", total - added)


def _insert_rows(
    session: Session, model, rows: list[dict[str, Any]], article_id: int, keys: _Keys
) -> None:
    """Insert the article's rows of ``model`` in one write (:func:`newsdb.rows.write_rows`;
    quotes in waves, each after the segments it continues), then learn the ids of its quotes
    and claims."""
    if not rows:
        return
    connection = session.connection()
    table = model.__table__
    columns = list(rows[0])
    foreign = [c in _FOREIGN and c != "continues_id" for c in columns]
    values = [
        [keys.id(row[c]) if f else row[c] for c, f in zip(columns, foreign, strict=True)]
        for row in rows
    ]
    if "article_id" in table.c:
        columns.append("article_id")
        for one in values:
            one.append(article_id)
    if model is not Quote:
        write_rows(connection, table, columns, [tuple(v) for v in values])
        if model is Claim:
            _learn_keys(connection, model, article_id, keys)
        return
    at = columns.index("continues_id")
    for one in values:
        one[at] = None  # known once the segment it continues is stored
    for wave in _waves(rows, values):
        write_rows(connection, table, columns, [tuple(v) for v in wave])
        _learn_keys(connection, model, article_id, keys)
        for one, row in zip(values, rows, strict=True):
            if row["continues_id"] is not None and one[at] is None:
                one[at] = keys.ids.get(row["continues_id"])


def _waves(rows: list[dict[str, Any]], values: list[list]):
    """Quote segments in waves: each wave continues only segments of earlier waves (the rows
    come ordered by :func:`_continued_first`); the values get their ids filled in between."""
    done: set[str] = set()
    pending = list(zip(rows, values, strict=True))
    while pending:
        wave = [
            (r, v) for r, v in pending if r["continues_id"] is None or r["continues_id"][1] in done
        ]
        done.update(r["key"] for r, _ in wave)
        pending = [(r, v) for r, v in pending if r["key"] not in done]
        yield [v for _, v in wave]


def _learn_keys(connection, model, article_id: int, keys: _Keys) -> None:
    table = model.__table__
    query = select(table.c.key, table.c.id).where(table.c.article_id == article_id)
    for key, id_ in connection.execute(query):
        keys.remember(model.__tablename__, key, id_)


def _continued_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quote segments ordered so that each comes after the one it continues."""
    done, ordered, pending = set(), [], list(rows)
    while pending:
        ready = [r for r in pending if r["continues_id"] is None or r["continues_id"][1] in done]
        if not ready:
            raise ValueError(
                "quote continuations form a cycle: " + ", ".join(r["key"] for r in pending)
            )
        for r in ready:
            ordered.append(r)
            done.add(r["key"])
        pending = [r for r in pending if r not in ready]
    return ordered


def load_folder(session: Session, folder: Path | str) -> Report:
    """Read, check and store one article folder in the session's transaction."""
    return store(session, read_folder(folder))
