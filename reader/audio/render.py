"""One call from a speech script to a playable article: clips, assembly, and reuse.

An assembled article is kept under ``<cache_dir>/articles/<key>.mp3`` with its timing
map in ``<key>.json``. The key is a hash of the clip keys the article is made of (with
the sentence layout and display text) and the settings that shape the assembly, so
a second render of the same script finds it without touching any engine, and any
change of text, voice or pauses makes a new one. When Google is known offline an
``auto`` render is planned with the espeak-ng clips, so even that case is reused.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.audio.assemble import ClipDecodeError, assemble
from reader.audio.cache import KEY_VERSION, ClipCache, atomic_write, stable_hash, write_output
from reader.audio.engines import AutoEngine, Engine, make_engine
from reader.audio.synthesize import SentenceClips, plan_script, synthesize_script
from reader.config import ENGINES, Settings
from reader.errors import CacheError, OutputError

if TYPE_CHECKING:
    from reader.speech.script import SpeechScript

log = logging.getLogger(__name__)

Layout = list[tuple[int, int, str, list[str]]]


@dataclass(frozen=True)
class Rendering:
    """An article's audio: where the MP3 is, its sentence timings, and who read it."""

    mp3_path: Path
    timings: list[dict]
    engines_used: tuple[str, ...]
    offline: bool


def article_key(layout: Layout, settings: Settings) -> str:
    """Hash of the clips (per sentence, with display text) and the assembly settings."""
    shape = [settings.sentence_pause_ms, settings.paragraph_pause_ms, settings.mp3_bitrate]
    return stable_hash(["article", KEY_VERSION, shape, [list(row) for row in layout]])


def _layout(sentences: list[SentenceClips]) -> Layout:
    return [(s.paragraph, s.sentence, s.text, [c.key for c in s.clips]) for s in sentences]


def _load(articles_dir: Path, key: str) -> tuple[Path, dict] | None:
    """A stored article if both files are whole (the JSON is written last)."""
    mp3, meta = articles_dir / f"{key}.mp3", articles_dir / f"{key}.json"
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
        if mp3.stat().st_size > 0 and isinstance(info.get("timings"), list):
            return mp3, info
    except (OSError, ValueError, AttributeError):
        pass
    return None


def _store(articles_dir: Path, key: str, mp3: bytes, info: dict) -> Path:
    path = articles_dir / f"{key}.mp3"
    try:
        atomic_write(path, mp3)
        atomic_write(articles_dir / f"{key}.json", json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise CacheError(f"Cannot write the article cache at {articles_dir}: {exc}") from None
    return path


def _engines_in(sentences: list[SentenceClips]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for sentence in sentences:
        for clip in sentence.clips:
            seen.setdefault(clip.engine, None)
    return tuple(seen)


def _build(script: "SpeechScript", eng: Engine, cache: ClipCache, settings: Settings, articles_dir: Path) -> tuple[Path, dict]:
    """Synthesize what is missing, then assemble and store (unless an identical article exists).

    A clip that turns out undecodable is removed and made again, once.
    """
    retried = False
    while True:
        sentences = synthesize_script(script, eng, cache)
        key = article_key(_layout(sentences), settings)
        stored = _load(articles_dir, key)
        if stored is not None:
            return stored
        try:
            assembled = assemble(sentences, settings)
        except ClipDecodeError as exc:
            if retried:
                raise
            retried = True
            log.warning("%s; removing it and making it again", exc)
            exc.clip_path.unlink(missing_ok=True)
            continue
        info = {
            "timings": assembled.timings,
            "engines_used": list(_engines_in(sentences)),
            "duration_ms": assembled.duration_ms,
            "clip_keys": sorted({c.key for s in sentences for c in s.clips}),
        }
        return _store(articles_dir, key, assembled.mp3, info), info


def article_keys(script: "SpeechScript", settings: Settings) -> set[str]:
    """The keys the stored audio of ``script`` may have now: by Google's voice, by the
    offline voice, or as ``auto`` would plan it (for pruning what no article uses)."""
    cache = ClipCache(settings.cache_dir)
    return {article_key(plan_script(script, make_engine(name, settings), cache), settings) for name in ENGINES}


def _engine(engine: str | Engine | None, settings: Settings) -> Engine:
    return make_engine(engine or settings.engine, settings) if engine is None or isinstance(engine, str) else engine


def _rendering(eng: Engine, mp3_path: Path, info: dict) -> Rendering:
    engines_used = tuple(info.get("engines_used", ()))
    offline = isinstance(eng, AutoEngine) and "espeak" in engines_used
    return Rendering(mp3_path, list(info["timings"]), engines_used, offline)


def cached_rendering(
    script: "SpeechScript", settings: Settings, engine: str | Engine | None = None
) -> Rendering | None:
    """The stored article MP3 for ``script``, or None: never calls a voice."""
    eng = _engine(engine, settings)
    articles_dir = Path(settings.cache_dir) / "articles"
    stored = _load(articles_dir, article_key(plan_script(script, eng, ClipCache(settings.cache_dir)), settings))
    return None if stored is None else _rendering(eng, *stored)


def render(
    script: "SpeechScript",
    settings: Settings,
    engine: str | Engine | None = None,
    out_path: Path | None = None,
) -> Rendering:
    """The article MP3 and timing map for ``script``, reusing a stored one when it matches.

    ``engine`` is a name (default ``settings.engine``) or an engine to share across
    many articles. With ``out_path`` the MP3 is also written there (atomically) and
    that path is returned.
    """
    eng = _engine(engine, settings)
    rendering = cached_rendering(script, settings, eng)
    if rendering is None:
        cache = ClipCache(settings.cache_dir)
        rendering = _rendering(eng, *_build(script, eng, cache, settings, Path(settings.cache_dir) / "articles"))
    if out_path is not None:
        out_path = Path(out_path)
        try:
            write_output(out_path, rendering.mp3_path.read_bytes())
        except OSError as exc:
            raise OutputError(f"Cannot write {out_path}: {exc.strerror or exc}") from None
        rendering = replace(rendering, mp3_path=out_path)
    return rendering
