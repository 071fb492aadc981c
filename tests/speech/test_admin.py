"""The language of administration: abbreviations (some by context), list markers, capitals.

Expected sides are what a Vietnamese news announcer says. Rules are tested alone and
through ``normalize``; the invariants hold for every written form of these tables.
"""

from __future__ import annotations

import re

import pytest

from reader.speech import admin, lexicon, lists, spelling
from reader.speech.normalize import normalize, tidy

CONTEXT = [
    ("Công ty CP Xây dựng", "Công ty cổ phần Xây dựng"),
    ("Cty TNHH CP", "Cty TNHH cổ phần"),
    ("Văn phòng CP", "Văn phòng CP"),
    ("CT UBND huyện", "Chủ tịch UBND huyện"),
    ("CT HĐND xã", "Chủ tịch HĐND xã"),
    ("CT Hội Nông dân", "Chủ tịch Hội Nông dân"),
    ("theo CT số 5", "theo CT số 5"),
    ("TT Y tế huyện", "Trung tâm Y tế huyện"),
    ("TT Văn hóa - Thể thao", "Trung tâm Văn hóa - Thể thao"),
    ("TT Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công"),
    ("TT Thứ Ba", "thị trấn Thứ Ba"),
    ("TT Kiên Lương", "thị trấn Kiên Lương"),
]


@pytest.mark.parametrize(("written", "spoken"), CONTEXT)
def test_read_in_context(written: str, spoken: str) -> None:
    assert tidy(admin.read_in_context(written)) == spoken


PLACES = [
    ("Q.1", "quận 1"),
    ("tại Q. Ninh Kiều", "tại quận Ninh Kiều"),
    ("tại Q.Ninh Kiều", "tại quận Ninh Kiều"),
    ("P. Vĩnh Thanh", "phường Vĩnh Thanh"),
    ("P.5", "phường 5"),
    ("xã Đông Thái, H. An Biên", "xã Đông Thái, huyện An Biên"),
    ("X. Nam Thái", "xã Nam Thái"),
    ("ông Nguyễn Văn Q. Ninh", "ông Nguyễn Văn Q. Ninh"),
    ("ông Lê Văn H. Kiên", "ông Lê Văn H. Kiên"),
    ("Ủy ban nhân dân Q. Ninh Kiều", "Ủy ban nhân dân quận Ninh Kiều"),
    ("tại P. “Vĩnh Thanh”", "tại phường “Vĩnh Thanh”"),
]


@pytest.mark.parametrize(("written", "spoken"), PLACES)
def test_read_place_initials(written: str, spoken: str) -> None:
    assert tidy(admin.read_place_initials(written)) == spoken


