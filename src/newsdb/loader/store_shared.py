"""Storing the shared rows: actors and events upserted by slug (merged with what other
articles rely on), and actors' aliases.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, union, update
from sqlalchemy.orm import Session

from newsdb.annotation_errors import shown
from newsdb.loader.keys import Keys, Settled
from newsdb.loader.plan import Plan
from newsdb.loader.report import Report
from newsdb.loader.tables import FOREIGN
from newsdb.models import (
    ActorAlias,
    Affiliation,
    Article,
    Claim,
    ClaimEvent,
    EventMention,
    EventParticipant,
    EventReport,
    Mention,
    Quote,
)
from newsdb.rows import new_ids, write_rows

#: The fields of a shared actor or event, in groups that are stored or kept together: the
#: columns, where the annotation gives each, and the values that mean it says nothing.
_GROUPS: dict[str, list[tuple[tuple[str, ...], tuple[tuple, ...], tuple]]] = {
    "actor": [
        (("name",), (("name",),), (None,)),
        (("kind",), (("kind",),), (None,)),
        (("sector",), (("sector",),), ("unknown",)),
        (("country",), (("country",),), (None,)),
        (("wikidata_id",), (("wikidata",),), (None,)),
        (("note",), (("note",),), (None,)),
        (("parent_id",), (("part_of",),), (None,)),
    ],
    "event": [
        (("name",), (("name",),), (None,)),
        (("event_type",), (("type",),), (None,)),
        (("parent_id",), (("parent",),), (None,)),
        (
            ("start_date", "end_date", "date_precision", "date_resolution", "date_source"),
            (
                ("date", "start"),
                ("date", "end"),
                ("date", "precision"),
                ("date", "resolution"),
                ("date", "source"),
            ),
            (None, None, "unknown", "unresolved", None),
        ),
        (("location",), (("location",),), (None,)),
        (("country",), (("country",),), (None,)),
    ],
}


def _elsewhere(session: Session, kind: str, id_: int, article: str) -> list[str]:
    """The slugs of the articles other than ``article`` whose rows refer to an actor or event."""
    if kind == "actor":
        refs = [
            select(Mention.article_id).where(Mention.actor_id == id_),
            select(Quote.article_id).where(Quote.speaker_id == id_),
            select(Claim.article_id).where(Claim.source_id == id_),
            select(Affiliation.article_id).where(
                (Affiliation.person_id == id_) | (Affiliation.organisation_id == id_)
            ),
            select(EventParticipant.article_id).where(EventParticipant.actor_id == id_),
            select(EventReport.article_id).where(EventReport.fatalities_reported_by_id == id_),
        ]
    else:
        refs = [
            select(EventMention.article_id).where(EventMention.event_id == id_),
            select(EventReport.article_id).where(EventReport.event_id == id_),
            select(EventParticipant.article_id).where(EventParticipant.event_id == id_),
            select(Claim.article_id)
            .join(ClaimEvent, ClaimEvent.claim_id == Claim.id)
            .where(ClaimEvent.event_id == id_),
        ]
    return list(
        session.scalars(
            select(Article.slug)
            .where(Article.id.in_(union(*refs)), Article.slug != article)
            .order_by(Article.slug)
        )
    )


def _shown(value: Any) -> str:
    return "none" if value is None else shown(str(value))


def _merge_shared(
    session: Session,
    plan: Plan,
    kind: str,
    index: int,
    row,
    full: dict,
    keys: Keys,
    settled: Settled,
) -> dict:
    """The values to store for an actor or event that other articles refer to.

    Their fields are shared: this article may give a value the row lacks, and where it says
    nothing (no date, no country...) the stored value stays; a value that differs from the
    stored one is refused, naming the articles that have it, and nothing is written.
    """
    article = plan.article["slug"]
    held = settled.held_by(kind, row.slug) - {article}  # their rows not written yet
    others = sorted(set(_elsewhere(session, kind, row.id, article)) | held)
    if not others:
        return full  # the article's own: this annotation may change anything
    merged = dict(full)
    section = "actors" if kind == "actor" else "events"
    for columns, paths, nothing in _GROUPS[kind]:
        stored = tuple(getattr(row, c) for c in columns)
        given = tuple(full[c] for c in columns)
        if given == stored or stored == nothing:
            continue
        if given == nothing:
            merged.update(zip(columns, stored, strict=True))  # keep what the others rely on
            continue
        column, path, old, new = next(
            (c, p, o, n) for c, p, o, n in zip(columns, paths, stored, given, strict=True) if o != n
        )
        if column == "parent_id":  # by slug, as the annotation gives it
            old, new = (keys.name(kind, v)[1] if v else None for v in (old, new))
        raise plan.fail(
            f"{kind} {row.slug!r} is shared with {', '.join(repr(o) for o in others[:3])}"
            f"{' and others' if len(others) > 3 else ''}, where its {'.'.join(path)} is"
            f" {_shown(old)}, not {_shown(new)}: make the annotations agree, or give this"
            f" {kind} a slug of its own",
            section,
            index,
            *path,
        )
    return merged


def _store_named(
    session: Session,
    plan: Plan,
    model,
    wanted: dict[str, dict],
    kind: str,
    keys: Keys,
    report: Report,
    settled: Settled,
) -> set[str]:
    """Upsert actors or events by slug; return the slugs of those inserted.

    An actor or event that other articles refer to is shared: see :func:`_merge_shared`.
    One that an earlier article of the transaction settled as this one gives it is left be.
    """
    table = model.__tablename__
    order = {slug: i for i, slug in enumerate(wanted)}
    todo, unchanged = {}, 0
    for slug, values in wanted.items():
        if (hit := settled.get(kind, slug)) and hit[1] == values:
            keys.remember(kind, slug, hit[0])
            unchanged += 1
        else:
            todo[slug] = values
    report.count(table, "unchanged", unchanged)  # once: a seed-size article has ~65
    if not todo:
        return set()
    existing = _insert_new(session, model, todo, kind, keys, report, settled)
    for slug, values in todo.items():
        _update_named(
            session,
            plan,
            model,
            kind,
            slug,
            values,
            existing.get(slug),
            order,
            keys,
            report,
            settled,
        )
    return set(todo) - set(existing)


def _insert_new(
    session: Session,
    model,
    wanted: dict[str, dict],
    kind: str,
    keys: Keys,
    report: Report,
    settled: Settled,
) -> dict[str, Any]:
    """Insert the actors or events not stored yet in one write, their references included: ids
    are taken first, in the plan's order, so that a row can name one inserted with it (no
    UPDATE after, which would fire the shared table's trigger); remember every id; return the
    stored rows by slug."""
    table = model.__tablename__
    columns = model.__table__.c  # rows, not ORM objects: nothing to track or expire
    existing = {
        row.slug: row for row in session.execute(select(columns).where(columns.slug.in_(wanted)))
    }
    new = [slug for slug in wanted if slug not in existing]
    ids = dict(zip(new, new_ids(session.connection(), table, len(new)), strict=True))
    for slug, values in wanted.items():
        id_ = existing[slug].id if slug in existing else ids[slug]
        keys.remember(kind, slug, id_)
        settled.add(kind, slug, id_, values)
    rows = []
    for slug in new:
        values = wanted[slug]
        row = {k: v for k, v in values.items() if not isinstance(v, tuple) and k not in FOREIGN}
        refs = {
            k: keys.id(v) if isinstance(v, tuple) else v for k, v in values.items() if k in FOREIGN
        }
        rows.append({"id": ids[slug], "slug": slug, **row, **refs})
        report.count(table, "inserted")
    _insert_parents_first(session, model, rows)
    return existing


def _insert_parents_first(session: Session, model, rows: list[dict]) -> None:
    """Insert ``rows`` (ids given) in one write, each after the row it names as its
    parent (a foreign key is checked row by row). New rows name no circle of parents: they
    are one article's, whose planner refuses one (``_Planner.acyclic``)."""
    ids = {row["id"] for row in rows}
    ordered, done, pending = [], set(), rows
    while pending:
        ready = [r for r in pending if r.get("parent_id") not in ids - done]
        if not ready:
            raise AssertionError(f"{model.__tablename__} rows name each other as parents")
        ordered += ready
        done.update(r["id"] for r in ready)
        pending = [r for r in pending if r["id"] not in done]
    if ordered:  # one COPY on PostgreSQL: a statement a row cost the server more than the rows
        columns = tuple(ordered[0])
        write_rows(
            session.connection(),
            model.__table__,
            columns,
            [tuple(row[c] for c in columns) for row in ordered],
        )


