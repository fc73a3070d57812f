"""The refusals of tests/test_refusals.py that it makes on a new SQLite file, made here on a
database that holds an article, on SQLite and PostgreSQL: one line and a non-zero exit, no
traceback, and every row as it was (issue 13: "every case above has a test on both backends").
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import MINI
from sqlalchemy import Engine, inspect, text

from newsdb.cli import main
from newsdb.db import ENV_VAR


@pytest.fixture(autouse=True)
def no_database_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def rows(engine: Engine) -> dict[str, list]:
    """Every row of every table but the derived tallies, to tell whether anything changed."""
    with engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
        # table names come from the inspector, not from input
        return {
            name: sorted(map(repr, connection.execute(text(f'SELECT * FROM "{name}"')).all()))
            for name in names
        }


def one_error(result: Result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("newsdb: ")]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def folder(
    tmp_path: Path, annotation: Callable[[bytes], bytes] = lambda b: b, body=None, text_file=None
) -> Path:
    """A copy of the mini article under another slug, its annotation's bytes passed through
    ``annotation``, its text replaced by ``body`` (declared by its sha256) or named
    ``text_file``."""
    out = tmp_path / "article"
    shutil.copytree(MINI, out)
    path = out / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["article"]["slug"] = "mini-other"
    if text_file is not None:
        doc["article"]["text"] = text_file
    if body is not None:
        (out / "article.txt").write_bytes(body)
        doc["article"]["sha256"] = hashlib.sha256(body).hexdigest()
    source = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    path.write_bytes(annotation(source))
    return out


def _text_elsewhere(tmp_path: Path) -> Path:
    out = folder(tmp_path, text_file="../outside.txt")
    shutil.copy(out / "article.txt", tmp_path / "outside.txt")
    return out


#: a folder that `newsdb load` refuses, and words its one line of error holds
BAD_FOLDERS = {
    "annotation-not-utf8": (
        lambda tmp: folder(tmp, lambda b: b.replace(b"Bridge falls", b"Bridge f\xe4lls")),
        "not UTF-8: byte 0xe4",
    ),
    "text-not-utf8": (
        lambda tmp: folder(
            tmp, body=(MINI / "article.txt").read_bytes().replace(b"Jane", b"J\xffne")
        ),
        "not UTF-8: byte 0xff",
    ),
    "text-outside-the-folder": (_text_elsewhere, "must be a file in the article's folder"),
    "yaml-nested-too-deep": (
        lambda tmp: folder(tmp, lambda b: b"a: " + b"[" * 5_000 + b"]" * 5_000 + b"\n"),
        "not valid YAML",
    ),
    "same-text-another-slug": (
        lambda tmp: folder(tmp),
        (
            "article.slug: this text is stored already as 'mini-bridge': give the annotation"
            " that slug, or `newsdb delete mini-bridge` first"
        ),
    ),
    "wrong-sha256": (
        lambda tmp: folder(tmp, lambda b: b.replace(b"sha256: c05f", b"sha256: 005f")),
        "not the declared one",
    ),
}


@pytest.mark.parametrize("case", BAD_FOLDERS.values(), ids=BAD_FOLDERS.keys())
def test_a_bad_folder_is_one_line_and_changes_nothing(mini, database_url, tmp_path, case):
    make, words = case
    before = rows(mini)
    error = one_error(
        CliRunner().invoke(main, ["-d", database_url, "load", str(make(tmp_path))]), 1
    )
    assert words in error
    assert rows(mini) == before


#: bad values on the command line of a reading command: (arguments, words of the error)
BAD_ARGUMENTS = {
    "top-past-int64": (["sources", "--totals", "--top", "99999999999999999999"], "--top"),
    "argument-not-utf8": (["quotes", "--article", "caf\udce9"], "is not valid UTF-8"),
    "format-unknown": (["quotes", "--format", "a\nb"], "--format"),
}


@pytest.mark.parametrize("case", BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_a_bad_argument_is_one_line_and_changes_nothing(mini, database_url, case):
    args, words = case
    before = rows(mini)
    error = one_error(CliRunner().invoke(main, ["-d", database_url, *args]), 2)
    assert words in error
    assert rows(mini) == before
