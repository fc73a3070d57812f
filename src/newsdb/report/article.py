"""One article's section: its text with every voice marked, its sources, gaps, events, checks.

:func:`gather` reads every article chosen with one call of each helper (one per slug when
articles are named), and :func:`section` writes one of them. Quote segments take their
speaker's colour and number; claims are underlined in their attribution mode's style and
tagged with its letter; cue words are boxed. Each mark has a ``title`` (shown on hover, with
no script) and can be focused, which shows the same words beside it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsdb import listings, sourcing
from newsdb.models import Actor, Affiliation, Article, Claim, Paragraph, Quote
from newsdb.report import modes, timeline
from newsdb.report.marks import Mark, render
from newsdb.report.scope import Scope

VERDICT_SIGNS = {"contradicted": "✗", "partly_confirmed": "≈", "confirmed": "✓"}


def counted(n: int, word: str, words: str | None = None) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{n} {word if n == 1 else words or word + 's'}"


@dataclass
class ArticleData:
    """Everything one section shows, read by :func:`gather`."""

    slug: str
    headline: str | None
    outlet: str | None
    byline: str | None
    url: str | None
    published_date: dt.date | None
    body: str
    paragraphs: list[tuple[int, int, int]] = field(default_factory=list)
    quotes: list[sourcing.QuoteRow] = field(default_factory=list)
    claims: list[sourcing.ClaimRow] = field(default_factory=list)
    sources: list[sourcing.SourceRow] = field(default_factory=list)
    gaps: list[sourcing.GapRow] = field(default_factory=list)
    events: list[listings.EventRow] = field(default_factory=list)
    checks: list[sourcing.CheckRow] = field(default_factory=list)
    #: ('quote' or 'claim', key) -> the span of its cue words
    cues: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    #: actor slug -> its affiliation as the article words it
    worded: dict[str, str] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        return f"article-{self.slug}"


def gather(session: Session, scope: Scope) -> list[ArticleData]:
    """The articles chosen, by publication date (undated last), each with its rows."""
    chosen = scope.chosen()
    a = Article
    query = (
        select(a.slug, a.headline, a.outlet, a.byline, a.url, a.published_date, a.body)
        .where(a.id.in_(chosen))
        .order_by(a.published_date.is_(None), a.published_date, a.slug)
    )
    found = {row.slug: ArticleData(*row) for row in session.execute(query)}
    for row in session.execute(
        select(a.slug, Paragraph.number, Paragraph.span_start, Paragraph.span_end)
        .join(Paragraph, Paragraph.article_id == a.id)
        .where(a.id.in_(chosen))
        .order_by(a.slug, Paragraph.number)
    ):
        found[row[0]].paragraphs.append(tuple(row[1:]))
    for name, helper, options in (
        ("quotes", sourcing.quotes, {}),
        ("claims", sourcing.claims, {}),
        ("sources", sourcing.sources, {}),
        ("gaps", sourcing.voice_gaps, {}),
        ("events", listings.events, {}),
        ("checks", sourcing.claim_checks, {"differing_only": False}),
    ):
        for row in scope.rows(helper, session, **options):
            if row.article in found:
                getattr(found[row.article], name).append(row)
    _read_cues(session, chosen, found)
    _read_worded(session, chosen, found)
    return list(found.values())


def _read_cues(session: Session, chosen, found: dict[str, ArticleData]) -> None:
    """Where each quote's and claim's cue words are (the helpers give the words only)."""
    for kind, table in (("quote", Quote), ("claim", Claim)):
        query = (
            select(Article.slug, table.key, table.cue_start, table.cue_end)
            .join(Article, Article.id == table.article_id)
            .where(table.article_id.in_(chosen), table.cue_start.is_not(None))
        )
        for slug, key, start, end in session.execute(query):
            found[slug].cues[kind, key] = (start, end)


def _read_worded(session: Session, chosen, found: dict[str, ArticleData]) -> None:
    """Each person's first affiliation as the article words it ("a fellow at ...")."""
    query = (
        select(Article.slug, Actor.slug, Affiliation.descriptor)
        .join(Article, Article.id == Affiliation.article_id)
        .join(Actor, Actor.id == Affiliation.person_id)
        .where(Affiliation.article_id.in_(chosen))
        .order_by(Article.slug, Affiliation.span_start)
    )
    for slug, actor, descriptor in session.execute(query):
        found[slug].worded.setdefault(actor, descriptor)


