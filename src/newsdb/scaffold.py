"""A new article folder to annotate: the text, and an annotations.yaml that loads as it is.

The header is filled in (slug, sha256, the publication date if given) and every metadata field
says which values it takes; each section is empty, with one commented example to copy. The
allowed values come from :mod:`newsdb.vocab`, so they stay those the loader accepts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from enum import StrEnum
from pathlib import Path

from newsdb import vocab

TEXT_FILE = "article.txt"
ANNOTATION_FILE = "annotations.yaml"


class ScaffoldError(Exception):
    """The folder cannot be written: it is not empty, or the text is not UTF-8."""


def _values(enum: type[StrEnum]) -> str:
    return ", ".join(member.value for member in enum)


def slug_of(name: str) -> str:
    """A slug from a folder's name: lower case, words joined by hyphens."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower()))
    return slug or "my-article"


def published_value(text: str) -> tuple[str, str]:
    """(date, precision) for YYYY-MM-DD, YYYY-MM or YYYY; ValueError if it is none of them."""
    for pattern, precision, pad in (
        (r"\d{4}-\d{2}-\d{2}", "day", ""),
        (r"\d{4}-\d{2}", "month", "-01"),
        (r"\d{4}", "year", "-01-01"),
    ):
        if re.fullmatch(pattern, text):
            day = dt.date.fromisoformat(text + pad)  # ValueError for 2024-13 or 2024-02-30
            return day.isoformat(), precision
    raise ValueError(f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def _q(text: str) -> str:
    """A YAML double-quoted string."""
    return json.dumps(text, ensure_ascii=False)


def annotation_text(slug: str, sha256: str, published: str | None, annotator: str) -> str:
    """The annotations.yaml of a new article."""
    if published is None:
        published_line = "  published: {origin: unknown}"
    else:
        day, precision = published_value(published)
        published_line = (
            f"  published: {{value: {day}, precision: {precision}, origin: outside,"
            ' source: "given to newsdb new --published"}  # say where the date comes from'
        )
    v = vocab
    return f"""\
# The annotation of {TEXT_FILE} beside this file. `newsdb load FOLDER` checks it whole and
# writes nothing on any problem; `newsdb schema` prints the format's JSON Schema.
# Text is quoted, never given by offsets: the exact words (they must occur once in the
# text), or {{text: ..., context: longer words around them}} or {{text: ..., occurrence: N}}.
format: 1

article:
  slug: {slug}
  text: {TEXT_FILE}
  sha256: {sha256}  # of {TEXT_FILE}'s bytes (`sha256sum {TEXT_FILE}`): edit the text, change this
  # Each metadata field: {{value: ..., origin: ..., source: ..., confidence: ..., note: ...}}
  #   origin: {_values(v.Origin)} (outside and inference need a source)
  #   confidence: {_values(v.Confidence)}
  headline: {{origin: unknown}}  # e.g. {{value: "Bridge falls", origin: text}}
  outlet: {{origin: unknown}}
  byline: {{origin: unknown}}
  url: {{origin: unknown}}
  # published also takes precision ({_values(v.DatePrecision)})
  #   and qualifier ({_values(v.PublishedQualifier)})
{published_line}
  language: {{origin: unknown}}  # e.g. {{value: en, origin: inference, source: the text}}

annotator: {{kind: hand, name: {_q(annotator)}}}  # kind: {_values(v.AnnotatorKind)}

actors: []
#  - slug: jane-doe
#    name: Jane Doe
#    kind: person           # {_values(v.ActorKind)}
#    sector: business       # {_values(v.Sector)}
#    country: GB            # ISO 3166-1 alpha-2
#    # part_of: acme-corp   # the organisation it is part of, declared here too
#    mentions: [Jane Doe, {{text: she, context: "she added"}}]  # or {{every: Doe}}

affiliations: []
#  - person: jane-doe
#    # organisation: acme-corp
#    role: engineer
#    descriptor: "engineer at Acme Corp"   # the article's words
#    location: London

events: []
#  - slug: bridge-collapse
#    name: the bridge fell
#    type: other            # {_values(v.EventType)}
#    # precision: {_values(v.DatePrecision)}
#    # resolution: {_values(v.DateResolution)}
#    date: {{as_written: on Monday, start: 2024-03-04, precision: day, resolution: relative,
#           source: the Monday before publication}}
#    # a toll on someone's word also takes reported_by (an actor) and attribution (a mode)
#    fatalities: {{count: 3, as_written: killing three people}}
#    participants: [{{actor: jane-doe, role: participant}}]  # role: {_values(v.ParticipantRole)}
#    mentions: [the bridge fell]

quotes: []
#  - id: doe-1
#    speaker: jane-doe
#    kind: direct           # {_values(v.QuoteKind)}
#    text: "It was a disaster,"   # for direct and partial: exactly the words between “ and ”
#    cue: {{text: said, context: "said Jane Doe"}}
#    continues: null        # the id of the segment this one continues

claims: []
#  - id: doe-warned
#    text: "We warned them"
#    proposition: Jane Doe had warned the authorities about the bridge.
#    mode: named_person     # {_values(v.AttributionMode)}
#    source: jane-doe       # for {", ".join(m.value for m in v.MODES_WITH_SOURCE)}
#    cue: she added         # every mode but writer
#    certainty: asserted    # {_values(v.Certainty)}
#    events: [bridge-collapse]
#    quotes: [doe-1]
#    corroborates: []
#    conflicts: []
#    checks: [{{aspect: date, stated: Monday, checked: 2024-03-04, verdict: confirmed,
#              source: the city's report}}]  # verdict: {_values(v.Verdict)}
"""


def write(folder: Path, text: Path, published: str | None, annotator: str) -> Path:
    """Write the new article folder ``folder``; :class:`ScaffoldError` if it cannot be, with
    nothing written. Returns the annotation file's path."""
    raw = text.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScaffoldError(f"{text}: not UTF-8 text (byte {error.start})") from None
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(f"{folder}: already exists and is not an empty folder")
    content = annotation_text(slug_of(folder.name), hashlib.sha256(raw).hexdigest(), published, annotator)  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TEXT_FILE).write_bytes(raw)
    path = folder / ANNOTATION_FILE
    path.write_text(content, encoding="utf-8")
    return path
