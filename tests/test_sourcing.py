"""The sourcing questions, answered for the seed article on both backends, three ways.

The expected numbers come from the annotation file itself (read with yaml here), never from
the helpers; then the helpers, the views and the command line are held to one another.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import BACKENDS
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session

from newsdb import migrate, sourcing
from newsdb.cli import main
from newsdb.db import make_engine
from newsdb.listings import UnknownArticle
from newsdb.loader import load_folder, read_folder
from newsdb.models import Article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pakistan-iran-off-ramp"
MINI = Path(__file__).parent / "data" / "mini"
SLUG = "pakistan-iran-off-ramp"
SEED_DATE = dt.date(2024, 1, 19)
MINI_DATE = dt.date(2024, 3, 5)

HOSTILE = [
    "x'; DROP TABLE article; --",
    'a"b',
    "100%",
    "%",
    "_",
    "Робин; مرحبا; 你好",
    "pakistan-iran-off-ramp' OR '1'='1",
    "z" * 5000,
]


# -- the annotation file, read independently -------------------------------------------------


def _words(ref) -> str:
    return ref if isinstance(ref, str) else ref["text"]


@pytest.fixture(scope="module")
def doc() -> dict:
    return yaml.safe_load((SEED / "annotations.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def spans() -> dict:
    """Where the annotation's text references fall (placed by the loader, from the file)."""
    plan = read_folder(SEED)
    rows = {model.__name__: items for model, items in plan.rows.items()}
    return rows


def _sources_of(doc: dict) -> set[str]:
    return {q["speaker"] for q in doc["quotes"]} | {
        c["source"] for c in doc["claims"] if c.get("source")
    }


# -- one loaded database per backend, shared by the module -----------------------------------


