"""Extract and load in one step (``newsdb ingest``): texts in, checked plans out, for the bulk
write path (:func:`newsdb.bulk.load_many`) that ``newsdb load`` uses too.

Texts come from .txt files, folders of them, or JSONL files of ``{"text", "headline",
"published", "outlet", "url"}``. Each becomes a draft (:mod:`newsdb.extract.draft`) under a
slug its text always gets, so ingesting the same text again changes nothing. A text already
annotated by hand is kept as it is, never replaced by a draft. A text that cannot be read or
drafted becomes an :class:`~newsdb.loader.AnnotationError` naming it and the reason, which
the write path reports and skips.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from newsdb.annotation import AnnotationFile
from newsdb.body import sha256 as body_sha256
from newsdb.body import stored_body
from newsdb.bulk import ready
from newsdb.extract.draft import annotator, extract, text_slug, to_annotation
from newsdb.extract.reading import MAX_BYTES, InputError, check_text, decode, read_bytes
from newsdb.loader import DRAFTING, AnnotationError, Plan, annotators_of, plan_document
from newsdb.models import Actor, Article
from newsdb.workers import Ready, in_workers


@dataclass
class Text:
    """One article to ingest: where it comes from, its text and what was given beside it."""

    what: str
    raw: bytes
    text: str
    published: dt.date | None = None
    headline: str | None = None
    outlet: str | None = None
    url: str | None = None


def sources(paths: Iterable[Path]) -> list[Path]:
    """The files named: .txt and .jsonl files as given, folders for the .txt and .jsonl files
    in them (in name order)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in (".txt", ".jsonl")))
        else:
            found.append(path)
    return found


def count(files: list[Path]) -> int:
    """How many articles the files hold: one per .txt file, one per JSONL line with words."""
    total = 0
    for path in files:
        if path.suffix == ".jsonl":
            with path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total


def texts(
    files: list[Path], *, published: dt.date | None, max_bytes: int = MAX_BYTES
) -> Iterator[Text | InputError]:
    """Every article of the files, or why one cannot be read."""
    for path in files:
        if path.suffix == ".jsonl":
            yield from _jsonl(path, max_bytes)
            continue
        try:
            raw = read_bytes(path, max_bytes)
            yield Text(str(path), raw, decode(path, raw), published=published)
        except InputError as error:
            yield error


def _jsonl(path: Path, max_bytes: int) -> Iterator[Text | InputError]:
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield _record(where, line, max_bytes)
            except InputError as error:
                yield error


_FIELDS = {"text", "headline", "published", "outlet", "url"}


