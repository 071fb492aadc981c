"""An article in playable parts, made while the rest is still being made.

Part 0 is the title with the first paragraph, then one paragraph a part. `PartMaker`
takes the article group by group as its clips arrive: decodes them (one ffmpeg
process per group, WAV clips read as they are), joins them with their pauses and
feeds them to the article's one encoder (`reader.audio.stream`), started with the
level measured on the first group. Each part is the run of MP3 frames the stream
holds up to the middle of the pause after its paragraph, so played one after
another the parts are the article, byte for byte, at one level; the whole article
is stored as soon as the encoder has its last frame. `reader.audio.render` drives it
(`render_parts` with the parts stored, `render` without).
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from reader.audio.assemble import (SAMPLE_RATE, ClipDecodeError, Decoded, decode_clips, gain, heard_ms, join,
                                   remove_broken, spoken)
from reader.audio.cache import ClipCache
from reader.audio.codec import SAMPLE_WIDTH, warm_encoder_gain
from reader.audio.engines import Engine
from reader.audio.keys import Tags, describe, is_offline, layout_of, part_key, parts_dir
from reader.audio.store import store
from reader.audio.stream import ENCODER_DELAY, LOOKAHEAD, ArticleEncoder
from reader.audio.synthesize import SentenceClips, clip_for, speakable_chunks
from reader.config import Settings
from reader.errors import AssemblyError

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


def part_count(script: "SpeechScript") -> int:
    """How many parts `render_parts` hands over for ``script`` (a group with nothing spoken makes none)."""
    return sum(group.speaks for group in groups(script))


@dataclass
class _Pending:
    """A part fed to the encoder, handed out once the stream holds its last frame."""

    paragraphs: tuple[int, ...]
    sentences: list[SentenceClips]
    rows: list[dict]       # timings, in samples fed
    end_frame: int | None  # None: up to the end of the stream
    trailing: int
    prefix: int            # sentences of the article up to the end of this part


class PartMaker:
    """Makes one article, group by group, through one encoder; optionally stores its parts."""

    def __init__(self, eng: Engine, settings: Settings, tags: Tags | None = None, tempo: float = 1.0,
                 keep_parts: bool = True) -> None:
        self.eng, self.settings, self.tags, self.tempo = eng, settings, tags, tempo
        self.keep_parts = keep_parts and tempo == 1.0
        if eng.name != "espeak":  # Google's clips, at SAMPLE_RATE
            warm_encoder_gain(settings)
        self.cache = ClipCache(settings.cache_dir)
        self.decoded: dict[Path, bytes] = {}  # at SAMPLE_RATE
        self.encoder: ArticleEncoder | None = None
        self.rate = SAMPLE_RATE
        self.fed = 0  # samples fed so far
        self.rows: list[dict] = []  # the whole article's timings, in samples fed
        self.sentences: list[SentenceClips] = []
        self.pending: list[_Pending] = []
        self.cut = 0  # frames already handed out as parts
        self.keys: list[str] = []

    def add(self, batch: list[tuple[list[SentenceClips], tuple[int, ...], int]]) -> list[AudioPart]:
        """Feed groups (sentences, paragraphs, trailing pause), their clips decoded together
        (the broken ones, if any, all remade at once); the parts now ready."""
        everything = [s for sentences, _, _ in batch for s in spoken(sentences)]
        if everything:
            try:
                decoded = self._decode(everything, strict=True)
            except ClipDecodeError as exc:
                remove_broken(exc)
                broken = set(exc.clip_paths)
                batch = [([replace(s, clips=tuple(clip_for(c.text, self.eng, self.cache) if c.path in broken else c
                                                  for c in s.clips)) for s in sentences], paragraphs, trailing)
                         for sentences, paragraphs, trailing in batch]
                decoded = self._decode([s for sentences, _, _ in batch for s in spoken(sentences)], strict=False)
        for sentences, paragraphs, trailing in batch:
            if spoken(sentences):
                self._feed(sentences, decoded, paragraphs, trailing)
            else:
                self.sentences += sentences
        return self._ready(finished=False)

    def _feed(self, sentences: list[SentenceClips], decoded: Decoded, paragraphs: tuple[int, ...],
              trailing: int) -> None:
        joined = join(sentences, decoded, self.settings, trailing)
        if self.encoder is None:
            self.rate = decoded.rate
            self.encoder = ArticleEncoder(self.settings, self.rate, gain(joined, self.settings), self.tags, self.tempo)
        per_ms = self.rate / 1000
        rows = [{**row, "start_ms": self.fed + round(row["start_ms"] * per_ms),
                 "end_ms": self.fed + round(row["end_ms"] * per_ms)} for row in joined.timings]
        self.encoder.feed(joined.pcm)
        self.fed += len(joined.pcm) // SAMPLE_WIDTH
        self.rows += rows
        self.sentences += sentences
        if self.keep_parts:
            # The cut: the frame that starts nearest the middle of the pause after the paragraph.
            middle = (rows[-1]["end_ms"] + self.fed) // 2 + ENCODER_DELAY if trailing else None
            end = None if middle is None else self.encoder.frames_for(middle)
            self.pending.append(_Pending(paragraphs, sentences, rows, end, trailing, len(self.sentences)))

    def _ready(self, finished: bool) -> list[AudioPart]:
        """The pending parts whose frames the encoder has made (or will make without more input)."""
        spf, made = self.encoder.samples_per_frame, []
        while self.pending:
            part = self.pending[0]
            end = self.encoder.frame_count if part.end_frame is None else max(part.end_frame, self.cut + 1)
            if not finished and (part.end_frame is None or end * spf - ENCODER_DELAY + LOOKAHEAD > self.fed):
                break  # its last frames wait for audio not fed yet
            made.append(self._part(part, self.encoder.frames(self.cut, end), end))
            self.cut = end
            self.pending.pop(0)
        return made

    def _part(self, pending: _Pending, mp3: bytes, end: int) -> AudioPart:
        offset = self.cut * self.encoder.samples_per_frame - ENCODER_DELAY
        timings = [{**row, "start_ms": self._ms(row["start_ms"] - offset), "end_ms": self._ms(row["end_ms"] - offset)}
                   for row in pending.rows]
        duration = self._ms((end - self.cut) * self.encoder.samples_per_frame)
        # What a part sounds like depends on everything before it (level, frame phase).
        key = part_key(layout_of(self.sentences[:pending.prefix]), self.settings, pending.trailing)
        path, info = store(parts_dir(self.settings), key, mp3, describe(pending.sentences, timings, duration))
        self.keys.append(key)
        return AudioPart(len(self.keys) - 1, pending.paragraphs, path, timings, duration,
                         is_offline(self.eng, info.get("engines_used", ())))

    def _ms(self, samples: int) -> int:
        return int(round(samples * 1000 / self.rate))

    def _decode(self, sentences: list[SentenceClips], strict: bool) -> Decoded:
        rate = None if self.encoder is None else self.rate
        decoded = decode_clips(spoken(sentences), self.settings, strict, self.decoded, rate)
        if decoded.rate == SAMPLE_RATE:
            self.decoded.update(decoded.samples)
        return decoded

    def finish(self) -> tuple[list[AudioPart], bytes, dict] | None:
        """The last parts, the whole article's MP3 and its description (None: nothing was spoken)."""
        if self.encoder is None:
            return None
        mp3 = self.encoder.finish()
        parts = self._ready(finished=True) if self.keep_parts else []
        timings = [{**row, "start_ms": heard_ms(self._ms(row["start_ms"]), self.rate, self.tempo),
                    "end_ms": heard_ms(self._ms(row["end_ms"]), self.rate, self.tempo)} for row in self.rows]
        duration = self._ms(self.encoder.frame_count * self.encoder.samples_per_frame)
        extra = {"part_keys": self.keys} if self.keep_parts else {}
        info = describe(self.sentences, timings, duration, tags=dict(self.tags or {}), tempo=self.tempo, **extra)
        return parts, mp3, info

    def close(self) -> None:
        if self.encoder is not None:
            self.encoder.close()


