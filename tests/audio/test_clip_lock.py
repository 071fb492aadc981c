"""One request per chunk: a clip's lock across threads and processes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.audio.cache import ClipCache
from reader.audio.clip_lock import LOCKS_DIR, clip_lock, remove_stale_locks
from reader.audio.engines import GttsEngine
from reader.audio.synthesize import clip_for
from reader.config import Settings
from reader.speech.script import build_script
from tests.fakes.google import FakeGoogle

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = (
    "UBND huyện An Biên tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024. "
    "Năm qua, kinh tế của huyện tiếp tục tăng trưởng khá, tổng giá trị sản xuất đạt hơn 12.500 tỷ đồng. "
    "Toàn huyện xuống giống lúa đông xuân được 41.200 ha, vượt kế hoạch đề ra. "
    "Công tác an sinh xã hội được quan tâm, các hộ nghèo được hỗ trợ kịp thời trước Tết Nguyên đán. "
    "Hội nghị cũng khen thưởng các tập thể và cá nhân có thành tích xuất sắc trong năm."
)


def test_threads_asking_for_one_clip_make_one_request(online: Settings, google: FakeGoogle) -> None:
    google.latency = 0.2
    engine, cache = GttsEngine(online), ClipCache(online.cache_dir)
    with ThreadPoolExecutor(max_workers=8) as pool:
        clips = list(pool.map(lambda _: clip_for("xin chào bà con", engine, cache), range(8)))
    assert google.rpc_count == 1
    assert len({c.path for c in clips}) == 1
    assert not list((online.cache_dir / LOCKS_DIR).glob("*.lock"))  # nothing left behind


def test_a_waiting_holder_reads_what_the_first_wrote(tmp_path: Path) -> None:
    order: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with clip_lock(tmp_path, "ab" * 32):
            first_in.set()
            threading.Event().wait(0.2)
            order.append("first done")

    t = threading.Thread(target=first)
    t.start()
    first_in.wait(5)
    with clip_lock(tmp_path, "ab" * 32) as locked:
        order.append("second in")
    t.join()
    assert locked and order == ["first done", "second in"]


def test_a_holder_killed_mid_clip_blocks_nobody(tmp_path: Path) -> None:
    key = "cd" * 32
    code = (
        "import os, sys; from reader.audio.clip_lock import clip_lock\n"
        f"with clip_lock({str(tmp_path)!r}, {key!r}):\n"
        "    print('held', flush=True); os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "held" and done.returncode == -9
    lock_file = tmp_path / LOCKS_DIR / f"{key}.lock"
    assert lock_file.exists()  # the crash left its file, but not its lock
    with clip_lock(tmp_path, key, timeout=1) as locked:
        assert locked
    assert not lock_file.exists()


def test_stale_lock_files_are_removed_held_ones_kept(tmp_path: Path) -> None:
    locks = tmp_path / LOCKS_DIR
    with clip_lock(tmp_path, "12" * 32):
        (locks / f"{'ef' * 32}.lock").write_bytes(b"")
        assert remove_stale_locks(tmp_path) == 1
        assert (locks / f"{'12' * 32}.lock").exists()


def test_waiting_is_bounded(tmp_path: Path) -> None:
    key = "34" * 32
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with clip_lock(tmp_path, key):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    try:
        with clip_lock(tmp_path, key, timeout=0.2) as locked:
            assert not locked  # gave up waiting: the caller makes the clip itself
    finally:
        release.set()
        t.join()


@pytest.mark.parametrize("processes", [2, 8])
def test_processes_speaking_one_article_make_one_request_per_chunk(tmp_path: Path, processes: int) -> None:
    """Issue 12: eight processes on one article made 388 requests for 50 chunks."""
    settings = Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")
    chunks = {c.strip() for _, _, s in build_script([ARTICLE], settings).sentences() for c in s.chunks}
    with FakeGoogle(latency=0.15) as google:
        env = {
            **os.environ, "READER_GTTS_URL": google.url, "READER_CACHE_DIR": str(settings.cache_dir),
            "READER_DATA_DIR": str(settings.data_dir), "READER_GTTS_RETRIES": "0",
        }
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "reader", "speak", "--text", ARTICLE, "-o", str(tmp_path / f"out{i}.mp3"),
                 "--engine", "gtts"],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for i in range(processes)
        ]
        results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    assert all(code == 0 for code, _ in results), results
    assert sorted(google.texts) == sorted(chunks)  # each chunk asked exactly once, by all together
    assert all((tmp_path / f"out{i}.mp3").stat().st_size > 0 for i in range(processes))


def test_the_next_process_clears_what_a_crash_left(tmp_path: Path, monkeypatch) -> None:
    from reader.audio import clip_lock as module

    monkeypatch.setattr(module, "_swept", set())  # as in a process that starts now
    left = tmp_path / LOCKS_DIR / f"{'56' * 32}.lock"
    left.parent.mkdir()
    left.write_bytes(b"")
    with clip_lock(tmp_path, "78" * 32):
        pass
    assert not list(left.parent.iterdir())
