"""The tallies a bulk load counts from plans (:mod:`newsdb.plan_tally`), held to the definition
of record (:data:`newsdb.tally.TALLIES`) on both backends: plan by plan against the SQL recount
of the article as stored, and as stored after bulk loads of many articles (new ones, ones
sharing actors, an updated one, a batch refused and stored again one at a time).

The annotations: the seed, the mini article, and the mini article made "rich": a mention inside
a quote of another actor and one of the speaker (network), an indirect quote (no words
counted), a claim with no source resting on a quote, a claim with several sources (its own,
its quotes' speaker, a corroborating claim's) that conflicts with another both ways; a source
placed by its parent, a state and a person as parties, an event only claimed about, a place
from an affiliation (geography, :mod:`newsdb.batch_geography`).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import MINI
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from newsdb import bulk, plan_tally, tally
from newsdb.loader import read_folder
from newsdb.models import ClaimRelation, EventReport, Mention, Quote

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-iran-off-ramp"


def article_from(source: Path, folder: Path, slug: str, edit=None) -> Path:
    """The article of ``source`` as ``slug``: its text a word longer (its own sha256), its
    annotation changed by ``edit`` if given."""
    shutil.copytree(source, folder)
    body = (folder / "article.txt").read_bytes() + f" Copy {slug}.".encode()
    (folder / "article.txt").write_bytes(body)
    path = folder / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["article"]["slug"] = slug
    doc["article"]["sha256"] = hashlib.sha256(body).hexdigest()
    if edit:
        edit(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def rich(doc: dict) -> None:
    """The mini article with every case the tallies tell apart (see the module's doc)."""
    actors = {a["slug"]: a for a in doc["actors"]}
    actors["officials"]["mentions"].append("them")  # inside Jane Doe's "We warned them,"
    actors["jane-doe"]["mentions"].append("It")  # inside her own "It was a disaster,"
    doc["quotes"].append(
        {"id": "analysts-1", "speaker": "analysts", "kind": "indirect", "text": "more will fall"}
    )
    claims = {c["id"]: c for c in doc["claims"]}
    claims["bridge-fell"]["quotes"] = ["doe-2"]
    claims["bridge-fell"]["corroborates"] = ["more-will-fall"]
    claims["bridge-fell"]["conflicts"] = ["disaster"]
    claims["disaster"]["conflicts"] = ["bridge-fell"]  # the same pair the other way: once
    claims["more-will-fall"]["quotes"] = ["analysts-1"]
    doc["claims"].append(
        {
            "id": "three-died",
            "text": "killing three people",
            "proposition": "Three people died.",
            "mode": "writer",
            "quotes": ["doe-1", "doe-2"],
            "events": ["bridge-inquiry"],  # an event the article only makes a claim about
        }
    )
    # geography: a source placed by its parent, a state party, a source's place
    doc["actors"] += [
        {"slug": "freedonia", "name": "Freedonia", "kind": "state", "country": "FR"},
        {
            "slug": "ministry",
            "name": "the ministry",
            "kind": "organisation",
            "part_of": "freedonia",
        },
    ]
    doc["quotes"].append(
        {"id": "ministry-1", "speaker": "ministry", "kind": "indirect", "text": "the bridge fell"}
    )
    doc["events"][0]["participants"].append({"actor": "freedonia", "role": "affected"})
    doc["events"].append(
        {
            "slug": "bridge-inquiry",
            "name": "an inquiry",
            "type": "other",
            "location": "Springfield",
            "country": "US",
        }
    )
    doc["affiliations"][0]["location"] = "Springfield"


def undated(doc: dict) -> None:
    doc["article"]["published"] = {"origin": "unknown"}


def _plain(value):
    """A value as both backends and the plan compare: a date in ISO form, a vocabulary
    member as its string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value) if isinstance(value, str) else value


def planned(plan) -> dict[str, set[tuple]]:
    """The plan's four tallies, natural keys as their keys."""
    return {
        table: {tuple(_plain(v[1] if isinstance(v, tuple) else v) for v in row) for row in rows}
        for table, rows in plan_tally.of_plan(plan).items()
    }


def recounted(connection: Connection, slug: str) -> dict[str, set[tuple]]:
    """The SQL recount of TALLIES for the stored article ``slug``, in the plan's columns,
    actors and claims by slug and key."""
    names = {
        **{("actor", i): s for i, s in connection.execute(text("SELECT id, slug FROM actor"))},
        **{("claim", i): k for i, k in connection.execute(text("SELECT id, key FROM claim"))},
    }
    kinds = {"actor_id": "actor", "speaker_id": "actor", "mentioned_id": "actor"}
    kinds["claim_id"] = "claim"
    article = connection.execute(text("SELECT id FROM article WHERE slug = :s"), {"s": slug})
    article_id = article.scalar_one()
    out = {}
    for table, columns in plan_tally.COLUMNS.items():
        query = f"SELECT * FROM ({tally.TALLIES[table][1]}) r WHERE r.article_id = :id"
        every = tally.TALLIES[table][0]
        rows = connection.execute(text(query), {"id": article_id}).all()
        out[table] = {
            tuple(
                _plain(
                    names[(kinds[c], row[every.index(c)])] if c in kinds else row[every.index(c)]
                )
                for c in columns
            )
            for row in rows
        }
    return out


def assert_exact(engine) -> None:
    with Session(engine) as session:
        assert tally.differences(session.connection()) == []


@pytest.fixture
def folders(tmp_path) -> dict[str, Path]:
    """The articles: seed copies, mini copies (sharing actors), rich copies, an undated one."""
    made = {}
    for slug, source, edit in [
        ("seed-1", SEED, None),
        ("seed-2", SEED, None),
        ("mini-1", MINI, None),
        ("rich-1", MINI, rich),
        ("mini-2", MINI, None),
        ("rich-2", MINI, rich),
        ("undated", MINI, rich_undated),
    ]:
        made[slug] = article_from(source, tmp_path / slug, slug, edit)
    return made


def test_each_plans_tallies_are_the_sql_recount_of_its_rows(engine, folders) -> None:
    plans = list(bulk.read_folders(folders.values()))
    summary = bulk.load_many(engine, iter(plans))
    assert (summary.inserted, summary.failed) == (len(folders), [])
    counted = set()
    with engine.connect() as connection:
        for plan in plans:
            mine = planned(plan)
            assert mine == recounted(connection, plan.article["slug"]), plan.article["slug"]
            counted.update(table for table, rows in mine.items() if rows)
    assert counted == set(plan_tally.COLUMNS)  # every tally had rows to compare
    assert_exact(engine)


def test_the_rich_article_counts_what_its_annotation_says(tmp_path) -> None:
    """The cases of :func:`rich` are there to count (else the test above proves less)."""
    mine = planned(read_folder(article_from(MINI, tmp_path / "r", "r", rich)))
    network = {(s, m): (q, n) for s, m, _date, q, n in mine["article_network_tally"]}
    assert network == {("jane-doe", "officials"): (1, 1)}  # not her own "It"
    support = {c: (s, k) for c, _date, _mode, s, k in mine["claim_support_tally"]}
    assert support["bridge-fell"] == (3, 1)  # officials, jane-doe (doe-2), analysts
    assert support["three-died"] == (1, 0)  # no source of its own; jane-doe's quotes
    assert support["disaster"] == (1, 2)  # bridge-fell (both ways, once), more-will-fall
    actors = {a: (m, q, w, c) for a, _date, m, q, w, c in mine["article_actor_tally"]}
    assert actors["analysts"][1:3] == (1, 0)  # one indirect quote: no words


def test_a_bulk_load_places_the_rich_articles_sources_events_and_parties(engine, folders):
    bulk.load_many(engine, bulk.read_folders([folders["rich-1"]]))
    assert_exact(engine)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT g.side, COALESCE(x.slug, e.slug), g.country, g.place"
                " FROM article_geography_tally g"
                " LEFT JOIN actor x ON g.side <> 'event' AND x.id = g.subject_id"
                " LEFT JOIN event e ON g.side = 'event' AND e.id = g.subject_id"
            )
        )
        places = {(side, slug): (country, place) for side, slug, country, place in rows}
    assert places[("source", "ministry")] == ("FR", None)  # by its parent
    assert places[("source", "jane-doe")] == (None, "Springfield")  # her affiliation's place
    assert places[("party", "freedonia")] == ("FR", "Freedonia")
    assert ("party", "jane-doe") not in places  # a party, but no state
    assert places[("event", "bridge-inquiry")] == ("US", "Springfield")  # claimed about only


