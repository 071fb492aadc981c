"""Ranges, negatives, percentages, units, money, telephone numbers, ordinals, integers."""

from __future__ import annotations


import pytest

from tests.speech.spoken import assert_spoken



@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            'giai đoạn 2016-2020',
            'giai đoạn hai nghìn không trăm mười sáu đến hai nghìn không trăm hai mươi',
        ),
        (
            'giai đoạn 2021 - 2025',
            'giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm',
        ),
        (
            'nhiệm kỳ 2020–2025',
            'nhiệm kỳ hai nghìn không trăm hai mươi – hai nghìn không trăm hai mươi lăm',
        ),
        (
            'nhiệm kỳ 2020 — 2025',
            'nhiệm kỳ hai nghìn không trăm hai mươi – hai nghìn không trăm hai mươi lăm',
        ),
        ('từ 7 - 10 tấn', 'từ bảy đến mười tấn'),
        ('từ 5–7%', 'từ năm đến bảy phần trăm'),
        ('tăng 2-3%', 'tăng hai đến ba phần trăm'),
        ('khoảng 15-20 triệu đồng', 'khoảng mười lăm đến hai mươi triệu đồng'),
        ('kinh tế - xã hội', 'kinh tế - xã hội'),
        ('Phú Quốc-Kiên Giang', 'Phú Quốc Kiên Giang'),
        ('-5°C', 'âm năm độ C'),
        ('nhiệt độ -2°C', 'nhiệt độ âm hai độ C'),
        ('từ -2 đến 5°C', 'từ âm hai đến năm độ C'),
        ('giảm -2%', 'giảm âm hai phần trăm'),
        ('COVID-19', 'Cô vít mười chín'),
        ('đạt 98,5%', 'đạt chín mươi tám phẩy năm phần trăm'),
        ('tăng 12 %', 'tăng mười hai phần trăm'),
        ('59 %', 'năm mươi chín phần trăm'),
        ('0,5%', 'không phẩy năm phần trăm'),
        ('đạt 100%.', 'đạt một trăm phần trăm.'),
        ('dài 5km', 'dài năm ki lô mét'),
        ('dài 12,5 km', 'dài mười hai phẩy năm ki lô mét'),
        ('1.200 ha lúa', 'một nghìn hai trăm héc ta lúa'),
        ('3 nghìn ha', 'ba nghìn héc ta'),
        ('50kg gạo', 'năm mươi ki lô gam gạo'),
        ('rộng 6m', 'rộng sáu mét'),
        ('rộng 5 m đường', 'rộng năm mét đường'),
        ('cao 3m trồng cây', 'cao ba mét trồng cây'),
        ('120 m2', 'một trăm hai mươi mét vuông'),
        ('120 m²', 'một trăm hai mươi mét vuông'),
        ('500 m3 nước', 'năm trăm mét khối nước'),
        ('30°C', 'ba mươi độ C'),
        ('1.250.000.000 đồng', 'một tỷ hai trăm năm mươi triệu đồng'),
        ('1.250.000 đ', 'một triệu hai trăm năm mươi nghìn đồng'),
        ('500.000 VNĐ', 'năm trăm nghìn đồng'),
        ('200.000 VND', 'hai trăm nghìn đồng'),
        ('100 USD', 'một trăm đô la Mỹ'),
        ('2 triệu USD', 'hai triệu đô la Mỹ'),
        ('1,5 tỷ đồng', 'một phẩy năm tỷ đồng'),
        ('3,5 tỷ VNĐ', 'ba phẩy năm tỷ đồng'),
        ('giá 7.500đ/kg', 'giá bảy nghìn năm trăm đồng một ki lô gam'),
        ('25.000 đ/kg', 'hai mươi lăm nghìn đồng một ki lô gam'),
        ('100.000 đồng/ngày', 'một trăm nghìn đồng một ngày'),
        ('2.000.000 đồng/người/tháng', 'hai triệu đồng một người một tháng'),
        ('350 người/km²', 'ba trăm năm mươi người một ki lô mét vuông'),
        ('7,2 tấn/ha', 'bảy phẩy hai tấn một héc ta'),
        ('60km/h', 'sáu mươi ki lô mét một giờ'),
        ('3 tạ', 'ba tạ'),
        ('5 mẫu', 'năm mẫu'),
        ('10 lít', 'mười lít'),
        ('0913.123.456', 'không chín một ba, một hai ba, bốn năm sáu'),
        ('0913 123 456', 'không chín một ba, một hai ba, bốn năm sáu'),
        ('0297 3851 234', 'không hai chín bảy, ba tám năm một, hai ba bốn'),
        ('(0297) 3.851.234', 'không hai chín bảy, ba tám năm một, hai ba bốn'),
        ('0297.3851234', 'không hai chín bảy, ba tám năm, một hai ba bốn'),
        ('+84 913 123 456', 'cộng tám bốn, chín một ba, một hai ba, bốn năm sáu'),
        ('đường dây nóng 1022', 'đường dây nóng một không hai hai'),
        ('Hotline: 1900 1234', 'Hót lai: một chín không không, một hai ba bốn'),
        ('số điện thoại 113', 'số điện thoại một một ba'),
        ('lần thứ 1', 'lần thứ nhất'),
        ('thứ 4', 'thứ tư'),
        ('Thứ 2', 'Thứ hai'),
        ('tháng 4', 'tháng tư'),
        ('tháng 1', 'tháng một'),
        ('tháng 11', 'tháng mười một'),
        ('1.250 hộ', 'một nghìn hai trăm năm mươi hộ'),
        ('1.005 hộ', 'một nghìn không trăm linh năm hộ'),
        ('3,5 tỷ', 'ba phẩy năm tỷ'),
        ('0,05 tấn', 'không phẩy không năm tấn'),
        ('1.250.000,5', 'một triệu hai trăm năm mươi nghìn phẩy năm'),
        ('mục 1.2', 'mục một chấm hai'),
        ('tổ 05', 'tổ không năm'),
        ('101 hộ', 'một trăm linh một hộ'),
        ('1.000.000.000.000.000 đồng', 'một triệu tỷ đồng'),
        ('30.000 người', 'ba mươi nghìn người'),
        ('1.050.000 đồng', 'một triệu không trăm năm mươi nghìn đồng'),
    ],
)
def test_quantities(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('công suất 2x63 MVA', 'công suất hai nhân sáu mươi ba mê ga vôn am pe'),
        ('phòng 3 x 4m', 'phòng ba nhân bốn mét'),
        ('ảnh 10×15 cm', 'ảnh mười nhân mười lăm xen ti mét'),
        ('Xe 4x4', 'Xe bốn nhân bốn'),
    ],
)
def test_products(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)
