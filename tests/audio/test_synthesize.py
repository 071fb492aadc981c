"""Clips for a script: cache first, engine second, and who made each clip."""

from __future__ import annotations

from reader.audio.cache import ClipCache, clip_key
from reader.audio.engines import AutoEngine, EspeakEngine, GttsEngine
from reader.audio.synthesize import clip_for, synthesize_script
from reader.config import Settings
from tests.audio.conftest import make_script
from tests.fakes.google import FakeGoogle


def test_each_chunk_is_asked_once(online: Settings, google: FakeGoogle) -> None:
    script = make_script([["một hai", "ba bốn"], "năm sáu"], ["một hai"])
    cache = ClipCache(online.cache_dir)
    sentences = synthesize_script(script, GttsEngine(online), cache)
    assert [(s.paragraph, s.sentence) for s in sentences] == [(0, 0), (0, 1), (1, 0)]
    assert [len(s.clips) for s in sentences] == [2, 1, 1]
    assert sentences[0].text == "MỘT HAI BA BỐN"  # the display text travels with the clips
    assert sorted(google.texts) == sorted(["một hai", "ba bốn", "năm sáu"])
    assert all(c.engine == "gtts" and c.voice == "vi" for s in sentences for c in s.clips)
    synthesize_script(script, GttsEngine(online), cache)
    assert google.rpc_count == 3


def test_chunks_without_words_are_skipped(online: Settings, google: FakeGoogle) -> None:
    sentences = synthesize_script(make_script([["xin chào", "…", " - "]]), GttsEngine(online), ClipCache(online.cache_dir))
    assert [c.text for c in sentences[0].clips] == ["xin chào"]
    assert google.texts == ["xin chào"]


def test_empty_cache_file_is_made_again(online: Settings, google: FakeGoogle) -> None:
    cache = ClipCache(online.cache_dir)
    clip = clip_for("xin chào", GttsEngine(online), cache)
    clip.path.write_bytes(b"")  # what a crash on a forgetful filesystem leaves
    again = clip_for("xin chào", GttsEngine(online), cache)
    assert again.path == clip.path and again.path.stat().st_size > 0
    assert google.rpc_count == 2


def test_auto_prefers_a_cached_google_clip_even_offline(settings: Settings) -> None:
    cache = ClipCache(settings.cache_dir)
    auto = AutoEngine(settings)
    auto.marker.set()
    cache.put(clip_key("gtts", "vi", "xin chào"), b"ID3 google clip")
    clip = clip_for("xin chào", auto, cache)
    assert clip.engine == "gtts"


def test_auto_offline_uses_cached_espeak_clip_without_any_engine(settings: Settings) -> None:
    cache = ClipCache(settings.cache_dir)
    auto = AutoEngine(settings)
    auto.marker.set()
    espeak = EspeakEngine(settings)
    cache.put(clip_key("espeak", espeak.voice, "xin chào"), b"ID3 espeak clip")

    class Refusing:
        name, voice = "espeak", espeak.voice

        def synthesize(self, text: str) -> bytes:
            raise AssertionError("must not be called")

    auto.fallback = Refusing()
    assert clip_for("xin chào", auto, cache).engine == "espeak"


def test_auto_when_google_fails_records_espeak(settings: Settings) -> None:
    sentences = synthesize_script(make_script(["xin chào"]), AutoEngine(settings), ClipCache(settings.cache_dir))
    (clip,) = sentences[0].clips
    assert clip.engine == "espeak" and clip.voice.startswith("vi")


def test_sentences_come_in_reading_order(online: Settings, google: FakeGoogle) -> None:
    from reader.audio.synthesize import iter_sentence_clips

    script = make_script([[f"câu {i} phần {j}" for j in range(3)] for i in range(5)], ["kết thúc"])
    got = list(iter_sentence_clips(script, GttsEngine(online), ClipCache(online.cache_dir)))
    assert [(s.paragraph, s.sentence) for s in got] == [(p, s) for p, s, _ in script.sentences()]
    assert [c.text for c in got[2].clips] == ["câu 2 phần 0", "câu 2 phần 1", "câu 2 phần 2"]
    assert google.rpc_count == 16
