"""How fast the extractor's entity steps run: actors, affiliations, time expressions.

Reads a folder of plain-text articles (PolNeAR's train texts by default, read in place and
never copied) and prints, per step, milliseconds per article and articles per second of CPU
time, the best of ``--runs`` runs. Beside them, as the baseline measured in the same run, one
regex pass that splits each text into words (``\\w+``): the cheapest reading of a text there
is, so the ratios say how many such passes each step costs.

    .venv/bin/python bench/entities_speed.py
    .venv/bin/python bench/entities_speed.py --folder ../shared/polnear/dev/text --runs 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from pathlib import Path

from newsdb.extract.actors import find_actors
from newsdb.extract.appositives import find_affiliations
from newsdb.extract.times import find_times

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "train" / "text"
WORDS = re.compile(r"\w+")


def best_of(runs: int, texts: list[str], step) -> float:
    """The lowest CPU time, in seconds, of ``runs`` passes of ``step`` over every text."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for text in texts:
            step(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT, help="a folder of .txt articles")
    parser.add_argument("--runs", type=int, default=3, help="timed passes per step (best is kept)")
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"{args.folder}: no .txt articles here")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    published = dt.date(2016, 6, 1)
    actors = {id(t): find_actors(t) for t in texts}
    steps = [
        ("baseline: \\w+ split", lambda t: WORDS.findall(t)),
        ("find_actors", find_actors),
        ("find_affiliations", lambda t: find_affiliations(t, actors[id(t)])),
        ("find_times", lambda t: find_times(t, published)),
        ("all three", lambda t: (find_affiliations(t, find_actors(t)), find_times(t, published))),
    ]
    print(
        f"{len(texts)} articles from {args.folder}, {sum(map(len, texts)) // len(texts)} characters on average"
    )
    print(f"{'step':24} {'ms/article':>11} {'articles/s':>11} {'x baseline':>11}")
    baseline = None
    for name, step in steps:
        seconds = best_of(args.runs, texts, step)
        baseline = baseline or seconds
        print(
            f"{name:24} {1000 * seconds / len(texts):11.3f} {len(texts) / seconds:11.0f} {seconds / baseline:11.1f}"
        )


if __name__ == "__main__":
    main()