# -- the marks -------------------------------------------------------------------------------


def _numbers(data: ArticleData) -> dict[str, int]:
    """Each source's number (S1, S2...), in the order it is first heard; speakers after."""
    numbers: dict[str, int] = {}
    for slug in [s.actor_slug for s in data.sources] + [q.speaker_slug for q in data.quotes]:
        numbers.setdefault(slug, len(numbers) + 1)
    return numbers


def _who(data: ArticleData, slug: str | None, name: str | None) -> str:
    if slug is None:
        return "no one named"
    worded = data.worded.get(slug)
    return f"{name}, {worded}" if worded else str(name)


def _quote_marks(data: ArticleData, numbers: dict[str, int]) -> list[Mark]:
    marks = []
    for q in data.quotes:
        n = numbers[q.speaker_slug]
        tip = f"S{n} {_who(data, q.speaker_slug, q.speaker)}. {q.kind} quote"
        tip += f', cue "{q.cue}"' if q.cue else ", no cue"
        attrs = (
            ("class", "quote"),
            ("data-quote", q.quote_key),
            ("data-speaker", q.speaker),
            ("data-tag", f"S{n}"),
            ("style", f"background-color: {modes.speaker_colour(n)}"),
            ("title", tip),
        )
        marks.append(Mark(q.span_start, q.span_end, attrs, layer=1, first=(("tabindex", "0"),)))
    return marks


def _claim_marks(data: ArticleData, checks: dict[str, list[sourcing.CheckRow]]) -> list[Mark]:
    marks = []
    for c in data.claims:
        style = modes.BY_MODE[c.attribution_mode]
        tip = f"{style.letter}: {style.label}. Source: {_who(data, c.source_slug, c.source)}"
        tip += f'. Cue "{c.cue}"' if c.cue else ". No cue"
        tip += f". Asserts: {c.proposition}"
        for k in checks.get(c.claim_key, []):
            tip += (
                f". Checked ({k.aspect}): {k.stated_value} against {k.checked_value}, {k.verdict}"
            )
        attrs = (
            (
                "class",
                f"claim m-{c.attribution_mode}" + (" checked" if c.claim_key in checks else ""),
            ),
            ("data-claim", c.claim_key),
            ("data-mode", c.attribution_mode),
            ("title", tip),
        )
        first = (("id", f"{data.anchor}-claim-{c.claim_key}"), ("tabindex", "0"))
        marks.append(Mark(c.span_start, c.span_end, attrs, layer=0, first=first))
    return marks


def _cue_marks(data: ArticleData) -> list[Mark]:
    spans: dict[tuple[int, int], list[str]] = defaultdict(list)
    for (kind, key), span in sorted(data.cues.items()):
        spans[span].append(f"{kind}:{key}")
    return [
        Mark(s, e, (("class", "cue"), ("data-cue-of", " ".join(of))), layer=2)
        for (s, e), of in sorted(spans.items())
    ]


# -- the section -----------------------------------------------------------------------------


def section(data: ArticleData) -> str:
    """The article's section of the page."""
    numbers = _numbers(data)
    checks: dict[str, list[sourcing.CheckRow]] = defaultdict(list)
    for k in data.checks:
        checks[k.claim_key].append(k)
    marks = _quote_marks(data, numbers) + _claim_marks(data, checks) + _cue_marks(data)
    title = escape(data.headline or data.slug)
    return (
        f'<section class="article" id="{escape(data.anchor)}">'
        f"<h2>{title}</h2>{_meta(data)}"
        '<div class="article-grid">'
        f'<div class="text">{_paragraphs(data, marks, checks)}</div>'
        f'<aside class="panel">{_sources(data, numbers)}{_profile(data)}{_gaps(data)}</aside>'
        "</div>"
        f"<h3>Events</h3>{timeline.render(data.events, data.published_date)}"
        "</section>"
    )


def _meta(data: ArticleData) -> str:
    parts = [escape(p) for p in (data.outlet, data.byline) if p]
    parts.append(
        f"published {data.published_date.isoformat()}" if data.published_date else "undated"
    )
    parts.append(f"<code>{escape(data.slug)}</code>")
    if data.url and data.url.lower().startswith(("http://", "https://")):
        parts.append(f'<a href="{escape(data.url)}">{escape(data.url)}</a>')
    elif data.url:  # not a web address (a javascript: one, say): shown, not linked
        parts.append(escape(data.url))
    return f'<p class="meta">{" · ".join(parts)}</p>'


