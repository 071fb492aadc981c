"""Speed of the speech script, and how many requests it costs beside plain gTTS.

Builds a realistic district-news article of about 5,000 characters from the bundled
samples, times ``build_script`` (normalize + sentences + chunks) after a warm-up, and
counts requests: one per chunk for us, one per token of gTTS's own tokenizer for plain
gTTS (``gTTS._tokenize`` runs offline; nothing here touches the network). Over all the
sample articles it compares our chunks, which are never cut inside a word, a number with
its unit or a name, with the fewest chunks possible when cuts may fall anywhere between
words (what the chunker did before), and counts the cuts inside a unit of each.

Run from the repository root:  python -m bench.speech_bench  [--runs N] [--chars N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: python bench/speech_bench.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gtts import gTTS  # noqa: E402

from reader.articles.samples import load_samples  # noqa: E402
from reader.speech.script import SpeechScript, build_script  # noqa: E402
from reader.speech.segment import INSIDE_UNIT, cut_costs, split_sentences  # noqa: E402

TARGET_MS = 50.0


def district_article(chars: int = 5000) -> list[str]:
    """``[title, *paragraphs]`` of about ``chars`` characters: the samples, back to back,
    cut at the last whole sentence that fits."""
    samples = load_samples()
    paragraphs = [samples[0].title]
    total = len(paragraphs[0])
    for article in samples:
        for paragraph in article.paragraphs:
            kept = []
            for sentence in split_sentences(paragraph):
                if total + len(sentence) + 1 > chars:
                    break
                kept.append(sentence)
                total += len(sentence) + 1
            if kept:
                paragraphs.append(" ".join(kept))
            if len(kept) < len(split_sentences(paragraph)):
                return paragraphs
    return paragraphs


def gtts_requests(text: str) -> int:
    """Requests plain gTTS makes for ``text``: one per token of its own tokenizer."""
    tts = gTTS(text, lang="vi")
    return len(tts._tokenize(tts.text))


def time_runs(paragraphs: list[str], runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        build_script(paragraphs)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_script(paragraphs)
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(paragraphs: list[str], script: SpeechScript, cold_ms: float, times: list[float]) -> str:
    raw = "\n".join(paragraphs)
    spoken = "\n".join(s.spoken for _, _, s in script.sentences())
    chunks = [c for _, _, s in script.sentences() for c in s.chunks]
    median, p95 = statistics.median(times), percentile(times, 0.95)
    verdict = "under" if median < TARGET_MS else "OVER"
    rows = [
        ("plain gTTS, written text", len(raw), gtts_requests(raw)),
        ("plain gTTS, our spoken text", len(spoken), gtts_requests(spoken)),
        ("this reader (packed chunks)", sum(len(c) for c in chunks), len(chunks)),
    ]
    lines = [
        f"article: {len(raw)} characters, {len(paragraphs)} paragraphs, "
        f"{sum(1 for _ in script.sentences())} sentences",
        f"build_script: first run {cold_ms:.1f} ms (cold caches); "
        f"{len(times)} runs: median {median:.1f} ms, p95 {p95:.1f} ms "
        f"({verdict} the {TARGET_MS:.0f} ms target)",
        "",
        f"{'requests to Google':<30} {'characters':>10} {'requests':>9} {'chars/request':>14}",
    ]
    for name, size, requests in rows:
        lines.append(f"{name:<30} {size:>10} {requests:>9} {size / requests:>14.1f}")
    lines.append(f"longest chunk: {max(map(len, chunks))} characters")
    return "\n".join(lines)


def fewest_pieces(words: list[str], max_chars: int = 100) -> list[list[str]]:
    """Greedy packing, cutting anywhere between words: the fewest pieces there can be."""
    pieces: list[list[str]] = []
    length = max_chars + 1
    for word in words:
        if length + 1 + len(word) > max_chars:
            pieces.append([word])
            length = len(word)
        else:
            pieces[-1].append(word)
            length += 1 + len(word)
    return pieces


def cuts_inside_units(pieces: list[list[str]]) -> int:
    words = [w for piece in pieces for w in piece]
    costs = cut_costs(words)
    ends = [sum(len(p) for p in pieces[: k + 1]) - 1 for k in range(len(pieces) - 1)]
    return sum(costs[e] == INSIDE_UNIT for e in ends)


def sample_requests() -> str:
    """Requests and cuts inside a unit over every sample article, fewest vs ours."""
    fewest = ours = fewest_bad = ours_bad = 0
    for article in load_samples():
        script = build_script([article.title, *article.paragraphs])
        for _, _, sentence in script.sentences():
            greedy = fewest_pieces(sentence.spoken.split())
            fewest += len(greedy)
            fewest_bad += cuts_inside_units(greedy)
            ours += len(sentence.chunks)
            ours_bad += cuts_inside_units([c.split() for c in sentence.chunks])
    return "\n".join([
        f"all {len(load_samples())} sample articles{'':<9} {'requests':>9} {'cuts inside a unit':>19}",
        f"{'fewest pieces, any cut':<30} {fewest:>9} {fewest_bad:>19}",
        f"{'this reader, no cut in a word':<30} {ours:>9} {ours_bad:>19}",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="timed runs (default 50)")
    parser.add_argument("--chars", type=int, default=5000, help="article size (default 5000)")
    args = parser.parse_args(argv)
    paragraphs = district_article(args.chars)
    start = time.perf_counter()
    script = build_script(paragraphs)
    cold_ms = (time.perf_counter() - start) * 1000
    print(report(paragraphs, script, cold_ms, time_runs(paragraphs, args.runs)))
    print()
    print(sample_requests())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
