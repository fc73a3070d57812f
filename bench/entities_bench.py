"""The extractor's entity steps (actors, affiliations, time expressions): speed and reach.

Speed: on a folder of plain-text articles (PolNeAR's train texts by default, read in place and
never copied), per step, milliseconds per article and articles per second of CPU time, the
best of ``--runs`` runs. Beside them, as the baseline measured in the same run, one regex pass
that splits each text into words (``\\w+``): the cheapest reading of a text there is, so the
ratios say how many such passes each step costs.

Length: the same steps on one text made of 1/16, 1/4 and all of the articles joined, per
article: equal figures mean the steps stay linear in the length of a text.

Reach: PolNeAR annotates attributions, not entities, but its Source spans say who is credited.
Of the gold sources that name someone (a capitalised word other than a pronoun or function
word: "Hillary Clinton", "The Post", "Pakistani officials"), the share that one of
``find_actors``' mentions overlaps, on dev and train: how many credited names the actor step
gives the attribution step to resolve to.

    .venv/bin/python bench/entities_bench.py
    .venv/bin/python bench/entities_bench.py --folder ../shared/polnear/dev/text --runs 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from pathlib import Path

from newsdb.extract import gazetteer
from newsdb.extract.actors import find_actors
from newsdb.extract.appositives import find_affiliations
from newsdb.extract.times import find_times

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "polnear"
DEFAULT = POLNEAR / "train" / "text"
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


def gold_sources(ann: Path) -> list[tuple[int, int, str]]:
    """The Source spans of one brat file (the first part of a discontinuous one)."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1].startswith("Source "):
            start, end = parts[1].split(" ", 1)[1].split(";")[0].split()
            spans.append((int(start), int(end), parts[2]))
    return spans


def names_someone(words: str) -> bool:
    return any(
        w[0].isupper() and w.strip("’'s.,:") not in gazetteer.STOPWORDS for w in words.split()
    )


def reach(compartment: Path) -> tuple[int, int]:
    """(named gold sources, those an actor mention overlaps) in one PolNeAR compartment."""
    first: dict[str, Path] = {}
    for ann in sorted((compartment / "attributions").glob("*.ann")):
        first.setdefault(ann.name.rsplit("_", 1)[0], ann)  # the first annotator's file is gold
    named = covered = 0
    for name, ann in first.items():
        text = (compartment / "text" / f"{name}.txt").read_text(encoding="utf-8")
        mentions = [(m.start, m.end) for a in find_actors(text) for m in a.mentions]
        for start, end, words in gold_sources(ann):
            if names_someone(words):
                named += 1
                covered += any(s < end and start < e for s, e in mentions)
    return named, covered


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
    print()
    print("one long text (articles joined by blank lines): CPU ms per article, flat if linear")
    for count in (len(texts) // 16, len(texts) // 4, len(texts)):
        joined = "\n\n".join(texts[:count])
        seconds = best_of(1, [joined], steps[-1][1])
        print(f"  {count:5} articles, {len(joined) / 1e6:5.1f} MB: {1000 * seconds / count:7.3f}")
    print()
    for compartment in ("dev", "train"):
        folder = POLNEAR / compartment
        if not (folder / "attributions").is_dir():
            print(f"reach: {folder} is absent, skipped")
            continue
        named, covered = reach(folder)
        print(
            f"reach, PolNeAR {compartment}: {covered} of {named} named gold sources overlap an"
            f" actor mention ({covered / named:.1%})"
        )


if __name__ == "__main__":
    main()