@pytest.fixture(scope="module", params=BACKENDS)
def loaded_url(request, tmp_path_factory) -> Iterator[str]:
    """A database on each backend with the schema at head, the seed and the mini article."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sourcing') / 'newsdb.sqlite'}"
        databases = None
    else:
        databases = request.getfixturevalue("pg_databases")
        url = databases.create()
    engine = make_engine(url)
    migrate.upgrade(engine)
    for folder in (SEED, MINI):
        with Session(engine) as session, session.begin():
            load_folder(session, folder)
    engine.dispose()
    yield url
    if databases is not None:
        databases.drop(url)


@pytest.fixture(scope="module")
def loaded(loaded_url) -> Iterator[Engine]:
    engine = make_engine(loaded_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(loaded) -> Iterator[Session]:
    with Session(loaded) as session:
        yield session


# -- 1. sources ------------------------------------------------------------------------------


def test_sources_are_the_speakers_and_claim_sources(session, doc) -> None:
    rows = sourcing.sources(session, article=SLUG)
    assert {r.actor_slug for r in rows} == _sources_of(doc)
    assert len(rows) == len({r.actor_slug for r in rows})


def test_sources_count_quotes_words_and_claims(session, doc) -> None:
    quotes = Counter(q["speaker"] for q in doc["quotes"])
    words = Counter()
    for q in doc["quotes"]:
        if q["kind"] in ("direct", "partial"):
            words[q["speaker"]] += len(_words(q["text"]).split())
    claims = Counter(c["source"] for c in doc["claims"] if c.get("source"))
    rows = {r.actor_slug: r for r in sourcing.sources(session, article=SLUG)}
    assert {s: r.quotes for s, r in rows.items()} == {s: quotes[s] for s in rows}
    assert {s: r.words_quoted for s, r in rows.items()} == {s: words[s] for s in rows}
    assert {s: r.claims for s, r in rows.items()} == {s: claims[s] for s in rows}


def test_sources_tell_people_institutions_and_collectives_apart(session, doc) -> None:
    kinds = {a["slug"]: a["kind"] for a in doc["actors"]}
    sectors = {a["slug"]: a.get("sector", "unknown") for a in doc["actors"]}
    expected_class = {
        "person": "named person",
        "anonymous": "unnamed individual",
        "collective": "collective",
        "population": "collective",
    }
    for r in sourcing.sources(session, article=SLUG):
        assert r.kind == kinds[r.actor_slug]
        assert r.source_class == expected_class.get(r.kind, "institution")
        assert r.sector == sectors[r.actor_slug]
    classes = {r.source_class for r in sourcing.sources(session, article=SLUG)}
    assert {"named person", "institution", "collective"} <= classes


def test_sources_carry_affiliation_role_and_location(session, doc) -> None:
    names = {a["slug"]: a["name"] for a in doc["actors"]}
    part_of = {a["slug"]: a.get("part_of") for a in doc["actors"]}
    rows = {r.actor_slug: r for r in sourcing.sources(session, article=SLUG)}
    for f in doc["affiliations"]:
        if f["person"] not in rows:
            continue
        row = rows[f["person"]]
        organisation = f.get("organisation")
        parent = part_of.get(organisation)
        expected = ", ".join(names[o] for o in (organisation, parent) if o) or None
        assert row.affiliation == expected
        assert row.role == f.get("role")
        assert row.location == f.get("location")
    assert any(r.location == "Washington" for r in rows.values())
    # the article's "the Wilson Center's South Asia Institute": the parent is named too
    assert rows["michael-kugelman"].affiliation == "South Asia Institute, Wilson Center"


def test_sources_first_paragraph(session, spans) -> None:
    paragraphs = spans["Paragraph"]

    def paragraph(offset: int) -> int:
        return next(p["number"] for p in paragraphs if p["span_start"] <= offset <= p["span_end"])

    first: dict[str, int] = {}
    for model, actor_key in (
        ("Mention", "actor_id"),
        ("Quote", "speaker_id"),
        ("Claim", "source_id"),
    ):
        for row in spans[model]:
            if row[actor_key] is None:
                continue
            slug = row[actor_key][1]
            first[slug] = min(first.get(slug, row["span_start"]), row["span_start"])
    for r in sourcing.sources(session, article=SLUG):
        assert r.first_paragraph == paragraph(first[r.actor_slug])


# -- 2. attribution profile ------------------------------------------------------------------


def test_profile_counts_and_shares_by_mode(session, doc) -> None:
    counted = Counter(c["mode"] for c in doc["claims"])
    total = len(doc["claims"])
    rows = sourcing.profile(session, article=SLUG)
    assert [r.attribution_mode for r in rows] == list(sourcing.MODES)
    for r in rows:
        assert r.claims == counted[r.attribution_mode]
        assert r.share == pytest.approx(counted[r.attribution_mode] / total)
    assert sum(r.share for r in rows) == pytest.approx(1)


def test_profile_summary_share_of_named_claims(session, doc) -> None:
    total = len(doc["claims"])
    named = sum(c["mode"] in ("named_person", "institution") for c in doc["claims"])
    sourced = sum(bool(c.get("source")) for c in doc["claims"])
    summary = sourcing.profile_summary(session, article=SLUG)
    assert (summary.articles, summary.claims, summary.named_claims) == (1, total, named)
    assert summary.named_share == pytest.approx(named / total)
    assert summary.sourced_share == pytest.approx(sourced / total)


def test_profile_over_all_articles_sums_them(session, doc) -> None:
    mini = yaml.safe_load((MINI / "annotations.yaml").read_text(encoding="utf-8"))
    counted = Counter(c["mode"] for c in doc["claims"] + mini["claims"])
    rows = sourcing.profile(session)
    assert {r.attribution_mode: r.claims for r in rows} == {m: counted[m] for m in sourcing.MODES}
    assert sourcing.profile_summary(session).articles == 2


# -- 3. voice gaps ---------------------------------------------------------------------------


def _events_in_article(doc: dict) -> set[str]:
    return {e["slug"] for e in doc["events"] if e.get("mentions")} | {
        slug for c in doc["claims"] for slug in c.get("events", [])
    }


def test_voice_gaps_are_present_but_never_heard(session, doc) -> None:
    in_article = _events_in_article(doc)
    present = {a["slug"] for a in doc["actors"] if a.get("mentions")} | {
        p["actor"]
        for e in doc["events"]
        if e["slug"] in in_article
        for p in e.get("participants", [])
    }
    rows = sourcing.voice_gaps(session, article=SLUG)
    assert {r.actor_slug for r in rows} == present - _sources_of(doc)


def test_the_baluch_people_are_spoken_for_from_washington(session) -> None:
    gap = next(
        g for g in sourcing.voice_gaps(session, article=SLUG) if g.actor_slug == "baluch-people"
    )
    assert gap.spoken_for_by >= 1
    assert "Malik Siraj Akbar (Washington)" in gap.speakers
    rows = sourcing.spoken_for(session, article=SLUG, actor="baluch-people")
    assert {(r.speaker_slug, r.speaker_location) for r in rows} == {
        ("malik-siraj-akbar", "Washington")
    }


def test_spoken_for_is_a_mention_inside_someone_elses_quote_or_claim(session, spans) -> None:
    expected = set()
    for via, model, who in (("quote", "Quote", "speaker_id"), ("claim", "Claim", "source_id")):
        for item in spans[model]:
            if item[who] is None:
                continue
            for m in spans["Mention"]:
                inside = item["span_start"] <= m["span_start"] and m["span_end"] <= item["span_end"]
                if inside and m["actor_id"] != item[who]:
                    expected.add((m["actor_id"][1], via, item["key"], item[who][1]))
    rows = sourcing.spoken_for(session, article=SLUG)
    assert {(r.actor_slug, r.via, r.via_key, r.speaker_slug) for r in rows} == expected


# -- 4. geography ----------------------------------------------------------------------------


def test_geography_sets_sources_against_events_and_party_states(session, doc) -> None:
    actors = {a["slug"]: a for a in doc["actors"]}
    in_article = _events_in_article(doc)
    rows = sourcing.geography(session, article=SLUG)
    by_side = defaultdict(set)
    for r in rows:
        by_side[r.side].add((r.subject_slug, r.place, r.country))
    places = {f["person"]: f.get("location") for f in doc["affiliations"]}
    assert {s for s, _, _ in by_side["source"]} == _sources_of(doc)
    for slug, place, _ in by_side["source"]:
        assert place == places.get(slug)
    assert by_side["event"] == {
        (e["slug"], e.get("location"), e.get("country"))
        for e in doc["events"]
        if e["slug"] in in_article
    }
    assert {s for s, _, _ in by_side["party"]} == {
        p["actor"]
        for e in doc["events"]
        if e["slug"] in in_article
        for p in e.get("participants", [])
        if actors[p["actor"]]["kind"] == "state"
    }
    counted = {p.country: p for p in sourcing.geography_by_country(session, article=SLUG)}
    event_countries = Counter(e.get("country") for e in doc["events"] if e["slug"] in in_article)
    assert {c: p.events for c, p in counted.items() if p.events} == dict(event_countries)


# -- 5. corroboration ------------------------------------------------------------------------


def test_geography_lists_places_without_a_country_last_on_both_backends(session) -> None:
    rows = sourcing.geography(session, article=SLUG)
    for side in sourcing.SIDES:
        missing = [r.country is None for r in rows if r.side == side]
        assert missing == sorted(missing), side
    assert any(r.country is None for r in rows)  # "Washington" has no country


@pytest.mark.parametrize("places", [False, True], ids=["countries", "places"])
@pytest.mark.parametrize(
    "scope", [{}, {"article": SLUG}, {"since": MINI_DATE, "until": MINI_DATE}], ids=str
)
def test_geography_by_country_counts_the_listing(session, scope, places) -> None:
    """The counts, grouped in the database, are those of the listing's rows counted here."""
    seen: dict[tuple, dict[str, set]] = defaultdict(lambda: {s: set() for s in sourcing.SIDES})
    for row in sourcing.geography(session, **scope):
        key = (row.country, row.place if places else None)
        seen[key][row.side].add((row.article, row.subject_slug))
    expected = {key: tuple(len(sides[s]) for s in sourcing.SIDES) for key, sides in seen.items()}
    counted = sourcing.geography_by_country(session, places=places, **scope)
    got = {(p.country, p.place): (p.sources, p.events, p.party_states) for p in counted}
    assert got == expected
    assert len(counted) == len(got)
    totals = [p.sources + p.events + p.party_states for p in counted]
    assert totals == sorted(totals, reverse=True)


