"""A fake Google Translate ``batchexecute`` endpoint on 127.0.0.1 for tests and benchmarks.

It speaks the same wire format gTTS 2.5.4 expects: a form-encoded ``f.req`` POST in,
``)]}'`` then length-prefixed lines out, the audio base64-encoded inside a *compact*
JSON line (a space after a comma breaks gTTS's regex). The MP3 is real and lasts
``ms_per_char`` per character of text, so assembly and timing code see honest
durations. Audio is built by repeating pre-encoded MP3 frames (encoded once per
process with ffmpeg, bit reservoir off so every frame stands alone): a reply costs
microseconds, and benchmarks measure the reader rather than ffmpeg.

Faults are switched on by setting attributes on a running server: ``latency``
(seconds before each reply), ``throttle(n)`` (the next n requests get 429),
``fail_all`` (every request gets 500), ``malformed`` (200 with no audio in it).

    with FakeGoogle() as google:
        settings = settings.with_(gtts_url=google.url)

Run ``python -m tests.fakes.google`` to serve one for a benchmark by hand.
"""

from __future__ import annotations

import base64
import functools
import json
import math
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


def reply_body(audio: bytes) -> bytes:
    """The batchexecute reply carrying ``audio``, in Google's (and gTTS's) exact format."""
    inner = json.dumps([base64.b64encode(audio).decode("ascii")], separators=(",", ":"))
    line = json.dumps([["wrb.fr", RPC_ID, inner, None, None, None, "generic"]], separators=(",", ":"))
    tail = json.dumps([["di", 42], ["af.httprm", 41, "0", 7]], separators=(",", ":"))
    return f")]}}'\n\n{len(line)}\n{line}\n{len(tail)}\n{tail}\n".encode("ascii")


# What Google sends when the RPC failed: the RPC id is there, the audio is not.
_MALFORMED = b')]}\'\n\n58\n[["wrb.fr","jQ1olc",null,null,null,[3],"generic"]]\n'


def parse_request_text(body: bytes) -> str:
    """The text gTTS asked to speak, from its ``f.req=...`` form body."""
    form = urllib.parse.parse_qs(body.decode("utf-8"))
    rpc = json.loads(form["f.req"][0])
    parameter = json.loads(rpc[0][0][1])
    return parameter[0]


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when many workers connect at once.
    request_queue_size = 128


class FakeGoogle:
    """A threaded fake batchexecute server; a context manager, or call ``start``/``stop``."""

    def __init__(self, *, latency: float = 0.0, ms_per_char: float = 60.0) -> None:
        self.latency = latency
        self.ms_per_char = ms_per_char
        self.fail_all = False
        self.malformed = False
        self._lock = threading.Lock()
        self._throttle_left = 0
        self._throttle_status = 429
        self.texts: list[str] = []
        self.statuses: list[int] = []
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
        with self._lock:
            return len(self.statuses)

    def throttle(self, count: int, status: int = 429) -> None:
        """Answer the next ``count`` requests with ``status`` (a burst of throttling)."""
        with self._lock:
            self._throttle_left = count
            self._throttle_status = status

    def reset(self) -> None:
        """Forget recorded requests and switch every fault off."""
        with self._lock:
            self.texts.clear()
            self.statuses.clear()
            self._throttle_left = 0
        self.latency, self.fail_all, self.malformed = 0.0, False, False

    def start(self) -> "FakeGoogle":
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-google", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "FakeGoogle":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _answer(self, body: bytes) -> tuple[int, bytes]:
        """Decide the reply to one POST, and record it."""
        try:
            text = parse_request_text(body)
        except (KeyError, IndexError, ValueError):
            status, payload, text = 400, b"bad request", None
        else:
            with self._lock:
                throttled = self._throttle_left > 0
                if throttled:
                    self._throttle_left -= 1
            if throttled:
                status, payload = self._throttle_status, b"Too Many Requests"
            elif self.fail_all:
                status, payload = 500, b"Internal Server Error"
            elif self.malformed:
                status, payload = 200, _MALFORMED
            else:
                status, payload = 200, reply_body(fake_mp3(text, self.ms_per_char))
        with self._lock:
            if text is not None:
                self.texts.append(text)
            self.statuses.append(status)
        return status, payload

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if urllib.parse.urlsplit(self.path).path != PATH:
                    status, payload = 404, b"Not Found"
                else:
                    if fake.latency:
                        time.sleep(fake.latency)
                    status, payload = fake._answer(body)
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
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