def test_a_shared_actor_completed_later_in_the_batch_places_the_articles_before(engine, tmp_path):
    """An article held before another of its batch gives a shared actor a country is placed
    by the country (placed when written); one written before (a slow store in between writes
    it) is placed again by the actor's triggers."""

    def country(slug: str, code: str):
        def edit(doc: dict) -> None:
            next(a for a in doc["actors"] if a["slug"] == slug)["country"] = code

        return edit

    bulk.load_many(engine, bulk.read_folders([article_from(MINI, tmp_path / "m", "m")]))
    first = [
        article_from(MINI, tmp_path / "g0", "g0"),
        article_from(MINI, tmp_path / "g1", "g1"),  # held, then acme-corp given a country
        article_from(MINI, tmp_path / "g2", "g2", country("acme-corp", "FR")),
    ]
    second = [
        article_from(MINI, tmp_path / "h0", "h0"),
        article_from(MINI, tmp_path / "h1", "h1"),  # held and written before the next
        article_from(MINI, tmp_path / "m2", "m", undated),  # stored the slow way
        article_from(MINI, tmp_path / "h2", "h2", country("analysts", "GB")),
    ]
    placed = {}
    for folders, inserted in ((first, 3), (second, 3)):  # batches of 1, 2 (and of 1, 3)
        summary = bulk.load_many(engine, bulk.read_folders(folders), batch=3)
        assert (summary.inserted, summary.failed) == (inserted, [])
        assert_exact(engine)
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT a.slug, x.slug, g.country FROM article_geography_tally g"
                    " JOIN article a ON a.id = g.article_id JOIN actor x ON x.id = g.subject_id"
                    " WHERE g.side = 'source' AND x.slug IN ('jane-doe', 'analysts')"
                )
            )
            placed = {(article, actor): code for article, actor, code in rows}
        if folders is first:
            assert placed[("g1", "jane-doe")] == "FR"  # by her organisation, acme-corp
    assert placed[("h1", "analysts")] == "GB"
    assert placed[("g1", "analysts")] == "GB"


