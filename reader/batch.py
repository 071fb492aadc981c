"""Work on many items with a few threads, stoppable within seconds.

``concurrent.futures`` queues every item at once and, at exit, joins its threads, so
an interrupted ``pregenerate`` used to go on through its whole queue. Here workers
take one item at a time and look at the stop flag (``reader.stopping``) before each;
on a stop nothing new starts, work in flight gets ``grace_seconds`` to end (the audio
layer refuses to start new requests meanwhile), and whatever still runs after that
is abandoned: the threads are daemons, and every cache write is atomic, so an
abandoned item leaves no half file behind, only work to redo on the next run.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Generic, Sequence, TypeVar

from reader import stopping
from reader.errors import Interrupted, ReaderError

T = TypeVar("T")


@dataclass
class BatchSummary(Generic[T]):
    """What a run did: items done, failed (with their errors), and not done because it stopped."""

    done: list[T] = field(default_factory=list)
    failed: list[tuple[T, ReaderError]] = field(default_factory=list)
    not_done: list[T] = field(default_factory=list)
    stopped: bool = False


def run_batch(
    items: Sequence[T],
    work: Callable[[T], object],
    *,
    jobs: int,
    grace_seconds: float,
    on_done: Callable[[T, ReaderError | None], None] | None = None,
) -> BatchSummary[T]:
    """Run ``work`` on every item, ``jobs`` at a time; ``on_done`` is called in the
    calling thread after each item (for a progress bar). A ``ReaderError`` fails one
    item; any other exception is a bug and is raised once the workers have stopped."""
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(len(items)):
        todo.put(index)
    results: queue.SimpleQueue[tuple[int, BaseException | None]] = queue.SimpleQueue()
    started: set[int] = set()
    lock = threading.Lock()
    halted = threading.Event()  # a bug halts this batch only, never the whole process

    def stop_asked() -> bool:
        return halted.is_set() or stopping.stop_requested()

    def worker() -> None:
        while not stop_asked():
            try:
                index = todo.get_nowait()
            except queue.Empty:
                return
            with lock:
                started.add(index)
            try:
                work(items[index])
            except BaseException as exc:  # reported to the calling thread, which decides
                results.put((index, exc))
            else:
                results.put((index, None))

    threads = [threading.Thread(target=worker, name=f"batch-{n}", daemon=True) for n in range(max(1, jobs))]
    for thread in threads:
        thread.start()
    summary: BatchSummary[T] = BatchSummary()
    finished: set[int] = set()
    bug: BaseException | None = None
    deadline: float | None = None
    while len(finished) < len(items):
        if stop_asked() and deadline is None:
            deadline = time.monotonic() + grace_seconds
        if deadline is not None:
            with lock:
                in_flight = started - finished
            if not in_flight or time.monotonic() >= deadline:
                break
        elif not any(t.is_alive() for t in threads) and results.empty():
            break
        try:
            index, exc = results.get(timeout=0.05)
        except queue.Empty:
            continue
        finished.add(index)
        item = items[index]
        error = _sort(summary, item, exc)
        if isinstance(exc, Exception) and not isinstance(exc, ReaderError):
            bug = bug or exc
            halted.set()
        if on_done is not None and not isinstance(exc, Interrupted):
            on_done(item, error)
    summary.stopped = stopping.stop_requested()
    summary.not_done.extend(item for index, item in enumerate(items) if index not in finished)
    if bug is not None:
        raise bug
    return summary


def _sort(summary: BatchSummary[T], item: T, exc: BaseException | None) -> ReaderError | None:
    if exc is None:
        summary.done.append(item)
        return None
    if isinstance(exc, Interrupted):
        summary.not_done.append(item)
        return None
    if isinstance(exc, ReaderError):
        summary.failed.append((item, exc))
        return exc
    if isinstance(exc, Exception):
        return None
    raise exc  # KeyboardInterrupt or SystemExit from a worker: stop everything now
