"""The commands for news that comes in by itself: ``feeds``, ``sources`` and ``watch``.

Kept apart from ``cli.py`` (which adds them with ``add_commands``); like it, they parse
and print, and the work is in ``service`` and ``reader.watcher``.
"""

from __future__ import annotations

import argparse
import sys

from reader import config, service, stopping
from reader.cli_common import at_least, error_line, print_json
from reader.errors import ReaderError


def add_commands(sub: argparse._SubParsersAction) -> None:
    """``feeds`` (RSS/Atom), ``sources`` (portal category pages without a feed) and ``watch``."""
    for name, kind, what in (("feeds", "feed", "RSS or Atom feeds"), ("sources", "page", "portal category or home pages")):
        p = sub.add_parser(name, help=f"{what} checked for new articles: add, list, remove, refresh")
        actions = p.add_subparsers(required=True, metavar="ACTION")
        a = actions.add_parser("add", help=f"watch one of the {what} and import its new articles now")
        a.add_argument("url")
        if kind == "page":
            a.add_argument("--pattern", default="", help="only links whose address matches this regular expression")
        a.set_defaults(run=_cmd_watch_add, kind=kind)
        a = actions.add_parser("list", help=f"the {what} watched, with their last check")
        a.add_argument("--json", action="store_true", help="print JSON")
        a.set_defaults(run=_cmd_watch_list, kind=kind)
        a = actions.add_parser("remove", help="stop watching (the articles already imported stay)")
        a.add_argument("id_or_url", metavar="ID_OR_URL")
        a.set_defaults(run=_cmd_watch_remove, kind=kind)
        a = actions.add_parser("refresh", help="check them now and import what is new; prints one id per line")
        a.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these (default: all)")
        a.set_defaults(run=_cmd_watch_refresh, kind=kind)

    p = sub.add_parser("watch", help="check every feed and page now and then, import what is new and make its audio")
    p.add_argument("--every", type=_duration, metavar="DURATION",
                   help="time between rounds, e.g. 15m, 90s, 1h (default READER_WATCH_EVERY_S, 15m)")
    p.add_argument("--once", action="store_true", help="one round, then exit (for cron)")
    p.add_argument("--engine", choices=config.ENGINES, help="voice (default: READER_ENGINE or auto)")
    p.add_argument("--jobs", type=at_least(1), default=1, metavar="N", help="articles voiced at once (default 1)")
    p.set_defaults(run=_cmd_watch)

def _cmd_watch_add(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        report = service.watch_source(library, args.kind, args.url, settings, getattr(args, "pattern", ""))
    return _print_refresh([report])


def _cmd_watch_list(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        watched = service.watched_sources(library, args.kind)
    if args.json:
        print_json([w.to_dict() for w in watched])
        return 0
    if not watched:
        print(f"no {args.kind}s are watched", file=sys.stderr)
    for w in watched:
        checked = f"checked {w.checked_at}" if w.checked_at else "never checked"
        state = f"error: {w.last_error}" if w.last_error else "ok"
        pattern = f"  pattern {w.pattern!r}" if w.pattern else ""
        print(f"{w.id:>4}  {w.url}{pattern}  {w.title}  ({checked}, {state})")
    return 0


def _cmd_watch_remove(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        removed = service.unwatch_source(library, args.id_or_url, args.kind)
    print(f"no longer watching {removed.url}", file=sys.stderr)
    return 0


def _cmd_watch_refresh(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        reports = service.refresh_sources(library, settings, args.kind, args.ids or None)
    if not reports:
        print(f"no {args.kind}s are watched", file=sys.stderr)
    return _print_refresh(reports)


def _print_refresh(reports: list) -> int:
    """Ids of new articles on stdout; one line per source (and per failed item) on stderr."""
    failed = False
    for report in reports:
        for article in report.stored:
            print(article.id, flush=True)
        where = f"{report.watched.kind} {report.watched.id} {report.watched.url}"
        if report.error:
            failed = True
            print(error_line(where, report.error), file=sys.stderr)
            continue
        for url, why in report.failures:
            failed = True
            print(error_line(url, why), file=sys.stderr)
        news = "not modified" if report.not_modified else f"{len(report.stored)} new"
        later = f", {report.left_for_later} left for the next check" if report.left_for_later else ""
        dropped = f", {report.given_up} failing item(s) given up" if report.given_up else ""
        print(f"{where}: {news}{later}{dropped}", file=sys.stderr)
    return 1 if failed else 0


def _duration(raw: str) -> float:
    from reader import watcher

    try:
        return watcher.parse_every(raw)
    except ReaderError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _cmd_watch(args: argparse.Namespace, settings: config.Settings) -> int:
    # Imported here so the watch command adds nothing to the module's shared imports.
    from datetime import datetime

    from reader import watcher
    from reader.articles.model import VN_TZ

    every = args.every or settings.watch_every_s
    if every <= 0:
        print("error: READER_WATCH_EVERY_S must be more than 0 seconds", file=sys.stderr)
        return 1

    def log(line: str) -> None:
        print(f"{datetime.now(VN_TZ):%Y-%m-%d %H:%M:%S} {line}", file=sys.stderr, flush=True)

    with stopping.stop_on_signals(), watcher.WatchLock(settings), service.open_library(settings) as library:
        if not service.watched_sources(library):
            print("error: nothing to watch: add feeds (`feeds add URL`) or pages (`sources add URL`) first",
                  file=sys.stderr)
            return 1
        while True:
            summary = watcher.watch_round(library, settings, log, args.engine, args.jobs)
            log(f"round done: {len(summary.imported)} new article(s), {len(summary.voiced)} voiced, "
                f"{summary.failures} failure(s)")
            if summary.stopped or stopping.stop_requested():
                log("stopped on request; the next run continues from here")
                return 130
            if args.once:
                return 1 if summary.failures else 0
            if stopping.wait(every):
                log("stopped on request")
                return 130
