"""Sentences of written paragraphs, and chunks of spoken sentences."""

from __future__ import annotations

import pytest

from reader.speech.segment import (
    BETWEEN_WORDS,
    INSIDE_UNIT,
    LINK,
    PAUSE,
    chunk,
    cut_cost,
    cut_costs,
    split_sentences,
)


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
        # titles and places whose dot ends no sentence
        ("GS.TS. Lê Văn D nói. Hết.", ["GS.TS. Lê Văn D nói.", "Hết."]),
        ("Ông Th.S. Phạm Văn E dự. Hết.", ["Ông Th.S. Phạm Văn E dự.", "Hết."]),
        ("Ông Th.S Phạm Văn E dự. Hết.", ["Ông Th.S Phạm Văn E dự.", "Hết."]),
        ("Bà ThS. Lê Thị F dự.", ["Bà ThS. Lê Thị F dự."]),
        ("Đ/c. Nam Thái A dự.", ["Đ/c. Nam Thái A dự."]),
        ("Ông (TS. Hà) dự. Hết.", ["Ông (TS. Hà) dự.", "Hết."]),
        ("UBND TP.Rạch Giá họp. Hết.", ["UBND TP.Rạch Giá họp.", "Hết."]),
        # dots inside numbers, dates, times, decimals, addresses
        ("Ngày 20.12.2023. Hết.", ["Ngày 20.12.2023.", "Hết."]),
        ("Lúc 7.30 sáng. Hết.", ["Lúc 7.30 sáng.", "Hết."]),
        ("Tăng 2.5 lần. Hết.", ["Tăng 2.5 lần.", "Hết."]),
        ("Thu 1.250.000 đồng. Hết.", ["Thu 1.250.000 đồng.", "Hết."]),
        ("Gửi abc.xyz@kiengiang.gov.vn. Hết.", ["Gửi abc.xyz@kiengiang.gov.vn.", "Hết."]),
        ("Xem https://anbien.kiengiang.gov.vn/tin. Hết.", ["Xem https://anbien.kiengiang.gov.vn/tin.", "Hết."]),
        # quotes, ellipses, question and exclamation marks
        ('Ông nói: "Chờ..." rồi đi.', ['Ông nói: "Chờ..." rồi đi.']),
        ('Ông nói: "Chờ..." Rồi đi.', ['Ông nói: "Chờ..."', "Rồi đi."]),
        ("Chờ… Rồi đi.", ["Chờ…", "Rồi đi."]),
        ("Chờ… rồi đi.", ["Chờ… rồi đi."]),
        ("Thật sao?! Vâng.", ["Thật sao?!", "Vâng."]),
        ("Ai đến? ông A.", ["Ai đến? ông A."]),
        ("Tốt. “Ông nói”.", ["Tốt.", "“Ông nói”."]),
        # the "./." that closes official documents
        ("Xong ./.", ["Xong."]),
        ("Xong./. Tiếp theo", ["Xong.", "Tiếp theo"]),
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


@pytest.mark.parametrize(
    ("left", "right", "cost"),
    [
        ("năm,", "Ủy", PAUSE),
        ("tế", "-", PAUSE),
        ("-", "xã", PAUSE),
        ("hội", "nghị", INSIDE_UNIT),
        ("thực", "hiện", INSIDE_UNIT),
        ("nghị", "tổng", BETWEEN_WORDS),
        ("Biên", "tổ", BETWEEN_WORDS),
        ("huyện", "và", LINK),
        ("hộ", "của", LINK),
        ("dân,", "và", PAUSE),
        ("tăng", "cường", INSIDE_UNIT),
        ("người", "dân", INSIDE_UNIT),
        ("nghìn", "đồng", INSIDE_UNIT),
        ("mươi", "hộ", INSIDE_UNIT),
        ("tháng", "ba", INSIDE_UNIT),
        ("An", "Biên", INSIDE_UNIT),
        ("các", "hộ", INSIDE_UNIT),
        ("huyện", "An", INSIDE_UNIT),
        ("ông", "Nguyễn", INSIDE_UNIT),
        ("huyện", "tổ", BETWEEN_WORDS),
        ("mỗi", "người", INSIDE_UNIT),
        ("các,", "hộ", PAUSE),
        ("Nguyễn", "Văn", INSIDE_UNIT),
        ("Thái", "A", INSIDE_UNIT),
        ("hai", "nghìn", INSIDE_UNIT),
        ("mươi", "ba", INSIDE_UNIT),
    ],
)
def test_cut_cost(left: str, right: str, cost: int) -> None:
    assert cut_cost(left, right) == cost


NAMED = (
    "Tham dự có đồng chí Nguyễn Văn An cùng lãnh đạo các ban ngành, đoàn thể của huyện "
    "và bà Nam Thái A."
)


def test_chunk_keeps_a_name_whole() -> None:
    for limit in range(30, 101, 7):
        pieces = chunk(NAMED, limit)
        assert " ".join(pieces) == NAMED
        for left, right in zip(pieces, pieces[1:]):
            assert cut_cost(left.split()[-1], right.split()[0]) != INSIDE_UNIT, (limit, pieces)


