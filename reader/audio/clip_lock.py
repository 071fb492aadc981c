"""One maker per clip: a lock per clip key, held across threads and processes.

Eight app workers opening the same new article would otherwise each ask Google for
every chunk. Whoever takes a clip's lock first makes the clip; the others wait, then
find it in the cache. The lock is ``fcntl.flock`` on ``<cache_dir>/locks/<key>.lock``:
the kernel releases it when its holder dies, so a crash never leaves a clip blocked.
The holder removes the lock file before releasing it, so lock files do not pile up;
a waiter that then gets the lock of a removed file notices (the path no longer
names the file it locked) and locks again on the current one. The files a killed
process left are removed by the next process using the cache (nobody holds them). Within one process
threads first queue on an ordinary lock per key, so they wait without polling.
Waiting is bounded: past ``timeout`` the waiter goes ahead and makes the clip itself
(a second request is better than a listener waiting on a stuck process).
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from reader.config import Settings

log = logging.getLogger(__name__)

LOCKS_DIR = "locks"

_local_locks: dict[str, tuple[threading.Lock, int]] = {}
_local_guard = threading.Lock()


@contextmanager
def _thread_lock(name: str, timeout: float) -> Iterator[bool]:
    """This process's lock for ``name``: yields whether it was had within ``timeout``."""
    with _local_guard:
        lock, users = _local_locks.get(name, (None, 0))
        if lock is None:
            lock = threading.Lock()
        _local_locks[name] = (lock, users + 1)
    held = lock.acquire(timeout=max(0.0, timeout))
    try:
        yield held
    finally:
        if held:
            lock.release()
        with _local_guard:
            lock, users = _local_locks[name]
            if users <= 1:
                del _local_locks[name]
            else:
                _local_locks[name] = (lock, users - 1)


def _try_flock(path: Path) -> int | None:
    """An open, exclusively locked descriptor for the file now at ``path``, or None if busy."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return None
        raise
    try:
        same = os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        same = False
    if not same:  # the holder before us removed it: lock the current file instead
        os.close(fd)
        return _try_flock(path)
    return fd


def _flock(path: Path, timeout: float) -> int | None:
    """Poll for the lock (short sleeps growing to 50 ms) for up to ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        fd = _try_flock(path)
        if fd is not None:
            return fd
        if time.monotonic() >= deadline:
            return None
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


@contextmanager
def clip_lock(
    cache_dir: Path | str, key: str, timeout: float = 60.0, settings: "Settings | None" = None
) -> Iterator[bool]:
    """Hold the lock of clip ``key`` for this thread and process; yields False if it could
    not be had within ``timeout`` seconds (or the lock file cannot be made) and the caller
    goes ahead unlocked. With ``settings.redis_url`` the lock is in Redis (``redis_state``)."""
    if settings is not None and settings.redis_url:
        from reader.audio.redis_state import redis_clip_lock

        with redis_clip_lock(settings, key, timeout) as held:
            yield held
        return
    path = Path(cache_dir) / LOCKS_DIR / f"{key}.lock"
    _sweep_once(path.parent)
    deadline = time.monotonic() + timeout
    with _thread_lock(key, timeout) as held_here:
        fd = None
        if held_here:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = _flock(path, deadline - time.monotonic())
            except OSError as exc:
                log.warning("Cannot lock clip %s (%s); making it unlocked", key[:12], exc)
        if fd is None:
            log.warning("Clip %s stayed locked for %.0f s; making it here too", key[:12], timeout)
            yield False
            return
        try:
            yield True
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass
            os.close(fd)


_swept: set[Path] = set()


def _sweep_once(locks: Path) -> None:
    """The first lock a process takes in a cache also clears what crashes left there."""
    with _local_guard:
        if locks in _swept:
            return
        _swept.add(locks)
    try:
        remove_stale_locks(locks.parent)
    except OSError as exc:
        log.warning("Could not clear old lock files in %s: %s", locks, exc)


def remove_stale_locks(cache_dir: Path | str) -> int:
    """Remove lock files nobody holds (left by a process killed while holding one)."""
    removed = 0
    locks = Path(cache_dir) / LOCKS_DIR
    if not locks.is_dir():
        return 0
    for path in locks.glob("*.lock"):
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                os.unlink(path)
                removed += 1
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed
