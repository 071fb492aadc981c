"""Ctrl-C and SIGTERM stop a pregeneration within seconds; the next run continues.

Counted at a fake Google answering slowly, so many requests are waiting to be made
when the signal arrives: none of them may start afterwards, beyond those in flight.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from reader.articles.library import Library
from reader.articles.samples import ensure_samples
from tests.fakes.google import FakeGoogle

REPO = Path(__file__).resolve().parents[2]
JOBS = 2


@pytest.fixture
def library_env(settings, tmp_path):
    with Library(settings.library_path) as library:
        ensure_samples(library)
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}
    env.update({
        "READER_DATA_DIR": str(settings.data_dir),
        "READER_CACHE_DIR": str(settings.cache_dir),
        "READER_ENGINE": "gtts",
        "READER_GTTS_RETRIES": "0",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def _pregenerate(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "pregenerate", "--jobs", str(JOBS)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for_requests(google: FakeGoogle, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while google.request_count < count:
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"pregenerate ended or stalled before {count} requests: {process.communicate()}")
        time.sleep(0.02)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_pregenerate_and_the_rerun_continues(library_env, signum):
    with FakeGoogle(latency=0.3) as google:
        env = {**library_env, "READER_GTTS_URL": google.url}
        first = _pregenerate(env)
        _wait_for_requests(google, 6, first)
        first.send_signal(signum)
        signalled_at, at_signal = time.monotonic(), google.request_count
        try:
            _, err = first.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            first.kill()
            pytest.fail("pregenerate went on for 20 s after the signal")
        stop_seconds = time.monotonic() - signalled_at
        after_signal = google.request_count - at_signal
        assert first.returncode == 130, err
        assert "made audio for" in err and "run pregenerate again" in err
        # Only requests already in flight may complete; none may start (each article's
        # requests are capped by the adaptive limit, at most 8 in flight).
        assert after_signal <= JOBS * 8, f"{after_signal} requests after the signal"
        assert stop_seconds < 5, f"took {stop_seconds:.1f} s to stop"

        google.latency = 0.0
        first_texts = list(google.texts)
        in_flight_at_signal = set(first_texts[at_signal:])
        second = _pregenerate(env)
        _, err = second.communicate(timeout=120)
        assert second.returncode == 0, err
        # The rerun asks only for what the first run did not get: at most the requests
        # that were in flight at the signal and dropped unanswered when it stopped.
        asked_again = {t for t in google.texts[len(first_texts):] if t in set(first_texts)}
        assert asked_again <= in_flight_at_signal
    with Library(Path(library_env["READER_DATA_DIR"]) / "library.sqlite3") as library:
        assert library.count() == len(list(resources.files("reader.articles").joinpath("samples").iterdir()))
