"""The staff command line, end to end: real SQLite, real ffmpeg, the fake Google."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydub import AudioSegment

from reader.cli import main
from tests.fakes.google import FakeGoogle

ROOT = Path(__file__).resolve().parents[1]

DUMP = """TIN NỔI BẬT:
Cổng thông tin điện tử huyện An Biên
Xem với cỡ chữAA
Kinh tế
Nông dân xã Đông Thái thu hoạch lúa Đông Xuân
(09:15 | 05/03/2024)
Những ngày này, nông dân xã Đông Thái đang tập trung thu hoạch 1.250 ha lúa Đông Xuân.
Năng suất bình quân đạt 7 tấn mỗi ha, cao hơn vụ trước.
Giá lúa tươi tại ruộng từ 7.500 đến 8.000 đồng mỗi kg./.
"""


@pytest.fixture
def env(settings, monkeypatch):
    """The CLI reads its settings from the environment, as staff run it."""
    values = {
        "READER_DATA_DIR": str(settings.data_dir),
        "READER_CACHE_DIR": str(settings.cache_dir),
        "READER_GTTS_URL": settings.gtts_url,
        "READER_GTTS_CONNECT_TIMEOUT": "0.5",
        "READER_GTTS_RETRIES": "0",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.fixture
def dump_file(tmp_path) -> Path:
    path = tmp_path / "lua-dong-xuan.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_show_list_search(env, dump_file, capsys):
    code, out, _ = run(capsys, "import", str(dump_file))
    assert code == 0
    article_id = int(out.strip())

    code, out, _ = run(capsys, "show", str(article_id), "--json")
    shown = json.loads(out)
    assert set(shown) == {"id", "title", "category", "published", "source", "url", "paragraphs", "notes"}
    assert shown["id"] == article_id
    assert shown["title"] == "Nông dân xã Đông Thái thu hoạch lúa Đông Xuân"
    assert shown["category"] == "Kinh tế"
    assert shown["published"] == "2024-03-05T09:15:00+07:00"
    assert len(shown["paragraphs"]) == 3 and not shown["paragraphs"][-1].endswith("/.")

    code, out, _ = run(capsys, "list", "--json")
    assert [a["id"] for a in json.loads(out)] == [article_id]
    code, out, _ = run(capsys, "list")
    assert "Nông dân xã Đông Thái" in out

    code, out, _ = run(capsys, "search", "dong thai", "--json")
    assert [a["id"] for a in json.loads(out)] == [article_id]
    code, out, _ = run(capsys, "search", "không có từ này", "--json")
    assert json.loads(out) == []


def test_import_again_keeps_the_id(env, dump_file, capsys):
    first = run(capsys, "import", str(dump_file))[1]
    second = run(capsys, "import", str(dump_file))[1]
    assert first == second
    assert len(json.loads(run(capsys, "list", "--json")[1])) == 1


def test_bad_sources_are_reported_and_nothing_stored_is_lost(env, dump_file, tmp_path, capsys):
    run(capsys, "import", str(dump_file))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(tmp_path / "missing.txt"), str(empty))
    assert code == 1 and out == ""
    assert "missing.txt" in err and "empty.txt" in err
    assert len(json.loads(run(capsys, "list", "--json")[1])) == 1


def test_show_unknown_id_is_a_clear_error(env, capsys):
    code, out, err = run(capsys, "show", "999", "--json")
    assert code == 1 and out == ""
    assert err.startswith("error:") and "999" in err


def test_script_text_and_json(env, capsys):
    code, out, _ = run(capsys, "script", "--text", "Huyện có 25 xã. Năm nay đạt kết quả tốt.\nĐoạn hai.")
    assert code == 0
    assert out.splitlines() == [
        "Huyện có hai mươi lăm xã.",
        "Năm nay đạt kết quả tốt.",
        "",
        "Đoạn hai.",
    ]
    code, out, _ = run(capsys, "script", "--text", "Huyện có 25 xã.", "--json")
    sentence = json.loads(out)["paragraphs"][0]["sentences"][0]
    assert sentence["text"] == "Huyện có 25 xã."
    assert sentence["spoken"] == "Huyện có hai mươi lăm xã."
    assert all(len(c) <= 100 for c in sentence["chunks"])


def test_script_of_an_article_reads_the_title_first(env, dump_file, capsys):
    article_id = run(capsys, "import", str(dump_file))[1].strip()
    code, out, _ = run(capsys, "script", article_id)
    assert out.splitlines()[0] == "Nông dân xã Đông Thái thu hoạch lúa Đông Xuân"
    assert "một nghìn hai trăm năm mươi" in out


def test_script_of_nothing_speakable_fails(env, capsys):
    code, _, err = run(capsys, "script", "--text", "   ")
    assert code == 1 and err.startswith("error:")


def test_speak_with_google_against_the_fake(env, tmp_path, capsys, monkeypatch):
    out_mp3, out_json = tmp_path / "out.mp3", tmp_path / "out.json"
    with FakeGoogle() as google:
        monkeypatch.setenv("READER_GTTS_URL", google.url)
        code, _, err = run(
            capsys, "speak", "--text", "Sáng nay, UBND huyện họp. Có 30 đại biểu dự.",
            "-o", str(out_mp3), "--engine", "gtts", "--timings", str(out_json),
        )
        assert code == 0, err
        assert google.rpc_count >= 2
        assert not any(ch.isdigit() for text in google.texts for ch in text)
    audio = AudioSegment.from_file(out_mp3)
    timings = json.loads(out_json.read_text(encoding="utf-8"))
    assert [t["sentence"] for t in timings] == [0, 1]
    assert timings[0]["text"] == "Sáng nay, UBND huyện họp."
    assert all(t["start_ms"] < t["end_ms"] for t in timings)
    assert timings[0]["end_ms"] <= timings[1]["start_ms"]
    assert abs(len(audio) - timings[-1]["end_ms"]) < 300


def test_speak_offline_voice(env, dump_file, tmp_path, capsys):
    article_id = run(capsys, "import", str(dump_file))[1].strip()
    out_mp3 = tmp_path / "article.mp3"
    code, _, err = run(capsys, "speak", article_id, "-o", str(out_mp3), "--engine", "espeak")
    assert code == 0, err
    assert len(AudioSegment.from_file(out_mp3)) > 3000


def test_speak_auto_falls_back_and_says_so(env, tmp_path, capsys):
    out_mp3 = tmp_path / "auto.mp3"
    code, _, err = run(capsys, "speak", "--text", "Xin chào bà con.", "-o", str(out_mp3))
    assert code == 0
    assert "offline" in err
    assert out_mp3.stat().st_size > 0


def test_pregenerate_makes_missing_audio_once(env, dump_file, capsys):
    run(capsys, "import", str(dump_file))
    code, _, err = run(capsys, "pregenerate", "--engine", "espeak", "--jobs", "2")
    assert code == 0 and "1 of 1" in err
    code, _, err = run(capsys, "pregenerate", "--engine", "espeak")
    assert code == 0 and "already have audio" in err


def test_module_entry_point_help():
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--help"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ}, timeout=60,
    )
    assert result.returncode == 0
    for command in ("import", "list", "search", "show", "script", "speak", "pregenerate"):
        assert command in result.stdout


def test_script_of_a_saved_page_skips_the_portal_chrome(env, dump_file, capsys):
    code, out, _ = run(capsys, "script", "--file", str(dump_file))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Nông dân xã Đông Thái thu hoạch lúa Đông Xuân"
    assert not any("Cổng thông tin" in line or "cỡ chữ" in line for line in lines)


def test_script_of_a_missing_file_names_it(env, tmp_path, capsys):
    code, out, err = run(capsys, "script", "--file", str(tmp_path / "nowhere.txt"))
    assert code == 1 and out == "" and "nowhere.txt" in err


def test_cache_stats_verify_prune(env, dump_file, tmp_path, capsys):
    article_id = run(capsys, "import", str(dump_file))[1].strip()
    run(capsys, "pregenerate", "--engine", "espeak")
    code, out, _ = run(capsys, "cache", "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["articles"] == 1 and stats["clips"] >= 3

    code, out, _ = run(capsys, "cache", "verify")
    assert code == 0 and "removed 0" in out

    code, out, _ = run(capsys, "cache", "prune")
    assert code == 0 and "removed 0" in out
    assert json.loads(run(capsys, "cache", "stats", "--json")[1])["articles"] == 1

    run(capsys, "speak", article_id, "-o", str(tmp_path / "copy.mp3"), "--engine", "espeak")
    code, out, _ = run(capsys, "cache", "prune", "--max-bytes", "0")
    assert code == 0
    assert json.loads(run(capsys, "cache", "stats", "--json")[1])["total_bytes"] == 0


def test_bad_numbers_are_usage_errors(env, capsys):
    with pytest.raises(SystemExit) as info:
        main(["pregenerate", "--jobs", "0"])
    assert info.value.code == 2
    assert "at least 1" in capsys.readouterr().err
