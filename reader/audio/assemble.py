"""Join clips into article audio and the sentence timing map the player highlights with.

A sentence's chunks are joined with no gap (they are one breath of speech, cut only
for Google's 100-character limit); sentences are separated by
``settings.sentence_pause_ms`` and paragraphs by ``settings.paragraph_pause_ms`` so
that a slow listener can follow. In one pass: every distinct clip is decoded by one
ffmpeg process to mono 16-bit samples at 24 kHz (MP3 from Google, WAV from the
offline voice), the samples and pauses are joined here, so the timings are exact
sample counts, and the result is encoded once (`reader.audio.codec`): loudness
normalised, optionally slower, tagged.

Before decoding, every clip's structure is checked (`reader.audio.integrity`): a
clip cut short or with bytes after its last frame is reported together with those
ffmpeg cannot decode, so the caller can remake all of them at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from reader.audio.codec import (SAMPLE_RATE, SAMPLE_WIDTH, ClipDecodeError, clip_error, decode_many,
                                normalised_mp3)
from reader.audio.integrity import structure_problem
from reader.audio.synthesize import SentenceClips
from reader.config import Settings
from reader.errors import AssemblyError

__all__ = ["Assembled", "Joined", "ClipDecodeError", "SAMPLE_RATE", "assemble", "decode_clips", "encode", "join"]

log = logging.getLogger(__name__)

_BYTES_PER_MS = SAMPLE_RATE * SAMPLE_WIDTH / 1000


@dataclass(frozen=True)
class Joined:
    """Raw samples (mono, 16 bit, ``SAMPLE_RATE``) of sentences and pauses, and their timings."""

    pcm: bytes
    timings: list[dict]

    @property
    def duration_ms(self) -> int:
        return int(round(len(self.pcm) / _BYTES_PER_MS))


@dataclass(frozen=True)
class Assembled:
    """The article's MP3 bytes and its timing map."""

    mp3: bytes
    timings: list[dict]
    duration_ms: int


def spoken(sentences: Sequence[SentenceClips]) -> list[SentenceClips]:
    return [s for s in sentences if s.clips]


def decode_clips(sentences: Sequence[SentenceClips], settings: Settings, strict: bool = True) -> dict[Path, bytes]:
    """The samples of every clip; ``ClipDecodeError`` naming ALL the broken ones.

    With ``strict`` False a clip whose structure looks wrong but that ffmpeg decodes
    cleanly is used (and logged): for clips just made, a voice's unusual framing
    must not stop an article.
    """
    paths = list(dict.fromkeys(clip.path for sentence in sentences for clip in sentence.clips))
    broken = {path: reason for path in paths if (reason := structure_problem(path)) is not None}
    if broken and not strict:
        log.warning("clips with unusual structure, used as ffmpeg decodes them: %s", broken)
        broken = {}
    try:
        raw = decode_many([p for p in paths if p not in broken], settings)
    except ClipDecodeError as exc:
        broken.update({path: "ffmpeg cannot decode it" for path in exc.clip_paths})
        raise clip_error(broken) from None
    if broken:
        raise clip_error(broken)
    return raw


def _silence(ms: int) -> bytes:
    return b"\x00" * (int(round(ms * SAMPLE_RATE / 1000)) * SAMPLE_WIDTH)


def join(sentences: Sequence[SentenceClips], raw: Mapping[Path, bytes], settings: Settings,
         trailing_pause_ms: int = 0) -> Joined:
    """Sentences with their pauses, and ``trailing_pause_ms`` of silence after the last
    (for a part of an article that another part follows)."""
    chosen = spoken(sentences)
    if not chosen:
        raise AssemblyError("Nothing to assemble: the script has no speakable text")
    pieces: list[bytes] = []
    timings: list[dict] = []
    position = 0  # bytes so far
    previous: int | None = None
    for sentence in chosen:
        if previous is not None:
            gap = _silence(settings.sentence_pause_ms if sentence.paragraph == previous else settings.paragraph_pause_ms)
            pieces.append(gap)
            position += len(gap)
        start = position
        for clip in sentence.clips:
            pieces.append(raw[clip.path])
            position += len(raw[clip.path])
        timings.append({
            "start_ms": int(round(start / _BYTES_PER_MS)),
            "end_ms": int(round(position / _BYTES_PER_MS)),
            "paragraph": sentence.paragraph,
            "sentence": sentence.sentence,
            "text": sentence.text,
        })
        previous = sentence.paragraph
    pieces.append(_silence(trailing_pause_ms))
    return Joined(b"".join(pieces), timings)


def encode(joined: Joined, settings: Settings, tags: Mapping[str, str] | None = None,
           tempo: float = 1.0) -> Assembled:
    """One MP3 of ``joined``, loudness normalised; at ``tempo`` the timings are scaled too."""
    mp3 = normalised_mp3(joined.pcm, settings, tags=tags, tempo=tempo)
    if tempo == 1.0:
        return Assembled(mp3, joined.timings, joined.duration_ms)
    timings = [{**row, "start_ms": int(round(row["start_ms"] / tempo)), "end_ms": int(round(row["end_ms"] / tempo))}
               for row in joined.timings]
    return Assembled(mp3, timings, int(round(joined.duration_ms / tempo)))


def assemble(sentences: Sequence[SentenceClips], settings: Settings, tags: Mapping[str, str] | None = None,
             tempo: float = 1.0, strict: bool = True) -> Assembled:
    """The article audio: chunks joined, pauses between sentences and paragraphs, one MP3."""
    chosen = spoken(sentences)
    if not chosen:
        raise AssemblyError("Nothing to assemble: the script has no speakable text")
    return encode(join(chosen, decode_clips(chosen, settings, strict), settings), settings, tags, tempo)
