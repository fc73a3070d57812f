"""Planning one annotation against its text: :class:`Plan` and :func:`plan_document`, which
runs the steps of the ``plan_*`` modules in order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsdb import limits, yamlread
from newsdb.annotation import AnnotationFile
from newsdb.annotation_errors import AnnotationError, line_of
from newsdb.body import sha256 as body_sha256
from newsdb.body import stored_body
from newsdb.loader.packed import PackedRows
from newsdb.loader.plan_actors import _actor_rows, _affiliation_rows
from newsdb.loader.plan_article import _article_rows
from newsdb.loader.plan_claims import _claim_rows
from newsdb.loader.plan_drafted import _drafted_rows
from newsdb.loader.plan_events import _check_events_reported, _event_rows
from newsdb.loader.plan_quotes import _quote_rows
from newsdb.loader.planner import _Planner

_YamlLoader = yamlread.YamlLoader  # safe YAML in which dates stay strings


def _compose(source: str | None) -> yaml.Node | None:
    """The YAML document as nodes with their lines: parsed again only to place a problem."""
    if source is None:
        return None
    try:
        return yaml.compose(source, Loader=_YamlLoader)
    except yaml.YAMLError:
        return None


@dataclass
class Plan:
    """Everything one folder asks to store, with offsets placed and references checked.

    Foreign keys are natural keys here: ("actor", slug), ("event", slug), ("quote", key),
    ("claim", key), ("annotator", (kind, name)); :func:`~newsdb.loader.storing.store` turns
    them into ids. ``rows`` are dicts as planned, or packed (:meth:`pack`) to be sent from a
    worker process and written; either way ``rows[model]`` reads them.
    """

    path: Path
    doc: AnnotationFile
    body: str
    article: dict[str, Any]
    annotator: tuple[str, str]
    actors: dict[str, dict[str, Any]]
    aliases: dict[str, set[str]]
    events: dict[str, dict[str, Any]]
    rows: dict[type, list[dict[str, Any]]] | PackedRows = field(default_factory=dict)
    root: yaml.Node | None = None  # the YAML document, for the line of a problem found later
    source: str | bytes | None = None  # or its text, parsed only when a problem needs a line
    #: or the file to read it from then, and the sha256 it had (what
    #: :func:`newsdb.bulk.read_one` leaves: the plan is smaller to send from a worker and to
    #: hold while its batch is written)
    source_file: tuple[Path, str] | None = None
    #: what :func:`newsdb.fingerprint.of_plan` gives, once taken (by read_one, in the worker)
    fingerprints: dict[str, Any] | None = None
    #: what :func:`newsdb.plan_tally.of_plan` gives, once counted (by read_one, in the worker)
    tallies: dict[str, list[tuple]] | None = None
    #: what :func:`newsdb.batch_geography.part_of` gives, once taken (likewise)
    places: Any = None

    def fail(self, reason: str, *where) -> AnnotationError:
        root = self.root if self.root is not None else _compose(self._source())
        return AnnotationError(self.path, reason, where, line_of(root, where))

    def _source(self) -> str | bytes | None:
        if self.source is not None or self.source_file is None:
            return self.source
        path, digest = self.source_file
        try:  # read again for a problem's line only: a file changed since gives no line
            source = path.read_bytes()
        except OSError:
            return None
        return source if hashlib.sha256(source).hexdigest() == digest else None

    def pack(self) -> PackedRows:
        """The rows packed (:class:`~newsdb.loader.packed.PackedRows`): done once, by the
        worker that planned them where there is one (:func:`newsdb.bulk.read_one`), so
        that the writer only turns references into ids."""
        if not isinstance(self.rows, PackedRows):
            self.rows = PackedRows(self.rows)
        return self.rows

    def unpack(self) -> dict[type, list[dict[str, Any]]]:
        """The rows as dicts again, to change them (packed, they are read-only)."""
        if isinstance(self.rows, PackedRows):
            self.rows = {model: [dict(row) for row in self.rows[model]] for model in self.rows}
        return self.rows


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
