"""Checking stored data against the stored text, against what the annotation said, and
against itself.

- the text: every span against the body (and not past its end), every article's sha256, its
  paragraphs, a direct or partial quote still between its quotation marks, the words an
  event report says it quotes;
- the annotation: each article's rows, table by table, against the fingerprint the loader
  stored (:mod:`newsdb.fingerprint`), naming the rows gone or not as loaded;
- itself: rows that point at no row (written while foreign keys were off), quote
  continuations and actor or event parents that make a cycle, the tallies against a recount.

Articles are read a chunk at a time and each table once per chunk, so the cost grows with
the rows, not with articles times tables.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from newsdb import fingerprint, paragraphs, tally
from newsdb.loader import between_marks
from newsdb.models import (
    Actor,
    Affiliation,
    Article,
    Base,
    Claim,
    Event,
    EventMention,
    EventReport,
    Mention,
    Paragraph,
    Quote,
    TimeExpression,
)
from newsdb.vocab import QuoteKind

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
#: articles read at a time
CHUNK = 500
#: how a problem with no article of its own (a shared actor or event) is labelled
SHARED = "(shared)"


@dataclass(frozen=True)
class Problem:
    article: str
    table: str
    row: int | None
    reason: str
    #: what the rows were held to: "text", "annotation" (the fingerprint), "rows" (foreign
    #: keys, cycles) or "tally"
    check: str = "text"


def problems(session: Session) -> list[Problem]:
    """Everything stored that does not match its article's text, its annotation as loaded, or
    itself; an empty list when all is well."""
    connection = session.connection()
    names = fingerprint.Names(connection)
    found: list[Problem] = []
    for articles in _chunks(connection):
        found += _text_problems(connection, articles)
        found += _fingerprint_problems(connection, articles, names)
    found += _orphans(connection, names.articles)
    found += _cycles(connection, names.articles)
    found += _tally_problems(connection, names.articles)
    return found


def _chunks(connection: Connection):
    """The articles (id, slug, body, sha256), :data:`CHUNK` at a time, in id order."""
    last = None
    while True:
        query = select(Article.id, Article.slug, Article.body, Article.sha256).order_by(Article.id)
        if last is not None:
            query = query.where(Article.id > last)
        rows = connection.execute(query.limit(CHUNK)).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def _text_problems(connection: Connection, articles) -> list[Problem]:
    """Spans, sha256, paragraphs, quotation marks and words as written, for a chunk."""
    found: list[Problem] = []
    by_id = {a.id: a for a in articles}
    for article in articles:
        digest = hashlib.sha256(article.body.encode("utf-8")).hexdigest()
        if digest != article.sha256:
            reason = f"body has sha256 {digest}, stored {article.sha256}"
            found.append(Problem(article.slug, "article", article.id, reason))
    found += _paragraph_problems(connection, by_id)
    for model, words, start, end in SPANS:
        t = model.__table__
        query = select(t.c.article_id, t.c.id, t.c[words], t.c[start], t.c[end]).where(
            t.c.article_id.in_(by_id), t.c[start].is_not(None)
        )
        for article_id, row_id, text, lo, hi in connection.execute(query):
            body = by_id[article_id].body
            if hi > len(body):
                reason = f"{words} {text!r} at {lo}:{hi} runs past the end of the body ({len(body)} characters)"
            elif body[lo:hi] != text:
                reason = f"{words} {text!r} but the text at {lo}:{hi} is {body[lo:hi]!r}"
            else:
                continue
            found.append(Problem(by_id[article_id].slug, model.__tablename__, row_id, reason))
    found += _mark_problems(connection, by_id)
    for model, words in WORDS:
        t = model.__table__
        query = select(t.c.article_id, t.c.id, t.c[words]).where(
            t.c.article_id.in_(by_id), t.c[words].is_not(None)
        )
        for article_id, row_id, text in connection.execute(query):
            if text not in by_id[article_id].body:
                reason = f"{words} {text!r} is not in the text"
                found.append(Problem(by_id[article_id].slug, model.__tablename__, row_id, reason))
    return found


def _mark_problems(connection: Connection, by_id: dict) -> list[Problem]:
    """A direct or partial quote is the words between its quotation marks, as loaded."""
    query = select(Quote.article_id, Quote.id, Quote.key, Quote.kind, Quote.span_start, Quote.span_end).where(
        Quote.article_id.in_(by_id), Quote.kind != QuoteKind.INDIRECT.value
    )  # fmt: skip
    found = []
    for article_id, row_id, key, kind, lo, hi in connection.execute(query):
        body = by_id[article_id].body
        if hi <= len(body) and not between_marks(body, lo, hi):
            reason = (
                f"{kind} quote {key!r} at {lo}:{hi} no longer runs from its opening quotation"
                f" mark to its closing one: {body[max(lo - 1, 0) : hi + 1]!r}"
            )
            found.append(Problem(by_id[article_id].slug, "quote", row_id, reason))
    return found


def _paragraph_problems(connection: Connection, by_id: dict) -> list[Problem]:
    """Each article's paragraph rows must cover its text and be the paragraphs the rule finds."""
    stored: dict[int, list[tuple]] = defaultdict(list)
    query = (
        select(Paragraph.article_id, Paragraph.number, Paragraph.span_start, Paragraph.span_end)
        .where(Paragraph.article_id.in_(by_id))
        .order_by(Paragraph.article_id, Paragraph.number)
    )
    for article_id, *row in connection.execute(query):
        stored[article_id].append(tuple(row))
    found = []
    for article_id, article in by_id.items():
        rows = stored[article_id]
        reason = paragraphs.uncovered(article.body, rows)
        if reason is None and [s[1:] for s in rows] != paragraphs.spans(article.body):
            reason = (
                f"the {len(rows)} paragraphs stored are not the"
                f" {len(paragraphs.spans(article.body))} of the text (newsdb.paragraphs):"
                " load the article again"
            )
        if reason:
            found.append(Problem(article.slug, "paragraph", None, reason))
    return found


