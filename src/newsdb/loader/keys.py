"""What a load knows of ids: natural keys to ids and back (:class:`Keys`), and the shared
rows that earlier articles of the transaction settled (:class:`Settled`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsdb.models import Actor, Annotator, Event


class Keys:
    """Natural keys to ids and back, for the rows of one load."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[tuple[str, Any], int] = {}
        self.names: dict[tuple[str, int], Any] = {}

    def remember(self, kind: str, key: Any, id_: int) -> None:
        self.ids[(kind, key)] = id_
        self.names[(kind, id_)] = key

    def id(self, ref) -> int | None:
        return None if ref is None else self.ids[ref]

    def name(self, kind: str, id_: int | None):
        """The natural key of a stored row, as a plan writes it: (kind, key)."""
        if id_ is None:
            return None
        if (kind, id_) not in self.names:
            if kind == "annotator":
                row = self.session.execute(
                    select(Annotator.kind, Annotator.name).where(Annotator.id == id_)
                ).one()
                key = (row.kind, row.name)
            else:  # quotes and claims are remembered as they are read
                model = {"actor": Actor, "event": Event}[kind]
                key = self.session.scalar(select(model.slug).where(model.id == id_))
            self.remember(kind, key, id_)
        return (kind, self.names[(kind, id_)])


class Settled:
    """The shared rows (the annotator, actors and their aliases, events) that articles stored
    earlier in the same transaction left as a plan gives them: an article that gives them
    alike needs no query for them. And the articles whose rows, held to be written with
    their batch's (:class:`newsdb.batch_write.NewArticles`), refer to an actor or event:
    the database cannot tell yet that they rely on it. What an article adds counts once its
    savepoint is kept."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, Any], tuple] = {}
        self.pending: dict[tuple[str, Any], tuple] = {}
        self.held: dict[tuple[str, str], set[str]] = {}
        self.held_pending: list[tuple[str, set[tuple[str, str]]]] = []

    def get(self, kind: str, key: Any) -> tuple | None:
        return self.known.get((kind, key))

    def covers(self, plan) -> bool:
        """Whether earlier articles settled every shared row of ``plan`` as it gives them, so
        that storing it reads and writes nothing (nor needs a savepoint to undo a write): the
        conditions under which :func:`~newsdb.loader.store` takes each row as settled."""
        known = self.known
        hit = known.get(("annotator", plan.annotator))
        if hit is None or hit[1] != plan.doc.annotator.note:
            return False
        for kind, wanted in (("actor", plan.actors), ("event", plan.events)):
            for slug, values in wanted.items():
                hit = known.get((kind, slug))
                if hit is None or hit[1] != values:
                    return False
        return all(known.get(("alias", slug)) == (want,) for slug, want in plan.aliases.items())

    def add(self, kind: str, key: Any, *value) -> None:
        self.pending[(kind, key)] = value

    def hold(self, article: str, shared: set[tuple[str, str]]) -> None:
        """The rows of ``article``, held, refer to the ``shared`` actors and events
        (``("actor", slug)``, ``("event", slug)``)."""
        self.held_pending.append((article, shared))

    def held_by(self, kind: str, slug: str) -> set[str]:
        """The articles whose held rows refer to the actor or event ``slug``."""
        return self.held.get((kind, slug), set())

    def keep(self) -> None:
        """The article was stored: what it settled holds for the next ones."""
        self.known.update(self.pending)
        self.pending.clear()
        for article, shared in self.held_pending:
            for ref in shared:
                self.held.setdefault(ref, set()).add(article)
        self.held_pending.clear()

    def drop(self) -> None:
        """The article was undone: forget what it settled."""
        self.pending.clear()
        self.held_pending.clear()
