"""Google's voice through gTTS, made safe to call from a server.

gTTS 2.5.4 on its own waits forever (no timeout), never retries, takes its endpoint
from a name bound inside ``gtts.tts`` and reports every failure as one ``gTTSError``.
``GttsEngine`` adds what a news reader needs: a (connect, read) timeout on every
request, the endpoint from ``settings.gtts_url`` (so tests and benchmarks can point
it at a fake), bounded retries with jittered exponential backoff for throttling
(429), server errors and read timeouts, and a quick, distinct ``EngineUnavailable``
when Google cannot be reached at all, so the caller can fall back to espeak-ng.
"""

from __future__ import annotations

import binascii
import io
import ipaddress
import logging
import random
import socket
import threading
import time
import urllib.parse
from typing import Callable

import requests
from gtts import gTTS
from gtts.tts import gTTSError
from urllib3.exceptions import MaxRetryError, NewConnectionError

from reader.config import Settings
from reader.errors import EngineError, EngineUnavailable

log = logging.getLogger(__name__)


class _EndpointGTTS(gTTS):
    """gTTS sending its requests to a configured URL instead of translate.google.<tld>."""

    def __init__(self, text: str, *, url: str, **kwargs: object) -> None:
        super().__init__(text, **kwargs)
        self._endpoint = url

    def _prepare_requests(self) -> list[requests.PreparedRequest]:
        prepared = super()._prepare_requests()
        for request in prepared:
            request.prepare_url(self._endpoint, None)
        return prepared


class _Transient(Exception):
    """A failure worth retrying: throttling, a server error, a read timeout."""


def looks_like_mp3(data: bytes) -> bool:
    """True if ``data`` starts like an MP3 file (an ID3 tag or an MPEG audio frame)."""
    return data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def has_speakable(text: str) -> bool:
    """gTTS drops punctuation-only text and then asserts; only letters or digits are worth a request."""
    return any(ch.isalnum() for ch in text)


class GttsEngine:
    """Google Translate's text-to-speech voice (online; the natural-sounding one)."""

    name = "gtts"

    def __init__(self, settings: Settings, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.voice = settings.gtts_lang
        self.url = settings.gtts_url
        self._timeout = (settings.gtts_connect_timeout, settings.gtts_read_timeout)
        self._sleep = sleep
        self._resolved = False

    def synthesize(self, text: str) -> bytes:
        """MP3 for ``text`` (one request when it is at most 100 characters), retried when throttled."""
        text = text.strip()
        if not has_speakable(text):
            raise EngineError(f"Nothing speakable in {text!r}: gTTS needs letters or digits")
        self._check_host_resolves()
        attempts = self.settings.gtts_retries + 1
        failed = 0
        while True:
            try:
                return self._request(text)
            except _Transient as exc:
                failed += 1
                if failed == attempts:
                    raise EngineError(
                        f"Google still refused after {attempts} attempt(s) ({exc}); "
                        "probably throttling (HTTP 429) or an outage: try again later"
                    ) from None
                delay = self.settings.gtts_backoff * (2 ** (failed - 1)) * random.uniform(0.5, 1.5)
                log.info("gTTS attempt %d failed (%s); retrying in %.2f s", failed, exc, delay)
                self._sleep(delay)

    def _request(self, text: str) -> bytes:
        tts = _EndpointGTTS(text, url=self.url, lang=self.voice, lang_check=False, timeout=self._timeout)
        buffer = io.BytesIO()
        try:
            tts.write_to_fp(buffer)
        except gTTSError as exc:
            raise self._classify(exc) from None
        except (binascii.Error, ValueError) as exc:
            raise EngineError(f"Google's reply held audio that is not valid base64 ({exc})") from None
        except AssertionError as exc:
            raise EngineError(f"gTTS found nothing to send for {text!r} ({exc})") from None
        except requests.RequestException as exc:
            raise _Transient(f"the reply broke off: {exc}") from None
        data = buffer.getvalue()
        if not data:
            raise EngineError("Google answered without any audio: the reply format may have changed")
        if not looks_like_mp3(data):
            raise EngineError("Google's reply held data that is not MP3 audio")
        return data

    def _classify(self, exc: gTTSError) -> Exception:
        """Turn gTTS's catch-all error into unavailable / retry / bad reply."""
        response = exc.rsp
        if response is not None:
            status = response.status_code
            if status == 429 or status >= 500:
                return _Transient(f"HTTP {status}")
            if status == 200:
                return EngineError("Google answered without audio: the reply format may have changed")
            return EngineError(f"Google refused the request with HTTP {status}: the endpoint {self.url} may be wrong")
        cause = exc.__context__
        if _is_connect_failure(cause):
            return EngineUnavailable(
                f"Cannot connect to Google at {self.url} ({type(cause).__name__}): "
                "no internet connection, or the address is blocked"
            )
        if isinstance(cause, requests.RequestException):
            return _Transient(f"{type(cause).__name__}: {cause}")
        return EngineError(f"gTTS failed: {exc}")

    def _check_host_resolves(self) -> None:
        """Resolve the host within the connect timeout: requests' timeout does not cover DNS."""
        if self._resolved:
            return
        parts = urllib.parse.urlsplit(self.url)
        host = parts.hostname or ""
        try:
            ipaddress.ip_address(host)
        except ValueError:
            pass
        else:
            self._resolved = True
            return
        outcome: list[BaseException | None] = []

        def resolve() -> None:
            try:
                socket.getaddrinfo(host, parts.port or 443)
                outcome.append(None)
            except OSError as exc:
                outcome.append(exc)

        worker = threading.Thread(target=resolve, name="gtts-dns", daemon=True)
        worker.start()
        worker.join(self.settings.gtts_connect_timeout)
        if not outcome:
            raise EngineUnavailable(f"Cannot resolve {host!r} in time: no internet connection or DNS")
        if outcome[0] is not None:
            raise EngineUnavailable(f"Cannot resolve {host!r} ({outcome[0]}): no internet connection or DNS")
        self._resolved = True


def _is_connect_failure(cause: BaseException | None) -> bool:
    """Connection refused, name not resolved or connect timeout: Google is not reachable at all."""
    if isinstance(cause, requests.ConnectTimeout):
        return True
    if isinstance(cause, requests.ConnectionError) and cause.args:
        inner = cause.args[0]
        if isinstance(inner, MaxRetryError):
            return isinstance(inner.reason, NewConnectionError)
        return isinstance(inner, NewConnectionError)
    return False