def _record(where: str, line: bytes, max_bytes: int) -> Text:
    try:
        record = json.loads(decode(where, line))
    except json.JSONDecodeError as error:
        raise InputError(where, f"not a JSON object: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise InputError(where, "not a JSON object")
    unknown = sorted(set(record) - _FIELDS)
    if unknown:
        raise InputError(where, f"unknown field(s) {', '.join(unknown)}: give {sorted(_FIELDS)}")
    for name in _FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise InputError(where, f"{name} is not a string")
    text = stored_body(record.get("text") or "")
    check_text(where, text, max_bytes)
    published = None
    if record.get("published"):
        try:
            published = dt.date.fromisoformat(record["published"][:10])
        except ValueError:
            raise InputError(
                where, f"published {record['published']!r} is not a day (YYYY-MM-DD)"
            ) from None
    return Text(
        where,
        text.encode("utf-8"),
        text,
        published=published,
        headline=record.get("headline") or None,
        outlet=record.get("outlet") or None,
        url=record.get("url") or None,
    )


#: the article's values that the input gives beside the text
_GIVEN = (Article.published_date, Article.headline, Article.outlet, Article.url)


@dataclass
class Plans:
    """Drafts the texts into plans for :func:`newsdb.bulk.load_many`, reading the database
    for what is stored already (see :meth:`stored`)."""

    engine: Engine
    kept: list[str] = field(default_factory=list)
    #: texts drafted by these rules before, with the same values beside them: not drafted again
    unchanged: int = 0
    #: slug -> (name, kind, country) of every actor stored or drafted in this run
    _actors: dict[str, tuple] = field(default_factory=dict)

    def __call__(
        self, items: Iterable[Text | InputError], jobs: int = 1
    ) -> Iterator[Plan | AnnotationError]:
        """The plans of ``items``, in order, drafted in ``jobs`` worker processes when more
        than one (:func:`newsdb.workers.in_workers`); what is stored already is looked up and
        the actors settled here, in order, the rest is the workers'."""
        for outcome in in_workers(drafted, self._to_draft(items), jobs):
            if isinstance(outcome, Drafted):
                outcome = _guarded(outcome.item, lambda d=outcome: self._settled(d))
            if outcome is not None:
                yield outcome

    def _to_draft(self, items: Iterable[Text | InputError]) -> Iterator[tuple | Ready]:
        """Each text with the slug to draft it under; what needs no drafting as it is (an
        input error to report, None for a text kept as it is stored)."""
        for item in items:
            if isinstance(item, InputError):
                yield Ready(AnnotationError(Path(item.where), item.reason))
                continue
            with self.engine.connect() as connection:  # closed before the yield: an open
                slug = self.stored(connection, item)  # read would keep SQLite's writer waiting
            yield (item, slug) if slug is not None else Ready(None)

    def _settled(self, drafted: Drafted) -> Plan:
        """The worker's plan, or, where an actor had to take another slug (see
        :meth:`settle`), the draft planned again under the slugs it got."""
        with self.engine.connect() as connection:
            doc = self.settle(connection, drafted.doc)
        if doc is not drafted.doc:
            return plan_document(Path(drafted.item.what), doc, drafted.item.raw)
        if isinstance(drafted.plan, AnnotationError):
            raise drafted.plan
        return drafted.plan

    def stored(self, connection, item: Text) -> str | None:
        """The slug to draft the text under, or None to keep what is stored: a text annotated
        by hand (listed in ``kept``), or drafted by these rules from the same text and the same
        values given beside it (counted in ``unchanged``: drafting it again would change
        nothing)."""
        digest = body_sha256(item.text)  # of the body as stored, BOM and CRs gone
        stored = connection.execute(
            select(Article.id, Article.slug, *_GIVEN).where(Article.sha256 == digest)
        ).first()
        if stored is None:
            return text_slug(item.text)
        with Session(bind=connection) as session:
            annotators = annotators_of(session, stored.id)
        if any(kind not in DRAFTING for kind, _ in annotators):
            self.kept.append(f"{item.what}: kept as {stored.slug}, annotated by hand")
            return None
        given = (item.published, item.headline, item.outlet, item.url)
        if annotators == {("rule", annotator().name)} and tuple(stored[2:]) == given:
            self.unchanged += 1
            return None
        return stored.slug

    def settle(self, connection, doc: AnnotationFile) -> AnnotationFile:
        """Give a drafted actor another slug where the stored actor of its slug is another
        one (another name, kind or country), so the draft does not fail on a shared actor."""
        missing = [a.slug for a in doc.actors if a.slug not in self._actors]
        self._actors.update(dict.fromkeys(missing))
        for row in connection.execute(
            select(Actor.slug, Actor.name, Actor.kind, Actor.country).where(Actor.slug.in_(missing))
        ):
            self._actors[row.slug] = (row.name, row.kind, row.country)
        renames: dict[str, str] = {}
        taken = {a.slug for a in doc.actors}
        for actor in doc.actors:
            slug, n = actor.slug, 1
            while not self._fits(connection, slug, actor) or (slug != actor.slug and slug in taken):
                n += 1
                slug = f"{actor.slug}-{n}"
            if slug != actor.slug:
                renames[actor.slug] = slug
                taken.add(slug)
        doc = _renamed(doc, renames) if renames else doc
        for actor in doc.actors:
            self._actors[actor.slug] = (actor.name, actor.kind, actor.country)
        return doc

    def _fits(self, connection, slug: str, actor) -> bool:
        """Whether ``actor`` can be stored under ``slug``: no actor has it, or the same one."""
        if slug not in self._actors:
            row = connection.execute(
                select(Actor.name, Actor.kind, Actor.country).where(Actor.slug == slug)
            ).first()
            self._actors[slug] = tuple(row) if row else None
        stored = self._actors[slug]
        return stored is None or _same(stored, actor)


@dataclass
class Drafted:
    """A text's draft and its plan (or why the plan was refused) as a worker made them."""

    item: Text
    doc: AnnotationFile
    plan: Plan | AnnotationError


def drafted(item: Text, slug: str) -> Drafted | AnnotationError:
    """Draft and plan one text under ``slug``: the part of ingesting that needs no database,
    run in a worker process with ``--jobs``."""
    return _guarded(item, lambda: _draft(item, slug))


def _draft(item: Text, slug: str) -> Drafted:
    draft = extract(item.text, item.published)
    doc = to_annotation(
        draft,
        slug=slug,
        published=item.published,
        headline=item.headline,
        outlet=item.outlet,
        url=item.url,
    )
    try:
        plan = plan_document(Path(item.what), doc, item.raw)
        ready(plan)  # here, in the worker, as bulk.read_one does
    except AnnotationError as error:  # settling the actors may mend it: said after that
        plan = error
    return Drafted(item, doc, plan)


def _guarded(item: Text, step):
    """``step()``, or the error to report for the text: a rule that breaks skips one text."""
    try:
        return step()
    except AnnotationError as error:
        return error
    except Exception as error:  # noqa: BLE001
        words = (w.strip() for w in str(error).splitlines() if "errors.pydantic.dev" not in w)
        detail = " ".join(w for w in words if w)
        detail = detail if len(detail) <= 300 else detail[:297] + "..."
        return AnnotationError(
            Path(item.what), f"the rules failed on it: {type(error).__name__}: {detail}"
        )


def _same(stored: tuple, actor) -> bool:
    name, kind, country = stored
    return (
        name == actor.name
        and kind == actor.kind
        and (country is None or actor.country is None or country == actor.country)
    )


def _renamed(doc: AnnotationFile, renames: dict[str, str]) -> AnnotationFile:
    """``doc`` with actor slugs renamed wherever they are used."""
    data = doc.model_dump(mode="json", exclude_none=True)

    def new(slug):
        return renames.get(slug, slug)

    for actor in data["actors"]:
        actor["slug"] = new(actor["slug"])
        if "part_of" in actor:
            actor["part_of"] = new(actor["part_of"])
    for aff in data["affiliations"]:
        aff["person"] = new(aff["person"])
        if "organisation" in aff:
            aff["organisation"] = new(aff["organisation"])
    for quote in data["quotes"]:
        quote["speaker"] = new(quote["speaker"])
    for claim in data["claims"]:
        if "source" in claim:
            claim["source"] = new(claim["source"])
    return AnnotationFile.model_validate(data)
