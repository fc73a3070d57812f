"""How long `newsdb report` takes over 1,000 articles, against the totals queries alone.

Not a test: it prints figures and asserts nothing about time. For each backend it creates a
fresh database, writes the synthetic collection of bench/synth.py at --scale (0.01: 1,000
articles, ~10,000 quotes, ~15,000 claims) and prints the median of --runs warm runs of

* totals: the queries of the collection's charts alone (``report.collection.gather``: the
  profile of each month, the summary, source, unheard and country totals);
* collection: the same, and the charts written;
* articles: every article's section, read (one call of each listing helper) and written;
* report: the whole page, as ``newsdb report`` writes it (and the CPU time of this process
  alone, which a busy machine moves less);

and the report's time over the totals' (the ratio, both measured in the same run).

    .venv/bin/python bench/report_bench.py                      # both backends
    .venv/bin/python bench/report_bench.py --backend sqlite --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from newsdb import migrate
from newsdb.db import make_engine, normalize_url
from newsdb.report import article, collection, page
from newsdb.report.scope import Scope


def median_seconds(
    fn: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> tuple[float, object]:
    fn()  # warm
    times, result = [], None
    for _ in range(runs):
        started = clock()
        result = fn()
        times.append(clock() - started)
    return statistics.median(times), result


def measure(url: str, scale: float, runs: int) -> dict[str, float]:
    engine = make_engine(url)
    migrate.upgrade(engine)
    started = time.perf_counter()
    counts = synth.write(engine, scale)
    print(
        f"  loaded {counts['article']:,} articles, {counts['quote']:,} quotes,"
        f" {counts['claim']:,} claims in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
    scope = Scope()
    figures = {}
    with Session(engine) as session:
        figures["totals"], _ = median_seconds(lambda: collection.gather(session, scope), runs)
        figures["collection"], _ = median_seconds(
            lambda: collection.section(collection.gather(session, scope), counts["article"]),
            runs,
        )
        figures["articles"], _ = median_seconds(
            lambda: [article.section(a) for a in article.gather(session, scope)], runs
        )
        figures["report"], html = median_seconds(lambda: page.render(session, scope), runs)
        # this process's CPU alone (not the server's), less moved by a busy machine
        figures["report_cpu"], _ = median_seconds(
            lambda: page.render(session, scope), runs, time.process_time
        )
    figures["size_mib"] = len(html.encode("utf-8")) / 2**20
    engine.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.01, help="0.01: 1,000 articles")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    print(
        f"newsdb report benchmark: scale {args.scale}, median of {args.runs} warm runs,"
        f" {os.cpu_count()} CPUs"
    )
    print(f"{'backend':<11} {'totals s':>9} {'collection s':>13} {'articles s':>11}"
          f" {'report s':>9} {'report/totals':>14} {'report CPU s':>13} {'page MiB':>9}")  # fmt: skip
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for name in backends:
        print(f"{name}:", file=sys.stderr)
        if name == "sqlite":
            with tempfile.TemporaryDirectory() as folder:
                f = measure(f"sqlite:///{folder}/bench.sqlite", args.scale, args.runs)
        else:
            admin = make_engine(normalize_url(args.pg_url), isolation_level="AUTOCOMMIT")
            db = f"newsdb_report_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
            with admin.connect() as c:
                c.execute(text(f'CREATE DATABASE "{db}"'))  # a name built from digits above
            try:
                f = measure(
                    normalize_url(args.pg_url).set(database=db).render_as_string(False),
                    args.scale,
                    args.runs,
                )
            finally:
                with admin.connect() as c:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
                admin.dispose()
        print(
            f"{name:<11} {f['totals']:>9.3f} {f['collection']:>13.3f} {f['articles']:>11.3f}"
            f" {f['report']:>9.3f} {f['report'] / f['totals']:>13.1f}x {f['report_cpu']:>13.3f}"
            f" {f['size_mib']:>9.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
