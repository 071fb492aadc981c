"""Roman numerals read where they number things, and only there."""

from __future__ import annotations


import pytest

from tests.speech.spoken import assert_spoken
from reader.speech.roman import read_roman_numerals, roman_value



@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            'Đại hội khóa XII, lần thứ XI, Quý I.',
            'Đại hội khóa mười hai, lần thứ mười một, Quý một.',
        ),
        ('Quốc hội khóa XV', 'Quốc hội khóa mười lăm'),
        ('khoá XIV', 'khóa mười bốn'),
        ('Đại hội XIII của Đảng', 'Đại hội mười ba của Đảng'),
        ('Đại hội đại biểu lần thứ XII', 'Đại hội đại biểu lần thứ mười hai'),
        ('lần thứ I', 'lần thứ nhất'),
        ('lần thứ IV', 'lần thứ tư'),
        ('lần thứ II', 'lần thứ hai'),
        ('lần thứ IX', 'lần thứ chín'),
        ('kỳ họp thứ VII', 'kỳ họp thứ bảy'),
        ('Quý I', 'Quý một'),
        ('Quý IV', 'Quý bốn'),
        ('quý II', 'quý hai'),
        ('Quý III/2024', 'Quý ba năm hai nghìn không trăm hai mươi tư'),
        ('quý IV/2023', 'quý bốn năm hai nghìn không trăm hai mươi ba'),
        ('thế kỷ XXI', 'thế kỷ hai mươi mốt'),
        ('thế kỷ XX', 'thế kỷ hai mươi'),
        ('Chương III', 'Chương ba'),
        ('Chương IX', 'Chương chín'),
        ('Phần I', 'Phần một'),
        ('Phần II', 'Phần hai'),
        ('Mục V', 'Mục năm'),
        ('Điều X', 'Điều mười'),
        ('học kỳ I', 'học kỳ một'),
        ('học kỳ II', 'học kỳ hai'),
        ('đô thị loại II', 'đô thị loại hai'),
        ('hạng III', 'hạng ba'),
        ('khóa XI, XII và XIII', 'khóa mười một, mười hai và mười ba'),
        ('nhiệm kỳ XII', 'nhiệm kỳ mười hai'),
        ('Hội nghị Trung ương VIII', 'Hội nghị Trung ương tám'),
        ('vượt mức báo động III', 'vượt mức báo động ba'),
        ('đợt II', 'đợt hai'),
        ('Phụ lục IV', 'Phụ lục bốn'),
        ('khu vực III', 'khu vực ba'),
        ('khóa XL', 'khóa bốn mươi'),
        ('Quý I và II', 'Quý một và hai'),
    ],
)
def test_roman_numerals_in_context(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('Đại hội lần XII', 'Đại hội lần thứ mười hai'),
        ('Đại hội Đảng bộ huyện lần thứ XII', 'Đại hội Đảng bộ huyện lần thứ mười hai'),
        ('Hội thao lực lượng vũ trang lần IV', 'Hội thao lực lượng vũ trang lần thứ tư'),
        ('Liên hoan lần I', 'Liên hoan lần thứ nhất'),
        ('Hội nghị lần II Ban Chấp hành', 'Hội nghị lần thứ hai Ban Chấp hành'),
        ('Đại hội đại biểu Hội Nông dân lần thứ XI', 'Đại hội đại biểu Hội Nông dân lần thứ mười một'),
        ('Đại hội XIV của Đảng', 'Đại hội mười bốn của Đảng'),
        ('Quốc hội khóa XV', 'Quốc hội khóa mười lăm'),
        ('HĐND huyện khóa XII', 'Hội đồng nhân dân huyện khóa mười hai'),
        ('kỳ họp thứ VII', 'kỳ họp thứ bảy'),
        ('kỳ I', 'kỳ một'),
        ('học kỳ II', 'học kỳ hai'),
        ('phần II', 'phần hai'),
        ('Phần III', 'Phần ba'),
        ('chương IV', 'chương bốn'),
        ('Chương V', 'Chương năm'),
        ('Quân khu IX', 'Quân khu chín'),
        ('mùa giải thứ III', 'mùa giải thứ ba'),
    ],
)
def test_roman_numerals_after_lan_khoa_ky_dai_hoi_phan_chuong(written: str, spoken: str) -> None:
    """Convention: after "lần" announcers say the ordinal with "thứ" ("lần thứ tư"); after
    "khóa", "kỳ", "Đại hội", "phần", "chương" the cardinal ("khóa mười lăm")."""
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    "written",
    [
        "Mục C", "Phần D", "chữ I in hoa", "vitamin C", "khóa học", "V.I.P", "Kỳ Vi",
        "lần thứ IIII", "khóa XIIa", "CV số 12", "MC dẫn chương trình", "Quý",
    ],
)
def test_not_a_roman_numeral(written: str) -> None:
    assert read_roman_numerals(written) == written


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40), ("XXI", 21), ("CCCXCIX", 399),
     ("IIII", None), ("", None), ("IC", None)],
)
def test_roman_value(numeral: str, value: int | None) -> None:
    assert roman_value(numeral) == value