def _update_named(
    session: Session,
    plan: Plan,
    model,
    kind: str,
    slug: str,
    values: dict,
    row,
    order: dict[str, int],
    keys: Keys,
    report: Report,
    settled: Settled,
) -> None:
    """Give one actor or event its references (a row just inserted) or the values the plan
    gives (a stored row, merged with what other articles rely on)."""
    table = model.__tablename__
    refs = {k: keys.id(v) if isinstance(v, tuple) else v for k, v in values.items() if k in FOREIGN}
    full = {**{k: v for k, v in values.items() if k not in FOREIGN}, **refs}
    if row is None:  # inserted with its references
        return
    if any(getattr(row, k) != v for k, v in full.items()):
        full = _merge_shared(session, plan, kind, order[slug], row, full, keys, settled)
    if full.get("parent_id") not in (None, row.parent_id):
        _refuse_a_cycle(session, plan, model, order[slug], row, full["parent_id"])
    if any(getattr(row, k) != v for k, v in full.items()):
        session.execute(update(model).where(model.id == row.id).values(**full))
        report.count(table, "updated")
    else:
        report.count(table, "unchanged")


def _refuse_a_cycle(session: Session, plan: Plan, model, index: int, row, parent: int) -> None:
    """Refuse to make ``parent`` the parent of a stored actor or event ``row`` if the parents
    stored above it lead back to ``row``: another article made ``row`` an ancestor of it (a
    part of b there, b part of a here). One file's own cycles its planner refuses; new rows
    cannot close one, as no stored row names them."""
    path, slugs, at = [row.id], [row.slug], parent
    while at is not None and at not in path:
        slug, above = session.execute(
            select(model.slug, model.parent_id).where(model.id == at)
        ).one()
        path.append(at)
        slugs.append(slug)
        at = above
    if at != row.id:
        return
    kind = model.__tablename__
    section, attr = ("actors", "part_of") if kind == "actor" else ("events", "parent")
    chain = " -> ".join(map(shown, [*slugs, row.slug]))
    raise plan.fail(
        f"makes a cycle with the {kind}s other articles stored: {chain}; give this {kind}"
        f" another {attr}, or a slug of its own",
        section,
        index,
        attr,
    )


