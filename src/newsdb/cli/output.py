"""Writing results: an aligned table for people, JSON or CSV for programs."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

FORMATS = ("table", "json", "csv")

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table for people; json (a list of objects) or csv for programs.",
)

#: a table cell longer than this is cut, with an ellipsis; json and csv are never cut
CELL_WIDTH = 60


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
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(
            sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(records)
    else:
        click.echo(table(records, columns))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    text = " ".join(str(value).split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def table(records: list[dict[str, Any]], columns: Sequence[str]) -> str:
    if not records:
        return "(no rows)"
    cells = [[_cell(r.get(c)) for c in columns] for r in records]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    numeric = [
        all(isinstance(r.get(c), int | float) or r.get(c) is None for r in records) for c in columns
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)
        ).rstrip()

    head = line(list(columns))
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([head, rule, *(line(row) for row in cells)])
