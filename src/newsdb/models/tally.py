"""Tallies that the database keeps itself, for questions over many articles.

Each row counts what one article holds: an actor's mentions, quote segments, words quoted and
claims (:class:`ArticleActorTally`), or the article's claims of one attribution mode
(:class:`ArticleModeTally`), with the article's ``published_date`` copied beside them so that
a range of dates is one index range. Triggers created by migration 0004 keep them equal to the
rows they count, on every insert, update and delete of a mention, quote, claim or article's
date, whoever writes (the loader, psql, DBeaver). Nothing in newsdb writes them directly; a row
whose counts reach zero is deleted. ``newsdb verify`` recounts them from the base tables, and
:func:`newsdb.tally.rebuild` rebuilds them after a bulk load that bypassed the triggers.
:class:`ClaimSupportTally` (migration 0007) keeps, per claim, how many sources support it, and
:class:`ArticleNetworkTally` (0008) who speaks about whom in each article, and
:class:`ArticleGeographyTally` (0009) where each article's sources and events are.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from newsdb.models.base import Base, one_of
from newsdb.vocab import AttributionMode


class ArticleActorTally(Base):
    """How often one actor is mentioned, quoted and credited with a claim in one article.

    ``words_quoted`` counts the words of direct and partial quotes, as ``v_sources`` does;
    ``claims`` counts the claims whose source is the actor. An actor with ``quotes + claims``
    above zero is a source of the article; one with only ``mentions`` is spoken of, not heard.
    """

    __tablename__ = "article_actor_tally"
    __table_args__ = (
        # a range of dates, and every count, from the index alone
        Index(
            "ix_article_actor_tally_by_date",  # named: the convention's name is too long
            "published_date",
            "actor_id",
            "mentions",
            "quotes",
            "words_quoted",
            "claims",
            "article_id",
        ),
        Index(None, "actor_id", "article_id"),
        CheckConstraint(
            "mentions >= 0 AND quotes >= 0 AND words_quoted >= 0 AND claims >= 0",
            name="counts_not_negative",
        ),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True
    )
    published_date: Mapped[dt.date | None] = mapped_column(Date)
    mentions: Mapped[int]
    quotes: Mapped[int]
    words_quoted: Mapped[int]
    claims: Mapped[int]


class ArticleModeTally(Base):
    """How many of one article's claims have one attribution mode."""

    __tablename__ = "article_mode_tally"
    __table_args__ = (
        Index(
            "ix_article_mode_tally_by_date",
            "published_date",
            "attribution_mode",
            "claims",
            "article_id",
        ),
        one_of("attribution_mode", AttributionMode),
        CheckConstraint("claims >= 0", name="claims_not_negative"),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    attribution_mode: Mapped[str] = mapped_column(String(20), primary_key=True)
    published_date: Mapped[dt.date | None] = mapped_column(Date)
    claims: Mapped[int]


class ClaimSupportTally(Base):
    """How many distinct sources support one claim, and how many claims conflict with it.

    The counts of ``v_corroboration``: a claim's sources are its own, the speakers of the
    quotes it rests on and the sources of the claims that corroborate it, either way. Kept by
    the triggers of migration 0007, with the claim's attribution mode and its article's
    ``published_date``, so "which claims of 2025 rest on a single source" is one index range.
    """

    __tablename__ = "claim_support_tally"
    __table_args__ = (
        Index(
            "ix_claim_support_tally_by_date",
            "published_date",
            "attribution_mode",
            "sources",
            "conflicting_claims",
            "article_id",
        ),
        Index(
            "ix_claim_support_tally_by_article",
            "article_id",
            "attribution_mode",
            "sources",
            "conflicting_claims",
        ),
        one_of("attribution_mode", AttributionMode),
        CheckConstraint("sources >= 0 AND conflicting_claims >= 0", name="counts_not_negative"),
    )

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    published_date: Mapped[dt.date | None] = mapped_column(Date)
    attribution_mode: Mapped[str] = mapped_column(String(20))
    sources: Mapped[int]
    conflicting_claims: Mapped[int]


class ArticleNetworkTally(Base):
    """A speaker and an actor mentioned inside the speaker's quotes, in one article: the quote
    segments that mention the actor and the mentions. The rows of ``v_quote_network``, kept by
    the triggers of migration 0008, which count an article's pairs again when one of its
    mentions or quotes changes."""

    __tablename__ = "article_network_tally"
    __table_args__ = (
        Index(
            "ix_article_network_tally_by_date",
            "published_date",
            "speaker_id",
            "mentioned_id",
            "quotes",
            "mentions",
            "article_id",
        ),
        CheckConstraint("quotes > 0 AND mentions >= quotes", name="counts_positive"),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    mentioned_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    published_date: Mapped[dt.date | None] = mapped_column(Date)
    quotes: Mapped[int]
    mentions: Mapped[int]


class ArticleGeographyTally(Base):
    """One side of one article's geography: a source (``side = 'source'``, ``subject_id`` the
    actor) with the country and place it is based in, an event the article mentions or makes a
    claim about (``'event'``, the event) with where it happened, or a state that is a party to
    such an event as the article states it (``'party'``, the actor) with its country. The
    distinct (article, subject) pairs of ``v_source_geography``, kept by the triggers of
    migration 0009, which count an article's rows again when what places them changes.

    ``subject_id`` has no foreign key: it names an actor or an event, by ``side``.
    """

    __tablename__ = "article_geography_tally"
    __table_args__ = (
        # a range of dates, grouped by country and place, from the index alone
        Index(
            "ix_article_geography_tally_by_date",
            "published_date",
            "country",
            "side",
            "place",
            "article_id",
        ),
        CheckConstraint("side IN ('source', 'event', 'party')", name="side_vocab"),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    side: Mapped[str] = mapped_column(String(10), primary_key=True)
    subject_id: Mapped[int] = mapped_column(primary_key=True)
    published_date: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(2))
    place: Mapped[str | None] = mapped_column(String(500))
