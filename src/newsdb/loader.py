"""Loading an annotated article folder into the database.

An article folder holds the body text and one annotation file (see :mod:`newsdb.annotation`).
:func:`read_folder` validates the whole folder and places every quoted reference in the text,
refusing the first problem with the file, the line, the place in the document and the reason.
:func:`store` then writes it in the caller's transaction: actors and events are upserted by
slug, and the article's own annotation rows are compared with what is stored and replaced
only when they differ, so loading the same folder twice changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from sqlalchemy import delete, insert, select, text, union, update
from sqlalchemy.orm import Session

from newsdb import textref
from newsdb.annotation import AnnotationFile
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
)
from newsdb.vocab import MetadataField, QuoteKind

ANNOTATION_FILE = "annotations.yaml"
#: pg_advisory_xact_lock key held while an article is stored: concurrent loads run one after
#: the other, so two `newsdb seed` runs at once end with the data of one.
LOAD_LOCK = 72_0002


class AnnotationError(Exception):
    """A problem in an annotation folder: where it is and why, in one line."""

    def __init__(self, path: Path, reason: str, where: tuple = (), line: int | None = None):
        self.path, self.reason, self.where, self.line = path, reason, where, line
        place = f"{path}:{line}" if line else str(path)
        location = _dotted(where)
        super().__init__(f"{place}: {location + ': ' if location else ''}{reason}")


def _dotted(where: tuple) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(root: yaml.Node | None, where: tuple) -> int | None:
    """The line of the YAML node at ``where`` (or of its nearest ancestor that exists)."""
    node, line = root, (root.start_mark.line + 1 if root else None)
    for part in where:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


class _YamlLoader(yaml.SafeLoader):
    """Safe YAML in which dates stay strings, so pydantic checks them and says where."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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

    def fail(self, reason: str, *where) -> AnnotationError:
        return AnnotationError(self.path, reason, where, _line_of(self.root, where))