def _fingerprint_problems(connection: Connection, articles, names) -> list[Problem]:
    """Each article's rows, table by table, against the fingerprint stored when it was loaded."""
    ids = [a.id for a in articles]
    loaded = fingerprint.stored(connection, ids)
    now = fingerprint.of_database(connection, ids, names)
    found = []
    for article in articles:
        tables = loaded.get(article.id)
        if not tables:
            found.append(
                Problem(
                    article.slug,
                    "article_fingerprint",
                    None,
                    "no fingerprint: loaded before migration 0014, so what its annotation said"
                    " is not known; load it again, or `newsdb verify --refingerprint` takes"
                    " its rows as they stand",
                    "annotation",
                )
            )
            continue
        for table in fingerprint.COLUMNS:
            if table not in tables:
                reason = "no fingerprint of this table (deleted since loading?): load it again"
            elif tables[table].sha256 != now[article.id][table].sha256:
                reason = fingerprint.changes(tables[table], now[article.id][table], table)
            else:
                continue
            found.append(Problem(article.slug, table, None, reason, "annotation"))
    return found


def _orphans(connection: Connection, slugs: dict[int, str]) -> list[Problem]:
    """Rows whose foreign key points at no row: written while SQLite's foreign keys were off,
    or PostgreSQL's triggers (session_replication_role = replica). One query per foreign key."""
    claim = Base.metadata.tables["claim"]
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
            column, target = fk.parent, fk.column.table
            parent = target.alias("parent")
            if "article_id" in table.c:  # the article itself, when it is what is missing
                owner = table.c.article_id
            elif "claim_id" in table.c and column.name != "claim_id":
                owner = (
                    select(claim.c.article_id)
                    .where(claim.c.id == table.c.claim_id)
                    .scalar_subquery()
                )
            else:
                owner = None
            query = (
                select(owner if owner is not None else func.min(column), func.count())
                .select_from(table.outerjoin(parent, parent.c[fk.column.name] == column))
                .where(column.is_not(None), parent.c[fk.column.name].is_(None))
            )
            if owner is not None:
                query = query.group_by(owner)
            for article_id, n in connection.execute(query):
                if not n:
                    continue
                where = (
                    SHARED if owner is None else slugs.get(article_id, f"article id {article_id}")
                )
                reason = (
                    f"{n} row(s) whose {column.name} points at no {target.name} row"
                    " (written while foreign keys were off?)"
                )
                found.append(Problem(where, table.name, None, reason, "rows"))
    return found


def _cycles(connection: Connection, slugs: dict[int, str]) -> list[Problem]:
    """Quote continuations, and actor and event parents, that lead back to where they start."""
    found = []
    quotes = connection.execute(
        select(Quote.id, Quote.continues_id, Quote.article_id, Quote.key).where(
            Quote.continues_id.is_not(None)
        )
    ).all()
    for cycle in _loops({q.id: q.continues_id for q in quotes}):
        rows = {q.id: q for q in quotes}
        keys = " -> ".join(rows[i].key for i in [*cycle, cycle[0]])
        article = slugs.get(rows[cycle[0]].article_id, SHARED)
        found.append(
            Problem(article, "quote", cycle[0], f"quote continuations make a cycle: {keys}", "rows")
        )
    for model, what in ((Actor, "part_of"), (Event, "parent")):
        rows = connection.execute(
            select(model.id, model.parent_id, model.slug).where(model.parent_id.is_not(None))
        ).all()
        slug = {r.id: r.slug for r in rows}
        for cycle in _loops({r.id: r.parent_id for r in rows}):
            chain = " -> ".join(slug[i] for i in [*cycle, cycle[0]])
            reason = f"{model.__tablename__} {what} makes a cycle: {chain}"
            found.append(Problem(SHARED, model.__tablename__, cycle[0], reason, "rows"))
    return found


def _loops(successor: dict[int, int]) -> list[list[int]]:
    """The cycles of a graph where each node leads to at most one other."""
    state: dict[int, int] = {}  # 1: on the path being walked, 2: done
    cycles = []
    for start in successor:
        path, node = [], start
        while node in successor and node not in state:
            state[node] = 1
            path.append(node)
            node = successor[node]
        if state.get(node) == 1:
            cycle = path[path.index(node) :]
            at = cycle.index(min(cycle))  # told from its smallest id, whichever it is found from
            cycles.append(cycle[at:] + cycle[:at])
        for n in path:
            state[n] = 2
    return cycles


def _tally_problems(connection: Connection, slugs: dict[int, str]) -> list[Problem]:
    found = []
    for diff in tally.differences(connection):
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
                "tally",
            )
        )
    return found
