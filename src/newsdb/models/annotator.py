from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped

from newsdb.models.base import Base, held, intpk, name, one_of, timestamp
from newsdb.vocab import AnnotatorKind


class Annotator(Base):
    """Who or what produces annotations: a person annotating by hand, a rule, a model."""

    __tablename__ = "annotator"
    __table_args__ = (
        *held("annotator"),
        UniqueConstraint("kind", "name"),
        one_of("kind", AnnotatorKind),
    )

    id: Mapped[intpk]
    kind: Mapped[str]
    name: Mapped[name]
    note: Mapped[str | None]
    created_at: Mapped[timestamp]
