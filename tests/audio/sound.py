"""Helpers for tests that listen to what was made: decode, find a tone, measure loudness, read tags."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

from reader.audio.codec import SAMPLE_RATE, measure_mp3_loudness
from reader.config import Settings

def samples(path: Path, rate: int = SAMPLE_RATE) -> np.ndarray:
    """A file decoded as a player would (mono, at ``rate``), as floats."""
    raw = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                          "-ar", str(rate), "pipe:1"], check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<i2").astype(np.float64)


def tone_file(path: Path, hz: int, ms: int, volume: float = 0.5, rate: int = SAMPLE_RATE) -> Path:
    """A clip of a pure tone: MP3 as Google's clips are (24 kHz mono, 32 kb/s), or WAV
    (16-bit mono) as the offline voice's are, by the suffix of ``path``."""
    codec = ["-b:a", "32k"] if path.suffix == ".mp3" else ["-c:a", "pcm_s16le"]
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                    f"sine=frequency={hz}:sample_rate={rate}:duration={ms / 1000}",
                    "-af", f"volume={volume}", "-ac", "1", *codec, "-y", str(path)], check=True)
    return path


def tone_span_ms(audio: np.ndarray, hz: int, rate: int = SAMPLE_RATE) -> tuple[int, int]:
    """First and last 10 ms window where a tone of ``hz`` holds most of the energy."""
    window = rate // 100
    windows = len(audio) // window
    frames = audio[: windows * window].reshape(windows, window)
    spectrum = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    band = round(hz * window / rate)
    share = spectrum[:, band] / np.maximum(spectrum.sum(axis=1), 1e-9)
    hits = np.flatnonzero(share > 0.5)
    if not len(hits):
        raise AssertionError(f"no {hz} Hz tone found")
    return int(hits[0]) * 10, int(hits[-1] + 1) * 10


def lufs(path: Path, settings: Settings) -> float:
    found = measure_mp3_loudness(path.read_bytes(), settings)
    assert found is not None, f"{path} is silent"
    return found.lufs


def id3_frames(path: Path) -> dict[str, str]:
    """The text frames of an ID3v2.4 tag (what a player shows)."""
    data = path.read_bytes()
    assert data[:3] == b"ID3", "no ID3 tag"
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | byte
    frames, pos = {}, 10
    while pos + 10 <= 10 + size and data[pos:pos + 4].strip(b"\0"):
        name = data[pos:pos + 4].decode("latin-1")
        length = 0
        for byte in data[pos + 4:pos + 8]:
            length = (length << 7) | byte
        body = data[pos + 10:pos + 10 + length]
        if name.startswith("T") and body:
            frames[name] = body[1:].decode("utf-8" if body[0] == 3 else "latin-1").rstrip("\0")
        pos += 10 + length
    return frames


def stream_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=sample_rate,channels,bit_rate",
                          "-of", "default=noprint_wrappers=1", str(path)], check=True, capture_output=True, text=True)
    return dict(line.split("=", 1) for line in out.stdout.split())