def _supporters(doc: dict) -> dict[str, set[str]]:
    """Per claim: its own source, the speakers of its quotes, and the sources of the claims
    it corroborates or that corroborate it."""
    speaker = {q["id"]: q["speaker"] for q in doc["quotes"]}
    source = {c["id"]: c.get("source") for c in doc["claims"]}
    support = {c["id"]: {source[c["id"]]} - {None} for c in doc["claims"]}
    for c in doc["claims"]:
        support[c["id"]] |= {speaker[k] for k in c.get("quotes", [])}
        for other in c.get("corroborates", []):
            support[c["id"]] |= {source[other]} - {None}
            support[other] |= {source[c["id"]]} - {None}
    return support


def test_corroboration_counts_distinct_sources(session, doc) -> None:
    support = _supporters(doc)
    rows = {r.claim_key: r for r in sourcing.corroboration(session, article=SLUG)}
    assert {k: r.sources for k, r in rows.items()} == {k: len(v) for k, v in support.items()}
    kinds = {a["slug"]: a["kind"] for a in doc["actors"]}
    for key, r in rows.items():
        people = sum(kinds[s] == "person" for s in support[key])
        assert r.named_person_sources == people
        assert r.support == {0: "none", 1: "single"}.get(len(support[key]), "multiple")
    none = {k for k, v in support.items() if not v}
    assert {r.claim_key for r in sourcing.corroboration(session, SLUG, support="none")} == none
    assert none  # the writer's own voice and agentless claims rest on no one


def test_conflicts_are_the_annotated_ones(session, doc) -> None:
    expected = {(c["id"], o) for c in doc["claims"] for o in c.get("conflicts", [])}
    rows = sourcing.conflicts(session, article=SLUG)
    assert {(r.claim_key, r.other_claim_key) for r in rows} == expected
    mini = sourcing.conflicts(session, article="mini-bridge")
    assert [(r.claim_key, r.other_claim_key) for r in mini] == [("more-will-fall", "disaster")]


# -- 6. event sourcing -----------------------------------------------------------------------


def test_event_sourcing_lists_the_claims_about_each_event(session, doc) -> None:
    expected = defaultdict(set)
    for c in doc["claims"]:
        for slug in c.get("events", []):
            expected[slug].add(c["id"])
    got = defaultdict(set)
    events = set()
    for r in sourcing.event_sourcing(session, article=SLUG):
        events.add(r.event_slug)
        if r.item == "claim":
            got[r.event_slug].add(r.item_key)
    assert got == expected
    assert events == _events_in_article(doc)


def test_the_nine_deaths_rest_on_an_agentless_report(session, doc) -> None:
    rows = sourcing.event_sourcing(session, article=SLUG, event="pakistan-strikes-iran")
    toll = [r for r in rows if r.item == "fatalities"]
    assert [(r.text, r.attribution_mode, r.source) for r in toll] == [
        ("killed nine people", "passive", None)
    ]
    nine = next(r for r in rows if r.item_key == "c-nine-killed")
    assert (nine.attribution_mode, nine.source) == ("passive", None)
    assert "were reported to" in nine.text


# -- 7. quote network ------------------------------------------------------------------------


def test_quote_network_from_mentions_inside_quotes(session, spans) -> None:
    edges = Counter()
    quotes = defaultdict(set)
    for q in spans["Quote"]:
        for m in spans["Mention"]:
            inside = q["span_start"] <= m["span_start"] and m["span_end"] <= q["span_end"]
            if inside and m["actor_id"] != q["speaker_id"]:
                edge = (q["speaker_id"][1], m["actor_id"][1])
                edges[edge] += 1
                quotes[edge].add(q["key"])
    rows = sourcing.quote_network(session, article=SLUG)
    assert {(r.speaker_slug, r.mentioned_slug): r.mentions for r in rows} == dict(edges)
    assert {(r.speaker_slug, r.mentioned_slug): r.quotes for r in rows} == {
        e: len(k) for e, k in quotes.items()
    }


# -- 8. claim checks -------------------------------------------------------------------------


def test_claim_checks(session, doc) -> None:
    checks = [(c["id"], k) for c in doc["claims"] for k in c.get("checks", [])]
    rows = sourcing.claim_checks(session, article=SLUG)
    assert {(r.claim_key, r.aspect, r.stated_value, r.checked_value, r.verdict) for r in rows} == {
        (key, k["aspect"], k["stated"], k.get("checked"), k["verdict"]) for key, k in checks
    }
    differing = {key for key, k in checks if k["verdict"] in ("contradicted", "partly_confirmed")}
    assert differing
    assert {r.claim_key for r in sourcing.claim_checks(session, SLUG, differing_only=True)} == (
        differing
    )


# -- scope: articles, dates, hostile values --------------------------------------------------