LEXICON = [
    ("Đ/c Nguyễn Văn A", "đồng chí Nguyễn Văn A"),
    ("TP. Rạch Giá", "thành phố Rạch Giá"),
    ("TP Rạch Giá", "thành phố Rạch Giá"),
    ("ThS. Lê Văn B", "thạc sĩ Lê Văn B"),
    ("TS. Trần C", "tiến sĩ Trần C"),
    ("PGS.TS. Trần Văn B", "phó giáo sư tiến sĩ Trần Văn B"),
    ("PGS.TS Trần Văn B", "phó giáo sư tiến sĩ Trần Văn B"),
    ("Sở GD&ĐT", "Sở giáo dục và đào tạo"),
    ("Phòng GDĐT", "Phòng giáo dục và đào tạo"),
    ("Ban Thường vụ HU", "Ban Thường vụ Huyện ủy"),
    ("BTV TU", "Ban Thường vụ Tỉnh ủy"),
    ("BCH ĐU xã", "Ban Chấp hành Đảng ủy xã"),
    ("Hội CCB", "Hội Cựu chiến binh"),
    ("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh"),
    ("ĐTN xã", "Đoàn Thanh niên xã"),
    ("HLHPN huyện", "Hội Liên hiệp Phụ nữ huyện"),
    ("HND xã", "Hội Nông dân xã"),
    ("thẻ BHYT", "thẻ bảo hiểm y tế"),
    ("BHTN", "bảo hiểm thất nghiệp"),
    ("phát triển KT-XH", "phát triển kinh tế, xã hội"),
    ("bảo đảm QP-AN", "bảo đảm quốc phòng, an ninh"),
    ("giữ vững ANQP", "giữ vững an ninh quốc phòng"),
    ("công tác CCHC", "công tác cải cách hành chính"),
    ("công tác TĐKT", "công tác thi đua, khen thưởng"),
    ("xây dựng NTM", "xây dựng nông thôn mới"),
    ("đi XKLĐ", "đi xuất khẩu lao động"),
    ("HTX nông nghiệp", "hợp tác xã nông nghiệp"),
    ("THT trồng lúa", "tổ hợp tác trồng lúa"),
    ("CLB dưỡng sinh", "câu lạc bộ dưỡng sinh"),
    ("BCĐ huyện", "Ban Chỉ đạo huyện"),
    ("UBKT Huyện ủy", "Ủy ban Kiểm tra Huyện ủy"),
    ("VKSND huyện", "Viện Kiểm sát nhân dân huyện"),
    ("TAND tỉnh", "Tòa án nhân dân tỉnh"),
    ("CA huyện", "công an huyện"),
    ("đội PCCC", "đội phòng cháy chữa cháy"),
    ("công tác PCTT&TKCN", "công tác phòng chống thiên tai và tìm kiếm cứu nạn"),
    ("ứng phó BĐKH", "ứng phó biến đổi khí hậu"),
    ("bảo đảm ATGT", "bảo đảm an toàn giao thông"),
    ("VSATTP", "vệ sinh an toàn thực phẩm"),
    ("ứng dụng KHKT", "ứng dụng khoa học kỹ thuật"),
    ("ngành CNTT", "ngành công nghệ thông tin"),
    ("thúc đẩy CĐS", "thúc đẩy chuyển đổi số"),
    ("giải quyết TTHC", "giải quyết thủ tục hành chính"),
    ("DVC trực tuyến", "dịch vụ công trực tuyến"),
    ("tiếp nhận PAKN", "tiếp nhận phản ánh, kiến nghị"),
    ("công tác PCTN", "công tác phòng, chống tham nhũng"),
    ("Trường THPT An Biên", "Trường trung học phổ thông An Biên"),
    ("MTTQ xã", "Mặt trận Tổ quốc xã"),
    ("Công ty TNHH MTV", "Công ty trách nhiệm hữu hạn một thành viên"),
    ("Ngân hàng TMCP", "Ngân hàng thương mại cổ phần"),
    ("NHCSXH huyện", "Ngân hàng Chính sách xã hội huyện"),
    ("PCT UBND huyện", "Phó Chủ tịch Ủy ban nhân dân huyện"),
    ("PBT Thường trực HU", "Phó Bí thư Thường trực Huyện ủy"),
    ("CT UBND huyện", "Chủ tịch Ủy ban nhân dân huyện"),
    ("Văn phòng CP", "Văn phòng Chính phủ"),
    ("Công ty CP Xây dựng", "Công ty cổ phần Xây dựng"),
    ("TT Y tế huyện", "Trung tâm Y tế huyện"),
    ("TT Thứ Ba", "thị trấn Thứ Ba"),
    ("TT. Thứ Ba", "thị trấn Thứ Ba"),
    ("Sở TT&TT", "Sở thông tin và truyền thông"),
    ("các nước ASEAN", "các nước a xê an"),
    ("dịch COVID-19", "dịch Cô vít mười chín"),
    ("sản phẩm OCOP", "sản phẩm ô cốp"),
    ("gia nhập WTO", "gia nhập vê kép tê ô"),
    ("A & B", "A và B"),
    ("tỷ giá USD", "tỷ giá đô la Mỹ"),
]


