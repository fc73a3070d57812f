"""`newsdb load` over many articles in one call: every article whole or not at all, a bad one
reported and skipped, an interrupted run finished by running it again, the tallies exact."""

from __future__ import annotations

import hashlib
import pickle
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from newsdb import batch_write, bulk, fingerprint, tally, workers
from newsdb import rows as newsdb_rows
from newsdb.cli import main
from newsdb.loader import load_folder, read_folder
from newsdb.loader.packed import PackedRows
from newsdb.models import Base, EventReport
from newsdb.verify import problems

MINI = Path(__file__).parent / "data" / "mini"


def run(url: str, *args: str, catch: bool = False):
    return CliRunner().invoke(main, ["--database", url, *args], catch_exceptions=catch)


def copy_of_mini(folder: Path, i: int, edit=None) -> Path:
    """The mini article as article ``copy-i``: its text one word longer (so its own sha256),
    its annotation changed by ``edit`` if given."""
    shutil.copytree(MINI, folder)
    body = (folder / "article.txt").read_bytes() + f" Copy {i}.".encode()
    (folder / "article.txt").write_bytes(body)
    path = folder / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["article"]["slug"] = f"copy-{i}"
    doc["article"]["sha256"] = hashlib.sha256(body).hexdigest()
    if edit:
        edit(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def copies(root: Path, n: int) -> list[Path]:
    return [copy_of_mini(root / f"article-{i:02d}", i) for i in range(n)]


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            t.name: connection.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


def slugs(engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(text("SELECT slug FROM article ORDER BY slug")))


def assert_exact(engine, edited: set[str] = frozenset()) -> None:
    """Every span matches its text and every tally a recount from the rows it counts; the
    rows are as loaded but in the tables ``edited`` by hand, which verify names."""
    with Session(engine) as session:
        found = problems(session)
        assert [p for p in found if p.check != "annotation"] == []
        assert {p.table for p in found if p.check == "annotation"} == edited
        assert tally.differences(session.connection()) == []


@pytest.fixture
def one_article(engine) -> dict[str, int]:
    """The rows one copy of the mini article adds (actors and events shared: counted once)."""
    with Session(engine) as session, session.begin():
        load_folder(session, MINI)
    counts = row_counts(engine)
    with engine.begin() as connection:
        tally.rebuild(connection)
    return counts


def test_many_folders_in_one_call(engine, database_url, tmp_path):
    folders = copies(tmp_path, 3)
    result = run(database_url, "load", *map(str, folders))
    assert result.exit_code == 0, result.output
    assert "3 article(s)" in result.output and "3 new" in result.output
    assert slugs(engine) == ["copy-0", "copy-1", "copy-2"]
    counts = row_counts(engine)
    assert counts["quote"] == 3 * 2 and counts["claim"] == 3 * 3
    assert counts["actor"] == 4  # shared by slug, stored once
    assert_exact(engine)


def test_a_folder_of_folders_with_worker_processes(engine, database_url, tmp_path):
    copies(tmp_path / "collection" / "2024", 3)
    copies(tmp_path / "collection" / "2025", 0)
    copy_of_mini(tmp_path / "collection" / "2025" / "last", 9)
    result = run(database_url, "load", "--jobs", "2", str(tmp_path / "collection"))
    assert result.exit_code == 0, result.output
    assert slugs(engine) == ["copy-0", "copy-1", "copy-2", "copy-9"]
    assert_exact(engine)


def test_a_bad_article_among_good_ones(engine, database_url, tmp_path):
    good = copies(tmp_path, 3)

    def unknown_speaker(doc: dict) -> None:
        doc["quotes"][1]["speaker"] = "nobody"

    bad = copy_of_mini(tmp_path / "bad", 7, unknown_speaker)
    result = run(database_url, "load", str(good[0]), str(bad), *map(str, good[1:]))
    assert result.exit_code == 1
    assert f"{bad / 'annotations.yaml'}:" in result.output
    assert "quotes[1].speaker: unknown actor 'nobody'" in result.output
    assert "1 of 4 article(s) failed" in result.output.strip().splitlines()[-1]
    assert slugs(engine) == ["copy-0", "copy-1", "copy-2"]  # nothing of copy-7
    assert_exact(engine)


def test_an_article_at_odds_with_a_stored_one_is_skipped_whole(engine, database_url, tmp_path):
    """Refused only when written (a shared event dated otherwise): its savepoint undoes it."""
    good = copies(tmp_path, 2)

    def other_date(doc: dict) -> None:
        doc["events"][0]["date"]["start"] = "2024-03-03"
        doc["quotes"][0]["speaker"] = "officials"  # a change that would touch the tallies

    odd = copy_of_mini(tmp_path / "odd", 5, other_date)
    result = run(database_url, "load", str(good[0]), str(odd), str(good[1]))
    assert result.exit_code == 1
    assert "is shared with 'copy-0'" in result.output and "nothing written" in result.output
    assert re.search(r"odd/annotations\.yaml:\d+: events\[0\]\.date\.start: ", result.output)
    assert slugs(engine) == ["copy-0", "copy-1"]
    assert_exact(engine)


def test_an_interrupted_run_is_finished_by_running_it_again(
    engine, database_url, tmp_path, monkeypatch, one_article
):
    folders = copies(tmp_path, 6)
    real, calls = bulk.store, []

    def store_then_stop(session, plan, *rest):
        calls.append(plan.article["slug"])
        if len(calls) == 4:
            raise KeyboardInterrupt  # stopped while writing the fourth article
        return real(session, plan, *rest)

    monkeypatch.setattr(bulk, "store", store_then_stop)
    stopped = run(database_url, "load", *map(str, folders), catch=True)
    assert stopped.exit_code != 0
    # batches of 1, 2, 4...: the first three articles were committed, the fourth's batch not
    assert slugs(engine) == ["copy-0", "copy-1", "copy-2", "mini-bridge"]
    assert_exact(engine)

    monkeypatch.setattr(bulk, "store", real)
    again = run(database_url, "load", *map(str, folders))
    assert again.exit_code == 0, again.output
    assert "3 new" in again.output and "3 unchanged" in again.output
    counts = row_counts(engine)
    assert counts["article"] == 7
    for table in ("quote", "claim", "mention", "claim_quote", "event_report", "paragraph"):
        assert counts[table] == 7 * one_article[table], table
    assert_exact(engine)


def test_loading_the_same_folders_twice_changes_nothing(engine, database_url, tmp_path):
    root = tmp_path / "collection"
    copies(root, 4)
    assert run(database_url, "load", str(root)).exit_code == 0
    before = row_counts(engine)
    result = run(database_url, "load", str(root))
    assert result.exit_code == 0, result.output
    assert "0 new, 0 updated, 4 unchanged" in result.output
    assert row_counts(engine) == before


def test_tallies_equal_a_recount_when_a_bulk_load_changes_a_shared_actor(engine, tmp_path):
    """An article of the batch gives a shared actor a country it lacked: the articles outside
    the batch that hear it are placed again (the shared tables' triggers stay on)."""
    with Session(engine) as session, session.begin():
        load_folder(session, MINI)  # Acme Corp, no country

    def acme_in_france(doc: dict) -> None:
        next(a for a in doc["actors"] if a["slug"] == "acme-corp")["country"] = "FR"

    folders = [copy_of_mini(tmp_path / "a", 1), copy_of_mini(tmp_path / "b", 2, acme_in_france)]
    summary = bulk.load_many(engine, bulk.read_folders(folders))
    assert (summary.inserted, summary.failed) == (2, [])
    with engine.connect() as connection:
        countries = connection.execute(
            text(
                "SELECT a.slug, g.country FROM article_geography_tally g"
                " JOIN article a ON a.id = g.article_id JOIN actor s ON s.id = g.subject_id"
                " WHERE g.side = 'source' AND s.slug = 'jane-doe' ORDER BY a.slug"
            )
        ).all()
    assert [tuple(r) for r in countries] == [
        ("copy-1", "FR"),
        ("copy-2", "FR"),
        ("mini-bridge", "FR"),
    ]
    assert_exact(engine)


def test_the_triggers_are_on_again_after_a_bulk_load(engine, tmp_path):
    bulk.load_many(engine, bulk.read_folders(copies(tmp_path, 2)))
    with engine.begin() as connection:
        connection.execute(
            text(
                "DELETE FROM claim_quote WHERE quote_id IN"
                " (SELECT id FROM quote WHERE key = 'doe-2')"
            )
        )
        connection.execute(text("UPDATE quote SET continues_id = NULL"))
        connection.execute(text("DELETE FROM quote WHERE key = 'doe-2'"))
    assert_exact(engine, edited={"quote"})


def test_progress_shows_a_bar_on_a_terminal_and_one_line_elsewhere():
    import io

    live = io.StringIO()
    progress = bulk.Progress(total=4, stream=live, live=True)
    for ok in (True, True, False, True):
        progress.advance(ok)
    summary = bulk.Summary(inserted=3, failed=[bulk.Failure("x", "bad")], rows=10, seconds=2.0)
    progress.finish(summary)
    assert "4/4" in live.getvalue() and "articles/s" in live.getvalue()
    plain = io.StringIO()
    bulk.Progress(total=4, stream=plain, live=False).finish(summary)
    assert plain.getvalue() == (
        "4 article(s) in 2.0 s (2.0/s): 3 new, 0 updated, 0 unchanged, 1 failed; 10 rows written\n"
    )


def test_an_undone_article_leaves_nothing_for_the_next_of_its_batch(engine, tmp_path):
    """The first to name a new actor fails after storing it: its savepoint takes the actor
    away, and the next article of the same batch stores the actor afresh."""
    with Session(engine) as session, session.begin():
        load_folder(session, MINI)
    newcomer = {"slug": "newcomer", "name": "Newcomer", "kind": "person", "mentions": ["Copy"]}

    def with_newcomer(doc: dict) -> None:
        doc["actors"].append(dict(newcomer))

    def with_newcomer_and_other_date(doc: dict) -> None:
        with_newcomer(doc)
        doc["events"][0]["date"]["start"] = "2024-03-03"

    folders = [
        copy_of_mini(tmp_path / "first", 0),  # a batch of its own: the next two share one
        copy_of_mini(tmp_path / "a", 1, with_newcomer_and_other_date),
        copy_of_mini(tmp_path / "b", 2, with_newcomer),
    ]
    summary = bulk.load_many(engine, bulk.read_folders(folders))
    assert [f.what for f in summary.failed] == [str(folders[1] / "annotations.yaml")]
    assert summary.inserted == 2
    with engine.connect() as connection:
        rows = (
            connection.execute(
                text(
                    "SELECT a.slug FROM mention m JOIN actor s ON s.id = m.actor_id"
                    " JOIN article a ON a.id = m.article_id WHERE s.slug = 'newcomer'"
                )
            )
            .scalars()
            .all()
        )
    assert rows == ["copy-2"]
    assert slugs(engine) == ["copy-0", "copy-2", "mini-bridge"]
    assert_exact(engine)


def test_a_batch_the_database_refuses_is_stored_again_one_by_one(engine, tmp_path):
    """New articles' rows are written together; a value only the database refuses undoes that
    batch, and storing it again article by article names the bad one. (The format refuses a
    toll past 2**31-1 since newsdb.limits; the plan is given one after checking, as a value the
    planner passed but a constraint of the database does not: read_one packed its rows,
    read-only, so they are unpacked to change.)"""
    good = copies(tmp_path, 4)
    bad = copy_of_mini(tmp_path / "bad", 7)
    plans = list(bulk.read_folders([*good[:3], bad, good[3]]))
    rows = plans[3].unpack()
    (report,) = [r for r in rows[EventReport] if r["fatalities"] is not None][:1]
    report["fatalities"] = 2**40  # held by ck_event_report_fatalities_max alone
    # batches of 1, 2 and 4: the bad one in the third, with good ones before and after it
    summary = bulk.load_many(engine, iter(plans))
    (failure,) = summary.failed
    assert str(bad) in failure.what
    assert "refused by the database" in failure.reason and "nothing written" in failure.reason
    assert summary.inserted == 4
    assert slugs(engine) == ["copy-0", "copy-1", "copy-2", "copy-3"]
    counts = row_counts(engine)
    assert counts["quote"] == 4 * 2 and counts["event_report"] == 4 * 1
    assert_exact(engine)


def test_new_and_stored_articles_in_one_batch(engine, database_url, tmp_path, one_article):
    """A batch that holds new articles' rows and stores others the slow way (an article
    changed, the same one twice): every row once, ids not reused, the tallies exact."""
    first = copies(tmp_path / "first", 2)
    assert run(database_url, "load", *map(str, first)).exit_code == 0

    def one_quote_fewer(doc: dict) -> None:
        doc["quotes"].pop()  # doe-2: no claim rests on it

    changed = copy_of_mini(tmp_path / "changed", 0, one_quote_fewer)
    f2, f3, f4, f5, f6 = copies(tmp_path / "fresh", 7)[2:]
    # batches of 1, 2 and 4: the last holds copy-5, stores copy-0 changed, holds copy-6, and
    # meets copy-5 again
    folders = [f2, f3, f4, f5, changed, f6, f5]
    summary = bulk.load_many(engine, bulk.read_folders(folders))
    assert (summary.inserted, summary.updated, summary.unchanged) == (5, 1, 1)
    assert summary.failed == []
    assert slugs(engine) == [f"copy-{i}" for i in range(7)] + ["mini-bridge"]
    counts = row_counts(engine)
    assert counts["quote"] == 8 * one_article["quote"] - 1
    assert counts["claim"] == 8 * one_article["claim"]
    assert_exact(engine)


def _groups(circle: bool):
    def edit(doc: dict) -> None:
        next(a for a in doc["actors"] if a["slug"] == "acme-corp")["part_of"] = "acme-group"
        doc["actors"] += [
            {
                "slug": "acme-group",
                "name": "Acme Group",
                "kind": "organisation",
                "part_of": "acme-holding",
                "mentions": [],
            },
            {
                "slug": "acme-holding",
                "name": "Acme Holding",
                "kind": "organisation",
                "part_of": "acme-group" if circle else None,
                "mentions": [],
            },
        ]

    return edit


def _actors(engine) -> tuple[list[str], list[tuple[str, str]]]:
    """The actors' slugs in the order of their ids, and (actor, parent) pairs."""
    with engine.connect() as connection:
        order = connection.execute(text("SELECT slug FROM actor ORDER BY id")).scalars().all()
        parents = connection.execute(
            text(
                "SELECT a.slug, p.slug FROM actor a JOIN actor p ON p.id = a.parent_id"
                " ORDER BY a.slug"
            )
        ).all()
    return order, [tuple(r) for r in parents]


@pytest.mark.parametrize("circle", [False, True])
def test_new_actors_name_their_parents_in_any_order(engine, tmp_path, circle):
    """New actors are inserted with their parents in one write, ids in the annotation's order:
    parents listed after their parts; two that name each other (a circle, which verify would
    report) are refused with the article, and the next article is loaded."""
    folders = [copy_of_mini(tmp_path / "a", 1, _groups(circle)), copy_of_mini(tmp_path / "b", 2)]
    summary = bulk.load_many(engine, bulk.read_folders(folders))
    if circle:
        assert summary.inserted == 1 and len(summary.failed) == 1
        assert "makes a cycle: 'acme-group' -> 'acme-holding' -> 'acme-group'" in str(
            summary.failed[0].lines()
        )
        assert slugs(engine) == ["copy-2"]
        assert_exact(engine)
        return
    assert (summary.inserted, summary.failed) == (2, [])
    order, parents = _actors(engine)
    mini = [a["slug"] for a in yaml.safe_load((MINI / "annotations.yaml").read_text())["actors"]]
    assert order == [*mini, "acme-group", "acme-holding"]
    assert parents == [("acme-corp", "acme-group"), ("acme-group", "acme-holding")]
    assert_exact(engine)


def test_a_plan_read_for_bulk_finds_a_problems_line_in_its_file_and_none_once_it_changed(
    tmp_path,
):
    """read_one leaves the YAML out of the plan (sent from a worker, held while a batch is
    written) and reads it again for a problem's line; a file changed since gives no line
    rather than a wrong one."""
    folder = copy_of_mini(tmp_path / "one", 1)
    plan = bulk.read_one(folder)
    assert plan.source is None and plan.fingerprints is not None
    assert plan.fail("at odds", "events", 0, "date", "start").problems[0].line is not None
    path = folder / "annotations.yaml"
    path.write_text("\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert plan.fail("at odds", "events", 0, "date", "start").problems[0].line is None


def _sent(plan):
    """The plan as the writer gets it from a worker process."""
    return pickle.loads(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))


def test_a_packed_plan_sent_from_a_worker_stores_what_its_dict_rows_would(engine, tmp_path):
    """read_one packs a plan's rows (column names once, a tuple a column) to send it from a
    worker and write it: read back they are the planned dicts, their fingerprint is the
    same, and stored through pickle (new, updated the slow way, at odds with a stored one)
    the rows are those verify holds to the fingerprint taken from the dicts."""
    folders = copies(tmp_path / "new", 3)

    def other_date(doc: dict) -> None:
        doc["events"][0]["date"]["start"] = "2024-03-03"

    odd = copy_of_mini(tmp_path / "odd", 5, other_date)
    planned = read_folder(folders[0])
    sent = _sent(bulk.read_one(folders[0]))
    assert isinstance(sent.rows, PackedRows) and not isinstance(planned.rows, PackedRows)
    size = len(pickle.dumps(sent))
    assert {model: [dict(row) for row in sent.rows[model]] for model in sent.rows} == planned.rows
    assert len(pickle.dumps(sent)) == size  # the rows read as dicts are not sent too
    assert fingerprint.of_plan(replace(sent, fingerprints=None)) == fingerprint.of_plan(planned)
    unpacked = replace(sent, rows=dict(planned.rows))
    assert len(pickle.dumps(sent)) < len(pickle.dumps(unpacked))

    summary = bulk.load_many(engine, [_sent(bulk.read_one(f)) for f in [*folders, odd]])
    assert summary.inserted == 3 and [f.what for f in summary.failed] == [
        str(odd / "annotations.yaml")
    ]
    assert re.search(
        r"odd/annotations\.yaml:\d+: events\[0\]\.date\.start: ", summary.failed[0].reason
    )

    def one_quote_fewer(doc: dict) -> None:
        doc["quotes"].pop()

    changed = copy_of_mini(tmp_path / "changed", 1, one_quote_fewer)
    summary = bulk.load_many(engine, [_sent(bulk.read_one(changed))])
    assert (summary.updated, summary.failed) == (1, [])
    assert row_counts(engine)["quote"] == 3 * 2 - 1
    assert_exact(engine)


def test_packed_rows_are_read_only_and_unpacked_to_change():
    """A packed plan's rows read as dicts cannot be changed (the change would be lost):
    unpacked, they can, and packed again they hold the change."""
    plan = bulk.read_one(MINI)
    (first, *_) = plan.rows[EventReport]
    with pytest.raises(TypeError):
        first["fatalities"] = 7
    plan.unpack()[EventReport][0]["fatalities"] = 7
    assert plan.pack()[EventReport][0]["fatalities"] == 7
    assert plan.pack().column(EventReport, "fatalities")[0] == 7
    with pytest.raises(ValueError, match="event_report"):
        PackedRows({EventReport: [{"fatalities": 1}, {"fatalities": 2, "note": None}]})


def test_worker_processes_by_default_only_for_many_articles(monkeypatch):
    monkeypatch.setattr(bulk.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7})
    assert [bulk.default_jobs(n) for n in (1, 31, 32, 10_000)] == [1, 1, 4, 4]
    monkeypatch.setattr(bulk.os, "sched_getaffinity", lambda pid: {0, 1})
    assert bulk.default_jobs(500) == 2
    monkeypatch.setattr(bulk.os, "sched_getaffinity", lambda pid: {0})
    assert bulk.default_jobs(500) == 1


