"""Join clips into article audio and the sentence timing map the player highlights with.

A sentence's chunks are joined with no gap (they are one breath of speech, cut only
for Google's 100-character limit); sentences are separated by
``settings.sentence_pause_ms`` and paragraphs by ``settings.paragraph_pause_ms`` so
that a slow listener can follow. In one pass: every distinct clip is decoded by one
ffmpeg process to mono 16-bit samples at 24 kHz (Google's MP3 clips joined frame by
frame into one stream when they allow it, `reader.audio.joined`; otherwise one input
a clip, and WAV from the offline voice when mixed with them), or, when all clips are WAV at one rate (an
article read by the offline voice), read as they are at their own rate; the samples
and pauses are joined here, so the timings are exact sample counts, and the result
is encoded once (`reader.audio.codec`): loudness normalised, optionally slower, tagged.

Before decoding, every clip's structure is checked (`reader.audio.integrity`): a
clip cut short or with bytes after its last frame is reported together with those
ffmpeg cannot decode, so the caller can remake all of them at once.
"""

from __future__ import annotations

import logging
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from reader.audio.codec import SAMPLE_RATE, SAMPLE_WIDTH, ClipDecodeError, article_gain, clip_error, decode_many
from reader.audio.integrity import structure_problem
from reader.audio.joined import decode_joined
from reader.audio.stream import ENCODER_DELAY, ArticleEncoder
from reader.audio.synthesize import SentenceClips
from reader.config import Settings
from reader.errors import AssemblyError

