"""An article's events on a time axis: each with its date as written and as normalised.

A date known to the day is a dot; a date known to the month, year or decade, or an event
that lasts, is a bar over every day it may cover. Events from decades before a story share
the axis with those of its week, so the axis is logarithmic in the time before the latest
day drawn, and says so; undated events are listed under it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from html import escape

from newsdb.listings import EventRow

WIDTH, LABELS, ROW, TOP = 960, 430, 34, 34
#: the axis's ticks: days before the latest day drawn, and their names
TICKS = ((0, ""), (7, "1 week"), (30, "1 month"), (365, "1 year"), (3652, "10 years"),
         (18262, "50 years"), (36525, "100 years"))  # fmt: skip


def span(value: str | None, end: str | None, precision: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date (and end date) as precise as ``precision`` may mean."""
    if value is None:
        return None
    first, _ = _bounds(value, precision)
    _, last = _bounds(end or value, precision)
    return first, max(first, last)


def _bounds(value: str, precision: str) -> tuple[dt.date, dt.date]:
    if precision == "day":
        day = dt.date.fromisoformat(value)
        return day, day
    if precision == "month":
        year, month = int(value[:4]), int(value[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if precision == "decade":
        year = int(value[:3]) * 10
        return dt.date(year, 1, 1), dt.date(year + 9, 12, 31)
    year = int(value[:4])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _written(e: EventRow) -> str:
    written = f"“{e.date_as_written}”" if e.date_as_written else "no date written"
    if e.date is None:
        return f"as written {written}; not resolved to a date"
    normalised = e.date
    if e.end_date and e.end_date != e.date:
        normalised += f" to {e.end_date}"
    return (
        f"as written {written}; normalised {normalised} ({e.date_precision}, {e.date_resolution})"
    )


def render(events: list[EventRow], published: dt.date | None) -> str:
    """The events as an inline SVG timeline, then the undated ones as a list."""
    dated = [(span(e.date, e.end_date, e.date_precision), e) for e in events]
    drawn = sorted(((s, e) for s, e in dated if s), key=lambda t: (t[0], t[1].slug))
    undated = [e for s, e in dated if not s]
    out = [_svg(drawn, published)] if drawn else ["<p>No dated events.</p>"]
    if undated:
        items = "".join(f"<li><b>{escape(e.name)}</b>: {escape(_written(e))}</li>" for e in undated)
        out.append(f'<p>Undated ({len(undated)}):</p><ul class="undated">{items}</ul>')
    return "".join(out)


def _svg(drawn: list[tuple[tuple[dt.date, dt.date], EventRow]], published: dt.date | None) -> str:
    days = [d for (first, last), _ in drawn for d in (first, last)]
    reference = published or max(days)
    # days from the reference, on a log scale both ways: sign(t) * log(1 + |t|)
    lo = _log((min(days) - reference).days)
    hi = max(_log((max(days) - reference).days), 0.0)
    lo = min(lo, hi - _log(7))
    left, right = LABELS + 10, WIDTH - 20

    def x(day: dt.date) -> float:
        return left + (right - left) * (_log((day - reference).days) - lo) / (hi - lo)

    height = TOP + ROW * len(drawn) + 10
    parts = [_axis(reference, lo, hi, x, height, left, right, published)]
    for n, ((first, last), e) in enumerate(drawn):
        y = TOP + ROW * n + ROW / 2
        label = e.name if len(e.name) <= 56 else e.name[:55] + "…"
        if first == last:
            mark = f'<circle cx="{x(first):.1f}" cy="{y:.1f}" r="5" class="tl-day"/>'
        else:
            x0, x1 = x(first), x(last)
            mark = (
                f'<rect x="{x0:.1f}" y="{y - 5:.1f}" width="{max(x1 - x0, 3):.1f}" height="10"'
                ' rx="2" class="tl-range"/>'
            )
        parts.append(
            f'<g class="tl-event" data-event="{escape(e.slug)}">'
            f"<title>{escape(e.name)}: {escape(_written(e))}</title>"
            f'<text x="0" y="{y - 3:.1f}" class="tl-name">{escape(label)}</text>'
            f'<text x="0" y="{y + 11:.1f}" class="tl-date">{escape(_written(e))}</text>'
            f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" class="tl-row"/>'
            f"{mark}</g>"
        )
    caption = (
        f"Time runs left to right on a logarithmic scale around {reference}"
        f"{' (publication)' if published else ''}: the days near it are spread out and the"
        " decades before drawn close. A dot is a day; a bar every day a date may mean (a"
        " month, a year) or an event that lasts."
    )
    return (
        f'<figure class="timeline"><svg viewBox="0 0 {WIDTH} {height}" role="img"'
        f' aria-label="Events on a timeline">{"".join(parts)}</svg>'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def _log(days: int) -> float:
    return math.copysign(math.log1p(abs(days)), days)


def _axis(reference, lo, hi, x, height, left, right, published) -> str:
    parts = [f'<line x1="{left}" x2="{right}" y1="{TOP - 8}" y2="{TOP - 8}" class="tl-axis"/>']
    ticks = [(-d, f"{name} before") for d, name in reversed(TICKS[1:])]
    ticks += [(0, str(reference))] + [(d, f"{name} after") for d, name in TICKS[1:]]
    shown = -1e9
    for days, text in ticks:
        if not lo - 1e-9 <= _log(days) <= hi + 1e-9:
            continue
        tick = x(reference + dt.timedelta(days=days))
        parts.append(
            f'<line x1="{tick:.1f}" x2="{tick:.1f}" y1="{TOP - 12}" y2="{height}" class="tl-tick"/>'
        )
        if tick - shown >= 95 or days == 0:  # a label only where it has room
            anchor = "end" if tick > right - 40 else "middle"
            parts.append(
                f'<text x="{tick:.1f}" y="{TOP - 16}" class="tl-tick-label"'
                f' text-anchor="{anchor}">{escape(text)}</text>'
            )
            shown = tick
    if published is not None:
        p = x(published)
        parts.append(
            f'<line x1="{p:.1f}" x2="{p:.1f}" y1="{TOP - 8}" y2="{height}" class="tl-published"/>'
        )
    return "".join(parts)
