"""Dates, day and date spans, month/year, and the ratios that look like dates."""

from __future__ import annotations

import re

import pytest

from reader.speech.normalize import normalize
from tests.speech.spoken import assert_spoken
from reader.speech.dates import is_date



@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('ngày 20/12/2023', 'ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba'),
        ('Ngày 05/01/2024', 'Ngày năm tháng một năm hai nghìn không trăm hai mươi tư'),
        ('ngày 5/1/2024', 'ngày năm tháng một năm hai nghìn không trăm hai mươi tư'),
        ('ngày 1/4/2024', 'ngày một tháng tư năm hai nghìn không trăm hai mươi tư'),
        ('ngày 20.12.2023', 'ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba'),
        ('ngày 30-4-1975', 'ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm'),
        ('ngày 2/9', 'ngày hai tháng chín'),
        ('ngày 5/1', 'ngày năm tháng một'),
        ('sáng 20/12', 'sáng ngày hai mươi tháng mười hai'),
        ('chiều 15/3', 'chiều ngày mười lăm tháng ba'),
        ('tối 31/12', 'tối ngày ba mươi mốt tháng mười hai'),
        ('đêm 24/12', 'đêm ngày hai mươi tư tháng mười hai'),
        ('hôm 5/1', 'hôm năm tháng một'),
        ('từ 24/4 đến 1/5', 'từ ngày hai mươi tư tháng tư đến ngày một tháng năm'),
        (
            'từ ngày 20 đến 25/12/2023',
            'từ ngày hai mươi đến ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm '
            'hai mươi ba',
        ),
        ('ngày 20-25/12', 'ngày hai mươi đến ngày hai mươi lăm tháng mười hai'),
        (
            'ngày 20 – 25/12/2024',
            'ngày hai mươi đến ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai '
            'mươi tư',
        ),
        ('từ 20/11 - 5/12', 'từ ngày hai mươi tháng mười một đến ngày năm tháng mười hai'),
        (
            'từ 20/11/2023 – 5/1/2024',
            'từ ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi ba đến ngày '
            'năm tháng một năm hai nghìn không trăm hai mươi tư',
        ),
        ('ngày 20 và 21/12', 'ngày hai mươi và ngày hai mươi mốt tháng mười hai'),
        ('tháng 4/2024', 'tháng tư năm hai nghìn không trăm hai mươi tư'),
        ('tháng 12/2023', 'tháng mười hai năm hai nghìn không trăm hai mươi ba'),
        ('4/2024', 'tháng tư năm hai nghìn không trăm hai mươi tư'),
        ('Trong 4/2024, huyện', 'Trong tháng tư năm hai nghìn không trăm hai mươi tư, huyện'),
        ('quý 4/2023', 'quý bốn năm hai nghìn không trăm hai mươi ba'),
        ('đợt 2/2024', 'đợt hai năm hai nghìn không trăm hai mươi tư'),
        ('Nghị quyết số 15/2021', 'Nghị quyết số mười lăm năm hai nghìn không trăm hai mươi mốt'),
        ('Quốc khánh 2/9', 'Quốc khánh hai tháng chín'),
        ('Ngày Nhà giáo Việt Nam 20/11.', 'Ngày Nhà giáo Việt Nam hai mươi tháng mười một.'),
        ('Thứ Hai (20/12)', 'Thứ Hai (ngày hai mươi tháng mười hai)'),
        ('Chủ nhật, 5/5', 'Chủ nhật, ngày năm tháng năm'),
        ('đường 3/2', 'đường ba tháng hai'),
        ('dịp 30/4 - 1/5', 'dịp ba mươi tháng tư đến một tháng năm'),
        ('trước 30/6', 'trước ngày ba mươi tháng sáu'),
        ('đến 31/12 năm nay', 'đến ngày ba mươi mốt tháng mười hai năm nay'),
        ('ngày 29/2/2024', 'ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi tư'),
        ('24/24 xã đạt chuẩn', 'hai mươi tư trên hai mươi tư xã đạt chuẩn'),
        ('3/5 tiêu chí', 'ba trên năm tiêu chí'),
        ('12/12 ấp', 'mười hai trên mười hai ấp'),
        ('đạt 19/19 tiêu chí', 'đạt mười chín trên mười chín tiêu chí'),
        ('có 5/10 trường đạt', 'có năm trên mười trường đạt'),
        ('1.250/1.300 hộ', 'một nghìn hai trăm năm mươi trên một nghìn ba trăm hộ'),
        ('30/2 hộ', 'ba mươi trên hai hộ'),
        ('tỷ lệ 1/3', 'tỷ lệ một trên ba'),
        (
            '(14:30 | 20/12/2023)',
            '(mười bốn giờ ba mươi ngày hai mươi tháng mười hai năm hai nghìn không trăm hai '
            'mươi ba)',
        ),
    ],
)
def test_dates_and_ratios(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("day", "month", "year", "valid"),
    [(31, 12, None, True), (30, 2, None, False), (29, 2, None, True), (29, 2, 2023, False),
     (29, 2, 2024, True), (31, 4, None, False), (24, 24, None, False), (0, 5, None, False)],
)
def test_is_date(day: int, month: int, year: int | None, valid: bool) -> None:
    assert is_date(day, month, year) is valid


def test_never_ngay_ngay() -> None:
    for written in ("ngày 20/12", "Ngày 20/12/2023", "ngày 20-25/12", "ngày 30/4 - 1/5"):
        assert not re.search(r"(?i)ngày ngày", normalize(written))
