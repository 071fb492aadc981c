"""Is an audio file whole? Cheap checks that need no decoder.

A file cut short by a full disk or a crash, or overwritten with something else, must
not reach a listener. Three checks, cheapest first:

- an article MP3 is stored with its length and sha256 (`digest`), compared on every
  serve;
- a clip's structure: an MP3 is walked frame by frame (each header says how long its
  frame is), so a cut last frame or bytes after the last frame are found; a WAV's
  RIFF header says how long its chunks are;
- a full decode with ffmpeg (`reader.audio.codec.decode_problems`), for what only a
  decoder sees (garbage in the middle of a stream), in assembly and `cache verify`.

A clip truncated exactly at a frame boundary is a valid, shorter MP3: only a stored
length tells it apart, which article audio has and clips do not.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

_CHUNK = 1 << 20

# Bitrates in kb/s by (MPEG-1?, layer); index 0 is "free format", 15 is invalid.
_BITRATES = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_LAYERS = {1: 3, 2: 2, 3: 1}  # header bits -> layer number


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file, read in 1 MiB pieces; raises ``OSError``."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(_CHUNK):
            h.update(block)
    return h.hexdigest()


def frame_length(header: bytes) -> int | None:
    """Length in bytes of the MPEG audio frame starting with ``header`` (4 bytes), or
    None if it is not a frame header or a free-format one (whose length is unknown)."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer_bits = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    rate_index, bitrate_index = (header[2] >> 2) & 3, header[2] >> 4
    if version == 1 or layer_bits == 0 or rate_index == 3 or bitrate_index in (0, 15):
        return None
    layer, mpeg1 = _LAYERS[layer_bits], version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    padding = (header[2] >> 1) & 1
    if layer == 1:
        return (12 * bitrate // rate + padding) * 4
    if layer == 3 and not mpeg1:
        return 72 * bitrate // rate + padding
    return 144 * bitrate // rate + padding


def _id3v2_length(data: bytes) -> int:
    if data[:3] != b"ID3" or len(data) < 10:
        return 0
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | (byte & 0x7F)
    return 10 + size + (10 if data[5] & 0x10 else 0)


def mp3_problem(data: bytes) -> str | None:
    """Why ``data`` is not a whole MP3 stream, or None if every frame is there and
    nothing but an ID3v1/APE tag follows the last one."""
    pos = _id3v2_length(data)
    if pos > len(data):
        return "the ID3 tag is cut short"
    frames = 0
    while pos < len(data):
        length = frame_length(data[pos:pos + 4])
        if length is None:
            rest = data[pos:]
            if frames and (rest[:8] == b"APETAGEX" or (rest[:3] == b"TAG" and len(rest) == 128)):
                return None
            if frames and len(rest) < 4 and rest[:1] == b"\xff":
                return f"the last frame is cut short after frame {frames} (truncated file?)"
            if frames == 0:
                return "no MPEG audio frame at the start (not an MP3?)"
            return f"{len(rest)} bytes that are not MP3 frames follow frame {frames}"
        if pos + length > len(data):
            return f"the last frame is cut short ({len(data) - pos} of {length} bytes; truncated file?)"
        pos += length
        frames += 1
    return None if frames else "no MPEG audio frame (empty or not an MP3)"


def wav_problem(data: bytes) -> str | None:
    """Why ``data`` is not a whole RIFF/WAVE file (its sizes must match the file)."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return "no RIFF/WAVE header (not a WAV file?)"
    declared = struct.unpack_from("<I", data, 4)[0] + 8
    if declared != len(data):
        kind = "it is cut short" if declared > len(data) else "bytes follow its end"
        return f"the file is {len(data)} bytes but its header says {declared}: {kind}"
    pos, has_data = 12, False
    while pos < len(data):
        if pos + 8 > len(data):
            return "a chunk header is cut short"
        name, size = data[pos:pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        pos += 8 + size + (size & 1)
        if pos > len(data):
            return f"the {name.decode('latin-1')!r} chunk is cut short (truncated file?)"
        has_data = has_data or (name == b"data" and size > 0)
    return None if has_data else "no audio data chunk"


def structure_problem(path: Path) -> str | None:
    """Why the clip or article file at ``path`` is not whole, or None; never decodes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    if not data:
        return "empty file"
    return wav_problem(data) if data[:4] == b"RIFF" else mp3_problem(data)
