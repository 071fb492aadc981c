"""Keeping the audio cache healthy: what is in it, what is broken, what can go.

The cache holds clips (`clips/ab/<key>.mp3`, or `.wav` from the offline voice),
article audio (`articles/<key>.mp3` with its `<key>.json`) and the parts an article
is first played in (`articles/parts/`, likewise). Everything in it can be made again,
so maintenance may remove any file; it never touches the library.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from reader.audio.cache import CLIP_SUFFIXES
from reader.audio.clip_lock import remove_stale_locks
from reader.audio.codec import decode_problems
from reader.audio.engines import OFFLINE_MARKER_NAME
from reader.audio.integrity import structure_problem
from reader.audio.store import mismatch, read_info
from reader.config import Settings


@dataclass(frozen=True)
class CacheStats:
    clips: int
    clip_bytes: int
    articles: int
    article_bytes: int
    temp_files: int
    google_offline_marker: bool

    @property
    def total_bytes(self) -> int:
        return self.clip_bytes + self.article_bytes


@dataclass
class CacheReport:
    """What a verify or prune pass looked at and removed."""

    checked: int = 0
    removed: list[Path] = field(default_factory=list)
    freed_bytes: int = 0


def _clips(cache_dir: Path) -> list[Path]:
    return sorted(p for suffix in CLIP_SUFFIXES for p in (cache_dir / "clips").glob(f"*/*{suffix}"))


def _articles(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "articles").glob("*.mp3"))


def _parts(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "articles" / "parts").glob("*.mp3"))


def _temps(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob(".tmp-*") if p.is_file())


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def cache_stats(settings: Settings) -> CacheStats:
    cache_dir = Path(settings.cache_dir)
    clips, articles = _clips(cache_dir), _articles(cache_dir)
    return CacheStats(
        clips=len(clips),
        clip_bytes=sum(map(_size, clips)),
        articles=len(articles),
        article_bytes=sum(_size(p) + _size(p.with_suffix(".json")) for p in articles + _parts(cache_dir)),
        temp_files=len(_temps(cache_dir)),
        google_offline_marker=(cache_dir / OFFLINE_MARKER_NAME).exists(),
    )


def _article_info(mp3: Path) -> dict | None:
    return read_info(mp3)


def verify_cache(settings: Settings, now: float | None = None) -> CacheReport:
    """Remove what a listener could trip on: clips and article audio that are not whole
    (cut short, bytes after the end, not audio, anything ffmpeg cannot decode from
    end to end), article audio that differs from its stored length and checksum or
    has no whole description (or the reverse), and temporary files left by a crash."""
    cache_dir = Path(settings.cache_dir)
    now = time.time() if now is None else now
    report = CacheReport()
    clips = _clips(cache_dir)
    stored = _articles(cache_dir) + _parts(cache_dir)
    report.checked = len(clips) + len(stored)
    broken: set[Path] = set()
    for clip in clips:
        if structure_problem(clip) is not None:
            broken.add(clip)
    for mp3 in stored:
        info = _article_info(mp3)
        if not mp3.with_suffix(".json").exists() and now - _mtime(mp3) <= settings.cache_stale_temp_seconds:
            continue  # just written, its description comes next (another process is storing it)
        if info is None or mismatch(mp3, info) is not None or structure_problem(mp3) is not None:
            broken.add(mp3)
    broken |= set(decode_problems([p for p in clips + stored if p not in broken], settings))
    for path in sorted(broken):
        if path in stored:
            _remove_stored(path, report)
        else:
            _remove(path, report)
    for directory in (cache_dir / "articles", cache_dir / "articles" / "parts"):
        for meta in sorted(directory.glob("*.json")):
            if not meta.with_suffix(".mp3").exists():
                _remove(meta, report)
    for temp in _temps(cache_dir):
        try:
            old = now - temp.stat().st_mtime > settings.cache_stale_temp_seconds
        except OSError:
            continue
        if old:
            _remove(temp, report)
    remove_stale_locks(cache_dir)  # lock files of processes killed while holding one
    return report


def prune_cache(settings: Settings, keep_articles: Iterable[str], max_bytes: int | None = None,
                now: float | None = None) -> CacheReport:
    """Remove article audio not in ``keep_articles`` (its article changed or is gone) and the
    clips and parts no remaining article audio uses (a part younger than
    ``settings.cache_stale_temp_seconds`` may be playing while its article is being
    made: it stays); then, while the cache is over ``max_bytes`` (default
    ``settings.cache_max_bytes``), the oldest article audio with its clips and parts."""
    cache_dir = Path(settings.cache_dir)
    limit = settings.cache_max_bytes if max_bytes is None else max_bytes
    now = time.time() if now is None else now
    keep = set(keep_articles)
    report = CacheReport()
    articles = _articles(cache_dir)
    report.checked = len(articles)
    kept = []
    for mp3 in articles:
        if mp3.stem in keep:
            kept.append(mp3)
        else:
            _remove_stored(mp3, report)
    kept.sort(key=lambda p: _mtime(p))
    infos = {mp3: _article_info(mp3) or {} for mp3 in kept}
    refs = {mp3: _listed(info, "clip_keys") for mp3, info in infos.items()}
    uses = Counter(key for keys in refs.values() for key in keys)
    parts_used = {key for info in infos.values() for key in _listed(info, "part_keys")}
    for clip in _clips(cache_dir):
        if clip.stem not in uses:
            _remove(clip, report)
    for part in _parts(cache_dir):
        if part.stem not in parts_used and now - _mtime(part) > settings.cache_stale_temp_seconds:
            _remove_stored(part, report)
    total = cache_stats(settings).total_bytes
    while kept and total > limit:
        oldest = kept.pop(0)
        freed_before = report.freed_bytes
        _remove_stored(oldest, report)
        for key in _listed(infos.pop(oldest), "part_keys"):
            _remove_stored(cache_dir / "articles" / "parts" / f"{key}.mp3", report)
        for key in refs.pop(oldest):
            uses[key] -= 1
            if uses[key] == 0:
                for suffix in CLIP_SUFFIXES:
                    _remove(cache_dir / "clips" / key[:2] / f"{key}{suffix}", report)
        total -= report.freed_bytes - freed_before
    return report


def _listed(info: dict, name: str) -> set[str]:
    return {k for k in info.get(name, ()) if isinstance(k, str)}


def _remove_stored(mp3: Path, report: CacheReport) -> None:
    _remove(mp3, report)
    _remove(mp3.with_suffix(".json"), report)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _remove(path: Path, report: CacheReport) -> None:
    size = _size(path)
    try:
        path.unlink()
    except OSError:
        return
    report.removed.append(path)
    report.freed_bytes += size
