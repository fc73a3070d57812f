"""The database itself refuses bad rows, on SQLite and on PostgreSQL alike.

Every case writes plain SQL, as any client could, never through the models: first a correct
row of the same shape, which must be accepted (so the case can fail), then the bad row, which
must be refused by the named constraint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Connection, Date, Engine, bindparam, inspect, text
from sqlalchemy.exc import DataError, IntegrityError

from newsdb import migrate
from newsdb.db import make_engine

#: The article every annotation row points at; "Officials" is 0:9, "said" is 10:14.
BODY = "Officials said the strike killed 12 people."

BASE_ROWS = [
    ("annotator", {"id": 1, "kind": "hand", "name": "tester"}),
    ("article", {"id": 1, "slug": "the-article", "body": BODY, "sha256": "a" * 64}),
    ("actor", {"id": 1, "slug": "jane-doe", "name": "Jane Doe", "kind": "person"}),
]

#: A correct row of each table the cases write; a case overrides some columns.
DEFAULTS: dict[str, dict] = {
    "actor": {"name": "Some Actor", "kind": "person", "country": None},
    "quote": {
        "article_id": 1,
        "speaker_id": 1,
        "kind": "direct",
        "text": "Officials",
        "span_start": 0,
        "span_end": 9,
        "cue": None,
        "cue_start": None,
        "cue_end": None,
        "annotator_id": 1,
    },
    "claim": {
        "article_id": 1,
        "text": "Officials",
        "span_start": 0,
        "span_end": 9,
        "proposition": "Officials spoke.",
        "attribution_mode": "named_person",
        "source_id": 1,
        "cue": "said",
        "cue_start": 10,
        "cue_end": 14,
        "certainty": "asserted",
        "annotator_id": 1,
    },
    "event": {
        "name": "The strike",
        "event_type": "airstrike",
        "start_date": dt.date(2025, 1, 2),
        "end_date": None,
        "date_precision": "day",
        "date_resolution": "stated",
    },
}

#: How each table's row is told apart from the other rows of a case (unique keys).
NAMED_BY = {"actor": "slug", "event": "slug", "quote": "key", "claim": "key"}


@dataclass
class Case:
    id: str
    table: str
    good: dict
    bad: dict
    #: text the error must contain: the constraint's name, or SQLite's generic FK message
    sqlite_match: str
    postgresql_match: str
    #: PostgreSQL refuses an over-long varchar before any CHECK runs, with a DataError
    postgresql_error: type[Exception] = IntegrityError
    extra: dict = field(default_factory=dict)


def check(name: str, table: str, good: dict, bad: dict) -> Case:
    """A case refused by the CHECK ``ck_<table>_<name>``, which both backends name in the error."""
    constraint = f"ck_{table}_{name}"
    return Case("", table, good, bad, constraint, constraint)


CASES = {
    # spans
    "quote-span-start-equals-end": check(
        "span_order", "quote", {}, {"text": "", "span_start": 9, "span_end": 9}
    ),
    "claim-span-start-equals-end": check(
        "span_order", "claim", {}, {"text": "", "span_start": 9, "span_end": 9}
    ),
    "quote-span-start-negative": check(
        "span_order", "quote", {}, {"text": "xOffi", "span_start": -1, "span_end": 4}
    ),
    "quote-text-shorter-than-span": check("span_length", "quote", {}, {"span_end": 10}),
    "quote-text-longer-than-span": check("span_length", "quote", {}, {"span_end": 8}),
    # vocabularies
    "actor-kind-unknown": check("kind_vocab", "actor", {"kind": "organisation"}, {"kind": "alien"}),
    "quote-kind-unknown": check("kind_vocab", "quote", {"kind": "partial"}, {"kind": "paraphrase"}),
    "claim-attribution-mode-unknown": check(
        "attribution_mode_vocab",
        "claim",
        {"attribution_mode": "passive", "source_id": None},
        {"attribution_mode": "rumour", "source_id": None},
    ),
    "event-date-precision-unknown-value": check(
        "date_precision_vocab", "event", {"date_precision": "month"}, {"date_precision": "week"}
    ),
    # a claim's source follows its attribution mode
    "claim-writer-with-source": check(
        "source_matches_mode",
        "claim",
        {"attribution_mode": "writer", "source_id": None},
        {"attribution_mode": "writer", "source_id": 1},
    ),
    "claim-named-person-without-source": check(
        "source_matches_mode",
        "claim",
        {"attribution_mode": "named_person", "source_id": 1},
        {"attribution_mode": "named_person", "source_id": None},
    ),
    # an attributed claim names the words that attribute it; the writer's own voice has none
    "claim-attributed-without-cue": check(
        "attributed_has_cue",
        "claim",
        {
            "attribution_mode": "writer",
            "source_id": None,
            "cue": None,
            "cue_start": None,
            "cue_end": None,
        },
        {
            "attribution_mode": "passive",
            "source_id": None,
            "cue": None,
            "cue_start": None,
            "cue_end": None,
        },
    ),
    # foreign keys (SQLite enforces them because make_engine switches the pragma on)
    "quote-missing-article": Case(
        "",
        "quote",
        {"article_id": 1},
        {"article_id": 999},
        "FOREIGN KEY constraint failed",
        "fk_quote_article_id_article",
    ),
    "quote-missing-speaker": Case(
        "",
        "quote",
        {"speaker_id": 1},
        {"speaker_id": 999},
        "FOREIGN KEY constraint failed",
        "fk_quote_speaker_id_actor",
    ),
    "claim-missing-source": Case(
        "",
        "claim",
        {"source_id": 1},
        {"source_id": 999},
        "FOREIGN KEY constraint failed",
        "fk_claim_source_id_actor",
    ),
    # unique keys
    "actor-duplicate-slug": Case(
        "",
        "actor",
        {"slug": "john-roe"},
        {"slug": "jane-doe"},
        "UNIQUE constraint failed: actor.slug",
        "uq_actor_slug",
    ),
    # country codes: ISO 3166-1 alpha-2, upper case
    "country-lower-case": check("country_iso", "actor", {"country": "PK"}, {"country": "pk"}),
    "country-three-letters": Case(
        "",
        "actor",
        {"country": "PK"},
        {"country": "PAK"},
        "ck_actor_country_iso",
        "value too long for type character varying(2)",
        postgresql_error=DataError,
    ),
    # event dates
    "event-ends-before-it-starts": check(
        "date_order",
        "event",
        {"start_date": dt.date(2025, 1, 2), "end_date": dt.date(2025, 1, 3)},
        {"start_date": dt.date(2025, 1, 2), "end_date": dt.date(2025, 1, 1)},
    ),
    "event-date-with-precision-unknown": check(
        "date_precision_known",
        "event",
        {"start_date": None, "date_precision": "unknown"},
        {"start_date": dt.date(2025, 1, 2), "date_precision": "unknown"},
    ),
    "event-precision-without-date": check(
        "date_precision_known",
        "event",
        {"start_date": dt.date(2025, 1, 2), "date_precision": "year"},
        {"start_date": None, "date_precision": "year"},
    ),
    # cues: all of cue, cue_start, cue_end, or none; and the cue's span is well formed
    "quote-cue-without-start": check(
        "cue_complete",
        "quote",
        {"cue": "said", "cue_start": 10, "cue_end": 14},
        {"cue": "said", "cue_start": None, "cue_end": 14},
    ),
    "claim-cue-without-start": check(
        "cue_complete",
        "claim",
        {"cue": "said", "cue_start": 10, "cue_end": 14},
        {"cue": "said", "cue_start": None, "cue_end": 14},
    ),
    "quote-cue-length-wrong": check(
        "cue_length",
        "quote",
        {"cue": "said", "cue_start": 10, "cue_end": 14},
        {"cue": "said", "cue_start": 10, "cue_end": 15},
    ),
}
for _id, _case in CASES.items():
    _case.id = _id


def insert(connection: Connection, table: str, row: dict) -> None:
    """INSERT one row with bound parameters (table and column names come from this file)."""
    columns = ", ".join(row)
    values = ", ".join(f":{column}" for column in row)
    statement = text(f"INSERT INTO {table} ({columns}) VALUES ({values})")
    # Dates go through the Date type, so SQLite gets ISO text without sqlite3's adapters.
    dates = [bindparam(key, type_=Date) for key, value in row.items() if isinstance(value, dt.date)]
    if dates:
        statement = statement.bindparams(*dates)
    connection.execute(statement, row)


def row_for(case: Case, role: str, row_id: int) -> dict:
    row = {"id": row_id, **DEFAULTS[case.table]}
    if case.table in NAMED_BY:
        row[NAMED_BY[case.table]] = f"{case.id}-{role}"
    row.update(case.good if role == "good" else case.bad)
    return row


#: As conftest's ``backend`` fixture, but for one database per backend for the whole module.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=BACKENDS)
def base_engine(request, tmp_path_factory) -> Iterator[tuple[str, Engine]]:
    """The schema at head with an annotator, an article and an actor to point at.

    One database per backend serves every case (each case rolls back what it wrote): a fresh
    PostgreSQL database per case made this file ten times slower.
    """
    backend = request.param
    if backend == "sqlite":
        databases = None
        url = f"sqlite:///{tmp_path_factory.mktemp('constraints') / 'newsdb.sqlite'}"
    else:
        databases = request.getfixturevalue("pg_databases")
        url = databases.create()
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        with engine.begin() as connection:
            for table, row in BASE_ROWS:
                insert(connection, table, row)
        yield backend, engine
    finally:
        engine.dispose()
        if databases is not None:
            databases.drop(url)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_database_refuses_bad_row(base_engine: tuple[str, Engine], case: Case) -> None:
    backend, engine = base_engine
    expected = case.postgresql_error if backend == "postgresql" else IntegrityError
    match = case.postgresql_match if backend == "postgresql" else case.sqlite_match
    with engine.connect() as connection:
        try:
            # The correct row is accepted, so the case could fail...
            insert(connection, case.table, row_for(case, "good", 100))
            # ...and the bad one is refused, by the constraint the case names.
            with pytest.raises(expected) as raised:
                insert(connection, case.table, row_for(case, "bad", 101))
        finally:
            connection.rollback()
    assert match in str(raised.value.orig)

    # Rolled back: the next case starts from the base rows again.
    with engine.connect() as connection:
        count = f"SELECT count(*) FROM {case.table} WHERE id >= 100"
        assert connection.execute(text(count)).scalar_one() == 0


# Constraint names: identical on both backends, so a migration can name what it drops.


@pytest.fixture
def both_engines(tmp_path, pg_databases) -> Iterator[dict[str, Engine]]:
    """A SQLite and a PostgreSQL database, both at head."""
    pg_url = pg_databases.create()
    engines = {
        "sqlite": make_engine(f"sqlite:///{tmp_path / 'names.sqlite'}"),
        "postgresql": make_engine(pg_url),
    }
    try:
        for engine in engines.values():
            migrate.upgrade(engine)
        yield engines
    finally:
        for engine in engines.values():
            engine.dispose()
        pg_databases.drop(pg_url)


def constraint_names(engine: Engine) -> dict[str, set[str]]:
    """Per table, the kind and name of every named constraint and index."""
    inspector = inspect(engine)
    names: dict[str, set[str]] = {}
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        found = {("pk", inspector.get_pk_constraint(table)["name"])}
        found |= {("ck", c["name"]) for c in inspector.get_check_constraints(table)}
        found |= {("uq", c["name"]) for c in inspector.get_unique_constraints(table)}
        found |= {("fk", c["name"]) for c in inspector.get_foreign_keys(table)}
        # PostgreSQL also lists the index behind each unique constraint; that is the "uq".
        found |= {
            ("ix", c["name"])
            for c in inspector.get_indexes(table)
            if "duplicates_constraint" not in c
        }
        names[table] = {f"{kind} {name}" for kind, name in found}
    return names


@pytest.mark.postgres
def test_constraint_names_match_across_backends(both_engines: dict[str, Engine]) -> None:
    sqlite = constraint_names(both_engines["sqlite"])
    postgresql = constraint_names(both_engines["postgresql"])
    assert sorted(sqlite) == sorted(postgresql)
    for table in sqlite:
        assert sqlite[table] == postgresql[table], table
        # every constraint is named: no None slipped through on either side
        assert not any(name.endswith(" None") for name in sqlite[table]), table
    # the naming convention produced the names migrations refer to
    assert "ck ck_quote_span_order" in sqlite["quote"]
    assert "fk fk_quote_article_id_article" in sqlite["quote"]
    assert "uq uq_actor_slug" in sqlite["actor"]
