from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, String, Text, UniqueConstraint
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
    one_of,
    short,
    span_check,
)
from newsdb.vocab import QuoteKind


class Quote(Provenance, Base):
    """One quoted segment: the words between the quotation marks, who said them, and the cue.

    One utterance split around "said X" is two segments; the second ``continues`` the first.
    ``key`` is the annotation's own name for the segment, unique within the article.
    """

    __tablename__ = "quote"
    __table_args__ = (
        *held("quote"),
        UniqueConstraint("article_id", "key"),
        # a speaker's quotes across articles
        Index(None, "speaker_id", "article_id"),
        # an article's speakers and their spans, from the index alone (bench/README.md)
        Index(None, "article_id", "speaker_id", "span_start", "span_end", "id"),
        one_of("kind", QuoteKind),
        CheckConstraint("continues_id <> id", name="continues_not_self"),
        *span_check(),
        *cue_check(),
        confidence_check(),
    )

    id: Mapped[intpk]
    article_id: Mapped[int] = fk("article.id", index=False)  # leads the indexes above
    key: Mapped[short]
    speaker_id: Mapped[int] = fk("actor.id", ondelete="RESTRICT", index=False)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]
    cue: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    continues_id: Mapped[int | None] = fk("quote.id", ondelete="SET NULL")
    #: how sure the rules that drafted it are (migration 0011); NULL by hand
    confidence: Mapped[float | None]

    speaker: Mapped[Actor] = relationship()
    continues: Mapped[Quote | None] = relationship(remote_side="Quote.id")
