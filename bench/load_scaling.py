"""Load time against article size, with the tally triggers of 0009 and of 0010, on both backends.

An article of N quotes is the seed article written out N / 11 times over (11 quotes, 126
mentions, 64 claims... each time, every copy with events of its own and the seed's actors),
loaded by ``newsdb.loader.store`` in one transaction into a new database at each revision. For
each backend and size the run prints the load's CPU seconds (the process's, and on PostgreSQL
its server process's: the clock would count the other work of a shared machine), the time per
quote, and two ratios measured in the same run: the time per quote against that of the smallest
article (1.0 when the load grows linearly with the article), and the load time against the same
load with every tally trigger switched off (the triggers' share, the baseline: the loader's own
SQL alone). Every load is checked against a recount of the tallies.

    .venv/bin/python bench/load_scaling.py                       # 100, 500, 2,000 quotes
    .venv/bin/python bench/load_scaling.py --sizes 100,500 --backends sqlite

PostgreSQL: ``NEWSDB_BENCH_DATABASE_URL`` (default postgresql://postgres@127.0.0.1/postgres)
names a server where the run creates and drops databases of its own. A load at 0009 that
would take longer than ``--limit`` seconds, judged from the sizes before by the power of the
size its time grew with (:func:`project`), is not run and is shown as that projection, marked
``~``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import math
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from newsdb import migrate, tally
from newsdb.db import make_engine, normalize_url
from newsdb.loader import Plan, read_folder, store
from newsdb.models import ArticleMetadata, Paragraph, Quote

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-iran-off-ramp"
_SHIFTED = ("span_start", "span_end", "cue_start", "cue_end")
_RENAMED = ("quote", "claim", "event")
#: (label, revision, whether the tally triggers run)
SETUPS = (("0009", "0009", True), ("0010", "0010", True), ("no triggers", "0010", False))


def _moved(value, column: str, offset: int, paragraphs: int, suffix: str):
    """A value of the seed's, in the copy that starts ``offset`` characters into the body."""
    if column in _SHIFTED and value is not None:
        return value + offset
    if column == "number":
        return value + paragraphs
    if column == "key":
        return value + suffix
    if isinstance(value, tuple) and value[0] in _RENAMED:
        return (value[0], value[1] + suffix)
    return value


def article(seed: Plan, quotes: int) -> Plan:
    """The seed written out enough times to hold about ``quotes`` quotes, as one article."""
    copies = max(1, round(quotes / len(seed.rows[Quote])))
    slug = f"scaling-{quotes}"
    body = "\n".join([seed.body] * copies)
    paragraphs = len(seed.rows[Paragraph])
    rows: dict[type, list[dict]] = {model: [] for model in seed.rows}
    events = {}
    for n in range(copies):
        shift = (n * (len(seed.body) + 1), n * paragraphs, f"-{quotes}-{n}")
        for model, seeded in seed.rows.items():
            if model is ArticleMetadata and n:
                continue  # one article, one headline
            rows[model] += [{c: _moved(v, c, *shift) for c, v in row.items()} for row in seeded]
        for event, values in seed.events.items():
            events[event + shift[2]] = {c: _moved(v, c, *shift) for c, v in values.items()}
    encoded = body.encode("utf-8")
    header = {**seed.article, "slug": slug, "body": body}
    header["sha256"] = hashlib.sha256(encoded).hexdigest()
    return dataclasses.replace(seed, body=body, article=header, events=events, rows=rows)


@contextmanager
def database(backend: str) -> Iterator[Engine]:
    """A new, empty database on ``backend``, dropped afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="newsdb_scaling_") as folder:
            engine = make_engine(f"sqlite:///{folder}/scaling.sqlite")
            yield engine
            engine.dispose()
        return
    admin_url = normalize_url(
        os.environ.get("NEWSDB_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1/postgres")
    )
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"newsdb_scaling_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))  # a name made above
    engine = make_engine(admin_url.set(database=name))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def switch_off_triggers(engine: Engine) -> None:
    """Every tally trigger off (SQLite: dropped; PostgreSQL: disabled, foreign keys kept)."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            names = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            ).scalars()
            for name in list(names):
                connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
            return
        tables = connection.exec_driver_sql(
            "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE NOT t.tgisinternal"
        ).scalars()
        for table in list(tables):
            connection.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')


