"""How one request to Google's batchexecute endpoint is sent and its answer read.

gTTS 2.5.4 prepares the request (its tokenizer, headers and ``f.req`` body) and parses
the answer well, but its ``stream`` opens a new session (a new TCP and TLS handshake)
for every request, turns certificate checks off, has one timeout for everything and
reports a 429 like any other failure. ``EndpointGTTS`` keeps gTTS's preparation and
parsing and overrides ``stream``: the request goes to a configured URL through the
caller's kept-alive session (``thread_session``: one per thread), with one deadline
for connect + first byte and the longer read timeout once the answer flows; a 429
comes out as ``Throttled`` with its ``Retry-After``, no first byte as ``NoAnswer``.
"""

from __future__ import annotations

import base64
import email.utils
import re
import threading
import time
import urllib.request
from typing import Iterator

import requests
from gtts import gTTS
from gtts.tts import gTTSError
from urllib3.util import Timeout

_AUDIO_LINE = re.compile(r'jQ1olc","\[\\"(.*)\\"]')

_local = threading.local()


def thread_session() -> requests.Session:
    """This thread's session: its connection to Google stays open between requests."""
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
    return session


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when is None or when.tzinfo is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    return max(0.0, seconds) if seconds == seconds else None


class Throttled(Exception):
    """HTTP 429, with the pause Google asked for (if it said)."""

    def __init__(self, retry_after: float | None) -> None:
        super().__init__(f"HTTP 429 (Retry-After {retry_after})")
        self.retry_after = retry_after


class NoAnswer(Exception):
    """Connected, but not one byte of an answer within the first-byte deadline."""


class EndpointGTTS(gTTS):
    """gTTS's request preparation and reply parsing, sent as the module docstring says."""

    def __init__(
        self, text: str, *, url: str, session: requests.Session,
        connect_timeout: float, first_byte_timeout: float, read_timeout: float, **kwargs: object,
    ) -> None:
        super().__init__(text, **kwargs)
        self._endpoint = url
        self._session = session
        self._first_byte = Timeout(
            connect=min(connect_timeout, first_byte_timeout), read=first_byte_timeout, total=first_byte_timeout
        )
        self._read_timeout = read_timeout

    def _prepare_requests(self) -> list[requests.PreparedRequest]:
        prepared = super()._prepare_requests()
        for request in prepared:
            request.prepare_url(self._endpoint, None)
        return prepared

    def stream(self) -> Iterator[bytes]:
        for prepared in self._prepare_requests():
            try:
                response = self._session.send(
                    prepared, proxies=urllib.request.getproxies(), timeout=self._first_byte, stream=True
                )
            except requests.ConnectTimeout:
                raise gTTSError(tts=self)
            except requests.ReadTimeout:
                raise NoAnswer() from None
            except requests.RequestException:
                raise gTTSError(tts=self)
            with response:
                yield from self._audio_of(response)

    def _audio_of(self, response: requests.Response) -> Iterator[bytes]:
        if response.status_code == 429:
            _drain(response)
            raise Throttled(parse_retry_after(response.headers.get("Retry-After")))
        if response.status_code >= 400:
            _drain(response)
            raise gTTSError(tts=self, response=response)
        _set_read_timeout(response, self._read_timeout)
        try:
            for line in response.iter_lines(chunk_size=1024):
                decoded = line.decode("utf-8")
                if "jQ1olc" in decoded:
                    found = _AUDIO_LINE.search(decoded)
                    if not found:
                        raise gTTSError(tts=self, response=response)
                    yield base64.b64decode(found.group(1).encode("ascii"))
        except requests.RequestException:
            raise gTTSError(tts=self)


def _drain(response: requests.Response) -> None:
    """Read a short error body so the kept-alive connection can carry the next request."""
    try:
        response.content
    except requests.RequestException:
        pass


def _set_read_timeout(response: requests.Response, seconds: float) -> None:
    """Once the answer has started, give the rest of it the (longer) read timeout."""
    connection = getattr(response.raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.settimeout(seconds)
        except OSError:
            pass
