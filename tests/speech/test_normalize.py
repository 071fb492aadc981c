"""One table of written -> spoken pairs per normalization rule, then whole sentences.

The expected sides are written as a Vietnamese news announcer says them. Rules are tested
alone (their raw output may keep extra spaces: ``tidy`` runs last) and through ``normalize``.
"""

from __future__ import annotations

import pytest

from reader.config import Settings
from reader.speech import admin
from reader.speech import normalize as nz
from reader.speech import quantities as q
from reader.speech import units
from reader.speech.repair import (
    fix_mojibake,
    fix_tone_placement,
    nfc,
    repair_syllables,
    strip_markup,
)


def squash(text: str) -> str:
    """A rule's raw output as ``tidy`` would leave it (rules pad the words they insert)."""
    return nz.tidy(text)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        # repair.nfc, repair.strip_markup and one_space, as the pipeline runs them
        ("Ho\u0300a  Bi\u0300nh\n", "Hòa Bình"),
        ("An\u00a0Biên\u200b", "An Biên"),
        ("\tmột\r\nhai ", "một hai"),
        ("<p>Tin <b>mới</b></p>", "Tin mới"),
        ("A &amp; B", "A và B"),
        ("hoàn thành./.", "hoàn thành."),
        ("hoàn thành ./.", "hoàn thành."),
        ("<!-- quảng cáo -->Nội dung", "Nội dung"),
        ("<p>Đoạn một.</p><p>Đoạn hai.</p>", "Đoạn một. Đoạn hai."),
    ],
)
def test_cleanup(written: str, spoken: str) -> None:
    assert nz.normalize(written) == spoken


