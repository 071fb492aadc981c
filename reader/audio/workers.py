"""The process's clip workers: a few long-lived threads that make chunks, earliest first.

Every article being made in a process (each listener of the app, each
``pregenerate --jobs`` worker) hands its chunks to the same workers. A chunk's
priority is its place in its article, so a listener who just pressed "Nghe bài"
has the title made next, ahead of the middle of an article someone else started
earlier; among equals, first come first served. The threads live as long as the
process, so each keeps its kept-alive session to Google (``thread_session``), and
they are daemons: a process that exits does not wait for chunks nobody needs.
"""

from __future__ import annotations

import itertools
import os
import queue
import threading
from concurrent.futures import Future
from typing import Callable, TypeVar

T = TypeVar("T")

_running = threading.local()


def current_priority() -> int:
    """The priority of the work this thread is running (0 outside the workers): what it
    asks of others (``gtts_batch``) keeps its place in line."""
    return getattr(_running, "priority", 0)


class ClipWorkers:
    """A pool of daemon threads taking work from one priority queue."""

    def __init__(self, name: str = "clip") -> None:
        self._name = name
        self._queue: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        with self._lock:
            return len(self._threads)

    def ensure(self, size: int) -> None:
        """Have at least ``size`` workers (never fewer than were started)."""
        with self._lock:
            while len(self._threads) < size:
                thread = threading.Thread(
                    target=self._work, name=f"{self._name}-{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def submit(self, priority: int, fn: Callable[..., T], *args: object) -> "Future[T]":
        """Run ``fn(*args)`` on a worker, lower ``priority`` first; cancel the future to drop it."""
        future: Future[T] = Future()
        self._queue.put((priority, next(self._order), future, fn, args))
        return future

    def _work(self) -> None:
        while True:
            priority, _, future, fn, args = self._queue.get()
            if not future.set_running_or_notify_cancel():
                continue
            _running.priority = priority
            try:
                result = fn(*args)
            except BaseException as exc:  # the waiting caller gets it, the worker lives on
                future.set_exception(exc)
            else:
                future.set_result(result)


_workers = ClipWorkers()


def _after_fork() -> None:
    """A forked child has none of its parent's threads: it starts workers of its own."""
    global _workers
    _workers = ClipWorkers()


os.register_at_fork(after_in_child=_after_fork)


def clip_workers(size: int) -> ClipWorkers:
    """The process's clip workers, at least ``size`` of them."""
    _workers.ensure(size)
    return _workers
