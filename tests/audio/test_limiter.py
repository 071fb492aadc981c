"""The adaptive limit on requests in flight, on its own (no network)."""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from reader.audio.limiter import AdaptiveLimiter, LimiterSuspended


def test_clean_answers_grow_the_limit_up_to_the_ceiling_and_no_further() -> None:
    limiter = AdaptiveLimiter(ceiling=8, start=2)
    seen = []
    for _ in range(30):
        limiter.acquire().succeeded()
        seen.append(limiter.width)
    assert seen[0] == 3 and max(seen) == 8 and seen[-1] == 8
    assert seen == sorted(seen)


def test_a_429_halves_once_per_round_not_once_per_refusal() -> None:
    limiter = AdaptiveLimiter(ceiling=8, start=8)
    slots = [limiter.acquire() for _ in range(8)]
    assert limiter.in_flight == 8 == limiter.peak
    for slot in slots:  # eight requests of one round all refused
        slot.throttled()
    assert limiter.width == 4
    limiter.acquire().throttled()  # a new round refused again
    assert limiter.width == 2


def test_after_throttling_growth_is_one_per_round() -> None:
    limiter = AdaptiveLimiter(ceiling=8, start=8)
    limiter.acquire().throttled()
    assert limiter.width == 4
    for _ in range(4):
        limiter.acquire().succeeded()
    assert limiter.width == 5
    for _ in range(4):
        limiter.acquire().succeeded()
    assert limiter.width == 5  # the next step needs five clean answers
    limiter.acquire().succeeded()
    assert limiter.width == 6


def test_retry_after_pauses_every_request() -> None:
    limiter = AdaptiveLimiter(ceiling=4, start=4)
    limiter.acquire().throttled(retry_after=0.3)
    start = time.monotonic()
    limiter.acquire().succeeded()
    assert time.monotonic() - start >= 0.29


def test_retry_after_is_capped_by_max_pause() -> None:
    limiter = AdaptiveLimiter(ceiling=4, start=4, max_pause=0.05)
    limiter.acquire().throttled(retry_after=3600)
    start = time.monotonic()
    limiter.acquire().succeeded()
    assert time.monotonic() - start < 1800  # not an hour


def test_slots_are_given_in_arrival_order() -> None:
    limiter = AdaptiveLimiter(ceiling=1, start=1)
    first = limiter.acquire()
    order: list[int] = []
    threads = []
    for i in range(5):
        t = threading.Thread(target=lambda i=i: (limiter.acquire(), order.append(i), limiter._release(0, "failed", None)))
        threads.append(t)
        t.start()
        while len(limiter._queue) < i + 1:  # wait until thread i queues
            time.sleep(0.001)
    first.failed()
    for t in threads:
        t.join(5)
    assert order == [0, 1, 2, 3, 4]


def test_suspension_fails_waiters_and_newcomers_until_resumed() -> None:
    limiter = AdaptiveLimiter(ceiling=1, start=1)
    held = limiter.acquire()
    errors: list[BaseException] = []

    def wait() -> None:
        try:
            limiter.acquire()
        except LimiterSuspended as exc:
            errors.append(exc)

    waiter = threading.Thread(target=wait)
    waiter.start()
    while not limiter._queue:
        time.sleep(0.001)
    limiter.suspend(60, "no answer within 3 s")
    waiter.join(5)
    assert len(errors) == 1 and "no answer" in str(errors[0])
    with pytest.raises(LimiterSuspended):
        limiter.acquire()
    held.failed()
    limiter.resume()
    limiter.acquire().succeeded()


@hsettings(max_examples=60, deadline=None)
@given(st.integers(1, 16), st.integers(1, 16), st.lists(st.sampled_from(["ok", "throttled", "failed"]), max_size=80))
def test_the_width_stays_between_one_and_the_ceiling(ceiling: int, start: int, outcomes: list[str]) -> None:
    limiter = AdaptiveLimiter(ceiling=ceiling, start=start)
    for outcome in outcomes:
        slot = limiter.acquire()
        {"ok": slot.succeeded, "throttled": slot.throttled, "failed": slot.failed}[outcome]()
        assert 1 <= limiter.width <= ceiling
    assert limiter.in_flight == 0
