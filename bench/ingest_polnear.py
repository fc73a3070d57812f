"""`newsdb ingest` end to end on the PolNeAR train and dev texts, on SQLite and PostgreSQL.

Runs what ``newsdb ingest`` runs (read, draft, check, the bulk write path) over the 924 texts
of ``../shared/polnear/{train,dev}/text`` into a new SQLite file and a new PostgreSQL
database, then once more (every article unchanged), and prints articles per second for
each (by the wall clock, and per CPU second of this process: on a shared machine the wall
clock measures the neighbours too), with the failures. The corpus is read where it lies and never copied; without it the
benchmark says so and exits.

    .venv/bin/python bench/ingest_polnear.py [--postgres postgresql://postgres@127.0.0.1/postgres]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from newsdb import bulk, migrate
from newsdb.db import make_engine, normalize_url
from newsdb.extract import ingest
from newsdb.verify import problems

POLNEAR = Path(__file__).parents[1].parent / "shared" / "polnear"


def run(engine, files: list[Path], jobs: int) -> tuple[bulk.Summary, float, float]:
    """One ingest of ``files``: what it did, wall seconds and this process's CPU seconds (with
    ``jobs`` > 1, the writer's: the workers draft)."""
    plans = ingest.Plans(engine)
    started, cpu = time.perf_counter(), time.process_time()
    summary = bulk.load_many(engine, plans(ingest.texts(files, published=None), jobs=jobs))
    summary.unchanged += plans.unchanged  # as newsdb ingest counts them
    return summary, time.perf_counter() - started, time.process_time() - cpu


def measure(name: str, url: str, files: list[Path], jobs: int) -> None:
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        for label in ("first", "again"):
            summary, seconds, cpu = run(engine, files, jobs)
            print(
                f"{name:<10} {label:<6} --jobs {jobs} {summary.articles:>4} articles {seconds:7.1f} s"
                f" {summary.articles / seconds:6.1f}/s (per CPU second of this process:"
                f" {summary.articles / cpu:6.1f}/s)  {summary.inserted} new,"
                f" {summary.unchanged} unchanged, {len(summary.failed)} failed,"
                f" {summary.rows} rows"
            )
            for failure in summary.failed[:5]:
                print(f"    failed: {failure.reason[:160]}")
        from sqlalchemy.orm import Session

        with Session(engine) as session:
            found = problems(session)
        print(f"{name:<10} verify: {'ok' if not found else f'{len(found)} problem(s)'}")
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1/postgres")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="run with each")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"skipped: PolNeAR is not at {POLNEAR} (see the issue: it is never copied here)")
    files = sorted((POLNEAR / "train" / "text").glob("*.txt"))
    files += sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    print(f"{len(files)} PolNeAR texts (train and dev), newsdb ingest end to end\n")
    with tempfile.TemporaryDirectory(prefix="newsdb_ingest_") as folder:
        for jobs in args.jobs:
            measure("SQLite", f"sqlite:///{Path(folder) / f'ingest-{jobs}.sqlite'}", files, jobs)
    if args.no_postgres:
        return
    admin_url = normalize_url(args.postgres)
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    for jobs in args.jobs:
        name = f"newsdb_ingest_{uuid.uuid4().hex[:8]}"  # an identifier, built here from hex
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = admin_url.set(database=name).render_as_string(hide_password=False)
            measure("PostgreSQL", url, files, jobs)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


if __name__ == "__main__":
    main()
