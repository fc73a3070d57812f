"""Writing results: an aligned table for people, JSON or CSV for programs."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

FORMATS = ("table", "json", "csv")

#: where the listing of the running command goes: ``ctx.meta[OUTPUT]`` holds the path, if any
OUTPUT = "newsdb.output"


def _remember_output(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.meta[OUTPUT] = value


def format_option(fn):
    """``--format table|json|csv`` and ``--output FILE``, the options every listing takes."""
    fn = click.option(
        "--output",
        "-o",
        metavar="FILE",
        type=click.Path(dir_okay=False, writable=True),
        expose_value=False,
        callback=_remember_output,
        help="Write the listing to FILE instead of stdout (written only when it succeeds).",
    )(fn)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people; json (a list of objects) or csv for programs.",
    )(fn)


def echo(text: str) -> None:
    """Write ``text`` and a newline where the listing goes: --output FILE, else stdout.

    The file is opened on the first write and closed with the command."""
    ctx = click.get_current_context(silent=True)
    path = ctx.meta.get(OUTPUT) if ctx is not None else None
    if path is None:
        click.echo(text, color=True)  # click would strip escapes from stored values off a tty
        return
    key = f"{OUTPUT}.file"
    if key not in ctx.meta:
        # closed with the command, by the context
        ctx.meta[key] = ctx.with_resource(open(path, "w", encoding="utf-8", newline=""))  # noqa: SIM115
    ctx.meta[key].write(text + "\n")


#: a table cell longer than this is cut, with an ellipsis; json and csv are never cut
CELL_WIDTH = 60
#: a quoted value longer than this is shortened in a message, and a message longer than
#: MESSAGE_WIDTH is cut in its middle
VALUE_WIDTH = 120
MESSAGE_WIDTH = 2000

#: what a terminal would act on rather than show: C0 and C1 control characters (ESC, BEL,
#: the 8-bit CSI...), DEL, and the marks that reorder text on screen
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: the same, but for those JSON escapes anyway (below 0x20): DEL, C1 and reordering marks
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: a value as repr() quotes it in a message
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*+'" "|" r'"(?:[^"\\]|\\.)*+"')


def printable(text: str, keep: str = "") -> str:
    """``text`` with control characters written as escapes (ESC as ``\\x1b``), so printing
    it cannot move the cursor, ring, recolour or retitle the terminal; ``keep`` are left."""

    def escape(match: re.Match) -> str:
        char = match.group()
        return char if char in keep else char.encode("unicode_escape").decode("ascii")

    return _CONTROL.sub(escape, text)


def shorten(message: str) -> str:
    """``message`` with each quoted value over VALUE_WIDTH characters cut to its start and
    end, saying how long it was, and the whole cut in its middle past MESSAGE_WIDTH."""

    def cut(match: re.Match) -> str:
        value = match.group()
        if len(value) <= VALUE_WIDTH:
            return value
        head, tail = value[: VALUE_WIDTH * 2 // 3], value[-VALUE_WIDTH // 6 :]
        return f"{head}…{tail} ({len(value) - 2:,} characters)"

    message = _QUOTED.sub(cut, message)
    if len(message) > MESSAGE_WIDTH:
        half = MESSAGE_WIDTH // 2
        left_out = len(message) - 2 * half
        message = f"{message[:half]} …({left_out:,} characters left out)… {message[-half:]}"
    return message


class Refusal(click.ClickException):
    """An error of one line that says what was refused, then one indented line per reason
    (the problems of an annotation file): still one line that starts "Error:"."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))

    def as_printed(self) -> str:
        """Each line as :func:`one_line` makes it; every line after the first indented."""
        first, *rest = [one_line(line) for line in self.lines] or [""]
        return "\n".join([first, *(line if line.startswith(" ") else "  " + line for line in rest)])


def one_line(message: str) -> str:
    """An error message as it may be printed: long values shortened, control characters
    escaped (a line break too: one error is one line)."""
    return printable(shorten(message))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def as_dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        if dataclasses.is_dataclass(row):
            row = dataclasses.asdict(row)
        elif hasattr(row, "_asdict"):
            row = row._asdict()
        out.append({k: _plain(v) for k, v in dict(row).items()})
    return out


def emit(rows: Iterable[Any], fmt: str, columns: Sequence[str] | None = None) -> None:
    """Write ``rows`` (dataclasses, named tuples or dicts) to stdout in ``fmt``."""
    records = as_dicts(rows)
    if columns is None:
        columns = list(records[0]) if records else []
    if fmt == "json":
        text = json.dumps(records, ensure_ascii=False, indent=2)
        echo(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        rows = ({k: _flag(v) for k, v in r.items()} for r in records)
        if sys.stdout.isatty():  # for a person: escaped; for a program, the values as stored
            rows = (
                {k: printable(v, keep="\n") if isinstance(v, str) else v for k, v in r.items()}
                for r in rows
            )
        writer.writerows(rows)
        echo(buffer.getvalue().removesuffix("\n"))
    else:
        echo(table(records, columns))


def _flag(value: Any) -> Any:
    """A boolean as true/false, as SQL and JSON write it (Python writes True/False)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _flag(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    text = printable(" ".join(str(value).split()))
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def table(records: list[dict[str, Any]], columns: Sequence[str]) -> str:
    if not records:
        return "(no rows)"
    cells = [[_cell(r.get(c)) for c in columns] for r in records]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    numeric = [
        all(
            isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool) or r.get(c) is None
            for r in records
        )
        for c in columns
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)
        ).rstrip()

    head = line(list(columns))
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([head, rule, *(line(row) for row in cells)])
