"""A disk that refuses to write, a library file that is not one, output nobody reads.

Found by probing: with the data disk full, the library was called "corrupt or another
kind of file" and staff were told to move it away, although nothing was wrong with it;
`list | head` ended in a traceback.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.articles.library import Library
from reader.articles.samples import ensure_samples

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library_env(settings) -> dict[str, str]:
    with Library(settings.library_path) as library:
        ensure_samples(library)
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}
    env.update({"READER_DATA_DIR": str(settings.data_dir), "READER_CACHE_DIR": str(settings.cache_dir)})
    return env


def _no_room_to_write() -> None:
    """In the child: any file grows to 1 KB at most (a full disk without a mount)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


def _reader(env: dict[str, str], *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, **kwargs)


def test_a_full_disk_is_named_and_the_library_left_as_it_was(settings, library_env) -> None:
    before = settings.library_path.read_bytes()
    for args in (["list"], ["import", "-"]):
        result = _reader(library_env, *args, input="Tiêu đề\nNội dung bài mới.", preexec_fn=_no_room_to_write)
        assert result.returncode == 1, result
        assert "disk" in result.stderr and "corrupt" not in result.stderr
        assert "Traceback" not in result.stderr
    assert settings.library_path.read_bytes() == before
    assert _reader(library_env, "list").stdout.count("\n") == 6, "nothing was lost once there is room again"


def test_a_file_that_is_not_a_library_is_refused_and_kept(settings, library_env) -> None:
    junk = os.urandom(4096)
    settings.library_path.write_bytes(junk)
    for suffix in ("-wal", "-shm"):
        settings.library_path.with_name(settings.library_path.name + suffix).unlink(missing_ok=True)
    result = _reader(library_env, "list")
    assert result.returncode == 1 and "not a readable SQLite library" in result.stderr
    assert settings.library_path.read_bytes() == junk


def test_output_to_a_reader_that_went_away_is_no_error(library_env) -> None:
    process = subprocess.Popen([sys.executable, "-m", "reader", "show", "1", "--json"], cwd=ROOT,
                               env={**library_env, "PYTHONUNBUFFERED": "1"},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `| head -c 0`: the pipe is closed before anything is written
    _, err = process.communicate(timeout=120)
    assert "Traceback" not in err.decode() and "Exception ignored" not in err.decode()
    assert process.returncode == 141
