from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.models.actor import Actor
from newsdb.models.base import (
    Base,
    Provenance,
    confidence_check,
    cue_check,
    fk,
    held,
    intpk,
    name,
    one_of,
    short,
    span_check,
)
from newsdb.models.event import Event
from newsdb.models.quote import Quote
from newsdb.vocab import MODES_WITH_SOURCE, AttributionMode, Certainty, ClaimRelationKind, Verdict

_WITH_SOURCE = ", ".join(f"'{mode.value}'" for mode in MODES_WITH_SOURCE)


class Claim(Provenance, Base):
    """An assertion the article carries, and on whose word it rests.

    ``text`` is the article's words at ``span_start:span_end``; ``proposition`` says what is
    asserted in plain words. Named, institutional, unnamed-official and vague-collective claims
    name their ``source``; passive claims and the writer's own voice have none.
    """

    __tablename__ = "claim"
    __table_args__ = (
        *held("claim"),
        UniqueConstraint("article_id", "key"),
        Index(None, "article_id", "attribution_mode"),
        # an article's sourced claims and their spans, from the index alone (bench/README.md)
        Index(None, "article_id", "source_id", "span_start", "span_end", "id"),
        one_of("attribution_mode", AttributionMode),
        one_of("certainty", Certainty),
        CheckConstraint(
            f"(attribution_mode IN ({_WITH_SOURCE})) = (source_id IS NOT NULL)",
            name="source_matches_mode",
        ),
        # an attributed claim, even an agentless one, has the words that attribute it
        CheckConstraint(
            "attribution_mode = 'writer' OR cue IS NOT NULL", name="attributed_has_cue"
        ),
        *span_check(),
        *cue_check(),
        confidence_check(),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the indexes above
    key: Mapped[short]
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]
    proposition: Mapped[str] = mapped_column(Text)
    attribution_mode: Mapped[str] = mapped_column(String(20))
    source_id: Mapped[int | None] = fk("actor.id", ondelete="RESTRICT")
    cue: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    certainty: Mapped[str] = mapped_column(String(20))
    #: how sure the rules that drafted it are (migration 0011); NULL by hand
    confidence: Mapped[float | None]

    source: Mapped[Actor | None] = relationship()
    events: Mapped[list[ClaimEvent]] = relationship(
        back_populates="claim", cascade="all, delete-orphan"
    )
    quotes: Mapped[list[ClaimQuote]] = relationship(
        back_populates="claim", cascade="all, delete-orphan"
    )
    checks: Mapped[list[ClaimCheck]] = relationship(
        back_populates="claim", cascade="all, delete-orphan"
    )


class ClaimEvent(Base):
    """A claim is about an event."""

    __tablename__ = "claim_event"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    claim: Mapped[Claim] = relationship(back_populates="events")
    event: Mapped[Event] = relationship()


class ClaimQuote(Base):
    """A claim rests on a quote."""

    __tablename__ = "claim_quote"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quote.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    claim: Mapped[Claim] = relationship(back_populates="quotes")
    quote: Mapped[Quote] = relationship()


class ClaimRelation(Base):
    """One claim corroborates, or conflicts with, another."""

    __tablename__ = "claim_relation"
    __table_args__ = (
        one_of("relation", ClaimRelationKind),
        CheckConstraint("claim_id <> other_claim_id", name="not_self"),
    )

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    other_claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation: Mapped[str] = mapped_column(String(20), primary_key=True)


class ClaimCheck(Provenance, Base):
    """A check of a claim against the record: the value the claim states, the checked value,
    the verdict and where the checked value comes from."""

    __tablename__ = "claim_check"
    __table_args__ = (
        *held("claim_check"),
        UniqueConstraint("claim_id", "aspect"),
        one_of("verdict", Verdict),
    )

    id: Mapped[intpk]
    claim_id: Mapped[int] = fk("claim.id", index=False)  # leads the unique key
    #: what was checked: "date", "fatalities"...
    aspect: Mapped[short]
    stated_value: Mapped[name]
    checked_value: Mapped[name | None]
    verdict: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    claim: Mapped[Claim] = relationship(back_populates="checks")
