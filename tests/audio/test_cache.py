"""The clip cache: stable keys, atomic writes, damaged files treated as missing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from reader.audio import cache as cache_module
from reader.audio.cache import ClipCache, clip_key
from reader.errors import CacheError


def test_key_is_stable_across_processes() -> None:
    here = clip_key("gtts", "vi", "Xin chào Kiên Giang")
    code = "from reader.audio.cache import clip_key; print(clip_key('gtts', 'vi', 'Xin chào Kiên Giang'))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           cwd=Path(__file__).parents[2], env=env).stdout.strip()
    assert here == there and len(here) == 64


@given(st.text(), st.text(), st.text())
def test_key_is_deterministic_and_separates_its_parts(engine: str, voice: str, text: str) -> None:
    assert clip_key(engine, voice, text) == clip_key(engine, voice, text)
    assert clip_key(engine, voice, text) != clip_key(engine + "x", voice, text)
    assert clip_key(engine, voice, text) != clip_key(engine, voice, text + "x")
    # no ambiguity at the seams between parts
    assert clip_key(engine + voice, "", text) != clip_key(engine, voice, text) or voice == ""


def test_put_get_roundtrip_sharded(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = clip_key("gtts", "vi", "một")
    assert cache.get(key) is None
    path = cache.put(key, b"ID3data")
    assert path == tmp_path / "clips" / key[:2] / f"{key}.mp3"
    assert cache.get(key) == path and path.read_bytes() == b"ID3data"
    assert list(cache.keys()) == [key]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp files left


def test_empty_file_counts_as_missing_and_is_removed(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = clip_key("gtts", "vi", "hai")
    path = cache.put(key, b"x")
    path.write_bytes(b"")
    assert cache.get(key) is None
    assert not path.exists()


def test_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ClipCache(tmp_path)
    key = clip_key("gtts", "vi", "ba")

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cache_module.os, "replace", crash)
    with pytest.raises(CacheError, match="disk full"):
        cache.put(key, b"data")
    assert cache.get(key) is None
    assert list(cache.path_for(key).parent.iterdir()) == []


def test_concurrent_writers_leave_one_whole_file(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = clip_key("gtts", "vi", "bốn")
    payloads = [bytes([i]) * 200_000 for i in range(8)]
    threads = [threading.Thread(target=cache.put, args=(key, p)) for p in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert cache.get(key).read_bytes() in payloads


def test_refuses_empty_data_and_bad_keys(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    with pytest.raises(CacheError):
        cache.put(clip_key("a", "b", "c"), b"")
    with pytest.raises(CacheError):
        cache.get("../../etc/passwd")


def test_output_to_a_device_keeps_the_device(tmp_path):
    import os
    import stat

    from reader.audio.cache import write_output

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_output(fifo, b"abc")
        assert os.read(reader_fd, 10) == b"abc"
    finally:
        os.close(reader_fd)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    regular = tmp_path / "out.mp3"
    write_output(regular, b"data")
    assert regular.read_bytes() == b"data"
