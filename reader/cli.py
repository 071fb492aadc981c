"""The staff command line: ``python -m reader ...``.

It parses arguments and prints; the work happens in the library functions that the
app calls too.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Sequence, TextIO

from reader import __version__, cli_province, cli_watch, config, service, stopping
from reader.cli_common import at_least, error_line, print_json
from reader.articles.model import Article, Headline
from reader.batch import run_batch
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.audio.maintenance import CacheReport


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = config.load()
        code = args.run(args, settings)
        sys.stdout.flush()  # inside the try: a reader gone away (| head) is found here
        return code
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output (head, less) has gone: end quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reader",
        description="Staff tools of the Vietnamese news reader: import articles, "
        "check how they will be read aloud, and make their audio.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    p = sub.add_parser("import", help="add articles from files or URLs (- reads pasted text from stdin); prints one id per line")
    p.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    p.set_defaults(run=_cmd_import)

    p = sub.add_parser("delete", help="remove articles (their audio goes at the next `cache prune`)")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.set_defaults(run=_cmd_delete)

    cli_watch.add_commands(sub)
    cli_province.add_commands(sub)

    p = sub.add_parser("list", help="list the articles, newest first")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_paging(p, None)
    p.set_defaults(run=_cmd_list)

    p = sub.add_parser("search", help="find articles by words (accents optional)")
    p.add_argument("query")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_paging(p, 50)
    p.set_defaults(run=_cmd_search)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true", help="print the article as JSON")
    p.set_defaults(run=_cmd_show)

    p = sub.add_parser("script", help="show what will be spoken, one sentence per line")
    _add_text_source(p)
    p.add_argument("--json", action="store_true", help="print sentences, spoken forms and chunks")
    p.set_defaults(run=_cmd_script)

    p = sub.add_parser("speak", help="make an MP3 of an article or a text")
    _add_text_source(p)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.mp3")
    p.add_argument("--engine", choices=config.ENGINES, help="voice (default: READER_ENGINE or auto)")
    p.add_argument("--timings", type=Path, metavar="OUT.json", help="also write the sentence timing map")
    p.add_argument("--slow", action="store_true",
                   help="the slower variant (READER_SLOW_TEMPO, default 0.8x), pitch kept")
    p.add_argument("--progress", action="store_true",
                   help="make the audio part by part (title and first paragraph first) and print on stderr "
                        "each part as it becomes playable")
    p.set_defaults(run=_cmd_speak)

    p = sub.add_parser("pregenerate", help="make the audio of articles that have none yet")
    p.add_argument("--all", action="store_true", help="every article, not only those without audio")
    p.add_argument("--jobs", type=at_least(1), default=2, metavar="N", help="articles made at once (default 2)")
    p.add_argument("--engine", choices=config.ENGINES, help="voice (default: READER_ENGINE or auto)")
    p.set_defaults(run=_cmd_pregenerate)

    p = sub.add_parser("cache", help="the audio cache: stats, verify, prune")
    cache = p.add_subparsers(required=True, metavar="ACTION")
    c = cache.add_parser("stats", help="what the audio cache holds")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(run=_cmd_cache_stats)
    c = cache.add_parser("verify", help="remove broken clips, half-written article audio, crash leftovers")
    c.set_defaults(run=_cmd_cache_verify)
    c = cache.add_parser("prune", help="remove audio no article uses, then the oldest while over the size limit")
    c.add_argument("--max-bytes", type=at_least(0), metavar="N", help="size limit (default READER_CACHE_MAX_BYTES)")
    c.set_defaults(run=_cmd_cache_prune)
    return parser


def _add_text_source(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("id", nargs="?", type=int, help="article id")
    group.add_argument("--file", type=Path, metavar="PATH", help="a saved portal page or a UTF-8 text file (first line: title)")
    group.add_argument("--text", metavar="TEXT", help="the text itself")


def _cmd_import(args: argparse.Namespace, settings: config.Settings) -> int:
    failures = 0
    sources = [s for s in args.sources if s != "-"]
    with service.open_library(settings) as library:
        if "-" in args.sources:
            try:
                print(service.import_pasted_text(library, sys.stdin.read(), settings).id, flush=True)
            except ReaderError as exc:
                failures += 1
                print(f"error: -: {exc}", file=sys.stderr)
        for source, result in service.import_articles(library, sources, settings):
            if isinstance(result, ReaderError):
                failures += 1
                print(error_line(source, result), file=sys.stderr)
            else:
                print(result.id, flush=True)
    return 1 if failures else 0


def _cmd_delete(args: argparse.Namespace, settings: config.Settings) -> int:
    failures = 0
    with service.open_library(settings) as library:
        for article_id in args.ids:
            try:
                service.delete_article(library, article_id)
            except ReaderError as exc:
                failures += 1
                print(f"error: {exc}", file=sys.stderr)
                continue
            print(f"deleted {article_id}", file=sys.stderr)
    return 1 if failures else 0


def _add_paging(p: argparse.ArgumentParser, default_limit: int | None) -> None:
    shown = "all" if default_limit is None else str(default_limit)
    p.add_argument("--limit", type=at_least(1), default=default_limit, metavar="N",
                   help=f"at most N articles (default {shown})")
    p.add_argument("--offset", type=at_least(0), default=0, metavar="N", help="skip the first N (for the next page)")


def _cmd_list(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        articles = (library.list if args.json else library.headlines)(limit=args.limit, offset=args.offset)
        total = library.count()
    _print_articles(articles, args.json)
    _say_page(len(articles), args.offset, total, "no articles in the library")
    return 0


def _cmd_search(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        find = library.search if args.json else library.search_headlines
        articles = find(args.query, limit=args.limit, offset=args.offset)
        total = library.search_count(args.query)
    _print_articles(articles, args.json)
    _say_page(len(articles), args.offset, total, f"no article matches {args.query!r}")
    return 0


def _say_page(shown: int, offset: int, total: int, empty: str) -> None:
    """On stderr: nothing found, or which part of how many when not all were shown."""
    if total == 0:
        print(empty, file=sys.stderr)
    elif shown < total:
        first = offset + 1 if shown else offset
        print(f"{first}-{offset + shown} of {total} shown (--offset {offset + shown} for more)"
              if offset + shown < total else f"{first}-{offset + shown} of {total} shown", file=sys.stderr)


def _cmd_show(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        article = library.get(args.id)
    if args.json:
        print_json(article.to_dict())
        return 0
    print(article.title)
    print(" | ".join(x for x in (article.category, _date(article), article.source) if x))
    for paragraph in article.paragraphs:
        print()
        print(paragraph)
    if article.notes:
        print()
        for note in article.notes:
            print(f"  ({note})")
    return 0


def _cmd_script(args: argparse.Namespace, settings: config.Settings) -> int:
    script = service.script_for(_text_paragraphs(args, settings), settings)
    if args.json:
        print_json(script.to_dict())
    else:
        print(script.to_text())
    return 0


def _cmd_speak(args: argparse.Namespace, settings: config.Settings) -> int:
    for path in (args.output, args.timings):
        if path is not None:
            service.check_output(path)
    paragraphs, tags = _speak_source(args, settings)
    script = service.script_for(paragraphs, settings)
    if args.progress:
        _print_parts(service.speak_parts(script, settings, engine=args.engine, tags=tags))
    rendering = service.render_script(script, settings, engine=args.engine, out_path=args.output, tags=tags,
                                      slow=args.slow)
    if args.timings:
        service.write_json(args.timings, rendering.timings)
    voices = ", ".join(rendering.engines_used)
    note = " (Google unreachable: offline voice)" if rendering.offline else ""
    print(f"wrote {rendering.mp3_path} with {voices}{note}", file=sys.stderr)
    return 0


def _speak_source(args: argparse.Namespace, settings: config.Settings) -> tuple[list[str], dict[str, str]]:
    """The paragraphs to speak and the tags of their MP3 (an article's own, or a text's first line)."""
    if args.id is not None:
        with service.open_library(settings) as library:
            article = library.get(args.id)
        return service.article_paragraphs(article), service.article_tags(article)
    paragraphs = _text_paragraphs(args, settings)
    return paragraphs, service.text_tags(paragraphs)


def _print_parts(parts) -> None:
    started = time.monotonic()
    for part in parts:
        first, last = part.paragraphs[0], part.paragraphs[-1]
        held = f"paragraph {first}" if first == last else f"paragraphs {first}-{last}"
        note = " (offline voice)" if part.offline else ""
        print(f"part {part.index} ready after {time.monotonic() - started:.1f} s: {held}, "
              f"{part.duration_ms / 1000:.1f} s of audio{note}: {part.mp3_path}", file=sys.stderr, flush=True)
    print(f"whole article ready after {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)


def _cmd_pregenerate(args: argparse.Namespace, settings: config.Settings) -> int:
    with stopping.stop_on_signals():
        with service.open_library(settings) as library:
            articles = library.list()
        todo = []
        for article in articles:
            if stopping.stop_requested():
                print("interrupted before any audio was made", file=sys.stderr)
                return 130
            script = service.script_for_article(article, settings)
            if args.all or not service.has_audio(script, settings, args.engine):
                todo.append((article, script))
        if not todo:
            print(f"all {len(articles)} articles already have audio", file=sys.stderr)
            return 0
        bar = _ProgressBar(len(todo), sys.stderr)

        def done(item: tuple[Article, object], error: ReaderError | None) -> None:
            if error is not None:
                bar.note(f"error: article {item[0].id}: {error}")
            bar.advance()

        summary = run_batch(
            todo, lambda item: service.render_script(item[1], settings, args.engine),
            jobs=args.jobs, grace_seconds=settings.stop_grace_seconds, on_done=done,
        )
        bar.close()
    made = len(summary.done)
    print(f"made audio for {made} of {len(todo)} articles", file=sys.stderr)
    if summary.stopped:
        print(f"stopped on request: {len(summary.not_done)} article(s) left; "
              "run pregenerate again to continue", file=sys.stderr)
        return 130
    return 1 if summary.failed else 0


def _cmd_cache_stats(args: argparse.Namespace, settings: config.Settings) -> int:
    from reader.audio import maintenance

    stats = maintenance.cache_stats(settings)
    if args.json:
        print_json({**asdict(stats), "total_bytes": stats.total_bytes})
        return 0
    print(f"cache: {settings.cache_dir}")
    print(f"clips: {stats.clips} ({_mib(stats.clip_bytes)})")
    print(f"article audio: {stats.articles} ({_mib(stats.article_bytes)})")
    print(f"temporary files: {stats.temp_files}")
    print(f"Google marked unreachable: {'yes' if stats.google_offline_marker else 'no'}")
    return 0


def _cmd_cache_verify(args: argparse.Namespace, settings: config.Settings) -> int:
    from reader.audio import maintenance

    report = maintenance.verify_cache(settings)
    _print_report("verified", report)
    return 0


def _cmd_cache_prune(args: argparse.Namespace, settings: config.Settings) -> int:
    with service.open_library(settings) as library:
        report = service.prune_audio(library, settings, args.max_bytes)
    _print_report("pruned", report)
    return 0


def _print_report(what: str, report: "CacheReport") -> None:
    print(f"{what}: checked {report.checked} files, removed {len(report.removed)} ({_mib(report.freed_bytes)})")


def _mib(size: int) -> str:
    return f"{size / 1024**2:.1f} MiB"


def _text_paragraphs(args: argparse.Namespace, settings: config.Settings) -> list[str]:
    if args.text is not None:
        return service.paragraphs_of_text(args.text)
    if args.file is not None:
        return service.paragraphs_of_file(args.file, settings)
    with service.open_library(settings) as library:
        return service.article_paragraphs(library.get(args.id))


def _print_articles(articles: "list[Article] | list[Headline]", as_json: bool) -> None:
    if as_json:
        print_json([a.to_dict() for a in articles if isinstance(a, Article)])
        return
    for a in articles:
        print(f"{a.id:>5}  {_date(a):16}  {a.category[:24]:24}  {a.title}")


def _date(article: "Article | Headline") -> str:
    return article.published.strftime("%d/%m/%Y %H:%M") if article.published else ""


class _ProgressBar:
    """A one-line text progress bar on a terminal, plain lines elsewhere."""

    def __init__(self, total: int, stream: TextIO, width: int = 30) -> None:
        self.total, self.stream, self.width, self.done = total, stream, width, 0
        self.tty = stream.isatty()
        self._draw()

    def advance(self) -> None:
        self.done += 1
        self._draw()

    def note(self, line: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        self._draw()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()

    def _draw(self) -> None:
        filled = self.width * self.done // max(self.total, 1)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}"
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()
