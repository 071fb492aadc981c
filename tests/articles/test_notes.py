"""Signatures, credits and captions are kept apart from what is read aloud."""

from __future__ import annotations

import pytest

from reader.articles.html import parse_html
from reader.articles.notes import is_caption, is_credit, is_signature, split_notes
from reader.articles.samples import load_samples
from reader.articles.textdump import parse_text_dump
from tests.fakes.portal import article_page

END = "Huyện đề nghị các xã tiếp tục thực hiện tốt nhiệm vụ năm 2024./."


@pytest.mark.parametrize(
    "line",
    ["Q.A", "HL", "T.T.H", "PV", "(TTXVN)", "TTXVN", "- HL", "— Q.A", "Q.Anh", "N.T.Hà", "Q.A - HL",
     "(VOV)", "[TTXVN]", "HL.", "Minh Thư", "Nguyễn Thị Lan", "Thu Hà (TTXVN)", "Minh Thư - Quốc Khánh",
     "- Thanh Tâm", "Hoàng Lâm - Báo Kiên Giang", "Thanh Tâm (Đài TT huyện)"],
)
def test_signatures(line):
    assert is_signature(line)


@pytest.mark.parametrize(
    "line",
    ["Nguồn: Báo Kiên Giang", "(Nguồn: TTXVN)", "Theo TTXVN", "Huyện An Biên tổ chức hội nghị.",
     "Chúc mừng năm mới", "Năm 2024", "Tổ 3", "Xem chi tiết:", "Đông Thái, Đông Yên,",
     "Minh Thư ngụ ấp Xẻo Đước cho biết thêm về mô hình này"],
)
def test_not_signatures(line):
    assert not is_signature(line)


@pytest.mark.parametrize("line", ["Q.A", "HL", "(TTXVN)", "T.T.H - PV"])
def test_initials_are_signatures_even_without_names(line):
    assert is_signature(line, names=False)


@pytest.mark.parametrize("line", ["Minh Thư", "Thu Hà - Nguyễn Lan"])
def test_names_need_the_name_rule(line):
    assert not is_signature(line, names=False)


@pytest.mark.parametrize(
    "line",
    ["Tác giả: Minh Thư", "Ảnh: Q.A", "Ảnh: internet", "(Ảnh minh họa)", "Ảnh minh hoạ", "Tin, ảnh: HL",
     "Bài và ảnh: Thanh Tâm", "Tin và ảnh: Quốc Khánh", "BTV: Lan Anh", "CTV: Hoàng Minh", "PV: Minh Thư",
     "Người viết: Nguyễn Văn A", "Video: Đài TT huyện", "Đồ họa: Minh Thư", "Ảnh tư liệu", "Thực hiện: Nhóm PV"],
)
def test_credits(line):
    assert is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Quang cảnh hội nghị. Ảnh: Q.A",
        "Quang cảnh hội nghị (Ảnh: HL)",
        "Lãnh đạo huyện trao quà cho hộ nghèo. (Ảnh minh họa)",
        "Đ/c Nguyễn Văn Hùng (giữa) trao quà cho hộ nghèo",
        "Bà Phạm Thị Hồng (thứ hai từ trái sang) tặng hoa các đại biểu",
        "Lãnh đạo huyện (bìa phải) thăm mô hình nuôi tôm",
        "Toàn cảnh buổi lễ ra quân",
        "Quang cảnh hội nghị",
        "Các đại biểu dự lễ khởi công",
        "Nông dân thu hoạch lúa - Ảnh: Minh Thư",
    ],
)
def test_captions(line):
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Cảnh giác với thủ đoạn lừa đảo qua mạng xã hội",
        "Theo báo cáo, năm 2023 toàn huyện có 98,5% hộ dân sử dụng điện lưới quốc gia.",
        "(Nguồn: Văn phòng UBND huyện)",
        "Người dân cần chụp ảnh căn cước công dân khi làm thủ tục.",
        "Ông Lê Văn Tám, ngụ ấp Xẻo Đước, cho biết: “Gia đình tôi có 3 ha lúa - tôm”.",
    ],
)
def test_not_captions(line):
    assert not is_caption(line) and not is_credit(line)


