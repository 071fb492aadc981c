"""ffmpeg, called directly: decode many clips in one process, measure loudness, encode once.

Starting a process costs more than decoding a clip, so all clips of an article are
decoded by ONE ffmpeg process with one input and one raw output per clip (each
output's length gives the clip's exact sample count, hence exact timings). The
joined samples are measured (EBU R128 integrated loudness, ``ebur128``) and encoded
once, with the gain that brings the article to ``settings.loudness_target_lufs`` as
a player decodes it (measured again through the peak limiter when it has peaks to
catch; the encoder's own loss of level made up for), a limiter so that no peak
clips, mono MP3 at the clips' own rate and ``settings.mp3_bitrate`` (constant, so that a
player seeks to a sentence exactly), ID3 tags. The MP3 goes to a temporary file, not
a pipe, so ffmpeg can write the LAME header that tells players the encoder delay to trim.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import re
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from reader.config import Settings
from reader.errors import AssemblyError

log = logging.getLogger(__name__)

FFMPEG = "ffmpeg"
SAMPLE_RATE = 24000  # Google's own rate, and the rate of articles whose clips differ in rate
SAMPLE_WIDTH = 2  # signed 16-bit little-endian mono


def _raw(rate: int = SAMPLE_RATE) -> list[str]:
    return ["-f", "s16le", "-ac", "1", "-ar", str(rate)]


_SILENT_LUFS = -70.0  # the absolute gate of EBU R128: nothing louder was heard
_CLOSE_ENOUGH_LU = 0.2
# Voiced-speech-like test sound: a 150 Hz buzz with falling harmonics, for `encoder_gain_db`.
_CALIBRATION = ("aevalsrc='0.2*(sin(2*PI*150*t)+sin(2*PI*300*t)/2+sin(2*PI*450*t)/3+sin(2*PI*600*t)/4"
                "+sin(2*PI*1200*t)/8+sin(2*PI*2400*t)/16)':s={rate}:d=3")

# The tags an article MP3 may carry, as ffmpeg's metadata names (ID3v2.4 frames).
TAG_NAMES = {"title": "title", "date": "date", "source": "publisher", "language": "language"}


class ClipDecodeError(AssemblyError):
    """Clips in the cache that are not whole, decodable audio: ``clip_paths`` names them all."""

    def __init__(self, message: str, clip_paths: Sequence[Path]) -> None:
        super().__init__(message)
        self.clip_paths = tuple(clip_paths)
        self.clip_path = self.clip_paths[0]


def ffmpeg_missing() -> AssemblyError:
    return AssemblyError("ffmpeg (and ffprobe) were not found: install the Debian package ffmpeg")


def run_ffmpeg(args: list[str], settings: Settings, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """ffmpeg with ``args``; only a missing binary or a hang raises, the caller reads the result."""
    command = [FFMPEG, "-hide_banner", "-nostats", *(["-nostdin"] if stdin is None else []), *args]
    try:
        return subprocess.run(command, input=stdin, capture_output=True, timeout=settings.ffmpeg_timeout)
    except FileNotFoundError:
        raise ffmpeg_missing() from None
    except subprocess.TimeoutExpired:
        raise AssemblyError(f"ffmpeg took longer than {settings.ffmpeg_timeout} s (READER_FFMPEG_TIMEOUT)") from None
    except OSError as exc:
        raise AssemblyError(f"ffmpeg could not be run: {exc}") from None


def _errors(done: subprocess.CompletedProcess) -> str:
    return done.stderr.decode("utf-8", "replace").strip()


def decode_problem(path: Path, settings: Settings) -> str | None:
    """Why ffmpeg cannot decode ``path`` cleanly from end to end, or None."""
    if not path.exists():
        return "missing (removed during assembly?)"
    done = run_ffmpeg(["-v", "error", "-i", str(path), "-map", "0:a", "-f", "null", "-"], settings)
    errors = _errors(done)
    if done.returncode != 0 or errors:
        return (errors.splitlines() or [f"ffmpeg exit code {done.returncode}"])[-1]
    return None


def decode_problems(paths: Sequence[Path], settings: Settings) -> dict[Path, str]:
    """The files among ``paths`` that do not decode cleanly, each with its reason.

    One process decodes a whole batch; only when it reports an error is each file of
    that batch decoded alone (side by side) to find which ones failed.
    """
    found: dict[Path, str] = {}
    for batch in _batches(list(dict.fromkeys(paths)), settings):
        args = ["-v", "error"]
        for path in batch:
            args += ["-i", str(path)]
        for index in range(len(batch)):
            args += ["-map", f"{index}:a", "-f", "null", "-"]
        done = run_ffmpeg(args, settings)
        if done.returncode != 0 or _errors(done):
            found.update(_each_problem(batch, settings))
    return found


def _each_problem(paths: Sequence[Path], settings: Settings) -> dict[Path, str]:
    workers = max(1, min(len(paths), os.cpu_count() or 1, 8))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        reasons = pool.map(lambda p: decode_problem(p, settings), paths)
    return {path: reason for path, reason in zip(paths, reasons) if reason is not None}


def _batches(paths: list[Path], settings: Settings) -> list[list[Path]]:
    size = max(1, settings.assembly_max_inputs)
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def decode_many(paths: Sequence[Path], settings: Settings, strict: bool = True,
                rate: int = SAMPLE_RATE) -> dict[Path, bytes]:
    """Every distinct clip as raw mono 16-bit samples at ``rate``, one ffmpeg
    process per ``settings.assembly_max_inputs`` clips; ``ClipDecodeError`` naming
    every clip that does not decode cleanly. With ``strict`` False (clips just made
    again) a clip that ffmpeg complains about but still decodes is used, and logged:
    a voice whose every clip draws a complaint must not silence the article."""
    unique = list(dict.fromkeys(paths))
    raw: dict[Path, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="reader-decode-") as tmp:
        for batch in _batches(unique, settings):
            args = ["-v", "error"]
            for path in batch:
                args += ["-i", str(path)]
            outputs = [Path(tmp) / f"{len(raw) + i}.raw" for i in range(len(batch))]
            for index, out in enumerate(outputs):
                args += ["-map", f"{index}:a", *_raw(rate), "-y", str(out)]
            done = run_ffmpeg(args, settings)
            complaint = done.returncode != 0 or _errors(done)
            if complaint and not strict and done.returncode == 0 and all(_size(out) for out in outputs):
                log.warning("ffmpeg complained about clips just made again, used as decoded: %s",
                            _errors(done)[-300:])
            elif complaint:
                broken = _each_problem(batch, settings)
                if broken:
                    raise clip_error(broken)
                if done.returncode != 0:
                    raise AssemblyError(f"ffmpeg could not decode the clips: {_errors(done)[-300:]}")
                log.warning("ffmpeg reported while decoding clips, yet each decodes cleanly: %s", _errors(done)[-300:])
            for path, out in zip(batch, outputs):
                data = out.read_bytes() if out.exists() else b""
                if not data:
                    raise clip_error({path: "no audio in it"})
                raw[path] = data[: len(data) // SAMPLE_WIDTH * SAMPLE_WIDTH]
    return raw


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def clip_error(broken: Mapping[Path, str]) -> ClipDecodeError:
    listed = "; ".join(f"{path.name}: {reason}" for path, reason in broken.items())
    return ClipDecodeError(f"{len(broken)} clip(s) in the cache are not decodable audio (damaged cache files?): {listed}",
                           list(broken))


@dataclass(frozen=True)
class Loudness:
    lufs: float  # integrated loudness, EBU R128
    peak_dbfs: float  # highest sample


def measure_loudness(pcm: bytes, settings: Settings, filters: Sequence[str] = (),
                     rate: int = SAMPLE_RATE) -> Loudness | None:
    """Loudness of raw samples at ``rate`` (after ``filters``), or None if they are silent."""
    if not pcm:
        return None
    chain = ",".join([*filters, "ebur128=framelog=verbose:peak=sample"])
    done = run_ffmpeg([*_raw(rate), "-i", "pipe:0", "-af", chain, "-f", "null", "-"], settings, pcm)
    text = _errors(done)
    lufs = re.findall(r"^\s*I:\s*(-?[\d.]+|-inf)\s*LUFS", text, re.MULTILINE)
    peak = re.findall(r"^\s*Peak:\s*(-?[\d.]+|-inf)\s*dBFS", text, re.MULTILINE)
    if done.returncode != 0 or not lufs or not peak:
        raise AssemblyError(f"ffmpeg could not measure the loudness of the article: {text[-300:]}")
    value = float(lufs[-1]) if lufs[-1] != "-inf" else -math.inf
    if value <= _SILENT_LUFS:
        return None
    return Loudness(value, float(peak[-1]) if peak[-1] != "-inf" else -math.inf)


def _leveling(gain_db: float, settings: Settings) -> list[str]:
    ceiling = 10 ** (settings.loudness_peak_dbfs / 20)
    return [f"volume={gain_db:.2f}dB", f"alimiter=limit={ceiling:.4f}:attack=5:release=50:level=false:latency=true"]


def loudness_gain(pcm: bytes, settings: Settings, target: float, rate: int = SAMPLE_RATE) -> float | None:
    """The gain (dB) that brings ``pcm`` to ``target`` LUFS through the peak limiter;
    None for silence.

    When the limiter has peaks to catch it takes some loudness away (more, the more
    gain), so the loudness is measured through it and the gain corrected, up to
    ``settings.loudness_corrections`` times (by the secant: the step scaled by how much
    loudness the last step of gain actually bought)."""
    first = measure_loudness(pcm, settings, rate=rate)
    if first is None:
        return None
    gain, slope = target - first.lufs, 1.0
    free = settings.loudness_peak_dbfs - first.peak_dbfs  # the most gain the limiter lets through untouched
    if gain <= free or not math.isfinite(free):
        return gain
    previous = (free, first.lufs + free)
    for _ in range(settings.loudness_corrections):
        limited = measure_loudness(pcm, settings, _leveling(gain, settings), rate)
        if limited is None:
            break
        if gain != previous[0]:
            slope = min(1.0, max(0.2, (limited.lufs - previous[1]) / (gain - previous[0])))
        if abs(target - limited.lufs) <= _CLOSE_ENOUGH_LU:
            break
        previous = (gain, limited.lufs)
        gain += (target - limited.lufs) / slope
    return gain


def article_gain(pcm: bytes, settings: Settings, rate: int = SAMPLE_RATE) -> float | None:
    """The gain (dB) that brings raw samples to ``settings.loudness_target_lufs`` as a
    player decodes the MP3 (the encoder's own loss of level, `encoder_gain_db`, made
    up for); None for silence."""
    aim = settings.loudness_target_lufs - encoder_gain_db(settings.mp3_bitrate, settings, rate)
    return loudness_gain(pcm, settings, aim, rate)


def measure_mp3_loudness(mp3: bytes, settings: Settings) -> Loudness | None:
    """Loudness of MP3 bytes as a player decodes them."""
    return measure_loudness(decode_bytes(mp3, settings), settings)


@functools.lru_cache(maxsize=8)
def _encoder_gain(bitrate: str, rate: int, timeout: float) -> float:
    settings = Settings(mp3_bitrate=bitrate, ffmpeg_timeout=timeout)
    done = run_ffmpeg(["-v", "error", "-f", "lavfi", "-i", _CALIBRATION.format(rate=rate), *_raw(rate), "pipe:1"],
                      settings)
    reference = done.stdout
    before = measure_loudness(reference, settings, rate=rate)
    mp3 = encode_mp3(reference, settings, gain_db=None, rate=rate)
    after = measure_loudness(decode_bytes(mp3, settings, rate), settings, rate=rate)
    if before is None or after is None:
        raise AssemblyError("ffmpeg made no sound from its own test tone: is its lavfi input available?")
    return after.lufs - before.lufs


def encoder_gain_db(bitrate: str, settings: Settings, rate: int = SAMPLE_RATE) -> float:
    """How much louder (negative: quieter) the MP3 encoder makes speech-like sound at
    ``bitrate``, measured once per process on a test tone. LAME at a constant bitrate
    takes about 0.4 dB from tones and voices alike, at any bitrate; that would leave
    every article that much under the target."""
    with _calibrating:
        return _encoder_gain(bitrate, rate, settings.ffmpeg_timeout)


_calibrating = threading.Lock()


def warm_encoder_gain(settings: Settings, rate: int = SAMPLE_RATE) -> None:
    """Measure `encoder_gain_db` in the background (while the first clips are being made),
    so the first part does not wait for it."""
    threading.Thread(target=lambda: _quietly(encoder_gain_db, settings.mp3_bitrate, settings, rate),
                     name="encoder-gain", daemon=True).start()


def _quietly(fn, *args) -> None:
    try:
        fn(*args)
    except AssemblyError as exc:  # the article's own call will raise it
        log.debug("encoder gain not measured in the background: %s", exc)


def decode_bytes(audio: bytes, settings: Settings, rate: int = SAMPLE_RATE) -> bytes:
    """Any audio file's bytes as raw samples (mono, 16 bit, at ``rate``)."""
    done = run_ffmpeg(["-v", "error", "-i", "pipe:0", *_raw(rate), "pipe:1"], settings, audio)
    if done.returncode != 0:
        raise AssemblyError(f"ffmpeg could not decode audio it made: {_errors(done)[-300:]}")
    return done.stdout