def test_a_bulk_load_stores_the_plans_tallies_and_recounts_the_rest(engine, folders, tmp_path):
    """The four tallies of new articles are the plan's (a tally made wrong by hand shows);
    geography, and every tally of an article stored the slow way, is the recount."""
    real = plan_tally.of_plan

    def one_mention_too_many(plan):
        tallies = copy.deepcopy(real(plan))
        row = tallies["article_actor_tally"][0]
        tallies["article_actor_tally"][0] = (row[0], row[1], row[2] + 1, *row[3:])
        return tallies

    bulk.load_many(engine, bulk.read_folders([folders["mini-1"]]))
    bulk.plan_tally.of_plan = one_mention_too_many  # read_one's, in this process
    try:
        changed = article_from(MINI, tmp_path / "changed", "mini-1", rich)
        plans = list(bulk.read_folders([changed, folders["rich-1"]]))
    finally:
        bulk.plan_tally.of_plan = real
    bulk.load_many(engine, iter(plans), batch=2)  # batches of 1 (the update), then 1
    with Session(engine) as session:
        found = tally.differences(session.connection())
    assert {(d.table, d.side) for d in found} == {
        ("article_actor_tally", "stored"),
        ("article_actor_tally", "recounted"),
    }
    with engine.connect() as connection:
        rich_id = connection.scalar(text("SELECT id FROM article WHERE slug = 'rich-1'"))
    assert {d.row[0] for d in found} == {rich_id}  # the updated article's are recounted


