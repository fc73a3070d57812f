"""The collection's section: its sourcing in charts, read from the totals the database keeps.

Attribution modes by month (``sourcing.profile`` for each month, from the per-article mode
tally) or by outlet (that tally grouped by the articles' outlet), the most heard sources
(``source_totals``), those most spoken of and least heard (``unheard_totals``) and where the
sources are against where the events happen (``geography_by_country``): a few grouped reads
whatever the number of articles, never their rows. Articles named by slug are read one
helper call each and the counts added up.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newsdb import sourcing
from newsdb.models import Article, ArticleModeTally
from newsdb.report import svg
from newsdb.report.scope import Scope

#: how many sources, actors, countries and outlets the charts show
TOP = 15
BY = ("month", "outlet")


@dataclass(frozen=True)
class Collection:
    """What the collection's section shows."""

    by: str
    shares: list[tuple[str, dict[str, int]]]
    claims: int
    named_claims: int
    sourced_claims: int
    heard: list[sourcing.SourceTotal]
    unheard: list[sourcing.UnheardTotal]
    places: list[sourcing.PlaceCount]


def gather(session: Session, scope: Scope, by: str = "month") -> Collection:
    """The collection's totals over the articles chosen."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    limit = TOP if not scope.articles else None  # several slugs: cut after adding up
    summary = Counter()
    for call in scope.calls():
        s = sourcing.profile_summary(session, **call)
        summary.update(claims=s.claims, named=s.named_claims, sourced=s.sourced_claims)
    heard = _merge(
        scope.rows(sourcing.source_totals, session, limit=limit),
        "actor_slug",
        ("articles", "quotes", "words_quoted", "claims", "mentions"),
        ("articles", "claims", "quotes"),
    )
    unheard = _merge(
        scope.rows(sourcing.unheard_totals, session, limit=limit),
        "actor_slug",
        ("articles", "mentions", "heard_in"),
        ("articles", "mentions"),
    )
    places = _merge(
        scope.rows(sourcing.geography_by_country, session),
        "country",
        ("sources", "events", "party_states"),
        ("total",),
    )
    shares = _by_month(session, scope) if by == "month" else _by_outlet(session, scope)
    return Collection(
        by, shares, summary["claims"], summary["named"], summary["sourced"], heard, unheard, places
    )


def _merge(rows: Sequence[Any], key: str, sums: Sequence[str], order: Sequence[str]) -> list:
    """Rows with the same ``key`` added up in ``sums``, largest ``order`` first (``total``:
    the sum of ``sums``), the first :data:`TOP`. The sort is stable: the rows of one call
    keep the helper's order."""
    merged: dict[Any, Any] = {}
    for row in rows:
        k = getattr(row, key)
        if k in merged:
            row = replace(merged[k], **{f: getattr(merged[k], f) + getattr(row, f) for f in sums})
        merged[k] = row

    def rank(row: Any) -> tuple[int, ...]:
        total = sum(getattr(row, f) for f in sums)
        return tuple(-(total if f == "total" else getattr(row, f)) for f in order)

    ranked = sorted(merged.values(), key=rank)
    return ranked[:TOP]


def _by_month(session: Session, scope: Scope) -> list[tuple[str, dict[str, int]]]:
    """Claims per mode in each month that has articles: ``profile`` over each month."""
    dates = session.scalars(
        select(Article.published_date)
        .where(Article.id.in_(scope.chosen()), Article.published_date.is_not(None))
        .distinct()
    )
    out = []
    for year, month in sorted({(d.year, d.month) for d in dates}):
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        counts: Counter[str] = Counter()
        for call in scope.calls():
            since = max(first, call["since"] or first)
            until = min(last, call["until"] or last)
            for share in sourcing.profile(session, call["article"], since, until):
                counts[share.attribution_mode] += share.claims
        if sum(counts.values()):
            out.append((f"{year}-{month:02d}", dict(counts)))
    return out