def test_date_range_selects_articles_by_publication_date(session) -> None:
    def articles(**scope) -> set[str]:
        return {r.article for r in sourcing.claims(session, **scope)}

    assert articles() == {SLUG, "mini-bridge"}
    assert articles(since=SEED_DATE, until=SEED_DATE) == {SLUG}
    assert articles(since=dt.date(2024, 2, 1)) == {"mini-bridge"}
    assert articles(until=dt.date(2024, 1, 18)) == set()
    assert articles(since=dt.datetime(2024, 3, 5, 12, 0)) == {"mini-bridge"}
    assert sourcing.profile_summary(session, until=dt.date(2023, 1, 1)).claims == 0


def test_range_ending_before_it_starts_is_refused(session) -> None:
    with pytest.raises(sourcing.BadRange):
        sourcing.sources(session, since=MINI_DATE, until=SEED_DATE)


TOTALS = [
    "source_totals",
    "unheard_totals",
    "network_totals",
    "toll_totals",
    "check_totals",
    "support_totals",
    "geography_by_country",
]


@pytest.mark.parametrize("helper", [*sourcing.HELPERS, "profile", "profile_summary", *TOTALS])
def test_unknown_article_is_refused(session, helper) -> None:
    with pytest.raises(UnknownArticle):
        getattr(sourcing, helper)(session, article="no-such-article")


@pytest.mark.parametrize("helper", [*sourcing.HELPERS, "profile", "profile_summary", *TOTALS])
def test_unknown_outlet_is_refused(session, helper) -> None:
    """Every helper narrows by outlet alone too (toll_totals once answered for every article)."""
    with pytest.raises(UnknownArticle):
        getattr(sourcing, helper)(session, outlet="no-such-outlet")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_only_parameters(session, value) -> None:
    with pytest.raises(UnknownArticle):
        sourcing.sources(session, article=value)
    assert sourcing.spoken_for(session, actor=value) == []
    with pytest.raises(sourcing.UnknownEvent):
        sourcing.event_sourcing(session, event=value)
    assert sourcing.claims(session, mode=value) == []
    for totals in TOTALS:
        with pytest.raises(UnknownArticle):
            getattr(sourcing, totals)(session, article=value)
    assert session.query(Article).count() == 2


# -- across a collection: totals per actor, from the tallies ---------------------------------


@pytest.fixture(scope="module")
def mini_doc() -> dict:
    return yaml.safe_load((MINI / "annotations.yaml").read_text(encoding="utf-8"))


def _heard(doc: dict) -> dict[str, tuple[int, int, int]]:
    """Per source of one annotation: (quote segments, words quoted, claims)."""
    quotes, words, claims = Counter(), Counter(), Counter()
    for q in doc["quotes"]:
        quotes[q["speaker"]] += 1
        if q["kind"] in ("direct", "partial"):
            words[q["speaker"]] += len(_words(q["text"]).split())
    for c in doc["claims"]:
        if c.get("source"):
            claims[c["source"]] += 1
    return {s: (quotes[s], words[s], claims[s]) for s in _sources_of(doc)}


def _mentioned(doc: dict) -> set[str]:
    return {a["slug"] for a in doc["actors"] if a.get("mentions")}


def test_source_totals_of_one_article_are_its_annotated_sources(session, doc) -> None:
    rows = sourcing.source_totals(session, article=SLUG)
    assert {r.actor_slug: (r.quotes, r.words_quoted, r.claims) for r in rows} == _heard(doc)
    assert {r.articles for r in rows} == {1}


def test_source_totals_add_up_across_articles(session, doc, mini_doc) -> None:
    expected: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for annotation in (doc, mini_doc):
        for slug, counts in _heard(annotation).items():
            expected[slug][0] += 1
            for i, n in enumerate(counts, 1):
                expected[slug][i] += n
    rows = sourcing.source_totals(session)
    got = {r.actor_slug: [r.articles, r.quotes, r.words_quoted, r.claims] for r in rows}
    assert got == dict(expected)
    # "analysts" is one actor in both annotations: heard in two articles
    assert got["analysts"][0] == 2
    assert [r.articles for r in rows] == sorted((r.articles for r in rows), reverse=True)


def test_unheard_totals_are_the_mentioned_never_heard(session, doc, mini_doc) -> None:
    rows = sourcing.unheard_totals(session, article=SLUG)
    assert {r.actor_slug for r in rows} == _mentioned(doc) - _sources_of(doc)
    assert {(r.articles, r.heard_in) for r in rows} == {(1, 0)}
    every = {r.actor_slug for r in sourcing.unheard_totals(session)}
    assert every == (_mentioned(doc) - _sources_of(doc)) | (
        _mentioned(mini_doc) - _sources_of(mini_doc)
    )


@pytest.mark.parametrize("helper", ["source_totals", "unheard_totals", "network_totals"])
def test_totals_limit_keeps_the_first_rows(session, helper) -> None:
    every = getattr(sourcing, helper)(session)
    assert len(every) > 3
    assert getattr(sourcing, helper)(session, limit=3) == every[:3]
    with pytest.raises(ValueError, match="at least 1"):
        getattr(sourcing, helper)(session, limit=0)


def test_totals_follow_the_date_range(session, mini_doc) -> None:
    rows = sourcing.source_totals(session, since=MINI_DATE, until=MINI_DATE)
    assert {r.actor_slug for r in rows} == _sources_of(mini_doc)
    assert sourcing.source_totals(session, until=dt.date(2000, 1, 1)) == []
    with pytest.raises(sourcing.BadRange):
        sourcing.unheard_totals(session, since=MINI_DATE, until=SEED_DATE)


def _tolls(doc: dict) -> Counter:
    """Per attribution mode, how many of the annotation's events give a death toll on it."""
    return Counter(e["fatalities"].get("attribution") for e in doc["events"] if e.get("fatalities"))


