"""One call from a speech script to a playable article: clips, assembly, and reuse.

An assembled article is kept under ``<cache_dir>/articles/<key>.mp3`` with its
description in ``<key>.json`` (timing map, voices, clip keys, tags, the MP3's length
and checksum; `reader.audio.store`). The key is a hash of the clip keys the article is
made of (with the sentence layout and display text), the settings that shape the
assembly and the tempo, so a second render of the same script finds it without
touching any engine, and any change of text, voice or pauses makes a new one. When
Google is known offline an ``auto`` render is planned with the espeak-ng clips, so
even that case is reused. A stored MP3 that does not match its length and checksum
is removed and made again, transparently.

`render_parts` makes the same article paragraph by paragraph (title and first
paragraph first) and hands over each part as soon as it is playable; the whole article
is stored when the last part is done. Tags (title, date, source, language) are not
part of the key: they are written into the MP3 when given and differ from the stored
ones, without re-encoding.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from reader.audio.assemble import (SAMPLE_RATE, ClipDecodeError, Decoded, assemble, decode_clips, encode, gain,
                                   join, spoken)
from reader.audio.cache import KEY_VERSION, ClipCache, stable_hash, write_output
from reader.audio.codec import retag_mp3
from reader.audio.engines import AutoEngine, Engine, make_engine
from reader.audio.store import load, store
from reader.audio.synthesize import (SentenceClips, clip_for, iter_sentence_clips, plan_script, speakable_chunks,
                                     synthesize_script)
from reader.config import ENGINES, Settings
from reader.errors import OutputError

if TYPE_CHECKING:
    from reader.speech.script import SpeechScript

log = logging.getLogger(__name__)

Layout = list[tuple[int, int, str, list[str]]]
Tags = Mapping[str, str]

# Bump when article audio is made differently for the same clips: old files are then ignored.
FORMAT_VERSION = 2


@dataclass(frozen=True)
class Rendering:
    """An article's audio: where the MP3 is, its sentence timings, and who read it."""

    mp3_path: Path
    timings: list[dict]
    engines_used: tuple[str, ...]
    offline: bool
    duration_ms: int = 0


@dataclass(frozen=True)
class AudioPart:
    """A playable piece of an article, made before the rest (see `render_parts`)."""

    index: int                   # 0, 1, 2 ... in reading order; part 0 holds the title
    paragraphs: tuple[int, ...]  # which script paragraphs it holds
    mp3_path: Path               # a playable MP3 of this part alone, kept in the cache
    timings: list[dict]          # same row shape as the article map, times relative to the part's start
    duration_ms: int
    offline: bool


def _shape(settings: Settings, tempo: float) -> list:
    return [FORMAT_VERSION, settings.sentence_pause_ms, settings.paragraph_pause_ms, settings.mp3_bitrate,
            settings.loudness_target_lufs, settings.loudness_peak_dbfs, round(tempo, 4)]


def article_key(layout: Layout, settings: Settings, tempo: float = 1.0) -> str:
    """Hash of the clips (per sentence, with display text), the assembly settings and the tempo."""
    return stable_hash(["article", KEY_VERSION, _shape(settings, tempo), [list(row) for row in layout]])


def _part_key(layout: Layout, settings: Settings, trailing_pause_ms: int) -> str:
    return stable_hash(["part", KEY_VERSION, _shape(settings, 1.0), trailing_pause_ms, [list(r) for r in layout]])


def _layout(sentences: list[SentenceClips]) -> Layout:
    return [(s.paragraph, s.sentence, s.text, [c.key for c in s.clips]) for s in sentences]


def _engines_in(sentences: list[SentenceClips]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(clip.engine for sentence in sentences for clip in sentence.clips))


def _articles_dir(settings: Settings) -> Path:
    return Path(settings.cache_dir) / "articles"


def parts_dir(settings: Settings) -> Path:
    return _articles_dir(settings) / "parts"


def _info(sentences: list[SentenceClips], timings: list[dict], duration_ms: int, **extra: object) -> dict:
    return {
        "timings": timings,
        "engines_used": list(_engines_in(sentences)),
        "duration_ms": duration_ms,
        "clip_keys": sorted({c.key for s in sentences for c in s.clips}),
        **extra,
    }


def _build(script: "SpeechScript", eng: Engine, settings: Settings, tags: Tags | None, tempo: float) -> tuple[Path, dict]:
    """Synthesize what is missing, then assemble and store (unless an identical article exists).

    Every clip that turns out broken is removed, and all of them are made again at once.
    """
    try:
        return _assemble_stored(script, eng, settings, tags, tempo, strict=True)
    except ClipDecodeError as exc:
        _discard(exc)
    return _assemble_stored(script, eng, settings, tags, tempo, strict=False)


