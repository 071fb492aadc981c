"""``python -m reader worker``: an RQ worker taking the reader's jobs, on any machine.

Each job runs in a forked child (RQ's work horse), so a job that crashes or hangs
never takes the worker down. While a job runs the worker says so every
``worker_heartbeat_seconds``; a job whose worker stays silent for three times that
(killed, machine gone) is found by another worker's maintenance round (every
``worker_maintenance_seconds``) and retried there, up to ``job_retries`` times.
With ``--watch-every`` the workers also start the watcher's round that often: one of
them (whoever claims the period in Redis) puts it on the queue.
"""

from __future__ import annotations

import logging
import os
import sys

import redis
from rq import Worker
from rq.job import Job

from reader.config import Settings
from reader.errors import ReaderError
from reader.jobs import queue as jobs

WATCH_KEY = "reader:watch-due"


class ReaderWorker(Worker):
    """RQ's worker with the reader's timings (RQ's own are minutes)."""

    heartbeat_factor = 3
    watch_every: float | None = None
    reader_settings: Settings | None = None

    def get_heartbeat_ttl(self, job: Job) -> int:
        return int(self.job_monitoring_interval * self.heartbeat_factor) + 1

    def run_maintenance_tasks(self) -> None:
        super().run_maintenance_tasks()
        if self.watch_every and self.reader_settings is not None:
            try:
                due = self.connection.set(WATCH_KEY, self.name, nx=True, ex=max(1, int(self.watch_every)))
            except redis.RedisError as exc:
                self.log.warning("cannot claim the watcher's round: %s", exc)
                return
            if due:
                jobs.enqueue_watch_round(self.reader_settings, self.reader_settings.engine)


def _preload(settings: Settings) -> None:
    """Import the heavy layers, build the speech pipeline's tables and measure the MP3
    encoder's loss of level once, before forking: each job's child starts with them
    instead of making them again."""
    import reader.audio.render  # noqa: F401
    from reader import service
    from reader.audio.codec import encoder_gain_db

    try:
        service.script_for(["Ủy ban nhân dân huyện An Biên họp ngày 12/3/2024 lúc 8g30."], settings)
        encoder_gain_db(settings.mp3_bitrate, settings)  # measured once here, not once a job
    except ReaderError as exc:  # a broken lexicon or ffmpeg: each job reports it for its article
        logging.getLogger(__name__).warning("warm-up skipped: %s", exc)


def run_worker(settings: Settings, burst: bool = False, watch_every: float | None = None) -> int:
    if not settings.redis_url:
        print("error: READER_REDIS_URL is not set: the worker takes its jobs from Redis", file=sys.stderr)
        return 1
    # Tasks read their settings from the environment (a job means the same on any machine).
    os.environ["READER_ENGINE"] = settings.engine
    _preload(settings)
    conn = jobs.connection(settings)
    maintenance = max(1, int(min(settings.worker_maintenance_seconds, watch_every or settings.worker_maintenance_seconds)))
    worker = ReaderWorker(
        jobs.queues(settings, conn), connection=conn,
        job_monitoring_interval=max(1, int(settings.worker_heartbeat_seconds)),
        maintenance_interval=maintenance,
        worker_ttl=maintenance + 15,  # an idle worker wakes every maintenance interval
    )
    worker.watch_every = watch_every
    worker.reader_settings = settings
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        worker.work(burst=burst, logging_level="INFO")
    except redis.RedisError as exc:
        print(f"error: Redis at READER_REDIS_URL stopped answering: {exc}", file=sys.stderr)
        return 1
    return 0
