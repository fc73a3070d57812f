from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from newsdb.models.base import Base, fk, held, intpk, one_of, short, slug, span_check, timestamp
from newsdb.vocab import Confidence, DatePrecision, MetadataField, Origin, PublishedQualifier


class Article(Base):
    """One article, its body exactly as published, and its metadata.

    Where each metadata value came from is in :class:`ArticleMetadata`.
    """

    __tablename__ = "article"
    __table_args__ = (
        *held("article"),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        one_of("published_precision", DatePrecision),
        one_of("published_qualifier", PublishedQualifier),
        CheckConstraint(
            "(published_date IS NULL) = (published_precision IS NULL)", name="published_complete"
        ),
        # a range of dates gives its article ids from the index alone (bench/README.md)
        Index(None, "published_date", "id"),
    )

    id: Mapped[intpk]
    slug: Mapped[slug]
    headline: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(500))
    byline: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(Text)
    published_date: Mapped[dt.date | None]
    published_precision: Mapped[str | None]
    published_qualifier: Mapped[str | None]
    language: Mapped[str | None] = mapped_column(String(35))
    body: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[timestamp]

    paragraphs: Mapped[list[Paragraph]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Paragraph.number"
    )
    metadata_sources: Mapped[list[ArticleMetadata]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )


class Paragraph(Base):
    """A paragraph of an article's body, so that any span can be placed (``number`` is 1-based)."""

    __tablename__ = "paragraph"
    __table_args__ = (
        UniqueConstraint("article_id", "number"),
        # the paragraph that holds an offset, from the index alone (bench/README.md)
        Index(None, "article_id", "span_start", "span_end", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("0 <= span_start AND span_start <= span_end", name="span_order"),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the unique key
    number: Mapped[int]
    span_start: Mapped[int]
    span_end: Mapped[int]

    article: Mapped[Article] = relationship(back_populates="paragraphs")


class ArticleMetadata(Base):
    """Where one metadata value of an article came from: the text, an outside source, an inference."""

    __tablename__ = "article_metadata"
    __table_args__ = (
        *held("article_metadata"),
        UniqueConstraint("article_id", "field"),
        one_of("field", MetadataField),
        one_of("origin", Origin),
        one_of("confidence", Confidence),
        CheckConstraint(
            "origin IN ('text', 'unknown') OR source IS NOT NULL", name="outside_has_source"
        ),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)
    field: Mapped[short]
    value: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str]
    source: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[str | None]
    note: Mapped[str | None] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="metadata_sources")


__all__ = ["Article", "ArticleMetadata", "Paragraph", "span_check"]
