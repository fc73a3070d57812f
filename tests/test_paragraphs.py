"""Paragraphs: blank lines separate them where a text has any; verify catches a table that
does not cover the text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from newsdb import paragraphs
from newsdb.loader import load_folder
from newsdb.models import Article, Paragraph
from newsdb.verify import problems

SEED = Path(__file__).parents[1] / "seeds" / "pakistan-iran-off-ramp" / "article.txt"


def texts(body: str) -> list[str]:
    return [body[start:end] for start, end in paragraphs.spans(body)]


def test_the_seed_keeps_a_paragraph_per_line():
    body = SEED.read_text(encoding="utf-8")
    offset, lines = 0, []
    for line in body.split("\n"):
        lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    assert "\n\n" not in body
    assert paragraphs.spans(body) == lines
    assert len(lines) == 26


def test_blank_lines_separate_paragraphs():
    body = "Title\n\nFirst para,\nstill the first.\n\n\n  \nSecond para.\n"
    assert texts(body) == ["Title", "First para,\nstill the first.", "Second para."]


def test_white_space_around_a_paragraph_is_left_out():
    body = "Title\r\n\r\n  Indented words. \r\n\r\nLast."
    assert texts(body) == ["Title", "Indented words.", "Last."]


def test_no_paragraph_is_empty():
    assert texts("\n\nOnly one.\n\n") == ["Only one."]
    assert texts("one\ntwo\n") == ["one", "two"]  # no blank line: a paragraph per line


@pytest.mark.parametrize(
    ("stored", "reason"),
    [
        ([(1, 0, 5), (2, 7, 14)], "in no paragraph"),
        ([(1, 0, 5), (3, 7, 14), (4, 16, 21)], "paragraph 2 is missing"),
        ([(1, 0, 9), (2, 7, 14), (3, 16, 21)], "overlaps"),
    ],
)
def test_uncovered_says_what_is_wrong(stored, reason):
    body = "Title\n\nFirst.\n\nLast."
    assert (
        paragraphs.uncovered(body, [(n, *s) for n, s in enumerate(paragraphs.spans(body), 1)])
        is None
    )
    assert reason in paragraphs.uncovered(body, stored)


def _folder(tmp_path: Path, body: bytes) -> Path:
    folder = tmp_path / "blank-lines"
    folder.mkdir()
    (folder / "article.txt").write_bytes(body)
    (folder / "annotations.yaml").write_text(
        f"""article:
  slug: blank-lines
  sha256: {hashlib.sha256(body).hexdigest()}
  headline: {{origin: unknown}}
  outlet: {{origin: unknown}}
  byline: {{origin: unknown}}
  url: {{origin: unknown}}
  published: {{origin: unknown}}
  language: {{origin: unknown}}
annotator: {{kind: hand, name: newsdb tests}}
actors:
  - slug: jane-doe
    name: Jane Doe
    kind: person
    mentions: [Jane Doe]
""",
        encoding="utf-8",
    )
    return folder


def test_loaded_paragraphs_and_verify(engine, tmp_path):
    body = b"A headline\n\nThe first paragraph.\n\nJane Doe spoke\nin the second.\n"
    with Session(engine) as session, session.begin():
        load_folder(session, _folder(tmp_path, body))
    with Session(engine) as session:
        rows = session.execute(
            select(Paragraph.number, Paragraph.span_start, Paragraph.span_end).order_by(
                Paragraph.number
            )
        ).all()
        text = body.decode()
        assert [text[a:b] for _, a, b in rows] == [
            "A headline",
            "The first paragraph.",
            "Jane Doe spoke\nin the second.",
        ]
        assert problems(session) == []
    with Session(engine) as session, session.begin():  # the old rule: blank lines numbered
        session.execute(update(Paragraph).where(Paragraph.number == 3).values(number=4))
    with Session(engine) as session:
        assert [p.reason for p in problems(session)] == ["paragraph 3 is missing (found 4)"]
    with Session(engine) as session, session.begin():
        session.execute(delete(Paragraph).where(Paragraph.number == 4))
    with Session(engine) as session:
        found = problems(session)
        assert len(found) == 1 and found[0].table == "paragraph"
        assert "is in no paragraph: 'Jane Doe spoke" in found[0].reason
        assert session.scalar(select(Article.slug)) == found[0].article


def test_verify_catches_paragraphs_numbered_by_lines(engine, tmp_path):
    """What loading did before: every line a paragraph, blank lines empty ones."""
    body = b"A headline\n\nThe first paragraph.\n\nJane Doe spoke."
    with Session(engine) as session, session.begin():
        load_folder(session, _folder(tmp_path, body))
        article_id = session.scalar(select(Article.id))
        session.execute(delete(Paragraph))
        offset = 0
        for number, line in enumerate(body.decode().split("\n"), start=1):
            session.add(
                Paragraph(
                    article_id=article_id,
                    number=number,
                    span_start=offset,
                    span_end=offset + len(line),
                )
            )
            offset += len(line) + 1
    with Session(engine) as session:
        reason = "the 5 paragraphs stored are not the 3 of the text (newsdb.paragraphs)"
        assert [p.reason for p in problems(session)] == [f"{reason}: load the article again"]