def test_updated_new_and_refused_articles_in_batches(engine, folders, tmp_path) -> None:
    """New articles among updated ones, one held then stored again changed in the same batch
    (its tallies then the recount's), and a batch the database refuses, stored again one by
    one."""
    first = [folders["mini-1"], folders["rich-1"], folders["seed-1"]]
    assert bulk.load_many(engine, bulk.read_folders(first)).inserted == 3
    made = {
        "changed": article_from(MINI, tmp_path / "changed", "rich-1", undated),  # rich no more
        "rich-3": article_from(MINI, tmp_path / "rich-3", "rich-3", rich),
        "rich-3 undated": article_from(MINI, tmp_path / "r3u", "rich-3", rich_undated),
        "mini-3": article_from(MINI, tmp_path / "mini-3", "mini-3"),
        "bad": article_from(MINI, tmp_path / "bad", "bad", rich),
        "rich-4": article_from(MINI, tmp_path / "rich-4", "rich-4", rich),
    }
    # batches of 1, 2 and 4: the last holds rich-3, then stores it changed the slow way
    second = [folders["mini-2"], made["changed"], folders["rich-2"], made["rich-3"]]
    second += [made["rich-3 undated"], folders["seed-2"], folders["undated"]]
    plans = list(bulk.read_folders(second))
    summary = bulk.load_many(engine, iter(plans))
    assert (summary.inserted, summary.updated, summary.failed) == (5, 2, [])
    assert_exact(engine)
    # batches of 1 and 2: the second refused, stored again one by one
    third = list(bulk.read_folders([made["mini-3"], made["bad"], made["rich-4"]]))
    rows = third[1].unpack()  # packed by read_one, read-only
    (report,) = [r for r in rows[EventReport] if r["fatalities"] is not None]
    report["fatalities"] = 2**40  # refused by the database alone
    summary = bulk.load_many(engine, iter(third))
    assert [f.what for f in summary.failed] == [str(made["bad"] / "annotations.yaml")]
    assert summary.inserted == 2
    assert_exact(engine)
    last = {
        plan.article["slug"]: plan for plan in [*plans, *third] if plan.article["slug"] != "bad"
    }
    with engine.connect() as connection:
        for slug, plan in last.items():
            assert planned(plan) == recounted(connection, slug), slug


def rich_undated(doc: dict) -> None:
    rich(doc)
    undated(doc)


def test_a_changed_quote_or_relation_changes_the_counts(tmp_path) -> None:
    """The counts follow what they count: a word more in a quote, a mention moved into a
    quote, a conflict taken away."""
    plan = read_folder(article_from(MINI, tmp_path / "m", "m", rich))
    before = planned(plan)
    quote = next(q for q in plan.rows[Quote] if q["key"] == "doe-1")
    quote["text"] += " truly"  # the plan alone: the text is not looked at again
    relations = plan.rows[ClaimRelation]
    plan.rows[ClaimRelation] = [r for r in relations if r["relation"] != "conflicts"]
    mention = next(m for m in plan.rows[Mention] if m["actor_id"] == ("actor", "acme-corp"))
    mention["span_start"], mention["span_end"] = quote["span_start"], quote["span_start"] + 2
    after = planned(plan)

    def actor(tallies, slug):
        return next(r for r in tallies["article_actor_tally"] if r[0] == slug)

    assert actor(after, "jane-doe")[4] == actor(before, "jane-doe")[4] + 1  # words
    conflicts = {r[0]: r[4] for r in after["claim_support_tally"]}
    assert set(conflicts.values()) == {0} != {r[4] for r in before["claim_support_tally"]}
    pairs = {(r[0], r[1]) for r in after["article_network_tally"]}
    assert pairs - {(r[0], r[1]) for r in before["article_network_tally"]} == {
        ("jane-doe", "acme-corp")
    }
