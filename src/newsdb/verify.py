"""Checking stored data against the stored text (every span, every article's sha256, the words
an article's event reports say they quote) and the tallies against a recount."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsdb import paragraphs, tally
from newsdb.models import (
    Affiliation,
    Article,
    Claim,
    EventMention,
    EventReport,
    Mention,
    Paragraph,
    Quote,
    TimeExpression,
)

#: (model, words column, start column, end column) of every span that quotes the article
SPANS = [
    (Mention, "text", "span_start", "span_end"),
    (EventMention, "text", "span_start", "span_end"),
    (Affiliation, "descriptor", "span_start", "span_end"),
    (Quote, "text", "span_start", "span_end"),
    (Quote, "cue", "cue_start", "cue_end"),
    (Claim, "text", "span_start", "span_end"),
    (Claim, "cue", "cue_start", "cue_end"),
    (TimeExpression, "as_written", "span_start", "span_end"),
]
#: words kept as the article wrote them, without a span: they must be in its text
WORDS = [(EventReport, "date_as_written"), (EventReport, "fatalities_as_written")]


@dataclass(frozen=True)
class Problem:
    article: str
    table: str
    row: int | None
    reason: str


def problems(session: Session) -> list[Problem]:
    """Everything stored that does not match its article's text; an empty list when all is well."""
    found: list[Problem] = []
    slugs = {row.id: row.slug for row in session.execute(select(Article.id, Article.slug))}
    for article in session.execute(select(Article.id, Article.slug, Article.body, Article.sha256)):
        digest = hashlib.sha256(article.body.encode("utf-8")).hexdigest()
        if digest != article.sha256:
            found.append(
                Problem(
                    article.slug,
                    "article",
                    article.id,
                    f"body has sha256 {digest}, stored {article.sha256}",
                )
            )
        found.extend(_paragraph_problems(session, article))
        for model, words, start, end in SPANS:
            table = model.__table__
            query = select(table.c.id, table.c[words], table.c[start], table.c[end]).where(
                table.c.article_id == article.id, table.c[start].is_not(None)
            )
            for row_id, text, lo, hi in session.execute(query):
                actual = article.body[lo:hi]
                if hi > len(article.body) or actual != text:
                    found.append(
                        Problem(
                            article.slug,
                            model.__tablename__,
                            row_id,
                            f"{words} {text!r} but the text at {lo}:{hi} is {actual!r}",
                        )
                    )
        for model, words in WORDS:
            table = model.__table__
            query = select(table.c.id, table.c[words]).where(
                table.c.article_id == article.id, table.c[words].is_not(None)
            )
            for row_id, text in session.execute(query):
                if text not in article.body:
                    found.append(
                        Problem(
                            article.slug,
                            model.__tablename__,
                            row_id,
                            f"{words} {text!r} is not in the text",
                        )
                    )
    for diff in tally.differences(session.connection()):
        columns = tally.TALLIES[diff.table][0]
        article_id = diff.row[columns.index("article_id")]
        rest = tuple(v for c, v in zip(columns, diff.row, strict=True) if c != "article_id")
        found.append(
            Problem(
                slugs.get(article_id, f"article id {article_id}"),
                diff.table,
                None,
                f"{diff.side} row {rest} has no match in the "
                f"{'recount' if diff.side == 'stored' else 'stored tally'}"
                " (a write bypassed the triggers? newsdb.tally.rebuild recounts)",
            )
        )
    return found


def _paragraph_problems(session: Session, article) -> list[Problem]:
    """The article's paragraph rows must cover its text and be the paragraphs the rule finds."""
    stored = [
        tuple(row)
        for row in session.execute(
            select(Paragraph.number, Paragraph.span_start, Paragraph.span_end)
            .where(Paragraph.article_id == article.id)
            .order_by(Paragraph.number)
        )
    ]
    reason = paragraphs.uncovered(article.body, stored)
    if reason is None and [s[1:] for s in stored] != paragraphs.spans(article.body):
        reason = (
            f"the {len(stored)} paragraphs stored are not the"
            f" {len(paragraphs.spans(article.body))} of the text (newsdb.paragraphs):"
            " load the article again"
        )
    return [Problem(article.slug, "paragraph", None, reason)] if reason else []
