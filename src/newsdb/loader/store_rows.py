"""Storing an article's own rows: compared with what is stored, replaced when they differ."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from newsdb.loader.keys import Keys
from newsdb.loader.plan import Plan
from newsdb.loader.report import Report
from newsdb.loader.tables import _BY_CLAIM, ARTICLE_TABLES, FOREIGN
from newsdb.models import Claim, Quote
from newsdb.rows import write_rows

_SKIP = {"id", "article_id", "created_at"}


def _columns(model) -> list[str]:
    return [c.name for c in model.__table__.columns if c.name not in _SKIP]


def _stored_rows(session: Session, model, article_id: int, keys: Keys) -> list[dict[str, Any]]:
    """The article's rows of ``model`` as they are stored, with natural keys for foreign keys."""
    table = model.__table__
    query = select(table)
    if model in _BY_CLAIM:
        query = query.where(
            table.c.claim_id.in_(select(Claim.id).where(Claim.article_id == article_id))
        )
    else:
        query = query.where(table.c.article_id == article_id)
    rows = []
    for row in session.execute(query).mappings():
        if model in (Quote, Claim):
            keys.remember(model.__tablename__, row["key"], row["id"])
        rows.append(dict(row))
    return rows


def _natural(row: dict[str, Any], model, keys: Keys) -> tuple:
    return tuple(
        keys.name(FOREIGN[c], row[c]) if FOREIGN.get(c) else row[c] for c in _columns(model)
    )


def _comparable(row: dict[str, Any], model) -> tuple:
    return tuple(row[c] for c in _columns(model))


def _store_article_rows(
    session: Session, plan: Plan, article_id: int, keys: Keys, report: Report
) -> None:
    """Compare the article's annotation rows with the plan; when anything differs, replace them."""
    if report.status == "inserted":  # a new article has no rows yet to compare
        stored = {model: [] for model in ARTICLE_TABLES}
    else:
        stored = {model: _stored_rows(session, model, article_id, keys) for model in ARTICLE_TABLES}
    diffs = {}
    for model in ARTICLE_TABLES:
        if not stored[model]:
            diffs[model] = (len(plan.rows[model]), 0, len(plan.rows[model]))
            continue
        have = Counter(_natural(row, model, keys) for row in stored[model])
        want = Counter(_comparable(row, model) for row in plan.rows[model])
        diffs[model] = (
            sum((want - have).values()),
            sum((have - want).values()),
            len(plan.rows[model]),
        )
    if not any(added or removed for added, removed, _ in diffs.values()):
        return
    if report.status == "unchanged":
        report.status = "updated"
    for model in reversed(ARTICLE_TABLES) if report.status != "inserted" else ():
        ids = [row["id"] for row in stored[model]] if "id" in model.__table__.c else None
        if model in _BY_CLAIM or ids is None:
            session.execute(
                delete(model).where(
                    model.claim_id.in_(select(Claim.id).where(Claim.article_id == article_id))
                )
            )
        else:
            if model is Quote:  # segments point at each other
                session.execute(
                    update(Quote).where(Quote.article_id == article_id).values(continues_id=None)
                )
            session.execute(delete(model).where(model.article_id == article_id))
    for model in ARTICLE_TABLES:
        _insert_rows(session, model, plan.rows[model], article_id, keys)
        added, removed, total = diffs[model]
        report.count(model.__tablename__, "inserted", added)
        report.count(model.__tablename__, "deleted", removed)
        report.count(model.__tablename__, "unchanged", total - added)


def _insert_rows(
    session: Session, model, rows: list[dict[str, Any]], article_id: int, keys: Keys
) -> None:
    """Insert the article's rows of ``model`` in one write (:func:`newsdb.rows.write_rows`;
    quotes in waves, each after the segments it continues), then learn the ids of its quotes
    and claims."""
    if not rows:
        return
    connection = session.connection()
    table = model.__table__
    columns = list(rows[0])
    foreign = [c in FOREIGN and c != "continues_id" for c in columns]
    values = [
        [keys.id(row[c]) if f else row[c] for c, f in zip(columns, foreign, strict=True)]
        for row in rows
    ]
    if "article_id" in table.c:
        columns.append("article_id")
        for one in values:
            one.append(article_id)
    if model is not Quote:
        write_rows(connection, table, columns, [tuple(v) for v in values])
        if model is Claim:
            _learn_keys(connection, model, article_id, keys)
        return
    at = columns.index("continues_id")
    for one in values:
        one[at] = None  # known once the segment it continues is stored
    for wave in _waves(rows, values):
        write_rows(connection, table, columns, [tuple(v) for v in wave])
        _learn_keys(connection, model, article_id, keys)
        for one, row in zip(values, rows, strict=True):
            if row["continues_id"] is not None and one[at] is None:
                one[at] = keys.ids.get(row["continues_id"])


def _waves(rows: list[dict[str, Any]], values: list[list]):
    """Quote segments in waves: each wave continues only segments of earlier waves (the rows
    come ordered by :func:`~newsdb.loader.plan_quotes._continued_first`); the values get
    their ids filled in between."""
    done: set[str] = set()
    pending = list(zip(rows, values, strict=True))
    while pending:
        wave = [
            (r, v) for r, v in pending if r["continues_id"] is None or r["continues_id"][1] in done
        ]
        done.update(r["key"] for r, _ in wave)
        pending = [(r, v) for r, v in pending if r["key"] not in done]
        yield [v for _, v in wave]


def _learn_keys(connection, model, article_id: int, keys: Keys) -> None:
    table = model.__table__
    query = select(table.c.key, table.c.id).where(table.c.article_id == article_id)
    for key, id_ in connection.execute(query):
        keys.remember(model.__tablename__, key, id_)
