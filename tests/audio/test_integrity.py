"""Broken audio is never served: damaged article MP3s and clips are found and remade."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from reader.audio.cache import ClipCache, clip_key
from reader.audio.engines import EspeakEngine
from reader.audio.integrity import mp3_problem, structure_problem, wav_problem
from reader.audio.render import cached_rendering, render
from reader.config import Settings
from tests.audio.conftest import make_script
from tests.fakes.google import FakeGoogle, fake_mp3

SCRIPT = make_script(["Tin huyện An Biên"], ["Sáng nay trời đẹp", ["Bà con", "đi chợ sớm"]], ["Hết tin"])
WHOLE = fake_mp3("một câu nói khá dài để có nhiều khung")  # 96-byte frames, 24 kHz, 32 kb/s


def test_a_whole_mp3_passes() -> None:
    assert mp3_problem(WHOLE) is None
    assert mp3_problem(b"ID3\x04\x00\x00\x00\x00\x00\x00" + WHOLE) is None  # an empty ID3v2 tag first
    assert mp3_problem(WHOLE + b"TAG" + b"\0" * 125) is None  # an ID3v1 tag last


@given(cut=st.integers(min_value=1, max_value=len(WHOLE) - 1))
@hsettings(max_examples=60)
def test_a_cut_mp3_is_found_unless_cut_between_frames(cut: int) -> None:
    problem = mp3_problem(WHOLE[:cut])
    assert (problem is None) == (cut % 96 == 0)


def test_garbage_after_a_valid_frame_is_found() -> None:
    assert "not MP3 frames" in mp3_problem(WHOLE[:96] + os.urandom(500).replace(b"\xff", b"\x00"))
    assert "not MP3 frames" in mp3_problem(WHOLE + b"<html>error page</html>")
    assert "not an MP3" in mp3_problem(b"<html>error page</html>")


def test_wav_sizes_must_match(settings: Settings) -> None:
    wav = EspeakEngine(settings).synthesize("Xin chào")
    assert wav_problem(wav) is None
    assert "cut short" in wav_problem(wav[:-101])
    assert "follow its end" in wav_problem(wav + b"junk")


def _damage(path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2 + 7])
    elif how == "garbage-tailed":
        path.write_bytes(data[:200] + b"\x00garbage" * 50)
    elif how == "overwritten":
        path.write_bytes(bytes(reversed(data)))  # same length, other bytes
    elif how == "emptied":
        path.write_bytes(b"")


@pytest.mark.parametrize("how", ["truncated", "overwritten", "garbage-tailed", "emptied"])
def test_a_damaged_article_mp3_is_remade_on_the_next_render(online: Settings, google: FakeGoogle, how: str) -> None:
    first = render(SCRIPT, online, engine="gtts")
    good = first.mp3_path.read_bytes()
    _damage(first.mp3_path, how)
    assert cached_rendering(SCRIPT, online, "gtts") is None  # never served as it is
    again = render(SCRIPT, online, engine="gtts")
    assert again.mp3_path.read_bytes() == good and again.timings == first.timings
    assert google.rpc_count == 5  # made from the cached clips


def test_a_damaged_article_mp3_is_remade_by_speak(online: Settings, google: FakeGoogle, tmp_path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import main

    for name, value in (("READER_CACHE_DIR", online.cache_dir), ("READER_DATA_DIR", online.data_dir),
                        ("READER_GTTS_URL", online.gtts_url)):
        monkeypatch.setenv(name, str(value))
    out = tmp_path / "out.mp3"
    assert main(["speak", "--text", "Tin huyện An Biên\nSáng nay trời đẹp", "-o", str(out), "--engine", "gtts"]) == 0
    good = out.read_bytes()
    stored = next((online.cache_dir / "articles").glob("*.mp3"))
    _damage(stored, "truncated")
    out.unlink()
    assert main(["speak", "--text", "Tin huyện An Biên\nSáng nay trời đẹp", "-o", str(out), "--engine", "gtts"]) == 0
    assert out.read_bytes() == good and google.rpc_count == 2


def test_several_broken_clips_are_all_remade_in_one_listen(online: Settings, google: FakeGoogle) -> None:
    render(SCRIPT, online, engine="gtts")
    cache = ClipCache(online.cache_dir)
    for text, how in (("Bà con", "truncated"), ("đi chợ sớm", "garbage-tailed"), ("Hết tin", "overwritten")):
        _damage(cache.get(clip_key("gtts", "vi", text)), how)
    google.reset()
    rendering = render(SCRIPT, online.with_(sentence_pause_ms=200), engine="gtts")  # a new assembly
    assert rendering.mp3_path.exists()
    assert sorted(google.texts) == sorted(["Bà con", "đi chợ sớm", "Hết tin"])  # each remade once
    for text in ("Bà con", "đi chợ sớm", "Hết tin"):
        assert structure_problem(cache.get(clip_key("gtts", "vi", text))) is None


def test_broken_espeak_wav_clips_are_remade(settings: Settings) -> None:
    espeak = settings.with_(engine="espeak")
    render(SCRIPT, espeak)
    cache = ClipCache(espeak.cache_dir)
    wav = cache.get(clip_key("espeak", EspeakEngine(espeak).voice, "Bà con"))
    assert wav.suffix == ".wav"
    _damage(wav, "truncated")
    rendering = render(SCRIPT, espeak.with_(sentence_pause_ms=200))
    assert rendering.mp3_path.exists() and structure_problem(wav) is None


def test_clips_just_remade_that_ffmpeg_complains_about_are_used(online: Settings, google: FakeGoogle) -> None:
    """If a voice's every clip drew a complaint, the article must still be made (once
    the clips were made again), not fail for ever."""
    from reader.audio.assemble import assemble, decode_clips
    from reader.audio.codec import ClipDecodeError
    from reader.audio.engines import GttsEngine
    from reader.audio.synthesize import synthesize_script

    sentences = synthesize_script(SCRIPT, GttsEngine(online), ClipCache(online.cache_dir))
    path = sentences[1].clips[0].path
    data = path.read_bytes()
    path.write_bytes(data[:196] + bytes(b ^ 0x55 for b in data[196:288]) + data[288:])  # a frame body scrambled
    with pytest.raises(ClipDecodeError) as caught:
        decode_clips(sentences, online)
    assert caught.value.clip_paths == (path,)
    assert assemble(sentences, online, strict=False).timings  # decoded as well as ffmpeg can