@pytest.mark.parametrize(("written", "spoken"), LEXICON)
def test_abbreviations_through_normalize(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


LISTS = [
    ("1. Tăng cường công tác", "Thứ nhất, Tăng cường công tác"),
    ("2) Đẩy mạnh", "Thứ hai, Đẩy mạnh"),
    ("4/ Rà soát", "Thứ tư, Rà soát"),
    ("14. Nội dung khác", "Thứ mười bốn, Nội dung khác"),
    ("1.1. Mục tiêu chung", "Mục tiêu chung"),
    ("2.3) Mục tiêu cụ thể", "Mục tiêu cụ thể"),
    ("a) Rà soát", "Rà soát"),
    ("a ) Rà soát", "Rà soát"),
    ("x ) ngày", "ngày"),
    ("gồm: a ) rà soát; b ) kiểm tra", "gồm: rà soát; kiểm tra"),
    ("b. Tổng hợp", "Tổng hợp"),
    ("đ) Các nội dung", "Các nội dung"),
    ("gồm: a) Rà soát; b) Tổng hợp", "gồm: Rà soát; Tổng hợp"),
    ("- Đẩy mạnh", "Đẩy mạnh"),
    ("-Đẩy mạnh", "Đẩy mạnh"),
    ("+ Hỗ trợ", "Hỗ trợ"),
    ("• Nội dung", "Nội dung"),
    ("* Lưu ý", "Lưu ý"),
    ("– Tiếp tục", "Tiếp tục"),
    ("-5 độ", "-5 độ"),
    ("1.250 hộ", "1.250 hộ"),
    ("2023. Năm", "2023. Năm"),
    ("b.Tăng cường", "Tăng cường"),
    ("v.v. là", "v.v. là"),
    ("“1. Tăng cường", "Thứ nhất, Tăng cường"),
]


@pytest.mark.parametrize(("written", "spoken"), LISTS)
def test_read_list_markers(written: str, spoken: str) -> None:
    assert lists.read_list_markers(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("1. Tăng cường CCHC.", "Thứ nhất, Tăng cường cải cách hành chính."),
        ("+ Hỗ trợ 5 hộ.", "Hỗ trợ năm hộ."),
        ("“Ngày hội OCOP” (UBND)", "Ngày hội ô cốp (Ủy ban nhân dân)"),
        ("Chương trình “Vì người nghèo”.", "Chương trình Vì người nghèo."),
        ("[1] Tin mới", "một Tin mới"),
        ("«Tết sum vầy»", "Tết sum vầy"),
        ("‘Mái ấm’", "Mái ấm"),
        ("(XYZ)", "(ích xì i dài dét)"),
    ],
)
def test_lists_quotes_and_brackets(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


SPELLED = [
    ("ABCD", "a bê xê đê"),
    ("XYZT", "ích xì i dài dét tê"),
    ("tăng GDP", "tăng giê đê pê"),
    ("chỉ số GRDP", "chỉ số giê e rờ đê pê"),
    ("vốn ODA", "vốn ô đê a"),
    ("thuế VAT", "thuế vê a tê"),
    ("HIV/AIDS", "hát i vê ết"),
    ("ca F0", "ca ép không"),
    ("cúm H5N1", "cúm hát năm en nờ một"),
    ("đội U23", "đội u hai mươi ba"),
    ("lớp 10A1", "lớp mười a một"),
    ("BTVHU", "Ban Thường vụ Huyện ủy"),
    ("UBND HUYỆN", "Ủy ban nhân dân Huyện"),
    ("ĐẮK LẮK", "Đắk Lắk"),
    ("HỘI THI ABC", "Hội Thi a bê xê"),
    ("100MW", "một trăm mê ga oát"),
    ("5 USD", "năm đô la Mỹ"),
    ("Ông Nguyễn Văn A", "Ông Nguyễn Văn A"),
]


@pytest.mark.parametrize(("written", "spoken"), SPELLED)
def test_unknown_capitals_are_spelled(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


@pytest.mark.parametrize(
    ("token", "spoken"),
    [
        ("ABC", "a bê xê"),
        ("ĐƯ", "đê ư"),
        ("WQ", "vê kép quy"),
        ("ẮK", "á ca"),
        ("LMNRS", "e lờ em mờ en nờ e rờ ét sì"),
    ],
)
def test_spell(token: str, spoken: str) -> None:
    assert spelling.spell(token) == spoken


def test_roman_numerals_are_left_to_the_number_rules() -> None:
    assert spelling.spell_capitals("khóa XV") == "khóa XV"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("TỔNG KẾT NĂM HỌC", "Tổng Kết Năm Học"),
        ("HỘI NGHỊ BCH ĐẢNG BỘ", "Hội Nghị BCH Đảng Bộ"),
        ("HỘI THI ABC TOÀN HUYỆN", "Hội Thi ABC Toàn Huyện"),
        ("ĐẠI HỘI LẦN THỨ XIII", "Đại Hội Lần Thứ XIII"),
        ("LIÊN HOAN CA MÚA NHẠC", "Liên Hoan Ca Múa Nhạc"),
    ],
)
def test_soften_capitals_keeps_what_is_no_word(written: str, spoken: str) -> None:
    assert admin.soften_capitals(written) == spoken


