"""What is wrong with an annotation file, in words: every problem of the file at once, each
with its line, its place in the document and what would be right.

:class:`AnnotationError` holds the :class:`Problem` s of one file; :func:`validation_problems`
turns pydantic's errors into problems (never a raw validator message where a better one is
known), and :func:`clip` shortens the user's words shown in a message, between words.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from newsdb import limits

#: problems listed at most for one file; a garbage file would otherwise print thousands
SHOWN = 50


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: why, where in the document, and on which line."""

    reason: str
    where: tuple = ()
    line: int | None = None

    def __str__(self) -> str:
        place = dotted(self.where)
        at = ", ".join(part for part in (f"line {self.line}" if self.line else "", place) if part)
        return f"{at}: {self.reason}" if at else self.reason


class AnnotationError(Exception):
    """The problems of an annotation folder: where each is and why. One problem reads as one
    line; several as a line naming the file and how many, then one indented line each."""

    def __init__(
        self,
        path: Path,
        reason: str = "",
        where: tuple = (),
        line: int | None = None,
        *,
        problems: list[Problem] | None = None,
    ):
        self.path = path
        self.problems = list(problems) if problems else [Problem(reason, where, line)]
        super().__init__(str(self))

    @property
    def reason(self) -> str:
        return self.problems[0].reason

    @property
    def where(self) -> tuple:
        return self.problems[0].where

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """The first line names the file; any further ones are indented."""
        if len(self.problems) == 1:
            (one,) = self.problems
            place = f"{self.path}:{one.line}" if one.line else str(self.path)
            location = dotted(one.where)
            return [f"{place}: {location + ': ' if location else ''}{one.reason}"]
        ordered = sorted(self.problems, key=lambda p: p.line or 0)  # stable: same line, as found
        shown = [f"  {problem}" for problem in ordered[:SHOWN]]
        if len(ordered) > SHOWN:
            shown.append(f"  ... and {len(ordered) - SHOWN} more")
        return [f"{self.path}: {len(ordered)} problems, nothing loaded:", *shown]

    def located(self, root: yaml.Node | None) -> AnnotationError:
        """The same problems, each without a line given the line of its place in ``root``."""
        if root is None or all(p.line or not p.where for p in self.problems):
            return self
        problems = [
            p if p.line or not p.where else replace(p, line=line_of(root, p.where))
            for p in self.problems
        ]
        return AnnotationError(self.path, problems=problems)

    def __reduce__(self):  # so that an error made in a worker process reaches the writer whole
        return (_rebuilt, (self.path, self.problems))


def _rebuilt(path: Path, problems: list[Problem]) -> AnnotationError:
    return AnnotationError(path, problems=problems)


def dotted(where: tuple) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(root: yaml.Node | None, where: tuple) -> int | None:
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


# -- words --------------------------------------------------------------------------------------


def clip(text: str, width: int = 40) -> str:
    """``text`` cut to about ``width`` characters between two words, with … if cut. A first
    word longer than ``width`` is kept whole up to twice that (past it, it is no word)."""
    if len(text) <= width:
        return text
    spaces = [m.start() for m in re.finditer(r"\s", text[: 2 * width + 1])]
    before = [at for at in spaces if 0 < at <= width]
    if before:
        cut = before[-1]
    else:
        after = [at for at in spaces if at > width]
        cut = after[0] if after else 2 * width
    if cut >= len(text):
        return text
    return text[:cut].rstrip(",;:") + "…"


def shown(value: Any) -> str:
    """A value the user gave, as a message quotes it: words clipped, anything else as written;
    a long one says how long it was."""
    text = repr(clip(value)) if isinstance(value, str) else clip(repr(value))
    size = len(value) if isinstance(value, str) else len(repr(value))
    return text + (f" ({size:,} characters)" if size > LONG else "")


#: a value longer than this is said to be, when shown clipped
LONG = 200


# -- pydantic's errors in words -----------------------------------------------------------------

#: the members of the annotation's unions, as pydantic names them in an error's place
UNION_TAGS = {
    "str": "the words",
    "constrained-str": "the words",
    "Span": "{text: ..., occurrence: N} or {text: ..., context: ...}",
    "EveryOccurrence": "{every: ...}",
}
#: what a value of a field that has a pattern looks like, in words
PATTERNS = {
    "sha256": "64 lower-case hex digits, the SHA-256 of the text file's bytes:"
    " `sha256sum article.txt` prints it (`newsdb new` fills it in)",
    "slug": "lower-case letters and digits in words joined by single hyphens ('bridge-collapse')",
    "country": "two capital letters, the ISO 3166-1 code ('PK')",
    "wikidata": "Q and digits ('Q1234')",
}
_SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: the header's metadata fields: each a mapping with its value and where it came from
METADATA = {"headline", "outlet", "byline", "url", "published", "language"}
_METADATA_SHAPE = "a mapping: {value: ..., origin: text|outside|inference|unknown}"


