"""A text saved on Windows (a byte-order mark, CRLF line ends) is stored as its words with LF
line ends and no mark, by `newsdb load`, `newsdb ingest` and `newsdb extract` alike.

Before, the body kept U+FEFF at its start and a CR in every paragraph that spans lines, and a
Windows copy of a text was another article than the same words saved with LF.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from conftest import MINI
from sqlalchemy import Engine, text

from newsdb.cli import main

#: the mini article's words in two paragraphs (a blank line between), the second on two lines
LF = (
    "Officials said the bridge fell on Monday, killing three people.\n\n"
    "“It was a disaster,” said Jane Doe, a engineer at Acme Corp.\n"
    "“We warned them,” she added. Analysts said more will fall.\n"
)
WINDOWS = ("\ufeff" + LF.replace("\n", "\r\n")).encode("utf-8")


def newsdb(url: str, *args: str):
    return CliRunner().invoke(main, ["--database", url, *args])


def folder(tmp_path: Path, raw: bytes, declared: str | None = None, name: str = "mini") -> Path:
    """The mini annotation over ``raw``, declaring ``declared`` (default: the file's sha256)."""
    out = tmp_path / name
    shutil.copytree(MINI, out)
    (out / "article.txt").write_bytes(raw)
    path = out / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["article"]["sha256"] = declared or hashlib.sha256(raw).hexdigest()
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def stored(engine: Engine) -> tuple[str, str, list[str], list[str]]:
    """The body, its sha256, its paragraphs' text and its quotes' words as spans give them."""
    with engine.connect() as connection:
        body, digest = connection.execute(text("SELECT body, sha256 FROM article")).one()
        spans = connection.execute(
            text("SELECT span_start, span_end FROM paragraph ORDER BY number")
        ).all()
        quotes = connection.execute(
            text("SELECT span_start, span_end FROM quote ORDER BY span_start")
        ).all()
    return body, digest, [body[a:b] for a, b in spans], [body[a:b] for a, b in quotes]


def test_a_windows_file_is_stored_with_lf_and_no_mark(engine, database_url, tmp_path):
    result = newsdb(database_url, "load", str(folder(tmp_path, WINDOWS)))
    assert result.exit_code == 0, result.output
    body, digest, paragraphs, quotes = stored(engine)
    assert body == LF
    assert digest == hashlib.sha256(LF.encode("utf-8")).hexdigest()  # of the stored body
    assert paragraphs == [LF.split("\n\n")[0], LF.split("\n\n")[1].rstrip("\n")]
    assert quotes == ["It was a disaster,", "We warned them,"]
    assert newsdb(database_url, "verify").exit_code == 0
    # the same words saved with LF are the same text: loading them changes nothing
    again = newsdb(database_url, "load", str(folder(tmp_path, LF.encode(), name="lf")))
    assert again.exit_code == 0, again.output
    assert "mini-bridge: unchanged" in again.output


def test_the_declared_sha256_may_be_the_stored_bodys(engine, database_url, tmp_path):
    declared = hashlib.sha256(LF.encode("utf-8")).hexdigest()
    result = newsdb(database_url, "load", str(folder(tmp_path, WINDOWS, declared)))
    assert result.exit_code == 0, result.output
    assert stored(engine)[0] == LF


def test_a_wrong_sha256_names_the_files_own(engine, database_url, tmp_path):
    result = newsdb(database_url, "load", str(folder(tmp_path, WINDOWS, "0" * 64)))
    assert result.exit_code == 1
    own = hashlib.sha256(WINDOWS).hexdigest()
    assert f"article.txt has sha256 {own}, not the declared one" in result.stderr
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM article")).scalar() == 0


def test_ingest_stores_a_windows_text_as_its_lf_copy(engine, database_url, tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "story.txt").write_bytes(WINDOWS)
    first = newsdb(database_url, "ingest", "--published", "2024-03-05", str(texts))
    assert first.exit_code == 0, first.output
    body, _digest, paragraphs, _ = stored(engine)
    assert body == LF and "\r" not in "".join(paragraphs)
    (texts / "story.txt").write_bytes(LF.encode("utf-8"))
    again = newsdb(database_url, "ingest", "--published", "2024-03-05", str(texts))
    assert again.exit_code == 0, again.output
    assert "1 unchanged" in again.output
    assert newsdb(database_url, "verify").exit_code == 0


def test_extract_drafts_a_windows_text_that_loads(engine, database_url, tmp_path):
    source = tmp_path / "story.txt"
    source.write_bytes(WINDOWS)
    out = tmp_path / "draft"
    drafted = newsdb(database_url, "extract", str(source), "--out", str(out))
    assert drafted.exit_code == 0, drafted.output
    loaded = newsdb(database_url, "load", str(out))
    assert loaded.exit_code == 0, loaded.output
    assert stored(engine)[0] == LF
    assert newsdb(database_url, "verify").exit_code == 0
