"""The worker processes of a bulk load (:mod:`newsdb.workers`): results in order, however
the calls are chunked; no further ahead of the writer than allowed; a worker's error or death
an error in the writer; the garbage collector's pace in each."""

from __future__ import annotations

import os

import pytest

from newsdb import workers


def test_a_worker_that_dies_is_an_error_not_a_wait_for_ever():
    from concurrent.futures.process import BrokenProcessPool

    with pytest.raises(BrokenProcessPool):
        list(workers.in_workers(os._exit, [(3,), (3,)], jobs=2))


def test_ready_results_keep_their_place_among_the_workers():
    calls = [(-1,), workers.Ready("kept"), (-2,), workers.Ready(None), (-3,)]
    assert list(workers.in_workers(abs, calls, jobs=2)) == [1, "kept", 2, None, 3]
    assert list(workers.in_workers(abs, calls, jobs=1)) == [1, "kept", 2, None, 3]


def test_workers_take_calls_in_chunks_and_give_every_result_in_order(monkeypatch):
    monkeypatch.setattr(workers, "AHEAD", 5)  # fewer waiting than a chunk holds: all the same
    calls = [(-i,) for i in range(30)]
    calls[7:7] = [workers.Ready("kept")]
    expected = [abs(c[0]) if isinstance(c, tuple) else c.value for c in calls]
    assert list(workers.in_workers(abs, calls, jobs=2)) == expected


def test_workers_read_no_more_than_ahead_of_the_writer(monkeypatch):
    monkeypatch.setattr(workers, "AHEAD", 16)
    drawn = []

    def calls():
        for i in range(100):
            drawn.append(i)
            yield (-i,)

    behind = [len(drawn) - taken for taken, _ in enumerate(workers.in_workers(abs, calls(), 2))]
    assert max(behind) <= 16 + workers.CHUNK  # results waiting, and the next chunk drawn
    assert len(behind) == 100


def test_an_error_in_a_worker_comes_after_the_results_before_it():
    results = workers.in_workers(abs, [(-1,), (-2,), ("x",), (-4,)], jobs=2)
    assert [next(results), next(results)] == [1, 2]
    with pytest.raises(TypeError, match="bad operand") as raised:
        next(results)
    assert "Traceback" in str(raised.value.__cause__)  # where in the worker, for --debug


def test_the_writer_collects_less_often_than_its_workers():
    import gc

    with workers.fewer_collections():
        assert gc.get_threshold()[0] == workers.WRITER_COLLECT_EVERY
        (in_a_worker,) = workers.in_workers(gc.get_threshold, [()], jobs=2)
    assert in_a_worker[0] == workers.COLLECT_EVERY < workers.WRITER_COLLECT_EVERY


def test_the_writer_is_told_how_many_results_wait_for_it():
    import time

    calls = [(-i,) for i in range(20)]
    calls[3:3] = [workers.Ready("kept")]
    results = workers.in_workers(abs, calls, jobs=2)
    assert next(results) == 0  # the pool has started and been sent every call
    deadline = time.monotonic() + 30
    while results.ready() < 20 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert results.ready() == 20  # the rest of the first chunk, the Ready, the other chunks
    assert [next(results), next(results)] == [1, 2]
    assert results.ready() == 18
    assert list(results) == [abs(c[0]) if isinstance(c, tuple) else c.value for c in calls][3:]
    assert results.ready() == 0


def test_results_read_in_this_process_are_not_counted_ahead():
    assert not hasattr(workers.in_workers(abs, [(-1,)], jobs=1), "ready")


def _slow_touch(path) -> None:
    """A call that takes a while, and leaves a file to say it ran."""
    import time

    time.sleep(0.2)
    path.touch()


def test_started_workers_read_before_the_first_result_is_taken(tmp_path):
    """``newsdb load`` starts them before it opens the database: they read meanwhile."""
    import multiprocessing
    import time
    from pathlib import Path

    results = workers.in_workers(Path.touch, [(tmp_path / "read",)], jobs=2)
    assert multiprocessing.active_children() == []  # nothing forked by asking
    with workers.started(results):
        deadline = time.monotonic() + 30
        while not (tmp_path / "read").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert (tmp_path / "read").exists()  # no result taken yet
        assert list(results) == [None]
    assert multiprocessing.active_children() == []


def test_an_error_while_started_workers_read_leaves_none_running(tmp_path):
    """A set-up that fails (a database out of reach) stops the workers: the calls not begun
    are dropped, those not yet sent to a worker and those of the chunks they hold, and no
    process is left."""
    import multiprocessing

    calls = [(tmp_path / f"{i:03d}",) for i in range(200)]
    results = workers.in_workers(_slow_touch, calls, jobs=2)
    with pytest.raises(ConnectionError), workers.started(results):
        assert len(multiprocessing.active_children()) == 2
        raise ConnectionError("the database is out of reach")
    assert multiprocessing.active_children() == []
    assert len(list(tmp_path.iterdir())) < workers.CHUNK  # the calls begun, one a worker


def test_results_read_in_this_process_are_closed_by_started():
    calls = iter([(-1,), (-2,)])
    with workers.started(workers.in_workers(abs, calls, jobs=1)) as results:
        assert next(results) == 1
    assert list(results) == []  # closed: nothing more read
