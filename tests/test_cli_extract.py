"""`newsdb extract` and `newsdb ingest` from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newsdb.cli import main
from newsdb.models import Annotator, Article, Base, Quote
from newsdb.verify import problems

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "pakistan-iran-off-ramp"
MINI = Path(__file__).parent / "data" / "mini"

STORY = (
    "Bridge falls in the night\n\n"
    "Officials said the old bridge fell on Monday. “It was a disaster,” said Jane Doe, an"
    " engineer at Acme Corp.\n\n"
    "“We warned them,” she added. Analysts said more bridges will fall.\n"
)


def run(*args: str, url: str | None = None):
    prefix = ["--database", url] if url else []
    return CliRunner().invoke(main, [*prefix, *args], catch_exceptions=False)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


# -- extract ----------------------------------------------------------------------------------


def test_extract_writes_a_folder_that_loads_unchanged(tmp_path, engine, database_url):
    out = tmp_path / "draft"
    result = run(
        "extract", str(SEED / "article.txt"), "--published", "2024-01-19", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    assert (out / "article.txt").read_bytes() == (SEED / "article.txt").read_bytes()
    yaml_text = (out / "annotations.yaml").read_text(encoding="utf-8")
    assert yaml_text.startswith("# A DRAFT annotation")
    assert f"newsdb load {out}" in yaml_text and "kind: rule" in yaml_text
    assert len(re.findall(r"^  confidence: [01]\.?\d*$", yaml_text, re.MULTILINE)) > 50
    loaded = run("load", str(out), url=database_url)
    assert loaded.exit_code == 0, loaded.output
    assert ": inserted" in loaded.output
    assert run("verify", url=database_url).exit_code == 0
    with Session(engine) as session:
        article = session.scalars(select(Article)).one()
        assert article.published_date.isoformat() == "2024-01-19"
        assert article.slug.endswith("-76be6a2a")
        assert session.scalar(select(func.count()).select_from(Quote)) >= 8


def test_extract_refuses_a_folder_that_is_not_empty(tmp_path):
    out = tmp_path / "draft"
    out.mkdir()
    write(out / "notes.txt", "mine")
    story = write(tmp_path / "story.txt", STORY)
    result = run("extract", str(story), "--out", str(out))
    assert result.exit_code == 1
    assert "not empty; nothing written (give --force" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    forced = run("extract", str(story), "--out", str(out), "--force", "--slug", "my-story")
    assert forced.exit_code == 0, forced.output
    assert "slug: my-story" in (out / "annotations.yaml").read_text(encoding="utf-8")


def test_extract_json_offsets_are_python_string_offsets(tmp_path):
    # a byte-order mark and CRLF line ends (the stored text has neither: Python reads the
    # file so with utf-8-sig), a character outside the BMP
    text = "\ufeff🙂 Mayor’s day\r\n\r\n“We will rebuild,” said Mayor Ann Lee on Friday.\r\n"
    path = write(tmp_path / "crlf.txt", text)
    result = run("extract", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["path"] == str(path)
    read = path.open(encoding="utf-8-sig").read()
    assert found["attributions"], "the quote is found"
    for att in found["attributions"]:
        assert set(att) == {
            "kind", "attribution_mode", "content", "cue", "source", "speaker", "confidence"
        }  # fmt: skip
        for part in ("content", "cue", "source"):
            if att[part] is not None:
                assert read[att[part]["start"] : att[part]["end"]] == att[part]["text"]
    quote = next(a for a in found["attributions"] if a["kind"] == "direct")
    assert quote["content"]["text"] == "We will rebuild,"
    assert quote["speaker"] == "Ann Lee" or quote["speaker"].endswith("Ann Lee")


def test_extract_jsonl_prints_one_line_per_file(tmp_path):
    first = write(tmp_path / "a.txt", STORY)
    second = write(tmp_path / "b.txt", (SEED / "article.txt").read_bytes())
    result = run("extract", "--format", "jsonl", str(first), str(second))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [str(first), str(second)]
    seed = json.loads(lines[1])["attributions"]
    body = (SEED / "article.txt").read_text(encoding="utf-8")
    assert all(
        body[a["content"]["start"] : a["content"]["end"]] == a["content"]["text"] for a in seed
    )


BAD = [
    pytest.param(b"caf\xe9 au lait", "not UTF-8: byte 0xe9 at offset 3", id="latin-1"),
    pytest.param(b"", "empty: there is no text to draft from", id="empty"),
    pytest.param(b" \n\n \n", "empty: there is no text to draft from", id="blank"),
    pytest.param(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary, not text: a NUL byte", id="binary"),
    pytest.param(
        b"\x01\x02\x03\x04 text" * 10, "binary, not text: 40 control characters", id="controls"
    ),
    pytest.param(
        "Officials said\nthe K\u0083rner bridge fell.".encode(),
        "a control character (U+0083) at character 21 (line 2): an article's text is printable"
        " text; remove or replace it first",
        id="one-control",
    ),
]


@pytest.mark.parametrize(("content", "reason"), BAD)
def test_extract_refuses_bad_input_in_one_line(tmp_path, content, reason):
    path = write(tmp_path / "bad.txt", content)
    out = tmp_path / "out"
    for args in (["--out", str(out)], ["--format", "json"]):
        result = run("extract", str(path), *args)
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: {path}: {reason}")
        assert len(result.output.splitlines()) == 1
        assert not out.exists()


def test_extract_refuses_a_text_over_the_cap(tmp_path):
    path = write(tmp_path / "big.txt", STORY * 100)
    result = run("extract", str(path), "--out", str(tmp_path / "out"), "--max-bytes", "1000")
    assert result.exit_code == 1
    assert f"{path}: {len(STORY.encode()) * 100:,} bytes, over the cap of 1,000" in result.output
    assert not (tmp_path / "out").exists()
    big = write(tmp_path / "big2.txt", b"word " * (4 * 1024 * 1024 + 1))  # over 20 MB
    result = run("extract", "--format", "jsonl", str(path), str(big))
    assert result.exit_code == 1 and result.output.startswith(f"Error: {big}: 20,971,525 bytes")
    assert "{" not in result.output  # nothing printed for the good file either


# -- ingest -----------------------------------------------------------------------------------


def test_ingest_twice_changes_nothing(tmp_path, engine, database_url):
    texts = tmp_path / "texts"
    texts.mkdir()
    write(texts / "story.txt", STORY)
    write(texts / "seed.txt", (SEED / "article.txt").read_bytes())
    first = run("ingest", "--published", "2024-01-19", str(texts), url=database_url)
    assert first.exit_code == 0, first.output
    assert "2 article(s)" in first.output and "2 new" in first.output
    before = counts(engine)
    again = run("ingest", "--published", "2024-01-19", str(texts), url=database_url)
    assert again.exit_code == 0, again.output
    assert "0 new, 0 updated, 2 unchanged, 0 failed; 0 rows written" in again.output
    assert counts(engine) == before
    later = run("ingest", "--published", "2024-01-20", str(texts), url=database_url)
    assert "0 new, 2 updated, 0 unchanged" in later.output  # another date: drafted again
    with Session(engine) as session:
        assert problems(session) == []
        assert set(session.scalars(select(Annotator.kind))) == {"rule"}
        dates = set(session.scalars(select(Article.published_date)))
        assert {d.isoformat() for d in dates} == {"2024-01-20"}


def test_a_bad_article_is_reported_and_the_others_loaded(tmp_path, engine, database_url):
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", b"caf\xe9")
    lines = tmp_path / "more.jsonl"
    records = [
        {"text": "Analysts said the port will reopen.", "headline": "Port", "published": "2024-02-01",
         "outlet": "The Daily", "url": "https://example.org/port"},
        {"text": ""},
        {"text": "Officials said the road is closed.", "published": "Feb 1"},
    ]  # fmt: skip
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n", encoding="utf-8")
    result = run(
        "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(lines), url=database_url
    )
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert failed == [
        (
            f"failed: {tmp_path / 'b.txt'}: not UTF-8: byte 0xe9 at offset 3 (unexpected end"
            " of data); convert it first, e.g. iconv -f latin1 -t utf-8"
        ),
        f"failed: {lines}:2: empty: there is no text to draft from",
        f"failed: {lines}:3: published 'Feb 1' is not a day (YYYY-MM-DD)",
        f"failed: {lines}:4: not a JSON object: Expecting value at column 1",
    ]
    assert "Error: 4 of 6 article(s) failed" in result.output
    with Session(engine) as session:
        port = session.scalars(select(Article).where(Article.headline == "Port")).one()
        assert (port.outlet, port.url, str(port.published_date)) == (
            "The Daily", "https://example.org/port", "2024-02-01"
        )  # fmt: skip
        assert session.scalar(select(func.count()).select_from(Article)) == 2
        assert problems(session) == []


def test_ingest_keeps_a_hand_annotation_and_a_hand_annotation_replaces_a_draft(
    tmp_path, engine, database_url
):
    text = write(tmp_path / "mini.txt", (MINI / "article.txt").read_bytes())
    assert run("ingest", str(text), url=database_url).exit_code == 0
    with Session(engine) as session:
        drafted = session.scalar(select(Article.slug))
        assert drafted != "mini-bridge"
    loaded = run("load", str(MINI), url=database_url)
    assert loaded.exit_code == 0, loaded.output
    with Session(engine) as session:
        assert list(session.scalars(select(Article.slug))) == ["mini-bridge"]
        speakers = session.scalars(select(Annotator.kind).join(Quote)).all()
        assert set(speakers) == {"hand"}
    again = run("ingest", str(text), url=database_url)
    assert again.exit_code == 0, again.output
    assert f"{text}: kept as mini-bridge, annotated by hand" in again.output
    with Session(engine) as session:
        assert set(session.scalars(select(Annotator.kind).join(Quote))) == {"hand"}


def _fingerprints(url: str) -> dict[tuple[str, str], str]:
    from newsdb.db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT a.slug, f.table_name, f.sha256 FROM article_fingerprint f"
                " JOIN article a ON a.id = f.article_id"
            )
            return {(slug, table): sha for slug, table, sha in rows}
    finally:
        engine.dispose()


def test_ingest_in_worker_processes_stores_what_one_process_does(tmp_path, engine, database_url):
    """--jobs drafts in workers; what is stored and what is reported, in order, are the same."""
    texts = tmp_path / "texts"
    texts.mkdir()
    write(texts / "a-story.txt", STORY)
    write(texts / "b-bad.txt", b"caf\xe9")
    write(texts / "c-seed.txt", (SEED / "article.txt").read_bytes())
    write(texts / "d-mini.txt", (MINI / "article.txt").read_bytes())
    write(texts / "e-empty.txt", "   \n")
    by_workers = run(
        "ingest", "--jobs", "2", "--published", "2024-01-19", str(texts), url=database_url
    )
    alone_url = f"sqlite:///{tmp_path / 'alone.sqlite'}"
    alone = run("ingest", "--jobs", "1", "--published", "2024-01-19", str(texts), url=alone_url)
    assert by_workers.exit_code == alone.exit_code == 1

    def failed(output: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith("failed: ")]

    assert len(failed(by_workers.output)) == 2
    assert failed(by_workers.output) == failed(alone.output)
    assert "3 new" in by_workers.output
    prints = _fingerprints(database_url)
    assert len({slug for slug, _ in prints}) == 3
    assert prints == _fingerprints(alone_url)
    with Session(engine) as session:
        assert problems(session) == []


def test_ingest_refuses_a_text_with_a_control_character_in_one_line(tmp_path, engine, database_url):
    """Mojibake leaves C1 controls (U+0083) that a body may not hold: the text's own file is
    named, not the draft's article.txt, and not the rules' validation error."""
    write(tmp_path / "good.txt", STORY)
    bad = write(tmp_path / "mojibake.txt", STORY.replace("Jane", "J\u0083ane"))
    lines = tmp_path / "more.jsonl"
    lines.write_text(json.dumps({"text": "Analysts said K\u0083rner left."}) + "\n")
    result = run("ingest", str(tmp_path), url=database_url)
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    why = "an article's text is printable text; remove or replace it first"
    assert failed == [
        f"failed: {bad}: a control character (U+0083) at character 101 (line 3): {why}",
        f"failed: {lines}:1: a control character (U+0083) at character 16 (line 1): {why}",
    ]
    assert "1 new" in result.output


def test_a_rule_that_breaks_skips_its_text_in_one_line(tmp_path, engine, database_url, monkeypatch):
    from newsdb.extract import ingest

    real = ingest.extract

    def breaks_on_bridges(text, published):
        if "bridge" in text:
            raise ValueError(
                "1 problem\nfield\n  For further information visit https://errors.pydantic.dev/x"
            )
        return real(text, published)

    monkeypatch.setattr(ingest, "extract", breaks_on_bridges)
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.txt", "Analysts said the port will reopen.\n")
    result = run("ingest", str(tmp_path), url=database_url)
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert failed == [
        f"failed: {tmp_path / 'a.txt'}: the rules failed on it: ValueError: 1 problem field"
    ]
    assert "field" not in result.output.replace(failed[0], "")  # nothing more of it printed
    assert "1 new" in result.output
