"""The tallies of a bulk load: triggers off while a batch of articles is written, then the
batch's articles stored the slow way recounted in set-based SQL, exactly as
:mod:`newsdb.tally` recounts (new articles' tallies are written with their rows,
:mod:`newsdb.batch_write`).

Both happen inside the batch's transaction: other connections never see the triggers off,
and a batch that fails leaves them as they were. The triggers of the shared tables (actor,
event) stay on: a change to a shared actor or event reaches articles outside the batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import Connection, bindparam, text

from newsdb import tally

#: tables whose triggers stay on during a bulk load
SHARED_TABLES = ("actor", "event")
#: the rows a recount reads, narrowed to the batch's articles on SQLite (see _shadow): by
#: article, or by the claim they belong to
BY_ARTICLE = (
    "mention",
    "quote",
    "claim",
    "affiliation",
    "event_mention",
    "event_participant",
)
BY_CLAIM = ("claim_quote", "claim_relation", "claim_event")


def _expanding(sql: str, name: str):
    return text(sql).bindparams(bindparam(name, expanding=True))


#: a trigger's SQL as SQLite stores it, when the trigger fires on an insert
_ON_INSERT = re.compile(
    r"\s*CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+(?:BEFORE\s+|AFTER\s+)?INSERT\s+ON\b",
    re.IGNORECASE,
)


def triggers_off(connection: Connection) -> Callable[[], None]:
    """Switch off, in this transaction, the triggers of every table but the shared ones;
    return what switches them on again (PostgreSQL: DISABLE TRIGGER USER; SQLite has no
    such switch: the triggers are dropped and created again from their stored SQL, and only
    those that fire on an insert, the one write a batch's new articles make, and those of
    the article itself: each costs a write of the schema, and all ~60 cost the writer ~0.8 ms
    an article. The triggers on an update or a delete of an article's rows, which only an
    article stored the slow way fires as it replaces them, stay on: they keep tallies, and
    that article is recounted whole at the batch's end, geography last, which sets its
    tallies as the recount has them whatever they did)."""
    shared = {"shared": list(SHARED_TABLES)}
    if connection.dialect.name == "postgresql":
        query = _expanding(
            "SELECT DISTINCT event_object_table FROM information_schema.triggers"
            " WHERE trigger_schema = current_schema() AND event_object_table NOT IN :shared"
            " ORDER BY 1",
            "shared",
        )
        tables = connection.execute(query, shared).scalars().all()
        for table in tables:  # names from the catalogue, quoted
            connection.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')

        def enable() -> None:
            for table in tables:
                connection.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')

        return enable
    query = _expanding(
        "SELECT name, sql, tbl_name FROM sqlite_master"
        " WHERE type = 'trigger' AND tbl_name NOT IN :shared"
        " ORDER BY name",
        "shared",
    )
    found = connection.execute(query, shared)
    triggers = [
        (t.name, t.sql) for t in found if t.tbl_name == "article" or _ON_INSERT.match(t.sql)
    ]
    for name, _sql in triggers:  # names from the catalogue, quoted
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')

    def recreate() -> None:
        for _name, sql in triggers:
            connection.exec_driver_sql(sql)

    return recreate


def recount(connection: Connection, slugs: list[str]) -> None:
    """Replace the tallies of the articles ``slugs`` with a recount from their rows: the
    recounts of :data:`newsdb.tally.TALLIES`, narrowed to these articles."""
    if not slugs:
        return
    ids = (
        connection.execute(
            _expanding("SELECT id FROM article WHERE slug IN :slugs", "slugs"), {"slugs": slugs}
        )
        .scalars()
        .all()
    )
    main, temp = _schemas(connection)
    _shadow(connection, ids, main, temp)
    try:
        for table, (columns, query) in tally.TALLIES.items():
            target = f"{main}.{table}"
            delete = _expanding(f"DELETE FROM {target} WHERE article_id IN :ids", "ids")
            insert = _expanding(
                f"INSERT INTO {target} ({', '.join(columns)})"
                f" SELECT * FROM ({query}) r WHERE r.article_id IN :ids",
                "ids",
            )
            connection.execute(delete, {"ids": ids})
            connection.execute(insert, {"ids": ids})
    finally:
        _unshadow(connection, temp)


def _schemas(connection: Connection) -> tuple[str, str]:
    """The schema of the tables, and the one of temporary tables (searched first)."""
    if connection.dialect.name == "sqlite":
        return "main", "temp"
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    return '"' + schema.replace('"', '""') + '"', "pg_temp"


def _shadow(connection: Connection, ids: list[int], main: str, temp: str) -> None:
    """Neither backend narrows every recount to the articles asked for (SQLite groups every
    article; PostgreSQL, whose statistics do not know the rows just written, aggregates the
    support of every claim once per claim of the batch), so a recount would cost what the
    whole database holds. Temporary tables of the same names, holding only these articles'
    rows, shadow the main ones for the recounts' unqualified names (both backends search
    the temporary schema first). A few hundred rows an article: PostgreSQL's estimates from
    their size serve without an ANALYZE, whose cost was a tenth of the recount's."""
    params = {"ids": ids}
    statements = [f"CREATE TEMP TABLE article AS SELECT * FROM {main}.article WHERE id IN :ids"]
    statements += [
        f"CREATE TEMP TABLE {table} AS SELECT * FROM {main}.{table} WHERE article_id IN :ids"
        for table in BY_ARTICLE
    ]
    statements += [
        f"CREATE TEMP TABLE {table} AS SELECT * FROM {main}.{table}"
        f" WHERE claim_id IN (SELECT id FROM {temp}.claim)"
        for table in BY_CLAIM
    ]
    if connection.dialect.name == "sqlite":  # else a scan of them per source, for geography
        statements.append(
            f"CREATE INDEX {temp}.affiliation_first ON affiliation"
            " (article_id, person_id, span_start)"
        )
    for statement in statements:
        if ":ids" in statement:
            connection.execute(_expanding(statement, "ids"), params)
        else:
            connection.exec_driver_sql(statement)


def _unshadow(connection: Connection, temp: str) -> None:
    """Drop the temporary tables (PostgreSQL: in one statement)."""
    tables = [f"{temp}.{table}" for table in ("article", *BY_ARTICLE, *BY_CLAIM)]
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {', '.join(tables)}")
        return
    for table in tables:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
