"""Small inline SVG charts: shares in stacked columns, counts in horizontal bars.

Every shape has a ``<title>`` with its numbers, every bar its number written beside it, and
each series a pattern as well as a colour (the fills are defined once on the page, see
:func:`newsdb.report.modes.svg_patterns`), so the charts read without colour and print.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from newsdb.report import modes


def stacked_shares(buckets: Sequence[tuple[str, dict[str, int]]], caption: str) -> str:
    """One column per bucket (a month, an outlet), split by attribution mode in shares; each
    piece says its bucket, mode and claims in ``data-`` attributes as well as its title."""
    if not buckets:
        return "<p>No claims in these articles.</p>"
    column, gap, top, bottom, left = 28, 10, 20, 90, 44
    plot = 220
    width = left + len(buckets) * (column + gap) + 10
    parts = []
    for share in (0, 25, 50, 75, 100):
        y = top + plot * (1 - share / 100)
        parts.append(
            f'<line x1="{left - 4}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 8}" y="{y + 4:.1f}" class="tick" text-anchor="end">{share}%</text>'
        )
    for n, (label, counts) in enumerate(buckets):
        total = sum(counts.values())
        x = left + n * (column + gap)
        y = top + plot
        for style in modes.STYLES:
            count = counts.get(style.mode, 0)
            if not count:
                continue
            h = plot * count / total
            y -= h
            parts.append(
                f'<rect x="{x}" y="{y:.2f}" width="{column}" height="{h:.2f}"'
                f' fill="url(#fill-{style.mode})" data-bucket="{escape(label)}"'
                f' data-share-mode="{style.mode}" data-claims="{count}">'
                f"<title>{escape(label)}: {escape(style.label)}, {count} of {total} claims"
                f" ({count / total:.0%})</title></rect>"
            )
        parts.append(
            f'<text x="{x + column / 2}" y="{top + plot + 12}" class="tick" text-anchor="end"'
            f' transform="rotate(-50 {x + column / 2} {top + plot + 12})">{escape(label)}'
            f" (n={total})</text>"
        )
    return _figure(width, top + plot + bottom, parts, caption)


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
    for k, (name, fill) in enumerate(series):
        out.append(
            f'<rect x="{x + k * 170}" y="4" width="12" height="12" fill="{fill}"/>'
            f'<text x="{x + k * 170 + 16}" y="14" class="tick">{escape(name)}</text>'
        )
    return "".join(out)


def _figure(width: float, height: float, parts: list[str], caption: str) -> str:
    return (
        f'<figure class="chart"><svg viewBox="0 0 {width:.0f} {height:.0f}"'
        f' style="max-width: {width:.0f}px" role="img" aria-label="{escape(caption)}">'
        f"{''.join(parts)}</svg><figcaption>{escape(caption)}</figcaption></figure>"
    )
