"""Google's voice through gTTS, made safe to call from a server, many requests at once.

gTTS 2.5.4 on its own waits forever (no timeout), never retries, opens a new session
(a new connection) for every request, takes its endpoint from a name bound inside
``gtts.tts`` and reports every failure as one ``gTTSError``. ``GttsEngine`` adds what
a news reader needs:

- the endpoint from ``settings.gtts_url`` (so tests and benchmarks can use a fake);
- one kept-alive ``requests.Session`` per thread, so concurrent workers reuse their
  connections (the sending is in ``gtts_transport.py``);
- a short deadline for connect + first byte (``gtts_first_byte_timeout``) and the
  longer ``gtts_read_timeout`` only once the answer flows, so a Google that accepts
  and says nothing is found out in seconds: the process's limiter is then suspended
  (other chunks fail at once instead of each waiting) and a background probe asks
  Google again until it answers;
- every request under the process's ``AdaptiveLimiter`` (``limiter.py``): a 429 halves
  the requests in flight and its ``Retry-After`` pauses them all;
- several chunks in one request when requests are at that limit (``gtts_batch.py``):
  a chunk a batched answer lacks is asked again alone, and a Google that refuses
  batches is asked one chunk a request from then on;
- bounded retries with jittered exponential backoff for throttling, server errors and
  read timeouts, and a quick, distinct ``EngineUnavailable`` when Google cannot be
  reached at all, so the caller can fall back to espeak-ng.
"""

from __future__ import annotations

import ipaddress
import logging
import random
import socket
import threading
import time
import urllib.parse
from typing import Callable

import requests
from gtts.tts import gTTSError
from urllib3.exceptions import MaxRetryError, NewConnectionError

from reader.audio.google_probe import ensure_probe
from reader.audio.gtts_batch import Ask, Batcher, batcher_for
from reader.audio.gtts_transport import EndpointGTTS, NoAnswer, Throttled, thread_session
from reader.audio.limiter import AdaptiveLimiter, LimiterSuspended, Slot, limiter_for
from reader.config import Settings
from reader.errors import EngineError, EngineUnavailable
from reader.stopping import raise_if_stopped

log = logging.getLogger(__name__)

# What the background probe asks Google to say: the shortest speakable request.
PROBE_TEXT = "a"


