"""Bad input a user can type or hand over is one line and a non-zero exit, never a traceback;
what a terminal would act on (ESC, BEL) is never printed raw; a huge value is shortened."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import error_lines
from sqlalchemy import text

from newsdb import __version__, sourcing
from newsdb.annotation_errors import AnnotationError
from newsdb.cli import main
from newsdb.db import ENV_VAR, make_engine
from newsdb.loader import read_folder
from newsdb.migrate import HEAD_REVISION as HEAD

MINI = Path(__file__).parent / "data" / "mini"
BIN = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def no_database_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def newsdb(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_error(result: Result, code: int = 1) -> str:
    """The one error line of a refused command with one problem (stderr may also name the
    database)."""
    (line,) = error_block(result, code)
    return line


def error_block(result: Result, code: int = 1) -> list[str]:
    """The error of a refused command: its one "Error:" line, then any problems, indented."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return error_lines(result.stderr)


def copy_mini(tmp_path: Path, edit=None, body: bytes | None = None) -> Path:
    """The mini article in a folder of its own, its annotation changed by ``edit``."""
    folder = tmp_path / "article"
    shutil.copytree(MINI, folder)
    path = folder / "annotations.yaml"
    if body is not None:
        (folder / "article.txt").write_bytes(body)
    if edit is not None:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(doc)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return folder


# -- unexpected errors ---------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_asking_to_report_it(mini, database_url, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("some_column")

    monkeypatch.setattr(sourcing, "quotes", broken)
    error = one_error(newsdb("--database", database_url, "quotes"))
    assert error.startswith("Error: unexpected KeyError: 'some_column'.")
    assert "please report it" in error and "newsdb --debug" in error


def test_a_file_that_cannot_be_written_is_one_line(mini, database_url, tmp_path):
    """An --output in a folder that does not exist is the user's to fix, not a bug."""
    target = tmp_path / "no-such-folder" / "out.csv"
    error = one_error(newsdb("--database", database_url, "sources", "-o", str(target)))
    assert error == f"Error: {target}: No such file or directory"
    assert not target.parent.exists()


def test_a_sqlite_url_with_two_slashes_is_named(tmp_path):
    error = one_error(newsdb("--database", f"sqlite://{tmp_path.name}.sqlite", "articles"))
    assert error.startswith("Error: not a database URL: Invalid SQLite URL")
    assert error.endswith("a SQLite file is sqlite:///FILE (three slashes)")


def test_a_section_given_twice_is_refused_not_half_kept(database_url, tmp_path):
    """YAML keeps a repeated key's last value: a second `claims:` would drop the first's."""
    folder = copy_mini(tmp_path)
    lines = (folder / "annotations.yaml").read_text().splitlines()
    (folder / "annotations.yaml").write_text("\n".join([*lines, "claims: []", ""]))
    error = one_error(newsdb("--database", database_url, "load", str(folder)))
    assert error == (
        f"Error: {folder / 'annotations.yaml'}:{len(lines) + 1}: not valid YAML:"
        " the key 'claims' is given twice"
    )


