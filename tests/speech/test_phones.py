"""Telephone numbers in every printed form, service numbers and codes, digit by digit."""

from __future__ import annotations

import pytest

from reader.speech.phones import groups
from tests.speech.spoken import assert_spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('Số điện thoại: 0297.3863.456', 'Số điện thoại: không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('ĐT: 0297.3863.456', 'điện thoại: không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('Điện thoại 0297 3863 456', 'Điện thoại không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('liên hệ 02.38765432', 'liên hệ không hai, ba tám bảy sáu, năm bốn ba hai'),
        ('Liên hệ số 024.38765432', 'Liên hệ số không hai bốn, ba tám bảy sáu, năm bốn ba hai'),
        ('(0297) 3 863 456', 'không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('(0297) 3.863.456', 'không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('0913.123.456', 'không chín một ba, một hai ba, bốn năm sáu'),
        ('0913 123 456', 'không chín một ba, một hai ba, bốn năm sáu'),
        ('0913123456', 'không chín một ba, một hai ba, bốn năm sáu'),
        ('0913-123-456', 'không chín một ba, một hai ba, bốn năm sáu'),
        ('+84 913 123 456', 'cộng tám bốn, chín một ba, một hai ba, bốn năm sáu'),
        ('Tổng đài 1900 6789', 'Tổng đài một chín không không, sáu bảy tám chín'),
        ('Tổng đài 1900.545.411', 'Tổng đài một chín không không, năm bốn năm, bốn một một'),
        ('gọi 1800.5678', 'gọi một tám không không, năm sáu bảy tám'),
        ('miễn phí 1800 1091', 'miễn phí một tám không không, một không chín một'),
        ('1900 1234', 'một chín không không, một hai ba bốn'),
        ('gọi 115', 'gọi một một năm'),
        ('gọi ngay 114', 'gọi ngay một một bốn'),
        ('gọi 113 hoặc 114', 'gọi một một ba hoặc một một bốn'),
        ('đường dây nóng 111', 'đường dây nóng một một một'),
        ('bấm số 112', 'bấm số một một hai'),
        ('số 113', 'số một một ba'),
        ('qua số 1022', 'qua số một không hai hai'),
        ('nhà số 115 đường Lê Lợi', 'nhà số một trăm mười lăm đường Lê Lợi'),
        ('số 115 đường', 'số một trăm mười lăm đường'),
        ('số 115/2 đường 3-2', 'số một trăm mười lăm trên hai đường ba tháng hai'),
        ('tổng đài 1022', 'tổng đài một không hai hai'),
        ('Hotline: 0913.123.456', 'Hót lai: không chín một ba, một hai ba, bốn năm sáu'),
        ('Hotline 1022', 'Hót lai một không hai hai'),
        ('mã bưu chính 920000', 'mã bưu chính chín hai không, không không không'),
        ('Mã bưu chính: 91000', 'Mã bưu chính: chín một, không không không'),
        ('số tài khoản 7001 2345 678', 'số tài khoản bảy không không một, hai ba bốn năm, sáu bảy tám'),
        ('mã số thuế 1700123456', 'mã số thuế một bảy không không một, hai ba bốn năm sáu'),
        ('năm 1900', 'năm một nghìn chín trăm'),
        ('có 1900 hộ', 'có một nghìn chín trăm hộ'),
        ('đạt 1800 tấn', 'đạt một nghìn tám trăm tấn'),
        ('gọi 113, 114 hoặc 115', 'gọi một một ba, một một bốn hoặc một một năm'),
        ('tổng đài 113/114', 'tổng đài một một ba, một một bốn'),
        ('(+84) 297 3863 456', 'cộng tám bốn, hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('0297-3863456', 'không hai chín bảy, ba tám sáu, ba bốn năm sáu'),
        ('0913.123456', 'không chín một ba, một hai ba, bốn năm sáu'),
        ('0297 - 3863 456', 'không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('SĐT: 0939 123 456', 'số điện thoại: không chín ba chín, một hai ba, bốn năm sáu'),
        ('Fax: (0297) 3863 457', 'Phách: không hai chín bảy, ba tám sáu ba, bốn năm bảy'),
        ('Điện thoại: 0297.3.863.456', 'Điện thoại: không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
        ('từ 0297 đến 0299', 'từ không hai chín bảy đến không hai chín chín'),
    ],
)
def test_phone_numbers(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("38765432", "ba tám bảy sáu, năm bốn ba hai"),
        ("3851234", "ba tám năm, một hai ba bốn"),
        ("123456", "một hai ba, bốn năm sáu"),
        ("0297", "không hai chín bảy"),
        ("(0297) 3 863", "không hai chín bảy, ba tám sáu ba"),
    ],
)
def test_long_groups_are_said_in_two_parts(written: str, spoken: str) -> None:
    assert groups(written) == spoken
