"""Worker processes that read ahead of the one writer of a bulk load, and the garbage
collector's pace in both.

A load has one process that cannot be spread, the writer (:mod:`newsdb.bulk`); reading,
checking and planning each article can be. :func:`in_workers` runs such calls in forked
worker processes, a few at a time, and gives their results back in order, at most
:data:`AHEAD` of them waiting, so memory stays flat however many articles there are.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: plans read ahead of the writer at most with worker processes: a batch's worth and more
#: (:data:`newsdb.bulk.BATCH`), so the workers read the next batch while the writer writes one
#: rather than wait once 64 are read (1,000 seed-size articles, 64 -> 128: PostgreSQL 12.4 ->
#: 11.5 s, its peak memory 130 -> 146 MB; SQLite within the noise, 128 MB)
AHEAD = 128
#: calls sent to a worker process at once (see :func:`in_workers`)
CHUNK = 8

#: the cyclic garbage collector's first threshold while loading (Python's is 700): an article
#: makes tens of thousands of objects (its YAML, the checked document, the rows), none of
#: them in cycles, and looking for cycles every 700 of them took ~14% of a load's CPU
COLLECT_EVERY = 50_000
#: the writer's: the objects it keeps a while, a batch's rows and the plans read ahead
#: (~100,000 of them), are counted until freed, so with 50,000 each was looked through for
#: cycles in a collection of its own: 8 collections of 10-35 ms in a load of 500, ~0.3 ms of
#: the writer's CPU an article; with this many there are none, and garbage in cycles, should
#: any be made, is still collected once this much of it is held
WRITER_COLLECT_EVERY = 200_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often meanwhile (reference counting frees the rest)."""
    before = _collect_seldom(WRITER_COLLECT_EVERY)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _collect_seldom(every: int) -> tuple[int, ...]:
    """Look for cycles every ``every`` objects at most; return the thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(max(every, before[0]), *before[1:])
    return before


@dataclass
class Ready:
    """A result known without a worker (an input already refused): kept in its place."""

    value: object


def in_workers(function: Callable, calls: Iterable[tuple | Ready], jobs: int = 1) -> Iterator:
    """``function(*args)`` for each of ``calls`` (or the value of a :class:`Ready`), in order:
    in this process when ``jobs`` is 1, else in ``jobs`` worker processes, which yield the
    processor to this one (the writer), as :class:`Results`, which also tell how many are
    ready. At most :data:`AHEAD` results wait for the writer, so memory stays flat however
    many. A worker that dies (killed, out of memory) is an error here, not a wait for ever.

    The calls go to the workers :data:`CHUNK` at a time, their results come back together:
    each task the pool sends and each result it receives is pickled, woken for and handed
    over by threads of the writer's process, which take the processor (and the GIL) from the
    writer; one a folder cost the writer ~0.8 ms of CPU an article."""
    if jobs <= 1:
        return (c.value if isinstance(c, Ready) else function(*c) for c in calls)
    queue: deque = deque()  # a Ready, or the future of a chunk's results and how many
    held: deque = deque()  # the results of the chunk taken last, not yet given
    return Results(_in_pool(function, calls, jobs, queue, held), queue, held)


@contextmanager
def started(results: Iterable) -> Iterator[Iterable]:
    """``results`` of :func:`in_workers` with their workers started now (:meth:`Results.start`),
    and stopped when the block ends, however it ends: an error in what the block sets up
    meanwhile (a bad URL, a database out of reach or ahead of this newsdb) leaves none running.
    Results read in this process (one job) are given as they are, and closed all the same.

    ``newsdb load`` starts its workers so, before it opens the database: they read while it
    creates the engine, connects and checks the schema (SQLite 30-40 ms; PostgreSQL 0.13 s
    of CPU, psycopg's import the most, and 0.12-0.5 s wall as the server answers), which they
    waited for before, a core idle; and no connection is open in the process they are forked
    from."""
    if isinstance(results, Results):
        results.start()
    try:
        yield results
    finally:
        close = getattr(results, "close", None)  # a generator's, or the workers'
        if close is not None:
            close()


class Results(Iterator):
    """The results of calls made in worker processes, in order (:func:`in_workers`)."""

    def __init__(self, run: Iterator, queue: deque, held: deque) -> None:
        self._run, self._queue, self._held = run, queue, held
        self._started = False

    def start(self) -> Results:
        """Fork the workers and send them their first calls now, not when the first result
        is taken, and return these results: their caller does its own set-up (the writer's
        engine, its database's check) while they read. Nothing the workers do not need should
        be open then: a connection forked with them is two processes' (:func:`started`)."""
        if not self._started:
            self._started = True
            next(self._run)  # the pool's first word: started, the first calls sent
        return self

    def __next__(self):
        self.start()
        return next(self._run)

    def close(self) -> None:
        """Stop the workers (as the end of the results does): each finishes the call in
        hand, the calls not begun are dropped (:func:`_each`)."""
        self._run.close()

    def ready(self) -> int:
        """How many results can be taken now without waiting for a worker."""
        count = len(self._held)
        for item in self._queue:  # in order: up to the first chunk a worker still reads
            if isinstance(item, Ready):
                count += 1
            elif item[0].done():
                count += item[1]
            else:
                break
        return count


def _in_pool(function: Callable, calls, jobs: int, queue: deque, held: deque) -> Iterator:
    """:func:`in_workers`'s results from a pool of ``jobs`` processes, through ``queue``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    waiting, most = 0, max(AHEAD, 4 * jobs)  # results sent for and not yet taken: at most
    started = False
    context = multiprocessing.get_context("fork")
    stop = context.Event()  # set, the workers drop the calls they hold (see _each)
    with ProcessPoolExecutor(jobs, context, _behind_the_writer, (stop,)) as pool:
        try:
            for chunk in _chunks(calls, CHUNK):
                size = 1 if isinstance(chunk, Ready) else len(chunk)
                if not started and waiting + size > most:  # as many sent as may be
                    started = True
                    yield None  # to Results.start: the workers are reading
                while queue and waiting + size > most:
                    waiting -= yield from _results(queue.popleft(), held)
                waiting += size
                queue.append(
                    chunk
                    if isinstance(chunk, Ready)
                    else (pool.submit(_each, function, chunk), size)
                )
            if not started:
                yield None
            while queue:
                yield from _results(queue.popleft(), held)
        except BaseException:  # closed early, or an error: no waiting for calls not begun
            stop.set()
            pool.shutdown(cancel_futures=True)
            raise


def _chunks(calls: Iterable[tuple | Ready], size: int) -> Iterator[list[tuple] | Ready]:
    """Runs of up to ``size`` calls, with each :class:`Ready` between them in its place."""
    chunk: list[tuple] = []
    for call in calls:
        if isinstance(call, Ready):
            if chunk:
                yield chunk
                chunk = []
            yield call
            continue
        chunk.append(call)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _each(function: Callable, chunk: list[tuple]) -> tuple[list, _Raised | None]:
    """In a worker: ``function(*args)`` for each call of the chunk, up to one that raises,
    and what it raised (the results before it are the writer's all the same, as they were
    with a call a task). Once the writer has stopped the workers (closed early, or an error)
    the calls not begun are dropped: the chunks in hand and queued (up to five of 8) were read
    first, and a database out of reach reported 1-2 s later than with no workers started, on
    a busy machine."""
    done = []
    try:
        for args in chunk:
            if _stop is not None and _stop.is_set():
                break  # no one takes these results any more
            done.append(function(*args))
    except Exception as error:  # noqa: BLE001 - raised again in the writer
        return done, _Raised(error)
    return done, None


class _Raised:
    """An exception raised in a worker, with its traceback as text (a traceback itself
    cannot be sent), raised again in the writer as the pool would have raised it."""

    def __init__(self, error: Exception) -> None:
        import traceback

        self.error = error
        self.trace = "".join(traceback.format_exception(error))

    def __reduce__(self):
        return _Raised._again, (self.error, self.trace)

    @staticmethod
    def _again(error: Exception, trace: str) -> Exception:
        error.__cause__ = _InWorker(trace)
        return error


class _InWorker(Exception):
    """Where in a worker an exception was raised: its traceback, shown as its cause."""

    def __str__(self) -> str:
        return f'\n"""\n{self.args[0]}"""'


def _results(item, held: deque) -> Iterator:
    """The results of one entry of :func:`in_workers`'s queue, in order, through ``held``
    (where :meth:`Results.ready` counts them); returns how many."""
    if isinstance(item, Ready):
        yield item.value
        return 1
    future, count = item
    done, error = future.result()
    held.extend(done)
    while held:
        yield held.popleft()
    if error is not None:
        raise error
    return count


#: in a worker, set when the writer stops the workers (:func:`_in_pool`)
_stop = None


def _behind_the_writer(stop=None) -> None:
    """A worker yields the processor to the writer: the one process that cannot be spread,
    which would otherwise get a third of two cores with two workers reading ahead of it. It
    collects cyclic garbage seldom too, every :data:`COLLECT_EVERY` objects (what it keeps,
    an article's, is fewer than the writer's), and keeps ``stop``, the writer's word to drop
    the calls it holds."""
    global _stop
    _stop = stop
    try:
        os.nice(10)
    except OSError:  # not allowed here: the same priority, a little slower
        pass
    gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])  # forked from the writer's
