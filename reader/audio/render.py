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

Both are made while the clips arrive (`reader.audio.parts.PartMaker`): the article
is encoded once, by one encoder fed paragraph by paragraph. `render_parts` also hands
over each part (title and first paragraph first) as soon as its frames are encoded;
the whole article is stored when the last part is ready. Tags (title, date, source,
language) are not part of the key: they are written into the MP3 when given and
differ from the stored ones, without re-encoding.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from reader.audio.cache import ClipCache, write_output
from reader.audio.codec import retag_mp3
from reader.audio.engines import Engine, make_engine
from reader.audio.keys import Tags, article_key, articles_dir, is_offline, layout_of, parts_dir
from reader.audio.parts import Arrivals, AudioPart, PartMaker, groups, part_count
from reader.audio.store import load, store
from reader.audio.synthesize import iter_sentence_clips, plan_script
from reader.config import ENGINES, Settings
from reader.errors import AssemblyError, OutputError

if TYPE_CHECKING:
    from reader.speech.script import SpeechScript

__all__ = ["AudioPart", "Rendering", "article_key", "article_keys", "cached_rendering", "part_count", "render",
           "render_parts", "stored_part"]


@dataclass(frozen=True)
class Rendering:
    """An article's audio: where the MP3 is, its sentence timings, and who read it."""

    mp3_path: Path
    timings: list[dict]
    engines_used: tuple[str, ...]
    offline: bool
    duration_ms: int = 0


def _build(script: "SpeechScript", eng: Engine, settings: Settings, tags: Tags | None, tempo: float) -> tuple[Path, dict]:
    """Assemble and store the article while its clips are made (unless an identical one exists)."""
    maker = PartMaker(eng, settings, tags, tempo, keep_parts=False)
    try:
        for _ in _made(script, maker):
            pass
        return _store_whole(maker, settings, tempo)
    finally:
        maker.close()


def _made(script: "SpeechScript", maker: PartMaker) -> Iterator[AudioPart]:
    """Feed ``maker`` the article as the clips arrive: the next group, with the groups
    after it whose clips are there too, up to ``assembly_step_clips`` clips a step (so
    the encoder works on one step while the next is decoded); the parts as they are ready."""
    plan = groups(script)
    last_spoken = max((i for i, group in enumerate(plan) if group.speaks), default=-1)
    arrivals = Arrivals(iter_sentence_clips(script, maker.eng, maker.cache))
    step = maker.settings.assembly_step_clips
    try:
        number = 0
        while number < len(plan):
            batch: list = []
            while number < len(plan) and (not batch or (arrivals.arrived() >= plan[number].sentences
                                                         and _clips(batch) < step)):
                group = plan[number]
                trailing = maker.settings.paragraph_pause_ms if number < last_spoken else 0
                batch.append((arrivals.take(group.sentences), group.paragraphs, trailing))
                number += 1
                if number == 1:
                    break  # the first group alone: the first part, and the level, as soon as it can be
            yield from maker.add(batch)
    finally:
        arrivals.close()


def _clips(batch: list) -> int:
    return sum(len(sentence.clips) for sentences, _, _ in batch for sentence in sentences)


def _store_whole(maker: PartMaker, settings: Settings, tempo: float) -> tuple[Path, dict]:
    finished = maker.finish()
    if finished is None:
        raise AssemblyError("Nothing to assemble: the script has no speakable text")
    _, mp3, info = finished
    return store(articles_dir(settings), article_key(layout_of(maker.sentences), settings, tempo), mp3, info)


def article_keys(script: "SpeechScript", settings: Settings) -> set[str]:
    """The keys the stored audio of ``script`` may have now: by Google's voice, by the
    offline voice, or as ``auto`` would plan it, at normal and slow tempo (for pruning
    what no article uses)."""
    cache = ClipCache(settings.cache_dir)
    layouts = [plan_script(script, make_engine(name, settings), cache) for name in ENGINES]
    return {article_key(layout, settings, tempo) for layout in layouts for tempo in (1.0, settings.slow_tempo)}


def _engine(engine: str | Engine | None, settings: Settings) -> Engine:
    return make_engine(engine or settings.engine, settings) if engine is None or isinstance(engine, str) else engine


def _rendering(eng: Engine, mp3_path: Path, info: dict) -> Rendering:
    engines_used = tuple(info.get("engines_used", ()))
    return Rendering(mp3_path, list(info["timings"]), engines_used, is_offline(eng, engines_used),
                     int(info.get("duration_ms", 0)))


def _stored(script: "SpeechScript", settings: Settings, eng: Engine, tempo: float) -> tuple[Path, dict] | None:
    key = article_key(plan_script(script, eng, ClipCache(settings.cache_dir)), settings, tempo)
    return load(articles_dir(settings), key)


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


def render_parts(
    script: "SpeechScript", settings: Settings, engine: str | Engine | None = None, tags: Tags | None = None
) -> Iterator[AudioPart]:
    """The article in playable parts (`reader.audio.parts`), each as soon as its clips
    exist: part 0 (the title and the first paragraph) first, while the rest is being
    made. When the iterator is exhausted the whole article is stored, so `render` and
    `cached_rendering` find it at once. An article already stored comes as one part,
    the whole article MP3.
    """
    eng = _engine(engine, settings)
    stored = _stored(script, settings, eng, 1.0)
    if stored is not None:
        mp3_path, info = _with_tags(*stored, tags, settings)
        paragraphs = tuple(sorted({row["paragraph"] for row in info["timings"]}))
        yield AudioPart(0, paragraphs, mp3_path, list(info["timings"]), int(info.get("duration_ms", 0)),
                        is_offline(eng, info.get("engines_used", ())))
        return
    maker = PartMaker(eng, settings, tags)
    try:
        yield from _made(script, maker)
        finished = maker.finish()
        if finished is None:
            return
        parts, mp3, info = finished
        store(articles_dir(settings), article_key(layout_of(maker.sentences), settings), mp3, info)
        yield from parts
    finally:
        maker.close()


def stored_part(settings: Settings, index: int, key: str, engine: str | Engine | None = None) -> AudioPart | None:
    """Part ``index`` of an article as another process stored it (``AudioPart.mp3_path``'s
    stem is its key), checked whole; None if it is not (or no longer) there."""
    stored = load(parts_dir(settings), key) if key.isascii() and key.isalnum() else None
    if stored is None:
        return None
    mp3_path, info = stored
    paragraphs = tuple(sorted({row["paragraph"] for row in info["timings"] if "paragraph" in row}))
    return AudioPart(index, paragraphs, mp3_path, list(info["timings"]), int(info.get("duration_ms", 0)),
                     is_offline(_engine(engine, settings), info.get("engines_used", ())))
