"""`newsdb report`: marks that nest or cross, the collection from the totals on a generated
collection of 300 articles, escaping, and bad input (one line, nothing written)."""

from __future__ import annotations

import datetime as dt
import html
import re
import stat
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import parse
from click.testing import CliRunner
from conftest import BACKENDS
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from newsdb import migrate, sourcing
from newsdb.cli import main
from newsdb.db import make_engine
from newsdb.models import Article
from newsdb.report import collection
from newsdb.report.marks import Mark, render

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import synth

#: 300 articles over 2023-2025, ~3,000 quotes and ~4,500 claims
SCALE = 0.003


def run(url: str, *args: str):
    return CliRunner().invoke(main, ["--database", url, *args])


# -- marks -----------------------------------------------------------------------------------


def _untagged(written: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", written))


def test_crossing_marks_are_written_in_pieces_that_nest():
    body = "He said <that> the deal & the talks were over, officials said."
    quote = Mark(8, 33, (("class", "quote"), ("data-quote", "q1")), layer=1)
    claim = Mark(20, 46, (("class", "claim"), ("data-claim", "c1")), first=(("id", "c1"),))
    cue = Mark(3, 7, (("class", "cue"),), layer=2)
    written = render(body, 0, len(body), [quote, claim, cue])
    assert _untagged(written) == body  # the text reads exactly as published
    assert "&lt;that&gt;" in written and "&amp;" in written
    depth = 0
    for tag in re.findall(r"</?span", written):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0
    # the claim starts inside the quote and ends after it: two pieces, the id on the first
    pieces = re.findall(r'<span class="claim"[^>]*>', written)
    assert len(pieces) == 2
    assert 'id="c1"' in pieces[0] and 'data-piece="more"' in pieces[1]
    assert 'id="c1"' not in pieces[1]


def test_a_mark_is_cut_to_the_paragraph_it_is_written_in():
    body = "First paragraph ends.\nSecond one."
    claim = Mark(6, 27, (("class", "claim"),))
    first, second = render(body, 0, 21, [claim]), render(body, 22, len(body), [claim])
    assert _untagged(first) == body[:21] and _untagged(second) == body[22:]
    assert first.count("<span") == 1 and second.count("<span") == 1


# -- the collection --------------------------------------------------------------------------


@pytest.fixture(scope="module", params=BACKENDS)
def synth_url(request, tmp_path_factory) -> Iterator[str]:
    """A database on each backend holding the generated collection at :data:`SCALE`."""
    databases = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('synth') / 'newsdb.sqlite'}"
    else:
        databases = request.getfixturevalue("pg_databases")
        url = databases.create()
    engine = make_engine(url)
    migrate.upgrade(engine)
    synth.write(engine, SCALE)
    engine.dispose()
    yield url
    if databases is not None:
        databases.drop(url)