def test_toll_totals_are_the_annotated_tolls(session, doc, mini_doc) -> None:
    rows = sourcing.toll_totals(session, article=SLUG)
    assert {r.attribution_mode: (r.tolls, r.events, r.articles) for r in rows} == {
        mode: (n, n, 1) for mode, n in _tolls(doc).items()
    }
    assert _tolls(doc)["passive"] == 1  # the nine deaths "were reported to"
    assert [r.attribution_mode for r in rows] == sorted(
        (r.attribution_mode for r in rows), key=sourcing.MODES.index
    )
    assert all(r.label == sourcing.MODE_LABELS[r.attribution_mode] for r in rows)
    every = {r.attribution_mode: r for r in sourcing.toll_totals(session)}
    assert {mode: r.tolls for mode, r in every.items()} == dict(_tolls(doc) + _tolls(mini_doc))
    assert every["unnamed_official"].reporters == 1  # the mini article's officials
    assert every["passive"].reporters == 0


def test_check_totals_are_the_annotated_checks(session, doc) -> None:
    checks = Counter(
        (k["aspect"], k["verdict"]) for c in doc["claims"] for k in c.get("checks", [])
    )
    rows = sourcing.check_totals(session)
    assert {(r.aspect, r.verdict): r.checks for r in rows} == dict(checks)
    assert {r.articles for r in rows} == {1}
    assert all(r.differs == (r.verdict in ("contradicted", "partly_confirmed")) for r in rows)
    assert [r.differs for r in rows] == sorted((r.differs for r in rows), reverse=True)
    assert sourcing.check_totals(session, article="mini-bridge") == []


def test_support_totals_are_the_annotated_support(session, doc, mini_doc) -> None:
    def expected(annotation: dict) -> Counter:
        mode = {c["id"]: c["mode"] for c in annotation["claims"]}
        conflicted = {c["id"] for c in annotation["claims"] if c.get("conflicts")} | {
            o for c in annotation["claims"] for o in c.get("conflicts", [])
        }
        counted: Counter = Counter()
        for key, sources in _supporters(annotation).items():
            support = sourcing.SUPPORT[min(len(sources), 2)]
            counted[mode[key], support, "claims"] += 1
            counted[mode[key], support, "conflicted"] += key in conflicted
        return counted

    def got(rows) -> Counter:
        counted: Counter = Counter()
        for r in rows:
            counted[r.attribution_mode, r.support, "claims"] += r.claims
            counted[r.attribution_mode, r.support, "conflicted"] += r.conflicted
        return counted

    seed = sourcing.support_totals(session, article=SLUG)
    assert +got(seed) == +expected(doc)
    assert got(sourcing.support_totals(session)) == +(expected(doc) + expected(mini_doc))
    assert sum(r.conflicted for r in sourcing.support_totals(session)) == 2  # mini's pair
    order = [
        (sourcing.MODES.index(r.attribution_mode), sourcing.SUPPORT.index(r.support)) for r in seed
    ]
    assert order == sorted(order)
    assert all(r.label == sourcing.MODE_LABELS[r.attribution_mode] for r in seed)


#: each collection total, and the same counts from its per-article view
GROUPED = {
    "network_totals": (
        ["speaker_slug", "mentioned_slug", "articles", "quotes", "mentions"],
        (
            "SELECT speaker_slug, mentioned_slug, COUNT(*), SUM(quotes), SUM(mentions)"
            " FROM v_quote_network {where} GROUP BY speaker_slug, mentioned_slug"
        ),
    ),
    "toll_totals": (
        ["attribution_mode", "tolls", "events", "articles", "reporters"],
        (
            "SELECT attribution_mode, COUNT(*), COUNT(DISTINCT event_slug), COUNT(DISTINCT article),"
            " COUNT(DISTINCT source_slug) FROM v_event_sourcing"
            " {where} {and_} item = 'fatalities' GROUP BY attribution_mode"
        ),
    ),
    "support_totals": (
        ["attribution_mode", "support", "claims", "conflicted"],
        (
            "SELECT attribution_mode, support, COUNT(*),"
            " SUM(CASE WHEN conflicting_claims > 0 THEN 1 ELSE 0 END)"
            " FROM v_corroboration {where} GROUP BY attribution_mode, support"
        ),
    ),
    "check_totals": (
        ["aspect", "verdict", "differs", "checks", "articles"],
        (
            "SELECT aspect, verdict, differs, COUNT(*), COUNT(DISTINCT article)"
            " FROM v_claim_checks {where} GROUP BY aspect, verdict, differs"
        ),
    ),
}


@pytest.mark.parametrize("helper", sorted(GROUPED))
@pytest.mark.parametrize(
    "scope", [{}, {"article": SLUG}, {"since": MINI_DATE, "until": MINI_DATE}], ids=str
)
def test_collection_totals_are_their_views_grouped(session, helper, scope) -> None:
    columns, sql = GROUPED[helper]
    conditions = {
        "article": "article = :article",
        "since": "published_date >= :since",
        "until": "published_date <= :until",
    }
    where = " AND ".join(conditions[k] for k in scope)
    sql = sql.format(where=f"WHERE {where}" if where else "", and_=("AND" if where else "WHERE"))
    expected = sorted(
        (tuple(_plain(v) for v in row) for row in session.execute(text(sql), scope)), key=repr
    )
    rows = getattr(sourcing, helper)(session, **scope)
    assert _helper_rows(rows, columns) == expected
    if not scope:
        assert rows, helper


_ACTOR = "actor_slug, name, source_class, kind, sector, country"


