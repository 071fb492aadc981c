"""Engines: gTTS against the fake Google, espeak-ng for real, and the auto fallback."""

from __future__ import annotations

import io

import pytest
from pydub import AudioSegment

from reader.audio.engines import (
    AutoEngine, EspeakEngine, GttsEngine, OfflineMarker, make_engine,
)
from reader.audio.gtts_engine import looks_like_mp3
from reader.audio.gtts_transport import parse_retry_after
from reader.config import Settings
from reader.errors import EngineError, EngineUnavailable
from tests.fakes.google import FakeGoogle

TEXT = "Ủy ban nhân dân huyện An Biên thông báo"


def duration_ms(audio: bytes) -> int:
    """Length of an MP3 (Google) or WAV (espeak-ng) clip."""
    return len(AudioSegment.from_file(io.BytesIO(audio), format="wav" if audio[:4] == b"RIFF" else "mp3"))


class Counting:
    """Wraps an engine and counts the calls that reach it."""

    def __init__(self, engine) -> None:
        self.engine, self.calls = engine, 0
        self.name, self.voice = engine.name, engine.voice

    def synthesize(self, text: str) -> bytes:
        self.calls += 1
        return self.engine.synthesize(text)


def test_gtts_success_is_one_request(online: Settings, google: FakeGoogle) -> None:
    mp3 = GttsEngine(online).synthesize(TEXT)
    assert abs(duration_ms(mp3) - 60 * len(TEXT)) <= 24
    assert google.texts == [TEXT]


def test_gtts_retries_a_429_burst(online: Settings, google: FakeGoogle) -> None:
    google.throttle(2)
    sleeps: list[float] = []
    assert GttsEngine(online, sleep=sleeps.append).synthesize(TEXT)
    assert google.statuses == [429, 429, 200]
    assert len(sleeps) == 2 and sleeps[1] > 0


def test_gtts_gives_up_after_bounded_retries(online: Settings, google: FakeGoogle) -> None:
    google.throttle(100)
    with pytest.raises(EngineError, match="429"):
        GttsEngine(online, sleep=lambda s: None).synthesize(TEXT)
    assert google.request_count == online.gtts_throttle_retries + 1


def test_gtts_server_errors_are_retried_then_reported(online: Settings, google: FakeGoogle) -> None:
    google.fail_all = True
    with pytest.raises(EngineError, match="500"):
        GttsEngine(online, sleep=lambda s: None).synthesize(TEXT)
    assert google.request_count == online.gtts_retries + 1


def test_gtts_server_down_is_unavailable_without_retrying(settings: Settings) -> None:
    sleeps: list[float] = []
    engine = GttsEngine(settings.with_(gtts_retries=5), sleep=sleeps.append)
    with pytest.raises(EngineUnavailable, match="Cannot connect"):
        engine.synthesize(TEXT)
    assert sleeps == []  # no backoff: unreachable is reported at once


def test_gtts_malformed_reply_is_engine_error_not_retried(online: Settings, google: FakeGoogle) -> None:
    google.malformed = True
    with pytest.raises(EngineError, match="without audio"):
        GttsEngine(online).synthesize(TEXT)
    assert google.request_count == 1


def test_gtts_never_sends_empty_text(online: Settings, google: FakeGoogle) -> None:
    for text in ("", "   ", "...", ", ;"):
        with pytest.raises(EngineError, match="Nothing speakable"):
            GttsEngine(online).synthesize(text)
    assert google.request_count == 0


def test_gtts_unresolvable_host_is_unavailable(settings: Settings) -> None:
    engine = GttsEngine(settings.with_(gtts_url="http://no-such-host.invalid/_/x"))
    with pytest.raises(EngineUnavailable):
        engine.synthesize(TEXT)


def test_espeak_speaks_vietnamese_as_whole_wav(settings: Settings) -> None:
    from reader.audio.integrity import wav_problem

    wav = EspeakEngine(settings).synthesize("Xin chào bà con, hôm nay trời đẹp.")
    assert wav_problem(wav) is None  # the sizes in its header are true, unlike espeak-ng's stream
    assert duration_ms(wav) > 1000


def test_espeak_missing_names_the_debian_package(settings: Settings) -> None:
    engine = EspeakEngine(settings.with_(espeak_binary="/nonexistent/espeak-ng"))
    with pytest.raises(EngineUnavailable, match="Debian package espeak-ng"):
        engine.synthesize("xin chào")


def test_auto_falls_back_and_remembers_across_instances(settings: Settings) -> None:
    dead = Counting(GttsEngine(settings))
    auto = AutoEngine(settings, primary=dead)
    engine, mp3 = auto.synthesize_tagged(TEXT)
    assert engine.name == "espeak" and duration_ms(mp3) > 0
    assert dead.calls == 1
    assert (settings.cache_dir / "google-offline").exists()

    again = Counting(GttsEngine(settings))  # another process, sharing the cache dir
    second = AutoEngine(settings, primary=again)
    assert second.google_offline()
    assert second.synthesize_tagged("xin chào")[0].name == "espeak"
    assert again.calls == 0


def test_auto_goes_offline_after_repeated_failures(online: Settings, google: FakeGoogle) -> None:
    google.throttle(1000)
    auto = AutoEngine(online, primary=GttsEngine(online, sleep=lambda s: None))
    for _ in range(3):
        assert auto.synthesize_tagged(TEXT)[0].name == "espeak"
    assert google.request_count == 2 * (online.gtts_throttle_retries + 1)  # the third chunk did not ask


def test_auto_uses_google_when_reachable(online: Settings, google: FakeGoogle) -> None:
    engine, _ = AutoEngine(online).synthesize_tagged(TEXT)
    assert engine.name == "gtts" and google.request_count == 1


def test_offline_marker_expires(tmp_path) -> None:
    marker = OfflineMarker(tmp_path / "m", memory_seconds=300)
    assert not marker.active()
    marker.set()
    written = float(marker.path.read_text())
    assert marker.active(now=written + 299)
    assert not marker.active(now=written + 301)
    marker.path.write_text("garbage")
    assert not marker.active()
    OfflineMarker(tmp_path / "z", memory_seconds=0).set()
    assert not (tmp_path / "z").exists()


def test_make_engine(settings: Settings) -> None:
    assert make_engine("gtts", settings).name == "gtts"
    assert make_engine("espeak", settings).name == "espeak"
    assert isinstance(make_engine("auto", settings), AutoEngine)
    with pytest.raises(EngineUnavailable, match="Unknown engine"):
        make_engine("festival", settings)


def test_a_slow_body_gets_the_read_timeout_not_the_first_byte_deadline(online: Settings, google: FakeGoogle) -> None:
    google.body_delay = 1.0
    settings = online.with_(gtts_first_byte_timeout=0.5, gtts_read_timeout=5.0, gtts_retries=0)
    assert looks_like_mp3(GttsEngine(settings).synthesize(TEXT))
    assert google.statuses == [200]


@pytest.mark.parametrize("header, seconds", [
    (None, None), ("", None), ("2", 2.0), (" 0.5 ", 0.5), ("-3", 0.0), ("soon", None), ("nan", None),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # a date in the past: go now
])
def test_retry_after_is_read_as_seconds_or_a_date(header, seconds) -> None:
    assert parse_retry_after(header) == seconds


def test_retry_after_as_a_future_date() -> None:
    from email.utils import formatdate

    assert parse_retry_after(formatdate(1_000_030, usegmt=True), now=1_000_000) == 30.0
