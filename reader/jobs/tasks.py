"""What a worker runs. Each task reads its settings from the worker's environment and
takes only ids, so a job means the same on any machine."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from typing import Iterator

import redis

from reader import config, service
from reader.config import Settings

log = logging.getLogger(__name__)


@contextmanager
def article_lock(settings: Settings, article_id: int) -> Iterator[None]:
    """One maker per article across workers: a Redis lock kept alive while the job runs,
    so a worker that dies frees it within ``job_lock_seconds``."""
    from reader.audio.redis_state import PREFIX, redis_client

    lock = redis_client(settings).lock(
        f"{PREFIX}article:{article_id}", timeout=settings.job_lock_seconds, sleep=0.1,
        blocking_timeout=settings.job_timeout,
    )
    if not lock.acquire():
        raise TimeoutError(f"article {article_id} stayed locked by another worker for {settings.job_timeout:g} s")
    done = threading.Event()

    def keep_alive() -> None:
        while not done.wait(settings.job_lock_seconds / 3):
            try:
                lock.extend(settings.job_lock_seconds, replace_ttl=True)
            except (redis.RedisError, redis.exceptions.LockError) as exc:
                log.warning("Lost the lock of article %s: %s", article_id, exc)
                return

    keeper = threading.Thread(target=keep_alive, name=f"article-lock-{article_id}", daemon=True)
    keeper.start()
    try:
        yield
    finally:
        done.set()
        keeper.join()
        try:
            lock.release()
        except (redis.RedisError, redis.exceptions.LockError):
            pass


def make_audio(article_id: int, engine: str | None = None) -> str:
    """Make and store one article's audio part by part (nothing if another worker already
    did), writing into the job after each part how far it is (`reader.jobs.progress`),
    so the app plays the parts made so far and says how many are left."""
    from rq import get_current_job

    from reader.jobs.progress import MAKING, AudioProgress, report

    settings = config.load()
    job = get_current_job()
    with article_lock(settings, article_id):
        with service.open_library(settings) as library:
            article = library.get(article_id)
        script, settings = service.readable_script(article, settings)
        if service.has_audio(script, settings, engine):
            return "ready"
        total, keys = service.part_count(script), []
        if job is not None:
            report(job, AudioProgress(MAKING, 0, total))
        for part in service.speak_parts(script, settings, engine, tags=service.article_tags(article)):
            keys.append(part.mp3_path.stem)
            if job is not None:
                report(job, AudioProgress(MAKING, len(keys), max(total, len(keys)), tuple(keys)))
        return "made"


def watch_round(engine: str | None = None) -> dict[str, int]:
    """The watcher's round as a job: check every feed and page, then queue the audio of
    the new articles and of the newest ones still without audio."""
    from reader.jobs.queue import enqueue_audio

    settings = config.load()
    imported, failures, queued = [], 0, 0
    with service.open_library(settings) as library:
        for report in service.refresh_sources(library, settings):
            failures += bool(report.error) + len(report.failures)
            imported.extend(report.stored)
        candidates = {a.id: a for a in (*imported, *library.list(limit=settings.watch_audio_backlog))}
    for article in candidates.values():
        if article.id is not None and not service.has_audio(service.script_for_article(article, settings), settings, engine):
            enqueue_audio(settings, article.id, engine)
            queued += 1
    return {"imported": len(imported), "failures": failures, "queued": queued}
