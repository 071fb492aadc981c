"""Clock times in one announcer style: "giờ", minutes under ten with "phút"."""

from __future__ import annotations


import pytest

from tests.speech.spoken import assert_spoken



@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('lúc 14:30', 'lúc mười bốn giờ ba mươi'),
        ('lúc 14h30', 'lúc mười bốn giờ ba mươi'),
        ('lúc 7h', 'lúc bảy giờ'),
        ('lúc 7h05', 'lúc bảy giờ năm phút'),
        ('lúc 8h00', 'lúc tám giờ'),
        ('lúc 8:00', 'lúc tám giờ'),
        ('lúc 14 giờ 30', 'lúc mười bốn giờ ba mươi'),
        ('lúc 14 giờ 30 phút', 'lúc mười bốn giờ ba mươi phút'),
        ('lúc 7 giờ 05', 'lúc bảy giờ năm phút'),
        ('lúc 8 giờ 00', 'lúc tám giờ'),
        ("từ 7h30' đến 11h", 'từ bảy giờ ba mươi đến mười một giờ'),
        ('từ 7h - 11h', 'từ bảy giờ đến mười một giờ'),
        ('từ 7h30-11h30', 'từ bảy giờ ba mươi đến mười một giờ ba mươi'),
        ('từ 13:30 – 17:00', 'từ mười ba giờ ba mươi đến mười bảy giờ'),
        ('lúc 0h', 'lúc không giờ'),
        ('lúc 23h59', 'lúc hai mươi ba giờ năm mươi chín'),
        ('lúc 19h45 tối', 'lúc mười chín giờ bốn mươi lăm tối'),
        ('trong 48 giờ', 'trong bốn mươi tám giờ'),
        ('trong 24h', 'trong hai mươi tư giờ'),
    ],
)
def test_times(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('Lúc 15g45 ngày 12-6', 'Lúc mười lăm giờ bốn mươi lăm ngày mười hai tháng sáu'),
        ('vào lúc 7g30 sáng', 'vào lúc bảy giờ ba mươi sáng'),
        ('khoảng 7g sáng nay', 'khoảng bảy giờ sáng nay'),
        ('lúc 7g', 'lúc bảy giờ'),
        ('từ 7g-11g', 'từ bảy giờ đến mười một giờ'),
        ('từ 7g30 đến 11g', 'từ bảy giờ ba mươi đến mười một giờ'),
        ('từ 13g30 - 17g', 'từ mười ba giờ ba mươi đến mười bảy giờ'),
        ('Đến 21g cùng ngày', 'Đến hai mươi mốt giờ cùng ngày'),
        ('sau 17g, lực lượng', 'sau mười bảy giờ, lực lượng'),
        ("lúc 9g15'", 'lúc chín giờ mười lăm'),
        ('lúc 16h15', 'lúc mười sáu giờ mười lăm'),
        ('lúc 9h', 'lúc chín giờ'),
        ('lúc 6:45:10', 'lúc sáu giờ bốn mươi lăm phút mười giây'),
        ('vào lúc 23:05:09', 'vào lúc hai mươi ba giờ năm phút chín giây'),
        ('kết thúc lúc 10:00:00', 'kết thúc lúc mười giờ'),
        ('về đích với thời gian 2:15:30', 'về đích với thời gian hai giờ mười lăm phút ba mươi giây'),
        ('khối lượng 500g', 'khối lượng năm trăm gam'),
        ('mỗi hộ nhận 5g', 'mỗi hộ nhận năm gam'),
        ('gói 100g', 'gói một trăm gam'),
        ('sau 30s', 'sau ba mươi giây'),
        ('trong vòng 45s', 'trong vòng bốn mươi lăm giây'),
        ('chỉ mất 12s', 'chỉ mất mười hai giây'),
        ('1 phút 30s', 'một phút ba mươi giây'),
        ("thời gian 2'15s", 'thời gian hai phút mười lăm giây'),
        ('chạy 3p20s', 'chạy ba phút hai mươi giây'),
        ('iPhone 6s', 'ai phôn sáu ét sì'),
        ('từ 7-11h', 'từ bảy đến mười một giờ'),
        ('trong 24h', 'trong hai mươi tư giờ'),
        ('lúc 25g', 'lúc hai mươi lăm gam'),
        ('lúc 8:30:00', 'lúc tám giờ ba mươi'),
        ('từ 7:30 - 11:30', 'từ bảy giờ ba mươi đến mười một giờ ba mươi'),
    ],
)
def test_newspaper_times_and_seconds(written: str, spoken: str) -> None:
    """"15g45", "lúc 7g", hh:mm:ss; "g" is grams and "s" a letter unless the context says time."""
    assert_spoken(written, spoken)
