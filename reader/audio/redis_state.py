"""The audio layer's shared state in Redis, for several processes on several machines.

Chosen when ``READER_REDIS_URL`` is set; each class has the interface of the one it
stands in for, so nothing that uses them changes:

- ``RedisLimiter`` is ``AdaptiveLimiter`` (``limiter.py``) with its window, pause and
  suspension in one Redis hash and the requests in flight in a sorted set, changed
  only by Lua scripts (atomic, on Redis's clock), so twenty workers together keep the
  limit one process would keep. A slot is a lease: a worker killed mid-request gives
  its slot back when the lease ends (the longest a request may take).
- ``RedisOfflineMarker`` is ``OfflineMarker`` (``engines.py``): a key that expires
  after ``offline_memory_seconds``.
- ``redis_clip_lock`` is ``clip_lock`` (``clip_lock.py``): a Redis lock per clip with an
  expiry, so a holder that dies frees the clip after ``redis_lock_expiry`` at most.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections import deque
from contextlib import contextmanager
from typing import Iterator

import redis

from reader.audio.clip_lock import _thread_lock
from reader.audio.limiter import LimiterSuspended, Slot
from reader.config import Settings

log = logging.getLogger(__name__)

PREFIX = "reader:"

_clients: dict[str, redis.Redis] = {}
_clients_lock = threading.Lock()


def redis_client(settings: Settings) -> redis.Redis:
    """One client (a connection pool) per Redis URL and process."""
    with _clients_lock:
        client = _clients.get(settings.redis_url)
        if client is None:
            client = _clients[settings.redis_url] = redis.Redis.from_url(
                settings.redis_url, socket_timeout=settings.redis_timeout,
                socket_connect_timeout=settings.redis_timeout, health_check_interval=30,
            )
        return client


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Both scripts read the clock of Redis, the one clock all machines share.
_NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) + tonumber(t[2]) / 1000000 "

_ACQUIRE = _NOW + """
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local ceiling = tonumber(ARGV[2])
local s = redis.call('HMGET', KEYS[1], 'limit', 'paused_until', 'suspended_until', 'reason', 'epoch')
local limit = tonumber(s[1])
if not limit then
  limit = math.min(tonumber(ARGV[3]), ceiling)
  redis.call('HSET', KEYS[1], 'limit', limit, 'slow_start', 1, 'clean', 0, 'epoch', 0)
end
if now < (tonumber(s[3]) or 0) then return {'suspended', tostring(s[4] or '')} end
local paused = tonumber(s[2]) or 0
if now < paused then return {'paused', tostring(paused - now)} end
local width = math.max(1, math.min(ceiling, math.floor(limit)))
local n = redis.call('ZCARD', KEYS[2])
if n >= width then return {'full', '0'} end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[1])
if n + 1 > (tonumber(redis.call('HGET', KEYS[1], 'peak')) or 0) then redis.call('HSET', KEYS[1], 'peak', n + 1) end
return {'ok', tostring(s[5] or '0')}
"""

_RELEASE = _NOW + """
redis.call('ZREM', KEYS[2], ARGV[1])
local ceiling = tonumber(ARGV[5])
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit')) or 1
local width = math.max(1, math.min(ceiling, math.floor(limit)))
if ARGV[2] == 'ok' then
  if redis.call('HGET', KEYS[1], 'slow_start') ~= '0' then
    limit = math.min(ceiling, limit + 1)
  else
    local clean = (tonumber(redis.call('HGET', KEYS[1], 'clean')) or 0) + 1
    if clean >= width then
      clean = 0
      limit = math.min(ceiling, limit + 1)
    end
    redis.call('HSET', KEYS[1], 'clean', clean)
  end
  redis.call('HSET', KEYS[1], 'limit', limit)
