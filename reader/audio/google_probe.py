"""Finding out in the background that Google answers again.

When Google hangs or cannot be reached, listeners are served by the offline voice
and nobody waits on Google. Something must still notice when it comes back: one
probe thread per endpoint and process sends a single tiny request every
``gtts_probe_interval`` seconds, outside the limiter. When Google answers (even
with a 429: it is there), the limiter is resumed and every offline marker that
asked to be told is cleared, so the next article is read by Google again. The
probe ends by itself once there is nothing left to find out (no suspension, no
active marker), and never keeps the process alive (a daemon thread).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.audio.gtts_engine import GttsEngine

log = logging.getLogger(__name__)


class Watcher(Protocol):
    """Something that remembers "Google is offline" (the marker file of ``engines.py``)."""

    def active(self) -> bool: ...

    def clear(self) -> None: ...


class Probe:
    """A daemon thread asking Google again until it answers."""

    def __init__(self, engine: "GttsEngine") -> None:
        self.engine = engine
        self.watchers: list[Watcher] = []
        self.attempts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="google-probe", daemon=True)

    def start(self) -> "Probe":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _needed(self) -> bool:
        return self.engine.limiter.suspended or any(w.active() for w in self.watchers)

    def _run(self) -> None:
        url = self.engine.url
        try:
            while not self._stop.wait(self.engine.settings.gtts_probe_interval):
                with _lock:
                    if not self._needed():
                        return
                self.attempts += 1
                if self.engine.probe():
                    log.info("Google at %s answers again; using it", url)
                    self.engine.limiter.resume()
                    with _lock:
                        for watcher in self.watchers:
                            watcher.clear()
                    return
        finally:
            with _lock:
                if _probes.get(url) is self:
                    del _probes[url]


_probes: dict[str, Probe] = {}
_lock = threading.Lock()


def ensure_probe(engine: "GttsEngine", watcher: Watcher | None = None) -> Probe:
    """The probe of ``engine``'s endpoint in this process, started if none runs;
    ``watcher`` is cleared when Google answers."""
    with _lock:
        probe = _probes.get(engine.url)
        if probe is None or not probe.alive or probe._stop.is_set():
            probe = _probes[engine.url] = Probe(engine).start()
        if watcher is not None and all(_same(w, watcher) is False for w in probe.watchers):
            probe.watchers.append(watcher)
        return probe


def _same(a: Watcher, b: Watcher) -> bool:
    """Two markers are the same when they are one file (each engine has its own object)."""
    return a is b or (getattr(a, "path", None) is not None and getattr(a, "path", None) == getattr(b, "path", None))


def running_probe(url: str) -> Probe | None:
    with _lock:
        return _probes.get(url)


def stop_probes() -> None:
    """Stop every probe of this process (they end within one interval)."""
    with _lock:
        probes = list(_probes.values())
        _probes.clear()
    for probe in probes:
        probe.stop()
