"""MP3 clips joined frame by frame and decoded once: the same samples as one by one, or not joined."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reader.audio.codec import decode_many
from reader.audio.joined import clip_frames, decode_joined
from reader.config import Settings
from tests.fakes.google import _split_frames, espeak_mp3, fake_mp3

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / f"{name}.mp3"
    path.write_bytes(data)
    return path


def _cut_mid_speech(data: bytes) -> bytes:
    """The first half of a clip's frames: it ends loud, as a chunk cut inside a sentence may."""
    frames = _split_frames(clip_frames(data).data)
    return b"".join(frames[: len(frames) // 2])


@needs_espeak
def test_joined_speech_decodes_to_the_same_samples_as_each_clip_alone(settings: Settings, tmp_path: Path) -> None:
    paths = [_write(tmp_path, str(i), data) for i, data in enumerate(
        [espeak_mp3("Xin chào bà con"), _cut_mid_speech(espeak_mp3("Ủy ban nhân dân huyện An Biên")),
         fake_mp3("một hai ba"), espeak_mp3("Huyện An Biên tổ chức hội nghị")])]
    joined = decode_joined(paths, settings, 24000)
    assert joined is not None
    assert joined == decode_many(paths, settings, rate=24000)


def test_a_clip_is_cut_out_by_its_frame_count(settings: Settings, tmp_path: Path) -> None:
    texts = ["a", "bb bb", "ccc ccc ccc"]
    paths = [_write(tmp_path, str(i), fake_mp3(t)) for i, t in enumerate(texts)]
    joined = decode_joined(paths, settings, 24000)
    assert joined is not None
    assert [len(joined[p]) // 2 for p in paths] == [clip_frames(p.read_bytes()).samples for p in paths]


def _ffmpeg_mp3(path: Path, rate: int, *extra: str) -> Path:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=frequency=300:sample_rate={rate}:duration=0.5",
                    "-ac", "1", "-c:a", "libmp3lame", "-b:a", "32k", *extra, str(path)], check=True, timeout=30)
    return path


def test_a_clip_with_a_gapless_header_is_not_joined(settings: Settings, tmp_path: Path) -> None:
    tagged = _ffmpeg_mp3(tmp_path / "xing.mp3", 24000)  # a seekable file: ffmpeg writes a Xing/LAME header
    assert clip_frames(tagged.read_bytes()) is None
    plain = _write(tmp_path, "plain", fake_mp3("xin chào"))
    assert decode_joined([plain, tagged], settings, 24000) is None


def test_clips_of_another_rate_or_a_cut_clip_are_not_joined(settings: Settings, tmp_path: Path) -> None:
    plain = _write(tmp_path, "plain", fake_mp3("xin chào"))
    other = _ffmpeg_mp3(tmp_path / "other.mp3", 22050, "-write_xing", "0")
    assert clip_frames(other.read_bytes()) is not None
    assert decode_joined([plain, other], settings, 24000) is None
    cut = _write(tmp_path, "cut", fake_mp3("bà con đi chợ")[:-7])
    assert decode_joined([plain, cut], settings, 24000) is None
    assert decode_joined([plain], settings, 24000) is None  # one clip: nothing to join
