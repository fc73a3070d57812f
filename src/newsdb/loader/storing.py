"""Storing a plan in the caller's transaction: :func:`store` and :func:`load_folder`."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from newsdb import fingerprint
from newsdb.db import serialize_writes
from newsdb.loader.drafts import _adopt_draft
from newsdb.loader.keys import Keys, Settled
from newsdb.loader.plan import Plan
from newsdb.loader.read import read_folder
from newsdb.loader.report import Report
from newsdb.loader.store_rows import _store_article_rows
from newsdb.loader.store_shared import _store_aliases, _store_named
from newsdb.loader.tables import FOREIGN
from newsdb.models import Actor, Annotator, Article, Event


def store(session: Session, plan: Plan, settled: Settled | None = None, new=None) -> Report:
    """Write ``plan`` in the session's transaction (the caller commits); return what changed.

    ``settled``, when given, is what earlier articles of the transaction stored of the shared
    rows (see :class:`~newsdb.loader.keys.Settled`; the caller keeps or drops what this
    article adds). ``new``, when given, is where the rows of an article the caller found new
    go, to be written with the rest of its batch (:class:`newsdb.batch_write.NewArticles`).

    Loads at once run one after the other: PostgreSQL takes an advisory lock, SQLite begins
    the transaction with ``BEGIN IMMEDIATE`` (the driver would only begin it at the first
    write, after the reads that decide what to write, and two loads that both found no
    annotator or actor yet collided on inserting it).
    """
    serialize_writes(session)
    report = Report(plan.article["slug"])
    keys = Keys(session)
    if new is None:  # a new article's text has no draft to adopt
        _adopt_draft(session, plan)
    settled = settled or Settled()
    _store_annotator(session, plan, keys, report, settled)
    inserted = _store_named(session, plan, Actor, plan.actors, "actor", keys, report, settled)
    _store_aliases(session, plan, keys, report, settled, inserted)
    _store_named(session, plan, Event, plan.events, "event", keys, report, settled)
    if new is not None:
        new.add(plan, keys, report)
        settled.hold(plan.article["slug"], _shared_refs(plan))
        return report
    article_id = _store_article(session, plan, report)
    _store_article_rows(session, plan, article_id, keys, report)
    fingerprint.save(session, article_id, plan)  # what verify holds the rows to (0014)
    session.flush()
    return report


def _shared_refs(plan: Plan) -> set[tuple[str, str]]:
    """The actors and events the article's rows refer to, by natural key."""
    packed = plan.pack()
    refs = set()
    for model in packed:
        names, _ = packed.table(model)
        for name in names:
            if FOREIGN.get(name) in ("actor", "event"):
                refs.update(packed.column(model, name))
    refs.discard(None)
    return refs


def _store_annotator(
    session: Session, plan: Plan, keys: Keys, report: Report, settled: Settled
) -> None:
    kind, name = plan.annotator
    note = plan.doc.annotator.note
    if (hit := settled.get("annotator", plan.annotator)) and hit[1] == note:
        keys.remember("annotator", plan.annotator, hit[0])
        return
    found = session.execute(
        select(Annotator.id, Annotator.note).where(Annotator.kind == kind, Annotator.name == name)
    ).first()
    if found is None:
        id_ = session.scalar(
            insert(Annotator).values(kind=kind, name=name, note=note).returning(Annotator.id)
        )
        report.count("annotator", "inserted")
    else:
        id_ = found.id
        if found.note != note:
            session.execute(update(Annotator).where(Annotator.id == id_).values(note=note))
            report.count("annotator", "updated")
    keys.remember("annotator", plan.annotator, id_)
    settled.add("annotator", plan.annotator, id_, note)


def _store_article(session: Session, plan: Plan, report: Report) -> int:
    values = plan.article
    columns = Article.__table__.c
    row = session.execute(select(columns).where(columns.slug == values["slug"])).one_or_none()
    if row is None:
        report.status = "inserted"
        return session.scalar(insert(Article).values(**values).returning(Article.id))
    if any(getattr(row, k) != v for k, v in values.items()):
        session.execute(update(Article).where(Article.id == row.id).values(**values))
        report.status = "updated"
    return row.id


def load_folder(session: Session, folder: Path | str) -> Report:
    """Read, check and store one article folder in the session's transaction."""
    return store(session, read_folder(folder))