def test_debug_lets_the_traceback_through(mini, database_url, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("some_column")

    monkeypatch.setattr(sourcing, "quotes", broken)
    result = newsdb("--database", database_url, "--debug", "quotes")
    assert isinstance(result.exception, KeyError)


def test_yaml_nested_too_deep_is_one_line_as_a_process(tmp_path: Path):
    folder = copy_mini(tmp_path)
    (folder / "annotations.yaml").write_text("a: " + "[" * 5_000 + "]" * 5_000 + "\n")
    command = [str(BIN / "newsdb"), "--database", f"sqlite:///{tmp_path / 'x.sqlite'}"]
    result = subprocess.run(
        [*command, "load", str(folder)], check=False, capture_output=True, text=True
    )
    assert result.returncode == 1
    # libyaml's reader says "exceeded maximum nesting depth" at line 1; the pure one, "too deep"
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {folder / 'annotations.yaml'}")
    assert "not valid YAML" in line and "nest" in line
    assert not (tmp_path / "x.sqlite").exists()


# -- the command line ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["sources", "gaps", "network"])
@pytest.mark.parametrize("top", ["99999999999999999999", str(2**63), "0", "-1"])
def test_top_out_of_range_is_bad_usage(tmp_path: Path, command: str, top: str):
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    error = one_error(newsdb("--database", url, command, "--totals", "--top", top), code=2)
    assert "Invalid value for '--top'" in error and "is not in the range" in error


def test_the_largest_top_is_taken(mini, database_url):
    result = newsdb("--database", database_url, "sources", "--totals", "--top", str(2**63 - 1))
    assert result.exit_code == 0, result.output
    assert "Jane Doe" in result.stdout


def test_an_argument_that_is_not_utf8_is_bad_usage(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    # what Python makes of the bytes b"\xff" in argv (surrogateescape)
    error = one_error(newsdb("--database", url, "quotes", "--article", "\udcff"), code=2)
    assert error == "Error: the argument '\\xff' is not valid UTF-8"
    assert not (tmp_path / "none.sqlite").exists()


def test_an_argument_that_is_not_utf8_is_bad_usage_as_a_process(mini, database_url):
    env = {**os.environ, ENV_VAR: database_url}
    result = subprocess.run(
        [os.fsencode(BIN / "newsdb"), b"quotes", b"--article", b"caf\xe9"],
        check=False,
        capture_output=True,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr == b"Error: the argument 'caf\\xe9' is not valid UTF-8\n"


# -- a schema this version does not know ---------------------------------------------------


def test_a_schema_from_a_newer_newsdb_is_named(mini, database_url):
    with mini.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
        counts = connection.execute(text("SELECT count(*) FROM quote")).scalar()
    every = [
        ["seed"],
        ["load", str(MINI)],
        ["quotes"],
        ["verify"],
        ["delete", "mini-bridge", "--yes"],
        ["db", "upgrade"],
        ["db", "downgrade", "0011", "--yes"],
        ["db", "check"],
    ]
    for args in every:
        error = one_error(newsdb("--database", database_url, *args))
        assert (
            f"is at schema 'ffff', which newsdb {__version__} (head {HEAD}) does not know" in error
        )
        assert error.endswith(
            "a newer newsdb made it; upgrade newsdb, or use a database of its own"
        )
    shown = newsdb("--database", database_url, "db", "current")
    assert shown.exit_code == 0, shown.output
    assert (
        shown.stdout == f"ffff (unknown to this newsdb, whose head is {HEAD}: a newer newsdb's)\n"
    )
    with mini.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
            ("ffff",)
        ]
        assert connection.execute(text("SELECT count(*) FROM quote")).scalar() == counts


# -- files -----------------------------------------------------------------------------------


def test_an_annotation_that_is_not_utf8_is_named(tmp_path: Path):
    folder = copy_mini(tmp_path)
    path = folder / "annotations.yaml"
    source = path.read_bytes()
    path.write_bytes(source.replace(b"Bridge falls", b"Bridge f\xe4lls"))
    line = source[: source.index(b"Bridge falls")].count(b"\n") + 1
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    error = one_error(newsdb("--database", url, "load", str(folder)))
    assert error.startswith(f"Error: {path}:{line}: not UTF-8: byte 0xe4 at offset ")
    assert not (tmp_path / "x.sqlite").exists()


def test_an_article_text_that_is_not_utf8_is_named(tmp_path: Path):
    import hashlib

    body = (MINI / "article.txt").read_bytes().replace(b"Jane", b"J\xffne", 1)

    def declare(doc):
        doc["article"]["sha256"] = hashlib.sha256(body).hexdigest()

    folder = copy_mini(tmp_path, declare, body=body)
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    error = one_error(newsdb("--database", url, "load", str(folder)))
    offset = body.index(b"\xff")
    line = body[:offset].count(b"\n") + 1
    expected = f"{folder / 'article.txt'}:{line}: not UTF-8: byte 0xff at offset {offset}:"
    assert error.startswith(f"Error: {expected}")


@pytest.mark.parametrize(
    "name", ["../../../etc/hostname", "/etc/hostname", "sub/article.txt", "..", "link.txt"]
)
def test_the_text_must_be_a_file_of_the_folder(tmp_path: Path, name: str):
    def point(doc):
        doc["article"]["text"] = name

    folder = copy_mini(tmp_path, point)
    (folder / "sub").mkdir()
    shutil.copy(folder / "article.txt", folder / "sub" / "article.txt")
    outside = tmp_path / "outside.txt"
    shutil.copy(folder / "article.txt", outside)
    (folder / "link.txt").symlink_to(outside)
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    result = newsdb("--database", url, "load", str(folder))
    error = one_error(result)
    assert f"article.text: the text file {name!r} must be a file in the article's folder" in error
    assert "sha256" not in result.output
    assert not (tmp_path / "x.sqlite").exists()


@pytest.mark.parametrize(
    ("name", "made", "found"),
    [
        ("link.txt", "link to article.txt", None),
        ("dangling.txt", "link to gone.txt", "is not beside the annotation"),
        ("sub", "folder", "is not beside the annotation"),
        ("gone.txt", "nothing", "is not beside the annotation"),
    ],
)
def test_a_text_in_the_folder_is_read_only_when_a_file(
    tmp_path: Path, name: str, made: str, found: str | None
):
    """Only a link is resolved (read_text_and_plan): one to the folder's own text is read as
    it, and a folder, a missing file or a dangling link is not beside the annotation."""

    def point(doc):
        doc["article"]["text"] = name

    folder = copy_mini(tmp_path, point)
    if made == "folder":
        (folder / name).mkdir()
    elif made.startswith("link to "):
        (folder / name).symlink_to(made.removeprefix("link to "))
    if found is None:
        assert read_folder(folder).doc.article.text == name
    else:
        with pytest.raises(AnnotationError) as error:
            read_folder(folder)
        assert f"the text file {name!r} {found}" in str(error.value)


@pytest.mark.parametrize("count", [2**31, 2**63, 2**64])
def test_a_death_toll_too_large_is_one_line_and_nothing_written(
    backend, mini, database_url, tmp_path, count
):
    """The format holds a toll to 2**31-1 on both backends (SQLite's INTEGER took 2**63-1)."""

    def inflate(doc):
        doc["events"][0]["fatalities"]["count"] = count

    with mini.connect() as connection:
        before = connection.execute(text("SELECT fatalities FROM event_report")).all()
    folder = copy_mini(tmp_path, inflate)
    error = one_error(newsdb("--database", database_url, "load", str(folder)))
    assert error.startswith(f"Error: {folder / 'annotations.yaml'}:")
    assert f"events[0].fatalities.count: {count} is over 2,147,483,647 (2**31-1)" in error
    with mini.connect() as connection:
        assert connection.execute(text("SELECT fatalities FROM event_report")).all() == before


# -- what is printed ------------------------------------------------------------------------

LOUD = "Jane \x1b]0;pwned\x07\x1b[2J\x1b[31mDoe\x9b1m\u202e"


@pytest.fixture
def loud(backend, database_url, tmp_path) -> str:
    """A database holding the mini article with an actor's name full of terminal controls."""

    def rename(doc):
        doc["actors"][0]["name"] = LOUD

    # the format refuses the name, and so does the database (migration 0013)...
    folder = copy_mini(tmp_path, rename)
    assert "a control character (U+001B)" in one_error(
        newsdb("--database", database_url, "load", str(folder))
    )
    # ...but a database written before 0013, or by a client that turned its checks off,
    # may hold one: write it so, and see that it is still never printed raw
    assert newsdb("--database", database_url, "load", str(MINI)).exit_code == 0
    engine = make_engine(database_url)
    with engine.begin() as connection:
        if backend == "sqlite":
            connection.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
        else:
            connection.exec_driver_sql("ALTER TABLE actor DROP CONSTRAINT ck_actor_name_printable")
        connection.execute(
            text("UPDATE actor SET name = :name WHERE slug = 'jane-doe'"), {"name": LOUD}
        )
    engine.dispose()
    return database_url


def test_control_characters_in_names_are_never_printed_raw(loud):
    import json

    for command in [["sources"], ["quotes"], ["claims"], ["sources", "--totals"]]:
        result = newsdb("--database", loud, *command)
        assert result.exit_code == 0, result.output
        assert not any(c in result.stdout for c in "\x1b\x07\x9b\u202e"), command
        assert "Jane \\x1b]0;pwned\\x07\\x1b[2J" in result.stdout, command
    result = newsdb("--database", loud, "sources", "--format", "json")
    assert not any(c in result.stdout for c in "\x1b\x07\x9b\u202e")
    assert LOUD in {row["name"] for row in json.loads(result.stdout)}  # the same data
    # CSV to a program (not a terminal) keeps the values as stored
    assert LOUD in newsdb("--database", loud, "sources", "--format", "csv").stdout


def test_a_huge_value_is_shortened_in_an_error(tmp_path: Path):
    def huge(doc):
        doc["actors"][0]["kind"] = "x" * 1_000_000

    folder = copy_mini(tmp_path, huge)
    error = one_error(
        newsdb("--database", f"sqlite:///{tmp_path / 'x.sqlite'}", "load", str(folder))
    )
    assert len(error) < 1000
    assert "actors[0].kind" in error and "(1,000,000 characters)" in error


def test_a_line_break_in_a_value_does_not_break_the_error_line(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    error = one_error(newsdb("--database", url, "quotes", "--format", "a\nb\x1b"), code=2)
    assert "'a\\nb\\x1b'" in error


def test_parents_that_make_a_cycle_are_refused_with_their_line(tmp_path: Path):
    """``newsdb verify`` refuses such a cycle once stored: the loader refuses it first, each
    cycle once, at its first item in the file; an actor that is part of a cycle's member,
    outside it, is no further problem."""

    def loop(doc):
        actors = {a["slug"]: a for a in doc["actors"]}
        actors["jane-doe"]["part_of"] = "acme-corp"  # leads into the cycle, not part of it
        actors["acme-corp"]["part_of"] = "analysts"
        actors["analysts"]["part_of"] = "officials"
        actors["officials"]["part_of"] = "acme-corp"
        doc["events"].append(dict(doc["events"][0], slug="aftermath", parent="bridge-collapse"))
        doc["events"][0]["parent"] = "aftermath"

    with pytest.raises(AnnotationError) as refused:
        read_folder(copy_mini(tmp_path, loop))
    found = [(p.where, p.reason) for p in refused.value.problems if "cycle" in p.reason]
    assert found == [
        (
            ("actors", 1, "part_of"),
            "makes a cycle: 'acme-corp' -> 'analysts' -> 'officials' -> 'acme-corp'",
        ),
        (
            ("events", 0, "parent"),
            "makes a cycle: 'bridge-collapse' -> 'aftermath' -> 'bridge-collapse'",
        ),
    ]
    assert all(p.line for p in refused.value.problems if "cycle" in p.reason)


def test_parents_in_a_line_are_no_cycle(tmp_path: Path):
    def chain(doc):
        actors = {a["slug"]: a for a in doc["actors"]}
        actors["jane-doe"]["part_of"] = "acme-corp"
        actors["acme-corp"]["part_of"] = "analysts"

    assert read_folder(copy_mini(tmp_path, chain)).actors["jane-doe"]["parent_id"] == (
        "actor",
        "acme-corp",
    )
