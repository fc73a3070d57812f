"""Actors and events are shared by slug: an article never overwrites what another relies on.

Loading a second article that gives a shared event another date, or a shared actor another
kind, used to replace the first article's values without a word. Now it is refused with the
file, the line and the articles that have the stored value, and nothing is written; a value
the shared row lacks is added, one the second article does not give is kept, and an actor or
event that only the article itself refers to may change freely.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from conftest import MINI, mini_again
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session
from test_loader import row_counts, run

from newsdb.loader import read_folder, store

SEED = Path(__file__).resolve().parents[1] / "seeds" / "pakistan-iran-off-ramp"


def _actors(engine: Engine) -> dict[str, tuple]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT slug, kind, sector, country FROM actor"))
        return {row[0]: tuple(row[1:]) for row in rows}


def _event_start(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT start_date FROM event")).scalar_one())


def _refused(engine: Engine, database_url: str, folder: Path, where: str, says: str) -> None:
    before = row_counts(engine)
    result = run(database_url, "load", str(folder))
    assert result.exit_code == 1
    message = result.output.strip().splitlines()[-1]
    assert message.startswith(f"Error: {folder / 'annotations.yaml'}:"), message
    assert f": {where}: " in message and says in message, message
    assert "shared with 'mini-bridge'" in message and message.endswith("nothing written")
    assert "Traceback" not in result.output
    assert row_counts(engine) == before


def test_another_date_for_a_shared_event_is_refused(engine, database_url, tmp_path) -> None:
    assert run(database_url, "load", str(MINI)).exit_code == 0

    def move(doc: dict) -> None:
        doc["events"][0]["date"]["start"] = "2024-03-03"

    folder = mini_again(tmp_path, move)
    _refused(
        engine,
        database_url,
        folder,
        "events[0].date.start",
        "its date.start is '2024-03-04', not '2024-03-03'",
    )
    assert _event_start(engine) == "2024-03-04"


def test_another_kind_for_a_shared_actor_is_refused(engine, database_url, tmp_path) -> None:
    assert run(database_url, "load", str(MINI)).exit_code == 0

    def rename(doc: dict) -> None:
        doc["actors"][0]["kind"] = "organisation"

    folder = mini_again(tmp_path, rename)
    _refused(
        engine, database_url, folder, "actors[0].kind", "its kind is 'person', not 'organisation'"
    )


def test_a_value_is_added_and_one_left_unsaid_is_kept(engine, database_url, tmp_path) -> None:
    assert run(database_url, "load", str(MINI)).exit_code == 0

    def edit(doc: dict) -> None:
        del doc["actors"][0]["sector"]  # says nothing of Jane Doe's sector
        doc["actors"][1]["country"] = "US"  # says where Acme Corp is
        doc["events"][0]["date"] = {"as_written": "on Monday"}  # no resolved date

    result = run(database_url, "load", str(mini_again(tmp_path, edit)))
    assert result.exit_code == 0, result.output
    actors = _actors(engine)
    assert actors["jane-doe"] == ("person", "business", None)
    assert actors["acme-corp"] == ("organisation", "business", "US")
    assert _event_start(engine) == "2024-03-04"


def test_an_article_may_change_what_only_it_refers_to(engine, database_url, tmp_path) -> None:
    assert run(database_url, "load", str(MINI)).exit_code == 0
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    path = folder / "annotations.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("start: 2024-03-04", "start: 2024-03-03"),
        encoding="utf-8",
    )
    result = run(database_url, "load", str(folder))
    assert result.exit_code == 0, result.output
    assert "updated: 1 event" in result.output
    assert _event_start(engine) == "2024-03-03"


def test_loads_at_once_run_one_after_the_other(engine: Engine, tmp_path: Path) -> None:
    """Four articles sharing their annotator, actors and event, stored by four threads at
    once: each load waits for the one before. On SQLite the loads used to read, all find no
    annotator yet, and collide on inserting it."""
    folders = [MINI]
    for name in "bcd":
        (tmp_path / name).mkdir()

        def rename(doc: dict, name: str = name) -> None:
            doc["article"]["slug"] = f"mini-{name}"

        folders.append(mini_again(tmp_path / name, rename, f"\nMore {name}.".encode()))
    plans = [read_folder(folder) for folder in folders]
    start, errors = threading.Barrier(len(plans)), []

    def load(plan) -> None:
        start.wait()
        try:
            with Session(engine) as session, session.begin():
                store(session, plan)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=load, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with engine.connect() as connection:
        counts = [
            connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
            for table in ("article", "annotator", "actor", "event")
        ]
    assert counts == [4, 1, 4, 1]


def test_an_article_held_in_the_same_batch_counts_as_another(engine, database_url, tmp_path):
    """A batch's new articles have their rows written together at its end: until then the
    database cannot tell that one relies on a shared actor, and a later article of the same
    batch that gave it another kind replaced the earlier one's without a word."""

    def rename(doc: dict) -> None:
        doc["actors"][0]["kind"] = "organisation"

    again = mini_again(tmp_path, rename)
    # batches of 1 (the seed article, which shares no actor with these), then 2: the mini
    # article and mini-again are held together
    result = run(database_url, "load", str(SEED), str(MINI), str(again))
    assert result.exit_code == 1, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    expected = (
        f"failed: {again / 'annotations.yaml'}:29: actors[0].kind: actor 'jane-doe' is shared"
        " with 'mini-bridge', where its kind is 'person', not 'organisation': make the"
        " annotations agree, or give this actor a slug of its own; nothing written"
    )
    assert failed == [expected]
    assert _actors(engine)["jane-doe"][0] == "person"


