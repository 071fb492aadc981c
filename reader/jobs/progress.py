"""How far the making of an article's audio has come: the worker writes it into its
RQ job (``job.meta``) after each part; the app follows it to play those parts as they
appear and to say how far it is; the staff page reads it for a whole queue.

What is written is only small facts (stage, parts made, parts in all, and the parts'
cache keys): the parts themselves are in the shared audio cache, where any machine
finds them by key (``reader.audio.render.stored_part``).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Iterator

import redis
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from reader.config import Settings
from reader.errors import JobStalled

META_KEY = "reader_audio"
POLL_SECONDS = 0.2
HEARTBEATS_MISSED = 3  # as the worker's own (ReaderWorker.heartbeat_factor)

QUEUED, MAKING, HERE, DONE, FAILED = "queued", "making", "here", "done", "failed"
WAITING = {JobStatus.QUEUED, JobStatus.DEFERRED, JobStatus.SCHEDULED}


@dataclass(frozen=True)
class AudioProgress:
    """Where an article's audio stands: ``stage`` is ``queued`` (waiting for a worker),
    ``making`` (a worker makes it), ``here`` (the app's own process makes it), ``done``
    or ``failed``; ``ready`` of ``total`` parts are made (``part_keys`` in order)."""

    stage: str
    ready: int = 0
    total: int = 0
    part_keys: tuple[str, ...] = ()


def report(job: Job, progress: AudioProgress) -> None:
    """Write ``progress`` into the job (from the worker running it)."""
    job.meta[META_KEY] = {**asdict(progress), "part_keys": list(progress.part_keys)}
    job.save_meta()


def progress_of(job: Job, status: JobStatus | None = None) -> AudioProgress:
    """The job's progress as last written, with its stage from the job's status."""
    status = status or job.get_status(refresh=False)
    return read_progress(job.meta.get(META_KEY) if isinstance(job.meta, dict) else None, status)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def read_progress(raw: object, status: JobStatus | str | None) -> AudioProgress:
    """What a job's meta says, read defensively (a worker of another version may have
    written it): anything unreadable counts as nothing made yet."""
    keys: tuple[str, ...] = ()
    ready = total = 0
    if isinstance(raw, dict):
        listed = raw.get("part_keys")
        if isinstance(listed, (list, tuple)) and all(isinstance(k, str) for k in listed):
            keys = tuple(listed)
        ready, total = max(_count(raw.get("ready")), len(keys)), _count(raw.get("total"))
    total = max(total, ready)
    if status == JobStatus.FINISHED:
        return AudioProgress(DONE, ready, total, keys)
    if status in WAITING:
        return AudioProgress(QUEUED, ready, total, keys)
    if status == JobStatus.STARTED:
        return AudioProgress(MAKING, ready, total, keys)
    return AudioProgress(FAILED, ready, total, keys)


def follow(job: Job, settings: Settings, poll: float = POLL_SECONDS) -> Iterator[AudioProgress]:
    """The job's progress each time it changes, until it is done (the last one says so).

    Raises ``JobStalled`` when the job fails or is cancelled, when its worker stops
    beating (killed, machine gone: three missed heartbeats), when it waits for a worker
    or for its next part longer than ``job_wait_seconds``, or when Redis stops answering.
    """
    silent_after = HEARTBEATS_MISSED * settings.worker_heartbeat_seconds + 1
    last: AudioProgress | None = None
    beat, beat_seen = None, time.monotonic()
    changed = time.monotonic()
    while True:
        try:
            job.refresh()
            status = job.get_status(refresh=False)
        except (redis.RedisError, NoSuchJobError) as exc:
            raise JobStalled(f"Lost the audio job {job.id}: {exc}") from exc
        progress = progress_of(job, status)
        now = time.monotonic()
        if progress != last:
            last, changed = progress, now
            yield progress
        if progress.stage == DONE:
            return
        if progress.stage == FAILED:
            raise JobStalled(f"The audio job {job.id} ended as {status}")
        if job.last_heartbeat != beat:
            beat, beat_seen = job.last_heartbeat, now
        if status == JobStatus.STARTED and now - beat_seen > silent_after:
            raise JobStalled(f"The worker of audio job {job.id} stopped beating for {silent_after:g} s")
        if now - changed > settings.job_wait_seconds:
            raise JobStalled(f"The audio job {job.id} made no progress for {settings.job_wait_seconds:g} s")
        time.sleep(poll)


def progress_many(job_ids: list[str], conn: redis.Redis) -> list[AudioProgress | None]:
    """The progress of each job (None: no such job, or it expired)."""
    return [None if job is None else progress_of(job) for job in Job.fetch_many(job_ids, connection=conn)]
