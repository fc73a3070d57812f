"""The whole report as one HTML page: no network, no external file, readable without script.

:func:`render` reads the articles chosen and, over more than one, the collection's totals,
and returns the page. :func:`write` writes it to a file, and nothing when reading fails.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from sqlalchemy.orm import Session

from newsdb import __version__
from newsdb.report import article, collection, modes, style
from newsdb.report.scope import Scope


def legend() -> str:
    """What every mark means, by its line, letter and words as well as its colour."""
    items = [
        f'<li data-mode="{s.mode}"><span class="sample m-{s.mode}">claim</span>'
        f' <span class="chip m-{s.mode}">{s.letter}</span> {escape(s.label)}</li>'
        for s in modes.STYLES
    ]
    items.append(
        f'<li><span class="quote" style="background-color: {modes.speaker_colour(1)}">'
        "quoted words</span> <b>S1</b> a quote, in its speaker's colour and number</li>"
    )
    items.append('<li><span class="cue">said</span> cue words</li>')
    items.append(
        '<li><span class="chip" style="background:#b71c1c">✗</span> claim checked'
        " against the record (note beside the paragraph)</li>"
    )
    return f'<ul class="legend" aria-label="Legend">{"".join(items)}</ul>'


def render(session: Session, scope: Scope, by: str = "month") -> str:
    """The report over the articles ``scope`` chooses, the collection by ``by`` (month or
    outlet). Raises the helpers' errors (an unknown slug, a bad range) before reading."""
    scope.check(session)
    articles = article.gather(session, scope)
    parts = []
    if len(articles) > 1:
        totals = collection.gather(session, scope, by)
        parts.append(collection.section(totals, len(articles)))
        parts.append(collection.article_list(articles))
    elif not articles:
        parts.append("<p>No article matches.</p>")
    parts.extend(article.section(a) for a in articles)
    made = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsdb {escape(__version__)}">
<title>Sourcing report: {escape(scope.describe())}</title>
<style>{style.css()}</style>
</head>
<body>
<svg width="0" height="0" style="position:absolute" aria-hidden="true">{modes.svg_patterns()}</svg>
<header class="page">
<h1>Who speaks in these articles: a sourcing report</h1>
<p class="meta">{escape(scope.describe())} · {len(articles)} article(s) · made by newsdb
{escape(__version__)} on {made}</p>
{legend()}
<p class="noscript-hint">Hover over a mark, or move to it with the Tab key, to see its source,
the source's affiliation as the article words it, and the cue.</p>
<pre id="script-errors" role="alert"></pre>
</header>
<main>
{"".join(parts)}
</main>
<script>{style.SCRIPT}</script>
</body>
</html>
"""


def write(session: Session, scope: Scope, path: Path, by: str = "month") -> int:
    """Write the report to ``path``; returns its size in bytes. Nothing is written when
    reading fails."""
    page = render(session, scope, by)
    data = page.encode("utf-8")
    path.write_bytes(data)
    return len(data)