@pytest.mark.parametrize(
    "lines, body, notes",
    [
        ([END, "Q.A"], [END], ["Q.A"]),
        ([END, "Minh Thư"], [END], ["Minh Thư"]),
        ([END, "(TTXVN)"], [END], ["(TTXVN)"]),
        ([END + " HL"], [END], ["HL"]),
        (["Nội dung bài viết đạt kết quả tốt. (TTXVN)"], ["Nội dung bài viết đạt kết quả tốt."], ["(TTXVN)"]),
        ([END, "Nguồn: Báo Kiên Giang", "Q.A"], [END, "Nguồn: Báo Kiên Giang"], ["Q.A"]),
        ([END, "Tác giả: Minh Thư", "Ảnh: HL"], [END], ["Tác giả: Minh Thư", "Ảnh: HL"]),
        (["Mở đầu bài.", "Quang cảnh hội nghị. Ảnh: Q.A", END], ["Mở đầu bài.", END], ["Quang cảnh hội nghị. Ảnh: Q.A"]),
        (["(TTXVN) - Sáng nay, hội nghị khai mạc.", END], ["Sáng nay, hội nghị khai mạc.", END], ["(TTXVN)"]),
        # A name-like last line that does not follow a finished sentence is the text itself.
        (["Các xã tham gia gồm:", "Đông Thái"], ["Các xã tham gia gồm:", "Đông Thái"], []),
        (["Lời kêu gọi của huyện", "Chung Tay Vì Người Nghèo"], ["Lời kêu gọi của huyện", "Chung Tay Vì Người Nghèo"], []),
    ],
)
def test_split_notes(lines, body, notes):
    assert split_notes(lines) == (body, notes)


def test_html_captions_are_notes_whatever_their_words():
    html = article_page(
        "Huyện An Biên tổ chức Hội nghị tổng kết", "Chính trị", "14:30 | 20/12/2023",
        [
            "Sáng ngày 20/12/2023, UBND huyện An Biên tổ chức Hội nghị tổng kết năm 2023.",
            '<figure><img src="a.jpg"><figcaption>Lãnh đạo huyện phát biểu khai mạc</figcaption></figure>',
            '<table class="image"><tr><td><img src="b.jpg"></td></tr><tr><td>Trao quà cho hộ nghèo</td></tr></table>',
            '<p style="text-align:center"><img src="c.jpg"><br><em>Bà con nhận quà Tết</em></p>',
            '<p><img src="icon.png"> Người dân đến nhận quà từ rất sớm.</p>',
            "Năm 2023, tổng giá trị sản xuất ước đạt 12.450 tỷ đồng./.",
            "(Nguồn: Văn phòng HĐND và UBND huyện)",
            "<strong>Q.A</strong>",
            "Lượt xem: 1.024 | In bài | Chia sẻ",
        ],
    )
    article = parse_html(html, "http://portal.example/a.html")
    assert article.paragraphs == (
        "Sáng ngày 20/12/2023, UBND huyện An Biên tổ chức Hội nghị tổng kết năm 2023.",
        "Người dân đến nhận quà từ rất sớm.",
        "Năm 2023, tổng giá trị sản xuất ước đạt 12.450 tỷ đồng./.",
        "(Nguồn: Văn phòng HĐND và UBND huyện)",
    )
    assert set(article.notes) == {
        "Lãnh đạo huyện phát biểu khai mạc", "Trao quà cho hộ nghèo", "Bà con nhận quà Tết", "Q.A",
        "Tác giả: Minh Thư",
    }