def test_one_space() -> None:
    assert nz.one_space("\tmột\r\n hai\u00a0 ") == "một hai"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("tại anbien.kiengiang.gov.vn.", "tại anbien chấm kiengiang chấm gốp chấm vê en."),
        ("https://kiengiang.gov.vn/tin-tuc/a.html", "kiengiang chấm gốp chấm vê en"),
        ("thư abc@kiengiang.gov.vn", "thư abc a còng kiengiang chấm gốp chấm vê en"),
    ],
)
def test_read_web_addresses(written: str, spoken: str) -> None:
    assert squash(nz.read_web_addresses(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("UBND huyện", "Ủy ban nhân dân huyện"),
        ("HĐND xã", "Hội đồng nhân dân xã"),
        ("Ban Thường trực MTTQ", "Ban Thường trực Mặt trận Tổ quốc"),
        ("thẻ BHYT", "thẻ bảo hiểm y tế"),
        ("đóng BHXH", "đóng bảo hiểm xã hội"),
        ("TP. Rạch Giá", "thành phố Rạch Giá"),
        ("TP.Rạch Giá", "thành phố Rạch Giá"),
        ("Đ/c Nguyễn Văn A", "đồng chí Nguyễn Văn A"),
        ("Trường THPT An Biên", "Trường trung học phổ thông An Biên"),
        ("Trường THCS Đông Thái", "Trường trung học cơ sở Đông Thái"),
        ("Trường CĐ Kiên Giang", "Trường cao đẳng Kiên Giang"),
        ("số 45/KH-UBND", "số 45/kế hoạch-Ủy ban nhân dân"),
        ("số 12/QĐ-UBND", "số 12/quyết định-Ủy ban nhân dân"),
        ("Nghị định 15/2021/NĐ-CP", "Nghị định 15/2021/nghị định Chính phủ"),
        ("Ban Chấp hành TW", "Ban Chấp hành Trung ương"),
        ("PGS.TS. Trần Văn B", "phó giáo sư tiến sĩ Trần Văn B"),
        ("Sở GD&ĐT", "Sở giáo dục và đào tạo"),
        ("(UBND)", "(Ủy ban nhân dân)"),
        # whole tokens only, and case-sensitive
        ("UBNDX", "UBNDX"),
        ("ubnd", "ubnd"),
        ("KHÁCH", "KHÁCH"),
    ],
)
def test_expand_abbreviations(written: str, spoken: str) -> None:
    assert squash(admin.expand_abbreviations(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("TỔNG KẾT NĂM HỌC", "Tổng Kết Năm Học"),
        ("HỘI NGHỊ BCH ĐẢNG BỘ", "Hội Nghị BCH Đảng Bộ"),
        ("UBND HUYỆN", "UBND HUYỆN"),
        ("Trường THPT An Biên", "Trường THPT An Biên"),
    ],
)
def test_soften_capitals(written: str, spoken: str) -> None:
    assert admin.soften_capitals(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("ngày 20/12/2023", "ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba"),
        ("Ngày 05/01/2024", "Ngày năm tháng một năm hai nghìn không trăm hai mươi tư"),
        ("sáng 20/12/2023", "sáng ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba"),
        ("ngày 20.12.2023", "ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba"),
        ("ngày 30-4-1975", "ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm"),
        ("ngày 2/9", "ngày hai tháng chín"),
        ("từ 24/4 đến 1/5", "từ ngày hai mươi tư tháng tư đến ngày một tháng năm"),
        ("tháng 12/2023", "tháng mười hai năm hai nghìn không trăm hai mươi ba"),
        ("quý 4/2023", "quý bốn năm hai nghìn không trăm hai mươi ba"),
        ("15/2021/NĐ-CP", "15/2021/NĐ-CP"),
        ("32/13/2023", "32/13/2023"),
    ],
)
def test_read_dates(written: str, spoken: str) -> None:
    assert squash(q.read_dates(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("lúc 14:30", "lúc mười bốn giờ ba mươi"),
        ("lúc 14h30", "lúc mười bốn giờ ba mươi"),
        ("lúc 7h", "lúc bảy giờ"),
        ("lúc 7h05", "lúc bảy giờ năm phút"),
        ("từ 7h30' đến 11h", "từ bảy giờ ba mươi đến mười một giờ"),
        ("8:00", "tám giờ"),
        ("25:70", "25:70"),
    ],
)
def test_read_times(written: str, spoken: str) -> None:
    assert squash(q.read_times(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("giai đoạn 2021-2025", "giai đoạn 2021 đến 2025"),
        ("giai đoạn 2021 - 2025", "giai đoạn 2021 đến 2025"),
        ("từ 5–7%", "từ 5 đến 7%"),
        ("0297-3850", "0297-3850"),
    ],
)
def test_read_ranges(written: str, spoken: str) -> None:
    assert q.read_ranges(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("đạt 98,5%", "đạt chín mươi tám phẩy năm phần trăm"),
        ("tăng 12 %", "tăng mười hai phần trăm"),
        ("đạt 100%.", "đạt một trăm phần trăm."),
    ],
)
def test_read_percentages(written: str, spoken: str) -> None:
    assert squash(q.read_percentages(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("dài 5km", "dài 5 ki lô mét"),
        ("dài 12,5 km", "dài 12,5 ki lô mét"),
        ("1.200 ha lúa", "1.200 héc ta lúa"),
        ("50kg gạo", "50 ki lô gam gạo"),
        ("rộng 6m", "rộng 6 mét"),
        ("120 m2", "120 mét vuông"),
        ("giá 7.500 đồng/kg", "giá 7.500 đồng một ki lô gam"),
        ("100.000 đồng/ngày", "100.000 đồng một ngày"),
        ("60km/h", "60 ki lô mét một giờ"),
        ("3 tấn", "3 tấn"),
        ("5 mẫu", "5 mẫu"),
    ],
)
def test_read_units(written: str, spoken: str) -> None:
    assert squash(units.read_units(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("gọi 0913 123 456", "gọi không chín một ba, một hai ba, bốn năm sáu"),
        ("số 0297.3850123", "số không hai chín bảy, ba tám năm, không một hai ba"),
        ("mã 0123", "mã 0123"),
    ],
)
def test_read_phone_numbers(written: str, spoken: str) -> None:
    assert squash(q.read_phone_numbers(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("lần thứ 1", "lần thứ nhất"),
        ("Thứ 2", "Thứ hai"),
        ("thứ 4", "thứ tư"),
        ("tháng 4", "tháng tư"),
        ("tháng 1", "tháng một"),
        ("tháng 11", "tháng mười một"),
        ("tháng 13", "tháng 13"),
    ],
)
def test_read_ordinals(written: str, spoken: str) -> None:
    assert squash(q.read_ordinals(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("1.250 hộ", "một nghìn hai trăm năm mươi hộ"),
        ("3,5 tỷ", "ba phẩy năm tỷ"),
        ("1.250.000,5", "một triệu hai trăm năm mươi nghìn phẩy năm"),
        ("năm 2023", "năm hai nghìn không trăm hai mươi ba"),
        ("mục 1.2", "mục một chấm hai"),
        ("tổ 05", "tổ không năm"),
        ("F0", "F không"),
        ("15 hộ", "mười lăm hộ"),
    ],
)
def test_read_integers(written: str, spoken: str) -> None:
    assert squash(q.read_integers(written)) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("A & B", "A  và  B"),
        ("“Ông A”", " Ông A "),
        ("và/hoặc", "và hoặc"),
        ("Phú Quốc-Kiên Giang", "Phú Quốc Kiên Giang"),
        ("kinh tế - xã hội", "kinh tế - xã hội"),
    ],
)
def test_replace_symbols(written: str, spoken: str) -> None:
    assert nz.replace_symbols(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("a  ,b", "a, b"),
        ("hết .", "hết."),
        ("a , , b", "a, b"),
        (", đầu câu", "đầu câu"),
        ("( xem )", "(xem)"),
        ("()", ""),
    ],
)
def test_tidy(written: str, spoken: str) -> None:
    assert nz.tidy(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "Ngày 20/12/2023, UBND huyện An Biên tổ chức hội nghị tổng kết.",
            "Ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba, "
            "Ủy ban nhân dân huyện An Biên tổ chức hội nghị tổng kết.",
        ),
        (
            "Tỷ lệ tham gia BHYT đạt 98,5%.",
            "Tỷ lệ tham gia bảo hiểm y tế đạt chín mươi tám phẩy năm phần trăm.",
        ),
        (
            "Tổng vốn 3,5 tỷ đồng giai đoạn 2021-2025.",
            "Tổng vốn ba phẩy năm tỷ đồng giai đoạn hai nghìn không trăm hai mươi mốt "
            "đến hai nghìn không trăm hai mươi lăm.",
        ),
        (
            "Lúc 14h30, Đ/c Nguyễn Văn A, Chủ tịch UBND TP. Rạch Giá phát biểu.",
            "Lúc mười bốn giờ ba mươi, đồng chí Nguyễn Văn A, "
            "Chủ tịch Ủy ban nhân dân thành phố Rạch Giá phát biểu.",
        ),
        (
            "Giá lúa 7.500đ/kg, diện tích 1.200 ha.",
            "Giá lúa bảy nghìn năm trăm đồng một ki lô gam, diện tích một nghìn hai trăm héc ta.",
        ),
        (
            "Theo Kế hoạch số 45/KH-UBND ngày 5/3/2024.",
            "Theo Kế hoạch số bốn mươi lăm của Ủy ban nhân dân "
            "ngày năm tháng ba năm hai nghìn không trăm hai mươi tư.",
        ),
        ("Thứ 4, ngày 24/4.", "Thứ tư, ngày hai mươi tư tháng tư."),
        ("Có 1.005 hộ.", "Có một nghìn không trăm linh năm hộ."),
        ("Việc đã hoàn thành./.", "Việc đã hoàn thành."),
        ("Kinh phí 2.000.000 đồng/hộ", "Kinh phí hai triệu đồng một hộ"),
        (
            "UBND HUYỆN AN BIÊN TỔNG KẾT NĂM 2023",
            "Ủy ban nhân dân Huyện An Biên Tổng Kết Năm hai nghìn không trăm hai mươi ba",
        ),
        ("<p>Tin &quot;mới&quot;</p>", "Tin mới"),
        ("...", ""),
        ("", ""),
    ],
)
def test_normalize(written: str, spoken: str) -> None:
    assert nz.normalize(written) == spoken


