"""Keeping the audio cache healthy: what is in it, what is broken, what can go.

The cache holds clips (`clips/ab/<key>.mp3`) and article audio (`articles/<key>.mp3`
with its `<key>.json`). Everything in it can be made again, so maintenance may
remove any file; it never touches the library.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from reader.audio.engines import OFFLINE_MARKER_NAME, looks_like_mp3
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
    return sorted((cache_dir / "clips").glob("*/*.mp3"))


def _articles(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "articles").glob("*.mp3"))


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
        article_bytes=sum(_size(p) + _size(p.with_suffix(".json")) for p in articles),
        temp_files=len(_temps(cache_dir)),
        google_offline_marker=(cache_dir / OFFLINE_MARKER_NAME).exists(),
    )


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(4096)
    except OSError:
        return b""


def _article_info(mp3: Path) -> dict | None:
    try:
        info = json.loads(mp3.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and isinstance(info.get("timings"), list) else None


def verify_cache(settings: Settings, now: float | None = None) -> CacheReport:
    """Remove what a reader could trip on: clips that are not MP3, article audio without a
    whole timing map (or the reverse), and temporary files left by a crash."""
    cache_dir = Path(settings.cache_dir)
    now = time.time() if now is None else now
    report = CacheReport()
    for clip in _clips(cache_dir):
        report.checked += 1
        if not looks_like_mp3(_head(clip)):
            _remove(clip, report)
    for mp3 in _articles(cache_dir):
        report.checked += 1
        if not looks_like_mp3(_head(mp3)) or _article_info(mp3) is None:
            _remove(mp3, report)
            _remove(mp3.with_suffix(".json"), report)
    for meta in sorted((cache_dir / "articles").glob("*.json")):
        if not meta.with_suffix(".mp3").exists():
            _remove(meta, report)
    for temp in _temps(cache_dir):
        try:
            old = now - temp.stat().st_mtime > settings.cache_stale_temp_seconds
        except OSError:
            continue
        if old:
            _remove(temp, report)
    return report


def prune_cache(settings: Settings, keep_articles: Iterable[str], max_bytes: int | None = None) -> CacheReport:
    """Remove article audio not in ``keep_articles`` (its article changed or is gone) and the
    clips no remaining article audio uses; then, while the cache is over ``max_bytes``
    (default ``settings.cache_max_bytes``), the oldest article audio and its clips."""
    cache_dir = Path(settings.cache_dir)
    limit = settings.cache_max_bytes if max_bytes is None else max_bytes
    keep = set(keep_articles)
    report = CacheReport()
    articles = _articles(cache_dir)
    report.checked = len(articles)
    kept = []
    for mp3 in articles:
        if mp3.stem in keep:
            kept.append(mp3)
        else:
            _remove(mp3, report)
            _remove(mp3.with_suffix(".json"), report)
    kept.sort(key=lambda p: _mtime(p))
    refs = {mp3: _clip_keys([mp3]) for mp3 in kept}
    uses = Counter(key for keys in refs.values() for key in keys)
    for clip in _clips(cache_dir):
        if clip.stem not in uses:
            _remove(clip, report)
    total = cache_stats(settings).total_bytes
    while kept and total > limit:
        oldest = kept.pop(0)
        freed_before = report.freed_bytes
        _remove(oldest, report)
        _remove(oldest.with_suffix(".json"), report)
        for key in refs.pop(oldest):
            uses[key] -= 1
            if uses[key] == 0:
                _remove(cache_dir / "clips" / key[:2] / f"{key}.mp3", report)
        total -= report.freed_bytes - freed_before
    return report


def _clip_keys(articles: list[Path]) -> set[str]:
    keys: set[str] = set()
    for mp3 in articles:
        info = _article_info(mp3) or {}
        keys.update(k for k in info.get("clip_keys", ()) if isinstance(k, str))
    return keys


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
