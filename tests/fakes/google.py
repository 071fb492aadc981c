"""A fake Google Translate ``batchexecute`` endpoint on 127.0.0.1 for tests and benchmarks.

It speaks the same wire format gTTS 2.5.4 expects: a form-encoded ``f.req`` POST in,
``)]}'`` then length-prefixed lines out, the audio base64-encoded inside a *compact*
JSON line (a space after a comma breaks gTTS's regex). The MP3 is real and lasts
``ms_per_char`` per character of text, so assembly and timing code see honest
durations. Audio is built by repeating pre-encoded MP3 frames (encoded once per
process with ffmpeg, bit reservoir off so every frame stands alone): a reply costs
microseconds, and benchmarks measure the reader rather than ffmpeg.

Faults are switched on by setting attributes on a running server (listed in
``FakeGoogle``'s docstring): latency, throttling (a burst, beyond a number in flight,
or at random, with or without ``Retry-After``), server errors, malformed replies, and
hanging (accept, never answer). With ``real_speech`` the audio is espeak-ng's real
speech of the text, so durations are those of speech. It counts what a test of
politeness needs: the most requests in flight at once, requests per text, and TCP
connections (to see keep-alive).

    with FakeGoogle() as google:
        settings = settings.with_(gtts_url=google.url)

Run ``python -m tests.fakes.google`` to serve one for a benchmark by hand.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import random
import socket
import subprocess
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATH = "/_/TranslateWebserverUi/data/batchexecute"
RPC_ID = "jQ1olc"

# MPEG-2 Layer III, 24 kHz mono, 32 kb/s CBR: what Google serves. 576 samples a frame.
_SAMPLE_RATE = 24000
_FRAME_MS = 576 * 1000 / _SAMPLE_RATE  # 24 ms
_TONE_HZ = 250  # 6 whole cycles per frame, so repeated frames join without a click


@functools.lru_cache(maxsize=1)
def _tone_frame() -> bytes:
    """One self-contained MP3 frame of a quiet tone, taken from the middle of a short encoding."""
    encoded = subprocess.run(
        [
            "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", f"sine=frequency={_TONE_HZ}:sample_rate={_SAMPLE_RATE}:duration=1",
            "-af", "volume=0.05", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "32k",
            "-reservoir", "0", "-write_xing", "0", "-id3v2_version", "0",
            "-f", "mp3", "pipe:1",
        ],
        check=True, capture_output=True, timeout=30,
    ).stdout
    frames = _split_frames(encoded)
    if len(frames) < 10:
        raise RuntimeError("ffmpeg produced too few MP3 frames for the fake Google")
    return frames[len(frames) // 2]


def _split_frames(data: bytes) -> list[bytes]:
    """Cut an MPEG-2 Layer III stream into frames (only what ffmpeg writes for our settings)."""
    bitrates = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
    frames, pos = [], 0
    while pos + 4 <= len(data):
        if data[pos] != 0xFF or (data[pos + 1] & 0xE0) != 0xE0:
            pos += 1
            continue
        bitrate = bitrates[data[pos + 2] >> 4] * 1000
        padding = (data[pos + 2] >> 1) & 1
        size = 72 * bitrate // _SAMPLE_RATE + padding
        if size <= 4:
            pos += 1
            continue
        frames.append(data[pos:pos + size])
        pos += size
    return frames


def fake_mp3(text: str, ms_per_char: float = 60.0) -> bytes:
    """A real MP3 lasting about ``ms_per_char`` per character (at least one frame)."""
    count = max(1, math.ceil(len(text) * ms_per_char / _FRAME_MS))
    return _tone_frame() * count


def _entry(audio: bytes | None, ident: str) -> str:
    """One RPC's answer: its audio, or (``None``) the error entry Google sends when that RPC failed."""
    inner = None if audio is None else json.dumps([base64.b64encode(audio).decode("ascii")], separators=(",", ":"))
    error = None if audio is not None else [3]
    return json.dumps([["wrb.fr", RPC_ID, inner, None, None, error, ident]], separators=(",", ":"))


