"""Loading many articles in one call: checked plans in, whole articles out, in batches.

:func:`load_many` is the write path that ``newsdb load`` and ``newsdb ingest`` share. It takes
plans already read and checked (:func:`newsdb.loader.read_folder`,
:func:`newsdb.loader.plan_document`), or the error reading one produced, and writes them a
batch per transaction, each article in a savepoint of its own: an article is stored whole or
not at all, a bad one is reported and skipped, and the others go on. A run that is stopped
leaves the batches it committed, all whole articles; running it again finds those unchanged
and finishes the rest. The new articles of a batch have their rows written together at its
end (:mod:`newsdb.batch_write`). Plans are consumed as they come, a batch's worth at most held,
so memory does not grow with the number of articles. :func:`read_folders` reads folders for it, in worker processes with
``jobs > 1``, and :class:`Progress` shows how far a run is.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine, exc, text
from sqlalchemy.orm import Session

from newsdb import batch_geography, batch_tally, fingerprint, plan_tally
from newsdb.batch_write import NewArticles
from newsdb.db import serialize_writes
from newsdb.loader import (
    ANNOTATION_FILE,
    AnnotationError,
    Plan,
    Report,
    Settled,
    read_folder,
    store,
)
from newsdb.rows import journals_in_memory
from newsdb.workers import fewer_collections, in_workers

#: articles written in one transaction at most; the first batches are smaller, and so are
#: the last when the number of articles is known (see :func:`next_size`)
BATCH = 100
#: the fewest articles the last batches are halved to: a batch costs the writer ~20 ms however
#: few articles it holds (on SQLite the triggers switched off and on, the statements prepared
#: again after that change of schema, the commit), two and a half articles' worth of writing
LAST_BATCH = 8
#: the tables whose statistics PostgreSQL's planner needs to pick index scans as they grow
ANALYZED = (
    "article",
    "actor",
    "event",
    "mention",
    "quote",
    "claim",
    "event_participant",
    "event_report",
    "event_mention",
    "affiliation",
    "claim_event",
    "claim_quote",
    "claim_relation",
    "actor_alias",
    "article_actor_tally",
    "article_network_tally",
    "article_geography_tally",
    "claim_support_tally",
)


@dataclass
class Failure:
    """An article that was not loaded: what it is (its folder or file) and why, in one line,
    followed by one line per problem when its annotation has several."""

    what: str
    reason: str
    details: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, what: str, error: AnnotationError, after: str = "") -> Failure:
        first, *details = error.lines()
        return cls(what, first + after, details)

    def lines(self) -> list[str]:
        return [self.reason, *self.details]


@dataclass
class Summary:
    """What a run did: articles inserted, updated, unchanged and failed (with the reasons),
    the annotation rows it inserted, and how long it took."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    rows: int = 0
    seconds: float = 0.0
    #: seconds spent writing rows, recounting tallies, analysing tables
    timings: Counter = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        return self.inserted + self.updated + self.unchanged + len(self.failed)

    def add(self, report: Report) -> None:
        setattr(self, report.status, getattr(self, report.status) + 1)
        self.rows += sum(c["inserted"] for c in report.counts.values())

    def line(self) -> str:
        """One line for people: 'loaded 998 of 1000 articles in 12.3 s (81.1/s): ...'."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"{self.articles} article(s) in {self.seconds:.1f} s ({rate:.1f}/s):"
            f" {self.inserted} new, {self.updated} updated, {self.unchanged} unchanged,"
            f" {len(self.failed)} failed; {self.rows} rows written"
        )


class Progress:
    """How far a run is: on a terminal a bar with articles per second and the time left,
    redrawn at most ten times a second; elsewhere nothing until :meth:`finish`'s one line."""

    def __init__(
        self,
        total: int | None = None,
        stream: TextIO | None = None,
        live=None,
        clean: Callable[[str], str] = str,
    ):
        """``clean`` makes a failure's line safe to print (the command line escapes control
        characters and shortens huge values: a path or quoted words may hold either)."""
        self.total, self.stream, self.clean = total, stream or sys.stderr, clean
        self.live = self.stream.isatty() if live is None else live
        self.done, self.failed = 0, 0
        self.start = self.drawn = time.perf_counter()

    def advance(self, ok: bool = True) -> None:
        self.done += 1
        self.failed += not ok
        now = time.perf_counter()
        if self.live and (now - self.drawn >= 0.1 or self.done == self.total):
            self.drawn = now
            self.stream.write("\r" + self.bar(now) + "\x1b[K")
            self.stream.flush()

    def bar(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        failed = f", {self.failed} failed" if self.failed else ""
        if not self.total:
            return f"{self.done} articles, {rate:.1f}/s{failed}"
        width = 30
        filled = min(width, width * self.done // self.total)
        left = (self.total - self.done) / rate if rate else 0
        return (
            f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
            f" {rate:.1f} articles/s, ETA {int(left) // 60}:{int(left) % 60:02d}{failed}"
        )

    def note(self, message: str, details: Iterable[str] = ()) -> None:
        """A line (a failure), and its indented details, printed above the bar."""
        if self.live:
            self.stream.write("\r\x1b[K")
        self.stream.write("".join(self.clean(line) + "\n" for line in (message, *details)))
        self.stream.flush()

    def finish(self, summary: Summary) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
        self.stream.write(summary.line() + "\n")
        self.stream.flush()


def load_many(
    engine: Engine,
    items: Iterable[Plan | AnnotationError],
    *,
    progress: Progress | None = None,
    on_report: Callable[[Report], None] | None = None,
    batch: int = BATCH,
    total: int | None = None,
) -> Summary:
    """Store every plan, a batch of articles per transaction and each article all or nothing.

    An :class:`AnnotationError` among the items, a plan at odds with what is stored (a shared
    actor or event) or one the database refuses is counted as failed with its reason (and
    shown through ``progress``); the others are stored. ``on_report`` sees what each stored
    article changed. ``total``, the number of items when known, makes the last batches
    smaller (:func:`next_size`). The schema must be at head.
    """
    summary, started = Summary(), time.perf_counter()
    analyzer = _Analyzer(engine)
    plans = _plans(items, summary, progress)
    ready = getattr(items, "ready", None)  # how many plans workers have read ahead
    size = 1  # the first articles are committed (and the planner told of them) soon
    with fewer_collections():
        while (first := next(plans, None)) is not None:
            batch_of = chain([first], islice(plans, size - 1))
            _write_batch(engine, batch_of, summary, progress, on_report)
            analyzer.grown(summary.inserted)
            left = None if total is None else total - summary.articles
            size = next_size(size, batch, left, ready() if ready else None)
    summary.seconds = time.perf_counter() - started
    return summary


def next_size(size: int, batch: int, left: int | None = None, ready: int | None = None) -> int:
    """The articles of the next batch after one of ``size``: twice as many, up to ``batch``,
    so that the first are committed soon. Towards a known end (``left``: the articles still
    to come) the batches shrink, as the writer writes the last one alone once the workers
    are done: in the last ``batch`` articles, as many as the workers have ``ready`` where
    that is known (no fewer than :data:`LAST_BATCH`), else half of what is left (all, once
    half would be fewer than that).

    A fixed batch of 100 left the writer ~0.5 s of a 7 s load of 1,000 seed-size articles on
    SQLite to write alone, one core idle; halving, still ~0.45 s, as the workers had read
    more meanwhile than the next half; taking what they have read, ~0.25 s."""
    grown = min(2 * size, batch)
    if left is None:
        return grown
    if ready is not None and left <= batch:
        return max(1, min(left, max(ready, LAST_BATCH)))
    half = (left + 1) // 2
    return max(1, min(grown, left if half < LAST_BATCH else half))


def _plans(items, summary: Summary, progress: Progress | None) -> Iterator[Plan]:
    """The plans among ``items``, one at a time; the errors reported as they come."""
    for item in items:
        if isinstance(item, AnnotationError):
            _failed(summary, progress, Failure.of(str(item.path), item))
        else:
            yield item


def _failed(summary: Summary, progress: Progress | None, failure: Failure) -> None:
    summary.failed.append(failure)
    if progress:
        progress.note(f"failed: {failure.reason}", failure.details)
        progress.advance(ok=False)


def _write_batch(
    engine: Engine,
    plans: Iterable[Plan],
    summary: Summary,
    progress: Progress | None,
    on_report: Callable[[Report], None] | None,
) -> None:
    """One transaction for the batch; each article in a savepoint that its failure undoes.

    New articles' rows are held and written a table at a time for the batch
    (:mod:`newsdb.batch_write`); should the database refuse that, the batch is undone and
    stored again an article at a time, which names the one it refuses. The batch's plans are
    kept for that until it is committed (at most :data:`BATCH` of them).
    """
    plans = list(plans)
    try:
        done = _transaction(engine, plans, summary, together=True)
    except _Refused:
        done = _transaction(engine, plans, summary, together=False)
    for outcome in done:  # counted once committed
        if isinstance(outcome, Failure):
            _failed(summary, progress, outcome)
            continue
        summary.add(outcome)
        if on_report:
            on_report(outcome)
        if progress:
            progress.advance()


class _Refused(Exception):
    """The database refused the rows of the batch's new articles written together."""


def _transaction(
    engine: Engine, plans: list[Plan], summary: Summary, together: bool
) -> list[Report | Failure]:
    """Store the plans in one transaction: what each did. The tally triggers of the article's
    own rows are off meanwhile: new articles' tallies are written with their rows
    (:mod:`newsdb.batch_write`), and the articles stored the slow way are recounted at the end
    in set-based SQL (:mod:`newsdb.batch_tally`); switching them off and on is part of the
    transaction, so other connections never see them off. SQLite's journals of statements
    are kept in memory meanwhile (:func:`newsdb.rows.journals_in_memory`)."""
    done: list[Report | Failure] = []
    timings = summary.timings
    with (
        engine.connect() as bound,
        journals_in_memory(bound),
        Session(bound) as session,
        session.begin(),
    ):
        started = time.perf_counter()
        serialize_writes(session)  # one writer at a time, from before the first savepoint
        connection = session.connection()
        restore = batch_tally.triggers_off(connection)
        settled = Settled()  # shared rows stored once per batch, then known
        new = NewArticles(connection, plans) if together else None
        timings["write"] += time.perf_counter() - started
        for plan in plans:
            started = time.perf_counter()
            if new is not None and new.is_new(plan):
                done.append(_store_one(session, plan, settled, new))
            else:
                if new is not None and new.holds_any():  # its rows and ids after those held
                    _flush(new)
                done.append(_store_one(session, plan, settled))
                if new is not None:
                    new.ids.forget()
            timings["write"] += time.perf_counter() - started
        started = time.perf_counter()
        if new is not None:
            _flush(new)
        timings["write"] += time.perf_counter() - started
        started = time.perf_counter()
        counted = new.tallied if new is not None else ()  # written with their rows
        stored = [r.article for r in done if isinstance(r, Report)]
        batch_tally.recount(connection, [slug for slug in stored if slug not in counted])
        restore()
        timings["tallies"] += time.perf_counter() - started
        started = time.perf_counter()
    timings["write"] += time.perf_counter() - started  # the commit
    return done


def _flush(new: NewArticles) -> None:
    try:
        new.flush()
    except (exc.IntegrityError, exc.DataError, OverflowError) as error:
        raise _Refused from error


def _store_one(
    session: Session, plan: Plan, settled: Settled, new: NewArticles | None = None
) -> Report | Failure:
    """Store one article in a savepoint: what it changed, or why nothing of it was written.

    A new article whose shared rows earlier articles of the batch settled as it gives them
    needs none: storing it writes nothing but the rows it hands to ``new``, whole or not at
    all (two round trips an article saved on PostgreSQL)."""
    if new is not None and settled.covers(plan):
        report = store(session, plan, settled, new)
        settled.keep()
        return report
    try:
        with session.begin_nested():
            report = store(session, plan, settled, new)
        settled.keep()
        return report
    except AnnotationError as error:  # at odds with what is stored: a shared actor or event
        settled.drop()
        return Failure.of(str(plan.path), error, "; nothing written")
    except (exc.IntegrityError, exc.DataError) as error:  # DataError: too long, a NUL
        settled.drop()
        reason = str(error.orig).strip().splitlines()[0]
        return Failure(
            str(plan.path), f"{plan.path}: refused by the database, nothing written: {reason}"
        )
    except OverflowError:  # SQLite's driver, before the database: PostgreSQL's DataError
        settled.drop()
        return Failure(
            str(plan.path),
            f"{plan.path}: refused by the database, nothing written: a number past 2**63-1",
        )


class _Analyzer:
    """Keeps PostgreSQL's planner informed while a load fills the tables: ANALYZE when the
    articles written in this run reach 4, 16, 64, ... times the first threshold, so the
    queries of a load into a new database use the indexes, not plans made for empty tables."""

    def __init__(self, engine: Engine, first: int = 8) -> None:
        self.engine, self.next = engine, first
        self.on = engine.dialect.name == "postgresql"

    def grown(self, written: int) -> None:
        if not self.on or written < self.next:
            return
        while self.next <= written:
            self.next *= 4
        with self.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT")
            # names from the list above, never from input; one statement, one round trip
            connection.execute(text(f"ANALYZE {', '.join(ANALYZED)}"))


# -- reading many folders ----------------------------------------------------------------------


def article_folders(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Every article folder named: a path holding annotations.yaml is one; any other folder is
    searched (in name order) for the article folders below it. A path that holds none is
    given back as it is, so that reading it reports why."""
    for path in map(Path, paths):
        if (path / ANNOTATION_FILE).is_file() or not path.is_dir():
            yield path
            continue
        found = False
        for top, dirs, files in os.walk(path):
            dirs.sort()
            if ANNOTATION_FILE in files:
                dirs.clear()  # an article folder's own subfolders are its business
                found = True
                yield Path(top)
        if not found:
            yield path


class Folders:
    """The article folders named (:func:`article_folders`), walked only as far as asked: so
    far to know how many workers to start (:data:`MANY`), then on while they read the first.
    Walking 1,000 folders took 23-53 ms before the workers could start; ``newsdb load`` now
    walks the rest meanwhile (:meth:`all`), for the number its progress and batches need.
    Iterated, it gives every folder in order, walking on for any not yet found."""

    def __init__(self, paths: Iterable[Path | str]) -> None:
        self._walk = article_folders(paths)
        self.found: list[Path] = []

    def first(self, count: int) -> list[Path]:
        """The first ``count`` folders, or every one if there are fewer."""
        self.found.extend(islice(self._walk, max(0, count - len(self.found))))
        return self.found[:count]

    def all(self) -> list[Path]:
        self.found.extend(self._walk)
        return self.found

    def __iter__(self) -> Iterator[Path]:
        at = 0
        while at < len(self.found) or self._walk_one():
            yield self.found[at]
            at += 1

    def _walk_one(self) -> bool:
        """Find the next folder; False once every one is found."""
        folder = next(self._walk, None)
        if folder is not None:
            self.found.append(folder)
        return folder is not None


def read_one(folder: Path, max_size: int | None = None) -> Plan | AnnotationError:
    """The plan of one folder, or the error reading it gave (to report and go on); files over
    ``max_size`` bytes are refused (by default, the caps of :mod:`newsdb.limits`).

    Of the checked document the plan keeps only what storing it reads, the annotator: the
    whole would cost more to send from a worker process (~15 ms) than to write, and to keep
    while a batch is held (~0.3 MB an article). Its YAML is read again should a problem need a
    line, and the plan is made :func:`ready` here, off the writer's path."""
    try:
        plan = read_folder(folder, max_size)
    except AnnotationError as error:
        return error
    plan.doc = type(plan.doc).model_construct(annotator=plan.doc.annotator)
    if plan.source is not None:  # needed for a problem's line only: read again then
        source = plan.source.encode() if isinstance(plan.source, str) else plan.source
        plan.source_file = (plan.path, hashlib.sha256(source).hexdigest())
        plan.source = None
    return ready(plan)


def ready(plan: Plan) -> Plan:
    """What a worker process does to a plan before it is sent to the writer, the one
    process that cannot be spread: its fingerprint taken, its tallies counted (four of them,
    and its part of the geography tally, by natural key) and its rows packed, as
    :class:`newsdb.batch_write.NewArticles` wants them (:func:`read_one`, and ingest's
    drafts)."""
    plan.fingerprints = fingerprint.of_plan(plan)
    plan.tallies = plan_tally.of_plan(plan)
    plan.places = batch_geography.part_of(plan)
    plan.pack()  # less to send, to unpickle and to turn into rows
    return plan


#: the fewest articles worth starting worker processes for (:func:`default_jobs`)
MANY = 32


def default_jobs(articles: int) -> int:
    """Worker processes for reading ``articles``: one per processor, up to four, once there
    are enough (:data:`MANY`) to be worth starting them; else 1, read in the writer's process."""
    if articles < MANY:
        return 1
    usable = getattr(os, "sched_getaffinity", None)  # Linux; elsewhere every processor
    return max(1, min(4, len(usable(0)) if usable else os.cpu_count() or 1))


def read_folders(
    folders: Iterable[Path], jobs: int = 1, max_size: int | None = None
) -> Iterator[Plan | AnnotationError]:
    """Read folders in order, in ``jobs`` worker processes when more than one (see
    :func:`newsdb.workers.in_workers`)."""
    return in_workers(read_one, ((folder, max_size) for folder in folders), jobs)