def _part_of(slug: str, parent: str, section: str = "actors", attr: str = "part_of"):
    def edit(doc: dict) -> None:
        for item in doc[section]:
            if item["slug"] == slug:
                item[attr] = parent

    return edit


def test_a_parent_that_closes_a_cycle_with_another_articles_is_refused(
    engine, database_url, tmp_path
) -> None:
    """mini-bridge makes officials part of Acme Corp; mini-again, Acme Corp part of officials:
    each file is without a cycle, the two together are not (``newsdb verify`` refused them)."""
    first = mini_again(tmp_path / "1", _part_of("officials", "acme-corp"), b"\nOne.")
    assert run(database_url, "load", str(first)).exit_code == 0
    second = mini_again(tmp_path / "2", _part_of("acme-corp", "officials"), b"\nTwo.")
    second = second.rename(second.with_name("mini-other"))
    before = row_counts(engine)
    result = run(database_url, "load", str(second))
    assert result.exit_code == 1
    message = result.output.strip().splitlines()[-1]
    assert message.startswith(f"Error: {second / 'annotations.yaml'}:"), message
    assert ": actors[1].part_of: makes a cycle with the actors other articles stored:" in message
    assert "'acme-corp' -> 'officials' -> 'acme-corp'" in message
    assert row_counts(engine) == before
    assert run(database_url, "verify").exit_code == 0


def test_a_cycle_across_articles_of_one_call_refuses_the_second(engine, database_url, tmp_path):
    first = mini_again(tmp_path / "1", _part_of("officials", "acme-corp"), b"\nOne.")
    first = first.rename(first.with_name("one"))
    second = mini_again(tmp_path / "2", _part_of("acme-corp", "officials"), b"\nTwo.")
    second = second.rename(second.with_name("two"))
    result = run(database_url, "load", str(first), str(second))
    assert result.exit_code == 1
    assert f"failed: {second / 'annotations.yaml'}:" in result.output
    assert "makes a cycle" in result.output and "1 new" in result.output
    assert run(database_url, "verify").exit_code == 0


def test_an_event_parent_that_closes_a_cycle_is_refused(engine, database_url, tmp_path):
    def inquiry(parent: str | None, edit=None):
        def add(doc: dict) -> None:
            event = {"slug": "inquiry", "name": "the inquiry", "type": "other"}
            event["mentions"] = ["An inquiry began"]
            doc["events"].append({**event, **({"parent": parent} if parent else {})})
            if edit:
                edit(doc)

        return add

    first = mini_again(tmp_path / "1", inquiry("bridge-collapse"), b"\nAn inquiry began. One.")
    assert run(database_url, "load", str(first)).exit_code == 0
    edit = _part_of("bridge-collapse", "inquiry", "events", "parent")
    second = mini_again(tmp_path / "2", inquiry(None, edit), b"\nAn inquiry began. Two.")
    second = second.rename(second.with_name("mini-other"))
    result = run(database_url, "load", str(second))
    assert result.exit_code == 1
    assert ": events[0].parent: makes a cycle with the events other articles stored:" in (
        result.output
    )
    assert run(database_url, "verify").exit_code == 0
