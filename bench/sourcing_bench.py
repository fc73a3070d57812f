"""Benchmark newsdb's sourcing helpers and views on a synthetic collection.

Not a test: it prints figures and asserts nothing about time. For each backend it creates a
fresh database, migrates it to head, loads the synthetic collection of bench/synth.py
(100,000 articles, 20,000 actors, 1,000,000 quotes at --scale 1.0), analyses it, and for every
question and date range prints the median of --runs warm runs of

* the helper in newsdb.sourcing, called through a Session;
* the question's view, ``SELECT * FROM view WHERE published_date BETWEEN ...``;
* the fastest hand-written SQL found for the same answer, on the same data, in the same run;

and the helper's time over the hand-written one. Then the SQLite/PostgreSQL ratios, and (on
PostgreSQL) the year-long helper run again and again on one connection with psycopg's default
automatic prepared statements, to show what newsdb.db.make_engine's prepare_threshold=None
is for.

    .venv/bin/python bench/sourcing_bench.py --scale 0.01          # seconds: while developing
    .venv/bin/python bench/sourcing_bench.py                       # the full run, both backends
    .venv/bin/python bench/sourcing_bench.py --backend postgresql --keep --explain

The PostgreSQL database is created on the server of --pg-url (default
postgresql://postgres@127.0.0.1:5432/postgres) as newsdb_bench_<pid> and dropped at the end
unless --keep; --reuse-pg NAME / --reuse-sqlite FILE measure a kept database again without
regenerating it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import astuple, dataclass, field, fields
from pathlib import Path

from sqlalchemy import Engine, event, inspect, text
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from newsdb import migrate, tally
from newsdb.db import make_engine, normalize_url

# The ranges: the last full year of the collection, a quarter and a month of it, and all.
RANGES = {
    "month": (dt.date(2025, 6, 1), dt.date(2025, 6, 30)),
    "quarter": (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
    "year": (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    "all": (None, None),
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- databases -------------------------------------------------------------------------------


@dataclass
class Backend:
    name: str  # "postgresql" | "sqlite"
    engine: Engine
    cleanup: Callable[[], None] = lambda: None
    load_seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    views: set[str] = field(default_factory=set)
    revision: str | None = None


def create_postgresql(server_url: str, name: str) -> tuple[Engine, Callable[[], None]]:
    admin = make_engine(normalize_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = normalize_url(server_url).set(database=name)
    engine = make_engine(url)

    def drop() -> None:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return engine, drop


def load(backends: list[Backend], scale: float) -> None:
    """Generate the collection once and write each table to every backend."""
    raws = {}
    for b in backends:
        raw = b.engine.raw_connection()
        if b.name == "postgresql":
            with raw.cursor() as cursor:
                try:  # skip the foreign-key triggers while loading (needs a superuser)
                    cursor.execute("SET session_replication_role = replica")
                except Exception as error:  # noqa: BLE001
                    raw.rollback()
                    log(f"postgresql: loading with foreign-key checks on ({error})")
        else:
            raw.driver_connection.isolation_level = None  # explicit BEGIN/COMMIT
            for pragma in ("foreign_keys=OFF", "journal_mode=OFF", "synchronous=OFF",
                           "cache_size=-1000000"):
                raw.execute(f"PRAGMA {pragma}")
        raws[b.name] = raw
    started = time.perf_counter()
    spent = {b.name: 0.0 for b in backends}
    for table, columns, rows in synth.generate(scale):
        for b in backends:
            t0 = time.perf_counter()
            if b.name == "postgresql":
                synth.copy_postgresql(raws[b.name].driver_connection, table, columns, rows)
                raws[b.name].commit()
            else:
                synth.insert_sqlite(raws[b.name].driver_connection, table, columns, rows)
            spent[b.name] += time.perf_counter() - t0
            b.counts[table] = len(rows)
        log(f"{table}: {len(rows):,} rows")
    generating = time.perf_counter() - started - sum(spent.values())
    for b in backends:
        raw = raws[b.name]
        t0 = time.perf_counter()
        if b.name == "postgresql":
            with raw.cursor() as cursor:
                cursor.execute("RESET session_replication_role")
                for table in b.counts:
                    if "id" in _columns(b.engine, table):
                        cursor.execute(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                            f" max(id)) FROM {table}"
                        )
            raw.commit()
            # COPY under session_replication_role = replica fires no trigger: count the
            # per-article tallies of migration 0004 now, as their triggers would have
            with b.engine.begin() as connection:
                tally.rebuild(connection)
            raw.driver_connection.autocommit = True
            with raw.cursor() as cursor:
                # VACUUM too: a bulk-loaded table has no visibility map yet, and without one
                # PostgreSQL cannot answer from an index alone.
                cursor.execute("VACUUM (ANALYZE)")
        else:
            for pragma in ("journal_mode=DELETE", "synchronous=FULL", "cache_size=-2000",
                           "foreign_keys=ON"):
                raw.execute(f"PRAGMA {pragma}")
            raw.execute("ANALYZE")
        raw.close()
        spent[b.name] += time.perf_counter() - t0
        b.load_seconds = spent[b.name] + generating / len(backends)
        log(f"{b.name}: loaded and analysed in {spent[b.name]:.0f} s"
            f" (+ {generating:.0f} s generating, shared)")


_COLUMN_CACHE: dict[tuple[int, str], set[str]] = {}


def _columns(engine: Engine, table: str) -> set[str]:
    key = (id(engine), table)
    if key not in _COLUMN_CACHE:
        _COLUMN_CACHE[key] = {c["name"] for c in inspect(engine).get_columns(table)}
    return _COLUMN_CACHE[key]


def verify_foreign_keys(b: Backend) -> None:
    """Every foreign key of the generated data resolves (the load skipped the checks)."""
    from newsdb.models import Base

    bad = []
    with b.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.info.get("is_view"):
                continue
            for fk in table.foreign_key_constraints:
                (col,), (ref,) = fk.column_keys, [e.column for e in fk.elements]
                n = connection.scalar(text(
                    f"SELECT count(*) FROM {table.name} t WHERE t.{col} IS NOT NULL AND NOT"
                    f" EXISTS (SELECT 1 FROM {ref.table.name} r WHERE r.{ref.name} = t.{col})"
                ))
                if n:
                    bad.append(f"{table.name}.{col}: {n}")
    if bad:
        raise SystemExit(f"{b.name}: dangling foreign keys: {', '.join(bad)}")
    log(f"{b.name}: every foreign key resolves")


# -- timing ----------------------------------------------------------------------------------


#: the time a run may take; after it PostgreSQL cancels the statement (statement_timeout) and
#: SQLite interrupts it (a progress handler)
TIMEOUT = [60.0]
_DEADLINE = [float("inf")]


class TimedOut(Exception):
    pass


@dataclass
class Timing:
    ms: float | None  # None: timed out
    rows: int | None
    runs: int


def median_ms(run: Callable[[], int], runs: int) -> Timing:
    """A probe run, then the median of ``runs`` timed runs after one more warm-up.

    A probe over 1 s is the measurement itself (one run); one over 0.2 s is followed by three
    timed runs. A run over the timeout is given up."""

    def once() -> tuple[float, int]:
        _DEADLINE[0] = time.perf_counter() + TIMEOUT[0]
        t0 = time.perf_counter()
        try:
            rows = run()
        except Exception as error:
            if _is_timeout(error):
                raise TimedOut from None
            raise
        finally:
            _DEADLINE[0] = float("inf")
        return (time.perf_counter() - t0) * 1000, rows

    try:
        probe, rows = once()
        if probe > 1000:
            return Timing(probe, rows, 1)
        if probe > 200:
            runs = min(runs, 3)
        else:
            once()
        times = []
        for _ in range(runs):
            ms, rows = once()
            times.append(ms)
        return Timing(statistics.median(times), rows, runs)
    except TimedOut:
        return Timing(None, None, 0)


def _is_timeout(error: Exception) -> bool:
    message = str(error).lower()
    return "statement timeout" in message or "interrupted" in message \
        or "canceling statement" in message


def set_timeouts(engine: Engine) -> None:
    """New connections of ``engine`` give up a statement after the timeout."""
    if engine.dialect.name == "postgresql":
        def on_connect(dbapi_connection, _record):
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {int(TIMEOUT[0] * 1000)}")
            dbapi_connection.commit()
    else:
        def on_connect(dbapi_connection, _record):
            dbapi_connection.set_progress_handler(
                lambda: 1 if time.perf_counter() > _DEADLINE[0] else 0, 100_000
            )
    event.listen(engine, "connect", on_connect)
    engine.dispose()


def dbapi_params(sql: str, params: dict, backend: str) -> tuple[str, dict]:
    """``:name`` parameters as the driver wants them (psycopg: %(name)s)."""
    if backend == "postgresql":
        sql = sql.replace("%", "%%")
        sql = re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)
    return sql, params


def run_sql(engine: Engine, backend: str, statements: list[str], params: dict
            ) -> Callable[[], int]:
    """A callable that runs ``statements`` on one raw driver connection, fetching every row;
    it returns the rows of the first."""
    prepared = [dbapi_params(sql, params, backend) for sql in statements]

    def run() -> int:
        raw = engine.raw_connection()
        try:
            counts = []
            for sql, p in prepared:
                cursor = raw.cursor()
                cursor.execute(sql, p)
                counts.append(len(cursor.fetchall()))
                cursor.close()
            raw.rollback()
            return counts[0]
        finally:
            raw.close()

    return run


def helper_of(q, sourcing) -> Callable | None:
    """The helper that answers ``q``, with its ``limit`` if it has one."""
    helper = getattr(sourcing, q.helper, None) if sourcing else None
    if helper is not None and q.limit is not None:
        return functools.partial(helper, limit=q.limit)
    return helper


def run_helper(engine: Engine, helper: Callable, since, until, keep: list | None = None
               ) -> Callable[[], int]:
    kwargs = {} if since is None else {"since": since, "until": until}

    def run() -> int:
        with Session(engine) as session:
            result = helper(session, **kwargs)
        if keep is not None:
            keep[:] = result
        return len(result) if hasattr(result, "__len__") else 1

    return run


def _norm(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) or type(value).__name__ == "Decimal":
        return round(float(value), 9)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def fetch_all(engine: Engine, backend: str, sql: str, params: dict) -> list[tuple]:
    _DEADLINE[0] = time.perf_counter() + TIMEOUT[0]
    sql, params = dbapi_params(sql, params, backend)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        raw.rollback()
    finally:
        raw.close()
    return sorted((tuple(_norm(v) for v in row) for row in rows), key=repr)


# -- the questions ---------------------------------------------------------------------------


@dataclass
class Cell:
    helper: Timing | None = None
    view: Timing | None = None
    hand: Timing | None = None


def range_params(backend: str, since, until) -> dict:
    if since is None:
        return {}
    if backend == "sqlite":  # dates are ISO strings in SQLite
        return {"since": since.isoformat(), "until": until.isoformat()}
    return {"since": since, "until": until}


def measure(b: Backend, questions, ranges: list[str], runs: int, compare: bool,
            sourcing) -> dict[tuple[str, str], Cell]:
    cells = {}
    for q in questions:
        helper = helper_of(q, sourcing)
        has_view = q.view in b.views
        gave_up: set[str] = set()  # a kind that timed out on a smaller range is not run again
        for rname in ranges:
            since, until = RANGES[rname]
            params = range_params(b.name, since, until)
            where = "" if since is None else " WHERE published_date BETWEEN :since AND :until"
            view_sql = q.view_query(where)
            hand = q.hand_sql(whole=since is None)
            cell = Cell()
            if compare and rname in ("month", "quarter"):
                check(b, q, helper, hand[0], view_sql if has_view else None, params, since,
                      until, rname)
            skipped = Timing(None, None, 0)
            cell.hand = skipped if "hand" in gave_up else median_ms(
                run_sql(b.engine, b.name, hand, params), runs)
            if has_view:
                cell.view = skipped if "view" in gave_up else median_ms(
                    run_sql(b.engine, b.name, [view_sql], params), runs)
            if helper is not None:
                cell.helper = skipped if "helper" in gave_up else median_ms(
                    run_helper(b.engine, helper, since, until), runs)
            for kind in ("hand", "view", "helper"):
                t = getattr(cell, kind)
                if t is not None and t.ms is None:
                    gave_up.add(kind)
            cells[(q.name, rname)] = cell
            log(f"{b.name}: {q.name:<20} {rname:<7} helper {_ms(cell.helper)}  view"
                f" {_ms(cell.view)}  hand {_ms(cell.hand)}  rows {_rows(cell)}")
    return cells


def check(b, q, helper, hand_sql, view_sql, params, since, until, rname) -> None:
    """Warn when the hand-written SQL does not give the view's rows (or the helper's)."""
    got_hand = fetch_all(b.engine, b.name, hand_sql, params)
    if q.same_as_helper:
        if helper is None:
            return
        kept: list = []
        run_helper(b.engine, helper, since, until, kept)()
        # the fields the question answers: a totals row's comparison group (None) is not one
        answered = lambda r: (v for f, v in zip(fields(r), astuple(r)) if f.name != "group")  # noqa: E731
        expected = sorted((tuple(_norm(v) for v in answered(r)) for r in kept), key=repr)
        against = "helper"
    else:
        if view_sql is None:
            return
        expected = fetch_all(b.engine, b.name, view_sql, params)
        against = "view"
    if expected != got_hand:
        log(f"{b.name}: {q.name} {rname}: hand-written SQL differs from the {against}"
            f" ({len(got_hand)} rows against {len(expected)})")
        for row in list(set(expected) ^ set(got_hand))[:3]:
            log(f"    {row!r}")
    else:
        log(f"{b.name}: {q.name} {rname}: hand-written SQL gives the {against}'s"
            f" {len(expected)} rows")


def _rows(cell: Cell) -> str:
    return " / ".join(
        "-" if t is None or t.rows is None else f"{t.rows:,}"
        for t in (cell.helper, cell.view, cell.hand)
    )


def _ms(t: Timing | None) -> str:
    if t is None:
        return "-"
    if t.ms is None:
        return f"> {TIMEOUT[0]:.0f} s"
    mark = "¹" if t.runs == 1 else ""
    return (f"{t.ms:,.0f}" if t.ms >= 100 else f"{t.ms:.1f}") + mark


def _ratio(a: Timing | None, b: Timing | None) -> str:
    if a is None or b is None or b.ms is None or b.ms == 0:
        return "-"
    if a.ms is None:
        return f"> {TIMEOUT[0] * 1000 / b.ms:.0f}"
    return f"{a.ms / b.ms:.2f}" if a.ms / b.ms < 100 else f"{a.ms / b.ms:,.0f}"


def report(b: Backend, cells, questions, ranges, runs) -> str:
    lines = [
        (f"{b.name} — median of {runs} warm runs, ms (¹ one run: the first took over 1 s;"
         f" > {TIMEOUT[0]:.0f} s: given up, and not tried on the longer ranges)"),
        "",
        "| question | range | helper | view | hand-written | helper / hand | rows |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for q in questions:
        for rname in ranges:
            c = cells.get((q.name, rname))
            if c is None:
                continue
            rows = _rows(c)
            lines.append(
                f"| {q.name} | {rname} | {_ms(c.helper)} | {_ms(c.view)} | {_ms(c.hand)}"
                f" | {_ratio(c.helper, c.hand)} | {rows} |"
            )
    return "\n".join(lines)


def report_ratio(pg, lite, questions, ranges) -> str:
    lines = [
        "SQLite / PostgreSQL (same question, same range)",
        "",
        "| question | range | helper | view | hand-written |",
        "|---|---|--:|--:|--:|",
    ]
    for q in questions:
        for rname in ranges:
            a, b = lite.get((q.name, rname)), pg.get((q.name, rname))
            if a is None or b is None:
                continue
            lines.append(
                f"| {q.name} | {rname} | {_ratio(a.helper, b.helper)} | {_ratio(a.view, b.view)}"
                f" | {_ratio(a.hand, b.hand)} |"
            )
    return "\n".join(lines)


# -- plans -----------------------------------------------------------------------------------


def captured_statements(engine: Engine, call: Callable[[], object]) -> list[tuple[str, object]]:
    """The statements (and parameters) that ``call`` sends through ``engine``."""
    seen: list[tuple[str, object]] = []

    def listen(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return seen


def explain(b: Backend, questions, ranges, sourcing, folder: Path) -> None:
    """Write each question's plans (helper statements, view, hand-written) under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for q in questions:
        helper = helper_of(q, sourcing)
        for rname in ranges:
            since, until = RANGES[rname]
            params = range_params(b.name, since, until)
            where = "" if since is None else " WHERE published_date BETWEEN :since AND :until"
            texts = []
            todo = [(f"hand-written {i}", *dbapi_params(sql, params, b.name))
                    for i, sql in enumerate(q.hand_sql(since is None), 1)]
            if q.view in b.views:
                todo.append(("view", *dbapi_params(q.view_query(where), params, b.name)))
            if helper is not None:
                for i, (stmt, p) in enumerate(
                    captured_statements(b.engine, run_helper(b.engine, helper, since, until)), 1
                ):
                    todo.append((f"helper statement {i}", stmt, p))
            raw = b.engine.raw_connection()
            try:
                for label, sql, p in todo:
                    cursor = raw.cursor()
                    if b.name == "postgresql":
                        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, p)
                    else:
                        cursor.execute("EXPLAIN QUERY PLAN " + sql, p)
                    plan = "\n".join(" | ".join(str(v) for v in row) for row in cursor.fetchall())
                    cursor.close()
                    texts.append(f"-- {label}\n{sql}\n-- params {p!r}\n{plan}\n")
                raw.rollback()
            finally:
                raw.close()
            name = f"{b.name}-{q.name.replace(' ', '_')}-{rname}.txt"
            (folder / name).write_text("\n".join(texts))
    log(f"{b.name}: plans written to {folder}")


