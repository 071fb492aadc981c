"""`watch`: unattended rounds pick up new items and voice them; one watcher at a time; stops on signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import service, stopping, watcher
from reader.articles.library import Library
from reader.cli import main
from reader.errors import ConfigError
from tests.articles.test_feeds import NEW_ITEM
from tests.fakes.portal import BOMB_FEED, FakePortal, Response

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def site():
    with FakePortal(slow_seconds=0.3) as portal:
        yield portal


@pytest.fixture
def env(settings, site, monkeypatch):
    values = {
        "READER_DATA_DIR": str(settings.data_dir),
        "READER_CACHE_DIR": str(settings.cache_dir),
        "READER_ALLOW_HOSTS": "127.0.0.1",
        "READER_FETCH_DELAY_S": "0",
        "READER_ENGINE": "espeak",
        "READER_GTTS_URL": settings.gtts_url,
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("90s", 90), ("1h", 3600), ("2.5m", 150), ("30", 30)])
def test_parse_every(text, seconds):
    assert watcher.parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "-5m", "15 phút", "m"])
def test_parse_every_refuses(text):
    with pytest.raises(ConfigError):
        watcher.parse_every(text)


def test_watch_once_picks_up_a_new_item_and_makes_its_audio(env, settings, site, capsys):
    settings = settings.with_(allow_hosts=("127.0.0.1",), fetch_delay_s=0.0, engine="espeak")
    with Library.open(settings) as library:
        service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), settings)
    site.publish(NEW_ITEM)
    code = main(["watch", "--once"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"{NEW_ITEM.title}" in err and "round done: 1 new article(s)" in err
    with Library.open(settings) as library:
        assert library.count() == 4
        for article in library.list():  # the three from `feeds add` got their audio too
            assert service.has_audio(service.script_for_article(article, settings), settings, "espeak")
    assert main(["watch", "--once"]) == 0
    assert "round done: 0 new article(s), 0 voiced" in capsys.readouterr().err


def test_a_failing_feed_is_logged_and_the_round_goes_on(env, settings, site, capsys):
    settings = settings.with_(allow_hosts=("127.0.0.1",), fetch_delay_s=0.0)
    site.routes["/rss/bomb-later.rss"] = Response(body=b"", content_type="application/rss+xml")
    with Library.open(settings) as library:
        service.watch_source(library, "feed", site.url("/rss/tin-tuc.atom"), settings)
        library.write(
            "INSERT INTO watched (kind, url, added_at) VALUES ('feed', ?, '2021-01-01T00:00:00+07:00')",
            (site.url("/rss/bomb-later.rss"),),
        )
    site.routes["/rss/bomb-later.rss"] = Response(body=BOMB_FEED, content_type="application/rss+xml")
    site.publish(NEW_ITEM)
    code = main(["watch", "--once", "--engine", "espeak"])
    err = capsys.readouterr().err
    assert code == 1 and "entities" in err and NEW_ITEM.title in err


def test_nothing_to_watch_says_so(env, capsys):
    assert main(["watch", "--once"]) == 1
    assert "nothing to watch" in capsys.readouterr().err


def test_two_watchers_never_run_at_once(env, settings, capsys):
    with watcher.WatchLock(settings):
        code = main(["watch", "--once"])
        err = capsys.readouterr().err
        assert code == 1 and "Another watcher is already running" in err and str(os.getpid()) in err
    with watcher.WatchLock(settings):  # released: the next one may run
        pass


def test_a_stop_request_ends_the_round_before_any_request(settings, site):
    settings = settings.with_(allow_hosts=("127.0.0.1",), fetch_delay_s=0.0)
    with Library.open(settings) as library:
        service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), settings)
        before = len(site.requests)
        stopping.request_stop()
        try:
            summary = watcher.watch_round(library, settings, lambda line: None, "espeak")
        finally:
            with stopping.stop_on_signals():  # clears the flag for the other tests
                pass
    assert summary.stopped and summary.imported == [] and len(site.requests) == before


def test_watch_process_holds_the_lock_and_stops_on_sigterm(env, settings, site):
    settings = settings.with_(allow_hosts=("127.0.0.1",), fetch_delay_s=0.0)
    with Library.open(settings) as library:
        service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), settings)
    environment = {**os.environ, **env, "READER_WATCH_AUDIO_BACKLOG": "0"}
    first = subprocess.Popen(
        [sys.executable, "-m", "reader", "watch", "--every", "1h"], cwd=ROOT, env=environment,
        stderr=subprocess.PIPE, text=True,
    )
    try:
        lock = settings.data_dir / "watch.lock"
        for _ in range(600):  # until the first watcher has written its pid into the lock
            if lock.exists() and lock.read_text().strip() == str(first.pid):
                break
            time.sleep(0.05)
        second = subprocess.run(
            [sys.executable, "-m", "reader", "watch", "--once"], cwd=ROOT, env=environment,
            capture_output=True, text=True, timeout=60,
        )
        assert second.returncode == 1 and "Another watcher is already running" in second.stderr
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 130
        assert "stopped on request" in first.stderr.read()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()


def test_ctrl_c_during_a_round_starts_no_new_request(env, settings, site):
    settings = settings.with_(allow_hosts=("127.0.0.1",), fetch_delay_s=0.0)
    with Library.open(settings) as library:
        service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), settings)
    for number in range(8):
        slug = f"tin-moi-so-{number}-cua-huyen-an-bien"
        site.publish(NEW_ITEM.__class__(**{**NEW_ITEM.__dict__, "slug": slug, "title": f"Tin mới số {number}"}))
        slow = site.routes[f"/tin-tuc/{slug}.html"]
        site.routes[f"/tin-tuc/{slug}.html"] = Response(body=slow.body, delay=0.4)
    environment = {**os.environ, **env, "READER_WATCH_AUDIO_BACKLOG": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "watch", "--once"], cwd=ROOT, env=environment,
        stderr=subprocess.PIPE, text=True,
    )
    try:
        for _ in range(600):
            if any("tin-moi-so" in path for path in site.requests):
                break
            time.sleep(0.05)
        at_signal = sum("tin-moi-so" in path for path in site.requests)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
        after = sum("tin-moi-so" in path for path in site.requests)
        assert at_signal >= 1 and after - at_signal <= 1
        assert "stopped on request" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with Library.open(settings) as library:  # what was read before the stop is kept
        assert 3 <= library.count() <= 3 + after


def test_a_zero_interval_is_refused(env, monkeypatch, capsys):
    monkeypatch.setenv("READER_WATCH_EVERY_S", "0")
    assert main(["watch"]) == 1
    assert "more than 0" in capsys.readouterr().err
