"""Commands for a province's deployment: ``db migrate``, ``db copy`` and ``worker``.

Kept apart from ``cli.py`` (which adds them with ``add_commands``) because they only
matter once the library is on PostgreSQL and work is shared through Redis.
"""

from __future__ import annotations

import argparse
import sys

from reader import config


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help="the library's database: migrate it, copy it to another (e.g. to PostgreSQL)")
    actions = p.add_subparsers(required=True, metavar="ACTION")
    a = actions.add_parser("migrate", help="bring the library (READER_DATABASE_URL or --url) to this release's schema")
    a.add_argument("--url", help="postgresql://… or sqlite:///… (default READER_DATABASE_URL, else the SQLite file)")
    a.set_defaults(run=_cmd_db_migrate)
    a = actions.add_parser("copy", help="copy every article and watched source, ids kept, into an empty library")
    a.add_argument("--from", dest="source", metavar="URL", help="default: READER_DATABASE_URL, else the SQLite file")
    a.add_argument("--to", dest="target", metavar="URL", required=True, help="e.g. postgresql://user:pw@host/reader")
    a.set_defaults(run=_cmd_db_copy)

    p = sub.add_parser("jobs", help="the Redis job queue (READER_REDIS_URL): queue audio for the workers, see what waits")
    actions = p.add_subparsers(required=True, metavar="ACTION")
    a = actions.add_parser("pregenerate", help="queue the audio of every article that has none for the workers")
    a.add_argument("--engine", choices=config.ENGINES, help="voice (default: the workers' READER_ENGINE)")
    a.set_defaults(run=_cmd_jobs_pregenerate)
    a = actions.add_parser("status", help="workers alive; audio and feed jobs waiting, running and failed")
    a.set_defaults(run=_cmd_jobs_status)

    p = sub.add_parser("worker", help="take jobs (audio, feed checks) from the Redis queue (READER_REDIS_URL)")
    p.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    p.add_argument("--engine", choices=config.ENGINES, help="voice (default: READER_ENGINE or auto)")
    p.add_argument("--watch-every", type=_seconds, metavar="DURATION",
                   help="also start the watcher's round this often across all workers, e.g. 15m")
    p.set_defaults(run=_cmd_worker)


def _cmd_db_migrate(args: argparse.Namespace, settings: config.Settings) -> int:
    from reader.articles.database import open_url
    from reader.articles.schema import SCHEMA_VERSION

    with open_url(args.url or settings.database_url, settings) as library:
        print(f"{library.path}: schema version {SCHEMA_VERSION}, {library.count()} articles", file=sys.stderr)
    return 0


def _cmd_db_copy(args: argparse.Namespace, settings: config.Settings) -> int:
    from reader.articles.database import open_url
    from reader.articles.transfer import copy_library

    with open_url(args.source or settings.database_url, settings) as source:
        with open_url(args.target, settings) as target:
            report = copy_library(source, target)
            print(f"copied {report.articles} articles and {report.watched} watched sources "
                  f"from {source.path} to {target.path}", file=sys.stderr)
    return 0


def _needs_redis(settings: config.Settings) -> None:
    from reader.errors import ConfigError

    if not settings.redis_url:
        raise ConfigError("READER_REDIS_URL is not set: jobs are kept in Redis (e.g. redis://localhost:6379/0)")


def _cmd_jobs_pregenerate(args: argparse.Namespace, settings: config.Settings) -> int:
    from reader import service
    from reader.jobs import queue as jobs

    _needs_redis(settings)
    with service.open_library(settings) as library:
        articles = library.list()
    queued = 0
    for article in articles:
        script = service.script_for_article(article, settings)
        if article.id is not None and not service.has_audio(script, settings, args.engine):
            jobs.enqueue_audio(settings, article.id, args.engine)
            queued += 1
    alive = "" if jobs.workers_exist(settings) else "; no worker is running: start `python -m reader worker`"
    print(f"queued the audio of {queued} of {len(articles)} articles{alive}", file=sys.stderr)
    return 0


def _cmd_jobs_status(args: argparse.Namespace, settings: config.Settings) -> int:
    from rq import Worker

    from reader.jobs import queue as jobs
    from reader.jobs.progress import progress_many

    _needs_redis(settings)
    conn = jobs.connection(settings)
    print(f"workers: {Worker.count(connection=conn)}")
    for q in jobs.queues(settings, conn):
        print(f"{q.name}: {q.count} waiting, {q.started_job_registry.count} running, "
              f"{q.failed_job_registry.count} failed")
        if q.name == jobs.AUDIO_QUEUE:
            running = q.started_job_registry.get_job_ids()
            for job_id, progress in zip(running, progress_many(running, conn)):
                if progress is not None and progress.total:
                    print(f"  {job_id}: {progress.ready} of {progress.total} parts made")
    return 0


def _cmd_worker(args: argparse.Namespace, settings: config.Settings) -> int:
    from reader.jobs.worker import run_worker

    return run_worker(settings.with_(engine=args.engine or settings.engine), burst=args.burst,
                      watch_every=args.watch_every)


def _seconds(raw: str) -> float:
    from reader.errors import ConfigError
    from reader.watcher import parse_every

    try:
        return parse_every(raw)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
