"""Small inline SVG charts: shares in stacked columns, counts in horizontal bars.

Every shape has a ``<title>`` with its numbers, every bar its number written beside it, and
each series a pattern as well as a colour (the fills are defined once on the page, see
:func:`newsdb.report.modes.svg_patterns`), so the charts read without colour and print.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from newsdb.report import modes

#: the stacked columns: width, gap, plot height and margins, in pixels
COLUMN, GAP, PLOT, TOP, BOTTOM, LEFT = 28, 10, 220, 20, 100, 90


def stacked_shares(buckets: Sequence[tuple[str, dict[str, int]]], caption: str) -> str:
    """One column per bucket (a month, an outlet), split by attribution mode in shares; each
    piece says its bucket, mode and claims in ``data-`` attributes as well as its title."""
    if not buckets:
        return "<p>No claims in these articles.</p>"
    key_x = LEFT + len(buckets) * (COLUMN + GAP) + 20
    width = key_x + 270
    parts = [_mode_key(key_x, TOP)]
    for share in (0, 25, 50, 75, 100):
        y = TOP + PLOT * (1 - share / 100)
        parts.append(
            f'<line x1="{LEFT - 4}" x2="{key_x - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" class="tick" text-anchor="end">{share}%</text>'
        )
    for n, (label, counts) in enumerate(buckets):
        parts.append(_column(LEFT + n * (COLUMN + GAP), label, counts))
    return _figure(width, TOP + PLOT + BOTTOM, parts, caption)


def _column(x: float, label: str, counts: dict[str, int]) -> str:
    total = sum(counts.values())
    y = TOP + PLOT
    parts = []
    for style in modes.STYLES:
        count = counts.get(style.mode, 0)
        if not count:
            continue
        h = PLOT * count / total
        y -= h
        parts.append(
            f'<rect x="{x}" y="{y:.2f}" width="{COLUMN}" height="{h:.2f}"'
            f' fill="url(#fill-{style.mode})" data-bucket="{escape(label)}"'
            f' data-share-mode="{style.mode}" data-claims="{count}">'
            f"<title>{escape(label)}: {escape(style.label)}, {count} of {total} claims"
            f" ({count / total:.0%})</title></rect>"
        )
        if h >= 14:  # the mode's letter, where it fits
            parts.append(
                f'<text x="{x + COLUMN / 2}" y="{y + h / 2 + 4:.1f}" text-anchor="middle"'
                f' class="letter">{style.letter}</text>'
            )
    below = TOP + PLOT + 12
    parts.append(
        f'<text x="{x + COLUMN / 2}" y="{below}" class="tick" text-anchor="end"'
        f' transform="rotate(-50 {x + COLUMN / 2} {below})">{escape(label)} (n={total})</text>'
    )
    return "".join(parts)


def bars(
    chart: str,
    rows: Sequence[tuple[str, Sequence[int], str]],
    series: Sequence[tuple[str, str]],
    caption: str,
) -> str:
    """One row per ``(label, values, note)``: a bar for each of ``series`` (name, fill),
    each with its number, and the note after the bars. Each row is a ``<g>`` whose
    ``data-chart``, ``data-label`` and ``data-values`` say what it draws."""
    if not rows:
        return "<p>None.</p>"
    label_w, bar_w, line, top = 260, 420, 13, 24
    most = max(max(values) for _, values, _ in rows) or 1
    row_h = line * len(series) + 8
    width = label_w + bar_w + 260
    parts = [_key(series, label_w)]
    for n, (label, values, note) in enumerate(rows):
        y = top + n * row_h
        shown = label if len(label) <= 38 else label[:37] + "…"
        parts.append(
            f'<g data-chart="{escape(chart)}" data-label="{escape(label)}"'
            f' data-values="{" ".join(str(v) for v in values)}">'
        )
        parts.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 2:.1f}" text-anchor="end"'
            f' class="label"><title>{escape(label)}</title>{escape(shown)}</text>'
        )
        for k, ((name, fill), value) in enumerate(zip(series, values, strict=True)):
            w = bar_w * value / most
            by = y + k * line + 2
            parts.append(
                f'<rect x="{label_w}" y="{by}" width="{max(w, 0.5):.1f}" height="{line - 2}"'
                f' fill="{fill}"><title>{escape(label)}: {value} {escape(name)}</title></rect>'
                f'<text x="{label_w + w + 4:.1f}" y="{by + line - 4}" class="value">{value}'
                "</text>"
            )
        if note:
            parts.append(
                f'<text x="{label_w + bar_w + 40}" y="{y + row_h / 2 + 2:.1f}" class="note">'
                f"{escape(note)}</text>"
            )
        parts.append("</g>")
    return _figure(width, top + len(rows) * row_h + 6, parts, caption)


def _key(series: Sequence[tuple[str, str]], x: int) -> str:
    out = []
    for name, fill in series:
        out.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{fill}"/>'
            f'<text x="{x + 16}" y="14" class="tick">{escape(name)}</text>'
        )
        x += 16 + 7 * len(name) + 24  # about 7 pixels a character at 11px
    return "".join(out)


def _mode_key(x: float, y: float) -> str:
    out = []
    for n, style in enumerate(modes.STYLES):
        top = y + n * 22
        out.append(
            f'<rect x="{x}" y="{top}" width="16" height="16" fill="url(#fill-{style.mode})"/>'
            f'<text x="{x + 22}" y="{top + 12}" class="tick">{style.letter}:'
            f" {escape(style.label)}</text>"
        )
    return "".join(out)


def _figure(width: float, height: float, parts: list[str], caption: str) -> str:
    return (
        f'<figure class="chart"><svg viewBox="0 0 {width:.0f} {height:.0f}"'
        f' style="max-width: {width:.0f}px" role="img" aria-label="{escape(caption)}">'
        f"{''.join(parts)}</svg><figcaption>{escape(caption)}</figcaption></figure>"
    )
