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