def test_chunk_keeps_a_number_whole_when_it_costs_no_extra_chunk() -> None:
    spoken = "Tổng kinh phí hỗ trợ là hai trăm ba mươi lăm triệu bốn trăm nghìn đồng cho các hộ dân"
    pieces = chunk(spoken, 61)
    assert pieces == [
        "Tổng kinh phí hỗ trợ là",
        "hai trăm ba mươi lăm triệu bốn trăm nghìn đồng cho các hộ dân",
    ]


def test_a_paragraph_costs_one_request_per_100_characters_or_close() -> None:
    spoken = ", ".join(["một xã đạt chuẩn nông thôn mới"] * 12) + "."
    pieces = chunk(spoken)
    assert len(pieces) == -(-len(spoken) // 100) or len(pieces) == -(-len(spoken) // 100) + 1
    assert all(len(p) <= 100 for p in pieces)


def test_chunk_prefers_a_pause_when_it_costs_no_extra_chunk() -> None:
    pieces = chunk(SENTENCE, 70)
    assert len(pieces) == 3
    assert pieces[0].endswith("hai mươi ba,")
    assert pieces[1].endswith("công tác năm,")


def test_chunk_rejects_a_useless_limit() -> None:
    with pytest.raises(ValueError):
        chunk("một", 0)


# -- cuts only between words ------------------------------------------------------------

UNITS = [
    # a compound word, a number with its unit, an expansion, a name: each stays in one piece
    ("tổ chức thực hiện kế hoạch", "thực hiện"),
    ("đạt ba phẩy bảy mươi lăm phần trăm kế hoạch", "ba phẩy bảy mươi lăm phần trăm"),
    ("cấp cho hai nghìn ba trăm hộ nghèo trong huyện", "hai nghìn ba trăm hộ nghèo"),
    ("họp Ban Chấp hành Đảng bộ huyện", "Ban Chấp hành"),
    ("lực lượng phòng cháy chữa cháy và cứu nạn cứu hộ của huyện", "phòng cháy chữa cháy và cứu nạn cứu hộ"),
    ("gặp ông Nguyễn Văn An tại nhà", "ông Nguyễn Văn An"),
    ("họp vào ngày mười lăm tháng ba năm nay", "ngày mười lăm tháng ba năm nay"),
    ("đường dài hai phẩy năm ki lô mét", "hai phẩy năm ki lô mét"),
    ("trao quà cho các gia đình chính sách", "các gia đình chính sách"),
    (
        "gọi điện thoại không hai chín bảy, ba tám sáu ba, bốn năm sáu hoặc đến trực tiếp",
        "không hai chín bảy, ba tám sáu ba, bốn năm sáu",
    ),
    ("theo chuẩn nghèo giai đoạn hai nghìn không trăm hai mươi hai", "giai đoạn hai nghìn không trăm hai mươi hai"),
]


@pytest.mark.parametrize(("spoken", "unit"), UNITS)
def test_no_cut_inside_a_unit_at_any_limit(spoken: str, unit: str) -> None:
    for limit in range(len(unit), len(spoken) + 1):
        pieces = chunk(spoken, limit)
        assert " ".join(pieces) == spoken
        assert any(unit in piece for piece in pieces), (limit, pieces)


def test_one_more_request_rather_than_a_bad_cut() -> None:
    # Two pieces would need "tổ chức thực ‖ hiện tốt"; three keep every word whole.
    assert chunk("tổ chức thực hiện tốt", 12) == ["tổ chức", "thực hiện", "tốt"]
    assert chunk("tổ chức thực hiện", 9) == ["tổ chức", "thực hiện"]


def test_a_link_word_is_preferred_to_a_plain_boundary() -> None:
    spoken = "Hội nghị tổng kết công tác xây dựng nông thôn mới của huyện An Biên năm nay"
    pieces = chunk(spoken, 50)
    assert pieces[1].startswith("của ")


def test_punctuation_is_preferred_to_a_link_word() -> None:
    spoken = "Huyện hỗ trợ vốn, giống cây trồng và kỹ thuật"
    assert chunk(spoken, 35) == ["Huyện hỗ trợ vốn,", "giống cây trồng và kỹ thuật"]


def test_a_unit_longer_than_a_piece_is_cut_as_little_as_possible() -> None:
    name = "Ủy ban Mặt trận Tổ quốc Việt Nam"
    pieces = chunk(name, 12)
    assert " ".join(pieces) == name
    assert all(len(p) <= 12 for p in pieces)


def test_a_number_and_the_date_after_it_are_two_units() -> None:
    words = "Quyết định số một nghìn hai trăm ba mươi tư ngày mười hai tháng sáu năm nay".split()
    costs = dict(zip(zip(words, words[1:]), cut_costs(words)))
    assert costs[("tư", "ngày")] != INSIDE_UNIT  # the code's number ends; a date begins
    assert costs[("số", "một")] == INSIDE_UNIT
    assert costs[("hai", "tháng")] == INSIDE_UNIT  # a date goes on
    assert costs[("sáu", "năm")] == INSIDE_UNIT