def _by_outlet(session: Session, scope: Scope) -> list[tuple[str, dict[str, int]]]:
    """Claims per mode for each outlet: the per-article mode tally grouped by outlet; the
    outlets past the first :data:`TOP` together."""
    t = ArticleModeTally.__table__
    query = (
        select(Article.outlet, t.c.attribution_mode, func.sum(t.c.claims))
        .join(Article, Article.id == t.c.article_id)
        .where(t.c.article_id.in_(scope.chosen()))
        .group_by(Article.outlet, t.c.attribution_mode)
    )
    per: dict[str, Counter[str]] = {}
    for outlet, mode, claims in session.execute(query):
        per.setdefault(outlet or "(no outlet)", Counter())[mode] += int(claims or 0)
    ranked = sorted(per.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    out = [(outlet, dict(c)) for outlet, c in ranked[:TOP] if sum(c.values())]
    rest: Counter[str] = Counter()
    for _, c in ranked[TOP:]:
        rest.update(c)
    if sum(rest.values()):
        out.append((f"{len(ranked) - TOP} other outlets", dict(rest)))
    return out


# -- the section -----------------------------------------------------------------------------


def section(c: Collection, articles: int) -> str:
    """The collection's section of the page, over ``articles`` articles."""
    named = f"{c.named_claims / c.claims:.0%}" if c.claims else "-"
    sourced = f"{c.sourced_claims / c.claims:.0%}" if c.claims else "-"
    over = "month by month" if c.by == "month" else "by outlet"
    shares = svg.stacked_shares(
        c.shares, f"The share of claims in each attribution mode, {over}; n counts the claims."
    )
    return (
        '<section class="collection" id="collection">'
        f"<h2>The collection: {articles} articles</h2>"
        f"<p>{c.named_claims} of {c.claims} claims name who said them ({named});"
        f" {c.sourced_claims} have any source ({sourced}).</p>"
        f"<h3>On whose word claims rest, {over}</h3>{shares}"
        f"<h3>The most heard sources</h3>{_heard(c)}"
        f"<h3>Spoken of, not heard</h3>{_unheard(c)}"
        f"<h3>Where the sources are, where the events happen</h3>{_places(c)}"
        "</section>"
    )


def _heard(c: Collection) -> str:
    rows = [
        (f"{s.name} ({s.source_class})", [s.articles], f"{s.quotes} quotes · {s.claims} claims")
        for s in c.heard
    ]
    return svg.bars(
        "heard",
        rows,
        [("articles that hear it", "url(#fill-solid)")],
        "Sources in the most articles: the articles that quote them or credit them with a claim.",
    )


def _unheard(c: Collection) -> str:
    rows = [
        (
            f"{u.name} ({u.kind.replace('_', ' ')})",
            [u.articles, u.heard_in],
            f"{u.mentions} mentions unheard",
        )
        for u in c.unheard
    ]
    series = [
        ("articles that mention it, unheard", "url(#fill-hatched)"),
        ("articles that hear it", "url(#fill-solid)"),
    ]
    return svg.bars(
        "unheard",
        rows,
        series,
        "Actors mentioned in the most articles that never quote them nor credit them with a"
        " claim, against the articles that do.",
    )


def _places(c: Collection) -> str:
    rows = [
        (p.country or "(no country)", [p.sources, p.events, p.party_states], "") for p in c.places
    ]
    series = [
        ("sources based there", "url(#fill-solid)"),
        ("events there", "url(#fill-hatched)"),
        ("party states", "url(#fill-dotted)"),
    ]
    return svg.bars(
        "places",
        rows,
        series,
        "Per country, counted once per article: its sources, the events it reports and the"
        " states that are parties to them.",
    )


def article_list(articles: Sequence[Any]) -> str:
    """The articles, each linking to its section, with its counts."""
    items = []
    for a in articles:
        date = a.published_date.isoformat() if a.published_date else "undated"
        outlet = f" · {escape(a.outlet)}" if a.outlet else ""
        items.append(
            f'<li><a href="#{escape(a.anchor)}">{escape(a.headline or a.slug)}</a>'
            f" <small>{date}{outlet} · {len(a.claims)} claims · {len(a.quotes)} quotes ·"
            f" {len(a.sources)} sources</small></li>"
        )
    return f'<nav class="articles" id="articles"><h2>Articles</h2><ol>{"".join(items)}</ol></nav>'
