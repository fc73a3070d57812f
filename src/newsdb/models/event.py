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
    held,
    intpk,
    name,
    one_of,
    slug,
    span_check,
)
from newsdb.vocab import (
    MODES_WITH_SOURCE,
    AttributionMode,
    DatePrecision,
    DateResolution,
    EventType,
    ParticipantRole,
)

_WITH_SOURCE = ", ".join(f"'{mode.value}'" for mode in MODES_WITH_SOURCE)


class Event(Base):
    """Something that happened (or is expected to), and when, as resolved.

    ``start_date`` and ``end_date`` are the normalised date, good to ``date_precision``;
    ``date_resolution`` says how it was resolved and ``date_source`` from what, for anything
    not stated by the text. What each article says of the event, in its own words (the date
    as written, the death toll and on whose word it rests), is in :class:`EventReport`.
    """

    __tablename__ = "event"
    __table_args__ = (
        *held("event"),
        one_of("event_type", EventType),
        one_of("date_precision", DatePrecision),
        one_of("date_resolution", DateResolution),
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
    )

    id: Mapped[intpk]
    slug: Mapped[slug]
    name: Mapped[name]
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    parent_id: Mapped[int | None] = fk("event.id", ondelete="SET NULL")
    start_date: Mapped[dt.date | None] = mapped_column(index=True)
    end_date: Mapped[dt.date | None]
    date_precision: Mapped[str] = mapped_column(String(20))
    date_resolution: Mapped[str] = mapped_column(String(20))
    date_source: Mapped[str | None] = mapped_column(Text)
    location: Mapped[name | None]
    country: Mapped[country | None]

    parent: Mapped[Event | None] = relationship(remote_side="Event.id", back_populates="children")
    children: Mapped[list[Event]] = relationship(back_populates="parent")
    participants: Mapped[list[EventParticipant]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    reports: Mapped[list[EventReport]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )


class EventReport(Provenance, Base):
    """What one article says of an event, in its own words (migration 0006).

    One row for each event an article's annotation describes. ``date_as_written`` keeps the
    article's words for the date ("this week", "Dec. 15"); the death toll is ``fatalities``,
    in the article's words ``fatalities_as_written``, resting on ``fatalities_reported_by``
    with ``fatalities_attribution`` saying how ('passive' and 'writer' name no one). Two
    articles may give the same event different dates and tolls, and each keeps its own.
    """

    __tablename__ = "event_report"
    __table_args__ = (
        *held("event_report"),
        UniqueConstraint("article_id", "event_id"),
        Index(None, "event_id", "article_id"),
        one_of("fatalities_attribution", AttributionMode),
        CheckConstraint("fatalities >= 0", name="fatalities_positive"),
        # a toll on someone's word names them; a passive or the writer's own names no one
        CheckConstraint(
            f"CASE WHEN fatalities_attribution IN ({_WITH_SOURCE})"
            " THEN fatalities_reported_by_id IS NOT NULL"
            " ELSE fatalities_reported_by_id IS NULL END",
            name="reporter_matches_attribution",
        ),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the unique key
    event_id: Mapped[int] = fk("event.id", index=False)  # leads the index above
    date_as_written: Mapped[name | None]
    fatalities: Mapped[int | None]
    fatalities_as_written: Mapped[name | None]
    #: who reported the fatalities; NULL with an attribution of 'passive' or 'writer'
    fatalities_reported_by_id: Mapped[int | None] = fk("actor.id", ondelete="RESTRICT")
    fatalities_attribution: Mapped[str | None] = mapped_column(String(20))

    event: Mapped[Event] = relationship(back_populates="reports")
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
