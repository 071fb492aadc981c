"""Several chunks in one request to Google: when they go together, and what comes back."""

from __future__ import annotations

import threading

import pytest
import requests

from reader.audio.cache import ClipCache
from reader.audio.engines import AutoEngine, GttsEngine
from reader.audio.gtts_batch import Batcher
from reader.audio.gtts_transport import EndpointGTTS
from reader.audio.synthesize import synthesize_script
from reader.config import Settings
from reader.errors import EngineError
from tests.audio.conftest import make_script
from tests.fakes.google import FakeGoogle, fake_mp3


def article(sentences: int = 12, chunks: int = 3):
    return make_script(*[[[f"đoạn {p} câu {s} phần {c}" for c in range(chunks)] for s in range(sentences // 3)]
                         for p in range(3)])


def _endpoint(google: FakeGoogle, texts: list[str]) -> EndpointGTTS:
    return EndpointGTTS(texts, url=google.url, session=requests.Session(), connect_timeout=2,
                        first_byte_timeout=2, read_timeout=5, lang="vi", lang_check=False)


def test_one_request_carries_several_texts_each_with_its_own_audio(google: FakeGoogle) -> None:
    texts = ["một", "hai ba bốn năm", "sáu bảy tám chín mười mười một"]
    assert _endpoint(google, texts).fetch() == [fake_mp3(t) for t in texts]
    assert google.request_count == 1 and google.batches == [tuple(texts)]


def test_a_lone_text_goes_exactly_as_gtts_sends_it(google: FakeGoogle) -> None:
    from gtts import gTTS

    text = "Ủy ban nhân dân huyện, ngày hai mươi."
    assert _endpoint(google, [text])._body() == gTTS(text, lang="vi", lang_check=False)._package_rpc(text)


def test_chunks_go_together_only_while_requests_are_at_the_limit(online: Settings, google: FakeGoogle) -> None:
    google.latency = 0.05
    settings = online.with_(gtts_initial_concurrency=2, gtts_max_concurrency=2, gtts_batch_size=3)
    sentences = synthesize_script(article(), GttsEngine(settings), ClipCache(settings.cache_dir))
    assert sum(len(s.clips) for s in sentences) == 36 == google.rpc_count == len(set(google.texts))
    assert all(1 <= len(batch) <= 3 for batch in google.batches)
    assert google.request_count <= 36 // 3 + 2  # two requests may leave before the others are asked
    assert google.peak_in_flight <= 2


def test_one_chunk_a_request_when_batches_are_off(online: Settings, google: FakeGoogle) -> None:
    google.latency = 0.02
    settings = online.with_(gtts_initial_concurrency=2, gtts_max_concurrency=2, gtts_batch_size=1)
    synthesize_script(article(6, 2), GttsEngine(settings), ClipCache(settings.cache_dir))
    assert google.request_count == google.rpc_count == 12


def test_a_chunk_google_fails_in_a_batch_is_asked_alone_and_the_others_are_kept(
    online: Settings, google: FakeGoogle
) -> None:
    google.latency = 0.3  # the first request holds the only slot while the others are asked
    broken = "đoạn 1 câu 1 phần 1"
    google.fail_texts = {broken}
    settings = online.with_(gtts_initial_concurrency=1, gtts_max_concurrency=1, gtts_retries=1, gtts_batch_size=4)
    engine, made, errors = GttsEngine(settings), {}, {}

    def ask(text: str) -> None:
        try:
            made[text] = engine.synthesize(text)
        except EngineError as exc:
            errors[text] = exc

    first = threading.Thread(target=ask, args=("mở đầu",))
    first.start()
    texts = ["đoạn 1 câu 1 phần 0", broken, "đoạn 1 câu 1 phần 2", "đoạn 1 câu 2 phần 0"]
    threads = [threading.Thread(target=ask, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in (first, *threads):
        thread.join(30)
    assert set(made) == {"mở đầu", *texts} - {broken} and list(errors) == [broken]
    assert "500" in str(errors[broken])
    assert any(broken in batch and len(batch) > 1 for batch in google.batches)  # it was in a batch
    assert all(google.count(t) == 1 for t in made)  # the others were not asked again


def test_a_google_that_refuses_batches_is_asked_one_chunk_a_request(online: Settings, google: FakeGoogle) -> None:
    google.latency, google.refuse_batches = 0.05, True
    settings = online.with_(gtts_initial_concurrency=1, gtts_max_concurrency=1)
    sentences = synthesize_script(article(6, 2), GttsEngine(settings), ClipCache(settings.cache_dir))
    assert all(c.engine == "gtts" for s in sentences for c in s.clips)
    refused = [batch for batch, status in zip(google.batches, google.statuses) if status == 400]
    assert len(refused) == 1 and len(refused[0]) > 1  # found out once
    later = google.batches[google.batches.index(refused[0]) + 1:]
    assert later and all(len(batch) == 1 for batch in later)
    assert {t for t, s in zip(google.texts, google.text_statuses) if s == 200} == {
        c.text for s in sentences for c in s.clips}


def test_a_google_that_reads_one_rpc_a_request_is_asked_one_chunk_a_request(
    online: Settings, google: FakeGoogle
) -> None:
    google.latency, google.answer_first_only = 0.05, True
    settings = online.with_(gtts_initial_concurrency=1, gtts_max_concurrency=1)
    sentences = synthesize_script(article(6, 2), GttsEngine(settings), ClipCache(settings.cache_dir))
    assert all(c.engine == "gtts" for s in sentences for c in s.clips)
    batched = [i for i, batch in enumerate(google.batches) if len(batch) > 1]
    assert len(batched) == 1  # found out at the first batch
    assert google.request_count <= 12 + 1


def test_auto_falls_back_for_the_failing_chunk_only(online: Settings, google: FakeGoogle) -> None:
    google.latency = 0.05
    broken = "đoạn 0 câu 1 phần 1"
    google.fail_texts = {broken}
    settings = online.with_(gtts_initial_concurrency=1, gtts_max_concurrency=1, gtts_retries=0)
    sentences = synthesize_script(article(6, 2), AutoEngine(settings, failures_to_go_offline=5),
                                  ClipCache(settings.cache_dir))
    engines = {c.text: c.engine for s in sentences for c in s.clips}
    assert engines.pop(broken) == "espeak"
    assert set(engines.values()) == {"gtts"}


class _Carrier:
    """A carrier whose requests blow up: the batcher still answers every ask, and keeps sending."""

    def __init__(self, settings: Settings) -> None:
        from reader.audio.limiter import AdaptiveLimiter

        self.limiter = AdaptiveLimiter(1, 1)
        self.calls = 0

    def acquire(self):
        return self.limiter.acquire()

    def suspended(self, asks, exc) -> None:
        raise AssertionError("not suspended")

    def carry(self, asks, slot) -> None:
        slot.succeeded()
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("a bug in the carrier")
        for ask in asks:
            ask.resolve(b"ID3" + ask.text.encode())


def test_an_ask_is_answered_even_when_its_carrier_fails(settings: Settings) -> None:
    batcher, carrier = Batcher("test"), _Carrier(settings)
    first = batcher.submit("một", carrier, 3, 1)
    with pytest.raises(RuntimeError, match="a bug"):
        first.result()
    assert batcher.submit("hai", carrier, 3, 1).result() == b"ID3hai"  # the sender lived on


def _make_in_child(settings: Settings, results) -> None:
    try:
        sentences = synthesize_script(article(6, 2), GttsEngine(settings), ClipCache(settings.cache_dir))
        results.put(sum(len(s.clips) for s in sentences))
    except BaseException as exc:  # reported to the parent, whatever it is
        results.put(repr(exc))


def test_a_forked_child_makes_its_own_workers_and_senders(online: Settings, google: FakeGoogle) -> None:
    """As an RQ job: forked from a process whose workers, senders and limiter are running."""
    import multiprocessing

    synthesize_script(make_script(["bà con đi chợ"]), GttsEngine(online), ClipCache(online.cache_dir))
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_make_in_child, args=(online, results))
    child.start()
    child.join(60)
    assert child.exitcode == 0, "the child hung or died"
    assert results.get(timeout=5) == 12
