"""The fake Google itself, checked with the real gTTS (so the wire format is right)."""

from __future__ import annotations

import io

import pytest
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
