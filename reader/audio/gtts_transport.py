"""How one request to Google's batchexecute endpoint is sent and its answer read.

gTTS 2.5.4 prepares the request (its headers and the ``f.req`` body of one RPC a
request), but its ``stream`` opens a new session (a new TCP and TLS handshake) for
every request, turns certificate checks off, has one timeout for everything and
reports a 429 like any other failure. ``EndpointGTTS`` keeps gTTS's headers and RPC
shape and sends as this module says: to a configured URL through the caller's
kept-alive session (``thread_session``: one per thread), with one deadline for
connect + first byte and the longer read timeout once the answer flows; a 429 comes
out as ``Throttled`` with its ``Retry-After``, no first byte as ``NoAnswer``.

``batchexecute`` is a batch endpoint: Google's own pages put several RPCs in one
request, each with an identifier, and the answer holds one ``wrb.fr`` line per RPC
(its audio, or an error entry). ``EndpointGTTS`` sends its texts that way, so
several chunks cost one request; one text goes exactly as gTTS sends it.
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import json
import threading
import time
import urllib.parse
import urllib.request
from typing import Iterator

import requests
from gtts import gTTS
from gtts.tts import gTTSError
from urllib3.util import Timeout

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
    """gTTS's request shape for one or several texts (one RPC each), sent as the module docstring says."""

    def __init__(
        self, texts: list[str], *, url: str, session: requests.Session,
        connect_timeout: float, first_byte_timeout: float, read_timeout: float, **kwargs: object,
    ) -> None:
        if not texts:
            raise ValueError("EndpointGTTS needs at least one text")
        super().__init__(texts[0], **kwargs)
        self.texts = list(texts)
        self._endpoint = url
        self._session = session
        self._first_byte = Timeout(
            connect=min(connect_timeout, first_byte_timeout), read=first_byte_timeout, total=first_byte_timeout
        )
        self._read_timeout = read_timeout

    def _identifiers(self) -> list[str]:
        return ["generic"] if len(self.texts) == 1 else [str(i) for i in range(len(self.texts))]

    def _said(self, text: str) -> str:
        """The text as gTTS sends it: its pre-processors applied (a chunk is one token)."""
        tokens = self._tokenize(text)
        return tokens[0] if len(tokens) == 1 else text.strip()

    def _body(self) -> str:
        calls = [[self.GOOGLE_TTS_RPC,
                  json.dumps([self._said(text), self.lang, self.speed, "null"], separators=(",", ":")),
                  None, ident] for text, ident in zip(self.texts, self._identifiers())]
        return "f.req={}&".format(urllib.parse.quote(json.dumps([calls], separators=(",", ":"))))

    def _prepare_requests(self) -> list[requests.PreparedRequest]:
        request = requests.Request(method="POST", url=self._endpoint, data=self._body(),
                                   headers=self.GOOGLE_TTS_HEADERS)
        return [request.prepare()]

    def fetch(self) -> list[bytes | None]:
        """The audio of every text, in order; None where Google's answer has none for it."""
        (prepared,) = self._prepare_requests()
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
            found = self._answers(response)
        if not any(found.values()) and len(self.texts) == 1:
            raise gTTSError(tts=self, response=response)  # 200 without audio: as gTTS reports it
        return [found.get(ident) for ident in self._identifiers()]

    def stream(self) -> Iterator[bytes]:
        """gTTS's interface (``save``, ``write_to_fp``): every text's audio, one after another."""
        for audio in self.fetch():
            if audio is None:
                raise gTTSError(tts=self)
            yield audio

    def _answers(self, response: requests.Response) -> dict[str, bytes | None]:
        if response.status_code == 429:
            _drain(response)
            raise Throttled(parse_retry_after(response.headers.get("Retry-After")))
        if response.status_code >= 400:
            _drain(response)
            raise gTTSError(tts=self, response=response)
        _set_read_timeout(response, self._read_timeout)
        found: dict[str, bytes | None] = {}
        try:
            for line in response.iter_lines(chunk_size=1024):
                if b"wrb.fr" in line:
                    found.update(_rpc_answers(line.decode("utf-8", "replace")))
        except requests.RequestException:
            raise gTTSError(tts=self)
        return found


def _rpc_answers(line: str) -> dict[str, bytes | None]:
    """Identifier -> audio (None: Google's error entry) of the ``wrb.fr`` entries of one answer line."""
    try:
        entries = json.loads(line)
    except ValueError:
        return {}
    answers: dict[str, bytes | None] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not (isinstance(entry, list) and len(entry) >= 3 and entry[:2] == ["wrb.fr", gTTS.GOOGLE_TTS_RPC]):
            continue
        ident = str(entry[-1])
        try:
            payload = json.loads(entry[2]) if isinstance(entry[2], str) else None
            audio = base64.b64decode(payload[0].encode("ascii"), validate=True) if payload else None
        except (ValueError, TypeError, IndexError, AttributeError, binascii.Error):
            audio = None
        answers[ident] = audio or None
    return answers


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
