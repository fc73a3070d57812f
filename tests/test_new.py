"""``newsdb new``: a folder that loads at once, whose commented examples load too; and the
header's errors in words (a hint for the sha256, no raw validator message, no word cut)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import MINI

from newsdb import vocab
from newsdb.cli import main
from newsdb.loader import AnnotationError, clip, read_folder

TEXT = MINI / "article.txt"


def newsdb(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_new_writes_a_folder_that_loads_at_once(database_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "My Story"
    result = newsdb("new", str(folder), "--text", str(TEXT), "--published", "2024-03")
    assert result.exit_code == 0, result.output
    assert (folder / "article.txt").read_bytes() == TEXT.read_bytes()
    doc = yaml.safe_load((folder / "annotations.yaml").read_text(encoding="utf-8"))
    assert doc["article"]["slug"] == "my-story"
    assert doc["article"]["sha256"] == hashlib.sha256(TEXT.read_bytes()).hexdigest()
    result = newsdb("--database", database_url, "load", str(folder))
    assert result.exit_code == 0, result.output
    listed = newsdb("--database", database_url, "articles", "--format", "json")
    (article,) = json.loads(listed.stdout)
    assert article["slug"] == "my-story" and article["published"] == "2024-03"
    assert article["paragraphs"] == 2


def test_the_header_names_every_allowed_value(tmp_path: Path) -> None:
    newsdb("new", str(tmp_path / "a"), "--text", str(TEXT))
    written = (tmp_path / "a" / "annotations.yaml").read_text(encoding="utf-8")
    for enum in (vocab.Origin, vocab.Confidence, vocab.DatePrecision, vocab.AnnotatorKind,
                 vocab.ActorKind, vocab.Sector, vocab.EventType, vocab.QuoteKind,
                 vocab.AttributionMode, vocab.Certainty, vocab.Verdict):  # fmt: skip
        assert ", ".join(m.value for m in enum) in written, enum.__name__
    for section in ("actors", "affiliations", "events", "quotes", "claims"):
        assert f"\n{section}: []\n#  - " in written, section


def test_each_commented_example_loads_when_uncommented(tmp_path: Path) -> None:
    """The examples quote the tests' mini article, so uncommented they load against it."""
    newsdb("new", str(tmp_path / "a"), "--text", str(TEXT))
    written = (tmp_path / "a" / "annotations.yaml").read_text(encoding="utf-8")
    for section in ("actors", "affiliations", "events", "quotes", "claims"):
        written = written.replace(f"{section}: []\n", f"{section}:\n")
    (tmp_path / "a" / "annotations.yaml").write_text(re.sub(r"(?m)^#(  .*)$", r"\1", written))
    plan = read_folder(tmp_path / "a")
    assert len(plan.doc.quotes) == len(plan.doc.claims) == len(plan.doc.events) == 1


def test_new_refuses_a_folder_in_use_and_a_bad_date(tmp_path: Path) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("mine")
    result = newsdb("new", str(tmp_path / "used"), "--text", str(TEXT))
    assert result.exit_code == 1 and "already exists" in result.output
    assert sorted(p.name for p in (tmp_path / "used").iterdir()) == ["notes.txt"]
    result = newsdb("new", str(tmp_path / "b"), "--text", str(TEXT), "--published", "2024-13")
    assert result.exit_code == 2 and "month must be in 1..12" in result.output
    assert not (tmp_path / "b").exists()


def _header_error(tmp_path: Path, edit) -> str:
    folder = tmp_path / f"h{len(list(tmp_path.iterdir()))}"  # a fresh folder each time
    newsdb("new", str(folder), "--text", str(TEXT))
    path = folder / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(doc["article"])
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(AnnotationError) as error:
        read_folder(folder)
    return str(error.value)


def test_header_errors_say_what_would_be_right(tmp_path: Path) -> None:
    missing = _header_error(tmp_path, lambda a: a.pop("sha256"))
    assert "article.sha256: sha256 is missing" in missing and "sha256sum" in missing
    assert "Field required" not in missing
    bad = _header_error(tmp_path, lambda a: a.update(sha256="abc"))
    assert "'abc' is not a sha256" in bad and "sha256sum" in bad and "pattern" not in bad
    headline = _header_error(tmp_path, lambda a: a.update(headline="Bridge falls"))
    assert "article.headline: headline is a mapping" in headline
    assert "{value: 'Bridge falls', origin: text}" in headline
    assert "valid dictionary" not in headline and "MetadataValue" not in headline
    slug = _header_error(tmp_path, lambda a: a.update(slug="My Story"))
    assert "'My Story' is not a slug" in slug and "pattern" not in slug


def test_quoted_words_are_never_cut_mid_word() -> None:
    words = "At a moment when Pakistan is experiencing some of its most"
    cut = clip(words)
    assert cut.endswith("…") and words.startswith(cut.removesuffix("…"))
    assert words[len(cut) - 1] == " "  # the cut falls between words
    assert clip("short words") == "short words"