def reply_body(audio: bytes | None, ident: str = "generic") -> bytes:
    """The batchexecute reply carrying ``audio``, in Google's (and gTTS's) exact format."""
    return batch_reply_body([(audio, ident)])


def batch_reply_body(answers: list[tuple[bytes | None, str]]) -> bytes:
    """The reply to a batch: one length-prefixed line per RPC (``None``: that RPC failed), then the tail."""
    lines = [_entry(audio, ident) for audio, ident in answers]
    lines.append(json.dumps([["di", 42], ["af.httprm", 41, "0", 7]], separators=(",", ":")))
    return (")]}'\n\n" + "".join(f"{len(line)}\n{line}\n" for line in lines)).encode("ascii")


# What Google sends when the RPC failed: the RPC id is there, the audio is not.
_MALFORMED = b')]}\'\n\n58\n[["wrb.fr","jQ1olc",null,null,null,[3],"generic"]]\n'


def parse_request_rpcs(body: bytes) -> list[tuple[str, str]]:
    """(text, identifier) of every RPC in a ``f.req=...`` form body: one from gTTS, several in a batch."""
    form = urllib.parse.parse_qs(body.decode("utf-8"))
    calls = json.loads(form["f.req"][0])[0]
    rpcs = []
    for call in calls:
        if call[0] != RPC_ID:
            raise ValueError(f"unknown RPC {call[0]!r}")
        rpcs.append((json.loads(call[1])[0], str(call[3])))
    if not rpcs:
        raise ValueError("no RPC in the request")
    return rpcs


def parse_request_text(body: bytes) -> str:
    """The text of the first (for gTTS: the only) RPC of a request."""
    return parse_request_rpcs(body)[0][0]


def espeak_mp3(text: str, voice: str = "vi") -> bytes:
    """Real Vietnamese speech for ``text`` from espeak-ng, as Google's format (24 kHz mono 32 kb/s MP3)."""
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "--stdout"], input=text.encode("utf-8"),
        check=True, capture_output=True, timeout=30,
    ).stdout
    return subprocess.run(
        [
            "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-f", "wav", "-i", "pipe:0",
            "-ac", "1", "-ar", str(_SAMPLE_RATE), "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", "pipe:1",
        ],
        input=wav, check=True, capture_output=True, timeout=30,
    ).stdout


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when many workers connect at once.
    request_queue_size = 128


