"""Cache and health for staff: the cache's figures and upkeep, Google's voice now, the watcher.

Checking Google costs one real request for two words, made only when staff ask; a
success also clears the "Google is offline" memory, so listeners get the natural voice
again at once instead of after ``offline_memory_seconds``.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from reader import service
from reader.articles.library import Library
from reader.audio import maintenance
from reader.audio import engines
from reader.audio.engines import GttsEngine, OfflineMarker
from reader.config import Settings
from reader.errors import AudioError

PROBE_TEXT = "xin chào"
WATCH_LOG_NAME = "watch.log"
WATCH_LINES_SHOWN = 30


@dataclass(frozen=True)
class Probe:
    reachable: bool
    seconds: float
    detail: str = ""


def offline_marker(settings: Settings) -> OfflineMarker:
    return engines.offline_marker(settings)


def google_marked_offline(settings: Settings) -> bool:
    """Whether the app is currently reading with the offline voice without trying Google."""
    return offline_marker(settings).active()


def probe_google(settings: Settings) -> Probe:
    """One request to Google's voice now, with a short deadline and no retry."""
    quick = settings.with_(
        gtts_retries=0,
        gtts_connect_timeout=min(settings.gtts_connect_timeout, settings.staff_probe_timeout),
        gtts_read_timeout=settings.staff_probe_timeout,
    )
    started = time.monotonic()
    try:
        GttsEngine(quick).synthesize(PROBE_TEXT)
    except AudioError as exc:
        return Probe(False, time.monotonic() - started, str(exc))
    offline_marker(settings).clear()
    return Probe(True, time.monotonic() - started)


def cache_figures(settings: Settings) -> maintenance.CacheStats:
    return maintenance.cache_stats(settings)


def verify(settings: Settings) -> maintenance.CacheReport:
    return maintenance.verify_cache(settings)


def prune(library: Library, settings: Settings) -> maintenance.CacheReport:
    return service.prune_audio(library, settings)


def watch_log_path(settings: Settings) -> Path:
    return Path(settings.data_dir) / WATCH_LOG_NAME


def watcher_lines(settings: Settings, count: int = WATCH_LINES_SHOWN) -> list[str] | None:
    """The last lines of the watcher's log, newest first; None when there is no log."""
    path = watch_log_path(settings)
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            last = deque((line.rstrip("\n") for line in handle if line.strip()), maxlen=count)
    except FileNotFoundError:
        return None
    except OSError:
        return None
    return list(reversed(last))
