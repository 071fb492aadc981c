"""The clip workers: earliest place in an article first, failures to the caller, cancel drops."""

from __future__ import annotations

import threading

import pytest

from reader.audio.workers import ClipWorkers


def test_lower_priority_runs_first_then_arrival_order() -> None:
    workers = ClipWorkers("test")
    gate, ran = threading.Event(), []
    blocker = workers.submit(0, gate.wait, 10)
    workers.ensure(1)
    while not blocker.running():
        threading.Event().wait(0.001)
    futures = [workers.submit(p, ran.append, name) for p, name in [(5, "a5"), (3, "b3"), (9, "c9"), (0, "d0"), (3, "e3")]]
    gate.set()
    for future in futures:
        future.result(timeout=10)
    assert ran == ["d0", "b3", "e3", "a5", "c9"]


def test_a_failure_reaches_the_caller_and_the_worker_goes_on() -> None:
    workers = ClipWorkers("test")
    workers.ensure(1)
    with pytest.raises(ZeroDivisionError):
        workers.submit(0, lambda: 1 / 0).result(timeout=10)
    assert workers.submit(0, lambda: "still here").result(timeout=10) == "still here"


def test_a_cancelled_chunk_is_never_made() -> None:
    workers = ClipWorkers("test")
    gate, ran = threading.Event(), []
    blocker = workers.submit(0, gate.wait, 10)
    workers.ensure(1)
    dropped = workers.submit(1, ran.append, "dropped")
    assert dropped.cancel()
    gate.set()
    blocker.result(timeout=10)
    workers.submit(2, ran.append, "kept").result(timeout=10)
    assert ran == ["kept"]