__all__ = ["Assembled", "Decoded", "Joined", "ClipDecodeError", "SAMPLE_RATE", "assemble", "decode_clips",
           "encode", "gain", "heard_ms", "join", "remove_broken", "spoken"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decoded:
    """Every clip's raw samples (mono, 16 bit) at one ``rate``."""

    rate: int
    samples: dict[Path, bytes]


@dataclass(frozen=True)
class Joined:
    """Raw samples (mono, 16 bit, at ``rate``) of sentences and pauses, and their timings."""

    pcm: bytes
    timings: list[dict]
    rate: int = SAMPLE_RATE

    @property
    def duration_ms(self) -> int:
        return int(round(len(self.pcm) * 1000 / (self.rate * SAMPLE_WIDTH)))


@dataclass(frozen=True)
class Assembled:
    """The article's MP3 bytes and its timing map."""

    mp3: bytes
    timings: list[dict]
    duration_ms: int


def remove_broken(exc: ClipDecodeError) -> None:
    """Remove every clip ``exc`` names, so that they are all made again at once."""
    log.warning("%s; removing them and making them again", exc)
    for path in exc.clip_paths:
        path.unlink(missing_ok=True)


def spoken(sentences: Sequence[SentenceClips]) -> list[SentenceClips]:
    return [s for s in sentences if s.clips]


def decode_clips(sentences: Sequence[SentenceClips], settings: Settings, strict: bool = True,
                 known: Mapping[Path, bytes] | None = None, rate: int | None = None) -> Decoded:
    """The samples of every clip; ``ClipDecodeError`` naming ALL the broken ones.

    ``rate`` is the rate wanted (None: WAV clips of one rate at their own, anything
    else at ``SAMPLE_RATE``). ``known`` holds clips already decoded at ``SAMPLE_RATE``. With ``strict`` False a
    clip whose structure looks wrong or that ffmpeg complains about, but that still
    decodes, is used (and logged): for clips just made again, a voice's unusual framing
    must not stop an article.
    """
    known = known or {}
    paths = list(dict.fromkeys(clip.path for sentence in sentences for clip in sentence.clips))
    broken = {path: reason for path in paths if (reason := structure_problem(path)) is not None}
    if broken and not strict:
        log.warning("clips with unusual structure, used as ffmpeg decodes them: %s", broken)
        broken = {}
    native = None if broken else _read_wavs(paths)
    if native is not None and rate in (None, native.rate):
        return native
    rate = rate or SAMPLE_RATE
    known = known if rate == SAMPLE_RATE else {}
    fresh: dict[Path, bytes] = {}
    todo = [p for p in paths if p not in known and p not in broken]
    try:
        fresh = (None if broken else decode_joined(todo, settings, rate)) or decode_many(todo, settings, strict, rate)
    except ClipDecodeError as exc:
        broken.update({path: "ffmpeg cannot decode it" for path in exc.clip_paths})
    if broken:
        raise clip_error(broken)
    return Decoded(rate, {path: known[path] if path in known else fresh[path] for path in paths})


def _read_wavs(paths: Sequence[Path]) -> Decoded | None:
    """The clips' samples as they are, if every one is a mono 16-bit WAV at one rate."""
    if not paths or any(path.suffix != ".wav" for path in paths):
        return None
    samples, rates = {}, set()
    for path in paths:
        try:
            with wave.open(str(path), "rb") as w:
                if w.getnchannels() != 1 or w.getsampwidth() != SAMPLE_WIDTH:
                    return None
                rates.add(w.getframerate())
                samples[path] = w.readframes(w.getnframes())
        except (OSError, EOFError, wave.Error):
            return None
    return Decoded(rates.pop(), samples) if len(rates) == 1 else None


def _silence(ms: int, rate: int) -> bytes:
    return b"\x00" * (int(round(ms * rate / 1000)) * SAMPLE_WIDTH)


def join(sentences: Sequence[SentenceClips], decoded: Decoded, settings: Settings,
         trailing_pause_ms: int = 0) -> Joined:
    """Sentences with their pauses, and ``trailing_pause_ms`` of silence after the last
    (for a part of an article that another part follows)."""
    chosen = spoken(sentences)
    if not chosen:
        raise AssemblyError("Nothing to assemble: the script has no speakable text")
    rate, raw = decoded.rate, decoded.samples
    bytes_per_ms = rate * SAMPLE_WIDTH / 1000
    pieces: list[bytes] = []
    timings: list[dict] = []
    position = 0  # bytes so far
    previous: int | None = None
    for sentence in chosen:
        if previous is not None:
            pause = settings.sentence_pause_ms if sentence.paragraph == previous else settings.paragraph_pause_ms
            gap = _silence(pause, rate)
            pieces.append(gap)
            position += len(gap)
        start = position
        for clip in sentence.clips:
            pieces.append(raw[clip.path])
            position += len(raw[clip.path])
        timings.append({
            "start_ms": int(round(start / bytes_per_ms)),
            "end_ms": int(round(position / bytes_per_ms)),
            "paragraph": sentence.paragraph,
            "sentence": sentence.sentence,
            "text": sentence.text,
        })
        previous = sentence.paragraph
    pieces.append(_silence(trailing_pause_ms, rate))
    return Joined(b"".join(pieces), timings, rate)


def heard_ms(fed_ms: float, rate: int, tempo: float = 1.0) -> int:
    """Where a player of the encoded stream hears what was fed at ``fed_ms`` (`reader.audio.stream`)."""
    return int(round(fed_ms / tempo + ENCODER_DELAY * 1000 / rate))


def encode(joined: Joined, settings: Settings, gain_db: float | None, tags: Mapping[str, str] | None = None,
           tempo: float = 1.0) -> Assembled:
    """One MP3 of ``joined`` at ``gain_db`` (from `gain`); at ``tempo`` the timings are scaled too."""
    encoder = ArticleEncoder(settings, joined.rate, gain_db, tags, tempo)
    try:
        encoder.feed(joined.pcm)
        mp3 = encoder.finish()
    finally:
        encoder.close()
    timings = [{**row, "start_ms": heard_ms(row["start_ms"], joined.rate, tempo),
                "end_ms": heard_ms(row["end_ms"], joined.rate, tempo)} for row in joined.timings]
    duration = int(round(encoder.frame_count * encoder.samples_per_frame * 1000 / joined.rate))
    return Assembled(mp3, timings, duration)


def gain(joined: Joined, settings: Settings) -> float | None:
    """The gain that brings ``joined`` to the target loudness (None: silent)."""
    return article_gain(joined.pcm, settings, joined.rate)


def assemble(sentences: Sequence[SentenceClips], settings: Settings, tags: Mapping[str, str] | None = None,
             tempo: float = 1.0, strict: bool = True) -> Assembled:
    """The article audio: chunks joined, pauses between sentences and paragraphs, one MP3
    at the target loudness."""
    chosen = spoken(sentences)
    if not chosen:
        raise AssemblyError("Nothing to assemble: the script has no speakable text")
    joined = join(chosen, decode_clips(chosen, settings, strict), settings)
    return encode(joined, settings, gain(joined, settings), tags, tempo)