def _assemble_stored(script: "SpeechScript", eng: Engine, settings: Settings, tags: Tags | None, tempo: float,
                     strict: bool) -> tuple[Path, dict]:
    sentences = synthesize_script(script, eng, ClipCache(settings.cache_dir))
    key = article_key(_layout(sentences), settings, tempo)
    stored = load(_articles_dir(settings), key)
    if stored is not None:
        return stored
    assembled = assemble(sentences, settings, tags, tempo, strict=strict)
    info = _info(sentences, assembled.timings, assembled.duration_ms, tags=dict(tags or {}), tempo=tempo)
    return store(_articles_dir(settings), key, assembled.mp3, info)


def _discard(exc: ClipDecodeError) -> None:
    log.warning("%s; removing them and making them again", exc)
    for path in exc.clip_paths:
        path.unlink(missing_ok=True)


def article_keys(script: "SpeechScript", settings: Settings) -> set[str]:
    """The keys the stored audio of ``script`` may have now: by Google's voice, by the
    offline voice, or as ``auto`` would plan it, at normal and slow tempo (for pruning
    what no article uses)."""
    cache = ClipCache(settings.cache_dir)
    layouts = [plan_script(script, make_engine(name, settings), cache) for name in ENGINES]
    return {article_key(layout, settings, tempo) for layout in layouts for tempo in (1.0, settings.slow_tempo)}


def _engine(engine: str | Engine | None, settings: Settings) -> Engine:
    return make_engine(engine or settings.engine, settings) if engine is None or isinstance(engine, str) else engine


def _offline(eng: Engine, engines_used: tuple[str, ...] | list[str]) -> bool:
    return isinstance(eng, AutoEngine) and "espeak" in engines_used


def _rendering(eng: Engine, mp3_path: Path, info: dict) -> Rendering:
    engines_used = tuple(info.get("engines_used", ()))
    return Rendering(mp3_path, list(info["timings"]), engines_used, _offline(eng, engines_used),
                     int(info.get("duration_ms", 0)))


def _stored(script: "SpeechScript", settings: Settings, eng: Engine, tempo: float) -> tuple[Path, dict] | None:
    key = article_key(plan_script(script, eng, ClipCache(settings.cache_dir)), settings, tempo)
    return load(_articles_dir(settings), key)


def cached_rendering(
    script: "SpeechScript", settings: Settings, engine: str | Engine | None = None, tempo: float = 1.0
) -> Rendering | None:
    """The stored article MP3 for ``script``, checked whole, or None: never calls a voice."""
    eng = _engine(engine, settings)
    stored = _stored(script, settings, eng, tempo)
    return None if stored is None else _rendering(eng, *stored)


def _with_tags(mp3_path: Path, info: dict, tags: Tags | None, settings: Settings) -> tuple[Path, dict]:
    """The stored article with ``tags`` in it (rewritten only when they differ)."""
    if tags is None or info.get("tags") == dict(tags):
        return mp3_path, info
    mp3 = retag_mp3(mp3_path.read_bytes(), tags, settings)
    kept = {k: v for k, v in info.items() if k not in ("mp3_bytes", "mp3_sha256")}
    return store(mp3_path.parent, mp3_path.stem, mp3, {**kept, "tags": dict(tags)})


def render(
    script: "SpeechScript",
    settings: Settings,
    engine: str | Engine | None = None,
    out_path: Path | None = None,
    *,
    tags: Tags | None = None,
    tempo: float = 1.0,
) -> Rendering:
    """The article MP3 and timing map for ``script``, reusing a stored one when it matches.

    ``engine`` is a name (default ``settings.engine``) or an engine to share across
    many articles. ``tags`` (title, date, source, language) are written into the MP3.
    ``tempo`` below 1 makes the slower variant (pitch kept; timings scaled to it). With
    ``out_path`` the MP3 is also written there (atomically) and that path is returned.
    """
    eng = _engine(engine, settings)
    stored = _stored(script, settings, eng, tempo) or _build(script, eng, settings, tags, tempo)
    rendering = _rendering(eng, *_with_tags(*stored, tags, settings))
    if out_path is not None:
        out_path = Path(out_path)
        try:
            write_output(out_path, rendering.mp3_path.read_bytes())
        except OSError as exc:
            raise OutputError(f"Cannot write {out_path}: {exc.strerror or exc}") from None
        rendering = replace(rendering, mp3_path=out_path)
    return rendering


def _groups(script: "SpeechScript") -> list[tuple[tuple[int, ...], int]]:
    """Paragraph groups of the parts, each with its number of sentences: the title with
    the first paragraph, then one paragraph each."""
    counts: dict[int, int] = {}
    for paragraph, _, _, _ in speakable_chunks(script):
        counts[paragraph] = counts.get(paragraph, 0) + 1
    order = sorted(counts)
    groups = [tuple(order[:2])] + [(p,) for p in order[2:]] if order else []
    return [(group, sum(counts[p] for p in group)) for group in groups]


