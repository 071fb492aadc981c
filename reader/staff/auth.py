"""The staff password: where it comes from, how it is compared, and how guessing is slowed.

The password is compared as SHA-256 digests with ``hmac.compare_digest``, so neither its
length nor its first differing character shows in the time an answer takes. Failures
are counted for the whole process (not per browser session, which a guesser can simply
renew): after ``staff_login_free_attempts`` recent failures every further attempt first
waits, twice as long each time up to a maximum, and a success forgets them.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import deque
from typing import Any, Callable, Mapping

from reader.config import Settings

SECRET_NAMES = ("staff_password", "READER_STAFF_PASSWORD")


def configured_password(settings: Settings, secrets: Mapping[str, Any] | None = None) -> str:
    """The staff password: Streamlit's secrets first, then ``READER_STAFF_PASSWORD``; "" if none."""
    for name in SECRET_NAMES:
        try:
            value = (secrets or {}).get(name)
        except Exception:  # st.secrets raises when no secrets file exists at all
            value = None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return settings.staff_password.strip()


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def password_matches(given: str, configured: str) -> bool:
    """True when ``given`` is the configured password; never true when none is configured."""
    if not configured:
        return False
    return hmac.compare_digest(_digest(given), _digest(configured))


def session_token(configured: str) -> str:
    """What a logged-in session keeps: changing the password ends every open session."""
    return hmac.new(_digest(configured), b"reader-staff-session", hashlib.sha256).hexdigest()


class LoginThrottle:
    """Recent failed logins of this process and the wait the next attempt must take."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.clock = clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    def _forget_old(self, now: float) -> None:
        while self._failures and now - self._failures[0] > self.settings.staff_login_window_seconds:
            self._failures.popleft()

    def delay(self) -> float:
        """Seconds the next attempt waits before it is checked (0 while few recent failures)."""
        s = self.settings
        with self._lock:
            self._forget_old(self.clock())
            over = len(self._failures) - s.staff_login_free_attempts
        if over < 0:
            return 0.0
        return min(s.staff_login_max_delay_seconds, s.staff_login_delay_seconds * 2**over)

    def failed(self) -> None:
        with self._lock:
            now = self.clock()
            self._forget_old(now)
            self._failures.append(now)

    def succeeded(self) -> None:
        with self._lock:
            self._failures.clear()


def attempt(
    given: str,
    configured: str,
    throttle: LoginThrottle,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """One login attempt: wait as the throttle says, then compare, and record the outcome."""
    wait = throttle.delay()
    if wait > 0:
        sleep(wait)
    if password_matches(given, configured):
        throttle.succeeded()
        return True
    throttle.failed()
    return False
