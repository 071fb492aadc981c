from datetime import datetime

import pytest

from reader.articles.model import VN_TZ
from reader.articles.textdump import breadcrumb, is_chrome, parse_text_dump, parse_time_line
from reader.errors import ExtractError

AN_BIEN = """TIN NỔI BẬT:
Cổng thông tin điện tử huyện An Biên
Xem với cỡ chữAA
Chính trị, xã hội
Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023
(14:30 | 20/12/2023)
Sáng ngày 20/12/2023, UBND huyện An Biên tổ chức Hội nghị tổng kết.
Đến dự có đồng chí Nguyễn Văn Hùng.
...tiếp tục thực hiện tốt nhiệm vụ năm 2024./.
"""

BREADCRUMB = """Trang thông tin điện tử xã Đông Thái
Trang chủ > Tin tức - Sự kiện > Nông nghiệp
Cỡ chữ: A A+ A-
Nông dân xuống giống vụ Đông Xuân
Ngày đăng: 05/01/2024 - 08:15
In bài viết
Tính đến ngày 5/1, nông dân đã xuống giống 6.300 ha.
Năng suất dự kiến 4,5 tấn/ha/.
Tác giả: Quốc Khánh
Lượt xem: 321
"""

NO_PARENS_NO_TIME = """TIN MỚI:
Báo Kiên Giang điện tử
Y tế
Ra quân vận động tham gia BHYT
12/03/2024
Toàn huyện có 93,2% dân số tham gia BHYT.
Chỉ tiêu năm 2024 là 95%.
Tin liên quan
Khám bệnh miễn phí cho người cao tuổi
Các tin khác
"""

DATE_THEN_TIME = """Cổng TTĐT huyện An Biên
Trang chủ / Kinh tế / Giao thông
Khởi công đường giao thông nông thôn
( 22/04/2024 15:20 )
Tuyến đường dài 4,2 km, vốn 18,6 tỷ đồng.
Nguồn: Phòng Kinh tế và Hạ tầng
Chia sẻ
"""

NO_TIME_LINE = """Cổng thông tin điện tử huyện An Biên
Xem với cỡ chữ
A A+ A-
Cảnh báo triều cường

Từ ngày 15/10, triều cường dâng cao.

Người dân chủ động phòng tránh./.
"""

CRLF_AND_NBSP = "Tin tức\r\nThông báo\u00a0lịch  tiếp dân\r\n(9:05|1/2/2024)\r\n\r\nLịch tiếp dân tháng 2.\r\n"


@pytest.mark.parametrize(
    "text, title, category, published, paragraphs",
    [
        (
            AN_BIEN,
            "Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023",
            "Chính trị, xã hội",
            datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ),
            (
                "Sáng ngày 20/12/2023, UBND huyện An Biên tổ chức Hội nghị tổng kết.",
                "Đến dự có đồng chí Nguyễn Văn Hùng.",
                "...tiếp tục thực hiện tốt nhiệm vụ năm 2024.",
            ),
        ),
        (
            BREADCRUMB,
            "Nông dân xuống giống vụ Đông Xuân",
            "Nông nghiệp",
            datetime(2024, 1, 5, 8, 15, tzinfo=VN_TZ),
            ("Tính đến ngày 5/1, nông dân đã xuống giống 6.300 ha.", "Năng suất dự kiến 4,5 tấn/ha."),
        ),
        (
            NO_PARENS_NO_TIME,
            "Ra quân vận động tham gia BHYT",
            "Y tế",
            datetime(2024, 3, 12, tzinfo=VN_TZ),
            ("Toàn huyện có 93,2% dân số tham gia BHYT.", "Chỉ tiêu năm 2024 là 95%."),
        ),
        (
            DATE_THEN_TIME,
            "Khởi công đường giao thông nông thôn",
            "Giao thông",
            datetime(2024, 4, 22, 15, 20, tzinfo=VN_TZ),
            ("Tuyến đường dài 4,2 km, vốn 18,6 tỷ đồng.", "Nguồn: Phòng Kinh tế và Hạ tầng"),
        ),
        (
            NO_TIME_LINE,
            "Cảnh báo triều cường",
            "",
            None,
            ("Từ ngày 15/10, triều cường dâng cao.", "Người dân chủ động phòng tránh."),
        ),
        (
            CRLF_AND_NBSP,
            "Thông báo lịch tiếp dân",
            "Tin tức",
            datetime(2024, 2, 1, 9, 5, tzinfo=VN_TZ),
            ("Lịch tiếp dân tháng 2.",),
        ),
    ],
    ids=["an-bien", "breadcrumb", "date-only", "date-then-time", "no-time-line", "crlf-nbsp"],
)
def test_parse_text_dump(text, title, category, published, paragraphs):
    article = parse_text_dump(text, source="file:x.txt")
    assert article.title == title
    assert article.category == category
    assert article.published == published
    assert article.paragraphs == paragraphs
    assert article.source == "file:x.txt"


def test_author_line_kept_out_of_body():
    article = parse_text_dump(BREADCRUMB)
    assert not any("Quốc Khánh" in p or "Lượt xem" in p for p in article.paragraphs)
    assert article.notes == ("Tác giả: Quốc Khánh",)


