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
    assert t[0]["start_ms"] == 46  # the MP3 encoder's and decoder's delay, heard before the first sample
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
    assert abs(len(audio) - result.duration_ms) <= 1 and result.duration_ms >= t[-1]["end_ms"]


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


# --- one pass, timings against the audio, loudness, format ---------------------------------

from dataclasses import replace  # noqa: E402

from reader.audio import codec  # noqa: E402
from reader.audio import joined as joined_module  # noqa: E402
from reader.audio.engines import EspeakEngine  # noqa: E402
from reader.audio.synthesize import Clip  # noqa: E402
from tests.audio.sound import id3_frames, lufs, samples, stream_info, tone_file, tone_span_ms  # noqa: E402

LONGER = make_script(
    ["Tin huyện An Biên hôm nay"],
    [["Sáng nay, tại trụ sở", "ủy ban nhân dân huyện"], "Đã có nhiều ý kiến đóng góp", "Hội nghị kết thúc"],
    ["Bà con phấn khởi", ["Năm tới", "sẽ còn tốt hơn nữa"]],
)


def with_tone(sentences, index: int, path) -> list:
    """The sentences with sentence ``index`` spoken as one tone clip."""
    tone = Clip(path, "gtts", "vi", "tone", "f" * 64)
    return [replace(s, clips=(tone,)) if i == index else s for i, s in enumerate(sentences)]


@pytest.mark.parametrize("tempo", [1.0, 0.8])
def test_timing_map_is_within_50_ms_of_the_audio(online: Settings, google: FakeGoogle, tmp_path, tempo: float) -> None:
    sentences = synthesize_script(LONGER, GttsEngine(online), ClipCache(online.cache_dir))
    target = 3  # paragraph 1, sentence 2: after a sentence pause and a paragraph pause
    sentences = with_tone(sentences, target, tone_file(tmp_path / "tone.mp3", 2000, 1500))
    result = assemble(sentences, online, tempo=tempo)
    out = tmp_path / "article.mp3"
    out.write_bytes(result.mp3)

    start, end = tone_span_ms(samples(out), 2000)
    row = result.timings[target]
    assert abs(start - row["start_ms"]) <= 50 and abs(end - row["end_ms"]) <= 50
    assert abs(len(samples(out)) / 24 - result.duration_ms) <= 50


def test_offline_voice_articles_keep_its_rate_and_their_timings(online: Settings, tmp_path) -> None:
    """Clips all WAV at one rate (espeak-ng's 22.05 kHz) are joined as they are, no resampling."""
    sentences = synthesize_script(LONGER, EspeakEngine(online), ClipCache(online.cache_dir))
    sentences = with_tone(sentences, 3, tone_file(tmp_path / "tone.wav", 2000, 1500, rate=22050))
    result = assemble(sentences, online)
    out = tmp_path / "article.mp3"
    out.write_bytes(result.mp3)
    assert stream_info(out)["sample_rate"] == "22050"
    start, end = tone_span_ms(samples(out, 22050), 2000, 22050)
    row = result.timings[3]
    assert abs(start - row["start_ms"]) <= 50 and abs(end - row["end_ms"]) <= 50


def test_all_clips_are_decoded_by_one_ffmpeg_process_as_one_stream(online: Settings, google: FakeGoogle,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = synthesize_script(LONGER, GttsEngine(online), ClipCache(online.cache_dir))
    calls: list[list[str]] = []
    real = codec.run_ffmpeg
    monkeypatch.setattr(codec, "run_ffmpeg", lambda args, *a, **k: calls.append(args) or real(args, *a, **k))
    assemble(sentences, online)
    joined = [args for args in calls if args[:6] == ["-v", "error", "-f", "mp3", "-i", "pipe:0"]]
    assert len(joined) == 1 and not [args for args in calls if args.count("-i") > 1]  # Google's clips, as one stream


def test_clips_that_cannot_be_joined_are_decoded_by_one_process_one_input_each(
        online: Settings, google: FakeGoogle, monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = synthesize_script(LONGER, GttsEngine(online), ClipCache(online.cache_dir))
    monkeypatch.setattr(joined_module, "clip_frames", lambda data: None)  # e.g. clips with gapless headers
    calls: list[list[str]] = []
    real = codec.run_ffmpeg
    monkeypatch.setattr(codec, "run_ffmpeg", lambda args, *a, **k: calls.append(args) or real(args, *a, **k))
    assemble(sentences, online)
    decoding = [args for args in calls if args.count("-i") > 1]
    assert len(decoding) == 1 and decoding[0].count("-i") == sum(len(s.clips) for s in sentences)


def test_espeak_and_google_articles_play_at_the_target_loudness(online: Settings, google: FakeGoogle,
                                                                tmp_path) -> None:
    cache = ClipCache(online.cache_dir)
    made = {
        "espeak": assemble(synthesize_script(LONGER, EspeakEngine(online), cache), online),
        "gtts": assemble(synthesize_script(LONGER, GttsEngine(online), cache), online),
    }
    for name, result in made.items():
        path = tmp_path / f"{name}.mp3"
        path.write_bytes(result.mp3)
        assert abs(lufs(path, online) - online.loudness_target_lufs) <= 1.0, name


def test_article_mp3_is_mono_24khz_48k_and_tagged(online: Settings, google: FakeGoogle, tmp_path) -> None:
    tags = {"title": "Tin huyện An Biên", "date": "2024-03-12", "source": "https://anbien.example/tin/1",
            "language": "vie"}
    result = assemble(built(online), online, tags=tags)
    path = tmp_path / "article.mp3"
    path.write_bytes(result.mp3)
    info = stream_info(path)
    assert (info["sample_rate"], info["channels"]) == ("24000", "1")
    assert int(info["bit_rate"]) <= 48000
    frames = id3_frames(path)
    assert frames["TIT2"] == "Tin huyện An Biên" and frames["TDRC"] == "2024-03-12"
    assert frames["TLAN"] == "vie" and frames["TPUB"] == "https://anbien.example/tin/1"


def test_unknown_tag_is_refused(online: Settings, google: FakeGoogle) -> None:
    with pytest.raises(AssemblyError, match="Unknown audio tag"):
        assemble(built(online), online, tags={"colour": "blue"})


def test_espeak_wav_and_google_mp3_clips_mix(online: Settings, google: FakeGoogle) -> None:
    cache = ClipCache(online.cache_dir)
    google_clips = synthesize_script(SCRIPT, GttsEngine(online), cache)
    espeak_clips = synthesize_script(SCRIPT, EspeakEngine(online), cache)
    assert espeak_clips[0].clips[0].path.suffix == ".wav"
    mixed = [google_clips[0], *espeak_clips[1:]]
    result = assemble(mixed, online)
    assert [t["text"] for t in result.timings] == [s.text for s in mixed]