def test_text_dump_with_captions_signature_and_counters():
    dump = """Cổng TTĐT huyện An Biên
Kinh tế
Nông dân thu hoạch lúa Đông Xuân
(09:15 | 05/03/2024)
(KGO) - Những ngày này, nông dân xã Đông Thái tập trung thu hoạch lúa.
Nông dân xã Đông Thái thu hoạch lúa. Ảnh: Q.A
Năng suất bình quân đạt 7 tấn mỗi ha.
(Nguồn: Trạm Trồng trọt huyện)
Thanh Tâm
Lượt xem: 1.024
Số lượt đọc: 35
In bài
Chia sẻ
"""
    article = parse_text_dump(dump)
    assert article.paragraphs == (
        "Những ngày này, nông dân xã Đông Thái tập trung thu hoạch lúa.",
        "Năng suất bình quân đạt 7 tấn mỗi ha.",
        "(Nguồn: Trạm Trồng trọt huyện)",
    )
    assert article.notes == ("(KGO)", "Nông dân xã Đông Thái thu hoạch lúa. Ảnh: Q.A", "Thanh Tâm")


def test_samples_keep_the_source_line_and_note_the_author():
    by_name = {a.source.split(":", 1)[1]: a for a in load_samples()}
    assert by_name["01-hoi-nghi-tong-ket-2023.txt"].notes == ("Tác giả: Minh Thư",)
    assert by_name["02-lua-tom-dong-xuan.txt"].paragraphs[-1].startswith("Nguồn: Trạm Trồng trọt")
    assert by_name["05-canh-bao-trieu-cuong.txt"].paragraphs[-1].startswith("Nguồn: Ban Chỉ huy PCTT")
    for article in by_name.values():
        assert not any("Lượt xem" in n or "Chia sẻ" in n or "In bài" in n for n in article.notes)


def test_a_provincial_newspaper_dump():
    dump = """BÁO KIÊN GIANG ĐIỆN TỬ
Thời sự
Chính trị
Kiên Giang: Hơn 2.000 hộ dân được hỗ trợ sửa chữa nhà ở
Thứ Hai, 15/04/2024 | 09:45
(KGO) - Sáng 15-4, UBND tỉnh Kiên Giang tổ chức hội nghị sơ kết chương trình hỗ trợ nhà ở cho hộ nghèo.
Quang cảnh hội nghị. Ảnh: HOÀNG LÂM
Theo báo cáo, năm 2023 toàn tỉnh đã hỗ trợ 2.150 hộ sửa chữa, xây mới nhà ở với tổng kinh phí hơn 86 tỷ đồng.
Đồng chí Lê Quốc Anh, Phó Chủ tịch UBND tỉnh (đứng giữa) trao quà cho hộ nghèo.
Phát biểu tại hội nghị, đồng chí Lê Quốc Anh đề nghị các địa phương tiếp tục rà soát, hỗ trợ kịp thời.
HOÀNG LÂM
Chia sẻ
Từ khóa: nhà ở, hộ nghèo
Tin cùng chuyên mục
Khởi công nhà đại đoàn kết
"""
    article = parse_text_dump(dump)
    assert article.title == "Kiên Giang: Hơn 2.000 hộ dân được hỗ trợ sửa chữa nhà ở"
    assert article.category == "Chính trị"
    assert [p.split(",")[0] for p in article.paragraphs] == [
        "Sáng 15-4", "Theo báo cáo", "Phát biểu tại hội nghị",
    ]
    assert article.notes == (
        "(KGO)", "Quang cảnh hội nghị. Ảnh: HOÀNG LÂM",
        "Đồng chí Lê Quốc Anh, Phó Chủ tịch UBND tỉnh (đứng giữa) trao quà cho hộ nghèo.", "HOÀNG LÂM",
    )


@pytest.mark.parametrize("line", ["ông Tám", "Ủy ban nhân dân", "xã Đông Thái"])
def test_lowercase_words_are_not_names(line):
    assert not is_signature(line)