# -- automatic prepared statements -----------------------------------------------------------


def prepared_statements(b: Backend, question, sourcing, repeats: int = 15,
                        with_helper: bool = True) -> str:
    """The year-long question run ``repeats`` times in one Session (one connection, one
    transaction: a notebook's pattern), with psycopg's default prepare_threshold (a statement
    is prepared on the server at its sixth run) and with newsdb's prepare_threshold=None.

    psycopg forgets its prepared statements at every rollback, so a Session per call (which
    ends in a rollback) never reaches the threshold: only a long-lived session does."""
    since, until = RANGES["year"]
    helper = getattr(sourcing, question.helper, None) if sourcing and with_helper else None
    lines = [f"{question.name}, year range, {repeats} runs in a row in one session (ms):", ""]
    hand = text(question.hand_sql(False)[0])
    for label, connect_args in (
        ("psycopg default (prepare_threshold=5)", {"prepare_threshold": 5}),
        ("newsdb make_engine (prepare_threshold=None)", None),
    ):
        kwargs = {"pool_size": 1, "max_overflow": 0}
        if connect_args is not None:
            kwargs["connect_args"] = connect_args
        engine = make_engine(b.engine.url, **kwargs)
        for what in ("helper", "hand-written"):
            if what == "helper" and helper is None:
                continue
            times = []
            with Session(engine) as session:
                for _ in range(repeats):
                    t0 = time.perf_counter()
                    if what == "helper":
                        helper(session, since=since, until=until)
                    else:
                        session.execute(hand, {"since": since, "until": until}).fetchall()
                    times.append((time.perf_counter() - t0) * 1000)
                generic, custom = session.execute(text(
                    "SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
                    " FROM pg_prepared_statements"
                )).one()
            lines.append(
                f"- {label}, {what}: " + " ".join(f"{t:.0f}" for t in times)
                + f"  (runs 1-5 median {statistics.median(times[:5]):.0f},"
                f" runs 11-15 median {statistics.median(times[10:15]):.0f};"
                f" server-side plans: {generic} generic, {custom} custom)"
            )
        engine.dispose()
    return "\n".join(lines)