ALL_WRITTEN = [w for w, _ in CONTEXT + PLACES + LEXICON + LISTS + SPELLED]
_CAPITAL_RUN = re.compile(r"(?<![^\W\d_])[" + spelling.UPPER + r"]{2,}(?![^\W\d_])")


@pytest.mark.parametrize("written", ALL_WRITTEN)
def test_normalize_is_idempotent_and_leaves_no_capital_run(written: str) -> None:
    spoken = normalize(written)
    assert normalize(spoken) == spoken
    assert not _CAPITAL_RUN.search(spoken), spoken


def test_every_abbreviation_is_read_without_capitals() -> None:
    for written in lexicon.abbreviations():
        spoken = normalize(f"theo {written} mới")
        assert not _CAPITAL_RUN.search(spoken), (written, spoken)
        assert normalize(spoken) == spoken, written


def test_rule_order() -> None:
    assert admin.RULES[0] is lists.read_list_markers
    assert admin.RULES.index(admin.soften_capitals) < admin.RULES.index(admin.expand_abbreviations)
    assert admin.RULES[-1] is spelling.spell_capitals


GLUED = [
    ("giống lúa ST25", "giống lúa ét sì tê hai mươi lăm"),
    ("giống OM5451", "giống ô em mờ năm bốn năm một"),
    ("đội tuyển U23", "đội tuyển u hai mươi ba"),
    ("cúm A H5N1", "cúm A hát năm en nờ một"),
    ("ca F0 mới", "ca ép không mới"),
    ("mẫu A05", "mẫu a không năm"),
    ("xe 67B1", "xe 67B1"),
    ("mã 2024", "mã 2024"),
]


@pytest.mark.parametrize(("written", "spoken"), GLUED)
def test_read_glued_codes(written: str, spoken: str) -> None:
    assert tidy(spelling.read_glued_codes(written)) == spoken


RESTATED = [
    ("Bảo hiểm xã hội (BHXH) huyện", "Bảo hiểm xã hội huyện"),
    ("Ủy ban nhân dân (UBND) tỉnh", "Ủy ban nhân dân tỉnh"),
    ("ủy ban nhân dân ( UBND ) xã", "ủy ban nhân dân xã"),
    ("Sở Y tế (SYT)", "Sở Y tế"),
    ("Hội Nông dân (BHYT) xã", "Hội Nông dân (BHYT) xã"),
    ("tham gia (BHYT)", "tham gia (BHYT)"),
    ("Ủy ban (UBND)", "Ủy ban (UBND)"),
    ("Nghị quyết (dự thảo)", "Nghị quyết (dự thảo)"),
]


@pytest.mark.parametrize(("written", "spoken"), RESTATED)
def test_drop_restated_abbreviations(written: str, spoken: str) -> None:
    assert admin.drop_restated_abbreviations(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), GLUED[:6] + RESTATED[:4])
def test_glued_and_restated_through_normalize(written: str, spoken: str) -> None:
    assert normalize(written) == spoken
    assert normalize(spoken) == spoken
