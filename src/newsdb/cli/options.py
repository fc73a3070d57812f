"""What the sourcing commands share: their options, and how they show their rows.

:func:`scoped` gives a command --article, --outlet, --since, --until and --format, refuses
options at odds before the database is opened, and turns an unknown article, event or a bad
range into one line, exit 1. :data:`BY` and :data:`TOP` are the comparison and the cut the
collection questions offer; :func:`show` and :func:`compared` write the rows. :class:`IsoDate`
is the type of every date option (``extract`` and ``report`` take it too), and
:func:`jobs_option` the --jobs of ``load`` and ``ingest``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

import click

from newsdb.cli import App, lazy, pass_app
from newsdb.cli.output import emit, format_option
from newsdb.vocab import GROUPINGS

# imported when a command first uses them, so that the others start without SQLAlchemy
listings = lazy("newsdb.listings")
sourcing = lazy("newsdb.sourcing")


def jobs_option(what: str):
    """--jobs/-j: worker processes that do ``what`` while this process writes."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        help=f"Worker processes that {what} while one writes to the database [default: one"
        " per processor, up to 4, for 32 articles or more; else none].",
    )


class IsoDate(click.ParamType):
    """A day as YYYY-MM-DD; a value that is not one says why ("month must be in 1..12")."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        if isinstance(value, dt.date):
            return value
        try:
            if len(value) != len("YYYY-MM-DD"):
                raise ValueError("write it as YYYY-MM-DD")
            return dt.date.fromisoformat(value)
        except ValueError as error:
            reason = str(error).removeprefix(f"Invalid isoformat string: '{value}'")
            self.fail(f"{value!r} is not a day: {reason or 'write it as YYYY-MM-DD'}", param, ctx)


DATE = IsoDate()


def scoped(fn: Callable) -> Callable:
    """The options every sourcing command shares, and their errors as one line, exit 1."""

    @click.option("--article", metavar="SLUG", help="Only this article.")
    @click.option("--outlet", metavar="NAME", help="Only the articles of this outlet.")
    @click.option(
        "--since", type=DATE, metavar="YYYY-MM-DD", help="Only articles published on or after."
    )
    @click.option(
        "--until", type=DATE, metavar="YYYY-MM-DD", help="Only articles published on or before."
    )
    @format_option
    @pass_app
    @functools.wraps(fn)
    def run(
        app: App, since: dt.date | None, until: dt.date | None, outlet: str | None, **kwargs: Any
    ):
        scope = {"since": since, "until": until, "outlet": outlet}
        _refuse_at_odds(kwargs)  # before the database is opened
        try:
            with app.session() as session:
                return fn(session, scope=scope, **kwargs)
        except (listings.UnknownArticle, listings.UnknownEvent, sourcing.BadRange) as error:
            raise click.ClickException(str(error)) from None

    return run


def _refuse_at_odds(options: dict[str, Any]) -> None:
    """Bad usage (exit 2) for options that do not go together, whichever command has them."""
    if options.get("top") is not None and not (options.get("totals") or options.get("by")):
        raise click.UsageError("--top goes with --totals or --by")
    if options.get("event") is not None and options.get("totals"):
        raise click.UsageError("--event and --totals do not go together")
    if options.get("show_conflicts") and options.get("totals"):
        raise click.UsageError("--conflicts and --totals do not go together")
    if options.get("show_all") and options.get("totals"):
        raise click.UsageError(
            "--all and --totals do not go together (the totals count every verdict)"
        )
    for other in ("detail", "summary", "show_conflicts"):
        if options.get("by") and options.get(other):
            name = {"show_conflicts": "conflicts"}.get(other, other)
            raise click.UsageError(f"--by and --{name} do not go together")
    if options.get("places") and options.get("detail"):
        raise click.UsageError(
            "--places and --detail do not go together (the detail lists every place)"
        )


def show(rows: Sequence[Any], fmt: str, columns: Sequence[str] | None = None) -> None:
    """``emit``, with tuples of names joined for tables and CSV (JSON keeps them as lists)."""
    records = []
    for row in rows:
        record = dataclasses.asdict(row) if dataclasses.is_dataclass(row) else dict(row)
        records.append(
            {
                k: "; ".join(v) if fmt != "json" and isinstance(v, tuple | list) else v
                for k, v in record.items()
            }
        )
    emit(records, fmt, columns if fmt == "table" else None)


#: how a table names the group of articles without an outlet or a date (JSON and CSV: empty)
NO_GROUP = {"outlet": "(no outlet)", "month": "(undated)", "year": "(undated)"}


def compared(rows: Sequence[Any], fmt: str, columns: Sequence[str], by: str | None) -> None:
    """``show`` for rows with a ``group``: named after ``by`` and first, or left out."""
    records = []
    for row in rows:
        record = dataclasses.asdict(row)
        group = record.pop("group")
        if group is None and fmt == "table":
            group = NO_GROUP.get(by)
        records.append({by: group, **record} if by else record)
    show(records, fmt, [by, *columns] if by else columns)


#: the comparison every collection question offers
BY = click.option(
    "--by",
    type=click.Choice(GROUPINGS),
    help="Compare: one group per article, outlet, or month or year of publication.",
)


#: the largest number a database takes as a LIMIT (a 64-bit integer); past it, bad usage
MAX_TOP = 2**63 - 1

TOP = click.option(
    "--top",
    type=click.IntRange(min=1, max=MAX_TOP),
    metavar="N",
    help="With --totals: only the first N.",
)