def jit_check(b: Backend, questions, runs: int = 3) -> str:
    """Each question's hand-written SQL with the server's JIT setting and with ``jit = off``.

    PostgreSQL compiles a query with LLVM once its estimated cost passes jit_above_cost
    (100,000 by default); these queries pass it, and compiling costs more than it saves."""
    lines = [
        "JIT: hand-written SQL, median of 3 runs (ms), server setting against SET jit = off",
        "",
        "| question | month, jit on | month, jit off | year, jit on | year, jit off |",
        "|---|--:|--:|--:|--:|",
    ]
    for q in questions:
        cells = []
        for rname in ("month", "year"):
            since, until = RANGES[rname]
            params = range_params(b.name, since, until)
            for setting in ("RESET jit", "SET jit = off"):
                engine = make_engine(b.engine.url, pool_size=1, max_overflow=0)
                set_timeouts(engine)

                def on_connect(dbapi_connection, _record, setting=setting):
                    with dbapi_connection.cursor() as cursor:
                        cursor.execute(setting)
                    dbapi_connection.commit()

                event.listen(engine, "connect", on_connect)
                cells.append(_ms(median_ms(run_sql(engine, b.name, q.hand_sql(False), params),
                                           runs)))
                engine.dispose()
        lines.append(f"| {q.name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_sql_sa(engine: Engine, sql: str, params: dict) -> Callable[[], int]:
    """Like :func:`run_sql` but through SQLAlchemy, so the engine's driver options apply."""
    statement = text(sql)

    def run() -> int:
        with engine.connect() as connection:
            return len(connection.execute(statement, params).fetchall())

    return run


# -- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="1.0 = 100,000 articles, 20,000 actors, 1,000,000 quotes")
    parser.add_argument("--backend", choices=("postgresql", "sqlite", "both"), default="both")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per cell (median)")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="the PostgreSQL server (its database is only used to create ours)")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument("--reuse-pg", metavar="NAME", help="measure a kept PostgreSQL database")
    parser.add_argument("--reuse-sqlite", metavar="FILE", help="measure a kept SQLite file")
    parser.add_argument("--ranges", default="month,quarter,year,all")
    parser.add_argument("--only", help="comma-separated question names")
    parser.add_argument("--compare", choices=("auto", "yes", "no"), default="auto",
                        help="check the hand-written SQL gives the view's rows on the month"
                             " and quarter ranges (auto: at --scale 0.05 and below)")
    parser.add_argument("--explain", metavar="DIR", help="write query plans to DIR")
    parser.add_argument("--verify-fks", action="store_true",
                        help="check every foreign key of the generated data")
    parser.add_argument("--no-prepare-check", action="store_true")
    parser.add_argument("--no-jit-check", action="store_true")
    parser.add_argument("--load-only", action="store_true",
                        help="generate and keep the databases, measure nothing")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds after which a run is given up (default 60)")
    args = parser.parse_args(argv)
    TIMEOUT[0] = args.timeout
    if args.load_only:
        args.keep = True

    from questions import QUESTIONS

    questions = QUESTIONS
    if args.only:
        wanted = {w.strip() for w in args.only.split(",")}
        questions = [q for q in QUESTIONS if q.name in wanted]
    ranges = [r.strip() for r in args.ranges.split(",")]
    compare = args.compare == "yes" or (args.compare == "auto" and args.scale <= 0.05)
    try:
        sourcing = importlib.import_module("newsdb.sourcing")
    except ImportError as error:
        log(f"newsdb.sourcing is not there ({error}): measuring views and hand-written SQL only")
        sourcing = None

    names = ("postgresql", "sqlite") if args.backend == "both" else (args.backend,)
    backends: list[Backend] = []
    fresh: list[Backend] = []
    tmp = None
    for name in names:
        if name == "postgresql":
            if args.reuse_pg:
                url = normalize_url(args.pg_url).set(database=args.reuse_pg)
                backends.append(Backend(name, make_engine(url)))
                continue
            db = f"newsdb_bench_{os.getpid()}"
            engine, drop = create_postgresql(args.pg_url, db)
            b = Backend(name, engine, (lambda: None) if args.keep else drop)
            if args.keep:
                log(f"postgresql: keeping database {db}")
        else:
            if args.reuse_sqlite:
                backends.append(Backend(name, make_engine(f"sqlite:///{args.reuse_sqlite}")))
                continue
            tmp = tempfile.mkdtemp(prefix="newsdb_bench_")
            path = Path(tmp) / "bench.sqlite"
            b = Backend(name, make_engine(f"sqlite:///{path}"))
            if args.keep:
                log(f"sqlite: keeping {path}")
            else:
                def remove(path=path, tmp=tmp):
                    path.unlink(missing_ok=True)
                    os.rmdir(tmp)
                b.cleanup = remove
        migrate.upgrade(b.engine)
        backends.append(b)
        fresh.append(b)

    try:
        if fresh:
            load(fresh, args.scale)
        for b in backends:
            if args.verify_fks:
                verify_foreign_keys(b)
            set_timeouts(b.engine)
            b.views = set(inspect(b.engine).get_view_names())
            b.revision = migrate.current_revision(b.engine)
            with b.engine.connect() as connection:
                b.counts = {
                    t: connection.scalar(text(f"SELECT count(*) FROM {t}"))
                    for t in ("article", "actor", "quote", "claim", "mention", "paragraph",
                              "event", "event_mention", "claim_quote", "claim_event",
                              "event_report")
                }

        if args.load_only:
            return
        results = {}
        for b in backends:
            if args.explain:
                explain(b, questions, ranges, sourcing, Path(args.explain))
            results[b.name] = measure(b, questions, ranges, args.runs, compare, sourcing)

        out = [
            (f"newsdb sourcing benchmark — scale {args.scale}, {os.cpu_count()} CPUs,"
             f" {time.strftime('%Y-%m-%d %H:%M')}"),
            "ranges: " + ", ".join(
                f"{r} = {RANGES[r][0]}..{RANGES[r][1]}" if RANGES[r][0] else f"{r} = everything"
                for r in ranges
            ),
        ]
        for b in backends:
            counts = ", ".join(f"{n:,} {t}" for t, n in b.counts.items())
            load_note = f", loaded in {b.load_seconds:.0f} s" if b.load_seconds else ""
            out += ["", f"{b.name} at revision {b.revision}: {counts}{load_note}", "",
                    report(b, results[b.name], questions, ranges, args.runs)]
        if "postgresql" in results and "sqlite" in results:
            out += ["", report_ratio(results["postgresql"], results["sqlite"], questions,
                                     ranges)]
        pg = next((b for b in backends if b.name == "postgresql"), None)
        if pg is not None and not args.no_prepare_check and questions:
            log("postgresql: automatic prepared statements")
            network = next((q for q in questions if q.name == "quote network"), questions[0])
            out += ["", prepared_statements(pg, network, sourcing, with_helper=False)]
        if pg is not None and not args.no_jit_check:
            log("postgresql: JIT on and off")
            out += ["", jit_check(pg, questions)]
        print("\n".join(out), flush=True)
    finally:
        for b in backends:
            b.engine.dispose()
            b.cleanup()


if __name__ == "__main__":
    main()
