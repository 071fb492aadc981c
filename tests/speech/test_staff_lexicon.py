"""The staff lexicon (data_dir/lexicon.txt): format, errors, reload on edit, and which
clips an edit makes new."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.audio.cache import clip_key
from reader.config import Settings
from reader.errors import ConfigError
from reader.speech import staff_lexicon
from reader.speech.normalize import normalize
from reader.speech.script import build_script


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path)


def write(settings: Settings, text: str) -> None:
    path = staff_lexicon.lexicon_path(settings)
    path.write_text(text, encoding="utf-8")
    # Same-second edits of the same size must still be seen: move the mtime on.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize(
    ("entries", "written", "spoken"),
    [
        ("VNeID = vê en e ai đi", "cài VNeID", "cài vê en e ai đi"),
        ("UBND = Ủy ban", "UBND huyện", "Ủy ban huyện"),
        ("Bác Hồ = Chủ tịch Hồ Chí Minh", "Bác Hồ nói", "Chủ tịch Hồ Chí Minh nói"),
        ("Xẻo Nhàu = Xẻo Nhầu", "xã Xẻo  Nhàu", "xã Xẻo Nhầu"),
        ("F0 = ép không", "ca F0", "ca ép không"),
        ("ABC = a bê xê", "ABCD và ABC", "a bê xê đê và a bê xê"),
        ("Tân = Tân", "tân Tân", "tân Tân"),
        ("# chú thích\n\nGDP = tổng sản phẩm quốc nội", "GDP", "tổng sản phẩm quốc nội"),
    ],
)
def test_entries_override_the_rules(
    settings: Settings, entries: str, written: str, spoken: str
) -> None:
    write(settings, entries + "\n")
    assert normalize(written, settings) == spoken
    assert normalize(spoken, settings) == spoken


def test_no_file_no_change(settings: Settings) -> None:
    assert normalize("UBND huyện", settings) == "Ủy ban nhân dân huyện"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("UBND Ủy ban\n", 1),
        ("# ok\nA = \n", 2),
        (" = không\n", 1),
        ("ABC = a\nABC = b\n", 2),
        ("ABC = ABC mới\n", 1),
        ("AB = a bê\nXY = AB\n", 2),
    ],
)
def test_bad_line_is_a_config_error_naming_the_line(
    settings: Settings, text: str, line: int
) -> None:
    write(settings, text)
    with pytest.raises(ConfigError, match=f"line {line}"):
        normalize("x", settings)


def test_not_utf8_is_a_config_error(settings: Settings) -> None:
    staff_lexicon.lexicon_path(settings).write_bytes("ABC = bê\n".encode("utf-16"))
    with pytest.raises(ConfigError, match="UTF-8"):
        staff_lexicon.load(settings)


def test_an_edit_takes_effect_without_restart(settings: Settings) -> None:
    write(settings, "ABC = một\n")
    assert normalize("ABC", settings) == "một"
    write(settings, "ABC = hai\n")
    assert normalize("ABC", settings) == "hai"
    staff_lexicon.lexicon_path(settings).unlink()
    assert normalize("ABC", settings) == "a bê xê"


def test_unchanged_file_is_parsed_once(settings: Settings) -> None:
    write(settings, "ABC = một\n")
    assert staff_lexicon.load(settings) is staff_lexicon.load(settings)


def _keys(settings: Settings, paragraphs: list[str]) -> list[list[str]]:
    script = build_script(paragraphs, settings)
    return [
        [clip_key("espeak", "vi", chunk) for chunk in sentence.chunks]
        for _, _, sentence in script.sentences()
    ]


def test_an_entry_changes_only_the_clips_of_its_sentence(settings: Settings) -> None:
    paragraphs = [
        "UBND huyện An Biên tổng kết năm 2023",
        "Ngày 20/12/2023, UBND huyện tổ chức hội nghị. Người dân dùng ứng dụng VNeID "
        "để làm thủ tục hành chính, nộp hồ sơ và theo dõi kết quả giải quyết hồ sơ trực "
        "tuyến tại nhà. Tỷ lệ BHYT đạt 98,5%.",
        "Đ/c Nguyễn Văn A phát biểu.",
    ]
    before = _keys(settings, paragraphs)
    write(settings, "VNeID = vê en e ai đi\n")
    after = _keys(settings, paragraphs)
    assert len(before) == len(after) == 5
    changed = [i for i, (b, a) in enumerate(zip(before, after)) if b != a]
    assert changed == [2]
    assert len(after[2]) >= 2
