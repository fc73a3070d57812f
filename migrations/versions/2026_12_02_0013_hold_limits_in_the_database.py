"""Hold the annotation format's limits in the database, the same on SQLite and PostgreSQL.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 04:40:00

The limits are declared in ``newsdb.limits`` (issue 13); this revision keeps a copy of them,
as migrations do not change when the code does (``tests/test_limits.py`` holds the two to
the same values). Each limited string column gets two named CHECKs:

* ``ck_<table>_<column>_max_length``: ``length(column) <= n``. SQLite does not hold
  ``VARCHAR(n)`` at all (it stored a 1 MB name in a VARCHAR(500)); PostgreSQL did, but not
  its TEXT columns (a note, a proposition, the body).
* ``ck_<table>_<column>_printable``: no control character. A *line* (a name, a slug, a role)
  holds none of U+0001-U+001F and U+007F-U+009F; a *text* (a note, the body) keeps tab, line
  feeds and carriage returns (U+0009-U+000D). PostgreSQL says so with a regular expression,
  and cannot store a NUL in text anyway; SQLite with GLOB, which stops at a NUL, so
  ``instr(column, char(0)) = 0`` refuses one (``length()`` stops there too).

``event_report.fatalities`` gets ``ck_event_report_fatalities_max``: at most 2**31-1, which
PostgreSQL's INTEGER holds and SQLite's (up to 2**63-1) used to pass.

A database holding a value over a limit is not upgraded: the upgrade names the table, the
column, how many rows and the limit, and changes nothing.

On SQLite a table cannot gain a CHECK in place: each table is rebuilt as SQLite's documented
procedure does it (create the new table from the old one's own SQL plus the CHECKs, copy the
rows with their ids, drop the old, rename the new, create its indexes again). The views and
triggers (the tallies of 0004, 0007-0010) are dropped first and created again afterwards from
their own SQL, as they stood; foreign keys are off while migrating (``newsdb.migrate``).
"""

import re
from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from newsdb.db import DatabaseError

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME, SLUG, KEY, TEXT, CUE = 500, 200, 100, 10_000, 200
#: control characters refused besides NUL, as code point ranges, by kind of value
RANGES = {
    "line": ((0x01, 0x1F), (0x7F, 0x9F)),
    "text": ((0x01, 0x08), (0x0E, 0x1F), (0x7F, 0x9F)),
}
#: table -> column -> (longest length, kind of value or None for words of the body)
COLUMNS = {
    "annotator": {"name": (NAME, "line"), "note": (TEXT, "text")},
    "article": {
        "slug": (SLUG, "line"),
        "headline": (1_000, "line"),
        "outlet": (NAME, "line"),
        "byline": (NAME, "line"),
        "url": (2_000, "line"),
        "language": (35, "line"),
        "body": (50_000_000, "text"),
    },
    "article_metadata": {"value": (TEXT, "text"), "source": (TEXT, "text"), "note": (TEXT, "text")},
    "actor": {
        "slug": (SLUG, "line"),
        "name": (NAME, "line"),
        "wikidata_id": (20, "line"),
        "note": (TEXT, "text"),
    },
    "actor_alias": {"alias": (NAME, "line")},
    "affiliation": {
        "role": (NAME, "line"),
        "location": (NAME, "line"),
        "location_as_written": (NAME, "line"),
    },
    "event": {
        "slug": (SLUG, "line"),
        "name": (NAME, "line"),
        "location": (NAME, "line"),
        "date_source": (TEXT, "text"),
    },
    "event_report": {"date_as_written": (NAME, "line"), "fatalities_as_written": (NAME, "line")},
    "quote": {"key": (KEY, "line"), "cue": (CUE, None)},
    "claim": {"key": (KEY, "line"), "proposition": (TEXT, "text"), "cue": (CUE, None)},
    "claim_check": {
        "aspect": (KEY, "line"),
        "stated_value": (NAME, "line"),
        "checked_value": (NAME, "line"),
        "source": (TEXT, "text"),
        "note": (TEXT, "text"),
    },
}
INTEGERS = {"event_report": {"fatalities": 2**31 - 1}}


