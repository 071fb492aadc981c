"""Jobs on Redis: two real workers, the fake Google, PostgreSQL, and a worker killed mid-job."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rq.job import Job, JobStatus

from reader import service
from reader.articles.library import Library
from reader.articles.model import Article
from reader.audio.maintenance import verify_cache
from reader.jobs import queue as jobs
from tests.fakes.google import FakeGoogle

REPO = Path(__file__).resolve().parents[2]
SHARED = "Ủy ban nhân dân huyện đề nghị các xã triển khai kế hoạch."  # a sentence every article has


def _articles(n):
    return [
        Article(title=f"Tin số {i} về xã {i}", paragraphs=(
            SHARED, f"Xã thứ {i} hoàn thành {i} công trình giao thông nông thôn trong năm.",
            f"Người dân xã thứ {i} phấn khởi đón nhận con đường mới.")) for i in range(n)
    ]


@pytest.fixture
def province(settings, postgres_url, redis_url):
    return settings.with_(database_url=postgres_url, redis_url=redis_url, engine="gtts",
                          gtts_max_concurrency=4, gtts_initial_concurrency=4, job_retries=3)


def _worker(env):
    return subprocess.Popen([sys.executable, "-m", "reader", "worker"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _kill_tree(pid):
    """SIGKILL a process and all its descendants at once, as when a machine dies."""
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(_children(current))
    for member in tree:
        try:
            os.kill(member, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_two_workers_make_twenty_articles_once_and_survive_a_killed_worker(province):
    with Library.open(province) as library:
        ids = [a.id for a in library.add_many(_articles(20))]
    with FakeGoogle(latency=0.15) as google:
        env = {
            **os.environ, "READER_DATA_DIR": str(province.data_dir), "READER_CACHE_DIR": str(province.cache_dir),
            "READER_DATABASE_URL": province.database_url, "READER_REDIS_URL": province.redis_url,
            "READER_GTTS_URL": google.url, "READER_ENGINE": "gtts",
            "READER_GTTS_MAX_CONCURRENCY": "4", "READER_GTTS_INITIAL_CONCURRENCY": "4",
            "READER_WORKER_HEARTBEAT_SECONDS": "1", "READER_WORKER_MAINTENANCE_SECONDS": "1",
            "READER_JOB_LOCK_SECONDS": "2",
            # The clip locks the killed job held free themselves this fast (default 120 s).
            "READER_REDIS_LOCK_EXPIRY": "5",
        }
        queued = [jobs.enqueue_audio(province, i) for i in ids]
        assert jobs.enqueue_audio(province, ids[0]).id == queued[0].id  # asked again: the same job
        doomed = _worker(env)
        conn = jobs.connection(province)

        def started():
            return [j for j in queued if j.get_status(refresh=True) == JobStatus.STARTED]

        _until(lambda: started() and google.request_count >= 2, 60, "the first worker to be mid-job")
        killed_job = started()[0]
        doomed_name = Job.fetch(killed_job.id, connection=conn).worker_name
        _kill_tree(doomed.pid)  # the worker and its job's process (RQ puts it in its own session)
        doomed.wait()
        survivor = _worker(env)
        try:
            _until(lambda: all(j.get_status(refresh=True) == JobStatus.FINISHED for j in queued), 300,
                   "every job to finish")
        finally:
            survivor.send_signal(signal.SIGTERM)
            survivor.wait(30)
        killed = Job.fetch(killed_job.id, connection=conn)
        assert doomed_name and killed.worker_name != doomed_name  # finished by the other worker
        # Every chunk asked once; only what was in flight when the worker died may be asked again.
        again = [t for t in set(google.texts) if google.count(t) > 1]
        assert all(google.count(t) == 2 for t in again) and len(again) <= province.gtts_max_concurrency
        assert google.peak_in_flight <= province.gtts_max_concurrency
    with Library.open(province) as library:
        for article_id in ids:
            article = library.get(article_id)
            assert service.stored_listen(article, province) is not None
    assert verify_cache(province).removed == []  # no partial file anywhere


def test_the_app_has_a_new_article_made_by_the_workers(province):
    with Library.open(province) as library:
        article = library.add(_articles(1)[0])
    assert not jobs.workers_exist(province)
    with FakeGoogle() as google:
        env = {
            **os.environ, "READER_DATA_DIR": str(province.data_dir), "READER_CACHE_DIR": str(province.cache_dir),
            "READER_DATABASE_URL": province.database_url, "READER_REDIS_URL": province.redis_url,
            "READER_GTTS_URL": google.url, "READER_ENGINE": "gtts",
        }
        worker = _worker(env)
        try:
            _until(lambda: jobs.workers_exist(province), 60, "the worker to start")
            parts = list(service.listen_parts(article, province.with_(gtts_url=google.url)))
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(30)
    job = Job.fetch(f"audio-{article.id}", connection=jobs.connection(province))
    assert job.get_status() == JobStatus.FINISHED  # made by the worker, not in the app's process
    # The worker's parts, or its whole article if it was done before the app looked.
    assert [n for part in parts for n in part.paragraphs] == [0, 1, 2, 3]