def _server_cpu(session: Session) -> float:
    """CPU seconds of the PostgreSQL process serving ``session`` (a server on this machine)."""
    pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(engine: Engine, plan: Plan) -> float:
    """CPU seconds to store ``plan``: this process's, and on PostgreSQL (a server on this
    machine) its server process's too, so that other work on a shared machine counts not."""
    postgresql = engine.dialect.name == "postgresql"
    with Session(engine) as session, session.begin():
        started = time.process_time() + (_server_cpu(session) if postgresql else 0)
        store(session, plan)
        session.flush()
        ended = time.process_time() + (_server_cpu(session) if postgresql else 0)
    return ended - started


def project(measured: list[tuple[int, float]], quotes: int) -> float:
    """The seconds a load of ``quotes`` would take, grown from the last load measured by the
    power of the size that the last two measured grew by (the cube, with one measured)."""
    (q1, s1), (q0, s0) = measured[-1], measured[-2] if len(measured) > 1 else (None, None)
    power = math.log(s1 / s0) / math.log(q1 / q0) if q0 else 3.0
    return s1 * (quotes / q1) ** power


def run(backend: str, sizes: list[int], limit: float) -> dict[tuple[str, int], tuple[float, bool]]:
    """(setup label, quotes) -> (seconds, whether projected rather than measured). Each size
    is loaded into the three databases one after the other, so that the ratios between them
    compare loads run at nearly the same time on a shared machine."""
    seed = read_folder(SEED)
    found = {}
    with ExitStack() as stack:
        engines = {}
        for label, revision, triggers in SETUPS:
            engines[label] = stack.enter_context(database(backend))
            migrate.upgrade(engines[label], revision)
            if not triggers:
                switch_off_triggers(engines[label])
        measured = []  # 0009's (quotes, seconds)
        for size in sizes:
            plan = article(seed, size)
            quotes = len(plan.rows[Quote])
            for label, _, _ in SETUPS:
                if label == "0009" and measured:
                    projected = project(measured, quotes)
                    if projected > limit:
                        found[(label, size)] = (projected, True)
                        continue
                found[(label, size)] = (load(engines[label], plan), False)
                if label == "0009":
                    measured.append((quotes, found[(label, size)][0]))
        for label, _, triggers in SETUPS:
            if triggers:
                with engines[label].connect() as connection:
                    assert tally.differences(connection) == [], f"{label}: tallies differ"
    return found


def report(backend: str, sizes: list[int], found: dict, quotes: dict[int, int]) -> None:
    print(
        f"\n{backend}: load of one article, CPU seconds (ms per quote; x the smallest's per quote)"
    )
    print(
        f"{'quotes':>7}  "
        + "  ".join(f"{label:>24}" for label, _, _ in SETUPS)
        + f"  {'0010 / no triggers':>18}  {'0009 / 0010':>11}"
    )
    first = {label: found[(label, sizes[0])][0] / quotes[sizes[0]] for label, _, _ in SETUPS}
    for size in sizes:
        cells = []
        for label, _, _ in SETUPS:
            seconds, projected = found[(label, size)]
            per = seconds / quotes[size]
            mark = "~" if projected else " "
            cells.append(f"{mark}{seconds:8.2f} ({per * 1000:6.1f}; x{per / first[label]:5.1f})")
        after = found[("0010", size)][0]
        cells.append(f"{after / found[('no triggers', size)][0]:18.2f}")
        cells.append(f"{found[('0009', size)][0] / after:11.1f}")
        print(f"{quotes[size]:>7}  " + "  ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,2000", help="quotes per article")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--limit", type=float, default=600, help="longest 0009 load run, s")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    seed = read_folder(SEED)
    quotes = {size: len(article(seed, size).rows[Quote]) for size in sizes}
    for backend in args.backends.split(","):
        report(backend, sizes, run(backend, sizes, args.limit), quotes)


if __name__ == "__main__":
    main()