def read_folder(folder: Path | str) -> Plan:
    """Read and check one article folder; raise :class:`AnnotationError` on the first problem."""
    folder = Path(folder)
    path = folder / ANNOTATION_FILE
    if not folder.is_dir():
        raise AnnotationError(
            folder, "not a folder: an article folder holds the text and annotations.yaml"
        )
    if not path.is_file():
        raise AnnotationError(path, "missing: an article folder needs its annotations.yaml")
    source = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(source, Loader=_YamlLoader)
        data = yaml.load(source, Loader=_YamlLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        raise AnnotationError(
            path, f"not valid YAML: {reason}", line=mark.line + 1 if mark else None
        ) from None
    try:
        doc = AnnotationFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = tuple(p for p in first["loc"] if not (isinstance(p, str) and p in _UNION_TAGS))
        raise AnnotationError(path, _message(first), where, _line_of(root, where)) from None
    return _plan(path, root, doc)


_UNION_TAGS = {
    "str",
    "Span",
    "EveryOccurrence",
    "constrained-str",
    "function-after[_consistent(), EventDate]",
}


#: what a value of a field that has a pattern looks like, in words
_PATTERNS = {
    "sha256": "64 lower-case hex digits, the SHA-256 of the text file's bytes:"
    " `sha256sum article.txt` prints it (`newsdb new` fills it in)",
    "slug": "lower-case letters and digits in words joined by single hyphens ('bridge-collapse')",
    "country": "two capital letters, the ISO 3166-1 code ('PK')",
    "wikidata": "Q and digits ('Q1234')",
}
_PATTERNS["id"] = _PATTERNS["slug"]
#: the header's metadata fields: each a mapping with its value and where it came from
_METADATA = {"headline", "outlet", "byline", "url", "published", "language"}


def clip(text: str, width: int = 40) -> str:
    """``text`` cut to about ``width`` characters at a word boundary, with … if cut."""
    if len(text) <= width:
        return text
    cut = text[: width + 1].rsplit(" ", 1)[0].rstrip(",;:")
    return (cut if " " in text[:width] else text[:width]) + "…"


def _message(error: dict) -> str:
    """A pydantic error in words: what is wrong and what would be right."""
    message, kind = error["msg"], error["type"]
    field = next((p for p in reversed(error["loc"]) if isinstance(p, str)), "")
    got = error.get("input")
    if kind in ("literal_error", "enum"):
        return f"{message} (got {got!r})"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        hint = _PATTERNS.get(field) or (
            "a mapping: {value: ..., origin: text|outside|inference|unknown}"
            if field in _METADATA
            else None
        )
        return f"{field} is missing" + (f": {hint}" if hint else "")
    if kind == "string_pattern_mismatch" and field in _PATTERNS:
        return f"{clip(str(got))!r} is not a {field}: write {_PATTERNS[field]}"
    if kind in ("model_type", "dict_type") and field in _METADATA:
        return (
            f"{field} is a mapping of its value and where it came from, not {clip(str(got))!r}:"
            f" {field}: {{value: {clip(str(got))!r}, origin: text}} (origin: text, outside,"
            " inference or unknown; outside and inference need a source)"
        )
    return message.removeprefix("Value error, ")


def _plan(path: Path, root: yaml.Node | None, doc: AnnotationFile) -> Plan:
    header = doc.article
    text_path = path.parent / header.text
    if not text_path.is_file():
        raise AnnotationError(
            path,
            f"the text file {header.text!r} is not beside the annotation",
            ("article", "text"),
            _line_of(root, ("article", "text")),
        )
    return plan_document(path, doc, text_path.read_bytes(), root)


def plan_document(
    path: Path, doc: AnnotationFile, raw: bytes, root: yaml.Node | None = None
) -> Plan:
    """Check ``doc`` against the article's text ``raw`` (its bytes, as hashed) and place every
    reference; ``path`` and ``root`` only locate a problem. The one road into the database:
    an annotation file read from a folder and a draft made by :mod:`newsdb.extract` alike."""

    def fail(reason: str, *where) -> AnnotationError:
        return AnnotationError(path, reason, where, _line_of(root, where))

    header = doc.article
    digest = hashlib.sha256(raw).hexdigest()
    if digest != header.sha256:
        raise fail(f"{header.text} has sha256 {digest}, not the declared one", "article", "sha256")
    body = raw.decode("utf-8")

    def place(ref, *where) -> textref.Found:
        try:
            return textref.resolve(body, ref)
        except textref.TextRefError as error:
            raise fail(str(error), *where) from None

    def place_mentions(model, column: str, ref_to, refs, section: str, i: int) -> None:
        """Rows of ``model`` for every place the references name; a place named twice once."""
        spans = set()
        for j, ref in enumerate(refs):
            try:
                found = textref.resolve_all(body, ref)
            except textref.TextRefError as error:
                raise fail(str(error), section, i, "mentions", j) from None
            for hit in found:
                if (hit.start, hit.end) in spans:
                    continue  # overlapping references name one place twice
                spans.add((hit.start, hit.end))
                rows[model].append(
                    {
                        column: ref_to,
                        "span_start": hit.start,
                        "span_end": hit.end,
                        "text": hit.text,
                        "annotator_id": annotator,
                    }
                )

    def unique(items, attr: str, what: str, section: str) -> dict:
        seen: dict = {}
        for i, item in enumerate(items):
            key = getattr(item, attr)
            if key in seen:
                raise fail(
                    f"duplicate {what} {key!r} (first at {section}[{seen[key]}])", section, i, attr
                )
            seen[key] = i
        return seen

    actors = unique(doc.actors, "slug", "actor slug", "actors")
    events = unique(doc.events, "slug", "event slug", "events")
    quotes = unique(doc.quotes, "id", "quote id", "quotes")
    claims = unique(doc.claims, "id", "claim id", "claims")

    def known(value, declared: dict, what: str, *where) -> None:
        if value is not None and value not in declared:
            raise fail(f"unknown {what} {value!r}: declare it under {what.split()[0]}s", *where)

    annotator = ("annotator", (doc.annotator.kind, doc.annotator.name))
    rows: dict[type, list[dict[str, Any]]] = {table: [] for table in ARTICLE_TABLES}

    # The article, its paragraphs and where its metadata came from.
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
    offset = 0
    for number, paragraph in enumerate(body.split("\n"), start=1):
        rows[Paragraph].append(
            {"number": number, "span_start": offset, "span_end": offset + len(paragraph)}
        )
        offset += len(paragraph) + 1
    for name in MetadataField:
        meta = getattr(header, name.value)
        value = (
            meta.value.isoformat() if name is MetadataField.PUBLISHED and meta.value else meta.value
        )
        rows[ArticleMetadata].append(
            {
                "field": name.value,
                "value": value,
                "origin": meta.origin,
                "source": meta.source,
                "confidence": meta.confidence,
                "note": meta.note,
            }
        )

    # Actors, their mentions and affiliations.
    actor_rows, aliases = {}, {}
    for i, actor in enumerate(doc.actors):
        known(actor.part_of, actors, "actor", "actors", i, "part_of")
        if actor.part_of == actor.slug:
            raise fail("an actor cannot be part of itself", "actors", i, "part_of")
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
        place_mentions(Mention, "actor_id", ("actor", actor.slug), actor.mentions, "actors", i)
    for i, aff in enumerate(doc.affiliations):
        known(aff.person, actors, "actor", "affiliations", i, "person")
        known(aff.organisation, actors, "actor", "affiliations", i, "organisation")
        found = place(aff.descriptor, "affiliations", i, "descriptor")
        if aff.location_as_written and aff.location_as_written not in found.text:
            raise fail(
                f"{aff.location_as_written!r} is not in the descriptor {found.text!r}",
                "affiliations",
                i,
                "location_as_written",
            )
        rows[Affiliation].append(
            {
                "person_id": ("actor", aff.person),
                "organisation_id": _ref("actor", aff.organisation),
                "role": aff.role,
                "descriptor": found.text,
                "location": aff.location,
                "location_as_written": aff.location_as_written,
                "span_start": found.start,
                "span_end": found.end,
                "annotator_id": annotator,
            }
        )

    # Events, their participants and where the article reports them.
    event_rows = {}
    for i, ev in enumerate(doc.events):
        known(ev.parent, events, "event", "events", i, "parent")
        if ev.parent == ev.slug:
            raise fail("an event cannot be its own parent", "events", i, "parent")
        fat = ev.fatalities
        if fat:
            known(fat.reported_by, actors, "actor", "events", i, "fatalities", "reported_by")
        for words, where in (
            (ev.date.as_written, ("date", "as_written")),
            (fat and fat.as_written, ("fatalities", "as_written")),
        ):
            if words and words not in body:
                raise fail(f"{words!r} is not in the article text", "events", i, *where)
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
        rows[EventReport].append(
            {
                "event_id": ("event", ev.slug),
                "date_as_written": ev.date.as_written,
                "fatalities": fat.count if fat else None,
                "fatalities_as_written": fat.as_written if fat else None,
                "fatalities_reported_by_id": _ref("actor", fat.reported_by) if fat else None,
                "fatalities_attribution": fat.attribution if fat else None,
                "annotator_id": annotator,
            }
        )
        parts = set()  # the same part named twice is one row
        for j, part in enumerate(ev.participants):
            known(part.actor, actors, "actor", "events", i, "participants", j, "actor")
            if (part.actor, part.role) not in parts:
                parts.add((part.actor, part.role))
                rows[EventParticipant].append(
                    {
                        "event_id": ("event", ev.slug),
                        "actor_id": ("actor", part.actor),
                        "role": part.role,
                        "annotator_id": annotator,
                    }
                )
        place_mentions(EventMention, "event_id", ("event", ev.slug), ev.mentions, "events", i)
    # An event the article lists is one it reports: in its words, or in what a claim is about
    # (an event known only from elsewhere is not the article's to list).
    claimed = {slug for claim in doc.claims for slug in claim.events}
    for i, ev in enumerate(doc.events):
        if not ev.mentions and ev.slug not in claimed:
            raise fail(
                "the article neither mentions this event nor makes a claim about it:"
                " give its mentions, or name it in a claim's events",
                "events",
                i,
            )

    # Quotes: direct and partial quotes are exactly the words between “ and ”.
    for i, quote in enumerate(doc.quotes):
        known(quote.speaker, actors, "actor", "quotes", i, "speaker")
        known(quote.continues, quotes, "quote", "quotes", i, "continues")
        if quote.continues == quote.id:
            raise fail("a quote cannot continue itself", "quotes", i, "continues")
        found = place(quote.text, "quotes", i, "text")
        if quote.kind != QuoteKind.INDIRECT and not (
            body[found.start - 1 : found.start] == "“" and body[found.end : found.end + 1] == "”"
        ):
            raise fail(
                f"a {quote.kind} quote is the words between “ and ”, and {clip(found.text)!r}"
                " is not",
                "quotes",
                i,
                "text",
            )
        cue = place(quote.cue, "quotes", i, "cue") if quote.cue else None
        rows[Quote].append(
            {
                "key": quote.id,
                "speaker_id": ("actor", quote.speaker),
                "kind": quote.kind,
                "text": found.text,
                "span_start": found.start,
                "span_end": found.end,
                **_cue(cue),
                "continues_id": _ref("quote", quote.continues),
                "annotator_id": annotator,
            }
        )

    try:
        rows[Quote] = _continued_first(rows[Quote])
    except ValueError as error:
        raise fail(str(error), "quotes") from None

    # Claims and what they rest on.
    for i, claim in enumerate(doc.claims):
        known(claim.source, actors, "actor", "claims", i, "source")
        found = place(claim.text, "claims", i, "text")
        cue = place(claim.cue, "claims", i, "cue") if claim.cue else None
        rows[Claim].append(
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
                "annotator_id": annotator,
            }
        )
        me = ("claim", claim.id)
        for j, slug in enumerate(dict.fromkeys(claim.events)):
            known(slug, events, "event", "claims", i, "events", j)
            rows[ClaimEvent].append({"claim_id": me, "event_id": ("event", slug)})
        for j, key in enumerate(dict.fromkeys(claim.quotes)):
            known(key, quotes, "quote", "claims", i, "quotes", j)
            rows[ClaimQuote].append({"claim_id": me, "quote_id": ("quote", key)})
        for relation in ("corroborates", "conflicts"):
            for j, key in enumerate(dict.fromkeys(getattr(claim, relation))):
                known(key, claims, "claim", "claims", i, relation, j)
                if key == claim.id:
                    raise fail(
                        f"a claim cannot be said to {relation.removesuffix('s')} itself",
                        "claims",
                        i,
                        relation,
                        j,
                    )
                rows[ClaimRelation].append(
                    {"claim_id": me, "other_claim_id": ("claim", key), "relation": relation}
                )
        aspects = set()
        for j, check in enumerate(claim.checks):
            if check.aspect in aspects:
                raise fail(
                    f"the claim is checked twice for {check.aspect!r}", "claims", i, "checks", j
                )
            aspects.add(check.aspect)
            rows[ClaimCheck].append(
                {
                    "claim_id": me,
                    "aspect": check.aspect,
                    "stated_value": check.stated,
                    "checked_value": check.checked,
                    "verdict": check.verdict,
                    "source": check.source,
                    "note": check.note,
                    "annotator_id": annotator,
                }
            )

    return Plan(path, doc, body, article, annotator[1], actor_rows, aliases, event_rows, rows, root)


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


