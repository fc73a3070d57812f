from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from newsdb.models.base import Base, Provenance, confidence_check, fk, intpk, one_of, span_check
from newsdb.vocab import DatePrecision, DateResolution


class TimeExpression(Provenance, Base):
    """A time expression of an article, as written and normalised (migration 0011).

    ``as_written`` is the article's words at ``span_start:span_end`` ("on Thursday", "Dec. 15");
    ``start_date`` and ``end_date`` the dates they name as precisely as ``precision`` says,
    resolved as ``resolution`` says (``relative`` to the publication date, ``stated``...).
    A ``duration`` ("for two years") is a length of time, not a date, and has none.
    """

    __tablename__ = "time_expression"
    __table_args__ = (
        UniqueConstraint("article_id", "span_start", "span_end"),
        one_of("precision", DatePrecision),
        one_of("resolution", DateResolution),
        CheckConstraint(
            "(start_date IS NULL) = (precision = 'unknown')", name="precision_with_date"
        ),
        CheckConstraint(
            "end_date IS NULL OR (start_date IS NOT NULL AND end_date >= start_date)",
            name="date_order",
        ),
        *span_check("span", "as_written"),
        confidence_check(),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the unique key
    span_start: Mapped[int]
    span_end: Mapped[int]
    as_written: Mapped[str] = mapped_column(Text)
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    precision: Mapped[str] = mapped_column(String(20))
    resolution: Mapped[str] = mapped_column(String(20))
    duration: Mapped[bool]
    confidence: Mapped[float | None]