@pytest.mark.parametrize(
    "scope", [{}, {"article": SLUG}, {"since": MINI_DATE, "until": MINI_DATE}], ids=repr
)
def test_totals_are_v_actor_tally_grouped_by_actor(session, scope) -> None:
    """The helpers group the tally table before joining actor (for speed); grouping the view
    by actor must give the same rows."""
    where = ["1 = 1"]
    if "article" in scope:
        where.append("article = :article")
    if "since" in scope:
        where.append("published_date >= :since AND published_date <= :until")
    sql = (
        f"SELECT {_ACTOR}, COUNT(*), SUM(quotes), SUM(words_quoted), SUM(claims), SUM(mentions)"
        f" FROM v_actor_tally WHERE {' AND '.join(where)} AND heard GROUP BY {_ACTOR}"
    )
    expected = sorted(tuple(row) for row in session.execute(text(sql), scope))
    # each total's fields come in the order of the query's columns
    # without ``by`` every row's group is None: the fields but the group, in query order
    got = sorted(astuple(r)[:-1] for r in sourcing.source_totals(session, **scope))
    assert got == expected and got
    assert {r.group for r in sourcing.source_totals(session, **scope)} == {None}
    sql = (
        f"SELECT {_ACTOR}, COUNT(*), SUM(mentions) FROM v_actor_tally"
        f" WHERE {' AND '.join(where)} AND NOT heard GROUP BY {_ACTOR}"
    )
    expected = sorted(tuple(row) for row in session.execute(text(sql), scope))
    got = sorted(astuple(r)[:-2] for r in sourcing.unheard_totals(session, **scope))  # heard_in
    assert got == expected and got


def test_v_actor_tally_agrees_with_v_sources(session) -> None:
    """Two ways to the same counts: v_sources counts the rows, v_actor_tally reads the
    tally the triggers keep."""
    columns = [
        "article",
        "actor_slug",
        "name",
        "source_class",
        "kind",
        "quotes",
        "words_quoted",
        "claims",
    ]
    assert _view_rows(session, "v_actor_tally", columns, "WHERE heard") == _view_rows(
        session, "v_sources", columns
    )


# -- the views give the helpers' answers -----------------------------------------------------


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return round(value, 9)
    return value


def _view_rows(session, view: str, columns: list[str], where: str = "", **params) -> list:
    sql = f"SELECT {', '.join(columns)} FROM {view} {where}"
    return sorted(
        (tuple(_plain(v) for v in row) for row in session.execute(text(sql), params)),
        key=repr,
    )


def _helper_rows(rows, columns: list[str]) -> list:
    return sorted((tuple(_plain(getattr(r, c)) for c in columns) for r in rows), key=repr)


@pytest.mark.parametrize("helper", sorted(sourcing.HELPERS))
@pytest.mark.parametrize("article", [SLUG, "mini-bridge", None])
def test_helper_and_view_agree(session, helper, article) -> None:
    view, row_type = sourcing.HELPERS[helper]
    columns = sourcing.view_columns(row_type)
    rows = getattr(sourcing, helper)(session, article=article)
    if article is None:
        expected = _view_rows(session, view, columns)
    else:
        expected = _view_rows(session, view, columns, "WHERE article = :a", a=article)
    assert _helper_rows(rows, columns) == expected
    if article is None:  # every view has rows (the seed annotates no conflicts; mini does)
        assert rows, f"{view} is empty"


def test_helper_and_view_agree_on_a_date_range(session) -> None:
    for helper, (view, row_type) in sourcing.HELPERS.items():
        columns = sourcing.view_columns(row_type)
        rows = getattr(sourcing, helper)(session, since=MINI_DATE, until=MINI_DATE)
        where = "WHERE published_date >= :s AND published_date <= :u"
        expected = _view_rows(session, view, columns, where, s=MINI_DATE, u=MINI_DATE)
        assert _helper_rows(rows, columns) == expected, helper


@pytest.mark.parametrize("article", [SLUG, "mini-bridge"])
def test_profile_and_its_views_agree(session, article) -> None:
    columns = ["attribution_mode", "mode_label", "names_source", "claims", "share"]
    expected = _view_rows(
        session, "v_attribution_profile", columns, "WHERE article = :a", a=article
    )
    assert _helper_rows(sourcing.profile(session, article), columns) == expected
    summary = sourcing.profile_summary(session, article)
    columns = ["claims", "named_claims", "named_share", "sourced_claims", "sourced_share"]
    expected = _view_rows(
        session, "v_attribution_summary", columns, "WHERE article = :a", a=article
    )
    assert _helper_rows([summary], columns) == expected


#: the views as migration 0002 first defined them: slow, but a plain statement of each answer
REFERENCE = Path(__file__).parent / "reference_views_0002.sql"


def _reference_views() -> dict[str, str]:
    views: dict[str, str] = {}
    name = None
    for line in REFERENCE.read_text().splitlines():
        if line.startswith("-- view: "):
            name = line.removeprefix("-- view: ").strip()
            views[name] = ""
        elif name is not None:
            views[name] += line + "\n"
    return views


@pytest.mark.parametrize("view", sorted(_reference_views()))
def test_rewritten_views_give_the_rows_of_their_first_definition(session, view) -> None:
    """The views were rewritten so that a date range reaches each branch and each count is one
    grouped pass; they must still give exactly the rows of their first definition, over
    everything, one article and a date range."""
    reference = f"({_reference_views()[view]}) reference"
    columns = list(session.execute(text(f"SELECT * FROM {view} WHERE 1 = 0")).keys())
    expected = _view_rows(session, reference, columns)
    assert expected, f"{view}: the seed gives no rows to compare"
    assert _view_rows(session, view, columns) == expected
    where = "WHERE article = :a"
    assert _view_rows(session, view, columns, where, a=SLUG) == _view_rows(
        session, reference, columns, where, a=SLUG
    )
    where = "WHERE published_date >= :s AND published_date <= :u"
    assert _view_rows(session, view, columns, where, s=MINI_DATE, u=MINI_DATE) == _view_rows(
        session, reference, columns, where, s=MINI_DATE, u=MINI_DATE
    )