_FOREIGN = {
    "actor_id": "actor",
    "person_id": "actor",
    "organisation_id": "actor",
    "speaker_id": "actor",
    "source_id": "actor",
    "parent_id": None,
    "fatalities_reported_by_id": "actor",
    "event_id": "event",
    "quote_id": "quote",
    "continues_id": "quote",
    "claim_id": "claim",
    "other_claim_id": "claim",
    "annotator_id": "annotator",
}


def store(session: Session, plan: Plan) -> Report:
    """Write ``plan`` in the session's transaction (the caller commits); return what changed.

    Loads at once run one after the other: PostgreSQL takes an advisory lock, SQLite begins
    the transaction with ``BEGIN IMMEDIATE`` (the driver would only begin it at the first
    write, after the reads that decide what to write, and two loads that both found no
    annotator or actor yet collided on inserting it).
    """
    _serialize(session)
    report = Report(plan.article["slug"])
    keys = _Keys(session)
    _store_annotator(session, plan, keys, report)
    _store_named(session, plan, Actor, plan.actors, "actor", keys, report)
    _store_aliases(session, plan, keys, report)
    _store_named(session, plan, Event, plan.events, "event", keys, report)
    article_id = _store_article(session, plan, report)
    _store_article_rows(session, plan, article_id, keys, report)
    session.flush()
    return report


