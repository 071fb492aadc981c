"""Listening in a province: a worker makes a new article part by part, the app plays
the parts it stored as they appear and says how far it is, and makes the rest itself
when the worker dies, its job fails, or there is no worker or no Redis."""

import os
import signal

import pytest
from rq.job import Job, JobStatus

from reader import service
from reader.articles.library import Library
from reader.articles.model import Article
from reader.jobs import queue as jobs
from reader.jobs.progress import DONE, HERE, MAKING
from tests.fakes.google import FakeGoogle
from tests.province.test_workers import _kill_tree, _until, _worker

ARTICLE = Article(
    title="Huyện An Biên triển khai kế hoạch chuyển đổi số năm 2024",
    paragraphs=tuple(
        f"Đoạn thứ {i}: xã thứ {i} đã hoàn thành {i} công trình giao thông nông thôn, "
        f"người dân phấn khởi đón nhận con đường mới." for i in range(1, 7)
    ),
)


@pytest.fixture
def province(settings, redis_url):
    # One chunk a request, one request at a time: the article is made paragraph after paragraph.
    return settings.with_(redis_url=redis_url, engine="gtts", gtts_max_concurrency=1, gtts_initial_concurrency=1,
                          gtts_batch_size=1,
                          worker_heartbeat_seconds=1, job_wait_seconds=30, job_retries=0)


def _env(province, google_url):
    return {
        **os.environ, "READER_DATA_DIR": str(province.data_dir), "READER_CACHE_DIR": str(province.cache_dir),
        "READER_REDIS_URL": province.redis_url, "READER_GTTS_URL": google_url, "READER_ENGINE": "gtts",
        "READER_GTTS_MAX_CONCURRENCY": "1", "READER_GTTS_INITIAL_CONCURRENCY": "1", "READER_GTTS_BATCH_SIZE": "1",
        "READER_WORKER_HEARTBEAT_SECONDS": "1", "READER_WORKER_MAINTENANCE_SECONDS": "1",
        "READER_JOB_RETRIES": "0", "READER_JOB_LOCK_SECONDS": "2", "READER_REDIS_LOCK_EXPIRY": "3",
    }


def _stored_article(province):
    with Library.open(province) as library:
        return library.add(ARTICLE)


def _stop(worker):
    worker.send_signal(signal.SIGTERM)
    worker.wait(30)


def _heard_whole(article, province, parts):
    """The parts come in reading order, one after another, and cover the whole article."""
    assert [p.index for p in parts] == list(range(len(parts)))
    covered = [n for p in parts for n in p.paragraphs]
    assert covered == list(range(len(ARTICLE.paragraphs) + 1))
    script, _ = service.readable_script(article, province)
    assert service.has_audio(script, province, "espeak" if parts[0].offline else None)  # stored whole


def test_the_app_plays_the_parts_a_worker_makes_before_the_article_is_done(province):
    article = _stored_article(province)
    script, _ = service.readable_script(article, province)
    told, parts, whole_before = [], [], []
    with FakeGoogle(latency=0.3) as google:
        settings = province.with_(gtts_url=google.url)
        worker = _worker(_env(province, google.url))
        try:
            _until(lambda: jobs.workers_exist(province), 60, "the worker to start")
            for part in service.listen_parts(article, settings, on_progress=told.append):
                if not parts:
                    whole_before.append(service.has_audio(script, settings))
                    whole_before.append(Job.fetch(f"audio-{article.id}", connection=jobs.connection(province))
                                        .get_status() == JobStatus.FINISHED)
                parts.append(part)
        finally:
            _stop(worker)
        texts = set(google.texts)
        assert all(google.count(t) == 1 for t in texts)  # the app asked Google for nothing
    assert whole_before == [False, False]  # the first part came while the worker was still at work
    assert len(parts) == service.part_count(script) > 1
    _heard_whole(article, settings, parts)
    stages = [p.stage for p in told]
    assert HERE not in stages and stages[-1] == DONE and MAKING in stages
    making = [p for p in told if p.stage == MAKING]
    assert {p.total for p in making} == {len(parts)}
    assert [p.ready for p in making] == sorted(p.ready for p in making)  # only ever forward
    assert told[-1].ready == len(parts) and len(told[-1].part_keys) == len(parts)
    assert [p.mp3_path.stem for p in parts] == list(told[-1].part_keys)