class Arrivals:
    """An article's sentences, pulled from its clip stream by a thread of their own, so
    that whoever assembles them takes at once all that have arrived: one decoding for
    many paragraphs when assembly is behind, one a paragraph when the clips are."""

    def __init__(self, stream: Iterator[SentenceClips]) -> None:
        self._stream = stream
        self._items: deque[SentenceClips] = deque()
        self._changed = threading.Condition()
        self._error: BaseException | None = None
        self._done = self._stop = False
        threading.Thread(target=self._pull, name="sentences", daemon=True).start()

    def _pull(self) -> None:
        try:
            for item in self._stream:
                with self._changed:
                    if self._stop:
                        break
                    self._items.append(item)
                    self._changed.notify_all()
        except BaseException as exc:  # handed to the assembling side, at its sentence
            with self._changed:
                self._error = exc
        finally:
            self._stream.close()
            with self._changed:
                self._done = True
                self._changed.notify_all()

    def arrived(self) -> int:
        with self._changed:
            return len(self._items)

    def take(self, count: int) -> list[SentenceClips]:
        """The next ``count`` sentences, waiting for them; a chunk's failure raises here."""
        with self._changed:
            self._changed.wait_for(lambda: len(self._items) >= count or self._done)
            if len(self._items) < count:
                raise self._error or AssemblyError("The article's clips ended before its last sentence")
            return [self._items.popleft() for _ in range(count)]

    def close(self) -> None:
        """Stop pulling (the chunks not started are then cancelled)."""
        with self._changed:
            self._stop = True
