"""Integers, digit strings and decimals in words, as Vietnamese announcers read them."""

from __future__ import annotations

import pytest

from reader.speech.numbers import (
    read_decimal,
    read_digits,
    read_integer_text,
    read_month,
    read_number,
    read_ordinal,
    read_written_number,
)


@pytest.mark.parametrize(
    ("n", "spoken"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (31, "ba mươi mốt"),
        (55, "năm mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (1000, "một nghìn"),
        (1005, "một nghìn không trăm linh năm"),
        (1010, "một nghìn không trăm mười"),
        (1250, "một nghìn hai trăm năm mươi"),
        (2021, "hai nghìn không trăm hai mươi mốt"),
        (2024, "hai nghìn không trăm hai mươi tư"),
        (2025, "hai nghìn không trăm hai mươi lăm"),
        (10_000, "mười nghìn"),
        (15_000, "mười lăm nghìn"),
        (100_000, "một trăm nghìn"),
        (1_000_000, "một triệu"),
        (1_005_000, "một triệu không trăm linh năm nghìn"),
        (2_000_021, "hai triệu không trăm hai mươi mốt"),
        (3_500_000, "ba triệu năm trăm nghìn"),
        (1_000_000_000, "một tỷ"),
        (5_000_000_005, "năm tỷ không trăm linh năm"),
        (1_000_000_000_000, "một nghìn tỷ"),
        (1_500_000_000_000, "một nghìn năm trăm tỷ"),
        (10**15, "một triệu tỷ"),
        (
            123_456_789_012_345,
            "một trăm hai mươi ba nghìn bốn trăm năm mươi sáu tỷ bảy trăm tám mươi chín triệu "
            "không trăm mười hai nghìn ba trăm bốn mươi lăm",
        ),
        (-7, "âm bảy"),
        (-2021, "âm hai nghìn không trăm hai mươi mốt"),
    ],
)
def test_read_number(n: int, spoken: str) -> None:
    assert read_number(n) == spoken


def test_read_number_southern_thousand() -> None:
    assert read_number(1250, thousand="ngàn") == "một ngàn hai trăm năm mươi"


@pytest.mark.parametrize(
    ("digits", "spoken"),
    [
        ("0913", "không chín một ba"),
        ("05", "không năm"),
        ("0297 385", "không hai chín bảy ba tám năm"),
    ],
)
def test_read_digits(digits: str, spoken: str) -> None:
    assert read_digits(digits) == spoken


@pytest.mark.parametrize(
    ("digits", "spoken"),
    [
        ("2023", "hai nghìn không trăm hai mươi ba"),
        ("05", "không năm"),
        ("0", "không"),
        ("1234567890123456", "một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu"),
    ],
)
def test_read_integer_text(digits: str, spoken: str) -> None:
    assert read_integer_text(digits) == spoken


@pytest.mark.parametrize(
    ("whole", "fraction", "spoken"),
    [
        ("3", "5", "ba phẩy năm"),
        ("98", "5", "chín mươi tám phẩy năm"),
        ("0", "05", "không phẩy không năm"),
        ("2", "25", "hai phẩy hai mươi lăm"),
        ("1", "12345", "một phẩy một hai ba bốn năm"),
    ],
)
def test_read_decimal(whole: str, fraction: str, spoken: str) -> None:
    assert read_decimal(whole, fraction) == spoken


@pytest.mark.parametrize(
    ("n", "spoken"),
    [
        (30_000, "ba mươi nghìn"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"),
        (1_250_000_000, "một tỷ hai trăm năm mươi triệu"),
        (10**18, "một tỷ tỷ"),
        (2_000_000_000_000_000, "hai triệu tỷ"),
    ],
)
def test_read_large_numbers(n: int, spoken: str) -> None:
    assert read_number(n) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("1.250", "một nghìn hai trăm năm mươi"),
        ("3,5", "ba phẩy năm"),
        ("0,05", "không phẩy không năm"),
        ("98,5", "chín mươi tám phẩy năm"),
        ("1.000.000.000.000.000", "một triệu tỷ"),
        ("1.000.000.000.000.000.000", "một tỷ tỷ"),
        ("1.2", "một chấm hai"),
        ("05", "không năm"),
    ],
)
def test_read_written_number(written: str, spoken: str) -> None:
    assert read_written_number(written) == spoken


@pytest.mark.parametrize(
    ("n", "ordinal", "month"),
    [(1, "nhất", "một"), (2, "hai", "hai"), (4, "tư", "tư"), (10, "mười", "mười"),
     (11, "mười một", "mười một"), (14, "mười bốn", "mười bốn")],
)
def test_ordinal_and_month_words(n: int, ordinal: str, month: str) -> None:
    assert read_ordinal(n) == ordinal
    assert read_month(n) == month
