"""Voices that turn one chunk of spoken text into MP3, and the choice between them.

``auto`` prefers Google's natural voice and falls back to espeak-ng when Google is
unreachable or hangs. Finding that out costs a connect timeout or a first-byte
deadline, so the finding is remembered for ``settings.offline_memory_seconds`` in a
small marker file in the cache directory: every Streamlit rerun and every
pregeneration worker process sees it and goes straight to the offline voice instead
of each waiting again. Meanwhile a background probe (``google_probe.py``) asks Google
again every ``gtts_probe_interval`` seconds and clears the marker when it answers.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Protocol, runtime_checkable

from reader.audio.espeak_engine import EspeakEngine
from reader.audio.google_probe import ensure_probe
from reader.audio.gtts_engine import GttsEngine, has_speakable, looks_like_mp3
from reader.config import Settings
from reader.errors import AudioError, EngineUnavailable

__all__ = [
    "Engine", "GttsEngine", "EspeakEngine", "AutoEngine", "OfflineMarker",
    "make_engine", "has_speakable", "looks_like_mp3",
]

log = logging.getLogger(__name__)

OFFLINE_MARKER_NAME = "google-offline"


@runtime_checkable
class Engine(Protocol):
    """A voice: ``name`` and ``voice`` identify its clips in the cache."""

    name: str
    voice: str

    def synthesize(self, text: str) -> bytes:
        """MP3 bytes for ``text``; raises ``EngineUnavailable`` or ``EngineError``."""
        ...


class OfflineMarker:
    """"Google was unreachable at <timestamp>", shared by every process using one cache dir."""

    def __init__(self, path: Path, memory_seconds: float) -> None:
        self.path = path
        self.memory_seconds = memory_seconds

    def active(self, now: float | None = None) -> bool:
        """True while the last finding is younger than ``memory_seconds``."""
        try:
            since = float(self.path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return False
        now = time.time() if now is None else now
        # A second of tolerance: the stamp is rounded, and machines sharing a cache differ a little.
        return -1.0 <= now - since < self.memory_seconds

    def set(self) -> None:
        """Record "unreachable now" (atomically; failing to record only costs a later retry)."""
        if self.memory_seconds <= 0:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".offline-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(f"{time.time():.3f}\n")
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("Could not record that Google is offline in %s: %s", self.path, exc)

    def present(self) -> bool:
        """A finding is recorded (however old): cleared on the next success."""
        return self.path.exists()

    def clear(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass


def offline_marker(settings: Settings) -> "OfflineMarker":
    """Where "Google is unreachable" is remembered: a file in the cache directory, or a
    key in Redis when ``settings.redis_url`` is set (``redis_state.RedisOfflineMarker``)."""
    if settings.redis_url:
        from reader.audio.redis_state import RedisOfflineMarker, redis_client

        return RedisOfflineMarker(  # type: ignore[return-value]
            redis_client(settings), settings.gtts_url, settings.offline_memory_seconds
        )
    return OfflineMarker(Path(settings.cache_dir) / OFFLINE_MARKER_NAME, settings.offline_memory_seconds)


class AutoEngine:
    """Google first, espeak-ng when Google cannot be reached, hangs or keeps failing.

    A single failed chunk (after gTTS's own retries) falls back for that chunk;
    ``failures_to_go_offline`` failures in a row, or one connection failure or hang
    (``EngineUnavailable``), mark Google offline for everyone sharing the cache
    directory, so the rest of the article is read offline at once.
    """

    name = "auto"

    def __init__(
        self,
        settings: Settings,
        primary: Engine | None = None,
        fallback: Engine | None = None,
        *,
        failures_to_go_offline: int = 2,
    ) -> None:
        self.primary: Engine = primary if primary is not None else GttsEngine(settings)
        self.fallback: Engine = fallback if fallback is not None else EspeakEngine(settings)
        self.marker = offline_marker(settings)
        self.failures_to_go_offline = failures_to_go_offline
        self._failures = 0
        self._lock = threading.Lock()
        self.last_failure: AudioError | None = None

    @property
    def voice(self) -> str:
        return self.primary.voice

    def google_offline(self) -> bool:
        """True when Google is known to be unreachable: do not even try it (a probe finds out when it is back)."""
        if not self.marker.active():
            return False
        self._probe()
        return True

    def _probe(self) -> None:
        if isinstance(self.primary, GttsEngine):
            ensure_probe(self.primary, self.marker)

    def record_success(self) -> None:
        with self._lock:
            had_failures, self._failures = self._failures, 0
        if had_failures or self.marker.present():
            self.marker.clear()

    def record_failure(self, exc: AudioError) -> None:
        """Note a failure of the primary voice; go offline when it cannot be reached."""
        with self._lock:
            self._failures += 1
            self.last_failure = exc
            go_offline = isinstance(exc, EngineUnavailable) or self._failures >= self.failures_to_go_offline
        log.warning("Google voice failed (%s); using the offline voice", exc)
        if go_offline:
            self.marker.set()
            self._probe()

    def synthesize_tagged(self, text: str) -> tuple[Engine, bytes]:
        """MP3 for ``text`` and the engine that actually made it."""
        if not self.google_offline():
            try:
                data = self.primary.synthesize(text)
            except AudioError as exc:
                self.record_failure(exc)
            else:
                self.record_success()
                return self.primary, data
        return self.fallback, self.synthesize_fallback(text)

    def synthesize_fallback(self, text: str) -> bytes:
        """The offline voice; if it is missing too, say both reasons."""
        try:
            return self.fallback.synthesize(text)
        except EngineUnavailable as exc:
            google = f"; Google: {self.last_failure}" if self.last_failure else "; Google is marked offline"
            raise EngineUnavailable(f"No voice available: {exc}{google}") from None

    def synthesize(self, text: str) -> bytes:
        return self.synthesize_tagged(text)[1]


def make_engine(name: str, settings: Settings) -> Engine:
    """The engine called ``name``: ``auto``, ``gtts`` or ``espeak``."""
    if name == "auto":
        return AutoEngine(settings)
    if name == "gtts":
        return GttsEngine(settings)
    if name == "espeak":
        return EspeakEngine(settings)
    raise EngineUnavailable(f"Unknown engine {name!r}: choose auto, gtts or espeak")
