"""How many requests to Google may be in flight at once, learned from Google's answers.

One ``AdaptiveLimiter`` per endpoint is shared by everything in a process (every
listener's session of the app, every ``pregenerate --jobs`` worker), so the process
as a whole is polite however many articles it makes at once. The limit works like
TCP's congestion window: it starts at a few requests, doubles each round of clean
answers until the first throttling, then grows by one per round; a 429 halves it
(once per round, not once per refused request) and, when Google says
``Retry-After``, nobody sends anything until that time has passed. It never goes
above the configured ceiling nor below one.

Slots are handed out first come, first served, so chunks asked for in reading order
are sent in reading order. When Google hangs, the limiter is *suspended*: waiting
and new requests fail at once instead of each waiting for its own deadline, until a
probe finds Google answering again (``resume``) or the suspension expires.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from typing import Callable

from reader.config import Settings


class LimiterSuspended(Exception):
    """Requests are not being sent: the endpoint was found hanging."""


class Slot:
    """One request's permission to be in flight; report how it went exactly once.

    ``release(outcome, retry_after)`` gives the slot back to whichever limiter lent it
    (this process's, or the one shared through Redis)."""

    def __init__(self, release: Callable[[str, float | None], None]) -> None:
        self._release = release
        self._done = False

    def succeeded(self) -> None:
        self._finish("ok", None)

    def throttled(self, retry_after: float | None = None) -> None:
        """Google answered 429: halve the limit and pause for ``retry_after`` seconds if given."""
        self._finish("throttled", retry_after)

    def failed(self) -> None:
        """Any other failure: frees the slot without changing the limit."""
        self._finish("failed", None)

    def unused(self) -> None:
        """Nothing was sent after all: frees the slot without changing the limit."""
        self._finish("unused", None)

    def _finish(self, outcome: str, retry_after: float | None) -> None:
        if not self._done:
            self._done = True
            self._release(outcome, retry_after)


class AdaptiveLimiter:
    """A first-come-first-served gate whose width adapts to throttling (thread-safe)."""

    def __init__(
        self,
        ceiling: int,
        start: int = 3,
        *,
        max_pause: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ceiling = max(1, ceiling)
        self.limit = float(min(max(1, start), self.ceiling))
        self.max_pause = max_pause
        self.in_flight = 0
        self.peak = 0
        self.throttled_count = 0
        self._clock = clock
        self._cond = threading.Condition()
        self._queue: deque[object] = deque()
        self._slow_start = True
        self._clean = 0.0
        self._epoch = 0
        self._paused_until = 0.0
        self._suspended_until = 0.0
        self._suspend_reason = ""

    @property
    def width(self) -> int:
        """Requests allowed in flight right now."""
        return max(1, min(self.ceiling, int(self.limit)))

    def acquire(self) -> Slot:
        """Wait for a free slot (in arrival order, after any pause); raises ``LimiterSuspended``."""
        ticket = object()
        with self._cond:
            self._queue.append(ticket)
            try:
                while True:
                    self._raise_if_suspended()
                    now = self._clock()
                    if now < self._paused_until:
                        self._cond.wait(self._paused_until - now)
                    elif self._queue[0] is ticket and self.in_flight < self.width:
                        break
                    else:
                        self._cond.wait()
            except BaseException:
                self._queue.remove(ticket)
                self._cond.notify_all()
                raise
            self._queue.popleft()
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            self._cond.notify_all()
            epoch = self._epoch
            return Slot(lambda outcome, retry_after: self._release(epoch, outcome, retry_after))

    def configure(self, ceiling: int, max_pause: float) -> None:
        """Apply changed settings to a limiter already in use."""
        with self._cond:
            self.ceiling = max(1, ceiling)
            self.limit = min(self.limit, float(self.ceiling))
            self.max_pause = max_pause
            self._cond.notify_all()

    def suspend(self, seconds: float, reason: str) -> None:
        """Fail every waiting and new request at once for ``seconds`` (or until ``resume``)."""
        with self._cond:
            self._suspended_until = max(self._suspended_until, self._clock() + seconds)
            self._suspend_reason = reason
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            self._suspended_until = 0.0
            self._cond.notify_all()

    @property
    def suspended(self) -> bool:
        with self._cond:
            return self._clock() < self._suspended_until

    def _raise_if_suspended(self) -> None:
        if self._clock() < self._suspended_until:
            raise LimiterSuspended(self._suspend_reason)

    def _release(self, epoch: int, outcome: str, retry_after: float | None) -> None:
        with self._cond:
            self.in_flight -= 1
            if outcome == "ok":
                self._grow()
            elif outcome == "throttled":
                self.throttled_count += 1
                if epoch == self._epoch:  # only the first refusal of a round shrinks the limit
                    self.limit = max(1.0, float(self.width) / 2)
                    self._slow_start = False
                    self._clean = 0.0
                    self._epoch += 1
                if retry_after is not None and retry_after > 0:
                    until = self._clock() + min(retry_after, self.max_pause)
                    self._paused_until = max(self._paused_until, until)
            self._cond.notify_all()

    def _grow(self) -> None:
        if self._slow_start:
            self.limit = min(float(self.ceiling), self.limit + 1)
            return
        self._clean += 1
        if self._clean >= self.width:
            self._clean = 0.0
            self.limit = min(float(self.ceiling), self.limit + 1)


_registry: dict[str, AdaptiveLimiter] = {}
_registry_lock = threading.Lock()


def _after_fork() -> None:
    """A forked child starts with no limiter: one its parent's threads held at the fork would stay held."""
    global _registry_lock
    _registry_lock = threading.Lock()
    _registry.clear()


os.register_at_fork(after_in_child=_after_fork)


def limiter_for(endpoint: str, settings: Settings) -> AdaptiveLimiter:
    """The one limiter of this process for ``endpoint``, made on first use; with
    ``settings.redis_url``, the limiter shared through Redis (``redis_state``)."""
    if settings.redis_url:
        from reader.audio.redis_state import redis_limiter_for

        return redis_limiter_for(endpoint, settings)  # type: ignore[return-value]
    with _registry_lock:
        limiter = _registry.get(endpoint)
        if limiter is None:
            limiter = _registry[endpoint] = AdaptiveLimiter(
                settings.gtts_max_concurrency,
                settings.gtts_initial_concurrency,
                max_pause=settings.gtts_max_pause,
            )
        elif limiter.ceiling != settings.gtts_max_concurrency or limiter.max_pause != settings.gtts_max_pause:
            limiter.configure(settings.gtts_max_concurrency, settings.gtts_max_pause)
        return limiter


def forget_limiters() -> None:
    """Drop every limiter (a fresh start: what was learned about the endpoints is lost)."""
    with _registry_lock:
        _registry.clear()