def _serialize(session: Session) -> None:
    """Hold the database for this load until the caller's commit (see :func:`store`)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK})
    elif not connection.connection.driver_connection.in_transaction:
        # waits for another writer up to the busy timeout (newsdb.db: 30 s)
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _store_annotator(session: Session, plan: Plan, keys: _Keys, report: Report) -> None:
    kind, name = plan.annotator
    found = session.execute(
        select(Annotator.id, Annotator.note).where(Annotator.kind == kind, Annotator.name == name)
    ).first()
    note = plan.doc.annotator.note
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
    return "none" if value is None else repr(str(value))


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
) -> None:
    """Upsert actors or events by slug; their parents are set once every slug has an id.

    An actor or event that other articles refer to is shared: see :func:`_merge_shared`.
    """
    table = model.__tablename__
    existing = {
        row.slug: row
        for row in session.execute(select(model).where(model.slug.in_(wanted))).scalars()
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
    order = {slug: i for i, slug in enumerate(wanted)}
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
    session.expire_all()


def _store_aliases(session: Session, plan: Plan, keys: _Keys, report: Report) -> None:
    for slug, wanted in plan.aliases.items():
        actor_id = keys.ids[("actor", slug)]
        have = set(session.scalars(select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id)))
        for alias in sorted(wanted - have):
            session.execute(insert(ActorAlias).values(actor_id=actor_id, alias=alias))
        if have - wanted:
            session.execute(
                delete(ActorAlias).where(
                    ActorAlias.actor_id == actor_id, ActorAlias.alias.in_(have - wanted)
                )
            )
        report.count("actor_alias", "inserted", len(wanted - have))
        report.count("actor_alias", "deleted", len(have - wanted))


def _store_article(session: Session, plan: Plan, report: Report) -> int:
    values = plan.article
    row = session.execute(
        select(Article).where(Article.slug == values["slug"])
    ).scalar_one_or_none()
    if row is None:
        report.status = "inserted"
        return session.scalar(insert(Article).values(**values).returning(Article.id))
    if any(getattr(row, k) != v for k, v in values.items()):
        session.execute(update(Article).where(Article.id == row.id).values(**values))
        report.status = "updated"
    return row.id


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
    stored = {model: _stored_rows(session, model, article_id, keys) for model in ARTICLE_TABLES}
    diffs = {}
    for model in ARTICLE_TABLES:
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
    for model in reversed(ARTICLE_TABLES):
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
    has_article = "article_id" in model.__table__.c
    for row in rows:
        values = {k: keys.id(v) if k in _FOREIGN else v for k, v in row.items()}
        if has_article:
            values["article_id"] = article_id
        if model in (Quote, Claim):
            id_ = session.scalar(insert(model).values(**values).returning(model.id))
            keys.remember(model.__tablename__, row["key"], id_)
        else:
            session.execute(insert(model).values(**values))


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
