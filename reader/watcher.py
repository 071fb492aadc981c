"""The unattended run: check every feed and page, import what is new, make its audio.

A round refreshes every watched feed and portal page (one request at a time per host),
then makes the audio of the articles it brought in (and of the newest articles still
without audio, ``watch_audio_backlog`` of them at most), so listeners never wait. Every
step logs one line, and any single failure (a feed, an item, an article's audio) is
logged and passed over. Ctrl-C or SIGTERM (``reader.stopping``) stops a round within
seconds: no new request starts, what was imported stays imported, and the next run
picks up where this one stopped (articles without audio get it then).

Two watchers must never run at once (they would fetch and synthesize everything
twice), so a run holds an exclusive ``flock`` on ``<data_dir>/watch.lock``; the
operating system releases it when the process ends, however it ends.
"""

from __future__ import annotations

import fcntl
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Callable, TextIO

from reader import service, stopping
from reader.articles.fetch import Pacer
from reader.articles.library import Library
from reader.articles.model import Article
from reader.articles.refresh import refresh
from reader.articles.watchlist import list_watched
from reader.batch import run_batch
from reader.config import Settings
from reader.errors import ConfigError, Interrupted, ReaderError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "m": 60, "h": 3600}


def parse_every(text: str) -> float:
    """``15m``, ``90s``, ``1h`` or a number of seconds."""
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"{text!r} is not a duration such as 15m, 90s or 1h")
    return float(match.group(1)) * _UNIT[(match.group(2) or "s").lower()]


class WatchLock:
    """An exclusive, non-blocking lock on ``<data_dir>/watch.lock`` (a context manager)."""

    def __init__(self, settings: Settings) -> None:
        self.path = Path(settings.data_dir) / "watch.lock"
        self._handle: TextIO | None = None

    def __enter__(self) -> "WatchLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise ConfigError(
                f"Another watcher is already running (process {holder}, lock {self.path}); "
                "two would fetch and make audio twice"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


@dataclass
class RoundSummary:
    imported: list[Article] = field(default_factory=list)
    voiced: list[Article] = field(default_factory=list)
    failures: int = 0
    stopped: bool = False


def watch_round(
    library: Library, settings: Settings, log: Callable[[str], None], engine: str | None = None, jobs: int = 1
) -> RoundSummary:
    """One round: refresh every watched source, then make the new articles' audio."""
    summary = RoundSummary()
    pacer = Pacer(settings.fetch_delay_s)
    for watched in list_watched(library):
        if stopping.stop_requested():
            summary.stopped = True
            return summary
        try:
            report = refresh(library, watched, settings, pacer)
        except Interrupted:
            summary.stopped = True
            return summary
        where = f"{watched.kind} {watched.id} {watched.url}"
        if report.error:
            summary.failures += 1
            log(f"error: {where}: {report.error}")
            continue
        for url, why in report.failures:
            summary.failures += 1
            log(f"error: {url}: {why}")
        for article in report.stored:
            log(f"imported {article.id}: {article.title} ({where})")
        if report.given_up:
            log(f"{where}: {report.given_up} failing item(s) given up")
        summary.imported.extend(report.stored)
        if report.interrupted:
            summary.stopped = True
            return summary
    _make_audio(library, summary, settings, log, engine, jobs)
    return summary


def _needing_audio(library: Library, summary: RoundSummary, settings: Settings, engine: str | None) -> list[Article]:
    """This round's articles and the newest ones (an earlier round may have stopped, or
    an edit changed the text) that have no audio yet."""
    candidates = {a.id: a for a in (*summary.imported, *library.list(limit=settings.watch_audio_backlog))}
    todo = []
    for article in candidates.values():
        if stopping.stop_requested():
            break
        script = service.script_for_article(article, settings)
        if not service.has_audio(script, settings, engine):
            todo.append(article)
    return todo


def _make_audio(
    library: Library, summary: RoundSummary, settings: Settings, log: Callable[[str], None],
    engine: str | None, jobs: int,
) -> None:
    todo = _needing_audio(library, summary, settings, engine)
    if not todo:
        return

    def work(article: Article) -> None:
        service.render_script(service.script_for_article(article, settings), settings, engine)

    def done(article: Article, error: ReaderError | None) -> None:
        if error is None:
            summary.voiced.append(article)
            log(f"audio {article.id}: made")
        else:
            summary.failures += 1
            log(f"error: audio {article.id}: {error}")

    result = run_batch(todo, work, jobs=jobs, grace_seconds=settings.stop_grace_seconds, on_done=done)
    summary.stopped = summary.stopped or result.stopped
