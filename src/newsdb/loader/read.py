"""Reading an article folder: the annotation's YAML under its size cap and in UTF-8, checked
with every problem found, then the text beside it, planned (:mod:`newsdb.loader.plan`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from newsdb import limits, yamlread
from newsdb.annotation import AnnotationFile
from newsdb.annotation_errors import AnnotationError, Problem, shown, validation_problems
from newsdb.loader.plan import Plan, _compose, plan_document
from newsdb.loader.planner import _SECTIONS

ANNOTATION_FILE = "annotations.yaml"


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
    if not problems:  # every item is valid: what was read is not looked at again, let it go
        data = None
    plan = None
    if doc is not None:
        try:
            plan = read_text_and_plan(path, doc, data, max_size or limits.MAX_TEXT_BYTES)
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
        # as much as the file says it holds, and one more, so that reading the cap's worth
        # of buffer (mapped and unmapped for 5 MB) is left to a file that grows
        expected = min(os.fstat(file.fileno()).st_size, cap) + 1
        raw = file.read(expected)
        if len(raw) == expected:
            raw += file.read(cap + 1 - expected)
        if len(raw) > cap:
            size = max(len(raw), os.fstat(file.fileno()).st_size)
            raise AnnotationError(
                path,
                f"{_mb(size)} ({size:,} bytes), over the cap of {_mb(cap)} for {what} file:"
                " raise it with `newsdb load --max-size MB`",
            )
    return raw


def _own_mode(path: Path) -> int | None:
    """The mode of the file at ``path`` (0 when there is none), or None when it is a link (or
    cannot be looked at): a name in a folder that is no link stays in it, so only a link needs
    resolving, ~70 us of lstat calls up both paths for every article."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return 0
    except OSError:
        return None
    return None if stat.S_ISLNK(mode) else mode


def _mb(size: int) -> str:
    return f"{size / limits.MB:,.1f} MB"


def read_text_and_plan(
    path: Path, doc: AnnotationFile, data: Any = None, max_size: int = limits.MAX_TEXT_BYTES
) -> Plan:
    """Read the text the annotation at ``path`` names, a file beside it (refused when it is
    elsewhere, missing, over ``max_size`` bytes or not UTF-8), and plan ``doc`` against it."""
    header = doc.article
    folder = path.parent
    text_path = folder / header.text
    where = ("article", "text")
    # the text is a file of the folder, by name: never ../elsewhere, /etc/..., nor a link out
    name = header.text
    inside = "\x00" not in name and Path(name).name == name and name not in ("", ".", "..")
    mode = _own_mode(text_path) if inside else None
    if mode is None:  # a link, or a name that is no plain one: where it leads
        inside = inside and text_path.resolve().parent == folder.resolve()
    if not inside:
        raise AnnotationError(
            path,
            f"the text file {shown(header.text)} must be a file in the article's folder, named"
            " without a path",
            where,
        )
    if not (stat.S_ISREG(mode) if mode is not None else text_path.is_file()):
        raise AnnotationError(
            path, f"the text file {shown(header.text)} is not beside the annotation", where
        )
    raw = read_capped(text_path, max_size, "an article's text")
    _utf8(text_path, raw)
    return plan_document(path, doc, raw, data=data)