class _Transient(Exception):
    """A failure worth retrying: a server error, a read timeout, a broken reply."""


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
        self._sleep = sleep
        self._resolved = False

    @property
    def limiter(self) -> AdaptiveLimiter:
        """The limiter every request to this endpoint in this process goes through."""
        return limiter_for(self.url, self.settings)

    def synthesize(self, text: str) -> bytes:
        """MP3 for ``text`` (at most 100 characters): asked through the process's batcher
        (``gtts_batch.py``), alone or with other chunks in one request, under the
        process's limiter, retried when throttled or failed."""
        text = text.strip()
        if not has_speakable(text):
            raise EngineError(f"Nothing speakable in {text!r}: gTTS needs letters or digits")
        self._check_host_resolves()
        s = self.settings
        return self._batcher().submit(text, self, s.gtts_batch_size, s.gtts_max_concurrency).result()

    def _batcher(self) -> Batcher:
        return batcher_for(self.url, self.voice)

    # --- what the batcher's senders call (``gtts_batch.Carrier``) ----------------------------------

    def acquire(self) -> Slot:
        return self.limiter.acquire()

    def suspended(self, asks: list[Ask], exc: LimiterSuspended) -> None:
        error = EngineUnavailable(f"Google is not answering ({exc}); not asking again until it does")
        for ask in asks:
            ask.fail(error)

    def carry(self, asks: list[Ask], slot: Slot | None) -> None:
        """Send ``asks`` as one request (``slot`` already held, or None to wait for one),
        retrying the whole request when throttled or failed; answer every ask."""
        s, texts = self.settings, [ask.text for ask in asks]
        failed = throttled = 0
        try:
            while True:
                if slot is None:
                    try:
                        slot = self.limiter.acquire()
                    except LimiterSuspended as exc:
                        return self.suspended(asks, exc)
                try:
                    raise_if_stopped()  # a retry or a long wait for a slot must not outlive Ctrl-C
                    answers = self._request(texts)
                except Throttled as exc:
                    slot.throttled(exc.retry_after)
                    slot = None
                    throttled += 1
                    if throttled > s.gtts_throttle_retries:
                        return _fail(asks, EngineError(
                            f"Google still refused after {throttled} attempt(s) (HTTP 429): throttling; try again later"))
                    if exc.retry_after is None:  # with Retry-After the limiter holds everyone back
                        self._backoff(throttled, exc)
                except _Transient as exc:
                    slot.failed()
                    slot = None
                    failed += 1
                    if failed > s.gtts_retries:
                        return _fail(asks, EngineError(
                            f"Google still failed after {failed} attempt(s) ({exc}); probably an outage: try again later"))
                    self._backoff(failed, exc)
                except NoAnswer:
                    slot.failed()
                    return _fail(asks, self._hung())
                except EngineError as exc:
                    slot.failed()
                    if len(asks) == 1 or isinstance(exc, EngineUnavailable):
                        return _fail(asks, exc)
                    log.warning("Google refused a request of %d chunks (%s); asking one chunk a request from now on",
                                len(asks), exc)
                    self._batcher().refuse_batches()
                    return self._carry_alone(asks)
                except BaseException as exc:
                    slot.failed()
                    return _fail(asks, exc)
                else:
                    slot.succeeded()
                    for ask, audio in zip(asks, answers):
                        if audio is not None:
                            ask.resolve(audio)
                    if len(asks) > 1 and not any(answers):
                        log.warning("Google answered a request of %d chunks without any of their audio; "
                                    "asking one chunk a request from now on", len(asks))
                        self._batcher().refuse_batches()
                    return self._carry_alone([ask for ask in asks if not ask.answered])
        finally:
            _fail(asks, EngineError("Google's answer ended before every chunk of the request was read"))

    def _carry_alone(self, asks: list[Ask]) -> None:
        """Chunks a batched answer lacked, asked again one a request (as gTTS asks them)."""
        for ask in asks:
            self.carry([ask], None)

    def probe(self) -> bool:
        """One request outside the limiter: does Google answer at all (even with a 429)?"""
        try:
            self._request([PROBE_TEXT])
        except Throttled:
            return True
        except (NoAnswer, _Transient, EngineError, EngineUnavailable):
            return False
        return True

    def _hung(self) -> EngineUnavailable:
        """Google accepted and said nothing: stop sending (other chunks fail at once) and probe."""
        seconds = self.settings.gtts_first_byte_timeout
        reason = f"no answer within {seconds:g} s"
        self.limiter.suspend(self.settings.offline_memory_seconds, reason)
        ensure_probe(self)
        return EngineUnavailable(
            f"Google at {self.url} accepted the connection but sent nothing within {seconds:g} s: "
            "it hangs, or the network drops its answers"
        )

    def _backoff(self, attempt: int, exc: Exception) -> None:
        delay = self.settings.gtts_backoff * (2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
        delay = min(delay, self.settings.gtts_max_pause)
        log.info("gTTS attempt %d failed (%s); retrying in %.2f s", attempt, exc, delay)
        self._sleep(delay)

    def _request(self, texts: list[str]) -> list[bytes | None]:
        """Every text's MP3 from one request, None where the answer lacked it (for one text, an error)."""
        s = self.settings
        tts = EndpointGTTS(
            texts, url=self.url, session=thread_session(), connect_timeout=s.gtts_connect_timeout,
            first_byte_timeout=s.gtts_first_byte_timeout, read_timeout=s.gtts_read_timeout,
            lang=self.voice, lang_check=False,
        )
        try:
            answers = tts.fetch()
        except gTTSError as exc:
            raise self._classify(exc) from None
        checked = [audio if audio and looks_like_mp3(audio) else None for audio in answers]
        if len(texts) == 1 and checked[0] is None:
            if not answers[0]:
                raise EngineError("Google answered without any audio: the reply format may have changed")
            raise EngineError("Google's reply held data that is not MP3 audio")
        return checked

    def _classify(self, exc: gTTSError) -> Exception:
        """Turn gTTS's catch-all error into unavailable / retry / bad reply."""
        response = exc.rsp
        if response is not None:
            status = response.status_code
            if status >= 500:
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


def _fail(asks: list[Ask], error: BaseException) -> None:
    for ask in asks:
        ask.fail(error)


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
