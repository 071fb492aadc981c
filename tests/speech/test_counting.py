"""Counts written with a zero ("05 hộ"), and match results ("thắng 2-1")."""

from __future__ import annotations

import pytest

from reader.speech import counting
from tests.speech.spoken import assert_spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ('có 05 hộ dân', 'có năm hộ dân'),
        ('gồm 03 đồng chí', 'gồm ba đồng chí'),
        ('06 xã, thị trấn', 'sáu xã, thị trấn'),
        ('Đoàn đã thăm 04 gia đình chính sách', 'Đoàn đã thăm bốn gia đình chính sách'),
        ('trao 010 suất quà', 'trao mười suất quà'),
        ('hỗ trợ 02 căn nhà', 'hỗ trợ hai căn nhà'),
        ('từ 02-05 ngày', 'từ hai đến năm ngày'),
        ('bắt giữ 03 đối tượng', 'bắt giữ ba đối tượng'),
        ('phát hiện 07 vụ vi phạm', 'phát hiện bảy vụ vi phạm'),
        ('có 09 trường hợp', 'có chín trường hợp'),
        ('xử lý 02 phương tiện', 'xử lý hai phương tiện'),
        ('tặng 05 xe đạp', 'tặng năm xe đạp'),
        ('khen thưởng 08 tập thể và 12 cá nhân', 'khen thưởng tám tập thể và mười hai cá nhân'),
        ('kéo dài 03 tháng', 'kéo dài ba tháng'),
        ('trong 02 năm', 'trong hai năm'),
        ('diện tích 05 ha', 'diện tích năm héc ta'),
        ('xây 01 cây cầu', 'xây một cây cầu'),
        ('thành lập 01 tổ hợp tác', 'thành lập một tổ hợp tác'),
        ('cấp 06 con bò giống', 'cấp sáu con bò giống'),
        ('tổ 05', 'tổ không năm'),
        ('Tổ 05 ấp Xẻo Nhàu', 'Tổ không năm ấp Xẻo Nhàu'),
        ('khu phố 03', 'khu phố không ba'),
        ('số nhà 07', 'số nhà không bảy'),
        ('mã 012', 'mã không một hai'),
        ('phòng 03', 'phòng không ba'),
        ('Việt Nam thắng Thái Lan 2-1', 'Việt Nam thắng Thái Lan hai một'),
        ('đội tuyển hòa 1-1', 'đội tuyển hòa một một'),
        ('thua 0-3 trước', 'thua không ba trước'),
        ('với tỷ số 3 - 2', 'với tỷ số ba hai'),
        ('đánh bại đội bạn với tỷ số 4-0', 'đánh bại đội bạn với tỷ số bốn không'),
        ('chung cuộc 2-2', 'chung cuộc hai hai'),
        ('Đội tuyển Việt Nam thắng 3-0 trước Lào', 'Đội tuyển Việt Nam thắng ba không trước Lào'),
        ('đội bóng xã Nam Thái hòa 0-0', 'đội bóng xã Nam Thái hòa không không'),
        ('thắng 2–1 sau 90 phút', 'thắng hai một sau chín mươi phút'),
        ('cầm hòa đối thủ 1-1', 'cầm hòa đối thủ một một'),
        ('để thua 1-2', 'để thua một hai'),
        ('tỷ số 3:1', 'tỷ số ba một'),
        ('kết quả 2-0 nghiêng về đội chủ nhà', 'kết quả hai không nghiêng về đội chủ nhà'),
        ('chiến thắng 3-1', 'chiến thắng ba một'),
        ('thắng 2-3 trận', 'thắng hai đến ba trận'),
        ('xe 04 chỗ', 'xe bốn chỗ'),
        ('có 02 trận thắng', 'có hai trận thắng'),
        ('tăng 2-3 bậc', 'tăng hai đến ba bậc'),
        ('Mỗi hộ được 01 thùng mì và 02 bình nước.', 'Mỗi hộ được một thùng mì và hai bình nước.'),
        ('Điều 05 quy định', 'Điều năm quy định'),
        ('Tổ 05 ấp Xẻo Nhàu', 'Tổ không năm ấp Xẻo Nhàu'),
        ('phòng 03 tầng 2', 'phòng không ba tầng hai'),
        ('mã 012 của', 'mã không một hai của'),
        ('có 05 MW', 'có năm mê ga oát'),
        ('lúc 07 giờ 05', 'lúc bảy giờ năm phút'),
        ('lúc 07g05', 'lúc bảy giờ năm phút'),
        ('Kỷ niệm 49 năm Chiến thắng 30-4', 'Kỷ niệm bốn mươi chín năm Chiến thắng ba mươi tháng tư'),
        ('kỷ niệm 70 năm chiến thắng Điện Biên Phủ 7-5', 'kỷ niệm bảy mươi năm chiến thắng Điện Biên Phủ bảy tháng năm'),
        ('mừng chiến thắng 30-4', 'mừng chiến thắng ba mươi tháng tư'),
        ('đội nhà thắng 3-2', 'đội nhà thắng ba hai'),
        ('Đại thắng mùa Xuân 30-4', 'Đại thắng mùa Xuân ba mươi tháng tư'),
        ('chiến thắng 2-1 trước đối thủ', 'chiến thắng hai một trước đối thủ'),
        ('Chiều ngày 12-6, đội A thắng đội Tây Yên 3-1.', 'Chiều ngày mười hai tháng sáu, đội A thắng đội Tây Yên ba một.'),
    ],
)
def test_padded_counts_and_scores(written: str, spoken: str) -> None:
    """Convention: a score is said number by number, "thắng hai một" (no "với")."""
    assert_spoken(written, spoken)


@pytest.mark.parametrize(
    ("text", "counted"),
    [("5 hộ dân", True), ("5 đồng chí", True), ("5 km", True), ("5 ki lô mét", True),
     ("5%", True), ("5 tháng", True), ("5, huyện", False), ("5 Thái Lan", False),
     ("5 nhưng", False)],
)
def test_is_counted(text: str, counted: bool) -> None:
    assert counting.is_counted(text, 1) is counted
