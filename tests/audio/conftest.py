"""Fixtures for the audio tests: a fake Google, settings pointing at it, tiny scripts."""

from __future__ import annotations

from typing import Iterator

import pytest

from reader.config import Settings
from reader.speech.script import Sentence, SpeechScript
from tests.fakes.google import FakeGoogle


def make_script(*paragraphs: list[list[str]] | list[str]) -> SpeechScript:
    """A script from paragraphs of sentences; a sentence is a chunk list (or one string)."""
    built = []
    for paragraph in paragraphs:
        sentences = []
        for chunks in paragraph:
            chunks = (chunks,) if isinstance(chunks, str) else tuple(chunks)
            spoken = " ".join(chunks)
            sentences.append(Sentence(spoken.upper(), spoken, chunks))
        built.append(tuple(sentences))
    return SpeechScript(tuple(built))


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    with FakeGoogle() as fake:
        yield fake


@pytest.fixture
def online(settings: Settings, google: FakeGoogle) -> Settings:
    """Settings whose Google is the fake: retries on, backoff tiny so tests stay quick."""
    return settings.with_(gtts_url=google.url, gtts_retries=2, gtts_backoff=0.001)


@pytest.fixture(autouse=True)
def _fresh_network_state() -> Iterator[None]:
    """Each test starts with no learned limits and leaves no probe running."""
    from reader.audio.google_probe import stop_probes
    from reader.audio.gtts_batch import forget_batchers
    from reader.audio.limiter import forget_limiters

    forget_limiters()
    forget_batchers()
    yield
    stop_probes()
    forget_limiters()
    forget_batchers()
