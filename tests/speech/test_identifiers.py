"""Plates, boat registrations, roads, kilometre posts, plot codes, grades, standards and
initials: identifiers said the way announcers say them, never as ranges or negatives."""

from __future__ import annotations

import pytest

from tests.speech.spoken import assert_spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        # Licence plates: digit by digit, series by letter name, a pause before the serial.
        ("xe BKS 68C-123.45", "xe biển kiểm soát sáu tám xê, một hai ba bốn năm"),
        ("biển số 29H1-567.89", "biển số hai chín hát một, năm sáu bảy tám chín"),
        ("xe 43A-567.89 bị giữ", "xe bốn ba a, năm sáu bảy tám chín bị giữ"),
        ("mang biển 51F-987.65", "mang biển năm một ép, chín tám bảy sáu năm"),
        ("xe tải 65C 012.34", "xe tải sáu năm xê, không một hai ba bốn"),
        ("ô tô 30LD-123.45", "ô tô ba không e lờ đê, một hai ba bốn năm"),
        ("xe máy 59X3-12345", "xe máy năm chín ích xì ba, một hai ba bốn năm"),
        ("xe 68C-12345", "xe sáu tám xê, một hai ba bốn năm"),
        ("xe 94B1-0123", "xe chín bốn bê một, không một hai ba"),
        # Fishing boats: province letters, digits one by one, "tê ét".
        ("Tàu cá KG 91234 TS", "Tàu cá ca giê, chín một hai ba bốn, tê ét sì"),
        ("tàu QNg-90345-TS", "tàu quy en nờ giê, chín không ba bốn năm, tê ét sì"),
        ("tàu BTh-98765-TS", "tàu bê tê hát, chín tám bảy sáu năm, tê ét sì"),
        ("tàu cá CM 0123 TS", "tàu cá xê em mờ, không một hai ba, tê ét sì"),
        # Roads glued to their numbers, said once.
        ("QL80 qua huyện", "quốc lộ tám mươi qua huyện"),
        ("nâng cấp QL1A", "nâng cấp quốc lộ một a"),
        ("QL.63 và TL.12", "quốc lộ sáu mươi ba và tỉnh lộ mười hai"),
        ("tuyến ĐT963", "tuyến đường tỉnh chín trăm sáu mươi ba"),
        ("Tuyến đường huyện ĐH.14 dài", "Tuyến đường huyện mười bốn dài"),
        ("đường ĐT.963", "đường tỉnh chín trăm sáu mươi ba"),
        ("tuyến HL5", "tuyến hương lộ năm"),
        # Kilometre posts, with a space or a "+"; "km2" stays a unit.
        ("tại km 12+500", "tại ki lô mét mười hai cộng năm trăm"),
        ("tại Km3+200 quốc lộ", "tại ki lô mét ba cộng hai trăm quốc lộ"),
        ("đoạn Km 3 - Km 5", "đoạn ki lô mét ba - ki lô mét năm"),
        ("tại km 45 tuyến", "tại ki lô mét bốn mươi lăm tuyến"),
        ("rộng 5 km2", "rộng năm ki lô mét vuông"),
        ("dài 3 km", "dài ba ki lô mét"),
        # Plot and block codes: a space, never "âm".
        ("Lô A2-15 Khu công nghiệp", "Lô a hai mười lăm Khu công nghiệp"),
        ("căn B12-03", "căn bê mười hai không ba"),
        ("lô C1-2", "lô xê một hai"),
        # Grades after a hyphen are numbers.
        ("xăng RON 95-III giảm", "xăng Ron chín mươi lăm ba giảm"),
        ("xăng E5 RON 92-II", "xăng e năm Ron chín mươi hai hai"),
        ("dầu 0,05S-II tăng", "dầu không phẩy không năm ét sì hai tăng"),
        ("tiêu chuẩn Euro-IV", "tiêu chuẩn ơ rô bốn"),
        # Standards read like document codes.
        (
            "đạt QCVN 01-1:2018/BYT",
            "đạt quy chuẩn Việt Nam số không một – một năm hai nghìn không trăm mười tám của "
            "Bộ Y tế",
        ),
        (
            "theo QCVN 41:2019/BGTVT",
            "theo quy chuẩn Việt Nam số bốn mươi mốt năm hai nghìn không trăm mười chín của Bộ "
            "Giao thông vận tải",
        ),
        (
            "theo TCVN 5574:2018",
            "theo tiêu chuẩn Việt Nam số năm nghìn năm trăm bảy mươi tư năm hai nghìn không "
            "trăm mười tám",
        ),
        (
            "chứng nhận ISO 9001:2015",
            "chứng nhận i xô số chín nghìn không trăm linh một năm hai nghìn không trăm mười lăm",
        ),
        # Initials with dots, spelled.
        ("Bệnh nhân N.V.A (45 tuổi)", "Bệnh nhân en nờ vê a (bốn mươi lăm tuổi)"),
        ("của bà L.T.H.", "của bà e lờ tê hát."),
        ("anh T.Đ khai", "anh tê đê khai"),
        ("tại TP.HCM", "tại Thành phố Hồ Chí Minh"),
        ("ông Nguyễn Văn B. điều khiển", "ông Nguyễn Văn bê điều khiển"),
    ],
)
def test_identifiers(written: str, spoken: str) -> None:
    assert_spoken(written, spoken)
