"""From a speech script to clips: each chunk from the cache, or from an engine and then cached.

Every clip records the engine and voice that actually made it, so an article read
partly by the offline voice says so. For ``auto`` the lookup order is: a cached
Google clip; then, when Google is known to be offline or fails, a cached espeak-ng
clip; only then a new synthesis.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from reader.audio.cache import ClipCache, clip_key
from reader.audio.engines import AutoEngine, Engine, has_speakable
from reader.errors import AudioError

if TYPE_CHECKING:  # only for type hints: audio depends on the script's shape, not its code
    from reader.speech.script import SpeechScript


@dataclass(frozen=True)
class Clip:
    """One synthesized chunk in the cache."""

    path: Path
    engine: str
    voice: str
    text: str
    key: str = ""


@dataclass(frozen=True)
class SentenceClips:
    """The clips of one sentence, in order, with its place in the article and its display text."""

    paragraph: int
    sentence: int
    text: str
    clips: tuple[Clip, ...]


def speakable_chunks(script: "SpeechScript") -> Iterator[tuple[int, int, str, list[str]]]:
    """(paragraph, sentence, display text, chunks worth a request) for every sentence."""
    for p, s, sentence in script.sentences():
        chunks = [c.strip() for c in sentence.chunks if has_speakable(c)]
        yield p, s, sentence.text, chunks


def key_for(engine: Engine, text: str) -> str:
    return clip_key(engine.name, engine.voice, text.strip())


def planned_key(chunk: str, engine: Engine, cache: ClipCache) -> str:
    """The clip key a synthesis would use now, without calling any engine.

    For ``auto``: the Google clip if cached, the espeak-ng clip while Google is
    known offline, otherwise the Google clip (which will then be made).
    """
    if isinstance(engine, AutoEngine):
        google = key_for(engine.primary, chunk)
        if cache.get(google) is not None or not engine.google_offline():
            return google
        return key_for(engine.fallback, chunk)
    return key_for(engine, chunk)


def plan_script(script: "SpeechScript", engine: Engine, cache: ClipCache) -> list[tuple[int, int, str, list[str]]]:
    """Per sentence, the clip keys a render would use now (for finding a stored article)."""
    return [(p, s, text, [planned_key(c, engine, cache) for c in chunks])
            for p, s, text, chunks in speakable_chunks(script)]


def _cached(cache: ClipCache, engine: Engine, text: str) -> Clip | None:
    key = key_for(engine, text)
    path = cache.get(key)
    return None if path is None else Clip(path, engine.name, engine.voice, text, key)


def _make(cache: ClipCache, engine: Engine, text: str, data: bytes | None = None) -> Clip:
    key = key_for(engine, text)
    if data is None:
        data = engine.synthesize(text)
    return Clip(cache.put(key, data), engine.name, engine.voice, text, key)


def clip_for(text: str, engine: Engine, cache: ClipCache) -> Clip:
    """The clip for one chunk, from the cache when possible; raises ``AudioError``."""
    if not isinstance(engine, AutoEngine):
        return _cached(cache, engine, text) or _make(cache, engine, text)
    google, offline_voice = engine.primary, engine.fallback
    clip = _cached(cache, google, text)
    if clip is not None:
        return clip
    if not engine.google_offline():
        try:
            data = google.synthesize(text)
        except AudioError as exc:
            engine.record_failure(exc)
        else:
            engine.record_success()
            return _make(cache, google, text, data)
    clip = _cached(cache, offline_voice, text)
    if clip is not None:
        return clip
    return _make(cache, offline_voice, text, engine.synthesize_fallback(text))


def _workers(engine: Engine) -> int:
    """How many chunks of one article may be in the making at once (requests are limited apart)."""
    settings = getattr(getattr(engine, "primary", engine), "settings", None)
    return max(1, getattr(settings, "gtts_max_concurrency", 1))


def iter_sentence_clips(script: "SpeechScript", engine: Engine, cache: ClipCache) -> Iterator[SentenceClips]:
    """Clips for every sentence of ``script``, yielded in reading order as soon as each
    sentence's clips exist, while the chunks after it are made concurrently ahead.

    A chunk that fails raises its ``AudioError`` when its sentence's turn comes; every
    chunk finished before then is already in the cache. Closing the iterator early
    cancels the chunks not yet started.
    """
    rows = list(speakable_chunks(script))
    with ThreadPoolExecutor(max_workers=_workers(engine), thread_name_prefix="clip") as pool:
        futures: dict[str, Future[Clip]] = {}
        for _, _, _, chunks in rows:
            for chunk in chunks:
                if chunk not in futures:
                    futures[chunk] = pool.submit(clip_for, chunk, engine, cache)
        try:
            for p, s, text, chunks in rows:
                yield SentenceClips(p, s, text, tuple(futures[c].result() for c in chunks))
        finally:
            for future in futures.values():
                future.cancel()


def synthesize_script(script: "SpeechScript", engine: Engine, cache: ClipCache) -> list[SentenceClips]:
    """Clips for every sentence of ``script``, in reading order (chunks without words are skipped)."""
    return list(iter_sentence_clips(script, engine, cache))
