"""The syllable inventory: every syllable of ordinary news, and no garbage."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from reader.speech.syllables import (
    inventory,
    is_syllable,
    pair_counts,
    place_tone,
    split_tone,
    syllable_counts,
    tone_position,
    words,
)

NEWS = """
Sáng nay, Ủy ban nhân dân huyện Giồng Riềng tổ chức hội nghị sơ kết công tác quý I.
Ông Nguyễn Văn Quyết, Chủ tịch xã, báo cáo tình hình khuyến nông, thủy lợi và giữ gìn
an ninh. Bà Huỳnh Thị Khuê, bà Lê Oanh và chị Trần Uyên được khen thưởng. Thuở ấy,
khuya nào người dân cũng nghiêng mình trước gió; giữa mùa mưa, quốc lộ ngập nước.
Hoàng Xuyến, ngoằn ngoèo, khuỷu tay, quặp, huơ, xoong, buýt, giếng, ghế, nghiệp, kỹ,
kiểm, quyển, khuây, người, rượu, thuở, chuyện, huyết, oai, khoèo, ngoạm, loét, quạu.
"""

NAMES = (
    "Nguyễn Huỳnh Khuê Quyết Nghiêng Giữa Gìn Quốc Khuya Oanh Thuở Hoàng Uyên Xuyến "
    "Phạm Trần Lê Võ Đỗ Ngô Dương Vương Trịnh Đặng Bùi Hồ Lý Quách Thạch Danh Sơn"
).split()

GARBAGE = (
    "ừào ngyễn trng xyz ka ce ngi ghéé cy qua̧ kiên̉ bàt sảch quốt qa đ nguyêễn "
    "ươ ngh ghy gha ngế aa oo uu hoaa"
).split()


@pytest.mark.parametrize("word", NAMES + words(NEWS))
def test_accepts_news_words_and_names(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", GARBAGE)
def test_rejects_garbage(word: str) -> None:
    assert not is_syllable(word)


@pytest.mark.parametrize(
    "word", ["hoà", "hòa", "khoẻ", "khỏe", "thuỷ", "thủy", "uỷ", "ủy", "quý", "HOÀ", "Thuỷ"]
)
def test_accepts_both_common_tone_placements(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["muà", "qúa", "gía", "hoàng̀", "tíên", "ngưòi"])
def test_rejects_misplaced_tone_marks(word: str) -> None:
    assert not is_syllable(word)


def test_accepts_decomposed_and_upper_case() -> None:
    assert is_syllable(unicodedata.normalize("NFD", "Nguyễn"))
    assert is_syllable("NGHIÊNG")
    assert not is_syllable("")


def test_stop_codas_take_only_sac_and_nang() -> None:
    assert {w for w in ("bát", "bạt", "bàt", "bảt", "bãt", "bat") if is_syllable(w)} == {
        "bát",
        "bạt",
    }


def test_every_word_of_the_shipped_news_sample_is_a_syllable() -> None:
    text = resources.files("reader.speech").joinpath("data", "news_sample.txt")
    found = words(text.read_text(encoding="utf-8"))
    assert len(found) > 2000
    assert [w for w in found if not is_syllable(w)] == []


def test_inventory_is_built_once_and_sized_like_the_language() -> None:
    assert inventory() is inventory()
    assert 15_000 < len(inventory()) < 25_000


def test_frequencies_come_from_the_news_sample() -> None:
    assert syllable_counts()["dân"] > 10
    assert pair_counts()[("phong", "trào")] > 0


@pytest.mark.parametrize(
    "word, bare, tone",
    [
        ("hòa", "hoa", 1),
        ("Nguyễn", "Nguyên", 4),
        ("quốc", "quôc", 2),
        ("thuở", "thuơ", 3),
        ("lạ", "la", 5),
        ("ba", "ba", 0),
        (unicodedata.normalize("NFD", "trường"), "trương", 1),
    ],
)
def test_split_tone(word: str, bare: str, tone: int) -> None:
    assert split_tone(word) == (bare, tone)


def test_split_tone_refuses_two_marks() -> None:
    assert split_tone("a\u0300\u0301") is None


@pytest.mark.parametrize(
    "bare, tone, written",
    [
        ("hoa", 1, "hòa"),
        ("khoe", 3, "khỏe"),
        ("thuy", 3, "thủy"),
        ("hoang", 1, "hoàng"),
        ("quy", 2, "quý"),
        ("gia", 2, "giá"),
        ("giưa", 4, "giữa"),
        ("gin", 1, "gìn"),
        ("nguyên", 4, "nguyễn"),
        ("khuyu", 3, "khuỷu"),
        ("hoai", 1, "hoài"),
        ("mua", 1, "mùa"),
        ("ngươi", 1, "người"),
        ("rươu", 5, "rượu"),
        ("quôc", 2, "quốc"),
        ("toan", 2, "toán"),
    ],
)
def test_place_tone(bare: str, tone: int, written: str) -> None:
    assert place_tone(bare, tone) == written


def test_the_other_placement_of_open_oa_oe_uy() -> None:
    assert place_tone("hoa", 1, first_of_open_pair=False) == "hoà"
    assert place_tone("khoe", 3, first_of_open_pair=False) == "khoẻ"
    assert tone_position("hoan", first_of_open_pair=False) == tone_position("hoan")
    assert tone_position("bcd") is None
