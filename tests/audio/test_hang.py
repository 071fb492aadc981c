"""A Google that accepts and never answers is found out in seconds (issue 12, item 5)."""

from __future__ import annotations

import time

import pytest

from reader.audio.cache import ClipCache
from reader.audio.engines import AutoEngine, GttsEngine
from reader.audio.google_probe import running_probe
from reader.audio.synthesize import iter_sentence_clips
from reader.config import Settings
from reader.errors import EngineUnavailable
from tests.audio.conftest import make_script
from tests.fakes.google import FakeGoogle

SCRIPT = make_script(
    ["Ủy ban nhân dân huyện An Biên thông báo"],
    [["Sáng nay, hội nghị tổng kết", "công tác năm đã diễn ra"], "Có ba mươi đại biểu dự"],
    ["Bà con lưu ý lịch cắt điện", "Xin cảm ơn"],
)


@pytest.fixture
def hanging(online: Settings, google: FakeGoogle) -> Settings:
    google.hang = True
    # The defaults a listener gets, except the probe, which waits long enough not to be counted.
    return online.with_(gtts_first_byte_timeout=3.0, gtts_read_timeout=10.0, gtts_probe_interval=600)


def test_auto_first_sound_in_seconds_and_the_rest_offline(hanging: Settings, google: FakeGoogle) -> None:
    auto = AutoEngine(hanging)
    start = time.monotonic()
    sentences = iter_sentence_clips(SCRIPT, auto, ClipCache(hanging.cache_dir))
    first = next(sentences)
    first_sound = time.monotonic() - start
    rest = list(sentences)
    whole = time.monotonic() - start
    assert first_sound < 10 and whole < 15, (first_sound, whole)  # a fault test of a deadline, not a benchmark
    assert [c.engine for s in [first, *rest] for c in s.clips] == ["espeak"] * 6
    assert google.request_count <= hanging.gtts_initial_concurrency  # only what was in flight at the first hang
    assert auto.marker.active()
    assert running_probe(hanging.gtts_url) is not None


def test_gtts_alone_reports_the_hang_then_fails_fast(hanging: Settings, google: FakeGoogle) -> None:
    engine = GttsEngine(hanging)
    with pytest.raises(EngineUnavailable, match="sent nothing within 3 s"):
        engine.synthesize("xin chào")
    start = time.monotonic()
    with pytest.raises(EngineUnavailable, match="not answering"):
        engine.synthesize("tạm biệt")
    assert time.monotonic() - start < 1  # no second wait for a deadline
    assert google.request_count == 1


def test_the_probe_clears_the_marker_when_google_answers_again(online: Settings, google: FakeGoogle) -> None:
    settings = online.with_(gtts_first_byte_timeout=0.5, gtts_probe_interval=0.1)
    google.hang = True
    auto = AutoEngine(settings)
    assert auto.synthesize_tagged("xin chào")[0].name == "espeak"
    assert auto.marker.active() and auto.primary.limiter.suspended
    google.hang = False
    probe = running_probe(settings.gtts_url)
    assert probe is not None
    probe.join(timeout=30)
    assert not probe.alive and probe.attempts >= 1
    assert not auto.marker.active() and not auto.primary.limiter.suspended
    assert auto.synthesize_tagged("tạm biệt")[0].name == "gtts"


def test_a_marker_left_by_another_process_starts_a_probe_here(online: Settings, google: FakeGoogle) -> None:
    settings = online.with_(gtts_probe_interval=0.05)
    AutoEngine(settings).marker.set()  # as another process would have
    auto = AutoEngine(settings)
    assert auto.google_offline()
    probe = running_probe(settings.gtts_url)
    assert probe is not None
    probe.join(timeout=30)
    assert not auto.google_offline()
    assert google.texts == ["a"]  # one cheap request was enough


def test_speak_in_auto_against_a_hanging_google_finishes_offline(tmp_path, google: FakeGoogle) -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    google.hang = True
    text = "Ủy ban nhân dân huyện An Biên thông báo. " + " ".join(
        f"Ngày {d} tháng ba, xã Nam Yên cắt điện từ bảy giờ đến mười một giờ." for d in range(1, 9)
    )
    env = {**os.environ, "READER_GTTS_URL": google.url, "READER_CACHE_DIR": str(tmp_path / "cache"),
           "READER_DATA_DIR": str(tmp_path / "data"), "READER_GTTS_PROBE_INTERVAL": "600"}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "speak", "--text", text, "-o", str(tmp_path / "out.mp3"),
         "--engine", "auto", "--timings", str(tmp_path / "out.json")],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True, timeout=120,
    )
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    assert elapsed < 30, elapsed  # not a minute of silence: one deadline, then the offline voice
    assert google.request_count <= Settings().gtts_initial_concurrency  # in flight at the first hang, nothing after
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))) == 9
