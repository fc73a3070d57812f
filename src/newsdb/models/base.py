"""The declarative base, its naming convention and the column shapes the models share."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, MetaData, String, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.sql.expression import ColumnElement

from newsdb import limits

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


def printable_sql(column: str, kind: str, dialect: str) -> str:
    """SQL true when ``column`` holds none of the characters a ``kind`` of value ("line" or
    "text") may not hold (:data:`newsdb.limits.RANGES`). PostgreSQL cannot store a NUL in
    text at all; SQLite can, and its GLOB stops at one, so ``instr`` (which reads the whole
    value) looks for it."""
    ranges = limits.RANGES[kind]
    if dialect == "postgresql":
        chars = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)
        return f"{column} !~ '[{chars}]'"
    codes = ", ".join(f"{lo}, 45, {hi}" for lo, hi in ranges)  # 45 is '-'
    return f"instr({column}, char(0)) = 0 AND {column} NOT GLOB '*[' || char({codes}) || ']*'"


class _Printable(ColumnElement[bool]):
    """The condition of :func:`printable_sql`, written for the database it is created in."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, column: str, kind: str) -> None:
        self.column, self.kind = column, kind


@compiles(_Printable)
def _printable_default(element: _Printable, compiler, **kw) -> str:
    return printable_sql(element.column, element.kind, "sqlite")


@compiles(_Printable, "postgresql")
def _printable_postgresql(element: _Printable, compiler, **kw) -> str:
    return printable_sql(element.column, element.kind, "postgresql")


def limited(
    column: str, max_length: int | None, kind: str | None = "line"
) -> list[CheckConstraint]:
    """The limits of :mod:`newsdb.limits` on a string column, as named CHECKs the database
    holds (migration 0013): at most ``max_length`` characters (SQLite does not hold
    VARCHAR(n)), and none of the control characters a ``kind`` of value may not hold."""
    checks = []
    if max_length is not None:
        checks.append(
            CheckConstraint(f"length({column}) <= {max_length}", name=f"{column}_max_length")
        )
    if kind is not None:
        checks.append(CheckConstraint(_Printable(column, kind), name=f"{column}_printable"))
    return checks


def held(table: str) -> list[CheckConstraint]:
    """Every limit :mod:`newsdb.limits` declares on ``table``'s columns, as named CHECKs:
    lengths and kinds of text (:func:`limited`), integers up to 2**31-1 on both databases
    (SQLite's INTEGER holds up to 2**63-1)."""
    checks = []
    for column, (max_length, kind) in limits.COLUMNS.get(table, {}).items():
        checks += limited(column, max_length, kind)
    for column in limits.INTEGERS.get(table, ()):
        checks.append(CheckConstraint(f"{column} <= {limits.INT_MAX}", name=f"{column}_max"))
    return checks
