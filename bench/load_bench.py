"""How fast `newsdb load` fills a database, against the raw driver on the same rows.

Builds N distinct annotated articles (copies of the seed article, each with its own slug and
a text one word longer, so its own sha256), then, for each backend, in one run:

1. the articles through :func:`newsdb.bulk.load_many` in this process into a new database,
   timing each phase (read the file and parse the YAML, validate, plan, write, tallies) and
   the per-article time of an early and the last full batch (read and written);
2. the raw driver on the same rows into a new database at head, with the triggers off:
   ``sqlite3`` executemany in one transaction, psycopg binary ``COPY`` on PostgreSQL;
3. ``newsdb load FOLDER`` as a subprocess into a new database that ``newsdb db upgrade``
   brought to head first (timed apart: the raw copy's database is at head too): wall time
   of the load (the command's start included), articles/s, annotation rows/s, peak memory
   (the child's maxrss);
4. the raw copy again, right after the load; the load is held to the rate of the two copies
   together, which brackets it (the machine's speed drifts), and on SQLite a copy in the
   multi-row INSERTs newsdb itself writes, a second yardstick.

Optionally (``--flat M``) loads M articles too and prints both peaks of memory, and
(``--seed``) times ``newsdb seed`` on a new SQLite file and where its time goes.

    .venv/bin/python bench/load_bench.py --articles 1000
    .venv/bin/python bench/load_bench.py --articles 1000 --flat 10000 --seed
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from newsdb import bulk, loader, migrate, yamlread
from newsdb import rows as newsdb_rows
from newsdb.annotation import AnnotationFile
from newsdb.db import make_engine, normalize_url
from newsdb.models import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "pakistan-iran-off-ramp"
NEWSDB = Path(sys.executable).with_name("newsdb")
#: the rows an article load writes, counted for rows/s: the article and its annotation rows
TABLES = [Article.__table__.name] + [m.__tablename__ for m in loader.ARTICLE_TABLES]


def build(folder: Path, n: int, own: bool = False) -> Path:
    """N copies of the seed: own slug, own text (a word added), own sha256; with ``own``, its
    actors and events too (their slugs suffixed with the copy's number), as a collection of
    different stories has, where plain copies share the seed's (stored once)."""
    text_bytes = (SEED / "article.txt").read_bytes()
    annotation = (SEED / "annotations.yaml").read_text(encoding="utf-8")
    old_sha = hashlib.sha256(text_bytes).hexdigest()
    shared = _shared_slugs(annotation) if own else None
    for i in range(n):
        article = folder / f"copy-{i:05d}"
        article.mkdir(parents=True, exist_ok=True)
        body = text_bytes + f" [copy {i}]".encode()
        (article / "article.txt").write_bytes(body)
        copy = annotation.replace("slug: pakistan-iran-off-ramp", f"slug: copy-{i:05d}", 1)
        copy = copy.replace(old_sha, hashlib.sha256(body).hexdigest(), 1)
        if shared:
            copy = shared.sub(lambda m, i=i: f"{m.group(1)}-{i}", copy)
        (article / "annotations.yaml").write_text(copy, encoding="utf-8")
    return folder


def _shared_slugs(annotation: str) -> re.Pattern:
    """The seed's actor and event slugs where the YAML names them (a value, a list item)."""
    doc = yamlread.load(annotation)
    slugs = [a["slug"] for a in doc["actors"]] + [e["slug"] for e in doc.get("events", [])]
    names = "|".join(map(re.escape, sorted(slugs, key=len, reverse=True)))
    return re.compile(
        rf"(?:(?<=: )|(?<=- )|(?<=\[)|(?<=, ))({names})(?=[ \t]*$|,|\])", re.MULTILINE
    )


class Databases:
    """New databases: SQLite files in a temporary folder, PostgreSQL databases on a server."""

    def __init__(self, workdir: Path, pg_url: str) -> None:
        self.workdir, self.pg_url, self.made = workdir, pg_url, []

    def new(self, backend: str) -> str:
        name = f"newsdb_loadbench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        if backend == "sqlite":
            return f"sqlite:///{self.workdir / (name + '.sqlite')}"
        admin = make_engine(self.pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))  # made above, not input
        admin.dispose()
        self.made.append(name)
        return normalize_url(self.pg_url).set(database=name).render_as_string(False)

    def drop_all(self) -> None:
        if not self.made:
            return
        admin = make_engine(self.pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in self.made:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def annotation_rows(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        total = sum(connection.scalar(text(f"SELECT count(*) FROM {t}")) for t in TABLES)
    engine.dispose()
    return total


def run_command(url: str, *args: str) -> tuple[float, float, str]:
    """Run ``newsdb -d URL ARGS`` as a subprocess: wall seconds, its peak memory in MB, stderr.
    ``CPU[0]`` is left holding its CPU seconds (user and system).

    The peak is the child's own high-water mark (VmHWM), read while it runs: the maxrss that
    wait4 reports starts from this process's size at the fork, whatever the child uses."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [str(NEWSDB), "-d", url, *args], stdout=subprocess.DEVNULL, stderr=errors
        )
        peak = 0.0
        while True:  # wait4 with WNOHANG: the child's CPU time comes with its exit
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _high_water(child.pid))
            time.sleep(0.05)
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode()
    wall = time.perf_counter() - started
    CPU[0] = usage.ru_utime + usage.ru_stime
    if child.returncode != 0:
        raise SystemExit(f"newsdb {' '.join(args)} failed:\n{stderr}")
    return wall, peak, stderr


def _high_water(pid: int) -> float:
    """The peak resident memory of a running process so far, in MB (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


CPU = [0.0]


def timed_plans(folders: list[Path], phases: dict[str, float]):
    """read_one's steps one by one, each timed: read + parse, validate, plan, and make ready
    for the writer (fingerprint, tallies, packed rows: :func:`newsdb.bulk.ready`)."""
    for folder in folders:
        t0 = time.perf_counter()
        path = folder / loader.ANNOTATION_FILE
        data = yamlread.load(path.read_text(encoding="utf-8"))
        t1 = time.perf_counter()
        doc = AnnotationFile.model_validate(data)
        t2 = time.perf_counter()
        plan = loader.read_text_and_plan(path, doc)
        t3 = time.perf_counter()
        bulk.ready(plan)  # as read_one makes it ready: in the worker with --jobs
        t4 = time.perf_counter()
        phases["read"] += t1 - t0
        phases["validate"] += t2 - t1
        phases["plan"] += t3 - t2
        phases["ready"] += t4 - t3
        yield plan


def in_process(url: str, folders: list[Path]) -> dict:
    """load_many on the folders: seconds per phase, and ms per article of two full batches."""
    engine = make_engine(url)
    migrate.upgrade(engine)
    phases = dict.fromkeys(("read", "validate", "plan", "ready"), 0.0)
    cpu = time.process_time()
    committed: list[float] = []  # when each article's batch was committed
    summary = bulk.load_many(
        engine,
        timed_plans(folders, phases),
        on_report=lambda _: committed.append(time.perf_counter()),
    )
    cpu = time.process_time() - cpu
    engine.dispose()
    # a full batch's articles (read and written) from the previous batch's commit to its own,
    # the second full batch against the last; batches of 1, 2, 4, ... up to bulk.BATCH
    ends, size = [], 1  # the index of each batch's last article
    while (ends[-1] if ends else -1) + size < len(committed):
        ends.append((ends[-1] if ends else -1) + size)
        size = min(2 * size, bulk.BATCH)
    spans = [(a, b) for a, b in itertools.pairwise(ends) if b - a == bulk.BATCH]
    first, last = (float("nan"), float("nan"))
    if len(spans) >= 2:
        first, last = ((committed[b] - committed[a]) / bulk.BATCH for a, b in (spans[1], spans[-1]))
    phases.update(summary.timings)
    return {
        "phases": phases,
        "first": first * 1000,
        "last": last * 1000,
        "summary": summary,
        "cpu": cpu,
    }


def raw_baseline(
    source_url: str, target_url: str, multirow: bool = False
) -> tuple[int, float, float]:
    """Copy the rows of ``source_url``'s articles into a new database with the driver alone:
    the shared rows (annotator, actors, events) untimed, then the articles and their
    annotation rows timed, with the triggers off. Returns rows, seconds and this process's
    CPU seconds (on SQLite all the work; on PostgreSQL the server's is not counted). On
    SQLite each table in one ``executemany``, the issue's yardstick, or with ``multirow`` in
    the multi-row INSERTs newsdb writes (:func:`newsdb.rows.write_rows`), a second one."""
    source = make_engine(source_url)
    target = make_engine(target_url)
    migrate.upgrade(target)
    shared = [t for t in ("annotator", "actor", "actor_alias", "event") if t not in TABLES]
    data = {}
    with source.connect() as connection:
        for table in shared + TABLES:
            result = connection.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            data[table] = (list(result.keys()), [tuple(r) for r in result])
    raw = target.raw_connection()
    driver = raw.driver_connection
    rows, seconds, cpu = 0, 0.0, 0.0
    if target.dialect.name == "sqlite":
        driver.isolation_level = None
        for (name,) in driver.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            driver.execute(f'DROP TRIGGER "{name}"')
        driver.execute("BEGIN")
        for table in shared + TABLES:
            columns, values = data[table]
            started, cpu0 = time.perf_counter(), time.process_time()
            if multirow:
                insert = f"INSERT INTO {table} ({', '.join(columns)})"
                newsdb_rows.insert_many(driver, insert, len(columns), values)
            else:
                marks = ", ".join("?" * len(columns))
                driver.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
                )
            if table in TABLES:
                seconds += time.perf_counter() - started
                cpu += time.process_time() - cpu0
                rows += len(values)
        started, cpu0 = time.perf_counter(), time.process_time()
        driver.execute("COMMIT")
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu0
    else:
        with driver.cursor() as cursor:
            for table in shared + TABLES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            driver.commit()
            for table in shared + TABLES:
                columns, values = data[table]
                types = [
                    r[0]
                    for r in cursor.execute(
                        "SELECT udt_name FROM information_schema.columns"
                        " WHERE table_schema = current_schema() AND table_name = %s"
                        " ORDER BY array_position(%s::text[], column_name::text)",
                        (table, columns),
                    )
                ]
                started, cpu0 = time.perf_counter(), time.process_time()
                statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT BINARY)"
                with cursor.copy(statement) as copy:
                    copy.set_types(types)
                    for row in values:
                        copy.write_row(row)
                if table in TABLES:
                    seconds += time.perf_counter() - started
                    cpu += time.process_time() - cpu0
                    rows += len(values)
            started = time.perf_counter()
            driver.commit()
            seconds += time.perf_counter() - started
    raw.close()
    source.dispose()
    target.dispose()
    return rows, seconds, cpu


def bench_backend(
    backend: str, folders: list[Path], top: Path, dbs: Databases, jobs: list[int]
) -> None:
    n = len(folders)
    runs = []  # (jobs, wall, peak, CPU seconds, rows) of each `newsdb load`
    migrations = []  # wall seconds of `newsdb db upgrade` on each new database
    inside_url = dbs.new(backend)
    inside = in_process(inside_url, folders)  # first: its rows are the raw copy's before
    # the raw copy just before the loads and just after them: the machine's speed drifts
    # (the raw rate moved 85,000-132,000 rows/s within four minutes on 2026-12-02), and a
    # baseline taken once, half a minute from the load, made the ratio swing with it
    before = raw_baseline(inside_url, dbs.new(backend))
    for j in jobs:  # 0: as newsdb load chooses (bulk.default_jobs)
        url = dbs.new(backend)
        # the schema first, untimed by the ratio, as the raw copy's database gets it
        migrations.append(run_command(url, "db", "upgrade")[0])
        wall, peak, _ = run_command(url, "load", *(["--jobs", str(j)] if j else []), str(top))
        runs.append((j, wall, peak, CPU[0], annotation_rows(url)))
    after = raw_baseline(url, dbs.new(backend))
    rows = runs[0][4]
    raw_rows, raw_seconds, raw_cpu = (a + b for a, b in zip(before, after, strict=True))
    phases, summary = inside["phases"], inside["summary"]
    write = phases["write"] + phases["tallies"]
    raw_rate = raw_rows / raw_seconds
    print(f"\n## {backend}: {n} articles, {rows} article and annotation rows ({rows // n}/article)")
    print(f"{'measure':<52} {'value':>12}")
    print(
        f"{'newsdb db upgrade on a new database (before each load)':<52} {min(migrations):>12.1f}"
    )
    for j, wall, peak, cpu, _ in runs:
        shown = f"--jobs {j}" if j else f"default: --jobs {bulk.default_jobs(n)}"
        print(f"{'newsdb load (subprocess, ' + shown + '): wall s':<52} {wall:>12.1f}")
        print(f"{'  articles/s':<52} {n / wall:>12.1f}")
        print(f"{'  rows/s, end to end':<52} {rows / wall:>12,.0f}")
        print(f"{'  peak memory, MB (VmHWM)':<52} {peak:>12.0f}")
        print(f"{'  CPU s (the command and its workers)':<52} {cpu:>12.1f}")
        print(f"{'  newsdb load end to end / raw':<52} {rows / wall / raw_rate:>12.1%}")
    print(f"{'raw driver on the same rows, rows/s':<52} {raw_rate:>12,.0f}")
    print(
        f"{'  just before and just after the loads':<52}"
        f" {before[0] / before[1]:>12,.0f} {after[0] / after[1]:,.0f}"
    )
    if backend == "sqlite":  # the statements newsdb writes, by the driver alone
        many_rows, many_seconds, many_cpu = raw_baseline(url, dbs.new(backend), multirow=True)
        many_rate = many_rows / many_seconds
        print(f"{'raw driver, multi-row INSERTs as newsdb writes, rows/s':<52} {many_rate:>12,.0f}")
        for j, wall, *_ in runs:
            print(
                f"{'  newsdb load --jobs ' + str(j or bulk.default_jobs(n)) + ' / that':<52}"
                f" {rows / wall / many_rate:>12.1%}"
            )
    print(f"{'  newsdb write + tallies phases / raw':<52} {rows / write / raw_rate:>12.1%}")
    if backend == "sqlite":  # all of the work is this process's: CPU time, less the load
        load_cpu = runs[0][3]
        print(f"{'newsdb load (subprocess), rows per CPU s':<52} {rows / load_cpu:>12,.0f}")
        cpu_rate = rows / inside["cpu"]
        print(f"{'in process, rows per CPU s (load_many, all phases)':<52} {cpu_rate:>12,.0f}")
        print(f"{'raw driver, rows per CPU s':<52} {raw_rows / raw_cpu:>12,.0f}")
        print(
            f"{'raw driver, multi-row INSERTs, rows per CPU s':<52} {many_rows / many_cpu:>12,.0f}"
        )
        print(f"{'  newsdb / raw, CPU':<52} {cpu_rate / (raw_rows / raw_cpu):>12.1%}")
    print("in process (load_many), seconds per phase and ms per article:")
    total = sum(phases.values())
    for phase, seconds in phases.items():
        print(
            f"  {phase:<50} {seconds:>8.2f} s {seconds / n * 1000:>8.1f} ms {seconds / total:>6.0%}"
        )
    print(f"  {'all':<50} {total:>8.2f} s {total / n * 1000:>8.1f} ms")
    batches = (
        f"{inside['first']:.1f} / {inside['last']:.1f} ms"
        if inside["first"] == inside["first"]  # not NaN
        else "too few full batches to compare"
    )
    print(
        f"  per article, an early and the last full batch: {batches}"
        f" ({summary.inserted} inserted, {len(summary.failed)} failed)"
    )


def bench_seed(workdir: Path) -> None:
    """`newsdb seed` on a new SQLite file, and where its time goes."""
    url = f"sqlite:///{workdir / 'seed-cold.sqlite'}"
    wall, peak, _ = run_command(url, "seed")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import newsdb.cli"], check=True)
    imports = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - started
    engine = make_engine(f"sqlite:///{workdir / 'seed-parts.sqlite'}")
    started = time.perf_counter()
    migrate.upgrade(engine)
    migrations = time.perf_counter() - started
    started = time.perf_counter()
    plan = loader.read_folder(SEED)
    reading = time.perf_counter() - started
    started = time.perf_counter()
    bulk.load_many(engine, [plan])
    storing = time.perf_counter() - started
    engine.dispose()
    print("\n## newsdb seed, cold (new SQLite file, migrations included)")
    print(f"  wall {wall:.2f} s, peak memory {peak:.0f} MB; of it, measured apart:")
    print(f"  interpreter start {bare:.2f} s, import newsdb.cli {imports - bare:.2f} s more")
    print(f"  migrations to head {migrations:.2f} s, read and check the folder {reading:.2f} s,")
    print(f"  store it {storing:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--jobs",
        type=int,
        nargs="+",
        default=[1, 0],
        help="run `newsdb load` with each (0: without --jobs, as it chooses)",
    )
    parser.add_argument(
        "--own-actors",
        action="store_true",
        help="each copy with actors and events of its own (else the seed's, shared)",
    )
    parser.add_argument("--flat", type=int, default=0, help="also load this many (SQLite)")
    parser.add_argument("--seed", action="store_true", help="time newsdb seed, cold")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    with tempfile.TemporaryDirectory(prefix="newsdb_load_bench_") as tmp:
        workdir = Path(tmp)
        dbs = Databases(workdir, args.pg_url)
        try:
            if args.own_actors:  # written by each load: counted and timed, raw too
                TABLES[1:1] = ["actor", "actor_alias", "event"]
            top = build(workdir / "articles", args.articles, args.own_actors)
            folders = sorted(top.iterdir())
            kind = "with actors and events of their own" if args.own_actors else "sharing actors"
            print(
                f"# load bench: {args.articles} seed-size articles {kind},"
                f" {time.strftime('%F %T')}, load average {os.getloadavg()[0]:.1f}"
            )
            for backend in backends:
                bench_backend(backend, folders, top, dbs, args.jobs)
            if args.flat:
                big = build(workdir / "more", args.flat)
                small_wall, small_peak, _ = run_command(dbs.new("sqlite"), "load", str(top))
                big_wall, big_peak, _ = run_command(dbs.new("sqlite"), "load", str(big))
                print(f"\n## memory, SQLite: {args.articles} vs {args.flat} articles in one call")
                print(f"  {args.articles}: {small_peak:.0f} MB peak, {small_wall:.0f} s")
                print(f"  {args.flat}: {big_peak:.0f} MB peak, {big_wall:.0f} s")
            if args.seed:
                bench_seed(workdir)
        finally:
            dbs.drop_all()


if __name__ == "__main__":
    main()
