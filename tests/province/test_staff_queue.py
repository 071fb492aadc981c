"""Staff pre-generation in a province: with a worker alive the button puts one job per
article on the queue and shows how far the queue is; without one it makes them here."""

import os
import subprocess
import sys

import pytest
from rq import Queue, Worker

from reader.articles.library import Library
from reader.config import Settings
from reader.jobs import queue as jobs
from reader.staff import audio
from reader.staff.audio import QueueState
from tests.province.test_workers import REPO
from tests.ui.test_staff import SHORT, _logged_in, _section, _select, _texts, staff_env  # noqa: F401


@pytest.fixture
def idle_worker(redis_url):
    """A worker registered on the audio queue that takes nothing: jobs stay queued."""
    conn = jobs.connection(Settings(redis_url=redis_url))
    worker = Worker([Queue(jobs.AUDIO_QUEUE, connection=conn)], connection=conn)
    worker.register_birth()
    yield worker
    worker.register_death()


def _work_once(settings):
    """A real worker taking every queued job, then stopping (`worker --burst`)."""
    env = {**os.environ, "READER_DATA_DIR": str(settings.data_dir), "READER_CACHE_DIR": str(settings.cache_dir),
           "READER_REDIS_URL": settings.redis_url, "READER_ENGINE": "espeak"}
    subprocess.run([sys.executable, "-m", "reader", "worker", "--burst"], cwd=REPO, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def _stored(settings):
    with Library.open(settings) as library:
        return library.add_many(SHORT)


def test_pregeneration_is_queued_when_a_worker_exists(settings, redis_url, idle_worker):
    province = settings.with_(redis_url=redis_url)
    articles = _stored(province)
    ids = audio.queue_audio(articles, province)
    assert ids == [a.id for a in articles]
    assert audio.queue_audio(articles, province) == ids  # asked again: the same jobs, none added
    queue = Queue(jobs.AUDIO_QUEUE, connection=jobs.connection(province))
    assert queue.job_ids == [f"audio-{i}" for i in ids]
    jobs.enqueue_audio(province, ids[-1], first=True)  # a listener opened the last one: it goes first
    assert queue.job_ids == [f"audio-{i}" for i in (ids[-1], *ids[:-1])]
    assert {s.state for s in audio.queue_progress(ids, province).values()} == {QueueState.QUEUED}
    _work_once(province)
    done = audio.queue_progress(ids, province)
    assert {s.state for s in done.values()} == {QueueState.DONE}
    assert all(s.parts_ready == s.parts_total >= 1 for s in done.values())
    assert all(audio.audio_status(a, province) is audio.AudioStatus.OFFLINE for a in articles)  # espeak made them


def test_pregeneration_is_made_here_without_a_worker_or_redis(settings, redis_url):
    from tests.servers import free_port

    articles = _stored(settings)
    assert audio.queue_audio(articles, settings) is None  # no Redis configured
    assert audio.queue_audio(articles, settings.with_(redis_url=redis_url)) is None  # no worker alive
    unreachable = settings.with_(redis_url=f"redis://127.0.0.1:{free_port()}/0", redis_timeout=0.5)
    assert audio.queue_audio(articles, unreachable) is None


def _queue_tables(at):
    return [df for df in at.dataframe if df.key != "library_table"]  # (its key is not kept in a fragment)


def test_the_staff_page_queues_and_shows_the_queue(staff_env, redis_url, idle_worker, monkeypatch):
    monkeypatch.setenv("READER_REDIS_URL", redis_url)
    at = _select(_section(_logged_in(), "library"), [0, 1])
    at = at.button(key="library_make").click().run()
    assert not at.exception
    (table,) = _queue_tables(at)
    assert list(table.value["Âm thanh"]) == ["Đang chờ", "Đang chờ"]
    assert "Đã xong 0/2 bài" in [p.proto.text for p in at.get("progress")]
    assert "Đang chờ: 2 · Đang tạo: 0 · Xong: 0 · Lỗi: 0" in _texts(at, "caption")
    _work_once(staff_env.with_(redis_url=redis_url))
    at = at.run()
    assert not at.exception
    (table,) = _queue_tables(at)
    assert list(table.value["Âm thanh"]) == ["Xong", "Xong"]
    (library,) = [df for df in at.dataframe if df.key == "library_table"]
    assert list(library.value["Âm thanh"]).count("Chỉ có giọng ngoại tuyến") == 2  # the page ran again
    at = at.button(key="staff_queue_close").click().run()
    assert not _queue_tables(at)
