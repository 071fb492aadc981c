"""Article audio: plain gTTS side by side with the reader, on the same fake Google.

Run from the repository root:
    .venv/bin/python -m bench.audio_bench [--latency 0.25] [--cap 8] [--chars 5000]

The fake batchexecute endpoint (tests/fakes/google.py, on 127.0.0.1) answers after
``--latency`` seconds and refuses with 429 any request beyond ``--cap`` in flight,
as Google does with bursts. On one district-news article of about ``--chars``
characters (the bundled samples back to back) it prints, side by side:

  - plain gTTS 2.5.4 (its host pointed at the fake, nothing else changed) against the
    reader: requests, whole-article time, and the floor ceil(requests / cap) x latency
    (the least any client can take while keeping to the cap);
  - the same with one chunk a request (``READER_GTTS_BATCH_SIZE=1``), as the floor
    then counts;
  - the reader's first sentence ready (the title), the first playable part (title and
    first paragraph: what a listener waits for first), all clips ready, and the whole
    article rendered (clips + assembly);
  - the same article again (requests: none expected);
  - 20 % of requests refused at random with 429: plain gTTS against the reader;
  - ``pregenerate --all --jobs 8`` over the sample articles against its floor.
Each cold run starts with a fresh cache and a fresh adaptive limit.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Callable

import gtts.tts

from bench.speech_bench import district_article
from reader import cli
from reader.articles.library import Library
from reader.articles.samples import ensure_samples
from reader.audio.cache import ClipCache
from reader.audio.engines import GttsEngine
from reader.audio.limiter import forget_limiters, limiter_for
from reader.audio.render import render, render_parts
from reader.audio.synthesize import iter_sentence_clips
from reader.config import Settings
from reader.errors import ReaderError
from reader.speech.script import build_script
from tests.fakes.google import FakeGoogle


def plain_gtts(text: str, google: FakeGoogle) -> None:
    """gTTS as shipped, only its host pointed at the fake (the name it imported)."""
    original = gtts.tts._translate_url
    gtts.tts._translate_url = lambda tld="com", path="": google.url
    try:
        with open(os.devnull, "wb") as sink:
            gtts.tts.gTTS(text, lang="vi").write_to_fp(sink)
    finally:
        gtts.tts._translate_url = original


class Run:
    """Wall time, requests and 429s seen by the fake during one action, and how it ended."""

    def __init__(self, google: FakeGoogle, action: Callable[[], object]) -> None:
        before, refused_before, connections = google.request_count, google.statuses.count(429), google.connections
        rpcs_before = google.rpc_count
        start, started, cpu = time.perf_counter(), time.monotonic(), cpu_seconds()
        self.outcome = "ok"
        try:
            action()
        except (gtts.tts.gTTSError, ReaderError) as exc:
            self.outcome = f"failed ({type(exc).__name__})"
        self.seconds = time.perf_counter() - start
        self.cpu = cpu_seconds() - cpu
        self.requests = google.request_count - before
        self.rpcs = google.rpc_count - rpcs_before
        self.refused = google.statuses.count(429) - refused_before
        self.connections = google.connections - connections
        # When the last answer left the fake: the rest of the time is assembly.
        self.last_answer = max((t - started for t, _, _ in google.events[before:]), default=0.0)


def cpu_seconds() -> float:
    """CPU time of this process (every thread, the fake included) and its finished children (ffmpeg)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def floor_seconds(requests: int, cap: int, latency: float) -> float:
    return math.ceil(requests / cap) * latency


def first_and_all(script, settings: Settings) -> tuple[float, float]:
    """Seconds until the first sentence's clips exist, and until all do (cold)."""
    start = time.perf_counter()
    first = None
    for _ in iter_sentence_clips(script, GttsEngine(settings), ClipCache(settings.cache_dir)):
        first = time.perf_counter() - start if first is None else first
    return first or 0.0, time.perf_counter() - start


