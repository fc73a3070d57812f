"""The declarative base, its naming convention and the column shapes the models share."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Deterministic constraint names, identical on SQLite and PostgreSQL, so that migrations
# can drop and alter them (SQLite batch mode needs the names).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


intpk = Annotated[int, mapped_column(primary_key=True)]
slug = Annotated[str, mapped_column(String(200), unique=True)]
name = Annotated[str, mapped_column(String(500))]
short = Annotated[str, mapped_column(String(100))]
timestamp = Annotated[
    dt.datetime, mapped_column(DateTime(timezone=True), server_default=func.now())
]
#: ISO 3166-1 alpha-2, checked by :func:`country_check`
country = Annotated[str, mapped_column(String(2))]


def fk(target: str, *, ondelete: str = "CASCADE", index: bool = True):
    """A foreign key column, indexed: every foreign key is filtered or joined on somewhere."""
    return mapped_column(ForeignKey(target, ondelete=ondelete), index=index)


def one_of(column: str, vocabulary: type[StrEnum]) -> CheckConstraint:
    """A named CHECK that ``column`` holds a value of ``vocabulary`` (or NULL)."""
    values = ", ".join(f"'{member.value}'" for member in vocabulary)
    return CheckConstraint(f"{column} IN ({values})", name=f"{column}_vocab")


def span_check(prefix: str = "span", text_column: str | None = "text") -> list[CheckConstraint]:
    """0 <= start < end, and the stored text is exactly end - start characters long."""
    start, end = f"{prefix}_start", f"{prefix}_end"
    checks = [CheckConstraint(f"0 <= {start} AND {start} < {end}", name=f"{prefix}_order")]
    if text_column:
        checks.append(
            CheckConstraint(f"length({text_column}) = {end} - {start}", name=f"{prefix}_length")
        )
    return checks


def cue_check() -> list[CheckConstraint]:
    """A cue is all there (words, start, end) or all absent, and its span is well formed."""
    return [
        CheckConstraint(
            "(cue IS NULL AND cue_start IS NULL AND cue_end IS NULL)"
            " OR (cue IS NOT NULL AND cue_start IS NOT NULL AND cue_end IS NOT NULL)",
            name="cue_complete",
        ),
        *span_check("cue", "cue"),
    ]


def confidence_check() -> CheckConstraint:
    """A drafted row's confidence is between 0 and 1; hand annotations leave it NULL."""
    return CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range")


def country_check(column: str = "country") -> CheckConstraint:
    return CheckConstraint(
        f"length({column}) = 2 AND upper({column}) = {column}", name=f"{column}_iso"
    )


class Provenance:
    """Who or what produced an annotation row, and when."""

    @declared_attr
    def annotator_id(cls) -> Mapped[int]:
        return fk("annotator.id", ondelete="RESTRICT")

    created_at: Mapped[timestamp]
