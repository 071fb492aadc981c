"""How the library and the feed import scale: figures printed, never asserted.

    .venv/bin/python -m bench.articles_bench                  # 10,000 articles, 50 feed items
    .venv/bin/python -m bench.articles_bench --articles 2000 --items 20

A library of N articles (bodies made from the bundled samples, each one different) is
stored in one transaction; then a page of the list (first, middle, last page), the
total, a search and its total are timed in-process (median and 95th percentile of
repeated runs). Then a feed of M new items on the fake portal (tests/fakes/portal.py,
on 127.0.0.1) is imported with `feeds add`: per item and in all, without the polite
delay between requests and with the default one second.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader import service  # noqa: E402
from reader.articles.library import Library  # noqa: E402
from reader.articles.model import VN_TZ  # noqa: E402
from reader.articles.samples import load_samples  # noqa: E402
from reader.config import Settings  # noqa: E402
from tests.fakes.portal import NEWS, FakePortal, NewsItem  # noqa: E402

PAGE = 20


def timed(action, runs: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds after two warm-up runs."""
    for _ in range(2):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def build_library(path: Path, count: int) -> float:
    samples = load_samples()
    start = datetime(2015, 1, 1, 7, 0, tzinfo=VN_TZ)
    articles = []
    for n in range(count):
        base = samples[n % len(samples)]
        articles.append(replace(
            base,
            title=f"{base.title} (số {n})",
            paragraphs=(f"Tin số {n} của huyện An Biên.", *base.paragraphs),
            published=None if n % 97 == 0 else start + timedelta(hours=7 * n),
            source=f"bench:{n}",
        ))
    began = time.perf_counter()
    with Library(path) as library:
        library.add_many(articles)
    return time.perf_counter() - began


def library_figures(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        seconds = build_library(path, count)
        print(f"stored {count} articles in one transaction: {seconds:.1f} s ({seconds / count * 1000:.2f} ms each)")
        with Library(path) as library:
            total = library.count()
            last = max(0, total - PAGE)
            rows = [
                ("list, first page of 20", lambda: library.list(limit=PAGE, offset=0)),
                ("list, middle page", lambda: library.list(limit=PAGE, offset=total // 2)),
                ("list, last page", lambda: library.list(limit=PAGE, offset=last)),
                ("count()", library.count),
                ("search 'an bien', first 20", lambda: library.search("an bien", limit=PAGE)),
                ("search 'trieu cuong ven bien', first 20", lambda: library.search("trieu cuong ven bien", limit=PAGE)),
                ("search_count('an bien')", lambda: library.search_count("an bien")),
            ]
            print(f"{'with ' + str(total) + ' articles':42} {'median':>9} {'p95':>9}")
            for label, action in rows:
                median, p95 = timed(action, runs)
                print(f"{label:42} {median:7.2f}ms {p95:7.2f}ms")


def feed_figures(items: int, delay: float) -> None:
    with tempfile.TemporaryDirectory() as folder, FakePortal() as portal:
        portal.news.clear()
        template = NEWS[0]
        for n in range(items):
            portal.publish(NewsItem(
                f"tin-bench-so-{n}-cua-huyen-an-bien", f"Tin thử số {n} của huyện An Biên", template.category,
                template.date_line, [f"Bài thử số {n}.", *template.paragraphs], template.rfc822, template.iso,
            ))
        settings = Settings(data_dir=Path(folder), allow_hosts=portal.allow_hosts, fetch_delay_s=delay,
                            refresh_max_new_items=items)
        with Library.open(settings) as library:
            began = time.perf_counter()
            report = service.watch_source(library, "feed", portal.url("/rss/tin-tuc.rss"), settings)
            seconds = time.perf_counter() - began
        print(f"feed of {items} new items, delay {delay:g} s: {len(report.stored)} imported in {seconds:.2f} s "
              f"({seconds / max(1, len(report.stored)) * 1000:.0f} ms per item)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--with-delay", action="store_true", help="also import the feed with the 1 s polite delay")
    args = parser.parse_args(argv)
    library_figures(args.articles, args.runs)
    feed_figures(args.items, 0.0)
    if args.with_delay:
        feed_figures(args.items, 1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
