"""Several chunks a request: what is asked of Google's voice is gathered into batches.

Google's ``batchexecute`` endpoint takes several RPCs in one request (Google's own
pages send them so; see ``gtts_transport.py``). Every chunk asked of the Google voice
in a process becomes an ``Ask`` waiting in its endpoint's ``Batcher``. A few sender
threads, one per request the limiter may allow in flight, each wait for a slot of the
limiter and then take the waiting asks that come first, up to ``gtts_batch_size`` of
them, as one request: first by their place in their article (``workers.current_priority``:
a new listener's title goes before the middle of an article begun earlier), then in
order of arrival. While the limiter lets everything through, asks leave as they come, one a
request; when requests in flight are at the limit, the asks that pile up meanwhile
leave together. So a whole article costs a fraction of the requests, and nothing
waits for a batch to fill.

The caller's thread only waits for its ask. The sender that carries a batch answers
every ask in it, with its audio or with the error that ended it, whatever happens:
a sender never leaves an ask unanswered, and survives what it reports. Senders are
daemon threads of the process that made them; a forked child (an RQ job) starts
with no batcher and makes its own.
"""

from __future__ import annotations

import heapq
import itertools
import os
import threading
from typing import Protocol

from reader.audio.limiter import LimiterSuspended, Slot
from reader.audio.workers import current_priority


class Ask:
    """One chunk's request for audio, answered once (audio or error) by whoever carries it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._answered = threading.Event()
        self._audio = b""
        self._error: BaseException | None = None

    @property
    def answered(self) -> bool:
        return self._answered.is_set()

    def resolve(self, audio: bytes) -> None:
        if not self._answered.is_set():
            self._audio = audio
            self._answered.set()

    def fail(self, error: BaseException) -> None:
        if not self._answered.is_set():
            self._error = error
            self._answered.set()

    def result(self) -> bytes:
        """The audio, waiting for it; raises the error that ended the request."""
        self._answered.wait()
        if self._error is not None:
            raise self._error
        return self._audio


class Carrier(Protocol):
    def acquire(self) -> Slot:
        """A slot of the endpoint's limiter; raises ``LimiterSuspended``."""
        ...

    def carry(self, asks: list[Ask], slot: Slot) -> None:
        """Send ``asks`` in one request under ``slot`` (retrying as it sees fit) and answer every one."""
        ...

    def suspended(self, asks: list[Ask], exc: LimiterSuspended) -> None:
        """Answer ``asks`` when the limiter refuses to send anything."""
        ...


class Batcher:
    """The asks of one endpoint and voice in this process, and the threads sending them."""

    def __init__(self, name: str) -> None:
        self.name = name
        # (priority, arrival, ask, carrier, batch size): the chunk earliest in its article first
        self._pending: list[tuple[int, int, Ask, Carrier, int]] = []
        self._arrival = itertools.count()
        self._changed = threading.Condition()
        self._senders = 0
        self._alone = False

    def refuse_batches(self) -> None:
        """Google would not take a batch: one chunk a request from now on, in this process."""
        self._alone = True

    def submit(self, text: str, carrier: Carrier, batch_size: int, senders: int) -> Ask:
        """Queue ``text``; ``carrier`` (the asking engine) sends the batch it heads."""
        ask = Ask(text)
        with self._changed:
            heapq.heappush(self._pending, (current_priority(), next(self._arrival), ask, carrier, max(1, batch_size)))
            while self._senders < max(1, senders):
                self._senders += 1
                threading.Thread(target=self._send, name=f"{self.name}-sender-{self._senders}", daemon=True).start()
            self._changed.notify()
        return ask

    def _take(self) -> tuple[list[Ask], Carrier | None]:
        """The asks that come first, as many as the first of them allows in one request."""
        with self._changed:
            if not self._pending:
                return [], None
            _, _, first, carrier, size = heapq.heappop(self._pending)
            size = 1 if self._alone else size
            batch = [first]
            while self._pending and len(batch) < size:
                batch.append(heapq.heappop(self._pending)[2])
            return batch, carrier

    def _send(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._pending))
                carrier = self._pending[0][3]
            try:
                slot = carrier.acquire()
            except LimiterSuspended as exc:
                asks, _ = self._take()
                carrier.suspended(asks, exc)
                continue
            except BaseException as exc:  # reported to the asks, never the end of the sender
                asks, _ = self._take()
                for ask in asks:
                    ask.fail(exc)
                continue
            asks, carrier_now = self._take()
            if not asks or carrier_now is None:
                slot.unused()
                continue
            try:
                carrier_now.carry(asks, slot)
            except BaseException as exc:
                for ask in asks:
                    ask.fail(exc)


_batchers: dict[tuple[str, str], Batcher] = {}
_guard = threading.Lock()


def batcher_for(endpoint: str, voice: str) -> Batcher:
    """This process's batcher for ``endpoint`` and ``voice``."""
    key = (endpoint, voice)
    with _guard:
        batcher = _batchers.get(key)
        if batcher is None:
            batcher = _batchers[key] = Batcher(f"gtts-{len(_batchers)}")
        return batcher


def forget_batchers() -> None:
    """Drop every batcher (their idle senders stay asleep; new asks get new ones)."""
    with _guard:
        _batchers.clear()


def _after_fork() -> None:
    """A forked child (an RQ job) has none of its parent's senders, and a lock another
    thread held at the fork stays held: it starts from nothing."""
    global _guard
    _guard = threading.Lock()
    _batchers.clear()


os.register_at_fork(after_in_child=_after_fork)
