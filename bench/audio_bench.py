"""Article audio: plain gTTS side by side with the reader, on the same fake Google.

Run from the repository root:  .venv/bin/python -m bench.audio_bench [--latency 0.15]

Each sample article is read (title, then body) by
  - plain gTTS 2.5.4 on the article's raw text, as most readers do it, and
  - the reader's `render` (spoken form, packed chunks, clip cache, assembly),
against one local fake batchexecute endpoint that answers after `--latency` seconds
(Google answers in roughly 0.1-0.3 s). Printed: requests sent, wall time, and what
happens on a second request for the same article and under a burst of 429s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import gtts.tts

from reader.articles.samples import load_samples
from reader.audio.render import render
from reader.config import Settings
from reader.errors import ReaderError
from reader.speech.script import build_script
from tests.fakes.google import FakeGoogle, PATH


def plain_gtts(text: str, google: FakeGoogle) -> None:
    """gTTS as shipped, only its host pointed at the fake (the name it imported)."""
    original = gtts.tts._translate_url
    gtts.tts._translate_url = lambda tld="com", path="": f"http://127.0.0.1:{google.port}{PATH}"
    try:
        with open(os.devnull, "wb") as sink:
            gtts.tts.gTTS(text, lang="vi").write_to_fp(sink)
    finally:
        gtts.tts._translate_url = original


def measure(action, google: FakeGoogle) -> tuple[float, int, str]:
    before = google.request_count
    start = time.perf_counter()
    outcome = "ok"
    try:
        action()
    except (gtts.tts.gTTSError, ReaderError) as exc:
        outcome = f"failed: {type(exc).__name__}"
    return time.perf_counter() - start, google.request_count - before, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.15, help="seconds per fake Google reply")
    args = parser.parse_args()
    articles = load_samples()
    rows = []
    with FakeGoogle(latency=args.latency) as google, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp) / "data", cache_dir=Path(tmp) / "cache", gtts_url=google.url,
            engine="gtts", gtts_backoff=0.05,
        )
        for article in articles:
            text = "\n".join([article.title, *article.paragraphs])
            script = build_script([article.title, *article.paragraphs], settings)
            plain = measure(lambda: plain_gtts(text, google), google)
            cold = measure(lambda: render(script, settings), google)
            warm = measure(lambda: render(script, settings), google)
            rows.append((article.title[:38], len(text), plain, cold, warm))

        google.throttle(2)
        burst_plain = measure(lambda: plain_gtts(text, google), google)
        google.reset()
        google.latency = args.latency
        storm_settings = settings.with_(cache_dir=Path(tmp) / "cache-storm")
        google.throttle(2)
        burst_reader = measure(lambda: render(script, storm_settings), google)

    print(f"fake Google latency {args.latency * 1000:.0f} ms per request; {len(rows)} sample articles\n")
    print(f"{'article':40} {'chars':>6} | {'plain gTTS':>17} | {'reader, first':>17} | {'reader, again':>15}")
    print(f"{'':40} {'':>6} | {'requests':>8} {'time':>8} | {'requests':>8} {'time':>8} | {'requests':>8} {'time':>6}")
    for title, chars, plain, cold, warm in rows:
        print(
            f"{title:40} {chars:>6} | {plain[1]:>8} {plain[0]:>7.2f}s | {cold[1]:>8} {cold[0]:>7.2f}s "
            f"| {warm[1]:>8} {warm[0]:>5.2f}s"
        )
    total = lambda i, j: sum(r[i][j] for r in rows)  # noqa: E731
    print(
        f"{'total':40} {sum(r[1] for r in rows):>6} | {total(2, 1):>8} {total(2, 0):>7.2f}s | "
        f"{total(3, 1):>8} {total(3, 0):>7.2f}s | {total(4, 1):>8} {total(4, 0):>5.2f}s"
    )
    saved = 1 - total(3, 1) / total(2, 1)
    print(f"\nrequests saved by the reader on first reading: {saved:.0%}")
    print(f"median warm re-read: {statistics.median(r[4][0] for r in rows) * 1000:.0f} ms")
    print(f"\nburst of two 429 replies, last article: plain gTTS {burst_plain[2]} after {burst_plain[1]} requests; "
          f"reader {burst_reader[2]} after {burst_reader[1]} requests")


if __name__ == "__main__":
    main()