def validation_problems(errors: list[dict], model: type) -> list[tuple[tuple, str]]:
    """pydantic's errors for ``model`` as (place, words), one per place: of a union, only the
    errors of the member the value was meant as (a mapping's, for a mapping)."""
    plain, unions = [], {}
    for error in errors:
        loc = error["loc"]
        at = next((k for k, p in enumerate(loc) if isinstance(p, str) and p in UNION_TAGS), None)
        if at is None:
            plain.append(error)
        else:
            unions.setdefault(loc[:at], {}).setdefault(loc[at], []).append(error)
    for point, members in unions.items():
        fitting = [
            found
            for found in members.values()
            if any(len(e["loc"]) > len(point) + 1 or not e["type"].endswith("_type") for e in found)
        ]
        if fitting:
            plain += min(fitting, key=len)
            continue
        shapes = ", or ".join(dict.fromkeys(UNION_TAGS[m] for m in members))
        got = next(iter(members.values()))[0].get("input")
        plain.append({"loc": point, "type": "union", "msg": f"write {shapes}", "input": got})
    out = []
    for error in plain:
        where = tuple(p for p in error["loc"] if not (isinstance(p, str) and p in UNION_TAGS))
        out.append((where, message(dict(error, loc=where), model)))
    return out


def message(error: dict, model: type | None = None) -> str:
    """A pydantic error in words: what is wrong and what would be right."""
    msg, kind, ctx = error["msg"], error["type"], error.get("ctx") or {}
    field = next((p for p in reversed(error["loc"]) if isinstance(p, str)), "")
    got = error.get("input")
    if kind == "union":
        return f"{shown(got)} is not words of the article: {msg}"
    if kind == "enum":
        return f"{shown(got)} is not one of {ctx.get('expected', '')}"
    if kind == "literal_error":
        return f"{shown(got)} is not {ctx.get('expected', 'allowed here')}"
    if kind == "extra_forbidden":
        return _unknown_field(error["loc"], model)
    if kind == "missing":
        hint = PATTERNS.get(_pattern_name(field)) or (
            _METADATA_SHAPE if field in METADATA else None
        )
        return f"{field} is missing" + (f": {hint}" if hint else "")
    if kind == "string_too_long":
        return f"{len(got):,} characters, over the limit of {ctx['max_length']:,}"
    if kind == "less_than_equal" and ctx.get("le") == limits.INT_MAX:
        return f"{clip(str(got))} is over {limits.INT_MAX:,} (2**31-1), the largest number stored"
    if kind == "string_pattern_mismatch":
        name = _pattern_name(field, ctx.get("pattern"))
        if name in PATTERNS:
            return f"{shown(got)} is not a {name}: write {PATTERNS[name]}"
    if kind in ("model_type", "dict_type") and field in METADATA:
        return (
            f"{field} is a mapping of its value and where it came from, not {shown(got)}:"
            f" {field}: {{value: {shown(got)}, origin: text}} (origin: text, outside,"
            " inference or unknown; outside and inference need a source)"
        )
    words = _WORDS.get(kind)
    if words:
        return words.format(got=shown(got), **ctx)
    if kind.startswith("date"):
        why = msg.split(", ", 1)[1] if ", " in msg else "not a date"
        return f"{shown(got)} is not a date ({why}): write YYYY-MM-DD"
    return msg.removeprefix("Value error, ")


#: pydantic's error types in words, with what would be right
_WORDS = {
    "string_type": "{got} is not text: write words (quote them if YAML reads them otherwise)",
    "string_too_short": "is empty: write at least {min_length} character(s)",
    "int_type": "{got} is not a whole number",
    "int_parsing": "{got} is not a whole number",
    "int_from_float": "{got} is not a whole number",
    "float_type": "{got} is not a number",
    "float_parsing": "{got} is not a number",
    "bool_type": "{got} is not true or false",
    "bool_parsing": "{got} is not true or false",
    "greater_than_equal": "{got} is less than {ge}: write {ge} or more",
    "less_than_equal": "{got} is more than {le}: write {le} or less",
    "list_type": "{got} is not a list: write [a, b] or one '- item' per line",
    "model_type": "{got} is not a mapping: write the fields as 'name: value', one per line",
    "dict_type": "{got} is not a mapping: write the fields as 'name: value', one per line",
}


def _pattern_name(field: str, pattern: str | None = None) -> str:
    if field in PATTERNS:
        return field
    return "slug" if field == "id" or pattern == _SLUG_PATTERN else field


def _unknown_field(loc: tuple, model: type | None) -> str:
    """'unknown field', with the nearest field the place takes and the ones it takes."""
    fields = _fields_at(model, loc[:-1]) if model else None
    if not fields:
        return "unknown field"
    near = difflib.get_close_matches(str(loc[-1]), fields, n=1)
    hint = f"did you mean {near[0]!r}? " if near else ""
    return f"unknown field: {hint}the fields here are {', '.join(fields)}"


def _fields_at(model: type, where: tuple) -> list[str] | None:
    """The fields of the mapping at ``where`` in a document of ``model`` (None if unknown)."""
    kind: Any = model
    for part in where:
        kind = _mapping_in(kind) if isinstance(part, str) else kind
        if isinstance(part, str):
            if kind is None or part not in kind.model_fields:
                return None
            kind = kind.model_fields[part].annotation
        else:
            args = [a for a in typing.get_args(_unwrapped(kind)) if a is not type(None)]
            kind = args[0] if args else None
    kind = _mapping_in(kind)
    return list(kind.model_fields) if kind is not None else None


def _unwrapped(kind: Any) -> Any:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind


def _mapping_in(kind: Any) -> type | None:
    """The model ``kind`` is, or the one model among its union's members."""
    kind = _unwrapped(kind)
    if isinstance(kind, type) and hasattr(kind, "model_fields"):
        return kind
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        models = [m for m in map(_mapping_in, typing.get_args(kind)) if m is not None]
        return models[0] if len(models) == 1 else None
    return None
