"""From a speech script to clips: each chunk from the cache, or from an engine and then cached.

Chunks are made concurrently by the process's shared workers (requests to Google are
throttled by ``limiter.py``) and each one by one maker at a time across processes
(``clip_lock.py``); sentences come out in reading order as soon as they are ready.

Every clip records the engine and voice that actually made it, so an article read
partly by the offline voice says so. For ``auto`` the lookup order is: a cached
Google clip; then, when Google is known to be offline or fails, a cached espeak-ng
clip; only then a new synthesis.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from reader.audio.cache import ClipCache, clip_key
from reader.audio.clip_lock import clip_lock
from reader.audio.engines import AutoEngine, Engine, has_speakable
from reader.audio.workers import clip_workers
from reader.errors import AudioError
from reader.stopping import raise_if_stopped

if TYPE_CHECKING:  # only for type hints: audio depends on the script's shape, not its code
    from reader.config import Settings
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
        raise_if_stopped()
        data = engine.synthesize(text)
    return Clip(cache.put(key, data), engine.name, engine.voice, text, key)


def _settings(engine: Engine) -> "Settings | None":
    return getattr(getattr(engine, "primary", engine), "settings", None)


def _lock_timeout(engine: Engine) -> float:
    return getattr(_settings(engine), "clip_lock_timeout", 60.0)


def _made_once(cache: ClipCache, engine: Engine, text: str, make: Callable[[], bytes], timeout: float) -> Clip:
    """The clip from the cache, or made under its lock: whoever waited finds the other's clip."""
    with clip_lock(cache.directory, key_for(engine, text), timeout, _settings(engine)):
        return _cached(cache, engine, text) or _make(cache, engine, text, make())


def clip_for(text: str, engine: Engine, cache: ClipCache) -> Clip:
    """The clip for one chunk, from the cache when possible, made by one thread of one
    process at a time (the others wait and read it); raises ``AudioError``."""
    timeout = _lock_timeout(engine)
    if not isinstance(engine, AutoEngine):
        clip = _cached(cache, engine, text)
        if clip is not None:
            return clip
        raise_if_stopped()
        return _made_once(cache, engine, text, lambda: engine.synthesize(text), timeout)
    google, offline_voice = engine.primary, engine.fallback
    clip = _cached(cache, google, text)
    if clip is not None:
        return clip
    raise_if_stopped()
    if not engine.google_offline():
        with clip_lock(cache.directory, key_for(google, text), timeout, _settings(engine)):
            clip = _cached(cache, google, text)
            if clip is not None:
                return clip
            if not engine.google_offline():  # another process may have found out while we waited
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
    return _made_once(cache, offline_voice, text, lambda: engine.synthesize_fallback(text), timeout)


def _workers(engine: Engine) -> int:
    """Chunks in the making at once: every request the ceiling allows with a whole batch,
    and as many again waiting, so a slot that frees finds a whole batch ready (the
    limiter decides how many requests are sent)."""
    settings = _settings(engine)
    return max(1, 2 * getattr(settings, "gtts_max_concurrency", 1) * getattr(settings, "gtts_batch_size", 1))


def iter_sentence_clips(script: "SpeechScript", engine: Engine, cache: ClipCache) -> Iterator[SentenceClips]:
    """Clips for every sentence of ``script``, yielded in reading order as soon as each
    sentence's clips exist, while the chunks after it are made concurrently ahead.

    Chunks go to the process's clip workers (``workers.py``) ranked by their place in
    the article, so the title is asked first, and before the later chunks of articles
    begun earlier; each clip is cached as soon as it arrives. A chunk that fails raises its
    ``AudioError`` when its sentence's turn comes, after every clip before it was
    yielded; closing the iterator early (or that error) cancels the chunks not yet
    started. Must not be called from one of the workers themselves.
    """
    rows = list(speakable_chunks(script))
    workers = clip_workers(_workers(engine))
    futures: dict[str, Future[Clip]] = {}
    try:
        for _, _, _, chunks in rows:
            for chunk in chunks:
                if chunk not in futures:
                    futures[chunk] = workers.submit(len(futures), clip_for, chunk, engine, cache)
        for p, s, text, chunks in rows:
            yield SentenceClips(p, s, text, tuple(futures[c].result() for c in chunks))
    finally:
        for future in futures.values():
            future.cancel()


def synthesize_script(script: "SpeechScript", engine: Engine, cache: ClipCache) -> list[SentenceClips]:
    """Clips for every sentence of ``script``, in reading order (chunks without words are skipped)."""
    return list(iter_sentence_clips(script, engine, cache))
