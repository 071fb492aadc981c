"""Stored audio that is checked before it is served: article MP3s and their parts.

Each MP3 ``<dir>/<key>.mp3`` has its description ``<key>.json`` beside it (timings,
voices, ...) holding the MP3's length and sha256. The JSON is written last, so a
reader never trusts an MP3 whose description is not there yet. Every load compares
the file with both: an MP3 overwritten, cut short or swapped is removed with its
JSON and counts as missing, so the caller makes it again instead of serving it.
Hashing a whole article (about 2 MB for ten minutes at 48 kb/s) takes milliseconds,
so it is done on every serve rather than trusting a file's size and date.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reader.audio.cache import atomic_write
from reader.audio.integrity import digest, file_digest
from reader.errors import CacheError

log = logging.getLogger(__name__)

def store(directory: Path, key: str, mp3: bytes, info: dict) -> tuple[Path, dict]:
    """Write ``mp3`` and ``info`` (with the MP3's length and checksum) atomically."""
    info = {**info, "mp3_bytes": len(mp3), "mp3_sha256": digest(mp3)}
    path = directory / f"{key}.mp3"
    try:
        atomic_write(path, mp3)
        atomic_write(directory / f"{key}.json", json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise CacheError(f"Cannot write the audio cache at {directory}: {exc}") from None
    return path, info


def read_info(mp3: Path) -> dict | None:
    """The description of a stored MP3, or None if it is missing or not whole."""
    try:
        info = json.loads(mp3.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("timings"), list):
        return None
    return info


def mismatch(mp3: Path, info: dict) -> str | None:
    """Why the file ``mp3`` is not the one ``info`` describes, or None if it is."""
    expected_size, expected_sum = info.get("mp3_bytes"), info.get("mp3_sha256")
    if not isinstance(expected_size, int) or not isinstance(expected_sum, str):
        return "its description has no length and checksum (made by an older version)"
    try:
        size = mp3.stat().st_size
        if size != expected_size:
            return f"it is {size} bytes, {expected_size} were stored (cut short or overwritten)"
        if file_digest(mp3) != expected_sum:
            return "its checksum differs from the stored one (overwritten or damaged)"
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    return None


def load(directory: Path, key: str) -> tuple[Path, dict] | None:
    """The stored MP3 ``key`` and its description if both are there and match; a
    mismatching MP3 is removed with its description (it will be made again)."""
    mp3 = directory / f"{key}.mp3"
    info = read_info(mp3)
    if info is None or not mp3.exists():
        return None
    problem = mismatch(mp3, info)
    if problem is None:
        return mp3, info
    log.warning("stored audio %s is not whole (%s): removing it so it is made again", mp3, problem)
    remove(mp3)
    return None


def remove(mp3: Path) -> None:
    for path in (mp3, mp3.with_suffix(".json")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass

