"""The fake Google itself, checked with the real gTTS (so the wire format is right)."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from gtts import gTTS
from gtts.tts import gTTSError
from pydub import AudioSegment

import gtts.tts
from tests.fakes.google import FakeGoogle, fake_mp3

TEXT = "Xin chào bà con huyện An Biên"


def speak(url: str, text: str = TEXT) -> bytes:
    """gTTS 2.5.4 exactly as shipped (its own sending and parsing), only its endpoint moved."""
    buffer = io.BytesIO()
    original = gtts.tts._translate_url
    gtts.tts._translate_url = lambda tld="com", path="": url
    try:
        gTTS(text, lang="vi", lang_check=False, timeout=(1, 5)).write_to_fp(buffer)
    finally:
        gtts.tts._translate_url = original
    return buffer.getvalue()


def test_real_gtts_gets_decodable_audio_lasting_with_the_text(google: FakeGoogle) -> None:
    audio = AudioSegment.from_file(io.BytesIO(speak(google.url)), format="mp3")
    assert abs(len(audio) - 60 * len(TEXT)) <= 24  # one 24 ms frame of rounding
    assert google.texts == [TEXT]
    assert google.request_count == 1


def test_gtts_splits_long_text_and_the_fake_records_each_request(google: FakeGoogle) -> None:
    long_text = ", ".join(["một hai ba bốn năm sáu bảy tám chín mười"] * 4)
    speak(google.url, long_text)
    assert google.request_count > 1
    assert all(len(t) <= 100 for t in google.texts)


def test_throttle_then_recover(google: FakeGoogle) -> None:
    google.throttle(1)
    with pytest.raises(gTTSError) as info:
        speak(google.url)
    assert info.value.rsp.status_code == 429
    assert speak(google.url)
    assert google.statuses == [429, 200]


@pytest.mark.parametrize("fault", ["fail_all", "malformed"])
def test_faults_reach_gtts_as_errors(google: FakeGoogle, fault: str) -> None:
    setattr(google, fault, True)
    with pytest.raises(gTTSError):
        speak(google.url)


def test_wrong_path_is_404() -> None:
    with FakeGoogle() as fake:
        with pytest.raises(gTTSError) as info:
            speak(fake.url.replace("batchexecute", "nothing"))
    assert info.value.rsp.status_code == 404


def test_plain_gtts_uses_its_own_url_not_ours() -> None:
    """Why we subclass: gTTS prepares requests for translate.google.com."""
    bodies = gTTS("xin chào", lang="vi", lang_check=False)._prepare_requests()
    assert bodies[0].url.startswith("https://translate.google.com/")


def test_fake_mp3_is_cheap_and_proportional() -> None:
    assert len(fake_mp3("a" * 100)) == 2 * len(fake_mp3("a" * 50))


def _post(url: str, text: str, timeout: float = 5.0) -> requests.Response:
    body = gTTS(text, lang="vi", lang_check=False)._prepare_requests()[0].body
    return requests.post(url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=timeout)


def _at_once(url: str, texts: list[str]) -> list[requests.Response]:
    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        return list(pool.map(lambda t: _post(url, t), texts))


def test_counts_requests_in_flight_and_per_text() -> None:
    with FakeGoogle(latency=0.3) as fake:
        _at_once(fake.url, ["một", "hai", "ba", "một"])
        assert fake.peak_in_flight == 4
        assert fake.count("một") == 2 and fake.count("hai", status=200) == 1 and fake.count("bốn") == 0


def test_refuses_beyond_a_number_in_flight_with_retry_after() -> None:
    with FakeGoogle(latency=0.3, max_in_flight=2, retry_after=1.5) as fake:
        replies = _at_once(fake.url, [f"câu {i}" for i in range(5)])
    refused = [r for r in replies if r.status_code == 429]
    assert len(refused) == 3 and all(r.headers["Retry-After"] == "1.5" for r in refused)
    assert sorted(fake.statuses) == [200, 200, 429, 429, 429]


def test_random_throttling_at_a_rate() -> None:
    with FakeGoogle(throttle_rate=0.2, seed=7) as fake:
        for i in range(200):
            _post(fake.url, f"câu {i}")
    assert 20 <= fake.statuses.count(429) <= 60


def test_hang_accepts_and_never_answers() -> None:
    with FakeGoogle() as fake:
        fake.hang = True
        with pytest.raises(requests.ReadTimeout):
            _post(fake.url, "xin chào", timeout=0.5)
        assert fake.statuses == [0] and fake.texts == ["xin chào"]
        fake.hang = False
        assert _post(fake.url, "xin chào").status_code == 200


def test_connections_are_kept_alive() -> None:
    with FakeGoogle() as fake, requests.Session() as session:
        body = gTTS("một", lang="vi", lang_check=False)._prepare_requests()[0].body
        for _ in range(5):
            session.post(fake.url, data=body, timeout=5)
        assert fake.request_count == 5 and fake.connections == 1


def test_real_speech_lasts_as_long_as_speech() -> None:
    with FakeGoogle(real_speech=True) as fake:
        short = AudioSegment.from_file(io.BytesIO(speak(fake.url, "xin chào")), format="mp3")
        long = AudioSegment.from_file(io.BytesIO(speak(fake.url, TEXT + ", " + TEXT)), format="mp3")
    assert short.frame_rate == 24000 and short.channels == 1
    assert 200 < len(short) < len(long)
    assert short.dBFS > -40  # speech, not silence
