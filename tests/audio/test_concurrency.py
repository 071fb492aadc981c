"""Chunks made concurrently against the fake Google: polite, ordered, nothing lost."""

from __future__ import annotations

import pytest

from reader.audio.cache import ClipCache
from reader.audio.engines import GttsEngine
from reader.audio.limiter import limiter_for
from reader.audio.synthesize import iter_sentence_clips, synthesize_script
from reader.config import Settings
from reader.errors import EngineError
from tests.audio.conftest import make_script
from tests.fakes.google import FakeGoogle


def article(sentences: int = 12, chunks: int = 3):
    """Paragraphs of distinct sentences, each of a few chunks."""
    return make_script(*[[[f"đoạn {p} câu {s} phần {c}" for c in range(chunks)] for s in range(sentences // 3)]
                         for p in range(3)])


def test_concurrency_rises_while_answers_are_clean(online: Settings, google: FakeGoogle) -> None:
    google.latency = 0.05
    settings = online.with_(gtts_initial_concurrency=2, gtts_max_concurrency=6)
    sentences = synthesize_script(article(), GttsEngine(settings), ClipCache(settings.cache_dir))
    assert sum(len(s.clips) for s in sentences) == 36 == google.rpc_count
    assert google.request_count < 36  # asks that waited for a slot went out together
    assert 2 < google.peak_in_flight <= 6  # rose from two, never above the ceiling
    assert limiter_for(settings.gtts_url, settings).width == 6


def test_concurrency_falls_with_429s_and_every_chunk_is_made(online: Settings, google: FakeGoogle) -> None:
    google.latency, google.max_in_flight = 0.05, 3
    settings = online.with_(gtts_initial_concurrency=6, gtts_max_concurrency=8, gtts_backoff=0.01)
    script = article()
    sentences = synthesize_script(script, GttsEngine(settings), ClipCache(settings.cache_dir))
    limiter = limiter_for(settings.gtts_url, settings)
    assert limiter.throttled_count > 0 and google.statuses.count(429) == limiter.throttled_count
    assert limiter.width < 8  # halved, and kept near what the server takes
    made = [c.text for s in sentences for c in s.clips]
    assert all(google.count(text, status=200) == 1 for text in made)


def test_retry_after_is_obeyed_by_every_worker(online: Settings, google: FakeGoogle) -> None:
    google.retry_after = "0.5"
    google.throttle(1)
    settings = online.with_(gtts_initial_concurrency=1)
    synthesize_script(article(6, 2), GttsEngine(settings), ClipCache(settings.cache_dir))
    (refused_at, status, _), *answers = google.events
    assert status == 429
    assert answers and min(t for t, _, _ in answers) - refused_at >= 0.45


def test_sentences_keep_reading_order_whatever_order_clips_arrive(online: Settings, google: FakeGoogle) -> None:
    google.latency = 0.02
    script = article(15, 2)
    got = [(s.paragraph, s.sentence, s.text) for s in iter_sentence_clips(script, GttsEngine(online), ClipCache(online.cache_dir))]
    assert got == [(p, s, sentence.text) for p, s, sentence in script.sentences()]


def test_a_failing_chunk_does_not_lose_the_others(online: Settings, google: FakeGoogle) -> None:
    script = article()
    broken = "đoạn 1 câu 1 phần 1"
    google.fail_texts = {broken}
    settings = online.with_(gtts_retries=0)
    cache = ClipCache(settings.cache_dir)
    yielded = []
    with pytest.raises(EngineError, match="500"):
        for sentence in iter_sentence_clips(script, GttsEngine(settings), cache):
            yielded.append(sentence)
    order = [(p, s) for p, s, _ in script.sentences()]
    assert [(s.paragraph, s.sentence) for s in yielded] == order[: order.index((1, 1))]
    made_first = {t for t, status in zip(google.texts, google.text_statuses) if status == 200}
    assert made_first >= {c.text for s in yielded for c in s.clips}
    google.reset()
    synthesize_script(script, GttsEngine(settings), cache)
    assert broken in google.texts and not made_first & set(google.texts)  # nothing made was asked again


def test_workers_keep_their_connections_alive(online: Settings, google: FakeGoogle) -> None:
    synthesize_script(article(), GttsEngine(online), ClipCache(online.cache_dir))
    assert google.rpc_count == 36
    assert google.connections <= online.gtts_max_concurrency


def test_a_new_listeners_title_goes_before_the_later_chunks_of_an_earlier_article(
    online: Settings, google: FakeGoogle
) -> None:
    import threading

    google.latency = 0.05
    settings = online.with_(gtts_initial_concurrency=2, gtts_max_concurrency=2)
    cache = ClipCache(settings.cache_dir)
    first = iter_sentence_clips(article(30, 2), GttsEngine(settings), cache)
    next(first)  # the first listener hears their title; 60 chunks are queued behind it
    title = make_script(["Tin mới của xã Nam Yên"])
    second = threading.Thread(target=lambda: synthesize_script(title, GttsEngine(settings), cache))
    second.start()
    rest = list(first)
    second.join(30)
    assert len(rest) == 29
    assert google.texts.index("Tin mới của xã Nam Yên") < 30  # not after all 60 of the first article


def test_one_limit_for_every_article_made_in_the_process(online: Settings, google: FakeGoogle) -> None:
    """As `pregenerate --jobs 4` or four listeners: four articles at once, still at most the ceiling."""
    from concurrent.futures import ThreadPoolExecutor

    google.latency = 0.05
    settings = online.with_(gtts_initial_concurrency=4, gtts_max_concurrency=4)
    scripts = [make_script([[f"bài {a} câu {s} phần {c}" for c in range(3)] for s in range(5)]) for a in range(4)]
    with ThreadPoolExecutor(max_workers=4) as jobs:
        list(jobs.map(lambda sc: synthesize_script(sc, GttsEngine(settings), ClipCache(settings.cache_dir)), scripts))
    assert google.rpc_count == 60
    assert 1 < google.peak_in_flight <= 4
