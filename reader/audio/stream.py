"""One MP3 encoder for a whole article, fed while the clips are still arriving.

An article is encoded by ONE long-running ffmpeg process, started as soon as the
level is known (`reader.audio.codec.article_gain` on the first part) and fed raw
samples paragraph by paragraph. Its MP3 frames come back on a pipe as they are made.
The encoder runs at a constant bitrate without the bit reservoir, so every frame
decodes on its own: a part of the article is a run of whole frames cut from the
stream (in the pause between two paragraphs) and plays alone, and the parts played
one after another are, byte for byte, the article. Nothing is encoded twice.

The stream has no Xing/LAME header (it would tell players to trim the encoder's
delay from the start of the whole file, but not of the parts): every player decodes
all of it, so a sample fed at position ``n`` is heard at ``n + ENCODER_DELAY``
(LAME's 576 samples and the decoder's 529), and the timing maps say so.
"""

from __future__ import annotations

import queue
import subprocess
import threading
from typing import Mapping

from reader.audio.codec import FFMPEG, _leveling, _metadata, _raw, ffmpeg_missing, mp3_encoding
from reader.audio.integrity import _id3v2_length, frame_length
from reader.config import Settings
from reader.errors import AssemblyError

# Samples between what is fed to the encoder and where a decoder plays it (measured:
# an impulse fed at sample n is decoded at n + 1105, at 22.05 and 24 kHz alike).
ENCODER_DELAY = 1105
# Samples the encoder holds back before it writes the frames of what it was fed
# (measured: about 1,900 at 24 kHz; kept with a margin).
LOOKAHEAD = 4608


def samples_per_frame(header: bytes) -> int:
    """Samples one MPEG audio frame decodes to (layer III: 1152 for MPEG-1, 576 for MPEG-2/2.5)."""
    version, layer_bits = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    if layer_bits == 3:
        return 384
    return 1152 if version == 3 or layer_bits == 2 else 576


class ArticleEncoder:
    """An ffmpeg process turning the samples fed to it into one MP3 stream, frame by frame."""

    def __init__(self, settings: Settings, rate: int, gain_db: float | None,
                 tags: Mapping[str, str] | None = None, tempo: float = 1.0) -> None:
        self.settings, self.rate, self.tempo = settings, rate, tempo
        filters = [f"atempo={tempo:.4f}"] if tempo != 1.0 else []
        if gain_db is not None:
            filters += _leveling(gain_db, settings)
        command = [FFMPEG, "-hide_banner", "-nostats", "-v", "error", *_raw(rate), "-i", "pipe:0"]
        if filters:
            command += ["-af", ",".join(filters)]
        command += ["-ac", "1", "-ar", str(rate), *mp3_encoding(settings), *_metadata(tags),
                    "-write_xing", "0", "-flush_packets", "1",
                    "-f", "mp3", "pipe:1"]
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE)
        except FileNotFoundError:
            raise ffmpeg_missing() from None
        except OSError as exc:
            raise AssemblyError(f"ffmpeg could not be run: {exc}") from None
        self._data = bytearray()
        self._frames: list[int] = []  # offset of every whole frame in _data
        self._next = -1  # where the next frame starts (-1: the ID3 tag is not read yet)
        self._spf = 0
        self._ended = False
        self._errors = b""
        self._changed = threading.Condition()
        self._input: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._broken = False
        self._writer = threading.Thread(target=self._write_stdin, daemon=True)
        self._readers = [threading.Thread(target=self._read_stdout, daemon=True),
                         threading.Thread(target=self._read_stderr, daemon=True)]
        for thread in (self._writer, *self._readers):
            thread.start()

    # --- the pipes: fed by one thread (so the caller decodes the next paragraph meanwhile), read by two

    def _write_stdin(self) -> None:
        while (pcm := self._input.get()) is not None:
            if self._broken:
                continue
            try:
                self._process.stdin.write(pcm)
                self._process.stdin.flush()
            except (OSError, ValueError):
                self._broken = True
        try:
            self._process.stdin.close()
        except (OSError, ValueError):
            pass

    def _read_stdout(self) -> None:
        stream = self._process.stdout
        while block := stream.read1(1 << 16):
            with self._changed:
                self._data.extend(block)
                self._parse()
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def _read_stderr(self) -> None:
        self._errors = self._process.stderr.read()

    def _parse(self) -> None:
        if self._next < 0:
            if len(self._data) < 10:
                return
            self._next = _id3v2_length(bytes(self._data[:10]))
        while self._next + 4 <= len(self._data):
            header = bytes(self._data[self._next:self._next + 4])
            length = frame_length(header)
            if length is None or self._next + length > len(self._data):
                return
            self._spf = self._spf or samples_per_frame(header)
            self._frames.append(self._next)
            self._next += length

    # --- what the caller does ---------------------------------------------------------------------

    def feed(self, pcm: bytes) -> None:
        """Samples (mono, 16 bit, at ``rate``) to encode after those fed before (without waiting)."""
        if self._broken:
            raise self._failure("stopped while being fed")
        self._input.put(pcm)

    def frames_for(self, samples: int) -> int:
        """How many frames hold the first ``samples`` samples of the stream (rounded down)."""
        return samples // self.samples_per_frame

    @property
    def samples_per_frame(self) -> int:
        """Samples a frame of this stream holds (known before the first frame: from the rate)."""
        return self._spf or (1152 if self.rate >= 32000 else 576)

    def frames(self, start: int, end: int) -> bytes:
        """Frames ``start`` to ``end`` (not included) of the stream, waiting until they are made."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._frames) >= end or self._ended,
                                          timeout=self.settings.ffmpeg_timeout):
                raise AssemblyError(f"ffmpeg took longer than {self.settings.ffmpeg_timeout} s to encode "
                                    "(READER_FFMPEG_TIMEOUT)")
            if len(self._frames) < end:
                raise self._failure(f"ended after {len(self._frames)} of {end} frames")
            stop = self._frames[end] if end < len(self._frames) else self._next
            return bytes(self._data[self._frames[start]:stop])

    @property
    def frame_count(self) -> int:
        with self._changed:
            return len(self._frames)

    def finish(self) -> bytes:
        """The whole MP3 (ID3 tag and every frame), once everything fed is encoded."""
        self._input.put(None)
        try:
            code = self._process.wait(timeout=self.settings.ffmpeg_timeout)
        except subprocess.TimeoutExpired:
            self.close()
            raise AssemblyError(f"ffmpeg took longer than {self.settings.ffmpeg_timeout} s to encode "
                                "(READER_FFMPEG_TIMEOUT)") from None
        for thread in (self._writer, *self._readers):
            thread.join()
        if code != 0 or not self._frames or self._next != len(self._data):
            raise self._failure(f"exit code {code}")
        return bytes(self._data)

    def close(self) -> None:
        """Stop the encoder (an article abandoned half way)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._input.put(None)
        for reader in (self._writer, *self._readers):
            reader.join(timeout=self.settings.ffmpeg_timeout)
        for pipe in (self._process.stdin, self._process.stdout, self._process.stderr):
            try:
                pipe.close()
            except (OSError, ValueError):
                pass

    def _failure(self, what: str) -> AssemblyError:
        self._process.poll()
        errors = self._errors.decode("utf-8", "replace").strip()[-300:]
        return AssemblyError(f"ffmpeg could not encode the article MP3 ({what}; "
                             f"READER_MP3_BITRATE={self.settings.mp3_bitrate!r}?): {errors}")