elseif ARGV[2] == 'throttled' then
  redis.call('HINCRBY', KEYS[1], 'throttled', 1)
  if (tonumber(redis.call('HGET', KEYS[1], 'epoch')) or 0) == tonumber(ARGV[3]) then
    redis.call('HSET', KEYS[1], 'limit', math.max(1, width / 2), 'slow_start', 0, 'clean', 0)
    redis.call('HINCRBY', KEYS[1], 'epoch', 1)
  end
  local retry = tonumber(ARGV[4])
  if retry > 0 then
    local till = now + math.min(retry, tonumber(ARGV[6]))
    if till > (tonumber(redis.call('HGET', KEYS[1], 'paused_until')) or 0) then
      redis.call('HSET', KEYS[1], 'paused_until', till)
    end
  end
end
return 1
"""

_SUSPEND = _NOW + """
local till = now + tonumber(ARGV[1])
if till > (tonumber(redis.call('HGET', KEYS[1], 'suspended_until')) or 0) then
  redis.call('HSET', KEYS[1], 'suspended_until', till)
end
redis.call('HSET', KEYS[1], 'reason', ARGV[2])
return 1
"""

_SUSPENDED = _NOW + "return now < (tonumber(redis.call('HGET', KEYS[1], 'suspended_until')) or 0) and 1 or 0"


class RedisLimiter:
    """``AdaptiveLimiter`` shared through Redis by every process using one endpoint."""

    def __init__(self, client: redis.Redis, endpoint: str, settings: Settings) -> None:
        base = f"{PREFIX}limiter:{_digest(endpoint)}:"
        self._keys = [base + "state", base + "slots"]
        self._client = client
        self.ceiling = max(1, settings.gtts_max_concurrency)
        self.start = max(1, settings.gtts_initial_concurrency)
        self.max_pause = settings.gtts_max_pause
        # The longest one request may hold its slot (connect, first byte, the answer).
        self.lease = settings.gtts_first_byte_timeout + settings.gtts_read_timeout + settings.gtts_connect_timeout
        self._acquire = client.register_script(_ACQUIRE)
        self._release_script = client.register_script(_RELEASE)
        self._suspend = client.register_script(_SUSPEND)
        self._suspended = client.register_script(_SUSPENDED)
        self._cond = threading.Condition()
        self._queue: deque[object] = deque()

    def acquire(self) -> Slot:
        """A shared slot, in arrival order within this process; raises ``LimiterSuspended``."""
        ticket = object()
        with self._cond:
            self._queue.append(ticket)
            while self._queue[0] is not ticket:
                self._cond.wait()
        try:
            return self._take()
        finally:
            with self._cond:
                self._queue.popleft()
                self._cond.notify_all()

    def _take(self) -> Slot:
        token, delay = uuid.uuid4().hex, 0.005
        while True:
            try:
                status, value = self._acquire(
                    keys=self._keys, args=[token, self.ceiling, self.start, self.lease]
                )
            except redis.RedisError as exc:
                raise LimiterSuspended(f"the shared rate limit in Redis is unreachable: {exc}") from None
            status, value = status.decode(), value.decode()
            if status == "ok":
                epoch = int(value)
                return Slot(lambda outcome, retry_after: self._release(token, epoch, outcome, retry_after))
            if status == "suspended":
                raise LimiterSuspended(value)
            if status == "paused":
                time.sleep(min(float(value), 1.0))
            else:
                time.sleep(delay)
                delay = min(delay * 2, 0.05)

    def _release(self, token: str, epoch: int, outcome: str, retry_after: float | None) -> None:
        try:
            self._release_script(
                keys=self._keys,
                args=[token, outcome, epoch, retry_after or 0, self.ceiling, self.max_pause],
            )
        except redis.RedisError as exc:  # the lease ends by itself
            log.warning("Could not return a slot of the shared rate limit: %s", exc)

    def configure(self, ceiling: int, max_pause: float) -> None:
        self.ceiling, self.max_pause = max(1, ceiling), max_pause

    def suspend(self, seconds: float, reason: str) -> None:
        try:
            self._suspend(keys=self._keys[:1], args=[seconds, reason])
        except redis.RedisError as exc:
            log.warning("Could not share that Google hangs: %s", exc)

    def resume(self) -> None:
        try:
            self._client.hset(self._keys[0], "suspended_until", 0)
        except redis.RedisError as exc:
            log.warning("Could not share that Google answers again: %s", exc)

    @property
    def suspended(self) -> bool:
        try:
            return bool(self._suspended(keys=self._keys[:1]))
        except redis.RedisError:
            return False

    def _field(self, name: str, default: float = 0.0) -> float:
        value = self._client.hget(self._keys[0], name)
        return float(value) if value is not None else default

    @property
    def limit(self) -> float:
        return self._field("limit", float(min(self.start, self.ceiling)))

    @property
    def width(self) -> int:
        return max(1, min(self.ceiling, int(self.limit)))

    @property
    def in_flight(self) -> int:
        return int(self._client.zcount(self._keys[1], time.time(), "+inf"))

    @property
    def peak(self) -> int:
        return int(self._field("peak"))

    @property
    def throttled_count(self) -> int:
        return int(self._field("throttled"))


_limiters: dict[tuple[str, str], RedisLimiter] = {}
_limiters_lock = threading.Lock()


def redis_limiter_for(endpoint: str, settings: Settings) -> RedisLimiter:
    """The shared limiter of ``endpoint`` (one object per process; its state in Redis)."""
    with _limiters_lock:
        limiter = _limiters.get((settings.redis_url, endpoint))
        if limiter is None:
            limiter = _limiters[(settings.redis_url, endpoint)] = RedisLimiter(
                redis_client(settings), endpoint, settings
            )
        elif limiter.ceiling != settings.gtts_max_concurrency or limiter.max_pause != settings.gtts_max_pause:
            limiter.configure(settings.gtts_max_concurrency, settings.gtts_max_pause)
        return limiter


def forget_redis_limiters() -> None:
    with _limiters_lock:
        _limiters.clear()


# While Redis cannot be reached, "Google is unreachable" is remembered in this process
# (key -> until when), so a machine cut off from both still plans and finds its
# offline-voice articles instead of assembling them again at every listen.
_local_offline: dict[str, float] = {}


class RedisOfflineMarker:
    """"Google is unreachable", remembered in Redis for ``memory_seconds`` by every machine
    (in this process alone while Redis is unreachable)."""

    def __init__(self, client: redis.Redis, endpoint: str, memory_seconds: float) -> None:
        self.key = f"{PREFIX}google-offline:{_digest(endpoint)}"
        self.path = self.key  # what tells two markers apart (google_probe)
        self.client = client
        self.memory_seconds = memory_seconds

    def active(self, now: float | None = None) -> bool:
        try:
            return bool(self.client.exists(self.key))
        except redis.RedisError:
            return (time.time() if now is None else now) < _local_offline.get(self.key, 0.0)

    def present(self) -> bool:
        return self.active()

    def set(self) -> None:
        if self.memory_seconds <= 0:
            return
        try:
            self.client.set(self.key, f"{time.time():.3f}", px=max(1, int(self.memory_seconds * 1000)))
        except redis.RedisError as exc:
            _local_offline[self.key] = time.time() + self.memory_seconds
            log.warning("Could not record in Redis that Google is offline (kept in this process): %s", exc)

    def clear(self) -> None:
        _local_offline.pop(self.key, None)
        try:
            self.client.delete(self.key)
        except redis.RedisError:
            pass


@contextmanager
def redis_clip_lock(settings: Settings, key: str, timeout: float) -> Iterator[bool]:
    """``clip_lock`` across machines: yields False (the caller makes the clip unlocked)
    when the lock is not had within ``timeout`` or Redis cannot be reached."""
    with _thread_lock(key, timeout) as held_here:
        lock = redis_client(settings).lock(
            f"{PREFIX}clip:{key}", timeout=settings.redis_lock_expiry, sleep=0.02,
            blocking_timeout=max(0.0, timeout),
        )
        held = False
        if held_here:
            try:
                held = bool(lock.acquire())
            except redis.RedisError as exc:
                log.warning("Cannot lock clip %s in Redis (%s); making it unlocked", key[:12], exc)
        if not held:
            yield False
            return
        try:
            yield True
        finally:
            try:
                lock.release()
            except (redis.RedisError, redis.exceptions.LockError) as exc:
                log.warning("Clip lock %s expired before it was released: %s", key[:12], exc)
