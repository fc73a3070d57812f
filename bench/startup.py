"""What the newsdb command costs before it does anything, against what it cannot avoid.

Runs each command in a fresh interpreter ``--runs`` times, alternating them so that a busy
moment on a shared machine falls on all alike, and prints the median CPU (user + system, of
the child) and wall time of each, with two ratios measured in the same run: against a bare
interpreter (``python -c pass``) and against importing SQLAlchemy's ORM, the floor of any
command that reads the database through the models. The read commands run on a SQLite file
holding the seed article, made first.

    .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
NEWSDB = str(Path(PYTHON).with_name("newsdb"))
#: label -> the command line; the first two are the baselines
COMMANDS = {
    "bare interpreter": [PYTHON, "-c", "pass"],
    "import sqlalchemy.orm": [PYTHON, "-c", "import sqlalchemy.orm"],
    "import newsdb.cli": [PYTHON, "-c", "import newsdb.cli"],
    "newsdb --help": [NEWSDB, "--help"],
    "newsdb db current": [NEWSDB, "db", "current"],
    "newsdb sources": [NEWSDB, "sources"],
    "newsdb quotes --format json": [NEWSDB, "quotes", "--format", "json"],
}


def once(command: list[str], folder: str) -> tuple[float, float]:
    """(CPU s, wall s) of one run of ``command`` in ``folder``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdb_startup_") as folder:
        seed = once([NEWSDB, "seed"], folder)
        os.environ.pop("NEWSDB_DATABASE_URL", None)
        times: dict[str, list[tuple[float, float]]] = {label: [] for label in COMMANDS}
        for _ in range(args.runs):
            for label, command in COMMANDS.items():
                times[label].append(once(command, folder))
    cpu = {label: statistics.median(c for c, _ in runs) for label, runs in times.items()}
    wall = {label: statistics.median(w for _, w in runs) for label, runs in times.items()}
    bare, orm = cpu["bare interpreter"], cpu["import sqlalchemy.orm"]
    print(f"median of {args.runs} runs each, alternated; ms; ratios of CPU")
    print(f"{'':30} {'CPU':>7} {'wall':>7} {'x bare':>7} {'x orm import':>12}")
    for label in COMMANDS:
        print(
            f"{label:30} {cpu[label] * 1000:7.0f} {wall[label] * 1000:7.0f}"
            f" {cpu[label] / bare:7.1f} {cpu[label] / orm:12.2f}"
        )
    print(
        f"newsdb seed on a new file (once): {seed[0] * 1000:.0f} ms CPU, {seed[1] * 1000:.0f} wall"
    )


if __name__ == "__main__":
    main()
