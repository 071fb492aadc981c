"""Assembly: one MP3, pauses between sentences and paragraphs, an exact timing map."""

from __future__ import annotations

import io

import pytest
from pydub import AudioSegment

from reader.audio.assemble import assemble
from reader.audio.cache import ClipCache
from reader.audio.engines import GttsEngine
from reader.audio.synthesize import synthesize_script
from reader.config import Settings
from reader.errors import AssemblyError
from tests.audio.conftest import make_script
from tests.fakes.google import FakeGoogle

SCRIPT = make_script(
    ["Tin huyện An Biên"],
    [["Sáng nay, tại trụ sở", "ủy ban nhân dân huyện"], "Đã có nhiều ý kiến"],
)


def built(online: Settings):
    return synthesize_script(SCRIPT, GttsEngine(online), ClipCache(online.cache_dir))


def test_durations_pauses_and_timings(online: Settings, google: FakeGoogle) -> None:
    result = assemble(built(online), online)
    t = result.timings
    assert [(x["paragraph"], x["sentence"]) for x in t] == [(1 - 1, 0), (1, 0), (1, 1)]
    assert t[0]["start_ms"] == 0
    assert all(x["start_ms"] < x["end_ms"] for x in t)
    assert all(a["end_ms"] <= b["start_ms"] for a, b in zip(t, t[1:]))
    assert t[1]["start_ms"] - t[0]["end_ms"] == online.paragraph_pause_ms
    assert t[2]["start_ms"] - t[1]["end_ms"] == online.sentence_pause_ms
    # chunks of one sentence are joined without a gap: 60 ms a character, to a 24 ms frame
    chars = len("Sáng nay, tại trụ sở") + len("ủy ban nhân dân huyện")
    assert abs((t[1]["end_ms"] - t[1]["start_ms"]) - 60 * chars) <= 2 * 24
    assert t[1]["text"] == "SÁNG NAY, TẠI TRỤ SỞ ỦY BAN NHÂN DÂN HUYỆN"
    audio = AudioSegment.from_file(io.BytesIO(result.mp3), format="mp3")
    assert audio.channels == 1
    assert abs(len(audio) - t[-1]["end_ms"]) < 100  # MP3 framing only
    assert result.duration_ms == t[-1]["end_ms"]


def test_pause_settings_are_used(online: Settings, google: FakeGoogle) -> None:
    custom = online.with_(sentence_pause_ms=100, paragraph_pause_ms=1000)
    t = assemble(built(online), custom).timings
    assert t[1]["start_ms"] - t[0]["end_ms"] == 1000
    assert t[2]["start_ms"] - t[1]["end_ms"] == 100


def test_undecodable_clip_is_assembly_error(online: Settings, google: FakeGoogle) -> None:
    sentences = built(online)
    sentences[0].clips[0].path.write_bytes(b"this is not audio at all")
    with pytest.raises(AssemblyError, match="not decodable"):
        assemble(sentences, online)


def test_missing_ffmpeg_is_assembly_error(online: Settings, google: FakeGoogle, tmp_path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = built(online)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(AssemblyError, match="Debian package ffmpeg"):
        assemble(sentences, online)


def test_nothing_to_assemble(online: Settings) -> None:
    with pytest.raises(AssemblyError, match="Nothing"):
        assemble([], online)
