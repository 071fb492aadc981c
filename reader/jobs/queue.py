"""Putting work on the Redis queues, once per article however many ask.

An article's audio job has the id ``audio-<article id>``: asking again while it waits
or runs returns the same job, so a hundred listeners opening one new article make one
job. A job is retried (``job_retries``) when it fails or its worker dies. The app follows
an audio job part by part (`reader.jobs.progress`).
"""

from __future__ import annotations

from typing import Iterator

import redis
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.worker import Worker

from reader.config import Settings
from reader.errors import JobsUnavailable
from reader.jobs.progress import AudioProgress, follow, progress_many

AUDIO_QUEUE = "reader-audio"
FEEDS_QUEUE = "reader-feeds"
PENDING = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED}


def connection(settings: Settings) -> redis.Redis:
    """RQ's own connection (its values are pickled bytes, apart from the audio layer's)."""
    return redis.Redis.from_url(
        settings.redis_url, socket_timeout=None, socket_connect_timeout=settings.redis_timeout
    )


def queues(settings: Settings, conn: redis.Redis | None = None) -> list[Queue]:
    """Feed checks first (they are short and bring new articles), then audio."""
    conn = conn or connection(settings)
    return [Queue(FEEDS_QUEUE, connection=conn), Queue(AUDIO_QUEUE, connection=conn)]


def workers_exist(settings: Settings) -> bool:
    """Whether any ``python -m reader worker`` is alive to take audio jobs."""
    try:
        conn = connection(settings)
        return Worker.count(queue=Queue(AUDIO_QUEUE, connection=conn)) > 0
    except redis.RedisError:
        return False


def _pending(job_id: str, conn: redis.Redis) -> Job | None:
    try:
        job = Job.fetch(job_id, connection=conn)
    except NoSuchJobError:
        return None
    return job if job.get_status(refresh=False) in PENDING else None


def enqueue_audio(settings: Settings, article_id: int, engine: str | None = None, *, first: bool = False) -> Job:
    """The job making the audio of ``article_id``: the one already waiting or running, or a new one.
    ``first``: a listener is waiting for it, so it goes before the pre-generation queued
    by staff or the watcher (a job already waiting is moved to the front)."""
    from reader.jobs.tasks import make_audio

    conn = connection(settings)
    job_id = audio_job_id(article_id)
    queue = Queue(AUDIO_QUEUE, connection=conn)
    try:
        job = _pending(job_id, conn)
        if job is not None:
            # Whoever takes it out of the list puts it back at the front (a worker may have taken it).
            if first and job.get_status(refresh=False) == JobStatus.QUEUED and queue.remove(job_id):
                queue.push_job_id(job_id, at_front=True)
            return job
        return queue.enqueue(
            make_audio, int(article_id), engine, job_id=job_id, job_timeout=int(settings.job_timeout),
            retry=Retry(max=settings.job_retries) if settings.job_retries else None,
            result_ttl=3600, failure_ttl=7 * 24 * 3600, description=f"audio of article {article_id}",
            at_front=first,
        )
    except redis.RedisError as exc:
        raise JobsUnavailable(f"Cannot put the audio of article {article_id} on the queue at "
                              f"READER_REDIS_URL: {exc}") from exc


def enqueue_watch_round(settings: Settings, engine: str | None = None) -> Job:
    """One round of the watcher as a job (the one already waiting or running, if any)."""
    from reader.jobs.tasks import watch_round

    conn = connection(settings)
    try:
        return _pending("watch-round", conn) or Queue(FEEDS_QUEUE, connection=conn).enqueue(
            watch_round, engine, job_id="watch-round", job_timeout=int(settings.job_timeout),
            result_ttl=24 * 3600, failure_ttl=7 * 24 * 3600, description="check every feed and page",
        )
    except redis.RedisError as exc:
        raise JobsUnavailable(f"Cannot put the watcher's round on the queue at READER_REDIS_URL: {exc}") from exc


def audio_job_id(article_id: int) -> str:
    return f"audio-{int(article_id)}"


def made_by_workers(settings: Settings, article_id: int) -> Iterator[AudioProgress]:
    """For the app: have the workers make an article nobody has heard yet, and follow
    their progress (`progress.follow`) until it is done. Raises ``JobsUnavailable`` when
    no worker is alive or Redis cannot be reached, ``JobStalled`` when the job fails,
    its worker dies or it makes no progress: the app then makes the audio itself."""
    if not workers_exist(settings):
        raise JobsUnavailable("No `python -m reader worker` is alive to make the audio")
    yield from follow(enqueue_audio(settings, article_id, first=True), settings)


def audio_progress(settings: Settings, article_ids: list[int]) -> dict[int, AudioProgress]:
    """For staff: the progress of the audio jobs of ``article_ids`` (absent: no job, or it expired)."""
    try:
        found = progress_many([audio_job_id(i) for i in article_ids], connection(settings))
    except redis.RedisError as exc:
        raise JobsUnavailable(f"Cannot read the audio jobs at READER_REDIS_URL: {exc}") from exc
    return {article_id: p for article_id, p in zip(article_ids, found) if p is not None}
