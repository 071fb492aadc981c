"""Join clips into one article MP3 and the sentence timing map the player highlights with.

A sentence's chunks are joined with no gap (they are one breath of speech, cut only
for Google's 100-character limit); sentences are separated by
``settings.sentence_pause_ms`` and paragraphs by ``settings.paragraph_pause_ms`` so
that a slow listener can follow. All clips are decoded to one format (mono, 16 bit,
24 kHz) and joined as raw samples, so the timings are
exact sample counts rather than sums of rounded durations. Each distinct clip is
decoded once, by ffmpeg processes running side by side.
"""

from __future__ import annotations

import io
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from pydub import AudioSegment
from pydub.exceptions import CouldntEncodeError

from reader.audio.synthesize import SentenceClips
from reader.config import Settings
from reader.errors import AssemblyError

_SAMPLE_WIDTH = 2
# Google's own rate; espeak-ng's 22050 Hz clips are resampled up to it.
SAMPLE_RATE = 24000
DECODE_TIMEOUT = 60.0


@dataclass(frozen=True)
class Assembled:
    """The article's MP3 bytes and its timing map."""

    mp3: bytes
    timings: list[dict]
    duration_ms: int


class ClipDecodeError(AssemblyError):
    """One clip in the cache is not decodable audio; ``clip_path`` names it."""

    def __init__(self, message: str, clip_path: Path) -> None:
        super().__init__(message)
        self.clip_path = clip_path


def _ffmpeg_missing() -> AssemblyError:
    return AssemblyError("ffmpeg (and ffprobe) were not found: install the Debian package ffmpeg")


def decode_clip(path: Path) -> bytes:
    """One cached MP3 clip as raw mono 16-bit PCM at ``SAMPLE_RATE``; ``ClipDecodeError`` if damaged.

    ffmpeg is called directly (pydub's loader also runs ffprobe: twice the processes).
    """
    command = [AudioSegment.converter, "-nostdin", "-v", "error", "-i", str(path),
               "-f", "s16le", "-ac", "1", "-ar", str(SAMPLE_RATE), "pipe:1"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=DECODE_TIMEOUT)
    except FileNotFoundError:
        raise _ffmpeg_missing() from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AssemblyError(f"ffmpeg could not be run on {path}: {exc}") from None
    if done.returncode != 0 or not done.stdout:
        if not path.exists():
            raise ClipDecodeError(f"Clip {path} disappeared from the cache during assembly", path)
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no audio"]
        raise ClipDecodeError(f"Clip {path} is not decodable MP3 (damaged cache file?): {reason[0]}", path)
    return done.stdout[: len(done.stdout) // _SAMPLE_WIDTH * _SAMPLE_WIDTH]


def decode_all(paths: Sequence[Path]) -> dict[Path, bytes]:
    """Every distinct clip decoded, several ffmpeg processes at a time."""
    unique = list(dict.fromkeys(paths))
    workers = max(1, min(len(unique), os.cpu_count() or 1, 8))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(unique, pool.map(decode_clip, unique)))


def assemble(sentences: Sequence[SentenceClips], settings: Settings) -> Assembled:
    """The article audio: chunks joined, pauses between sentences and paragraphs, one MP3."""
    spoken = [s for s in sentences if s.clips]
    if not spoken:
        raise AssemblyError("Nothing to assemble: the script has no speakable text")
    raw = decode_all([clip.path for sentence in spoken for clip in sentence.clips])
    frame_rate = SAMPLE_RATE
    bytes_per_ms = frame_rate * _SAMPLE_WIDTH / 1000

    def silence(ms: int) -> bytes:
        frames = int(round(ms * frame_rate / 1000))
        return b"\x00" * (frames * _SAMPLE_WIDTH)

    parts: list[bytes] = []
    timings: list[dict] = []
    position = 0  # bytes so far
    previous_paragraph: int | None = None
    for sentence in spoken:
        if previous_paragraph is not None:
            same = sentence.paragraph == previous_paragraph
            gap = silence(settings.sentence_pause_ms if same else settings.paragraph_pause_ms)
            parts.append(gap)
            position += len(gap)
        start = position
        for clip in sentence.clips:
            parts.append(raw[clip.path])
            position += len(raw[clip.path])
        timings.append({
            "start_ms": int(round(start / bytes_per_ms)),
            "end_ms": int(round(position / bytes_per_ms)),
            "paragraph": sentence.paragraph,
            "sentence": sentence.sentence,
            "text": sentence.text,
        })
        previous_paragraph = sentence.paragraph
    audio = AudioSegment(data=b"".join(parts), sample_width=_SAMPLE_WIDTH, frame_rate=frame_rate, channels=1)
    return Assembled(export_mp3(audio, settings.mp3_bitrate), timings, int(round(position / bytes_per_ms)))


def export_mp3(audio: AudioSegment, bitrate: str) -> bytes:
    """Mono MP3 bytes at ``bitrate`` (exported to memory; pydub's returned file is closed)."""
    buffer = io.BytesIO()
    try:
        out = audio.export(buffer, format="mp3", bitrate=bitrate, parameters=["-ac", "1"])
    except FileNotFoundError:
        raise _ffmpeg_missing() from None
    except CouldntEncodeError as exc:
        raise AssemblyError(f"ffmpeg could not encode the article MP3 (bitrate {bitrate!r}?): {exc}") from None
    try:
        return buffer.getvalue()
    finally:
        out.close()
