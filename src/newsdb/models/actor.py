from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.models.base import (
    Base,
    Provenance,
    confidence_check,
    country,
    country_check,
    fk,
    held,
    intpk,
    name,
    one_of,
    slug,
    span_check,
)
from newsdb.vocab import ActorKind, Sector


class Actor(Base):
    """A person, organisation, state, armed group, collective ("analysts") or population."""

    __tablename__ = "actor"
    __table_args__ = (
        *held("actor"),
        one_of("kind", ActorKind),
        one_of("sector", Sector),
        country_check(),
        CheckConstraint("wikidata_id LIKE 'Q%'", name="wikidata_id_format"),
        CheckConstraint("parent_id <> id", name="parent_not_self"),
    )

    id: Mapped[intpk]
    slug: Mapped[slug]
    name: Mapped[name]
    kind: Mapped[str] = mapped_column(String(20), index=True)
    #: the kind of source: think tank, government, military, armed group...
    sector: Mapped[str] = mapped_column(String(40), default="unknown", server_default="unknown")
    country: Mapped[country | None]
    wikidata_id: Mapped[str | None] = mapped_column(String(20))
    #: the organisation this one is part of (an institute of a centre, a military of a state)
    parent_id: Mapped[int | None] = fk("actor.id", ondelete="SET NULL")
    note: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Actor | None] = relationship(remote_side="Actor.id", back_populates="parts")
    parts: Mapped[list[Actor]] = relationship(back_populates="parent")
    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan"
    )


class ActorAlias(Base):
    __tablename__ = "actor_alias"
    __table_args__ = (UniqueConstraint("actor_id", "alias"), *held("actor_alias"))

    id: Mapped[intpk]
    actor_id: Mapped[int] = fk("actor.id", index=False)  # leads the unique key
    alias: Mapped[name] = mapped_column(index=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class Affiliation(Provenance, Base):
    """A person's tie to an organisation, as one article states it.

    ``descriptor`` is the article's wording ("a senior expert at the United States Institute of
    Peace") at ``span_start:span_end``; ``role`` is the role as stated ("senior expert");
    ``location`` where the person is based, as ``location_as_written`` words it.
    """

    __tablename__ = "affiliation"
    __table_args__ = (
        *held("affiliation"),
        UniqueConstraint("article_id", "person_id", "span_start"),
        CheckConstraint("person_id <> organisation_id", name="not_self"),
        *span_check("span", "descriptor"),
        confidence_check(),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the unique key
    person_id: Mapped[int] = fk("actor.id")
    organisation_id: Mapped[int | None] = fk("actor.id")
    role: Mapped[name | None]
    descriptor: Mapped[str] = mapped_column(Text)
    location: Mapped[name | None]
    location_as_written: Mapped[name | None]
    span_start: Mapped[int]
    span_end: Mapped[int]
    #: how sure the rules that drafted it are (migration 0011); NULL by hand
    confidence: Mapped[float | None]

    person: Mapped[Actor] = relationship(foreign_keys=[person_id])
    organisation: Mapped[Actor | None] = relationship(foreign_keys=[organisation_id])


class Mention(Provenance, Base):
    """An actor named or referred to at a span of an article."""

    __tablename__ = "mention"
    __table_args__ = (
        UniqueConstraint("article_id", "actor_id", "span_start", "span_end"),
        Index(None, "actor_id", "article_id"),
        # the mentions inside a quote, for the network tally's triggers (migration 0010)
        Index(
            "ix_mention_article_id_span_start",
            "article_id",
            "span_start",
            "span_end",
            "actor_id",
            "id",
        ),
        *span_check(),
        confidence_check(),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the unique key
    actor_id: Mapped[int] = fk("actor.id", index=False)  # leads the index above
    span_start: Mapped[int]
    span_end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    #: how sure the rules that drafted the actor are (migration 0011); NULL by hand
    confidence: Mapped[float | None]

    actor: Mapped[Actor] = relationship()
