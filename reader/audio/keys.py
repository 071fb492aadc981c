"""What stored article audio is called and what its description says.

An article MP3 (and each part an article is first played in) is named by a hash of
what it is made of: the clip keys per sentence with the sentence layout and display
text, the settings that shape the assembly (pauses, bitrate, loudness) and the tempo.
Its JSON description holds the timing map, the voices, the clip keys (for pruning)
and whatever the caller adds (tags, tempo, the keys of its parts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from reader.audio.cache import KEY_VERSION, stable_hash
from reader.audio.engines import AutoEngine, Engine
from reader.audio.synthesize import SentenceClips
from reader.config import Settings

Layout = list[tuple[int, int, str, list[str]]]
Tags = Mapping[str, str]

# Bump when article audio is made differently for the same clips: old files are then ignored.
FORMAT_VERSION = 3  # 3: one stream per article, no Xing header, timings as heard


def _shape(settings: Settings, tempo: float) -> list:
    return [FORMAT_VERSION, settings.sentence_pause_ms, settings.paragraph_pause_ms, settings.mp3_bitrate,
            settings.loudness_target_lufs, settings.loudness_peak_dbfs, round(tempo, 4)]


def article_key(layout: Layout, settings: Settings, tempo: float = 1.0) -> str:
    """Hash of the clips (per sentence, with display text), the assembly settings and the tempo."""
    return stable_hash(["article", KEY_VERSION, _shape(settings, tempo), [list(row) for row in layout]])


def part_key(layout: Layout, settings: Settings, trailing_pause_ms: int) -> str:
    return stable_hash(["part", KEY_VERSION, _shape(settings, 1.0), trailing_pause_ms, [list(r) for r in layout]])


def layout_of(sentences: Sequence[SentenceClips]) -> Layout:
    return [(s.paragraph, s.sentence, s.text, [c.key for c in s.clips]) for s in sentences]


def articles_dir(settings: Settings) -> Path:
    return Path(settings.cache_dir) / "articles"


def parts_dir(settings: Settings) -> Path:
    return articles_dir(settings) / "parts"


def describe(sentences: Sequence[SentenceClips], timings: list[dict], duration_ms: int, **extra: object) -> dict:
    """The JSON description of audio made of ``sentences``."""
    return {
        "timings": timings,
        "engines_used": list(dict.fromkeys(clip.engine for s in sentences for clip in s.clips)),
        "duration_ms": duration_ms,
        "clip_keys": sorted({c.key for s in sentences for c in s.clips}),
        **extra,
    }


def is_offline(eng: Engine, engines_used: Sequence[str]) -> bool:
    """Whether a listener who asked for ``auto`` is hearing the offline voice."""
    return isinstance(eng, AutoEngine) and "espeak" in engines_used
