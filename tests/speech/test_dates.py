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


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('Sáng 12-6, UBND huyện tổ chức hội nghị.', 'Sáng ngày mười hai tháng sáu, Ủy ban nhân dân huyện tổ chức hội nghị.'),
        ('Chiều 15-8 tại hội trường', 'Chiều ngày mười lăm tháng tám tại hội trường'),
        ('Tối 2-9, đoàn công tác về thăm', 'Tối ngày hai tháng chín, đoàn công tác về thăm'),
        ('Trưa 1-10 trời mưa', 'Trưa ngày một tháng mười trời mưa'),
        ('Đêm 30-4, pháo hoa', 'Đêm ngày ba mươi tháng tư, pháo hoa'),
        ('Rạng sáng 20-7, mưa lớn', 'Rạng sáng ngày hai mươi tháng bảy, mưa lớn'),
        ('Khuya 14-2 xảy ra vụ cháy', 'Khuya ngày mười bốn tháng hai xảy ra vụ cháy'),
        ('ngày 12-6', 'ngày mười hai tháng sáu'),
        ('Ngày 5-1, đoàn đến thăm', 'Ngày năm tháng một, đoàn đến thăm'),
        ('Hôm 23-11 vừa qua', 'Hôm hai mươi ba tháng mười một vừa qua'),
        ('Thứ Hai (12-6), huyện', 'Thứ Hai (ngày mười hai tháng sáu), huyện'),
        ('Chủ nhật, 9-7, người dân', 'Chủ nhật, ngày chín tháng bảy, người dân'),
        ('Từ ngày 1-6 đến 30-6, huyện ra quân.', 'Từ ngày một tháng sáu đến ngày ba mươi tháng sáu, huyện ra quân.'),
        ('từ 10-6 đến 12-6', 'từ ngày mười tháng sáu đến ngày mười hai tháng sáu'),
        ('từ 10-6 đến ngày 12-6', 'từ ngày mười tháng sáu đến ngày mười hai tháng sáu'),
        ('từ ngày 20-11 đến ngày 5-12', 'từ ngày hai mươi tháng mười một đến ngày năm tháng mười hai'),
        ('Nhân dịp kỷ niệm 30-4 và 1-5', 'Nhân dịp kỷ niệm ba mươi tháng tư và một tháng năm'),
        ('Lễ Quốc khánh 2-9', 'Lễ Quốc khánh hai tháng chín'),
        ('Ngày Thương binh - Liệt sĩ 27-7', 'Ngày Thương binh - Liệt sĩ hai mươi bảy tháng bảy'),
        ('đường 3-2, phường 5', 'đường ba tháng hai, phường năm'),
        ('đường 30-4', 'đường ba mươi tháng tư'),
        ('trước 30-6 năm nay', 'trước ngày ba mươi tháng sáu năm nay'),
        ('ngày 30-4 năm nay', 'ngày ba mươi tháng tư năm nay'),
        ('ngày 12-6 vừa qua', 'ngày mười hai tháng sáu vừa qua'),
        ('Trong ngày 12-6, lực lượng', 'Trong ngày mười hai tháng sáu, lực lượng'),
        ('Tết 2024 từ ngày 8-2 đến 14-2', 'Tết hai nghìn không trăm hai mươi tư từ ngày tám tháng hai đến ngày mười bốn tháng hai'),
        ('hạn chót 31-12', 'hạn chót ngày ba mươi mốt tháng mười hai'),
        ('Mỗi ngày 2-3 lần', 'Mỗi ngày hai đến ba lần'),
        ('mỗi ngày 2-3 tiếng', 'mỗi ngày hai đến ba tiếng'),
        ('hằng ngày 1-2 giờ', 'hằng ngày một đến hai giờ'),
        ('trong 2-3 ngày tới', 'trong hai đến ba ngày tới'),
        ('kéo dài 3-5 năm', 'kéo dài ba đến năm năm'),
        ('người dân từ 18-60 tuổi', 'người dân từ mười tám đến sáu mươi tuổi'),
        ('giảm 10-15% so với', 'giảm mười đến mười lăm phần trăm so với'),
        ('từ 2-4 tiếng đồng hồ', 'từ hai đến bốn tiếng đồng hồ'),
        ('tăng 3-5 lần', 'tăng ba đến năm lần'),
        ('từ 5-7 người', 'từ năm đến bảy người'),
        ('cách 1-2 km', 'cách một đến hai ki lô mét'),
        ('từ 10-15 hộ', 'từ mười đến mười lăm hộ'),
        ('khoảng 2-3 tháng', 'khoảng hai đến ba tháng'),
        ('lớp 6-9', 'lớp sáu đến chín'),
        ('tỷ lệ 1-2%', 'tỷ lệ một đến hai phần trăm'),
        ('Ngày 05 tháng 01 năm 2024', 'Ngày năm tháng một năm hai nghìn không trăm hai mươi tư'),
        ('ngày 05 tháng 12', 'ngày năm tháng mười hai'),
        ('ngày 01/02/2024', 'ngày một tháng hai năm hai nghìn không trăm hai mươi tư'),
        ('mùng 05 Tết', 'mùng năm Tết'),
        ('mồng 09 tháng Giêng', 'mồng chín tháng Giêng'),
        ('ngày 20, 21 tháng 3', 'ngày hai mươi, hai mươi mốt tháng ba'),
        ('20,21 tháng 3', 'hai mươi, hai mươi mốt tháng ba'),
        ('ngày 20 ,21 tháng 3 năm 2024', 'ngày hai mươi, hai mươi mốt tháng ba năm hai nghìn không trăm hai mươi tư'),
        ('Trong 2 ngày 20, 21/3', 'Trong hai ngày hai mươi, hai mươi mốt tháng ba'),
        ('các ngày 5, 6 và 7-9', 'các ngày năm, sáu và bảy tháng chín'),
        ('ngày 20, 21, 22 tháng 3 năm 2024', 'ngày hai mươi, hai mươi mốt, hai mươi hai tháng ba năm hai nghìn không trăm hai mươi tư'),
        ('ngày 8, 9/12/2023', 'ngày tám, chín tháng mười hai năm hai nghìn không trăm hai mươi ba'),
        ('vào các ngày 14, 15-8', 'vào các ngày mười bốn, mười lăm tháng tám'),
        ('đạt 20,21 điểm', 'đạt hai mươi phẩy hai mươi mốt điểm'),
        ('tăng 20,21 lần', 'tăng hai mươi phẩy hai mươi mốt lần'),
        ('từ 2-3 giờ sáng', 'từ hai đến ba giờ sáng'),
        ('Ngày Nhà giáo Việt Nam 20-11.', 'Ngày Nhà giáo Việt Nam hai mươi tháng mười một.'),
        ('sáng 3-2 tại Hà Nội', 'sáng ngày ba tháng hai tại Hà Nội'),
        ('từ 1-7 đến 31-7-2024', 'từ ngày một tháng bảy đến ngày ba mươi mốt tháng bảy năm hai nghìn không trăm hai mươi tư'),
        ('trước 30-6 năm nay', 'trước ngày ba mươi tháng sáu năm nay'),
        ('trước 30-6.', 'trước ngày ba mươi tháng sáu.'),
        ('trong 2-3 năm qua', 'trong hai đến ba năm qua'),
        ('trong 2-3 năm nay', 'trong hai đến ba năm nay'),
        ('2-3 năm trước', 'hai đến ba năm trước'),
        ('nhân dịp 2-9 năm nay', 'nhân dịp hai tháng chín năm nay'),
        ('đến 31-12 năm nay, huyện', 'đến ngày ba mươi mốt tháng mười hai năm nay, huyện'),
        ('ngày 2-3 năm nay', 'ngày hai tháng ba năm nay'),
        ('từ 7:30 - 11:30', 'từ bảy giờ ba mươi đến mười một giờ ba mươi'),
        ('Sáng nay (12/6), UBND huyện', 'Sáng nay (ngày mười hai tháng sáu), Ủy ban nhân dân huyện'),
        ('Chiều nay (2-9), đoàn', 'Chiều nay (ngày hai tháng chín), đoàn'),
        ('Hôm qua (4-6), mưa lớn', 'Hôm qua (ngày bốn tháng sáu), mưa lớn'),
        ('Ngày mai (5/6) sẽ', 'Ngày mai (ngày năm tháng sáu) sẽ'),
        ('hôm nay 2-3 người', 'hôm nay hai đến ba người'),
        ('tháng 12-2023', 'tháng mười hai năm hai nghìn không trăm hai mươi ba'),
        ('Trong tháng 6-2024, huyện', 'Trong tháng sáu năm hai nghìn không trăm hai mươi tư, huyện'),
        ('quý IV-2023', 'quý bốn năm hai nghìn không trăm hai mươi ba'),
        ('quý 2-2024', 'quý hai năm hai nghìn không trăm hai mươi tư'),
        ('từ tháng 1-2024 đến tháng 6-2024', 'từ tháng một năm hai nghìn không trăm hai mươi tư đến tháng sáu năm hai nghìn không trăm hai mươi tư'),
        ('tháng 3-5 hằng năm', 'tháng ba đến tháng năm hằng năm'),
        ('Từ tháng 10-12, nông dân', 'Từ tháng mười đến tháng mười hai, nông dân'),
        ('niên vụ 2023-2024', 'niên vụ hai nghìn không trăm hai mươi ba đến hai nghìn không trăm hai mươi tư'),
        ('đợt 2-2024', 'đợt hai năm hai nghìn không trăm hai mươi tư'),
        ('Kỷ niệm 49 năm Chiến thắng 30/4', 'Kỷ niệm bốn mươi chín năm Chiến thắng ba mươi tháng tư'),
        ('Ngày Thương binh - Liệt sĩ 27/7', 'Ngày Thương binh - Liệt sĩ hai mươi bảy tháng bảy'),
        ('Chiến thắng Điện Biên Phủ 7/5', 'Chiến thắng Điện Biên Phủ bảy tháng năm'),
        ('có 12/10 xã', 'có mười hai trên mười xã'),
    ],
)
def test_hyphen_dates_day_lists_and_padded_days(written: str, spoken: str) -> None:
    """Southern "ngày 12-6" is a date; "2-3 lần" a range; "20, 21 tháng 3" two days."""
    assert_spoken(written, spoken)
