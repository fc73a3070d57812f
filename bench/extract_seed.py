"""How close the drafted annotation of the seed article comes to its hand annotation.

Drafts ``seeds/pakistan-iran-off-ramp/article.txt`` with ``--published 2024-01-19`` (as
``newsdb extract`` does: the steps, then the document, then the loader's checks) and prints
precision, recall and F1 against ``annotations.yaml`` beside it, per part:

* quote segments: exact spans with the same speaker (target 11/11);
* named sources: person, organisation and role of each affiliation (target 4/4), and where
  each is based;
* claims, per attribution mode: a drafted claim matches a hand one of the same mode when
  their spans overlap by at least half of their union (strict) or at all (loose); target:
  every vague, unnamed-official, institutional and passive one;
* time expressions: the events' dates as written, found (overlapping words), and their dates
  where the text states them or gives them relative to the publication date ("on Thursday"
  2024-01-18, "Dec. 15" 2023-12-15);
* speed: CPU milliseconds per draft (the median of ``--runs``; CPU time, as the machine is
  shared), against reading and checking the hand annotation in the same run (the baseline).

    .venv/bin/python bench/extract_seed.py [--runs 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from newsdb.extract.draft import extract, text_slug, to_annotation
from newsdb.loader import Plan, plan_document, read_folder
from newsdb.models import Affiliation, Claim, Quote, TimeExpression

SEED = Path(__file__).parents[1] / "seeds" / "pakistan-iran-off-ramp"
PUBLISHED = dt.date(2024, 1, 19)
MODES = ("named_person", "institution", "unnamed_official", "vague_collective", "passive")


def draft_plan(raw: bytes) -> Plan:
    body = raw.decode("utf-8")
    doc = to_annotation(extract(body, PUBLISHED), slug=text_slug(body), published=PUBLISHED)
    return plan_document(SEED / "draft.yaml", doc, raw)


def names(plan: Plan) -> dict[str, str]:
    return {slug: row["name"] for slug, row in plan.actors.items()}


def prf(tp: int, predicted: int, gold: int) -> str:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{tp:>3}/{gold:<3} P {p:.2f}  R {r:.2f}  F1 {f:.2f}"


def quotes(gold: Plan, draft: Plan) -> None:
    def keyed(plan):
        who = names(plan)
        return {(q["span_start"], q["span_end"], who[q["speaker_id"][1]]) for q in plan.rows[Quote]}

    g, d = keyed(gold), keyed(draft)
    spans = {k[:2] for k in g} & {k[:2] for k in d}
    print(f"quote segments, exact span and speaker   {prf(len(g & d), len(d), len(g))}")
    print(f"quote segments, exact span               {prf(len(spans), len(d), len(g))}")
    for start, end, speaker in sorted(g - d):
        print(f"    missed: {speaker}: {gold.body[start:end][:60]!r}")
    for start, end, speaker in sorted(d - g):
        print(f"    extra:  {speaker}: {draft.body[start:end][:60]!r}")


def sources(gold: Plan, draft: Plan) -> None:
    def keyed(plan):
        who = names(plan)
        return {
            (
                who[a["person_id"][1]],
                a["organisation_id"] and who[a["organisation_id"][1]],
                a["role"],
            )
            for a in plan.rows[Affiliation]
        }

    def placed(plan):
        who = names(plan)
        return {
            (who[a["person_id"][1]], a["location"]) for a in plan.rows[Affiliation] if a["location"]
        }

    g, d = keyed(gold), keyed(draft)
    print(f"named sources: person, organisation, role {prf(len(g & d), len(d), len(g))}")
    for item in sorted(g - d, key=str):
        print(f"    missed: {item}")
    for item in sorted(d - g, key=str):
        print(f"    extra:  {item}")
    gp, dp = placed(gold), placed(draft)
    print(f"named sources: where based               {prf(len(gp & dp), len(dp), len(gp))}")


def _overlap(a: dict, b: dict) -> float:
    inter = min(a["span_end"], b["span_end"]) - max(a["span_start"], b["span_start"])
    union = max(a["span_end"], b["span_end"]) - min(a["span_start"], b["span_start"])
    return max(inter, 0) / union


def _matches(gold: list[dict], draft: list[dict], least: float) -> int:
    taken, tp = set(), 0
    for g in gold:
        best = max(
            (
                (_overlap(g, d), i)
                for i, d in enumerate(draft)
                if i not in taken and _overlap(g, d) > 0
            ),
            default=None,
        )
        if best and best[0] >= least:
            taken.add(best[1])
            tp += 1
    return tp


def modes(gold: Plan, draft: Plan) -> None:
    for mode in MODES:
        g = [c for c in gold.rows[Claim] if c["attribution_mode"] == mode]
        d = [c for c in draft.rows[Claim] if c["attribution_mode"] == mode]
        strict, loose = _matches(g, d, 0.5), _matches(g, d, 1e-9)
        print(f"claims {mode:<17} strict          {prf(strict, len(d), len(g))}")
        print(f"claims {mode:<17} loose           {prf(loose, len(d), len(g))}")


def times(gold: Plan, draft: Plan) -> None:
    drafted = [(t["span_start"], t["span_end"], t) for t in draft.rows[TimeExpression]]
    written = []
    for event in gold.doc.events:
        date = event.date
        if date.as_written:  # the words may occur more than once: the one drafted so, if any
            starts = [m for m in _all(gold.body, date.as_written)]
            at = next(
                (m for m in starts for a, b, t in drafted if a < m + len(date.as_written) and m < b
                 and t["start_date"] == date.start),
                starts[0],
            )  # fmt: skip
            written.append((at, at + len(date.as_written), date))
    found = dated = datable = 0
    for start, end, date in sorted(written, key=lambda w: w[0]):
        hit = next((t for a, b, t in drafted if a < end and start < b), None)
        found += hit is not None
        checked = date.resolution in ("stated", "relative")
        datable += checked
        right = hit is not None and checked and hit["start_date"] == date.start
        dated += right
        if checked or hit is None:
            got = f"{hit['as_written']!r} {hit['start_date']}" if hit else "not found"
            mark = "ok" if right or (not checked and hit) else "--"
            print(f"    {mark} {date.as_written!r} ({date.resolution} {date.start}): {got}")
    print(f"time expressions found (events' dates)   {prf(found, len(drafted), len(written))}")
    print(f"time expressions dated (stated/relative) {prf(dated, datable, datable)}")
    for words, day in TARGETS:
        hit = [t for a, b, t in drafted if words in t["as_written"]]
        got = ", ".join(f"{t['as_written']!r} {t['start_date']}" for t in hit) or "not found"
        ok = any(t["start_date"] == day for t in hit)
        print(f"    target {'ok' if ok else '--'} {words!r} {day}: {got}")


def _all(body: str, words: str) -> list[int]:
    found, at = [], body.find(words)
    while at != -1:
        found.append(at)
        at = body.find(words, at + 1)
    return found


#: the dates the issue names
TARGETS = (("Thursday", dt.date(2024, 1, 18)), ("Dec. 15", dt.date(2023, 12, 15)))


def speed(raw: bytes, runs: int) -> None:
    def timed(fn) -> float:
        laps = []
        for _ in range(runs):
            started = time.process_time()
            fn()
            laps.append(time.process_time() - started)
        return statistics.median(laps) * 1000

    body = raw.decode("utf-8")
    baseline = timed(lambda: read_folder(SEED))
    steps = timed(lambda: extract(body, PUBLISHED))
    whole = timed(lambda: draft_plan(raw))
    print(f"baseline: read and check the hand annotation  {baseline:8.1f} ms")
    print(
        f"draft: the steps (extract)                    {steps:8.1f} ms  {steps / baseline:5.2f}x"
    )
    print(
        f"draft: steps, document and loader's checks    {whole:8.1f} ms  {whole / baseline:5.2f}x"
    )
    print(f"drafts per second, one core                   {1000 / whole:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs (median)")
    args = parser.parse_args()
    raw = (SEED / "article.txt").read_bytes()
    gold, draft = read_folder(SEED), draft_plan(raw)
    print(f"seed article, drafted with --published {PUBLISHED} against its hand annotation\n")
    quotes(gold, draft)
    print()
    sources(gold, draft)
    print()
    modes(gold, draft)
    print()
    times(gold, draft)
    print()
    speed(raw, args.runs)


if __name__ == "__main__":
    main()