def test_decomposed_input_becomes_nfc():
    import unicodedata

    article = parse_text_dump(unicodedata.normalize("NFD", AN_BIEN))
    assert article.title == "Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023"
    assert article.category == "Chính trị, xã hội"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("(14:30 | 20/12/2023)", datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ)),
        ("14:30|20/12/2023", datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ)),
        ("( 14 : 30  |  20 / 12 / 2023 )", datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ)),
        ("(20/12/2023)", datetime(2023, 12, 20, tzinfo=VN_TZ)),
        ("20/12/2023 14:30", datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ)),
        ("20-12-2023 - 14:30", datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ)),
        ("Ngày đăng: 05/01/2024 - 08:15", datetime(2024, 1, 5, 8, 15, tzinfo=VN_TZ)),
        ("14h30 | 20/12/2023", datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ)),
        ("(14:30 | 31/02/2023)", None),
        ("Sáng ngày 20/12/2023, UBND huyện họp", None),
        ("giai đoạn 2021-2025", None),
        ("", None),
    ],
)
def test_parse_time_line(line, expected):
    assert parse_time_line(line) == expected


@pytest.mark.parametrize(
    "line, chrome",
    [
        ("TIN NỔI BẬT:", True),
        ("TIN MỚI:", True),
        ("THÔNG BÁO:", True),
        ("Cổng thông tin điện tử tỉnh Kiên Giang", True),
        ("Trang thông tin điện tử xã Nam Yên", True),
        ("Cổng TTĐT huyện Châu Thành", True),
        ("Báo Kiên Giang", True),
        ("Xem với cỡ chữAA", True),
        ("A A+ A-", True),
        ("Trang chủ > Tin tức > Kinh tế", True),
        ("Trang chủ / Văn hóa", True),
        ("In bài viết", True),
        ("Chia sẻ", True),
        ("", True),
        ("Báo cáo tình hình kinh tế - xã hội năm 2023", False),
        ("Chia sẻ kinh nghiệm nuôi tôm càng xanh", False),
        ("Huyện An Biên tổ chức Hội nghị tổng kết", False),
        ("Chính trị, xã hội", False),
    ],
)
def test_is_chrome(line, chrome):
    assert is_chrome(line) is chrome


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "TIN NỔI BẬT:\nCổng thông tin điện tử huyện An Biên\nXem với cỡ chữAA\n",
        "Chỉ có tiêu đề\n(14:30 | 20/12/2023)\nTác giả: Ai đó\n",
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
    ],
    ids=["empty", "blank", "only-chrome", "title-no-body", "html"],
)
def test_nothing_recognisable_raises(text):
    with pytest.raises(ExtractError):
        parse_text_dump(text)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Trang chủ > Tin tức > Kinh tế", "sure"),
        ("Trang chủ", "sure"),
        ("Home » News", "sure"),
        ("Trang chủ / Kinh tế / Giao thông - Xây dựng", "sure"),
        ("Tin tức » Kinh tế » Nông nghiệp", "sure"),
        ("Tin tức | Chính trị | Xây dựng Đảng", "sure"),
        ("Tin tức - Sự kiện > Nông nghiệp", "maybe"),
        ("Giá lúa tăng > Giá phân bón giảm", "maybe"),
        ("Giá lúa tăng > giá phân bón giảm", None),  # a sentence goes on after the sign
        ("Nhiệt độ > 35 độ C, người dân cần chú ý", None),
        ("Tăng trưởng GRDP năm 2023 > 7%: vượt kế hoạch", None),
        ("Quyết định 123/QĐ-UBND về phê duyệt kế hoạch", None),
        ("Lúa > tôm? Bài toán chuyển đổi ở U Minh Thượng", None),
        ("Huyện An Biên tổ chức hội nghị", None),
    ],
)
def test_breadcrumb_by_structure(line, kind):
    assert breadcrumb(line) == kind


@pytest.mark.parametrize(
    "text, title, category",
    [
        (
            "Cổng TTĐT huyện An Biên\nTin tức > Kinh tế\nGiá lúa tăng > Giá phân bón giảm\n(08:00 | 02/03/2024)\n"
            "Giá lúa tươi tăng 300 đồng mỗi kg.\n",
            "Giá lúa tăng > Giá phân bón giảm",
            "Kinh tế",
        ),
        (
            "Cổng TTĐT huyện An Biên\nGiá lúa tăng > Giá phân bón giảm\n(08:00 | 02/03/2024)\n"
            "Giá lúa tươi tăng 300 đồng mỗi kg.\n",
            "Giá lúa tăng > Giá phân bón giảm",
            "",
        ),
        (
            "Tin tức > Kinh tế\nGiá lúa tăng mạnh\nGiá lúa tươi tăng 300 đồng mỗi kg.\nThương lái thu mua nhiều.\n",
            "Giá lúa tăng mạnh",
            "Kinh tế",
        ),
        (
            "Giá lúa tăng > Giá phân bón giảm\nGiá lúa tươi tăng 300 đồng mỗi kg.\nThương lái thu mua nhiều.\n",
            "Giá lúa tăng > Giá phân bón giảm",
            "",
        ),
        (
            "Trang chủ > Tin tức > Kinh tế\nGiá lúa tăng > giá phân bón giảm\nGiá lúa tươi tăng 300 đồng.\n",
            "Giá lúa tăng > giá phân bón giảm",
            "Kinh tế",
        ),
    ],
    ids=["crumb-then-title", "title-in-title-slot", "no-time-crumb", "no-time-title", "sure-crumb"],
)
def test_titles_with_chevrons_and_trails(text, title, category):
    article = parse_text_dump(text)
    assert (article.title, article.category) == (title, category)
