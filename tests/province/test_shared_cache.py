"""The audio cache on a directory several machines share: `cache verify` while others write."""

import fcntl
import os
import time

from reader.audio.clip_lock import LOCKS_DIR
from reader.audio.maintenance import verify_cache
from tests.fakes.google import fake_mp3


def test_verify_leaves_an_article_being_stored_alone(settings):
    """The store writes the MP3, then its description: a verify in between must not take the MP3."""
    articles = settings.cache_dir / "articles"
    articles.mkdir(parents=True)
    fresh = articles / ("a" * 64 + ".mp3")
    fresh.write_bytes(fake_mp3("Tin mới đang được lưu."))
    old = articles / ("b" * 64 + ".mp3")
    old.write_bytes(fake_mp3("Tin cũ không có mô tả."))
    an_hour_ago = time.time() - settings.cache_stale_temp_seconds - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    report = verify_cache(settings)
    assert fresh.exists() and not old.exists() and report.removed == [old]


def test_verify_removes_lock_files_nobody_holds_and_keeps_held_ones(settings):
    locks = settings.cache_dir / LOCKS_DIR
    locks.mkdir(parents=True)
    left = locks / "left-by-a-killed-process.lock"
    left.write_bytes(b"")
    held = locks / "being-made.lock"
    fd = os.open(held, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        verify_cache(settings)
        assert not left.exists() and held.exists()
    finally:
        os.close(fd)