def mp3_encoding(settings: Settings) -> list[str]:
    """ffmpeg's options for an article's MP3: constant bitrate, every frame standing alone."""
    return ["-c:a", "libmp3lame", "-b:a", settings.mp3_bitrate, "-compression_level", str(settings.mp3_quality),
            "-reservoir", "0"]


def encode_mp3(pcm: bytes, settings: Settings, *, gain_db: float | None, rate: int = SAMPLE_RATE,
               tags: Mapping[str, str] | None = None, tempo: float = 1.0) -> bytes:
    """Raw samples at ``rate`` as one MP3 at that rate: tempo changed (pitch kept),
    ``gain_db`` applied with a peak limiter (None: level left as it is), tagged."""
    filters = [f"atempo={tempo:.4f}"] if tempo != 1.0 else []
    if gain_db is not None:
        filters += _leveling(gain_db, settings)
    with tempfile.TemporaryDirectory(prefix="reader-encode-") as tmp:
        out = Path(tmp) / "article.mp3"
        args = ["-v", "error", *_raw(rate), "-i", "pipe:0"]
        if filters:
            args += ["-af", ",".join(filters)]
        args += ["-ac", "1", "-ar", str(rate), *mp3_encoding(settings), *_metadata(tags), "-f", "mp3", "-y", str(out)]
        done = run_ffmpeg(args, settings, pcm)
        if done.returncode != 0 or not out.exists():
            raise AssemblyError(
                f"ffmpeg could not encode the article MP3 (READER_MP3_BITRATE={settings.mp3_bitrate!r}?): "
                f"{_errors(done)[-300:]}")
        return out.read_bytes()


def retag_mp3(mp3: bytes, tags: Mapping[str, str] | None, settings: Settings) -> bytes:
    """The same audio frames with other ID3 tags (no re-encoding)."""
    with tempfile.TemporaryDirectory(prefix="reader-tag-") as tmp:
        source, out = Path(tmp) / "in.mp3", Path(tmp) / "out.mp3"
        source.write_bytes(mp3)
        done = run_ffmpeg(["-v", "error", "-i", str(source), "-map", "0:a", "-c", "copy", "-map_metadata", "-1",
                           *_metadata(tags), "-write_xing", "0", "-f", "mp3", "-y", str(out)], settings)
        if done.returncode != 0 or not out.exists():
            raise AssemblyError(f"ffmpeg could not retag the article MP3: {_errors(done)[-300:]}")
        return out.read_bytes()


def _metadata(tags: Mapping[str, str] | None) -> list[str]:
    args = ["-id3v2_version", "4", "-write_id3v1", "0"]
    for name, value in (tags or {}).items():
        if name not in TAG_NAMES:
            raise AssemblyError(f"Unknown audio tag {name!r}: use one of {', '.join(TAG_NAMES)}")
        if value:
            args += ["-metadata", f"{TAG_NAMES[name]}={value}"]
    return args