def render_parts(
    script: "SpeechScript", settings: Settings, engine: str | Engine | None = None, tags: Tags | None = None
) -> Iterator[AudioPart]:
    """The article in playable parts, each as soon as its clips exist: part 0 (the
    title and the first paragraph) first, while the rest is being made.

    Played one after another the parts are the article: each part but the last ends
    with the pause between paragraphs, and all are played at the level found for the
    first (so there is no jump in loudness between parts). When the iterator is
    exhausted the whole article is stored, so `render` and `cached_rendering` find it
    at once. An article already stored comes as one part, the whole article MP3.
    """
    eng = _engine(engine, settings)
    stored = _stored(script, settings, eng, 1.0)
    if stored is not None:
        mp3_path, info = _with_tags(*stored, tags, settings)
        paragraphs = tuple(sorted({row["paragraph"] for row in info["timings"]}))
        yield AudioPart(0, paragraphs, mp3_path, list(info["timings"]), int(info.get("duration_ms", 0)),
                        _offline(eng, info.get("engines_used", ())))
        return
    maker = _PartMaker(eng, settings)
    groups = _groups(script)
    speaking = [any(chunks for p, _, _, chunks in speakable_chunks(script) if p in group) for group, _ in groups]
    last_spoken = max((i for i, s in enumerate(speaking) if s), default=-1)
    sentences_so_far: list[SentenceClips] = []
    stream = iter_sentence_clips(script, eng, maker.cache)
    try:
        for number, (group, count) in enumerate(groups):
            sentences = [next(stream) for _ in range(count)]
            if speaking[number]:
                trailing = settings.paragraph_pause_ms if number < last_spoken else 0
                sentences, part = maker.part(sentences, group, trailing)
                yield part
            sentences_so_far += sentences
    finally:
        stream.close()
    maker.store_whole(sentences_so_far, tags)


class _PartMaker:
    """Makes the parts of one article, keeping what the whole needs: the clips decoded at
    the common rate, the level of the first part, the keys of the parts."""

    def __init__(self, eng: Engine, settings: Settings) -> None:
        self.eng, self.settings = eng, settings
        self.cache = ClipCache(settings.cache_dir)
        self.decoded: dict[Path, bytes] = {}  # at SAMPLE_RATE
        self.gain: float | None = None
        self.keys: list[str] = []

    def part(self, sentences: list[SentenceClips], group: tuple[int, ...],
             trailing: int) -> tuple[list[SentenceClips], AudioPart]:
        """One part, from the store or made (its broken clips, if any, all remade at once)."""
        try:
            path, info = self._stored(sentences, trailing, strict=True)
        except ClipDecodeError as exc:
            _discard(exc)
            broken = set(exc.clip_paths)
            sentences = [replace(s, clips=tuple(clip_for(c.text, self.eng, self.cache) if c.path in broken else c
                                                for c in s.clips)) for s in sentences]
            path, info = self._stored(sentences, trailing, strict=False)
        self.keys.append(path.stem)
        return sentences, AudioPart(len(self.keys) - 1, group, path, list(info["timings"]),
                                    int(info["duration_ms"]), _offline(self.eng, info.get("engines_used", ())))

    def _stored(self, sentences: list[SentenceClips], trailing: int, strict: bool) -> tuple[Path, dict]:
        key = _part_key(_layout(sentences), self.settings, trailing)
        stored = load(parts_dir(self.settings), key)
        if stored is not None:
            return stored
        joined = join(sentences, self._decode(sentences, strict), self.settings, trailing)
        if self.gain is None:
            self.gain = gain(joined, self.settings)
        assembled = encode(joined, self.settings, self.gain)
        return store(parts_dir(self.settings), key, assembled.mp3,
                     _info(sentences, assembled.timings, assembled.duration_ms))

    def _decode(self, sentences: list[SentenceClips], strict: bool) -> Decoded:
        decoded = decode_clips(spoken(sentences), self.settings, strict, self.decoded)
        if decoded.rate == SAMPLE_RATE:
            self.decoded.update(decoded.samples)
        return decoded

    def store_whole(self, sentences: list[SentenceClips], tags: Tags | None) -> None:
        """The whole article, from the samples the parts decoded (the rest decoded now)."""
        if not spoken(sentences):
            return
        key = article_key(_layout(sentences), self.settings)
        if load(_articles_dir(self.settings), key) is not None:
            return
        joined = join(sentences, self._decode(sentences, strict=False), self.settings)
        assembled = encode(joined, self.settings, gain(joined, self.settings), tags)
        store(_articles_dir(self.settings), key, assembled.mp3,
              _info(sentences, assembled.timings, assembled.duration_ms, tags=dict(tags or {}), tempo=1.0,
                    part_keys=self.keys))
