"""Offline voice, cold: the reader's whole article against espeak-ng alone on the same text.

Run from the repository root:  .venv/bin/python -m bench.assembly_bench [--chars 5000] [--runs 3]

For a district-news article of about ``--chars`` characters (the samples back to back),
each run on an empty cache:
  - espeak-ng alone on the article's spoken text, as one process (the least it can take),
    and once per chunk one after another (what any reader that caches chunks must run);
  - the reader's `render` with the offline voice: WAV clips, one ffmpeg process decoding
    them all, loudness measured and the MP3 encoded once; with where the time goes;
  - `render_parts`: when the first part (title and first paragraph) is playable, and
    when the whole article is stored.
Printed: medians over ``--runs`` of wall time and of CPU time (this process and its
children: what the work costs, whatever else the machine is doing), and the ratio
the issue asks for (within 3x of espeak-ng).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.speech_bench import district_article
from reader.audio import assemble as assembly
from reader.audio import codec
from reader.audio.cache import ClipCache
from reader.audio.engines import EspeakEngine
from reader.audio.render import render, render_parts
from reader.audio.synthesize import synthesize_script
from reader.config import Settings
from reader.speech.script import build_script


class Clock:
    """Wall and CPU seconds since it was made (CPU: this process and its finished children)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), _cpu()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, _cpu() - self.cpu


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def espeak_alone(settings: Settings, texts: list[str]) -> tuple[float, float]:
    clock = Clock()
    for text in texts:
        subprocess.run([settings.espeak_binary, "-v", settings.espeak_voice, "-s",
                        str(settings.espeak_words_per_minute), "--stdout"],
                       input=text.encode("utf-8"), capture_output=True, check=True)
    return clock.read()


def fresh(tmp: Path, run: int, name: str) -> Settings:
    return Settings(data_dir=tmp / "data", cache_dir=tmp / f"{name}-{run}", engine="espeak")


def stages(settings: Settings, script) -> dict[str, tuple[float, float]]:
    """One cold render taken apart: where the time goes."""
    times: dict[str, tuple[float, float]] = {}
    clock = Clock()
    sentences = synthesize_script(script, EspeakEngine(settings), ClipCache(settings.cache_dir))
    times["espeak-ng clips (WAV)"] = clock.read()
    clock = Clock()
    decoded = assembly.decode_clips(sentences, settings)
    times["decode (WAV clips read as they are)"] = clock.read()
    joined = assembly.join(sentences, decoded, settings)
    clock = Clock()
    level = assembly.gain(joined, settings)
    times["loudness"] = clock.read()
    clock = Clock()
    assembly.encode(joined, settings, level)
    times["encode"] = clock.read()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=5000, help="article size (default 5000)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs to take the median of (default 3)")
    args = parser.parse_args(argv)
    paragraphs = district_article(args.chars)
    base = Settings(engine="espeak")
    script = build_script(paragraphs, base)
    spoken = [sentence.spoken for _, _, sentence in script.sentences()]
    chunks = [chunk for _, _, sentence in script.sentences() for chunk in sentence.chunks]
    rows: dict[str, list[tuple[float, float]]] = {}

    def note(name: str, seconds: tuple[float, float]) -> None:
        rows.setdefault(name, []).append(seconds)

    for rate in (codec.SAMPLE_RATE, 22050):  # measured once per process, not per article
        codec.encoder_gain_db(base.mp3_bitrate, base, rate)
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            note("espeak-ng alone, one process", espeak_alone(base, [" ".join(spoken)]))
            note("espeak-ng alone, per chunk", espeak_alone(base, chunks))
            settings = fresh(Path(tmp), run, "render")
            clock = Clock()
            rendering = render(script, settings)
            note("reader: render, cold", clock.read())
            settings = fresh(Path(tmp), run, "parts")
            clock = Clock()
            for part in render_parts(script, settings):
                if part.index == 0:
                    note("reader: first part playable", clock.read())
            note("reader: parts, whole stored", clock.read())
            for name, seconds in stages(fresh(Path(tmp), run, "stages"), script).items():
                note(f"  of which {name}", seconds)
    median = {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
              for name, values in rows.items()}
    print(f"article: {sum(map(len, paragraphs))} characters, {len(chunks)} chunks, "
          f"{rendering.duration_ms / 1000:.0f} s of speech; median of {args.runs} cold runs")
    print(f"{'':<42} {'wall':>8} {'CPU':>8}")
    for name, (wall, cpu) in median.items():
        print(f"{name:<42} {wall:7.2f}s {cpu:7.2f}s")
    cold = median["reader: render, cold"]
    for alone in ("espeak-ng alone, one process", "espeak-ng alone, per chunk"):
        base_wall, base_cpu = median[alone]
        print(f"render / {alone:<33} {cold[0] / base_wall:5.1f}x wall {cold[1] / base_cpu:5.1f}x CPU"
              "  (target: within 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
