"""The offline voice: espeak-ng's Vietnamese, as WAV clips.

Robotic but intelligible and instant, and it needs no network: the reader falls back
to it when Google cannot be reached, so listeners always get the article. Its clips
stay WAV (with the sizes in the header made right: espeak-ng streams a header with
bogus sizes) and are encoded once, in the article, never MP3 and back again.
"""

from __future__ import annotations

import io
import struct
import subprocess
import wave

from reader.audio.gtts_engine import has_speakable
from reader.config import Settings
from reader.errors import EngineError, EngineUnavailable


class EspeakEngine:
    """espeak-ng run as a subprocess, the text on stdin (never on the command line)."""

    name = "espeak"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # The speed is part of the voice: a clip cached at another speed is another clip.
        self.voice = f"{settings.espeak_voice}@{settings.espeak_words_per_minute}wpm"

    def synthesize(self, text: str) -> bytes:
        """WAV (mono, 16 bit, espeak-ng's own rate) of ``text`` spoken by espeak-ng."""
        text = text.strip()
        if not has_speakable(text):
            raise EngineError(f"Nothing speakable in {text!r}")
        return whole_wav(self._wav(text))

    def _wav(self, text: str) -> bytes:
        s = self.settings
        command = [s.espeak_binary, "-v", s.espeak_voice, "-s", str(s.espeak_words_per_minute), "--stdout"]
        try:
            done = subprocess.run(
                command, input=text.encode("utf-8"), capture_output=True, timeout=s.espeak_timeout
            )
        except FileNotFoundError:
            raise EngineUnavailable(
                f"{s.espeak_binary!r} was not found: install the Debian package espeak-ng"
            ) from None
        except subprocess.TimeoutExpired:
            raise EngineError(f"espeak-ng took longer than {s.espeak_timeout} s for {len(text)} characters") from None
        except OSError as exc:
            raise EngineUnavailable(f"Cannot run {s.espeak_binary!r}: {exc}") from None
        stderr = done.stderr.decode("utf-8", "replace").strip()
        if done.returncode != 0 or len(done.stdout) <= 44:
            if "voice" in stderr.lower():
                raise EngineUnavailable(
                    f"espeak-ng has no voice {s.espeak_voice!r} ({stderr}): "
                    "check READER_ESPEAK_VOICE (try 'vi')"
                )
            raise EngineError(f"espeak-ng failed with exit code {done.returncode}: {stderr or 'no audio'}")
        return done.stdout


def whole_wav(streamed: bytes) -> bytes:
    """A WAV with true sizes in its header, from espeak-ng's streamed one (sizes unknown
    when it started writing); ``EngineError`` if it is not 16-bit PCM WAV."""
    if streamed[:4] != b"RIFF" or streamed[8:12] != b"WAVE":
        raise EngineError("espeak-ng did not write WAV audio")
    pos, fmt = 12, None
    while pos + 8 <= len(streamed):
        name, size = streamed[pos:pos + 4], struct.unpack_from("<I", streamed, pos + 4)[0]
        if name == b"fmt ":
            fmt = struct.unpack_from("<HHIIHH", streamed, pos + 8)  # format, channels, rate, _, _, bits
            pos += 8 + size + (size & 1)
        elif name == b"data":
            pcm = streamed[pos + 8:]
            break
        else:
            pos += 8 + size + (size & 1)
    else:
        raise EngineError("espeak-ng's WAV has no audio data")
    if fmt is None or fmt[0] != 1 or fmt[5] != 16:
        raise EngineError("espeak-ng's WAV is not 16-bit PCM")
    channels, rate = fmt[1], fmt[2]
    frame = 2 * channels
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm[: len(pcm) // frame * frame])
    return out.getvalue()