def _printable(column: str, kind: str, dialect: str) -> str:
    ranges = RANGES[kind]
    if dialect == "postgresql":
        chars = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)
        return f"{column} !~ '[{chars}]'"
    codes = ", ".join(f"{lo}, 45, {hi}" for lo, hi in ranges)  # 45 is '-'
    return f"instr({column}, char(0)) = 0 AND {column} NOT GLOB '*[' || char({codes}) || ']*'"


def checks(table: str, dialect: str) -> list[tuple[str, str, str]]:
    """(name, condition, what it asks in words) of every CHECK this revision adds to ``table``."""
    out = []
    for column, (longest, kind) in COLUMNS.get(table, {}).items():
        out.append(
            (
                f"ck_{table}_{column}_max_length",
                f"length({column}) <= {longest}",
                f"{table}.{column} of at most {longest:,} characters",
            )
        )
        if kind:
            out.append(
                (
                    f"ck_{table}_{column}_printable",
                    _printable(column, kind, dialect),
                    f"{table}.{column} without control characters",
                )
            )
    for column, most in INTEGERS.get(table, {}).items():
        out.append(
            (f"ck_{table}_{column}_max", f"{column} <= {most}", f"{table}.{column} <= {most}")
        )
    return out


TABLES = sorted(COLUMNS.keys() | INTEGERS.keys())


def _refuse_rows_over_the_limits(dialect: str) -> None:
    """Name the first limit a stored row breaks, before anything is changed."""
    bind = op.get_bind()
    for table in TABLES:
        for _name, condition, what in checks(table, dialect):
            # the names and conditions are this module's own, never a user's
            count = bind.execute(text(f"SELECT count(*) FROM {table} WHERE NOT ({condition})"))
            over = count.scalar()
            if over:
                raise DatabaseError(
                    f"cannot upgrade to 0013: {over} row(s) of {table} break the limit"
                    f" '{what}': correct them and upgrade again (nothing was changed)"
                )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _refuse_rows_over_the_limits(dialect)
    if dialect == "sqlite":
        _rebuild_sqlite(add=True)
        return
    for table in TABLES:
        for name, condition, _what in checks(table, dialect):
            op.create_check_constraint(op.f(name), table, condition)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _rebuild_sqlite(add=False)
        return
    for table in reversed(TABLES):
        for name, _condition, _what in reversed(checks(table, dialect)):
            op.drop_constraint(op.f(name), table, type_="check")


# -- SQLite --------------------------------------------------------------------------------

_CREATE = re.compile(r'^CREATE TABLE\s+"?(\w+)"?\s*\(', re.IGNORECASE)


def _clauses(table: str) -> str:
    return "".join(
        f", CONSTRAINT {name} CHECK ({condition})" for name, condition, _ in checks(table, "sqlite")
    )


def _rebuild_sqlite(*, add: bool) -> None:
    """Rebuild every limited table with (``add``) or without this revision's CHECKs, keeping
    its rows, ids, indexes, and every view and trigger of the schema."""
    bind = op.get_bind()
    kept = bind.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger')"
        " AND sql IS NOT NULL ORDER BY rowid"
    ).all()
    for kind, name, _sql in kept:
        bind.exec_driver_sql(f'DROP {kind.upper()} IF EXISTS "{name}"')
    for table in TABLES:
        _rebuild_table(table, add=add)
    for _kind, _name, sql in kept:
        bind.exec_driver_sql(sql)


def _rebuild_table(table: str, *, add: bool) -> None:
    bind = op.get_bind()
    (sql,) = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).one()
    indexes = (
        bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table,),
        )
        .scalars()
        .all()
    )
    new = f"_new_{table}"
    body = sql[_CREATE.match(sql).end() :].rstrip()
    assert body.endswith(")"), sql
    clauses = _clauses(table)
    if add:
        body = body[:-1].rstrip() + clauses + ")"
    else:
        assert clauses in body, f"{table} has not the CHECKs of 0013"
        body = body.replace(clauses, "")
    bind.exec_driver_sql(f"CREATE TABLE {new} ({body}")
    bind.exec_driver_sql(f"INSERT INTO {new} SELECT * FROM {table}")
    bind.exec_driver_sql(f"DROP TABLE {table}")
    bind.exec_driver_sql(f"ALTER TABLE {new} RENAME TO {table}")
    for index in indexes:
        bind.exec_driver_sql(index)
