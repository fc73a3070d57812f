"""The limits of newsdb.limits, held alike by the annotation format and by both databases.

Each limit is declared once (``newsdb.limits``); the models turn it into named CHECKs and
migration 0013 keeps a copy. These tests hold the copy to the declaration, find every CHECK in
a migrated database, and write each bad value with plain SQL, as any client could, to see the
database refuse it on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DataError, IntegrityError
from test_refusals import MINI, copy_mini, newsdb, one_error

from newsdb import limits, migrate
from newsdb.models import Base

#: where each limited table's row to change is, and the columns to change with it
SPAN_WITH = {("quote", "cue"): "cue_end", ("claim", "cue"): "cue_end"}
#: how a value of a column starts, to pass the column's other CHECKs
#: what a value must start with to be refused by its limit alone: a Wikidata id's Q; a body as
#: long as the mini article's, so its spans still end within it (0014's trigger)
STARTS = {("actor", "wikidata_id"): "Q", ("article", "body"): "x" * 4096}


def migration():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(migrate.alembic_config()).get_revision("0013").module


def test_the_migration_holds_the_declared_limits():
    module = migration()
    assert module.COLUMNS == limits.COLUMNS
    assert module.RANGES == limits.RANGES
    assert module.INTEGERS == {
        table: dict.fromkeys(columns, limits.INT_MAX) for table, columns in limits.INTEGERS.items()
    }


def test_the_models_hold_the_declared_limits():
    for table, columns in limits.COLUMNS.items():
        names = {c.name for c in Base.metadata.tables[table].constraints}
        for column, (_longest, kind) in columns.items():
            assert f"ck_{table}_{column}_max_length" in names
            assert (f"ck_{table}_{column}_printable" in names) == (kind is not None)


def expected_checks(table: str) -> dict[str, str]:
    """Each CHECK of ``table`` the limits ask for, and a number or word its SQL must hold."""
    out = {}
    for column, (longest, kind) in limits.COLUMNS.get(table, {}).items():
        out[f"ck_{table}_{column}_max_length"] = str(longest)
        if kind:
            out[f"ck_{table}_{column}_printable"] = column
    for column in limits.INTEGERS.get(table, ()):
        out[f"ck_{table}_{column}_max"] = str(limits.INT_MAX)
    return out


def test_every_limit_is_a_check_in_the_database(engine: Engine):
    inspector = inspect(engine)
    for table in sorted(limits.COLUMNS.keys() | limits.INTEGERS.keys()):
        found = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table)}
        for name, word in expected_checks(table).items():
            assert name in found, (table, name)
            assert word in found[name], (name, found[name])


# -- a SQL client ----------------------------------------------------------------------------


@pytest.fixture
def every_table(mini: Engine) -> Engine:
    """The mini article, with a row in each limited table it has none in."""
    with mini.begin() as connection:
        connection.execute(text("INSERT INTO actor_alias (actor_id, alias) VALUES (1, 'Jane')"))
        # room after the words, so the longest cue's span still ends in the body (0014's trigger)
        connection.execute(text("UPDATE article SET body = body || :room"), {"room": " " * 1000})
        connection.execute(
            text(
                "INSERT INTO claim_check (claim_id, aspect, stated_value, verdict, source,"
                " annotator_id) VALUES (1, 'toll', 'three', 'confirmed', 'the record', 1)"
            )
        )
    return mini


def refused(connection, sql: str, values: dict) -> Exception | None:
    """The error the database gives for ``sql``, in a savepoint rolled back either way."""
    savepoint = connection.begin_nested()
    try:
        result = connection.execute(text(sql), values)
        assert result.rowcount == 1, sql
    except (IntegrityError, DataError) as error:
        return error
    finally:
        savepoint.rollback()
    return None


def _update(table: str, column: str) -> str:
    extra = SPAN_WITH.get((table, column))
    also = f", {extra} = cue_start + :length" if extra else ""
    where = f"id = (SELECT min(id) FROM {table})"
    return f"UPDATE {table} SET {column} = :value{also} WHERE {where}"


def assert_refused(error: Exception | None, backend: str, name: str) -> None:
    assert error is not None, name
    if isinstance(error, IntegrityError):
        assert name in str(error.orig), (name, str(error.orig))
    else:  # PostgreSQL's varchar(n), or its driver refusing a NUL before the server sees it
        assert backend == "postgresql", (name, error)


def test_a_sql_client_cannot_write_past_a_limit(backend, every_table: Engine):
    with every_table.connect() as connection:
        for table, columns in limits.COLUMNS.items():
            for column, (longest, kind) in columns.items():
                sql = _update(table, column)
                start = STARTS.get((table, column), "")

                def value(rest: str, start=start) -> dict:
                    return {"value": start + rest, "length": len(start + rest)}

                # the longest value is taken, one character more is not
                if longest < 100_000:
                    fits = value("1" * (longest - len(start)))
                    assert refused(connection, sql, fits) is None, sql
                over = refused(connection, sql, value("1" * (longest + 1 - len(start))))
                assert_refused(over, backend, f"ck_{table}_{column}_max_length")
                if kind is None:
                    continue
                name = f"ck_{table}_{column}_printable"
                for bad in ["a\x1b[2Jb", "bell\x07", "c1\x9b", "nul\x00"]:
                    assert_refused(refused(connection, sql, value(bad)), backend, name)
                line_break = refused(connection, sql, value("two\nlines\ttabbed"))
                if kind == "line":
                    assert_refused(line_break, backend, name)
                else:
                    assert line_break is None, sql


def test_a_sql_client_cannot_store_a_toll_past_2_31(backend, mini: Engine):
    sql = (
        "UPDATE event_report SET fatalities = :value WHERE id = (SELECT min(id) FROM event_report)"
    )
    with mini.connect() as connection:
        assert refused(connection, sql, {"value": 2**31 - 1}) is None
        for toll in [2**31, 2**40, 2**63 - 1]:
            error = refused(connection, sql, {"value": toll})
            assert_refused(error, backend, "ck_event_report_fatalities_max")


def test_a_sql_client_cannot_insert_a_bad_actor(backend, engine: Engine):
    """INSERT, as a client adding a row would: a good row first, so the case can fail."""
    sql = "INSERT INTO actor (slug, name, kind, sector) VALUES (:slug, :value, 'person', 'unknown')"
    with engine.connect() as connection:
        assert refused(connection, sql, {"slug": "ok", "value": "Jane Doe"}) is None
        for bad, name in [
            ("x" * 501, "ck_actor_name_max_length"),
            ("Jane\x1b]0;pwned\x07", "ck_actor_name_printable"),
            ("Jane\x00Doe", "ck_actor_name_printable"),
        ]:
            assert_refused(refused(connection, sql, {"slug": "bad", "value": bad}), backend, name)


# -- the annotation format and the loader ------------------------------------------------------


def state(engine: Engine) -> dict[str, list]:
    """Every row of every table the database has (an older revision has fewer), to see that a
    refused load changed nothing."""
    present = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        return {
            table.name: sorted(map(tuple, connection.execute(table.select()).all()), key=repr)
            for table in Base.metadata.sorted_tables
            if table.name in present
        }


def _set(*where, value):
    def edit(doc):
        node = doc
        for part in where[:-1]:
            node = node[part]
        node[where[-1]] = value

    return edit


LIMITS = [
    (("actors", 0, "name"), "x" * 501, "501 characters, over the limit of 500"),
    (("actors", 0, "name"), "x" * 1_000_000, "1,000,000 characters, over the limit of 500"),
    (("article", "language", "value"), "en-" + "x" * 33, "36 characters, over the limit of 35"),
    (("annotator", "name"), "n" * 501, "501 characters, over the limit of 500"),
    (("actors", 0, "name"), "Jane\x00Doe", "a NUL (U+0000) at character 5"),
    (("actors", 0, "name"), "Jane\x1b[2JDoe", "a control character (U+001B) at character 5"),
    (("actors", 0, "name"), "Jane\nDoe", "a line break (U+000A) at character 5"),
    (("actors", 0, "note"), "a note\x00", "a NUL (U+0000) at character 7"),
    (("actors", 0, "note"), "a \x07note", "a control character (U+0007) at character 3"),
    (("events", 0, "location"), "Pesh\x9bawar", "a control character (U+009B) at character 5"),
    (("claims", 0, "proposition"), "\x1b]0;pwned\x07", "a control character (U+001B)"),
    (("events", 0, "fatalities", "count"), 2**63, "is over 2,147,483,647 (2**31-1)"),
]


@pytest.mark.parametrize(("where", "value", "reason"), LIMITS, ids=lambda v: repr(v)[:30])
def test_a_value_past_a_limit_is_one_located_line(
    backend, mini, database_url, tmp_path, where, value, reason
):
    before = state(mini)
    folder = copy_mini(tmp_path, _set(*where, value=value))
    error = one_error(newsdb("--database", database_url, "load", str(folder)))
    dotted = ".".join(str(p) for p in where).replace(".0", "[0]")
    assert error.startswith(f"Error: {folder / 'annotations.yaml'}:")
    assert f": {dotted}: " in error and reason in error, error
    assert len(error) < 400  # a huge value is never echoed whole
    assert not any(c in error for c in "\x00\x07\x1b\x9b")  # nor a control character raw
    assert state(mini) == before


def test_a_line_break_in_a_note_is_taken(backend, mini, database_url, tmp_path):
    folder = copy_mini(tmp_path, _set("actors", 0, "note", value="two\nlines\tand a tab"))
    result = newsdb("--database", database_url, "load", str(folder))
    assert result.exit_code == 0, result.output
    with mini.connect() as connection:
        note = connection.execute(text("SELECT note FROM actor WHERE slug = 'jane-doe'"))
        assert note.scalar() == "two\nlines\tand a tab"


@pytest.mark.parametrize(
    ("char", "reason"), [("\x00", "a NUL (U+0000)"), ("\x1b", "a control character (U+001B)")]
)
def test_a_control_character_in_the_body_is_one_line(
    backend, mini, database_url, tmp_path, char, reason
):
    original = (MINI / "article.txt").read_bytes()
    body = original.replace(b"more will fall", f"more {char} will fall".encode())
    assert body != original
    folder = copy_mini(tmp_path, _set("article", "sha256", value=sha256(body)), body=body)
    before = state(mini)
    error = one_error(newsdb("--database", database_url, "load", str(folder)))
    at = body.decode().index(char)
    line = body[: body.index(char.encode())].count(b"\n") + 1
    assert error == (
        f"Error: {folder / 'article.txt'}:{line}: {reason} at character {at + 1}:"
        " an article's text is printable text"
    )
    assert state(mini) == before


def sha256(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


# -- files -------------------------------------------------------------------------------------


def test_an_annotation_over_the_cap_is_refused_unread_and_the_cap_raised(
    backend, mini, database_url, tmp_path
):
    folder = copy_mini(tmp_path, _set("actors", 0, "note", value="padded"))
    path = folder / "annotations.yaml"
    with path.open("a", encoding="utf-8") as file:  # a comment: the annotation stays good
        file.write("#" + "x" * limits.MAX_ANNOTATION_BYTES + "\n")
    size = path.stat().st_size
    before = state(mini)
    error = one_error(newsdb("--database", database_url, "load", str(folder)))
    assert error == (
        f"Error: {path}: 5.0 MB ({size:,} bytes), over the cap of 5.0 MB for an annotation"
        " file: raise it with `newsdb load --max-size MB`"
    )
    assert state(mini) == before
    result = newsdb("--database", database_url, "load", "--max-size", "6", str(folder))
    assert result.exit_code == 0, result.output
    with mini.connect() as connection:
        assert connection.execute(text("SELECT note FROM actor WHERE slug = 'jane-doe'")).all() == [
            ("padded",)
        ]


def test_a_text_over_the_cap_is_refused_unread(backend, mini, database_url, tmp_path):
    body = (MINI / "article.txt").read_bytes() + b"\n" + b"filler " * (limits.MAX_TEXT_BYTES // 7)
    folder = copy_mini(tmp_path, _set("article", "sha256", value=sha256(body)), body=body)
    before = state(mini)
    error = one_error(newsdb("--database", database_url, "load", str(folder)))
    text_path = folder / "article.txt"
    assert error.startswith(f"Error: {text_path}: 2.0 MB ({len(body):,} bytes), over the cap")
    assert error.endswith("for an article's text file: raise it with `newsdb load --max-size MB`")
    assert state(mini) == before


@pytest.mark.parametrize("size", [0, 99, 100, 101, 250])
def test_a_file_read_past_the_size_it_had_is_held_to_the_cap(tmp_path, size):
    """read_capped reads what the file's size says, then on up to the cap: a file that grows
    (here a pipe, whose size is 0) is read whole up to the cap, and refused past it."""
    import os
    import threading

    from newsdb.loader import AnnotationError, read_capped

    path = tmp_path / "pipe"
    os.mkfifo(path)
    data = bytes(range(256))[:size]

    def write() -> None:  # all of it fits the pipe's buffer: written once the reader opens it
        try:
            path.write_bytes(data)
        except BrokenPipeError:  # the reader refused it and closed first
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        if size <= 100:
            assert read_capped(path, 100, "a test") == data
        else:
            with pytest.raises(AnnotationError, match=r"\(101 bytes\), over the cap"):
                read_capped(path, 100, "a test")
    finally:
        writer.join(timeout=10)
    assert not writer.is_alive()


def test_a_file_is_read_whole_up_to_the_cap(tmp_path):
    from newsdb.loader import read_capped

    path = tmp_path / "file"
    for size in (0, 1, 99, 100):
        path.write_bytes(b"x" * size)
        assert read_capped(path, 100, "a test") == b"x" * size


@pytest.mark.parametrize("size", ["0", "-1", str(limits.MAX_SIZE_MB + 1), "lots"])
def test_a_max_size_out_of_range_is_bad_usage(tmp_path, size):
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    error = one_error(newsdb("--database", url, "load", "--max-size", size, str(MINI)), code=2)
    assert "Invalid value for '--max-size'" in error
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_yaml_nested_deep_is_one_line(backend, mini, database_url, tmp_path, depth):
    folder = copy_mini(tmp_path)
    path = folder / "annotations.yaml"
    path.write_text("a: " + "[" * depth + "]" * depth + "\n")
    before = state(mini)
    error = one_error(newsdb("--database", database_url, "load", str(folder)))
    assert error.startswith(f"Error: {path}") and "not valid YAML" in error
    assert state(mini) == before


def test_the_limits_are_in_the_json_schema():
    from newsdb.annotation import json_schema

    schema = str(json_schema())
    for limit in [limits.NAME, limits.LANGUAGE, limits.INT_MAX, limits.HEADLINE]:
        assert f": {limit}" in schema, limit


def test_the_cap_reaches_worker_processes(tmp_path):
    """--jobs reads folders in worker processes: they hold the same cap, raised alike."""
    from conftest import mini_again

    collection = tmp_path / "collection"
    collection.mkdir()
    copy_mini(collection)
    big = mini_again(collection, lambda doc: None)
    with (big / "annotations.yaml").open("a", encoding="utf-8") as file:
        file.write("#" + "x" * limits.MAX_ANNOTATION_BYTES + "\n")
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    result = newsdb("--database", url, "load", "--jobs", "2", str(collection))
    assert result.exit_code == 1
    assert f"{big / 'annotations.yaml'}: 5.0 MB" in result.stderr
    assert "1 of 2 article(s) failed" in result.stderr
    result = newsdb("--database", url, "load", "--jobs", "2", "--max-size", "6", str(collection))
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stderr


def test_a_failure_among_many_is_printed_safe_and_short(tmp_path):
    """A failure among many is a line above the progress bar: its path and quoted words are
    escaped and shortened there too, as the one error of a lone folder is."""
    collection = tmp_path / "collection"
    collection.mkdir()
    copy_mini(collection)  # a good one
    huge = copy_mini(tmp_path, _set("quotes", 0, "text", value="not there " * 100_000))
    huge.rename(collection / "loud\x1b[2J")
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    result = newsdb("--database", url, "load", str(collection))
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and len(failed[0]) < 2_500  # the huge words, shortened
    assert "(1,000,000 characters)" in failed[0]
    assert "\x1b" not in result.stderr and "loud\\x1b[2J" in result.stderr