def first_part(script, settings: Settings) -> tuple[float, float, float, float]:
    """Seconds until the first playable part (title + first paragraph), and until all parts
    (cold); wall time, then CPU time."""
    start, cpu = time.perf_counter(), cpu_seconds()
    first = None
    for _ in render_parts(script, settings):
        if first is None:
            first = time.perf_counter() - start, cpu_seconds() - cpu
    return first[0], time.perf_counter() - start, first[1], cpu_seconds() - cpu


def pregenerate(tmp: Path, args: argparse.Namespace) -> tuple[Run, int]:
    """``pregenerate --all --jobs 8 --engine gtts`` over the samples, in this process."""
    with FakeGoogle(latency=args.latency, max_in_flight=args.cap) as google:
        env = {"READER_DATA_DIR": str(tmp / "pre-data"), "READER_CACHE_DIR": str(tmp / "pre-cache"),
               "READER_GTTS_URL": google.url, "READER_GTTS_MAX_CONCURRENCY": str(args.cap)}
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            with Library.open(Settings.from_env()) as library:
                articles = ensure_samples(library)
            with open(os.devnull, "w") as sink, _quiet(sink):
                forget_limiters()
                run = Run(google, lambda: cli.main(["pregenerate", "--all", "--jobs", "8", "--engine", "gtts"]))
        finally:
            for k, v in saved.items():
                os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
        return run, articles