def test_normalize_southern_thousand() -> None:
    settings = Settings(thousand_word="ngàn")
    assert nz.normalize("1.250 người", settings) == "một ngàn hai trăm năm mươi người"


def test_rules_are_ordered_and_end_with_tidy() -> None:
    """Repair first (once each), then spaces, addresses, administration, quantities, symbols."""
    repair_rules = [nfc, strip_markup, fix_mojibake, fix_tone_placement, repair_syllables]
    assert nz.RULES[: len(repair_rules)] == repair_rules
    assert nz.RULES[len(repair_rules)] is nz.one_space
    assert nz.RULES.index(nz.one_space) < nz.RULES.index(nz.read_web_addresses)
    assert nz.RULES.index(nz.read_web_addresses) < nz.RULES.index(admin.RULES[0])
    assert nz.RULES.index(admin.RULES[-1]) < nz.RULES.index(q.RULES[0])
    assert nz.RULES.index(q.RULES[-1]) < nz.RULES.index(nz.replace_symbols)
    assert nz.RULES[-1] is nz.tidy
    names = [rule.__name__ for rule in nz.RULES]
    assert len(names) == len(set(names)), "a rule runs twice"
    assert nz.RULES.index(q.read_dates) < nz.RULES.index(q.read_integers)
    assert nz.RULES.index(admin.expand_abbreviations) < nz.RULES.index(q.read_dates)
