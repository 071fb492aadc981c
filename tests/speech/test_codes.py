"""Document codes read as an announcer reads them: number, year, then "của" the issuer."""

from __future__ import annotations

import pytest

from reader.speech import codes
from reader.speech.normalize import normalize, tidy
from tests.speech.spoken import assert_spoken

Y2020 = "năm hai nghìn không trăm hai mươi"

CODES = [
    # the brief's four shapes
    ("Kế hoạch số 123/KH-UBND", "Kế hoạch số một trăm hai mươi ba của Ủy ban nhân dân"),
    ("Chỉ thị 34-CT/TW", "Chỉ thị số ba mươi tư của Trung ương"),
    ("Nghị định 30/2020/NĐ-CP", f"Nghị định số ba mươi {Y2020} của Chính phủ"),
    ("Nghị định số 30/2020/NĐ-CP", f"Nghị định số ba mươi {Y2020} của Chính phủ"),
    ("theo 1234/QĐ-UBND", "theo Quyết định số một nghìn hai trăm ba mươi tư của Ủy ban nhân dân"),
    ("theo 12/HĐ-UBND", "theo Hợp đồng số mười hai của Ủy ban nhân dân"),
    # the text names the issuer after the code's date: it is not said twice
    (
        "theo 1234/QĐ-UBND ngày 12/6/2024 của UBND tỉnh",
        "theo Quyết định số một nghìn hai trăm ba mươi tư ngày 12/6/2024 của UBND tỉnh",
    ),
    # the type is said once, whatever the text says before the code
    ("Số: 15/QĐ-UBND", "Số: mười lăm của Ủy ban nhân dân"),
    ("số 45/KH-UBND", "số bốn mươi lăm của Ủy ban nhân dân"),
    ("Quyết định 12/2020/QĐ-UBND", f"Quyết định số mười hai {Y2020} của Ủy ban nhân dân"),
    ("quyết định 12/QĐ-UBND", "quyết định số mười hai của Ủy ban nhân dân"),
    ("Văn bản số 567/SYT-NVY", "Văn bản số năm trăm sáu mươi bảy của Sở Y tế"),
    ("Công văn 123/UBND-VP", "Công văn số một trăm hai mươi ba của Ủy ban nhân dân"),
    ("theo 123/UBND-VP", "theo văn bản số một trăm hai mươi ba của Ủy ban nhân dân"),
    ("thực hiện 01/CT-TTg", "thực hiện Chỉ thị số một của Thủ tướng Chính phủ"),
    ("căn cứ 20/NQ-HĐND", "căn cứ Nghị quyết số hai mươi của Hội đồng nhân dân"),
    ("theo 05/TB-UBND", "theo Thông báo số năm của Ủy ban nhân dân"),
    ("gửi 17/BC-UBND", "gửi Báo cáo số mười bảy của Ủy ban nhân dân"),
    ("trình 88/TTr-UBND", "trình Tờ trình số tám mươi tám của Ủy ban nhân dân"),
    ("theo 9/HD-BCĐ", "theo Hướng dẫn số chín của Ban Chỉ đạo"),
    # Party codes
    ("Nghị quyết 23-NQ/TU", "Nghị quyết số hai mươi ba của Tỉnh ủy"),
    ("Kết luận 05-KL/HU", "Kết luận số năm của Huyện ủy"),
    ("Chỉ thị 12-CT/ĐU", "Chỉ thị số mười hai của Đảng ủy"),
    ("Hướng dẫn 12-HD/BTGTU", "Hướng dẫn số mười hai của Ban Tuyên giáo Tỉnh ủy"),
    ("Kế hoạch 45/KH-BCĐ389", "Kế hoạch số bốn mươi lăm của Ban Chỉ đạo ba trăm tám mươi chín"),
    # ministries, laws, joint circulars
    (
        "Thông tư 01/2023/TT-BGDĐT",
        "Thông tư số một năm hai nghìn không trăm hai mươi ba của Bộ Giáo dục và Đào tạo",
    ),
    ("Thông tư 15/TT-BTC", "Thông tư số mười lăm của Bộ Tài chính"),
    (
        "Luật số 55/2014/QH13",
        "Luật số năm mươi lăm năm hai nghìn không trăm mười bốn của Quốc hội khóa mười ba",
    ),
    (
        "Thông tư liên tịch 01/2015/TTLT-BNV-BTC",
        "Thông tư liên tịch số một năm hai nghìn không trăm mười lăm "
        "của Bộ Nội vụ và Bộ Tài chính",
    ),
    (
        "theo 02/TTLT-BYT-BTC-BNV",
        "theo Thông tư liên tịch số hai của Bộ Y tế, Bộ Tài chính và Bộ Nội vụ",
    ),
    # no issuer twice when the text names it
    ("Nghị quyết 23-NQ/TU của BTV Tỉnh ủy", "Nghị quyết số hai mươi ba của BTV Tỉnh ủy"),
    # not codes
    ("Tổ 5/A", "Tổ 5/A"),
    ("ngày 20/12/2023", "ngày 20/12/2023"),
    ("phòng 2/XYZ", "phòng 2/XYZ"),
]


@pytest.mark.parametrize(("written", "spoken"), CODES)
def test_read_document_codes(written: str, spoken: str) -> None:
    assert tidy(codes.read_document_codes(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "Theo Kế hoạch số 45/KH-UBND ngày 5/3/2024.",
            "Theo Kế hoạch số bốn mươi lăm của Ủy ban nhân dân ngày năm tháng ba năm hai nghìn "
            "không trăm hai mươi tư.",
        ),
        (
            "Quyết định số 12/2020/QĐ-UBND ngày 5/3/2020",
            f"Quyết định số mười hai {Y2020} của Ủy ban nhân dân ngày năm tháng ba {Y2020}",
        ),
        (
            "Nghị quyết 23-NQ/TU của BTV Tỉnh ủy.",
            "Nghị quyết số hai mươi ba của Ban Thường vụ Tỉnh ủy.",
        ),
        (
            "(theo 1234/QĐ-UBND)",
            "(theo Quyết định số một nghìn hai trăm ba mươi tư của Ủy ban nhân dân)",
        ),
    ],
)
def test_codes_in_sentences(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("UBND", "Ủy ban nhân dân"),
        ("QH15", "Quốc hội khóa mười lăm"),
        ("UBTVQH14", "Ủy ban Thường vụ Quốc hội khóa mười bốn"),
        ("BTVHU", "Ban Thường vụ Huyện ủy"),
        ("BCHQS", "Ban Chỉ huy quân sự"),
        ("XYZ", None),
    ],
)
def test_read_issuer(code: str, name: str | None) -> None:
    assert codes.read_issuer(code) == name


def test_issuer_only_code_needs_a_known_issuer() -> None:
    assert codes.read_issuer("BCHQS", general=False) is None
    assert codes.read_issuer("UBND", general=False) == "Ủy ban nhân dân"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        # read whole before any quantity rule: "05" is no padded count, "/TW" no rate
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị", "Chỉ thị số năm của Bộ Chính trị"),
        ("thực hiện Chỉ thị 34-CT/TW", "thực hiện Chỉ thị số ba mươi tư của Trung ương"),
        ("Nghị quyết 18-NQ/TW", "Nghị quyết số mười tám của Trung ương"),
        ("Kết luận số 21-KL/TW", "Kết luận số hai mươi mốt của Trung ương"),
        ("theo 12/TB-UBND", "theo Thông báo số mười hai của Ủy ban nhân dân"),
    ],
)
def test_codes_through_the_whole_pipeline(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)
