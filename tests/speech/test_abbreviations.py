"""Abbreviations from the whole of public life, their senses by context, compounds of them,
and capitals no table knows. Expected sides are what a Vietnamese announcer says.
"""

from __future__ import annotations

import re

import pytest

from reader.speech import admin, lexicon, senses, spelling
from tests.speech.spoken import assert_spoken

# Ministries, departments, Party and mass organisations, courts, police and army, health,
# schools, programmes and awards, administration, the economy, provinces.
TABLE = [
    ('Đồng chí Nguyễn Văn A, UVBTV, PCT UBND huyện', 'Đồng chí Nguyễn Văn A, Ủy viên Ban Thường vụ, Phó Chủ tịch Ủy ban nhân dân huyện'),
    ('Đ/c Lê Văn C - TUV, Bí thư HU', 'đồng chí Lê Văn C - Tỉnh ủy viên, Bí thư Huyện ủy'),
    ('đồng chí Trần Văn D, UVTW Đảng', 'đồng chí Trần Văn D, Ủy viên Trung ương Đảng'),
    ('các đồng chí HUV', 'các đồng chí Huyện ủy viên'),
    ('sắp xếp ĐVHC cấp xã', 'sắp xếp đơn vị hành chính cấp xã'),
    ('mô hình CQĐP hai cấp', 'mô hình chính quyền địa phương hai cấp'),
    ('Đội QLTT số 3', 'Đội quản lý thị trường số ba'),
    ('toàn thể CBCCVC-NLĐ', 'toàn thể cán bộ, công chức, viên chức và người lao động'),
    ('công tác PCTNTC', 'công tác phòng, chống tham nhũng, tiêu cực'),
    ('Chi nhánh VPĐKĐĐ huyện', 'Chi nhánh Văn phòng Đăng ký đất đai huyện'),
    ('Ban Nội chính (BNC) Tỉnh ủy', 'Ban Nội chính Tỉnh ủy'),
    ('Đồng chí dự họp BCHTW lần thứ 8', 'Đồng chí dự họp Ban Chấp hành Trung ương lần thứ tám'),
    ('Theo NQTW 7 khóa XII', 'Theo Nghị quyết Trung ương bảy khóa mười hai'),
    ('Ủy viên UBKTTW', 'Ủy viên Ủy ban Kiểm tra Trung ương'),
    ('Đoàn ĐBQH tỉnh Kiên Giang', 'Đoàn đại biểu Quốc hội tỉnh Kiên Giang'),
    ('ĐĐBQH tỉnh tiếp xúc cử tri', 'Đoàn đại biểu Quốc hội tỉnh tiếp xúc cử tri'),
    ('Đ/c PCTUBND huyện', 'đồng chí Phó Chủ tịch Ủy ban nhân dân huyện'),
    ('Đ/c CTHĐND xã', 'đồng chí Chủ tịch Hội đồng nhân dân xã'),
    ('Kỳ họp của TTHĐND huyện', 'Kỳ họp của Thường trực Hội đồng nhân dân huyện'),
    ('VPCP vừa có văn bản', 'Văn phòng Chính phủ vừa có văn bản'),
    ('PTTg Trần Lưu Quang', 'Phó Thủ tướng Trần Lưu Quang'),
    ('TBT Tô Lâm', 'Tổng Bí thư Tô Lâm'),
    ('Lãnh đạo BNG', 'Lãnh đạo Bộ Ngoại giao'),
    ('BKH&ĐT hướng dẫn', 'Bộ Kế hoạch và Đầu tư hướng dẫn'),
    ('Sở NN&MT tỉnh', 'Sở nông nghiệp và môi trường tỉnh'),
    ('Phòng TN-MT huyện', 'Phòng tài nguyên và môi trường huyện'),
    ('Phòng KT-HT-ĐT thị xã', 'Phòng kinh tế, hạ tầng và đô thị thị xã'),
    ('Đài PT-TH tỉnh', 'Đài phát thanh – truyền hình tỉnh'),
    ('Đài PTTH Kiên Giang', 'Đài phát thanh – truyền hình Kiên Giang'),
    ('TTVH-TT huyện An Biên', 'Trung tâm Văn hóa – Thể thao huyện An Biên'),
    ('Hội LHPNVN', 'Hội Liên hiệp Phụ nữ Việt Nam'),
    ('Đoàn TNCSHCM', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh'),
    ('Đội TNTP Hồ Chí Minh', 'Đội Thiếu niên Tiền phong Hồ Chí Minh'),
    ('TLĐLĐVN phát động', 'Tổng Liên đoàn Lao động Việt Nam phát động'),
    ('các CĐV trong ngành', 'các công đoàn viên trong ngành'),
    ('LMHTX tỉnh', 'Liên minh Hợp tác xã tỉnh'),
    ('TANDTC hướng dẫn', 'Tòa án nhân dân tối cao hướng dẫn'),
    ('VKSNDTC kháng nghị', 'Viện Kiểm sát nhân dân tối cao kháng nghị'),
    ('HĐXX tuyên án', 'Hội đồng xét xử tuyên án'),
    ('CCTHADS huyện', 'Chi cục Thi hành án dân sự huyện'),
    ('theo BLHS năm 2015', 'theo Bộ luật Hình sự năm hai nghìn không trăm mười lăm'),
    ('văn bản QPPL', 'văn bản quy phạm pháp luật'),
    ('công tác PBGDPL', 'công tác phổ biến, giáo dục pháp luật'),
    ('đơn KNTC', 'đơn khiếu nại, tố cáo'),
    ('CAT Kiên Giang', 'Công an tỉnh Kiên Giang'),
    ('CAH An Biên', 'Công an huyện An Biên'),
    ('CAX Nam Thái', 'Công an xã Nam Thái'),
    ('lực lượng CSCĐ', 'lực lượng Cảnh sát cơ động'),
    ('giữ vững TTATXH', 'giữ vững trật tự an toàn xã hội'),
    ('phòng chống TNXH', 'phòng chống tệ nạn xã hội'),
    ('công tác PCMT', 'công tác phòng, chống ma túy'),
    ('BCHQS huyện', 'Ban Chỉ huy quân sự huyện'),
    ('cán bộ, CSTĐ', 'cán bộ, chiến sĩ thi đua'),
    ('BVĐKKV Rạch Giá', 'bệnh viện đa khoa khu vực Rạch Giá'),
    ('TTKSBT tỉnh', 'Trung tâm Kiểm soát bệnh tật tỉnh'),
    ('TTƯT, BSCKII Nguyễn Văn A', 'Thầy thuốc Ưu tú, bác sĩ chuyên khoa hai Nguyễn Văn A'),
    ('chương trình TCMR', 'chương trình tiêm chủng mở rộng'),
    ('dịch SXH', 'dịch sốt xuất huyết'),
    ('bệnh TCM', 'bệnh tay chân miệng'),
    ('công tác DS-KHHGĐ', 'công tác dân số – kế hoạch hóa gia đình'),
    ('Trường PTDTNT huyện', 'Trường phổ thông dân tộc nội trú huyện'),
    ('Trường TH-THCS Nam Yên', 'Trường tiểu học và trung học cơ sở Nam Yên'),
    ('Trường THCS-THPT Vân Khánh', 'Trường trung học cơ sở và trung học phổ thông Vân Khánh'),
    ('TTGDNN-GDTX huyện', 'Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện'),
    ('thi tốt nghiệp THPTQG', 'thi tốt nghiệp trung học phổ thông quốc gia'),
    ('phụ huynh, CMHS', 'phụ huynh, cha mẹ học sinh'),
    ('Hội thi GVCN giỏi', 'Hội thi giáo viên chủ nhiệm giỏi'),
    ('xã đạt NTMNC', 'xã đạt nông thôn mới nâng cao'),
    ('xã NTMKM', 'xã nông thôn mới kiểu mẫu'),
    ('hộ GĐVH', 'hộ gia đình văn hóa'),
    ('danh hiệu CSTĐCS', 'danh hiệu chiến sĩ thi đua cơ sở'),
    ('đạt HTXSNV', 'đạt hoàn thành xuất sắc nhiệm vụ'),
    ('tặng HCLĐ hạng Ba', 'tặng Huân chương Lao động hạng Ba'),
    ('Cổng DVCQG', 'Cổng dịch vụ công quốc gia'),
    ('xây dựng CSDLQG', 'xây dựng cơ sở dữ liệu quốc gia'),
    ('cấp GCNQSDĐ', 'cấp giấy chứng nhận quyền sử dụng đất'),
    ('thuế TNCN', 'thuế thu nhập cá nhân'),
    ('thuế GTGT', 'thuế giá trị gia tăng'),
    ('kim ngạch XNK', 'kim ngạch xuất nhập khẩu'),
    ('thị trường BĐS', 'thị trường bất động sản'),
    ('các NHTM', 'các ngân hàng thương mại'),
    ('QTDND xã', 'quỹ tín dụng nhân dân xã'),
    ('KKT Phú Quốc', 'khu kinh tế Phú Quốc'),
    ('Ban QLDA huyện', 'Ban quản lý dự án huyện'),
    ('chương trình NS&VSMTNT', 'chương trình nước sạch và vệ sinh môi trường nông thôn'),
    ('VQG U Minh Thượng', 'Vườn quốc gia U Minh Thượng'),
    ('chăm lo NCC', 'chăm lo người có công'),
    ('hỗ trợ HCKK', 'hỗ trợ hoàn cảnh khó khăn'),
    ('TPHCM và TPCT', 'Thành phố Hồ Chí Minh và thành phố Cần Thơ'),
    ('tỉnh BR-VT', 'tỉnh Bà Rịa – Vũng Tàu'),
    ('tỉnh TT-Huế', 'tỉnh Thừa Thiên Huế'),
    ('vùng ĐBSH', 'vùng Đồng bằng sông Hồng'),
    ('tổ chức LHQ', 'tổ chức Liên hợp quốc'),
    ('vốn vay WB', 'vốn vay Ngân hàng Thế giới'),
    ('TG-DV', 'Tuyên giáo và Dân vận'),
]


@pytest.mark.parametrize(("written", "spoken"), TABLE)
def test_abbreviations_of_public_life(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


# One abbreviation, two senses: the words around it decide.
SENSES = [
    ('Đường ĐT.963 đang được nâng cấp', 'Đường tỉnh chín trăm sáu mươi ba đang được nâng cấp'),
    ('Hội NCT xã', 'Hội người cao tuổi xã'),
    ('Trung tâm TTYT huyện', 'Trung tâm Y tế huyện'),
    ('Nguyễn Văn A, SN 1985, trú tại ấp Xẻo Nhàu', 'Nguyễn Văn A, sinh năm một nghìn chín trăm tám mươi lăm, trú tại ấp Xẻo Nhàu'),
    ('Bị cáo Trần Văn B (SN 2001)', 'Bị cáo Trần Văn B (sinh năm hai nghìn không trăm linh một)'),
    ('Cửa hàng tại SN 12 đường Lê Lợi', 'Cửa hàng tại số nhà mười hai đường Lê Lợi'),
    ('SN: 45 Nguyễn Trung Trực', 'số nhà: bốn mươi lăm Nguyễn Trung Trực'),
    ('khai giảng NH 2024-2025', 'khai giảng năm học hai nghìn không trăm hai mươi tư – hai nghìn không trăm hai mươi lăm'),
    ('vay vốn NH Chính sách xã hội', 'vay vốn ngân hàng Chính sách xã hội'),
    ('GĐ 2021-2025', 'giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm'),
    ('GĐ II của dự án', 'giai đoạn hai của dự án'),
    ('GĐ Sở Y tế', 'giám đốc Sở Y tế'),
    ('ĐH Đảng bộ huyện lần thứ XII', 'Đại hội Đảng bộ huyện lần thứ mười hai'),
    ('ĐH Đoàn xã', 'Đại hội Đoàn xã'),
    ('ĐH đại biểu Hội Nông dân', 'Đại hội đại biểu Hội Nông dân'),
    ('Trường ĐH Kiên Giang', 'Trường đại học Kiên Giang'),
    ('tuyến ĐH.14', 'tuyến đường huyện mười bốn'),
    ('nâng cấp ĐT 963', 'nâng cấp đường tỉnh chín trăm sáu mươi ba'),
    ('ĐT: 0297.3863.456', 'điện thoại: không hai chín bảy, ba tám sáu ba, bốn năm sáu'),
    ('TT HĐND huyện họp', 'Thường trực Hội đồng nhân dân huyện họp'),
    ('TT Huyện ủy chỉ đạo', 'Thường trực Huyện ủy chỉ đạo'),
    ('TT Thứ Ba', 'thị trấn Thứ Ba'),
    ('BCH CĐ cơ sở', 'Ban Chấp hành Công đoàn cơ sở'),
    ('Chủ tịch CĐ ngành Giáo dục', 'Chủ tịch Công đoàn ngành Giáo dục'),
    ('Trường CĐ Kiên Giang', 'Trường cao đẳng Kiên Giang'),
    ('gia đình TB, LS', 'gia đình thương binh, liệt sĩ'),
    ('TB hạng 2/4', 'thương binh hạng hai trên bốn'),
    ('theo TB số 12', 'theo thông báo số mười hai'),
    ('HĐ số 12', 'hợp đồng số mười hai'),
    ('HĐ Thi đua, Khen thưởng huyện', 'Hội đồng Thi đua, Khen thưởng huyện'),
    ('HĐ ngoại khóa', 'hoạt động ngoại khóa'),
    ('Ban TTND xã', 'Ban Thanh tra nhân dân xã'),
    ('Thông tư của BTC', 'Thông tư của Bộ Tài chính'),
    ('BTC giải', 'Ban Tổ chức giải'),
]


@pytest.mark.parametrize(("written", "spoken"), SENSES)
def test_abbreviation_senses_by_context(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


# Compounds joined by "-", "&", "/"; capitals no table knows.
COMPOUNDS_AND_CAPITALS = [
    ('Sở VH-XH-DL', 'Sở văn hóa, xã hội, du lịch'),
    ('Thường trực HĐND/UBND huyện', 'Thường trực Hội đồng nhân dân, Ủy ban nhân dân huyện'),
    ('thẻ BHXH/BHYT', 'thẻ bảo hiểm xã hội, bảo hiểm y tế'),
    ('HLHPN-HND xã', 'Hội Liên hiệp Phụ nữ, Hội Nông dân xã'),
    ('CCB-TNXP huyện', 'Cựu chiến binh, thanh niên xung phong huyện'),
    ('Ban QLDA-ĐTXD huyện', 'Ban quản lý dự án, đầu tư xây dựng huyện'),
    ('Sở KH&CN tỉnh', 'Sở khoa học và công nghệ tỉnh'),
    ('Công văn QĐ-UBND', 'Công văn quyết định Ủy ban nhân dân'),
    ('VINATEX xuất khẩu', 'Vinatex xuất khẩu'),
    ('NATO họp', 'Nato họp'),
    ('TECAPRO và THACO', 'Tecapro và Thaco'),
    ('người KHMER', 'người Khơ me'),
    ('ABCD', 'a bê xê đê'),
    ('Đài VOV', 'Đài vê ô vê'),
    ('HÀ NỘI', 'Hà Nội'),
]


@pytest.mark.parametrize(("written", "spoken"), COMPOUNDS_AND_CAPITALS)
def test_compounds_and_unknown_capitals(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)


def test_the_table_covers_public_life() -> None:
    table = lexicon.abbreviations()
    assert len(table) >= 600
    for written in ["BCHTW", "VPCP", "TANDTC", "VKSNDTC", "CAT", "QĐNDVN", "TTKSBT", "THPTQG",
                    "CTMTQG", "GCNQSDĐ", "NHNo&PTNT", "BR-VT", "PT-TH", "NN&PTNT", "KH&ĐT",
                    "UB.KT", "LHQ"]:
        assert written in table, written


def test_no_expansion_holds_a_capital_word_or_symbol_a_voice_would_spell() -> None:
    for written, spoken in lexicon.abbreviations().items():
        assert not re.search(r"[0-9/&@#]", spoken), written
        assert not any(len(w) > 1 and w.isupper() for w in re.findall(r"[^\W\d_]+", spoken)), written


def test_senses_file_names_only_readings_without_capitals_or_digits() -> None:
    for abbreviation, found in senses.senses().items():
        for sense in found:
            assert sense.spoken and not re.search(r"[0-9]", sense.spoken), abbreviation


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Sở VH-XH-DL", "Sở văn hóa, xã hội, du lịch"),
        ("HĐND/UBND", "Hội đồng nhân dân, Ủy ban nhân dân"),
        ("QĐ-UBND", "quyết định Ủy ban nhân dân"),
        ("Ban TG-XY", "Ban TG-XY"),  # a part no table knows: left for spelling
        ("PGS.TS. Lê", "PGS.TS. Lê"),  # a title with its dot: left for the table
        ("TP.Rạch Giá", "TP.Rạch Giá"),
        ("GD&ĐT", "GD&ĐT"),  # in the table: left for it
    ],
)
def test_read_compounds(text: str, spoken: str) -> None:
    assert " ".join(admin.read_compounds(text).split()) == spoken


@pytest.mark.parametrize(
    ("token", "speakable"),
    [
        ("VINAMILK", True), ("PETROLIMEX", True), ("NATO", True), ("VIETTEL", True),
        ("AGRIBANK", True), ("UBND", False), ("BIDV", False), ("ABCD", False), ("CNTT", False),
        ("VNPT", False), ("VOV", False), ("ODA", False), ("HĐND", False),
    ],
)
def test_is_speakable(token: str, speakable: bool) -> None:
    assert spelling.is_speakable(token) is speakable
