"""The command line behaves as staff expect of a Unix tool (issue 9, item 6)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.audio.cache import FILE_MODE, atomic_write
from reader.cli import main

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(settings, monkeypatch):
    values = {"READER_DATA_DIR": str(settings.data_dir), "READER_CACHE_DIR": str(settings.cache_dir),
              "READER_GTTS_URL": settings.gtts_url, "READER_GTTS_CONNECT_TIMEOUT": "0.5",
              "READER_GTTS_RETRIES": "0"}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def test_output_piped_into_head_ends_quietly(env):
    samples = sorted((REPO / "reader" / "articles" / "samples").glob("*.txt"))
    environment = {**os.environ, **env}
    subprocess.run([sys.executable, "-m", "reader", "import", *map(str, samples)],
                   cwd=REPO, env=environment, check=True, capture_output=True)
    done = subprocess.run(f"{sys.executable} -m reader list --json | head -c 10",
                          shell=True, cwd=REPO, env=environment, capture_output=True, text=True, timeout=60)
    assert len(done.stdout) == 10
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


@pytest.mark.parametrize("option", ["-o", "--timings"])
def test_output_into_a_missing_folder_is_an_error_and_creates_nothing(env, tmp_path, capsys, option):
    missing = tmp_path / "no-such-folder" / "deeper"
    argv = ["speak", "--text", "Xin chào bà con.", "--engine", "espeak", "-o", str(tmp_path / "ok.mp3")]
    if option == "-o":
        argv[-1] = str(missing / "out.mp3")
    else:
        argv += ["--timings", str(missing / "t.json")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and err.count(str(missing)) == 1
    assert not (tmp_path / "no-such-folder").exists()
    assert not (tmp_path / "ok.mp3").exists()  # found out before any audio was made


def test_output_onto_a_folder_is_an_error(env, tmp_path, capsys):
    assert main(["speak", "--text", "Xin chào.", "--engine", "espeak", "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_files_written_for_users_are_readable_by_others(env, tmp_path, capsys):
    out = tmp_path / "bai.mp3"
    assert main(["speak", "--text", "Xin chào bà con.", "--engine", "espeak", "-o", str(out),
                 "--timings", str(tmp_path / "bai.json")]) == 0
    for path in (out, tmp_path / "bai.json", *Path(env["READER_CACHE_DIR"]).rglob("*.mp3")):
        assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044, path


def test_atomic_write_mode(tmp_path):
    atomic_write(tmp_path / "x.bin", b"data")
    assert stat.S_IMODE((tmp_path / "x.bin").stat().st_mode) == FILE_MODE


def test_an_error_names_the_path_once(env, tmp_path, capsys):
    missing = tmp_path / "khong-co.txt"
    assert main(["import", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.count(str(missing)) == 1, err


def test_empty_results_say_so(env, capsys):
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.strip()
    assert main(["search", "khong co gi"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.strip()
