"""`jobs pregenerate` and `jobs status`: audio queued for workers from the command line."""

import os
import subprocess
import sys
from pathlib import Path

from reader.articles.library import Library
from reader.articles.samples import ensure_samples

REPO = Path(__file__).resolve().parents[2]


def _cli(args, env):
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)


def test_pregenerate_queues_each_article_once(settings, redis_url):
    with Library.open(settings) as library:
        ensure_samples(library)
        total = library.count()
    env = {**os.environ, "READER_DATA_DIR": str(settings.data_dir), "READER_CACHE_DIR": str(settings.cache_dir),
           "READER_REDIS_URL": redis_url, "READER_DATABASE_URL": ""}
    first = _cli(["jobs", "pregenerate"], env)
    assert first.returncode == 0, first.stderr
    assert f"queued the audio of {total} of {total} articles; no worker is running" in first.stderr
    assert _cli(["jobs", "pregenerate"], env).returncode == 0  # the same jobs, not new ones
    status = _cli(["jobs", "status"], env)
    assert "workers: 0" in status.stdout and f"reader-audio: {total} waiting, 0 running, 0 failed" in status.stdout


def test_jobs_without_redis_say_what_is_missing(settings):
    env = {**os.environ, "READER_DATA_DIR": str(settings.data_dir), "READER_REDIS_URL": ""}
    done = _cli(["jobs", "status"], env)
    assert done.returncode == 1 and "READER_REDIS_URL is not set" in done.stderr


def test_job_timings_below_a_second_are_refused():
    import pytest

    from reader.config import Settings
    from reader.errors import ConfigError

    with pytest.raises(ConfigError, match="READER_JOB_LOCK_SECONDS"):
        Settings.from_env({"READER_JOB_LOCK_SECONDS": "0"})
    assert Settings.from_env({"READER_DATABASE_URL": "postgresql://u:secret@db/reader"}).database_url.endswith("reader")
    assert "secret" not in repr(Settings.from_env({"READER_DATABASE_URL": "postgresql://u:secret@db/reader"}))
