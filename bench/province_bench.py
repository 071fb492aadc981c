"""A province's figures: workers sharing one limit towards Google, and PostgreSQL pages.

    .venv/bin/python -m bench.province_bench                       # 1, 2, 4 workers; 100,000 articles
    .venv/bin/python -m bench.province_bench --workers 1 2 --jobs 20 --articles 10000

Needs Debian's postgresql and redis-server (packages.txt); both are started on loopback
in a temporary directory (tests/servers.py) and stopped at the end. Nothing is asserted.

Workers: the fake Google (tests/fakes/google.py) answers after ``--latency`` (250 ms)
and refuses with 429 beyond ``--cap`` (8) requests in flight; ``READER_GTTS_MAX_CONCURRENCY``
is the same cap, shared by all workers through Redis. N ``worker --burst`` processes
make the audio of ``--jobs`` (50) queued articles. Printed: wall time, the floor (the
requests made, ``cap`` at a time: ceil(requests / cap) x latency), the CPU time of the
workers and what it takes at best on this machine's cores (CPU / cores), requests,
chunks asked (one RPC each; several may share a request) and 429s.

Pages: a SQLite library of ``--articles`` articles is built, moved to PostgreSQL with
``db copy`` (timed), vacuumed and analysed as autovacuum would, and pages of the list,
searches and whole search pages (the total and 20 headlines) are timed there.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.articles_bench import PAGE, build_library, timed  # noqa: E402
from reader.articles.library import Library  # noqa: E402
from reader.articles.model import Article  # noqa: E402
from reader.articles.postgres import close_pools  # noqa: E402
from reader.articles.samples import load_samples  # noqa: E402
from reader.articles.transfer import copy_library  # noqa: E402
from reader.config import Settings  # noqa: E402
from reader.jobs import queue as jobs  # noqa: E402
from tests.fakes.google import FakeGoogle  # noqa: E402
from tests.servers import PostgresServer, RedisServer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# Every article, one in three, one in six (diacritics or not), about ten, one.
SEARCHES = ("an bien", "Đường giao thông", "trieu cuong ven bien", "Triều cường", "so 5000", "so 50000")


def _articles(count: int) -> list[Article]:
    samples = load_samples()
    return [Article(title=f"{s.title} (bản {n})", paragraphs=(f"Tin số {n} của huyện An Biên.", *s.paragraphs[:3]))
            for n, s in ((n, samples[n % len(samples)]) for n in range(count))]


def _children_cpu() -> float:
    """CPU seconds of the finished worker processes (and the job processes they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def worker_figures(pg: PostgresServer, redis_server: RedisServer, counts: list[int], articles: int,
                   latency: float, cap: int) -> None:
    cores = os.cpu_count() or 1
    print(f"{'workers':>7} {'wall':>8} {'floor':>8} {'CPU':>8} {'CPU/' + str(cores):>8} {'requests':>9} "
          f"{'chunks':>7} {'429s':>5}  ({articles} articles, {latency * 1000:.0f} ms a request, {cap} in flight for all)")
    for run, count in enumerate(counts):
        with tempfile.TemporaryDirectory() as folder, FakeGoogle(latency=latency, max_in_flight=cap) as google:
            database = pg.create_database(f"bench_workers_{run}")
            redis_url = redis_server.url(run % 16)
            settings = Settings(data_dir=Path(folder) / "data", cache_dir=Path(folder) / "cache",
                                database_url=database, redis_url=redis_url, engine="gtts", gtts_url=google.url)
            with Library.open(settings) as library:
                ids = [a.id for a in library.add_many(_articles(articles))]
            close_pools()
            env = {**os.environ, "READER_DATA_DIR": str(settings.data_dir), "READER_CACHE_DIR": str(settings.cache_dir),
                   "READER_DATABASE_URL": database, "READER_REDIS_URL": redis_url, "READER_ENGINE": "gtts",
                   "READER_GTTS_URL": google.url, "READER_GTTS_MAX_CONCURRENCY": str(cap)}
            for article_id in ids:
                jobs.enqueue_audio(settings, article_id)
            began, cpu = time.perf_counter(), _children_cpu()
            workers = [subprocess.Popen([sys.executable, "-m", "reader", "worker", "--burst"], cwd=REPO, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(count)]
            for worker in workers:
                worker.wait()
            wall, used = time.perf_counter() - began, _children_cpu() - cpu
            throttled = sum(1 for status in google.statuses if status == 429)
            floor = math.ceil(google.request_count / cap) * latency
            print(f"{count:>7} {wall:7.1f}s {floor:7.1f}s {used:7.1f}s {used / cores:7.1f}s "
                  f"{google.request_count:>9} {google.rpc_count:>7} {throttled:>5}")
            pg.drop_database(f"bench_workers_{run}")


def page_figures(pg: PostgresServer, count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        seconds = build_library(path, count)
        print(f"built a SQLite library of {count} articles in {seconds:.1f} s")
        database = pg.create_database("bench_pages")
        began = time.perf_counter()
        with Library(path) as source, Library.open(Settings(database_url=database)) as target:
            copy_library(source, target)
        print(f"db copy to PostgreSQL: {time.perf_counter() - began:.1f} s")
        with Library.open(Settings(database_url=database)) as library:
            library.rows("VACUUM ANALYZE")  # what autovacuum does within a minute of the copy
            total = library.count()

            def search_page(query: str) -> None:  # what the search page asks: the total and 20 headlines
                library.search_count(query)
                library.search_headlines(query, PAGE)

            rows = [
                ("list, first page of 20", lambda: library.list(limit=PAGE, offset=0)),
                ("headlines, first page of 20", lambda: library.headlines(PAGE, 0)),
                ("list, middle page", lambda: library.list(limit=PAGE, offset=total // 2)),
                ("list, last page", lambda: library.list(limit=PAGE, offset=max(0, total - PAGE))),
                ("count()", library.count),
                ("search 'an bien', first 20", lambda: library.search("an bien", limit=PAGE)),
                ("search 'trieu cuong ven bien', first 20", lambda: library.search("trieu cuong ven bien", limit=PAGE)),
                ("search_count('an bien')", lambda: library.search_count("an bien")),
            ]
            for query in SEARCHES:
                rows.append((f"search page {query!r}: count + 20", lambda q=query: search_page(q)))
            print(f"{'PostgreSQL, ' + str(total) + ' articles':46} {'median':>9} {'p95':>9}")
            for label, action in rows:
                median, p95 = timed(action, runs)
                print(f"{label:46} {median:7.2f}ms {p95:7.2f}ms")
            for query in SEARCHES:
                print(f"{query!r} matches {library.search_count(query)} articles")
        close_pools()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.25)
    parser.add_argument("--cap", type=int, default=8)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    pg, redis_server = PostgresServer().start(), RedisServer().start()
    try:
        if args.workers and args.jobs:
            worker_figures(pg, redis_server, args.workers, args.jobs, args.latency, args.cap)
        if args.articles:
            page_figures(pg, args.articles, args.runs)
    finally:
        close_pools()
        pg.stop()
        redis_server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