def test_the_app_finishes_an_article_whose_worker_died(province):
    article = _stored_article(province)
    told, parts = [], []
    with FakeGoogle(latency=0.3) as google:
        settings = province.with_(gtts_url=google.url)
        worker = _worker(_env(province, google.url))
        try:
            _until(lambda: jobs.workers_exist(province), 60, "the worker to start")
            for part in service.listen_parts(article, settings, on_progress=told.append):
                parts.append(part)
                if len(parts) == 1:
                    _kill_tree(worker.pid)  # the worker and its job's process, mid-article
        finally:
            worker.kill()
            worker.wait(30)
    stages = [p.stage for p in told]
    assert MAKING in stages and stages[-1] == HERE  # started by the worker, finished here
    assert any(parts[0].mp3_path.stem in p.part_keys for p in told if p.stage == MAKING)  # the worker's part
    assert told[-1].ready == told[-1].total == len(parts)
    _heard_whole(article, settings, parts)


def test_the_app_makes_the_article_itself_when_the_job_fails(province):
    article = _stored_article(province)
    told = []
    with FakeGoogle() as google:
        settings = province.with_(gtts_url=google.url)
        # The worker's Google is unreachable: its job fails.
        worker = _worker(_env(province, "http://127.0.0.1:9/_/TranslateWebserverUi/data/batchexecute")
                         | {"READER_GTTS_CONNECT_TIMEOUT": "0.5", "READER_GTTS_RETRIES": "0"})
        try:
            _until(lambda: jobs.workers_exist(province), 60, "the worker to start")
            parts = list(service.listen_parts(article, settings, on_progress=told.append))
        finally:
            _stop(worker)
    job = Job.fetch(f"audio-{article.id}", connection=jobs.connection(province))
    assert job.get_status() == JobStatus.FAILED
    assert told and told[-1].stage == HERE and told[-1].ready == len(parts)
    _heard_whole(article, settings, parts)


@pytest.mark.parametrize("redis", ["no worker", "unreachable"])
def test_without_a_worker_the_app_makes_the_article_itself(province, redis):
    if redis == "unreachable":
        from tests.servers import free_port
        # Google is then not asked (the shared limit cannot be kept): the offline voice reads.
        province = province.with_(redis_url=f"redis://127.0.0.1:{free_port()}/0", redis_timeout=0.5, engine="auto")
    article = _stored_article(province)
    told = []
    with FakeGoogle() as google:
        settings = province.with_(gtts_url=google.url)
        parts = list(service.listen_parts(article, settings, on_progress=told.append))
    assert [p.stage for p in told] == [HERE] * len(parts)
    _heard_whole(article, settings, parts)
    if redis == "no worker":
        assert Job.fetch_many([f"audio-{article.id}"], connection=jobs.connection(province)) == [None]


def test_jobs_status_says_how_far_a_running_article_is(province):
    import re
    import subprocess
    import sys

    from tests.province.test_workers import REPO

    article = _stored_article(province)
    with FakeGoogle(latency=0.3) as google:
        env = _env(province, google.url)
        worker = _worker(env)
        try:
            job = jobs.enqueue_audio(province, article.id)

            def first_part_made():
                job.refresh()
                return bool(job.meta.get("reader_audio", {}).get("ready"))

            _until(first_part_made, 120, "the worker to make the first part")
            google.hang = True  # the worker now waits for Google: its job stays running
            status = subprocess.run([sys.executable, "-m", "reader", "jobs", "status"], cwd=REPO, env=env,
                                    capture_output=True, text=True, timeout=120)
            google.hang = False
        finally:
            _kill_tree(worker.pid)
            worker.wait(30)
    assert status.returncode == 0, status.stderr
    assert re.search(rf"audio-{article.id}: [1-5] of 6 parts made", status.stdout), status.stdout