def _paragraphs(data: ArticleData, marks: list[Mark], checks: dict) -> str:
    spans = data.paragraphs or [(1, 0, len(data.body))]
    claims = sorted(data.claims, key=lambda c: c.span_start)
    out = []
    for number, start, end in spans:
        notes = [
            _check_note(data, c, k)
            for c in claims
            if start <= c.span_start < end
            for k in checks.get(c.claim_key, [])
        ]
        aside = f'<aside class="notes">{"".join(notes)}</aside>' if notes else ""
        out.append(
            f'<div class="para" id="{escape(data.anchor)}-p{number}">'
            f'<p><span class="pno" aria-hidden="true">{number}</span>'
            f"{render(data.body, start, end, marks)}</p>{aside}</div>"
        )
    return "".join(out)


def _check_note(data: ArticleData, claim: sourcing.ClaimRow, k: sourcing.CheckRow) -> str:
    sign = VERDICT_SIGNS.get(k.verdict, "?")
    href = f"#{data.anchor}-claim-{claim.claim_key}"
    note = f"<details><summary>why</summary>{escape(k.note)}</details>" if k.note else ""
    return (
        f'<div class="check v-{escape(k.verdict)}" data-check="{escape(claim.claim_key)}">'
        f'<a href="{escape(href)}"><b>{sign} {escape(k.verdict.replace("_", " "))}</b></a>'
        f" ({escape(k.aspect)}): the article says <q>{escape(k.stated_value)}</q>;"
        f" the record says <b>{escape(k.checked_value or 'nothing')}</b>"
        f' <span class="against">({escape(k.checked_against)})</span>.{note}</div>'
    )


def _sources(data: ArticleData, numbers: dict[str, int]) -> str:
    items = []
    for s in data.sources:
        n = numbers[s.actor_slug]
        worded = data.worded.get(s.actor_slug) or s.affiliation
        tie = ", ".join(escape(x) for x in (worded, s.role) if x)
        place = escape(s.location or s.country or "")
        tally = [counted(s.quotes, "quote"), counted(s.claims, "claim")]
        if s.words_quoted:
            tally.insert(1, counted(s.words_quoted, "word") + " quoted")
        counts = " · ".join(tally)
        items.append(
            f'<li data-source="{escape(s.actor_slug)}">'
            f'<span class="swatch" style="background-color: {modes.speaker_colour(n)}">S{n}</span>'
            f" <b>{escape(s.name)}</b> <small>{escape(s.source_class)}, "
            f"{escape(s.sector.replace('_', ' '))}</small>"
            + (f'<br><span class="tie">{tie}</span>' if tie else "")
            + (f' <span class="place">based in {place}</span>' if place else "")
            + f'<br><span class="counts">{counts}</span></li>'
        )
    body = f'<ol class="sources">{"".join(items)}</ol>' if items else "<p>No one is quoted.</p>"
    return f"<h3>Sources</h3>{body}"


def _profile(data: ArticleData) -> str:
    counts = Counter(c.attribution_mode for c in data.claims)
    total = sum(counts.values())
    rows = "".join(
        f'<li><span class="chip m-{s.mode}">{s.letter}</span> {escape(s.label)}:'
        f" <b>{counts.get(s.mode, 0)}</b></li>"
        for s in modes.STYLES
    )
    return f'<h3>Claims by attribution ({total})</h3><ul class="profile">{rows}</ul>'


def _gaps(data: ArticleData) -> str:
    if not data.gaps:
        return "<h3>Voice gaps</h3><p>Everyone in the story is heard.</p>"
    items = []
    for g in data.gaps:
        by = f"; spoken for by {escape(', '.join(g.speakers))}" if g.speakers else ""
        items.append(
            f"<li><b>{escape(g.name)}</b> <small>{escape(g.kind.replace('_', ' '))}</small>:"
            f" {counted(g.mentions, 'mention')},"
            f" {counted(g.event_roles, 'part')} in events{by}</li>"
        )
    return (
        '<h3>Voice gaps</h3><p class="hint">In the story, never quoted nor credited with a'
        f' claim.</p><ul class="gaps">{"".join(items)}</ul>'
    )
