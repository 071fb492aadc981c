"""Sentences of written paragraphs, and chunks of spoken sentences."""

from __future__ import annotations

import pytest

from reader.speech.segment import chunk, split_sentences


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("Một câu. Hai câu.", ["Một câu.", "Hai câu."]),
        ("Chủ tịch UBND TP. Rạch Giá dự họp.", ["Chủ tịch UBND TP. Rạch Giá dự họp."]),
        ("Trụ sở ở Q. Ninh Kiều. Hết.", ["Trụ sở ở Q. Ninh Kiều.", "Hết."]),
        ("Ông là TS. Nguyễn Văn A.", ["Ông là TS. Nguyễn Văn A."]),
        ("PGS.TS. Trần Văn B phát biểu.", ["PGS.TS. Trần Văn B phát biểu."]),
        ("Đ/c. Lê Văn C dự. Xong.", ["Đ/c. Lê Văn C dự.", "Xong."]),
        ("Có 1.250 hộ. Đạt 98,5%.", ["Có 1.250 hộ.", "Đạt 98,5%."]),
        ("Ngày 20.12.2023 họp.", ["Ngày 20.12.2023 họp."]),
        ("Xem anbien.kiengiang.gov.vn. Hết.", ["Xem anbien.kiengiang.gov.vn.", "Hết."]),
        ("Việc đã hoàn thành./.", ["Việc đã hoàn thành."]),
        ("Một./. Hai./.", ["Một.", "Hai."]),
        ("Ai đến? Ông A! Vâng.", ["Ai đến?", "Ông A!", "Vâng."]),
        ("Ông nói: “Tốt.” Sau đó về.", ["Ông nói: “Tốt.”", "Sau đó về."]),
        ("Chờ... Rồi đi.", ["Chờ...", "Rồi đi."]),
        ("gồm lúa, khoai v.v. và rau.", ["gồm lúa, khoai v.v. và rau."]),
        ("1. Mục tiêu chung.", ["1. Mục tiêu chung."]),
        ("a. Nhiệm vụ. b. Giải pháp.", ["a. Nhiệm vụ.", "b. Giải pháp."]),
        ("II. Kết quả đạt được.", ["II. Kết quả đạt được."]),
        ("Câu không có dấu chấm", ["Câu không có dấu chấm"]),
        ("  Nhiều   khoảng\ntrắng.  ", ["Nhiều khoảng trắng."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


SENTENCE = (
    "Ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba, Ủy ban nhân dân huyện "
    "An Biên tổ chức hội nghị tổng kết công tác năm, triển khai nhiệm vụ năm hai nghìn không "
    "trăm hai mươi tư."
)


@pytest.mark.parametrize(
    ("spoken", "max_chars", "chunks"),
    [
        ("Xin chào.", 100, ["Xin chào."]),
        ("", 100, []),
        ("   ", 100, []),
        ("một, hai, ba, bốn", 100, ["một, hai, ba, bốn"]),
        ("một hai, ba bốn", 10, ["một hai,", "ba bốn"]),
        ("aaa bbb ccc ddd, eee", 16, ["aaa bbb ccc ddd,", "eee"]),
        ("aaa bbb, ccc ddd eee", 12, ["aaa bbb,", "ccc ddd eee"]),
        ("kinh tế - xã hội phát triển", 18, ["kinh tế -", "xã hội phát triển"]),
        ("abcdefghijkl", 5, ["abcde", "fghij", "kl"]),
        ("ab abcdefghijkl", 5, ["ab", "abcde", "fghij", "kl"]),
        (
            SENTENCE,
            100,
            [
                "Ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba, "
                "Ủy ban nhân dân huyện An Biên",
                "tổ chức hội nghị tổng kết công tác năm, triển khai nhiệm vụ năm hai nghìn "
                "không trăm hai mươi tư.",
            ],
        ),
    ],
)
def test_chunk(spoken: str, max_chars: int, chunks: list[str]) -> None:
    assert chunk(spoken, max_chars) == chunks


def test_chunk_prefers_a_pause_when_it_costs_no_extra_chunk() -> None:
    pieces = chunk(SENTENCE, 70)
    assert len(pieces) == 3
    assert pieces[0].endswith("hai mươi ba,")
    assert pieces[1].endswith("công tác năm,")


def test_chunk_rejects_a_useless_limit() -> None:
    with pytest.raises(ValueError):
        chunk("một", 0)