@pytest.mark.parametrize(
    "scope", [{}, {"article": SLUG}, {"since": MINI_DATE, "until": MINI_DATE}], ids=repr
)
def test_speakers_and_supporters_are_those_of_spoken_for_and_claim_support(session, scope) -> None:
    """voice_gaps() and corroboration() name speakers / sources with a DISTINCT query over
    their own scope; the names are those spoken_for() and claim_support() give."""
    speakers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in sourcing.spoken_for(session, **scope):
        name = row.speaker + (f" ({row.speaker_location})" if row.speaker_location else "")
        if name not in speakers[row.article, row.actor_slug]:
            speakers[row.article, row.actor_slug].append(name)
    gaps = sourcing.voice_gaps(session, **scope)
    assert gaps
    assert [g.speakers for g in gaps] == [
        tuple(speakers.get((g.article, g.actor_slug), ())) for g in gaps
    ]
    supporters: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in sourcing.claim_support(session, **scope):
        supporters[row.article, row.claim_key].add(row.source)
    claims = sourcing.corroboration(session, **scope)
    assert claims
    assert [c.supported_by for c in claims] == [
        tuple(sorted(supporters.get((c.article, c.claim_key), ()))) for c in claims
    ]
    if not scope:
        assert any(g.speakers for g in gaps) and any(c.supported_by for c in claims)


@pytest.mark.parametrize(
    "scope",
    [{}, {"since": MINI_DATE, "until": MINI_DATE}, {"until": dt.date(2000, 1, 1)}],
    ids=repr,
)
def test_profile_is_its_view_summed_over_the_scope(session, scope) -> None:
    """profile() counts v_claims by mode; summing v_attribution_profile over the same articles
    must give the same counts, labels and order (and no rows where no claim is in scope)."""
    where = []
    if "since" in scope:
        where.append("published_date >= :since")
    if "until" in scope:
        where.append("published_date <= :until")
    sql = (
        "SELECT mode_order, attribution_mode, mode_label, names_source, SUM(claims)"
        " FROM v_attribution_profile"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY mode_order, attribution_mode, mode_label, names_source ORDER BY mode_order"
    )
    expected = [
        (order, mode, label, bool(names), int(claims))
        for order, mode, label, names, claims in session.execute(text(sql), scope)
    ]
    rows = sourcing.profile(session, **scope)
    assert [
        (r.mode_order, r.attribution_mode, r.mode_label, r.names_source, r.claims) for r in rows
    ] == expected
    total = sum(r.claims for r in rows)
    assert all(r.share == r.claims / total for r in rows)
    assert bool(rows) == ("until" not in scope or "since" in scope)


def test_shares_in_views_are_fractions_not_integer_division(session) -> None:
    shares = session.scalars(
        text("SELECT share FROM v_attribution_profile WHERE article = :a AND claims > 0"),
        {"a": SLUG},
    ).all()
    assert shares and all(0 < s < 1 for s in shares)


def test_every_view_carries_article_and_published_date(loaded) -> None:
    inspector = inspect(loaded)
    views = set(inspector.get_view_names())
    assert set(sourcing.VIEW_NAMES) <= views
    for view in sourcing.VIEW_NAMES:
        columns = [c["name"] for c in inspector.get_columns(view)]
        assert columns[:2] == ["article", "published_date"], view


# -- the command line ------------------------------------------------------------------------

COMMANDS = [
    "sources",
    "claims",
    "gaps",
    "profile",
    "corroboration",
    "geography",
    "event-sourcing",
    "network",
    "checks",
]


def _run(url: str, *args: str):
    return CliRunner().invoke(main, ["--database", url, *args])


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_has_summary_and_example(command) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    summary = result.output.split("\n\n")[1].strip()
    assert summary and "\n" not in summary
    assert "Example:" in result.output
    for option in ("--article", "--since", "--until", "--format"):
        assert option in result.output


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_every_command_runs_in_every_format(loaded_url, command, fmt) -> None:
    result = _run(loaded_url, command, "--article", SLUG, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list)


def test_sources_json(loaded_url, doc) -> None:
    result = _run(loaded_url, "sources", "--article", SLUG, "--format", "json")
    rows = json.loads(result.stdout)
    keys = {"name", "sector", "affiliation", "role", "location", "quotes", "claims"}
    assert all(keys <= set(r) for r in rows)
    quotes = Counter(q["speaker"] for q in doc["quotes"])
    assert {r["actor_slug"]: r["quotes"] for r in rows} == {s: quotes[s] for s in _sources_of(doc)}


def test_claims_json(loaded_url, doc) -> None:
    result = _run(loaded_url, "claims", "--article", SLUG, "--format", "json")
    rows = json.loads(result.stdout)
    keys = {"article", "text", "attribution_mode", "source", "cue", "paragraph"}
    assert all(keys <= set(r) for r in rows)
    assert len(rows) == len(doc["claims"])
    assert Counter(r["attribution_mode"] for r in rows) == Counter(c["mode"] for c in doc["claims"])
    assert all(
        (r["source"] is None) == (r["attribution_mode"] in ("passive", "writer")) for r in rows
    )


def test_profile_table_names_the_share(loaded_url, doc) -> None:
    result = _run(loaded_url, "profile", "--article", SLUG)
    named = sum(c["mode"] in ("named_person", "institution") for c in doc["claims"])
    assert f"{named} of {len(doc['claims'])} claims name who said them" in result.stdout
    assert "passive or agentless" in result.stdout


def test_checks_show_only_differing_unless_all(loaded_url, doc) -> None:
    checks = [k for c in doc["claims"] for k in c.get("checks", [])]
    differing = [k for k in checks if k["verdict"] in ("contradicted", "partly_confirmed")]
    some = json.loads(_run(loaded_url, "checks", "--format", "json").stdout)
    every = json.loads(_run(loaded_url, "checks", "--all", "--format", "json").stdout)
    assert (len(some), len(every)) == (len(differing), len(checks))