class _quiet:
    """Send stdout and stderr to ``sink`` (the CLI's progress bar and ids)."""

    def __init__(self, sink) -> None:
        self.sink = sink

    def __enter__(self) -> None:
        import contextlib

        self._stack = contextlib.ExitStack()
        self._stack.enter_context(contextlib.redirect_stdout(self.sink))
        self._stack.enter_context(contextlib.redirect_stderr(self.sink))

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.25, help="seconds per fake Google reply (default 0.25)")
    parser.add_argument("--cap", type=int, default=8, help="requests in flight the fake takes before 429 (default 8)")
    parser.add_argument("--chars", type=int, default=5000, help="article size (default 5000)")
    parser.add_argument("--throttle-rate", type=float, default=0.2, help="share of random 429s (default 0.2)")
    args = parser.parse_args()
    paragraphs = district_article(args.chars)
    text = "\n".join(paragraphs)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)

        def settings_in(name: str, url: str) -> Settings:
            return Settings(data_dir=tmp / "data", cache_dir=tmp / name, gtts_url=url, engine="gtts",
                            gtts_max_concurrency=args.cap)

        with FakeGoogle(latency=args.latency, max_in_flight=args.cap) as google:
            base = settings_in("cache-1", google.url)
            script = build_script(paragraphs, base)
            plain = Run(google, lambda: plain_gtts(text, google))
            forget_limiters()
            clips_settings = settings_in("cache-clips", google.url)
            before, connections_before = google.request_count, google.connections
            first, all_clips = first_and_all(script, clips_settings)
            clips_requests = google.request_count - before
            clips_connections = google.connections - connections_before
            forget_limiters()
            part, parts, part_cpu, parts_cpu = first_part(script, settings_in("cache-parts", google.url))
            forget_limiters()
            cold = Run(google, lambda: render(script, base))
            width = limiter_for(google.url, base).width
            peak = google.peak_in_flight
            again = Run(google, lambda: render(script, base))
            forget_limiters()
            single = Run(google, lambda: render(script, settings_in("cache-single", google.url).with_(gtts_batch_size=1)))

        with FakeGoogle(latency=args.latency, max_in_flight=args.cap, throttle_rate=args.throttle_rate, seed=1) as google:
            forget_limiters()
            storm_plain = Run(google, lambda: plain_gtts(text, google))
            storm_reader = Run(google, lambda: render(script, settings_in("cache-storm", google.url)))

        pre, articles = pregenerate(tmp, args)

    floor = floor_seconds(cold.requests, args.cap, args.latency)
    print(f"fake Google: {args.latency * 1000:.0f} ms a request, 429 beyond {args.cap} in flight; "
          f"article of {len(text)} characters\n")
    print(f"{'':34} {'plain gTTS':>12} {'reader':>12}   reader vs plain")
    print(f"{'requests':34} {plain.requests:>12} {cold.requests:>12}   {cold.requests / plain.requests:.2f}x")
    print(f"{'chunks asked (RPCs)':34} {plain.rpcs:>12} {cold.rpcs:>12}   "
          f"{cold.rpcs / plain.rpcs:.2f}x (up to {base.gtts_batch_size} a request)")
    print(f"{'whole article (s)':34} {plain.seconds:>12.2f} {cold.seconds:>12.2f}   "
          f"{plain.seconds / cold.seconds:.1f}x faster")
    print(f"{'  CPU, with the fake and ffmpeg (s)':34} {plain.cpu:>12.2f} {cold.cpu:>12.2f}")
    print(f"{'floor ceil(requests/cap) x latency':34} {floor_seconds(plain.requests, args.cap, args.latency):>12.2f} "
          f"{floor:>12.2f}   reader at {cold.seconds / floor:.2f}x its floor")
    single_floor = floor_seconds(single.requests, args.cap, args.latency)
    print(f"{'  one chunk a request (s)':34} {'':>12} {single.seconds:>12.2f}   "
          f"({single.requests} requests, floor {single_floor:.2f} s: {single.seconds / single_floor:.2f}x; "
          "READER_GTTS_BATCH_SIZE=1)")
    print(f"{'first sentence ready (s)':34} {'':>12} {first:>12.2f}")
    print(f"{'first part playable (s)':34} {'':>12} {part:>12.2f}   "
          f"(title + first paragraph; all parts and the whole MP3: {parts:.2f} s)")
    print(f"{'  CPU (s)':34} {'':>12} {part_cpu:>12.2f}   (all parts and the whole MP3: {parts_cpu:.2f} s)")
    print(f"{'all clips ready (s)':34} {'':>12} {all_clips:>12.2f}   "
          f"{all_clips / floor_seconds(clips_requests, args.cap, args.latency):.2f}x the floor")
    print(f"{'most in flight at the fake':34} {1:>12} {peak:>12}   limit learned: {width}")
    print(f"{'TCP connections opened':34} {plain.connections:>12} {clips_connections:>12}   "
          f"(then {cold.connections} for the whole render: kept alive)")
    print(f"{'429s received':34} {plain.refused:>12} {cold.refused:>12}")
    print(f"{'last answer from the fake (s)':34} {plain.last_answer:>12.2f} {cold.last_answer:>12.2f}   "
          f"(the rest of the reader's time is assembly)")
    print(f"{'same article again: requests':34} {'':>12} {again.requests:>12}   ({again.seconds * 1000:.0f} ms)")
    print(f"\n{int(args.throttle_rate * 100)} % random 429:")
    print(f"{'  outcome':34} {storm_plain.outcome:>12} {storm_reader.outcome:>12}")
    print(f"{'  requests (429s)':34} {f'{storm_plain.requests} ({storm_plain.refused})':>12} "
          f"{f'{storm_reader.requests} ({storm_reader.refused})':>12}")
    print(f"{'  time (s)':34} {storm_plain.seconds:>12.2f} {storm_reader.seconds:>12.2f}")
    pre_floor = floor_seconds(pre.requests, args.cap, args.latency)
    print(f"\npregenerate --all --jobs 8, {articles} sample articles: {pre.requests} requests, "
          f"{pre.refused} refused, {pre.seconds:.2f} s ({pre.cpu:.2f} s CPU); floor {pre_floor:.2f} s ({pre.seconds / pre_floor:.2f}x); "
          f"last answer at {pre.last_answer:.2f} s ({pre.last_answer / pre_floor:.2f}x the floor)")


if __name__ == "__main__":
    main()
