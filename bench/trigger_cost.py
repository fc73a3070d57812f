"""What the tally triggers of migrations 0007, 0008 and 0009 cost on a bulk load into SQLite.

Loads the same synthetic collection twice into SQLite files at head, in one run: once with
only migration 0004's triggers (the tallies of 0007-0009 are then counted at once by
``newsdb.tally``'s recounts), once with every trigger. Prints both times, and checks that the
tallies of each equal a recount.

    .venv/bin/python bench/trigger_cost.py --scale 0.1
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

import synth
from newsdb import migrate, tally
from newsdb.db import make_engine

LATER = ("claim_support_tally", "article_network_tally", "article_geography_tally")


def load(scale_data: list, keep_later_triggers: bool) -> tuple[float, float, int]:
    folder = tempfile.mkdtemp(prefix="newsdb_trigger_cost_")
    path = Path(folder) / "t.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    raw = engine.raw_connection()
    driver = raw.driver_connection
    driver.isolation_level = None
    if not keep_later_triggers:
        names = driver.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            " AND (name LIKE 'support_%' OR name LIKE 'network_%' OR name LIKE 'geography_%')"
        ).fetchall()
        for (name,) in names:
            driver.execute(f"DROP TRIGGER {name}")
    for pragma in ("foreign_keys=OFF", "journal_mode=OFF", "synchronous=OFF",
                   "cache_size=-1000000"):
        driver.execute(f"PRAGMA {pragma}")
    started = time.perf_counter()
    for table, columns, rows in scale_data:
        synth.insert_sqlite(driver, table, columns, rows)
    inserted = time.perf_counter() - started
    raw.close()
    started = time.perf_counter()
    if not keep_later_triggers:
        with engine.begin() as connection:
            for table in LATER:
                columns, recount = tally.TALLIES[table]
                connection.execute(text(f"DELETE FROM {table}"))
                connection.execute(text(f"INSERT INTO {table} ({', '.join(columns)}) {recount}"))
    counted = time.perf_counter() - started
    with engine.connect() as connection:
        differences = len(tally.differences(connection))
    engine.dispose()
    path.unlink()
    Path(folder).rmdir()
    return inserted, counted, differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1)
    args = parser.parse_args()
    data = list(synth.generate(args.scale))
    for label, keep in (("0004's triggers only", False), ("every trigger", True)):
        inserted, counted, differences = load(data, keep)
        print(f"{label}: inserted in {inserted:.1f} s, then counted in {counted:.1f} s;"
              f" {differences} tally rows differ from a recount")


if __name__ == "__main__":
    main()