class FakeGoogle:
    """A threaded fake batchexecute server; a context manager, or call ``start``/``stop``.

    Faults and options (attributes, changeable while it runs):
      ``latency``        seconds before each answer;
      ``throttle(n)``    the next n requests get 429 (or another status);
      ``max_in_flight``  requests beyond this many in flight at once get 429 at once;
      ``throttle_rate``  this fraction of requests get 429, at random (``seed`` makes it repeatable);
      ``retry_after``    the ``Retry-After`` header sent with every 429 (None: no header);
      ``fail_all``       every request gets 500; ``fail_texts``: requests for these texts get 500;
      ``malformed``      200 with no audio in it;
      ``refuse_batches`` a request of several RPCs gets 400 (a Google that takes one a request);
      ``answer_first_only`` a request of several RPCs gets the audio of the first alone, under
                         gTTS's identifier (a Google that reads one RPC a request);
      ``hang``           accept and read the request, never answer (until ``hang`` is off or the server stops);
      ``body_delay``     send the status and headers at once, the body this many seconds later;
      ``real_speech``    answer with espeak-ng's real speech of the text instead of a tone.
    A request may carry several RPCs (a batch, as Google's own pages send): each is
    answered in its own line, and a text in ``fail_texts`` gets Google's error entry
    there (alone, a 500).
    Counted: ``statuses``/``batches`` (its texts) per HTTP request, ``texts`` per RPC
    (``text_statuses`` beside them), ``count(text)``, ``peak_in_flight``
    (most requests open at once, refused ones included), ``connections`` (TCP
    connections accepted: fewer than requests when clients keep them alive) and
    ``events`` ((monotonic time, status, text) per answer).
    """

    def __init__(
        self, *, latency: float = 0.0, ms_per_char: float = 60.0, max_in_flight: int | None = None,
        throttle_rate: float = 0.0, retry_after: float | str | None = None, real_speech: bool = False,
        seed: int | None = None,
    ) -> None:
        self.latency = latency
        self.ms_per_char = ms_per_char
        self.max_in_flight = max_in_flight
        self.throttle_rate = throttle_rate
        self.retry_after = retry_after
        self.real_speech = real_speech
        self.fail_all = False
        self.fail_texts: set[str] = set()
        self.malformed = False
        self.refuse_batches = False
        self.answer_first_only = False
        self.body_delay = 0.0
        self._hang = threading.Event()
        self._unhang = threading.Event()
        self._lock = threading.Lock()
        self._random = random.Random(seed)
        self._throttle_left = 0
        self._throttle_status = 429
        self._open = 0
        self._serving = 0
        self._sockets: set[socket.socket] = set()
        self._speech: dict[str, bytes] = {}
        self.peak_in_flight = 0
        self.connections = 0
        self.texts: list[str] = []
        self.text_statuses: list[int] = []
        self.batches: list[tuple[str, ...]] = []
        self.statuses: list[int] = []
        self.events: list[tuple[float, int, str | None]] = []
        _tone_frame()  # encode once, before the first request is timed
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    @property
    def request_count(self) -> int:
        """HTTP requests received (a batch is one)."""
        with self._lock:
            return len(self.statuses)

    @property
    def rpc_count(self) -> int:
        """Texts asked for, in all requests."""
        with self._lock:
            return len(self.texts)

    @property
    def hang(self) -> bool:
        return self._hang.is_set()

    @hang.setter
    def hang(self, on: bool) -> None:
        if on:
            self._unhang.clear()
            self._hang.set()
        else:
            self._hang.clear()
            self._unhang.set()

    def count(self, text: str, status: int | None = None) -> int:
        """RPCs asking for ``text`` (only those whose request was answered with ``status`` if given)."""
        with self._lock:
            return sum(1 for t, s in zip(self.texts, self.text_statuses) if t == text and status in (None, s))

    def throttle(self, count: int, status: int = 429) -> None:
        """Answer the next ``count`` requests with ``status`` (a burst of throttling)."""
        with self._lock:
            self._throttle_left = count
            self._throttle_status = status

    def reset(self) -> None:
        """Forget recorded requests and switch every fault off."""
        with self._lock:
            self.texts.clear()
            self.text_statuses.clear()
            self.batches.clear()
            self.statuses.clear()
            self.events.clear()
            self._throttle_left = 0
            self.peak_in_flight = 0
            self.connections = 0
        self.latency, self.fail_all, self.malformed, self.refuse_batches = 0.0, False, False, False
        self.answer_first_only = False
        self.max_in_flight, self.throttle_rate, self.retry_after = None, 0.0, None
        self.fail_texts = set()
        self.body_delay = 0.0
        self.hang = False

    def start(self) -> "FakeGoogle":
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-google", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._unhang.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:  # kept-alive connections would otherwise hold their threads
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "FakeGoogle":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _audio(self, text: str) -> bytes:
        if not self.real_speech:
            return fake_mp3(text, self.ms_per_char)
        with self._lock:
            cached = self._speech.get(text)
        if cached is None:
            cached = espeak_mp3(text)
            with self._lock:
                self._speech[text] = cached
        return cached

    def _decide(self, texts: list[str]) -> int | None:
        """A refusal of the whole request decided on arrival (429 or 500), or None to serve it."""
        with self._lock:
            if self._throttle_left > 0:
                self._throttle_left -= 1
                return self._throttle_status
            if self.max_in_flight is not None and self._serving >= self.max_in_flight:
                return 429
            if self.throttle_rate and self._random.random() < self.throttle_rate:
                return 429
            if self.refuse_batches and len(texts) > 1:
                return 400
            if self.fail_all or (len(texts) == 1 and texts[0] in self.fail_texts):
                return 500
            self._serving += 1
            return None

    def _answer(self, body: bytes) -> tuple[int, bytes, dict[str, str]]:
        """Decide the reply to one POST, and record it."""
        headers: dict[str, str] = {}
        try:
            rpcs = parse_request_rpcs(body)
        except (KeyError, IndexError, TypeError, ValueError):
            status, payload, rpcs = 400, b"bad request", []
        else:
            texts = [text for text, _ in rpcs]
            refusal = self._decide(texts)
            if refusal == 429:
                status, payload = 429, b"Too Many Requests"
                if self.retry_after is not None:
                    headers["Retry-After"] = str(self.retry_after)
            elif refusal == 400:
                status, payload = 400, b"Bad Request"
            elif refusal is not None:
                status, payload = refusal, b"Internal Server Error"
            else:
                try:
                    if self.latency:
                        time.sleep(self.latency)
                    if self.malformed:
                        status, payload = 200, _MALFORMED
                    elif self.answer_first_only:
                        status, payload = 200, reply_body(self._audio(rpcs[0][0]))
                    else:
                        status, payload = 200, batch_reply_body(
                            [(None if text in self.fail_texts else self._audio(text), ident) for text, ident in rpcs])
                finally:
                    with self._lock:
                        self._serving -= 1
        texts = [text for text, _ in rpcs]
        # An RPC answered with Google's error entry counts as failed (500) for its text.
        self._record(status, texts, [500 if status == 200 and t in self.fail_texts else status for t in texts])
        return status, payload, headers

    def _record(self, status: int, texts: list[str], text_statuses: list[int] | None = None) -> None:
        with self._lock:
            self.batches.append(tuple(texts))
            self.texts.extend(texts)
            self.text_statuses.extend(text_statuses or [status] * len(texts))
            self.statuses.append(status)
            self.events.append((time.monotonic(), status, texts[0] if texts else None))

    def _hold(self, body: bytes) -> None:
        """Hang: record the request as unanswered (status 0) and wait until released."""
        try:
            texts = [text for text, _ in parse_request_rpcs(body)]
        except (KeyError, IndexError, TypeError, ValueError):
            texts = []
        self._record(0, texts)
        self._unhang.wait()

    def _enter(self) -> None:
        with self._lock:
            self._open += 1
            self.peak_in_flight = max(self.peak_in_flight, self._open)

    def _leave(self) -> None:
        with self._lock:
            self._open -= 1

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Google's front ends do

            def setup(self) -> None:
                super().setup()
                with fake._lock:
                    fake.connections += 1
                    fake._sockets.add(self.connection)

            def finish(self) -> None:
                with fake._lock:
                    fake._sockets.discard(self.connection)
                try:
                    super().finish()
                except OSError:
                    pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                fake._enter()
                try:
                    if urllib.parse.urlsplit(self.path).path != PATH:
                        status, payload, headers = 404, b"Not Found", {}
                    elif fake.hang:
                        fake._hold(body)
                        self.close_connection = True
                        return
                    else:
                        status, payload, headers = fake._answer(body)
                finally:
                    fake._leave()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if fake.body_delay:  # the answer has started: only the read timeout applies now
                    self.wfile.flush()
                    time.sleep(fake.body_delay)
                self.wfile.write(payload)

            def log_message(self, format: str, *args: object) -> None:  # keep test output clean
                pass

        return Handler


if __name__ == "__main__":
    import sys

    latency = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
    with FakeGoogle(latency=latency) as google:
        print(google.url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
