"""The audio layer's shared state in a real Redis: what one process does, every other sees."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import redis

from reader.audio.engines import AutoEngine, OfflineMarker, offline_marker
from reader.audio.limiter import LimiterSuspended, limiter_for
from reader.audio.redis_state import RedisLimiter, RedisOfflineMarker, forget_redis_limiters, redis_clip_lock
from tests.fakes.google import FakeGoogle

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared(settings, redis_url):
    forget_redis_limiters()
    yield settings.with_(redis_url=redis_url, gtts_max_concurrency=2, gtts_initial_concurrency=2)
    forget_redis_limiters()


def _two(shared):
    """Two limiters on two connections, as two processes (or machines) would have."""
    return (RedisLimiter(redis.Redis.from_url(shared.redis_url), shared.gtts_url, shared),
            RedisLimiter(redis.Redis.from_url(shared.redis_url), shared.gtts_url, shared))


def test_settings_choose_the_shared_versions(settings, shared):
    assert isinstance(limiter_for(shared.gtts_url, shared), RedisLimiter)
    assert isinstance(offline_marker(shared), RedisOfflineMarker)
    assert isinstance(offline_marker(settings), OfflineMarker)
    assert not isinstance(limiter_for(settings.gtts_url, settings), RedisLimiter)


def test_requests_in_flight_are_counted_across_processes(shared):
    a, b = _two(shared)
    slots = [a.acquire(), a.acquire()]
    got = []
    waiter = threading.Thread(target=lambda: got.append(b.acquire()))
    waiter.start()
    waiter.join(0.3)
    assert not got and b.in_flight == 2  # the other process waits: the width is shared
    slots[0].succeeded()
    waiter.join(10)
    assert len(got) == 1 and b.peak == 2
    slots[1].succeeded()
    got[0].succeeded()
    assert a.in_flight == 0


def test_a_429_halves_the_width_and_pauses_everyone(shared):
    a, b = _two(shared)
    slot = a.acquire()
    slot.throttled(retry_after=0.4)
    assert b.throttled_count == 1 and b.width == 1
    state = b._client.hgetall(b._keys[0])
    assert float(state[b"paused_until"]) > float(b._client.time()[0])
    b.acquire().succeeded()  # after the pause


def test_a_suspension_fails_the_other_processes_at_once(shared):
    a, b = _two(shared)
    a.suspend(60, "no answer within 3 s")
    assert b.suspended
    with pytest.raises(LimiterSuspended, match="no answer"):
        b.acquire()
    a.resume()
    b.acquire().succeeded()


def test_the_slot_of_a_killed_worker_comes_back_when_its_lease_ends(shared):
    short = shared.with_(gtts_first_byte_timeout=0.1, gtts_read_timeout=0.1, gtts_connect_timeout=0.1,
                         gtts_max_concurrency=1, gtts_initial_concurrency=1)
    a, b = _two(short)
    a.acquire()  # never reported: its holder "died"
    b.acquire().succeeded()  # waits out the 0.3 s lease, then goes


def test_offline_memory_is_shared_and_expires(shared):
    one = offline_marker(shared.with_(offline_memory_seconds=0.5))
    other = offline_marker(shared)
    assert not other.active()
    one.set()
    assert other.active() and other.present()
    deadline = time.monotonic() + 10
    while other.active() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not other.active()
    one.set()
    other.clear()
    assert not one.active()


def test_auto_engine_remembers_offline_in_redis(shared):
    engine = AutoEngine(shared.with_(offline_memory_seconds=60))
    assert isinstance(engine.marker, RedisOfflineMarker)
    engine.marker.set()
    assert AutoEngine(shared).google_offline()


def test_clip_lock_in_redis_excludes_another_machine_and_expires(shared):
    client = redis.Redis.from_url(shared.redis_url)
    with redis_clip_lock(shared, "k1", timeout=5) as held:
        assert held
        assert not client.lock("reader:clip:k1").acquire(blocking=False)
    assert client.lock("reader:clip:k1", timeout=5).acquire(blocking=False)  # released
    client.lock("reader:clip:k2", timeout=0.3).acquire()  # a holder that dies and never releases
    with redis_clip_lock(shared.with_(redis_lock_expiry=5), "k2", timeout=10) as held:
        assert held  # had once the dead holder's lock expired
    with redis_clip_lock(shared, "k1", timeout=0.1) as held:
        assert not held  # still held by the other "machine": the caller makes it unlocked


def test_two_processes_share_one_limit_and_ask_once_per_chunk(shared, tmp_path):
    """Two `speak` processes on one text: Google never sees more than the shared ceiling
    in flight, and every chunk is asked once (the clip locks are in Redis)."""
    text = " ".join(f"Câu số {i} nói về đường giao thông nông thôn ở xã thứ {i}." for i in range(12))
    with FakeGoogle(latency=0.05) as google:
        env = {
            **os.environ, "READER_DATA_DIR": str(shared.data_dir), "READER_CACHE_DIR": str(shared.cache_dir),
            "READER_GTTS_URL": google.url, "READER_REDIS_URL": shared.redis_url,
            "READER_GTTS_MAX_CONCURRENCY": "2", "READER_GTTS_INITIAL_CONCURRENCY": "2",
        }
        runs = [
            subprocess.Popen([sys.executable, "-m", "reader", "speak", "--text", text, "-o", str(tmp_path / f"{n}.mp3"),
                              "--engine", "gtts"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
            for n in range(2)
        ]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        assert google.peak_in_flight <= 2
        assert all(google.count(t) == 1 for t in set(google.texts)), google.texts
        assert len(google.texts) >= 12


def test_with_redis_down_the_offline_voice_still_reads(settings):
    """No shared limit can be kept: Google is not asked, the offline voice reads, nothing hangs."""
    from reader import service
    from tests.servers import free_port

    down = settings.with_(redis_url=f"redis://127.0.0.1:{free_port()}/0", redis_timeout=1.0)
    forget_redis_limiters()
    with FakeGoogle() as google:
        script = service.script_for(["Tin mới", "Huyện An Biên khánh thành đường mới."], down)
        online = down.with_(gtts_url=google.url)
        rendering = service.render_script(script, online)
        assert rendering.mp3_path.exists() and rendering.offline
        assert google.request_count == 0
        # Remembered in this process while Redis is away: the offline article is found as it is.
        assert service.has_audio(script, online)
        assert service.render_script(script, online).mp3_path == rendering.mp3_path
    forget_redis_limiters()