def _store_aliases(
    session: Session,
    plan: Plan,
    keys: Keys,
    report: Report,
    settled: Settled,
    inserted: set[str] = frozenset(),
) -> None:
    """Make each actor's stored aliases the ones the plan gives (read in one query; actors
    ``inserted`` just now have none)."""
    ids = {
        keys.ids[("actor", slug)]: slug
        for slug, wanted in plan.aliases.items()
        if settled.get("alias", slug) != (wanted,)
    }
    for slug, wanted in plan.aliases.items():
        settled.add("alias", slug, wanted)
    if not ids:
        return
    have: dict[int, set[str]] = {id_: set() for id_ in ids}
    if stored := [id_ for id_, slug in ids.items() if slug not in inserted]:
        query = select(ActorAlias.actor_id, ActorAlias.alias).where(ActorAlias.actor_id.in_(stored))
        for actor_id, alias in session.execute(query):
            have[actor_id].add(alias)
    added = []
    for actor_id, slug in ids.items():
        wanted, stored = plan.aliases[slug], have[actor_id]
        added += [{"actor_id": actor_id, "alias": alias} for alias in sorted(wanted - stored)]
        if stored - wanted:
            session.execute(
                delete(ActorAlias).where(
                    ActorAlias.actor_id == actor_id, ActorAlias.alias.in_(stored - wanted)
                )
            )
        report.count("actor_alias", "deleted", len(stored - wanted))
    if added:
        session.connection().execute(insert(ActorAlias.__table__), added)
    report.count("actor_alias", "inserted", len(added))
