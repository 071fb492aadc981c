"""The stoppable batch runner: every item once, failures kept apart, a stop honoured."""

from __future__ import annotations

import threading
import time

import pytest

from reader import stopping
from reader.batch import run_batch
from reader.errors import Interrupted, SourceError


def test_every_item_is_done_once_and_failures_are_reported():
    seen: list[int] = []
    lock = threading.Lock()
    reported: list[tuple[int, object]] = []

    def work(n: int) -> None:
        with lock:
            seen.append(n)
        if n % 5 == 0:
            raise SourceError(f"bad {n}")

    summary = run_batch(list(range(1, 31)), work, jobs=4, grace_seconds=1.0,
                        on_done=lambda n, err: reported.append((n, err)))
    assert sorted(seen) == list(range(1, 31))
    assert sorted(summary.done) == [n for n in range(1, 31) if n % 5]
    assert sorted(n for n, _ in summary.failed) == [5, 10, 15, 20, 25, 30]
    assert not summary.not_done and not summary.stopped
    assert len(reported) == 30


def test_a_stop_starts_nothing_new_and_lists_what_is_left():
    started: list[int] = []

    def work(n: int) -> None:
        started.append(n)
        if n == 3:
            stopping.request_stop()
        time.sleep(0.05)
        stopping.raise_if_stopped()

    with stopping.stop_on_signals():
        summary = run_batch(list(range(20)), work, jobs=2, grace_seconds=1.0)
    assert summary.stopped
    assert len(started) <= 6
    assert len(summary.done) + len(summary.not_done) + len(summary.failed) == 20
    assert not stopping.stop_requested()  # cleared when the run ends


def test_work_still_running_after_the_grace_is_abandoned():
    release = threading.Event()

    def work(n: int) -> None:
        if n == 0:
            stopping.request_stop()
        release.wait(5)

    with stopping.stop_on_signals():
        begun = time.monotonic()
        summary = run_batch([0, 1, 2], work, jobs=3, grace_seconds=0.2)
        waited = time.monotonic() - begun
    release.set()
    assert summary.stopped and sorted(summary.not_done) == [0, 1, 2]
    assert waited < 3


def test_a_bug_in_the_work_is_raised_not_hidden():
    def work(n: int) -> None:
        if n == 2:
            raise ValueError("a bug")

    with stopping.stop_on_signals(), pytest.raises(ValueError):
        run_batch(list(range(10)), work, jobs=2, grace_seconds=0.5)


def test_a_bug_halts_its_batch_but_not_the_process():
    """The app's server runs batches for staff: a bug in one must not stop every later render."""
    def work(n: int) -> None:
        if n == 0:
            raise ValueError("a bug")

    with pytest.raises(ValueError):
        run_batch(list(range(5)), work, jobs=1, grace_seconds=0.5)
    assert not stopping.stop_requested()
    assert sorted(run_batch([1, 2], lambda n: None, jobs=2, grace_seconds=0.5).done) == [1, 2]


def test_interrupted_is_a_reader_error():
    with stopping.stop_on_signals():
        stopping.request_stop()
        with pytest.raises(Interrupted):
            stopping.raise_if_stopped()
