"""Removing an article and everything that belongs to it alone.

An article's own rows (paragraphs, metadata, mentions, quotes, claims, what it says of each
event...) go with it: every foreign key to ``article`` cascades, and the tally triggers count
the removed rows out. The actors and events it refers to are shared by slug with the other
articles: one that another article still refers to stays as it is; one that no article refers
to any more is removed too, with its aliases, so that the database is as if the article had
never been loaded (an orphan would still be listed by ``newsdb events`` and, for an actor,
keep a slug that a later article might mean otherwise). An actor or event that is the parent
(``part_of``, ``parent``) of one that stays, stays; an annotator whose every row went with
the article goes too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, delete, func, select, union
from sqlalchemy.orm import Session

from newsdb.db import serialize_writes
from newsdb.listings import article_id
from newsdb.models import (
    ARTICLE_TABLES,
    Actor,
    ActorAlias,
    Affiliation,
    Annotator,
    Article,
    Claim,
    ClaimCheck,
    ClaimEvent,
    Event,
    EventMention,
    EventParticipant,
    EventReport,
    Mention,
    Quote,
)

#: the tables whose rows belong to one article, by ``article_id``
_OWN = tuple(m for m in ARTICLE_TABLES if "article_id" in m.__table__.c)
#: the tables whose rows belong to one claim
_BY_CLAIM = tuple(m for m in ARTICLE_TABLES if "article_id" not in m.__table__.c)
#: the tables whose rows name an annotator
_ANNOTATED = tuple(m for m in ARTICLE_TABLES if "annotator_id" in m.__table__.c)


@dataclass
class Removal:
    """What removing an article takes away: its rows per table, and the actors, events and
    annotators no other article refers to (by slug or name)."""

    article: str
    rows: Counter = field(default_factory=Counter)
    actors: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    annotators: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counted = ", ".join(f"{n} {table}" for table, n in self.rows.items() if n)
        lines = [f"{self.article}: {counted}"]
        for what, names in (("actor", self.actors), ("event", self.events)):
            if names:
                lines.append(f"  {len(names)} {what}(s) no other article refers to: "
                             + ", ".join(names))  # fmt: skip
        if self.annotators:
            lines.append("  annotator(s) with no other rows: " + ", ".join(self.annotators))
        return "\n".join(lines)


def _actor_refs(where) -> list[Select]:
    """Every reference an article row makes to an actor, as (actor_id) selects."""
    return [
        select(Mention.actor_id).where(where(Mention)),
        select(Quote.speaker_id).where(where(Quote)),
        select(Claim.source_id).where(where(Claim), Claim.source_id.is_not(None)),
        select(Affiliation.person_id).where(where(Affiliation)),
        select(Affiliation.organisation_id).where(
            where(Affiliation), Affiliation.organisation_id.is_not(None)
        ),
        select(EventParticipant.actor_id).where(where(EventParticipant)),
        select(EventReport.fatalities_reported_by_id).where(
            where(EventReport), EventReport.fatalities_reported_by_id.is_not(None)
        ),
    ]


def _event_refs(where) -> list[Select]:
    """Every reference an article row makes to an event, as (event_id) selects."""
    return [
        select(EventMention.event_id).where(where(EventMention)),
        select(EventReport.event_id).where(where(EventReport)),
        select(EventParticipant.event_id).where(where(EventParticipant)),
        select(ClaimEvent.event_id)
        .join(Claim, Claim.id == ClaimEvent.claim_id)
        .where(where(Claim)),
    ]


def _alone(session: Session, model, refs, article: int) -> list[int]:
    """The actors (or events) the article refers to, with their parents, that no other article
    refers to and that are no parent of one that stays."""
    ours = set(session.scalars(union(*refs(lambda m: m.article_id == article))))
    others = set(session.scalars(union(*refs(lambda m: m.article_id != article))))
    # parents of what this article refers to belong to it as much (part_of, parent)
    frontier = set(ours)
    while frontier:
        parents = set(
            session.scalars(
                select(model.parent_id).where(model.id.in_(frontier), model.parent_id.is_not(None))
            )
        )
        frontier = parents - ours
        ours |= frontier
    gone = ours - others
    while True:  # keep every parent of a row that stays
        kept_parents = set(
            session.scalars(
                select(model.parent_id).where(model.parent_id.in_(gone), model.id.not_in(gone))
            )
        )
        if not kept_parents:
            return sorted(gone)
        gone -= kept_parents


def plan(session: Session, slug: str) -> tuple[int, Removal, list[int], list[int], list[int]]:
    """What removing ``slug`` would take away; :class:`UnknownArticle` if there is none."""
    id_ = article_id(session, slug)
    removal = Removal(slug)
    removal.rows["article"] = 1
    claims = select(Claim.id).where(Claim.article_id == id_)
    for model in _OWN:
        n = session.scalar(select(func.count()).select_from(model).where(model.article_id == id_))
        removal.rows[model.__tablename__] = n
    for model in _BY_CLAIM:
        n = session.scalar(
            select(func.count()).select_from(model).where(model.claim_id.in_(claims))
        )
        removal.rows[model.__tablename__] = n
    actors = _alone(session, Actor, _actor_refs, id_)
    events = _alone(session, Event, _event_refs, id_)
    removal.actors = list(session.scalars(select(Actor.slug).where(Actor.id.in_(actors))))
    removal.events = list(session.scalars(select(Event.slug).where(Event.id.in_(events))))
    used = [
        select(m.annotator_id).where(
            m.claim_id.in_(claims) if m is ClaimCheck else m.article_id == id_
        )
        for m in _ANNOTATED
    ]
    elsewhere = [
        select(m.annotator_id).where(
            m.claim_id.not_in(claims) if m is ClaimCheck else m.article_id != id_
        )
        for m in _ANNOTATED
    ]
    annotators = sorted(
        set(session.scalars(union(*used))) - set(session.scalars(union(*elsewhere)))
    )
    removal.annotators = [
        f"{kind} {name}"
        for kind, name in session.execute(
            select(Annotator.kind, Annotator.name).where(Annotator.id.in_(annotators))
        )
    ]
    return id_, removal, actors, events, annotators


def remove_article(session: Session, slug: str) -> Removal:
    """Remove the article ``slug`` and what belongs to it alone, in the session's transaction
    (the caller commits); return what was removed."""
    serialize_writes(session)
    id_, removal, actors, events, annotators = plan(session, slug)
    session.execute(delete(Article).where(Article.id == id_))  # its rows cascade
    session.execute(delete(ActorAlias).where(ActorAlias.actor_id.in_(actors)))
    session.execute(delete(Actor).where(Actor.id.in_(actors)))
    session.execute(delete(Event).where(Event.id.in_(events)))
    session.execute(delete(Annotator).where(Annotator.id.in_(annotators)))
    session.flush()
    return removal
