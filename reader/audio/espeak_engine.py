"""The offline voice: espeak-ng's Vietnamese, converted to MP3.

Robotic but intelligible and instant, and it needs no network: the reader falls back
to it when Google cannot be reached, so listeners always get the article.
"""

from __future__ import annotations

import io
import subprocess

from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError, CouldntEncodeError

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
        """MP3 (mono, ``settings.mp3_bitrate``) of ``text`` spoken by espeak-ng."""
        text = text.strip()
        if not has_speakable(text):
            raise EngineError(f"Nothing speakable in {text!r}")
        return wav_to_mp3(self._wav(text), self.settings.mp3_bitrate)

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


def wav_to_mp3(wav: bytes, bitrate: str) -> bytes:
    """Mono MP3 from WAV bytes (espeak-ng's streamed WAV header has a bogus size; pydub copes)."""
    try:
        segment = AudioSegment.from_file(io.BytesIO(wav), format="wav").set_channels(1)
        out = io.BytesIO()
        segment.export(out, format="mp3", bitrate=bitrate)
    except FileNotFoundError:
        raise EngineUnavailable("ffmpeg was not found: install the Debian package ffmpeg") from None
    except (CouldntDecodeError, CouldntEncodeError) as exc:
        raise EngineError(f"Could not convert espeak-ng's WAV to MP3: {exc}") from None
    return out.getvalue()