def test_many_folders_are_read_by_workers_unasked(engine, database_url, tmp_path, monkeypatch):
    """32 folders or more, and no --jobs: read in worker processes, loaded as ever."""
    monkeypatch.setattr(bulk.os, "sched_getaffinity", lambda pid: {0, 1})
    seen = []
    real = bulk.read_folders

    def recorded(folders, jobs=1, max_size=None):
        seen.append(jobs)
        return real(folders, jobs, max_size)

    monkeypatch.setattr(bulk, "read_folders", recorded)
    copies(tmp_path, 33)
    result = run(database_url, "load", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert seen == [2] and "33 new" in result.output
    assert len(slugs(engine)) == 33
    assert_exact(engine)


def test_the_collector_runs_less_often_while_loading_and_as_before_after(engine):
    import gc

    before, seen = gc.get_threshold(), []

    def items():
        seen.append(gc.get_threshold())
        yield from ()

    bulk.load_many(engine, items())
    assert seen == [(workers.WRITER_COLLECT_EVERY, *before[1:])]
    assert gc.get_threshold() == before


def test_workers_by_default_where_processor_affinity_is_unknown(monkeypatch):
    """macOS and Windows have no sched_getaffinity: every processor counts."""
    monkeypatch.delattr(bulk.os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(bulk.os, "cpu_count", lambda: 2)
    assert bulk.default_jobs(500) == 2
    monkeypatch.setattr(bulk.os, "cpu_count", lambda: None)
    assert bulk.default_jobs(500) == 1


def batches(total: int, known: bool, batch: int = bulk.BATCH) -> list[int]:
    """The sizes of the batches load_many writes ``total`` articles in, each batch as full as
    :func:`newsdb.bulk.next_size` allows."""
    sizes, size, done = [], 1, 0
    while done < total:
        sizes.append(min(size, total - done))
        done += sizes[-1]
        size = bulk.next_size(size, batch, total - done if known else None)
    return sizes


def test_batches_grow_from_one_and_shrink_towards_a_known_end():
    blind, known = batches(1000, known=False), batches(1000, known=True)
    assert blind[:8] == known[:8] == [1, 2, 4, 8, 16, 32, 64, 100]
    assert blind[-2:] == [100, 73]  # the last batch, written alone once reading is done
    assert max(known) == bulk.BATCH and known[-1] < 2 * bulk.LAST_BATCH
    assert known[-5:] == sorted(known[-5:], reverse=True)  # halving
    assert sum(known) == 1000
    assert batches(5, known=True) == [1, 2, 2]  # fewer than LAST_BATCH left: all of them
    # in the last batch's worth, what the workers have read, no fewer than LAST_BATCH
    assert bulk.next_size(100, 100, left=87, ready=62) == 62
    assert bulk.next_size(100, 100, left=87, ready=3) == bulk.LAST_BATCH
    assert bulk.next_size(100, 100, left=5, ready=0) == 5
    assert bulk.next_size(100, 100, left=173, ready=150) == 87  # before: halves
    assert batches(3, known=True, batch=2) == [1, 2]


def test_newsdb_load_tells_the_writer_how_many_articles_come(
    engine, database_url, tmp_path, monkeypatch
):
    sizes, real = [], bulk._write_batch

    def counted(engine, plans, *args):
        plans = list(plans)
        sizes.append(len(plans))
        return real(engine, plans, *args)

    monkeypatch.setattr(bulk, "_write_batch", counted)
    copies(tmp_path, 33)
    result = run(database_url, "load", "--jobs", "1", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sizes == batches(33, known=True) != batches(33, known=False)
    assert len(slugs(engine)) == 33
    assert_exact(engine)


def test_a_bulk_loads_rows_are_written_with_statement_journals_in_memory(
    engine, tmp_path, monkeypatch
):
    """What newsdb.bulk writes a batch's rows under, and leaves the connection with."""
    seen = []

    def write_rows(connection, *args):
        if connection.dialect.name == "sqlite":
            seen.append(_temp_store(connection))
        return newsdb_rows.write_rows(connection, *args)

    monkeypatch.setattr(batch_write, "write_rows", write_rows)
    summary = bulk.load_many(engine, bulk.read_folders(copies(tmp_path, 3)))
    assert summary.inserted == 3
    if engine.dialect.name == "sqlite":
        assert seen and set(seen) == {2}
        with engine.connect() as connection:
            assert _temp_store(connection) == 0  # the default again


def _temp_store(connection) -> int:
    return connection.connection.driver_connection.execute("PRAGMA temp_store").fetchone()[0]


def test_newsdb_load_starts_its_workers_before_it_opens_the_database(
    engine, database_url, tmp_path, monkeypatch
):
    """They read while the folders are walked on and the schema is checked; the process they
    are forked from has no connection open then."""
    import multiprocessing

    from newsdb.cli import App

    seen, real, walk = [], App.upgrade, bulk.Folders.all

    def upgrade(app):
        seen.append((len(multiprocessing.active_children()), "engine" in app.__dict__))
        return real(app)

    def walked(folders):
        seen.append(("walked", len(multiprocessing.active_children())))
        return walk(folders)

    monkeypatch.setattr(App, "upgrade", upgrade)
    monkeypatch.setattr(bulk.Folders, "all", walked)
    copies(tmp_path, 33)
    result = run(database_url, "load", "--jobs", "2", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert seen == [("walked", 2), (2, False)] and "33 new" in result.output
    assert multiprocessing.active_children() == []
    assert_exact(engine)


def test_a_database_out_of_reach_leaves_no_worker_running(tmp_path):
    import multiprocessing

    copies(tmp_path / "articles", 40)
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'newsdb.sqlite'}"
    result = run(url, "load", "--jobs", "2", str(tmp_path / "articles"), catch=True)
    assert result.exit_code == 1
    assert "cannot open" in result.output and "no folder" in result.output
    assert multiprocessing.active_children() == []


def test_folders_are_walked_as_far_as_asked_and_given_all_in_order(tmp_path):
    copies(tmp_path / "a", 3)
    copy_of_mini(tmp_path / "b" / "deep" / "one", 7)
    copies(tmp_path / "c", 2)
    every = list(bulk.article_folders([tmp_path]))
    folders = bulk.Folders([tmp_path])
    assert folders.first(2) == every[:2] and folders.found == every[:2]  # no further
    walked = iter(folders)
    assert [next(walked) for _ in range(3)] == every[:3]
    assert folders.all() == every
    assert list(walked) == every[3:] and list(folders) == every
    assert bulk.Folders([tmp_path]).first(100) == every
