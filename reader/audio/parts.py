"""An article in playable parts, made while the rest is still being made.

Part 0 is the title with the first paragraph, then one paragraph a part. Played one
after another the parts are the article: each part but the last ends with the pause
between paragraphs, and all are played at the level found for the first, so there is
no jump in loudness between parts. `PartMaker` keeps what the whole article needs
once the last part is done: the clips already decoded, the level, the parts' keys.
`reader.audio.render.render_parts` drives it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.audio.assemble import (SAMPLE_RATE, ClipDecodeError, Decoded, decode_clips, encode, gain, join,
                                   remove_broken, spoken)
from reader.audio.cache import ClipCache
from reader.audio.engines import Engine
from reader.audio.keys import (Tags, article_key, articles_dir, describe, is_offline, layout_of, part_key,
                               parts_dir)
from reader.audio.store import load, store
from reader.audio.synthesize import SentenceClips, clip_for, speakable_chunks
from reader.config import Settings

if TYPE_CHECKING:
    from reader.speech.script import SpeechScript


@dataclass(frozen=True)
class AudioPart:
    """A playable piece of an article, made before the rest (see `render_parts`)."""

    index: int                   # 0, 1, 2 ... in reading order; part 0 holds the title
    paragraphs: tuple[int, ...]  # which script paragraphs it holds
    mp3_path: Path               # a playable MP3 of this part alone, kept in the cache
    timings: list[dict]          # same row shape as the article map, times relative to the part's start
    duration_ms: int
    offline: bool


@dataclass(frozen=True)
class Group:
    """The paragraphs of one part, how many sentences they have, whether any is spoken."""

    paragraphs: tuple[int, ...]
    sentences: int
    speaks: bool


def groups(script: "SpeechScript") -> list[Group]:
    """The parts' paragraph groups: the title with the first paragraph, then one paragraph each."""
    counts: dict[int, int] = {}
    speaks: dict[int, bool] = {}
    for paragraph, _, _, chunks in speakable_chunks(script):
        counts[paragraph] = counts.get(paragraph, 0) + 1
        speaks[paragraph] = speaks.get(paragraph, False) or bool(chunks)
    order = sorted(counts)
    grouped = [tuple(order[:2])] + [(p,) for p in order[2:]] if order else []
    return [Group(g, sum(counts[p] for p in g), any(speaks[p] for p in g)) for g in grouped]


class PartMaker:
    """Makes the parts of one article, keeping what the whole needs."""

    def __init__(self, eng: Engine, settings: Settings) -> None:
        self.eng, self.settings = eng, settings
        self.cache = ClipCache(settings.cache_dir)
        self.decoded: dict[Path, bytes] = {}  # at SAMPLE_RATE
        self.gain: float | None = None
        self.keys: list[str] = []

    def part(self, sentences: list[SentenceClips], paragraphs: tuple[int, ...],
             trailing: int) -> tuple[list[SentenceClips], AudioPart]:
        """One part, from the store or made (its broken clips, if any, all remade at once);
        with the sentences as they are now (remade clips in them)."""
        try:
            path, info = self._stored(sentences, trailing, strict=True)
        except ClipDecodeError as exc:
            remove_broken(exc)
            broken = set(exc.clip_paths)
            sentences = [replace(s, clips=tuple(clip_for(c.text, self.eng, self.cache) if c.path in broken else c
                                                for c in s.clips)) for s in sentences]
            path, info = self._stored(sentences, trailing, strict=False)
        self.keys.append(path.stem)
        return sentences, AudioPart(len(self.keys) - 1, paragraphs, path, list(info["timings"]),
                                    int(info["duration_ms"]), is_offline(self.eng, info.get("engines_used", ())))

    def _stored(self, sentences: list[SentenceClips], trailing: int, strict: bool) -> tuple[Path, dict]:
        key = part_key(layout_of(sentences), self.settings, trailing)
        stored = load(parts_dir(self.settings), key)
        if stored is not None:
            return stored
        joined = join(sentences, self._decode(sentences, strict), self.settings, trailing)
        if self.gain is None:
            self.gain = gain(joined, self.settings)
        assembled = encode(joined, self.settings, self.gain)
        return store(parts_dir(self.settings), key, assembled.mp3,
                     describe(sentences, assembled.timings, assembled.duration_ms))

    def _decode(self, sentences: list[SentenceClips], strict: bool) -> Decoded:
        decoded = decode_clips(spoken(sentences), self.settings, strict, self.decoded)
        if decoded.rate == SAMPLE_RATE:
            self.decoded.update(decoded.samples)
        return decoded

    def store_whole(self, sentences: list[SentenceClips], tags: Tags | None) -> None:
        """The whole article, from the samples the parts decoded (the rest decoded now),
        measured and encoded once."""
        if not spoken(sentences):
            return
        key = article_key(layout_of(sentences), self.settings)
        if load(articles_dir(self.settings), key) is not None:
            return
        joined = join(sentences, self._decode(sentences, strict=False), self.settings)
        assembled = encode(joined, self.settings, gain(joined, self.settings), tags)
        store(articles_dir(self.settings), key, assembled.mp3,
              describe(sentences, assembled.timings, assembled.duration_ms, tags=dict(tags or {}), tempo=1.0,
                       part_keys=self.keys))