@pytest.fixture(scope="module")
def synth_session(synth_url) -> Iterator[Session]:
    engine = make_engine(synth_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def whole(synth_url, tmp_path_factory):
    """The report over every article, parsed."""
    out = tmp_path_factory.mktemp("whole") / "report.html"
    result = run(synth_url, "report", "-o", str(out))
    assert result.exit_code == 0, result.output
    return parse(out.read_text(encoding="utf-8"))


def _rows(dom, chart: str) -> list[tuple[str, list[int]]]:
    return [
        (a["data-label"], [int(v) for v in a["data-values"].split()])
        for _, a, _ in dom.having("data-chart")
        if a["data-chart"] == chart
    ]


def _shares(dom) -> dict[str, Counter]:
    buckets: dict[str, Counter] = defaultdict(Counter)
    for _, a, _ in dom.having("data-share-mode"):
        buckets[a["data-bucket"]][a["data-share-mode"]] += int(a["data-claims"])
    return buckets


def test_every_article_has_a_section_and_a_link_to_it(whole, synth_session):
    slugs = synth_session.scalars(select(Article.slug)).all()
    assert len(slugs) == 300
    sections = {a["id"] for t, a, _ in whole.having("id") if t == "section"}
    assert sections == {f"article-{s}" for s in slugs} | {"collection"}
    links = [a["href"] for t, a, _ in whole.having("href") if t == "a"]
    # one link to each article's section (the others go to claims, from their checks)
    to_sections = sorted(h for h in links if h.removeprefix("#") in sections)
    assert to_sections == sorted(f"#article-{s}" for s in slugs)


def test_the_months_together_hold_every_dated_claim(whole, synth_session):
    buckets = _shares(whole)
    dates = synth_session.scalars(
        select(Article.published_date).where(Article.published_date.is_not(None))
    ).all()
    assert set(buckets) == {f"{d.year}-{d.month:02d}" for d in dates}
    everything = sourcing.profile(synth_session, since=synth.FIRST_DAY, until=synth.LAST_DAY)
    summed = sum(buckets.values(), Counter())
    assert summed == Counter({m.attribution_mode: m.claims for m in everything if m.claims})


def test_the_charts_are_the_totals(whole, synth_session):
    heard = sourcing.source_totals(synth_session, limit=collection.TOP)
    assert _rows(whole, "heard") == [(f"{s.name} ({s.source_class})", [s.articles]) for s in heard]
    unheard = sourcing.unheard_totals(synth_session, limit=collection.TOP)
    assert [values for _, values in _rows(whole, "unheard")] == [
        [u.articles, u.heard_in] for u in unheard
    ]
    places = sourcing.geography_by_country(synth_session)[: collection.TOP]
    assert _rows(whole, "places") == [
        (p.country or "(no country)", [p.sources, p.events, p.party_states]) for p in places
    ]


def test_by_outlet_over_a_range(synth_url, synth_session, tmp_path):
    out = tmp_path / "2024.html"
    since, until = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    args = ["--since", str(since), "--until", str(until), "--by", "outlet"]
    result = run(synth_url, "report", *args, "-o", str(out))
    assert result.exit_code == 0, result.output
    dom = parse(out.read_text(encoding="utf-8"))
    chosen = synth_session.scalar(
        select(text("count(*)"))
        .select_from(Article)
        .where(Article.published_date.between(since, until))
    )
    assert sum(1 for t, a, _ in dom.having("id") if t == "section") == chosen + 1
    buckets = _shares(dom)
    assert 1 < len(buckets) <= collection.TOP + 1
    summary = sourcing.profile_summary(synth_session, since=since, until=until)
    assert sum(sum(c.values()) for c in buckets.values()) == summary.claims


def test_articles_named_by_slug_add_up(synth_url, synth_session, tmp_path):
    slugs = ["article-0000010", "article-0000020", "article-0000030"]
    out = tmp_path / "three.html"
    result = run(synth_url, "report", *(x for s in slugs for x in ("--article", s)), "-o", str(out))
    assert result.exit_code == 0, result.output
    dom = parse(out.read_text(encoding="utf-8"))
    assert {a["id"] for t, a, _ in dom.having("id") if t == "section"} == {
        "collection",
        *(f"article-{s}" for s in slugs),
    }
    heard: Counter[str] = Counter()
    for slug in slugs:
        for row in sourcing.actor_tally(synth_session, article=slug):
            heard[f"{row.name} ({row.source_class})"] += row.heard
    for label, [articles] in _rows(dom, "heard"):
        assert heard[label] == articles, label


# -- escaping and bad input ------------------------------------------------------------------


def test_every_string_from_the_database_is_escaped(mini, database_url, tmp_path):
    hostile = '<script>alert("x")</script> & <b>bold</b>'
    with Session(mini) as session, session.begin():
        session.execute(
            update(Article).values(headline=hostile, outlet=hostile, url="javascript:alert(1)")
        )
        session.execute(text("UPDATE actor SET name = :name"), {"name": hostile})
    out = tmp_path / "mini.html"
    result = run(database_url, "report", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 1  # the page's own
    assert "<b>bold</b>" not in page
    assert html.escape(hostile) in page
    assert 'href="javascript' not in page and "javascript:alert(1)" in page


def test_the_report_is_readable_as_any_new_file_is(mini, database_url, tmp_path):
    """Written through a temporary file (mkstemp makes it 0600), then given the mode open()
    would: a report is made to be shared."""
    out = tmp_path / "shared.html"
    (tmp_path / "plain").write_text("")
    assert run(database_url, "report", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE((tmp_path / "plain").stat().st_mode)


def test_an_unknown_article_is_one_line_and_nothing_is_written(mini, database_url, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("the old report", encoding="utf-8")
    result = run(database_url, "report", "--article", "no-such-article", "-o", str(out))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == "Error: no article with slug 'no-such-article'"
    assert out.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".html") == ["report.html"]


def test_a_missing_folder_is_one_line(mini, database_url, tmp_path):
    out = tmp_path / "nowhere" / "report.html"
    result = run(database_url, "report", "-o", str(out))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: cannot write {out}: no folder {out.parent}"


def test_a_range_that_ends_before_it_starts_is_refused(mini, database_url, tmp_path):
    out = tmp_path / "report.html"
    result = run(
        database_url, "report", "--since", "2024-02-01", "--until", "2024-01-01", "-o", str(out)
    )
    assert result.exit_code == 1
    assert "the range ends (2024-01-01) before it starts (2024-02-01)" in result.output
    assert not out.exists()
