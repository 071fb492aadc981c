"""`speak --progress` and `speak --slow`, and the listener's parts and tags in the service layer."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta, timezone

import pytest

from reader import service
from reader.articles.model import Article
from tests.audio.sound import id3_frames, samples
from tests.test_cli import dump_file, env, run  # noqa: F401 (fixtures)

TEXT = "Tin huyện An Biên\nSáng nay trời đẹp. Bà con đi chợ sớm.\nGiá lúa tăng.\nHết tin."
ARTICLE = Article(title="Tin UBND huyện", paragraphs=("UBND huyện họp phiên thường kỳ.", "Hết tin."), id=7,
                  published=datetime(2024, 3, 12, 9, 15, tzinfo=timezone(timedelta(hours=7))),
                  url="https://anbien.example/tin/7")


def test_speak_progress_prints_each_part_as_it_is_ready(env, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "out.mp3"
    code, _, err = run(capsys, "speak", "--text", TEXT, "-o", str(out), "--engine", "espeak", "--progress")
    assert code == 0, err
    ready = re.findall(r"^part (\d) ready after [\d.]+ s: (paragraphs? [\d-]+)", err, re.MULTILINE)
    assert ready == [("0", "paragraphs 0-1"), ("1", "paragraph 2"), ("2", "paragraph 3")]
    assert "whole article ready" in err and out.stat().st_size > 0


def test_speak_slow_is_a_fifth_slower(env, tmp_path, capsys):  # noqa: F811
    normal, slow = tmp_path / "normal.mp3", tmp_path / "slow.mp3"
    assert run(capsys, "speak", "--text", TEXT, "-o", str(normal), "--engine", "espeak")[0] == 0
    assert run(capsys, "speak", "--text", TEXT, "-o", str(slow), "--engine", "espeak", "--slow")[0] == 0
    assert abs(len(samples(slow)) / len(samples(normal)) - 1 / 0.8) < 0.02


def test_speak_tags_the_article(env, dump_file, tmp_path, capsys):  # noqa: F811
    article_id = run(capsys, "import", str(dump_file))[1].strip()
    out = tmp_path / "article.mp3"
    assert run(capsys, "speak", article_id, "-o", str(out), "--engine", "espeak")[0] == 0
    frames = id3_frames(out)
    assert frames["TIT2"] == "Nông dân xã Đông Thái thu hoạch lúa Đông Xuân"
    assert frames["TDRC"] == "2024-03-05" and frames["TLAN"] == "vie"


def test_article_tags_never_carry_a_file_path():
    tags = service.article_tags(ARTICLE)
    assert tags == {"title": "Tin UBND huyện", "language": "vie", "date": "2024-03-12",
                    "source": "https://anbien.example/tin/7"}
    local = Article(title="Tin", paragraphs=("Một.",), source="file:/srv/portal/tin.txt")
    assert "source" not in service.article_tags(local)


@pytest.fixture
def offline(settings):
    return settings.with_(engine="espeak")


def test_listen_parts_then_listen_finds_the_whole(offline):
    parts = list(service.listen_parts(ARTICLE, offline))
    assert [p.paragraphs for p in parts] == [(0, 1), (2,)]
    whole = service.listen(ARTICLE, offline)
    assert id3_frames(whole.mp3_path)["TIT2"] == "Tin UBND huyện"
    assert [t["paragraph"] for t in whole.timings] == [0, 1, 2]


def test_listen_parts_survives_a_broken_staff_lexicon(offline, caplog):
    offline.data_dir.mkdir(parents=True)
    (offline.data_dir / "lexicon.txt").write_text("no equals sign here\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="reader.service"):
        parts = list(service.listen_parts(ARTICLE, offline))
    assert parts and "without the staff lexicon" in caplog.text


def test_listen_slow(offline):
    normal = service.listen(ARTICLE, offline)
    slow = service.listen(ARTICLE, offline, slow=True)
    assert slow.mp3_path != normal.mp3_path and slow.duration_ms > normal.duration_ms