def test_sources_and_gaps_totals_json(loaded_url, doc, mini_doc) -> None:
    result = _run(loaded_url, "sources", "--totals", "--format", "json")
    rows = {r["actor_slug"]: r for r in json.loads(result.stdout)}
    keys = {"name", "sector", "source_class", "country", "articles", "quotes", "claims"}
    assert all(keys <= set(r) for r in rows.values())
    assert set(rows) == _sources_of(doc) | _sources_of(mini_doc)
    result = _run(loaded_url, "gaps", "--totals", "--article", SLUG, "--format", "json")
    rows = json.loads(result.stdout)
    assert {r["actor_slug"] for r in rows} == _mentioned(doc) - _sources_of(doc)
    table = _run(loaded_url, "gaps", "--totals", "--article", SLUG).stdout
    assert table.splitlines()[0].split() == [
        "name",
        "kind",
        "country",
        "articles",
        "mentions",
        "heard_in",
    ]


def test_totals_top(loaded_url) -> None:
    result = _run(loaded_url, "sources", "--totals", "--top", "2", "--format", "json")
    assert len(json.loads(result.stdout)) == 2
    result = _run(loaded_url, "gaps", "--top", "2")
    assert result.exit_code == 2
    assert "--top goes with --totals" in result.output


def test_collection_totals_on_the_command_line(loaded_url, doc) -> None:
    result = _run(loaded_url, "checks", "--totals", "--format", "json")
    rows = json.loads(result.stdout)
    assert sum(r["checks"] for r in rows) == sum(len(c.get("checks", [])) for c in doc["claims"])
    result = _run(loaded_url, "event-sourcing", "--totals", "--article", SLUG, "--format", "json")
    rows = json.loads(result.stdout)
    assert {r["attribution_mode"]: r["tolls"] for r in rows} == dict(_tolls(doc))
    result = _run(loaded_url, "corroboration", "--totals", "--support", "none", "--format", "json")
    rows = json.loads(result.stdout)
    assert {r["support"] for r in rows} == {"none"}
    assert sum(r["claims"] for r in rows) == sum(not v for v in _supporters(doc).values())
    result = _run(loaded_url, "network", "--totals", "--top", "2", "--format", "json")
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and all(r["articles"] >= 1 for r in rows)
    table = _run(loaded_url, "network", "--totals", "--article", SLUG).stdout
    assert table.splitlines()[0].split() == [
        "speaker",
        "mentioned",
        "mentioned_kind",
        "articles",
        "quotes",
    ]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["sources", "--top", "2"], "--top goes with --totals"),
        (["network", "--top", "2"], "--top goes with --totals"),
        (["event-sourcing", "--totals", "--event", "x"], "--event and --totals do not go"),
        (["corroboration", "--totals", "--conflicts"], "--conflicts and --totals do not go"),
        (["checks", "--totals", "--all"], "--all and --totals do not go"),
        (["geography", "--detail", "--places"], "--places and --detail do not go"),
    ],
)
def test_options_at_odds_are_refused_before_the_database_is_opened(tmp_path, args, says) -> None:
    missing = tmp_path / "none.sqlite"
    result = _run(f"sqlite:///{missing}", *args)
    assert result.exit_code == 2
    # one line, naming the help to read
    assert result.output.splitlines() == [
        f"Error: {says}{result.output.split(says, 1)[1].splitlines()[0]}"
    ]
    assert f"(see 'newsdb {args[0]} --help')" in result.output
    assert not missing.exists()


def test_date_options(loaded_url) -> None:
    result = _run(loaded_url, "claims", "--since", "2024-02-01", "--format", "json")
    assert {r["article"] for r in json.loads(result.stdout)} == {"mini-bridge"}
    result = _run(loaded_url, "sources", "--since", "2024-03-01", "--until", "2024-01-01")
    assert result.exit_code == 1
    assert "before it starts" in result.output
    result = _run(loaded_url, "sources", "--since", "last week")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2024-13-01", "month must be in 1..12"),
        ("2024-02-30", "day is out of range for month"),
        ("2024-2-3", "write it as YYYY-MM-DD"),
        ("last week", "write it as YYYY-MM-DD"),
    ],
)
def test_a_bad_date_says_what_is_wrong_in_one_line(tmp_path, value, says) -> None:
    missing = tmp_path / "none.sqlite"
    result = _run(f"sqlite:///{missing}", "geography", "--since", value)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: Invalid value for '--since': {value!r} is not a day: {says}"
        + " (see 'newsdb geography --help')"
    ]
    assert not missing.exists()


@pytest.mark.parametrize(
    "args",
    [["--bogus", "sources"], ["sources", "--bogus"], ["sources", "--format", "xml"], ["nope"]],
)
def test_bad_usage_is_one_line_and_exit_2(args) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1, result.output
    assert result.output.startswith("Error: ") and "--help')" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_article_is_one_line_exit_1(loaded_url, command) -> None:
    result = _run(loaded_url, command, "--article", "no-such-article")
    assert result.exit_code == 1
    assert "Error: no article with slug 'no-such-article'" in result.output
    assert "Traceback" not in result.output


def test_unknown_event_is_one_line_exit_1(loaded_url) -> None:
    result = _run(loaded_url, "event-sourcing", "--event", "no-such-event")
    assert result.exit_code == 1
    assert "Error: no event with slug 'no-such-event'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_article_on_the_command_line(loaded_url, loaded, value) -> None:
    result = _run(loaded_url, "sources", "--article", value)
    assert result.exit_code == 1
    assert "no article with slug" in result.output
    with Session(loaded) as session:
        assert session.query(Article).count() == 2
