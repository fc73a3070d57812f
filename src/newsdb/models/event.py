from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.models.actor import Actor
from newsdb.models.base import (
    Base,
    Provenance,
    country,
    country_check,
    fk,
    intpk,
    name,
    one_of,
    slug,
    span_check,
)
from newsdb.vocab import AttributionMode, DatePrecision, DateResolution, EventType, ParticipantRole


class Event(Base):
    """Something that happened (or is expected to), with its date as written and as resolved.

    ``date_as_written`` keeps the article's words ("this week", "Dec. 15"); ``start_date`` and
    ``end_date`` the normalised value, good to ``date_precision``; ``date_resolution`` says how
    it was resolved and ``date_source`` from what, for anything not stated by the text.
    """

    __tablename__ = "event"
    __table_args__ = (
        one_of("event_type", EventType),
        one_of("date_precision", DatePrecision),
        one_of("date_resolution", DateResolution),
        one_of("fatalities_attribution", AttributionMode),
        country_check(),
        CheckConstraint("parent_id <> id", name="parent_not_self"),
        CheckConstraint("end_date >= start_date", name="date_order"),
        CheckConstraint(
            "(start_date IS NULL) = (date_precision = 'unknown')", name="date_precision_known"
        ),
        CheckConstraint(
            "date_resolution NOT IN ('outside', 'inferred') OR date_source IS NOT NULL",
            name="date_source_given",
        ),
        CheckConstraint("fatalities >= 0", name="fatalities_positive"),
    )

    id: Mapped[intpk]
    slug: Mapped[slug]
    name: Mapped[name]
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    parent_id: Mapped[int | None] = fk("event.id", ondelete="SET NULL")
    date_as_written: Mapped[name | None]
    start_date: Mapped[dt.date | None] = mapped_column(index=True)
    end_date: Mapped[dt.date | None]
    date_precision: Mapped[str] = mapped_column(String(20))
    date_resolution: Mapped[str] = mapped_column(String(20))
    date_source: Mapped[str | None] = mapped_column(Text)
    location: Mapped[name | None]
    country: Mapped[country | None]
    fatalities: Mapped[int | None]
    fatalities_as_written: Mapped[name | None]
    #: who reported the fatalities; NULL with an attribution of 'passive' or 'writer'
    fatalities_reported_by_id: Mapped[int | None] = fk("actor.id", ondelete="SET NULL")
    fatalities_attribution: Mapped[str | None] = mapped_column(String(20))

    parent: Mapped[Event | None] = relationship(remote_side="Event.id", back_populates="children")
    children: Mapped[list[Event]] = relationship(back_populates="parent")
    participants: Mapped[list[EventParticipant]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    fatalities_reported_by: Mapped[Actor | None] = relationship()


class EventParticipant(Provenance, Base):
    """An actor's part in an event as one article gives it: initiator, target, victim...

    Parts belong to the article whose annotation states them (migration 0005): two articles
    that report the same event may name different parties, and loading one never changes
    the other's.
    """

    __tablename__ = "event_participant"
    __table_args__ = (
        UniqueConstraint("article_id", "event_id", "actor_id", "role"),
        Index(None, "event_id", "article_id"),
        one_of("role", ParticipantRole),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the unique key
    event_id: Mapped[int] = fk("event.id", index=False)  # leads the index above
    actor_id: Mapped[int] = fk("actor.id")
    role: Mapped[str] = mapped_column(String(20))

    event: Mapped[Event] = relationship(back_populates="participants")
    actor: Mapped[Actor] = relationship()


class EventMention(Provenance, Base):
    """Where an article reports or recalls an event."""

    __tablename__ = "event_mention"
    __table_args__ = (
        UniqueConstraint("article_id", "event_id", "span_start", "span_end"),
        Index(None, "event_id", "article_id"),
        *span_check(),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)
    event_id: Mapped[int] = fk("event.id", index=False)
    span_start: Mapped[int]
    span_end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)

    event: Mapped[Event] = relationship()
