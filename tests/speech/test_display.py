"""Screen and voice agree: what repair corrects is shown corrected, sentences glued together
are split, and tone marks after "qu" and "gi" sit on the vowel after them in both forms.
"""

from __future__ import annotations

import pytest

from reader.speech.repair import repair_written
from reader.speech.script import build_script
from reader.speech.segment import split_sentences, unglue_sentences


def _mangled(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


# The u of "qu" and the i of "gi" belong to the consonant: the mark goes on the vowel after.
QU_GI = [
    ("Kính thưa qúy vị", "Kính thưa quý vị"),
    ("Qũy Vì người nghèo", "Quỹ Vì người nghèo"),
    ("quyết định qủa cảm", "quyết định quả cảm"),
    ("qùa Tết cho hộ nghèo", "quà Tết cho hộ nghèo"),
    ("bảo vệ Tổ qúôc", "bảo vệ Tổ quốc"),
    ("QÚÔC HỘI", "QUỐC HỘI"),
    ("Qúôc hội khóa XV", "Quốc hội khóa XV"),
    ("ra qúyết định", "ra quyết định"),
    ("qùyền lợi của người dân", "quyền lợi của người dân"),
    ("Qúy I năm nay", "Quý I năm nay"),
    ("đạt qúa nửa kế hoạch", "đạt quá nửa kế hoạch"),
    ("chống qụy ngã", "chống quỵ ngã"),
    ("gĩư gìn an ninh", "giữ gìn an ninh"),
    ("gíup đỡ hộ nghèo", "giúp đỡ hộ nghèo"),
    ("đúng gìơ quy định", "đúng giờ quy định"),
    ("ngành gíao dục", "ngành giáo dục"),
    ("người gìa neo đơn", "người già neo đơn"),
    ("gía lúa tăng", "giá lúa tăng"),
    ("gỉai quyết việc làm", "giải quyết việc làm"),
    ("làm gìau chính đáng", "làm giàu chính đáng"),
    ("cấp gíây chứng nhận", "cấp giấy chứng nhận"),
    ("ở gĩưa cánh đồng", "ở giữa cánh đồng"),
    ("Gíam đốc Sở", "Giám đốc Sở"),
    ("GĨƯ VỮNG AN NINH", "GIỮ VỮNG AN NINH"),
    ("gĩa gạo", "giã gạo"),
    # placements already right stay as written
    ("quý vị đại biểu", "quý vị đại biểu"),
    ("giữ vững quốc phòng", "giữ vững quốc phòng"),
    ("ông Quỳnh và bà Giang", "ông Quỳnh và bà Giang"),
    ("gìn giữ truyền thống", "gìn giữ truyền thống"),
]


@pytest.mark.parametrize(("written", "shown"), QU_GI)
def test_tone_after_qu_and_gi_is_shown_and_said_on_the_next_vowel(written: str, shown: str) -> None:
    sentence = build_script([written]).paragraphs[0][0]
    assert sentence.text == shown
    said = sentence.spoken.lower().split()
    for word in shown.lower().split():
        if word.startswith(("qu", "gi")):
            assert word in said, (word, sentence.spoken)


# Damaged words shown repaired, exactly as the voice reads them.
SHOWN = [
    ("Phong ừào thi đua yêu nước", "Phong trào thi đua yêu nước"),
    ("Đẩy mạnh phong ừào thi đua", "Đẩy mạnh phong trào thi đua"),
    ("Xã Hoà Thuận", "Xã Hòa Thuận"),
    ("sức khoẻ người dân", "sức khỏe người dân"),
    ("thuỷ lợi nội đồng", "thủy lợi nội đồng"),
    ("mùa luá bội thu", "mùa lúa bội thu"),
    # markup is no word: shown as written (escaped by the page), skipped by the voice
    ("Tin <b>mới</b> nhất", "Tin <b>mới</b> nhất"),
    ("Hòa&nbsp;Bình", "Hòa&nbsp;Bình"),
    ("<i>Hoà</i> Bình", "<i>Hòa</i> Bình"),
    (_mangled("Người dân Hà Nội vui mừng"), "Người dân Hà Nội vui mừng"),
    (_mangled("Ủy ban nhân dân huyện An Biên"), "Ủy ban nhân dân huyện An Biên"),
    (_mangled("đồng chí Bí thư"), "đồng chí Bí thư"),
    ("e\u0301 cu\u0309a", "é của"),
    ("  nhiều   khoảng   trắng ", "nhiều khoảng trắng"),
]


@pytest.mark.parametrize(("written", "shown"), SHOWN)
def test_what_the_voice_repairs_is_shown_repaired(written: str, shown: str) -> None:
    assert repair_written(written) == shown
    assert repair_written(shown) == shown


@pytest.mark.parametrize(("written", "shown"), SHOWN[:6] + SHOWN[9:12])
def test_the_sentence_shown_is_the_sentence_said(written: str, shown: str) -> None:
    sentence = build_script([written]).paragraphs[0][0]
    assert sentence.text == shown
    assert sentence.spoken == shown


# Two sentences written without a space between them.
GLUED = [
    ("Sản xuất phát triển mạnh.Tiếp theo, huyện họp.",
     ["Sản xuất phát triển mạnh.", "Tiếp theo, huyện họp."]),
    ("Lúa trúng mùa.Người dân phấn khởi.", ["Lúa trúng mùa.", "Người dân phấn khởi."]),
    ("Ai đến?Ông Nam.", ["Ai đến?", "Ông Nam."]),
    ("Vui quá!Rồi về.", ["Vui quá!", "Rồi về."]),
    ("Chờ mãi…Cuối cùng cũng đến.", ["Chờ mãi…", "Cuối cùng cũng đến."]),
    ("Xã Tây Yên đạt chuẩn.Đây là xã thứ năm.", ["Xã Tây Yên đạt chuẩn.", "Đây là xã thứ năm."]),
    ("họp tại Rạch Giá.Ủy ban chủ trì.", ["họp tại Rạch Giá.", "Ủy ban chủ trì."]),
    ("Trời mưa to.Đường ngập.Xe khó đi.", ["Trời mưa to.", "Đường ngập.", "Xe khó đi."]),
    # not two sentences: abbreviations, names, numbers, addresses
    ("UBND TP.HCM họp.", ["UBND TP.HCM họp."]),
    ("Tại Tp.Cần Thơ có mưa.", ["Tại Tp.Cần Thơ có mưa."]),
    ("Ông Th.S Phạm Văn E dự.", ["Ông Th.S Phạm Văn E dự."]),
    ("Bà ThS.Lê Thị F dự.", ["Bà ThS.Lê Thị F dự."]),
    ("Đ/c.Lan dự họp.", ["Đ/c.Lan dự họp."]),
    ("Tăng 2.5 lần.", ["Tăng 2.5 lần."]),
    ("Xem anbien.KienGiang.gov.vn nhé.", ["Xem anbien.KienGiang.gov.vn nhé."]),
    ("gồm lúa v.v.Các xã đều có.", ["gồm lúa v.v.Các xã đều có."]),
    ("Ông Nguyễn Văn A.Nguyễn dự.", ["Ông Nguyễn Văn A.Nguyễn dự."]),
    ("PGS.TS.Trần Văn B phát biểu.", ["PGS.TS.Trần Văn B phát biểu."]),
    ("Gửi abc.Xyz@kiengiang.gov.vn nhé.", ["Gửi abc.Xyz@kiengiang.gov.vn nhé."]),
    ("Dr.Smith đến.", ["Dr.Smith đến."]),
]


@pytest.mark.parametrize(("paragraph", "sentences"), GLUED)
def test_glued_sentences_are_split(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


@pytest.mark.parametrize(("paragraph", "sentences"), GLUED)
def test_ungluing_only_adds_spaces(paragraph: str, sentences: list[str]) -> None:
    unglued = unglue_sentences(paragraph)
    assert unglued.replace(" ", "") == paragraph.replace(" ", "")
    assert unglue_sentences(unglued) == unglued
