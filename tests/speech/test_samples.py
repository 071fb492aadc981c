"""Every bundled sample article reads cleanly: nothing an engine would spell or guess at.

The samples are real district news; a digit, a "/" or a word in capitals left in a chunk
means a form the normalization rules do not cover yet, and the voice would stumble on it.
A chunk boundary inside a word ("thực ‖ hiện") is heard as a gap in the word.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.articles.samples import load_samples
from reader.speech import bonds
from reader.speech.script import build_script
from tests.speech.test_properties import engine_problems

SAMPLES = load_samples()


@pytest.mark.parametrize("article", SAMPLES, ids=[a.source for a in SAMPLES])
def test_sample_article_chunks_are_clean(article) -> None:  # type: ignore[no-untyped-def]
    script = build_script([article.title, *article.paragraphs])
    problems = [
        (sentence.text, piece, engine_problems(piece))
        for _, _, sentence in script.sentences()
        for piece in sentence.chunks
        if engine_problems(piece) or len(piece) > 100
    ]
    assert problems == []


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 5


VOICE_FORBIDDEN = re.compile(r"[0-9/$€₫%&#£¥₩]")


@pytest.mark.parametrize("article", SAMPLES, ids=[a.source for a in SAMPLES])
def test_no_digit_or_symbol_reaches_the_voice(article) -> None:  # type: ignore[no-untyped-def]
    """Issue 6: no digit, "/", "$", "€", "₫", "%", "&" or "#" in anything sent to the voice."""
    script = build_script([article.title, *article.paragraphs])
    leaks = [
        (sentence.text, piece)
        for _, _, sentence in script.sentences()
        for piece in sentence.chunks
        if VOICE_FORBIDDEN.search(piece)
    ]
    assert leaks == []


def _dictionary() -> set[str]:
    root = Path(__file__).resolve().parents[2] / "reader" / "speech" / "data"
    words: set[str] = set()
    for name in ("compound_words.txt", "news_words.txt"):
        lines = (root / name).read_text(encoding="utf-8").splitlines()
        words.update(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    return words


DICTIONARY = _dictionary()
LONGEST = max(len(w.split()) for w in DICTIONARY)


def _words_across(left: list[str], right: list[str]) -> list[str]:
    """Every dictionary word made of the end of ``left`` and the start of ``right``."""
    found = []
    for a in range(1, min(len(left), LONGEST) + 1):
        tail = left[-a:]
        if any(w[-1] in ",;:.!?…" for w in tail):
            continue
        for b in range(1, min(len(right), LONGEST - a) + 1):
            head = right[:b]
            if any(w[-1] in ",;:.!?…" for w in head[:-1]):
                break
            text = " ".join(w.strip("\"'“”‘’«»()").rstrip(",;:.!?…").lower() for w in tail + head)
            if text in DICTIONARY:
                found.append(text)
    return found


@pytest.mark.parametrize("article", SAMPLES, ids=[a.source for a in SAMPLES])
def test_no_chunk_boundary_falls_inside_a_word(article) -> None:  # type: ignore[no-untyped-def]
    script = build_script([article.title, *article.paragraphs])
    cuts = []
    for _, _, sentence in script.sentences():
        for left, right in zip(sentence.chunks, sentence.chunks[1:]):
            inside = _words_across(left.split(), right.split())
            boundary = len(left.split()) - 1
            unit = bonds.bound_boundaries((left + " " + right).split())[boundary]
            if inside or unit:
                cuts.append((left, right, inside))
    assert cuts == []


# A southern provincial paper's week, written as it prints: every form of issue 6 at once.
SOUTHERN_NEWS = [
    "Sáng 15-3, tại Hội trường UBND huyện An Biên, Ban Chỉ đạo tổ chức sơ kết quý I/2024.",
    "Đến 16g30 cùng ngày, lực lượng chức năng khống chế được đám cháy, thiệt hại khoảng "
    "500 triệu đồng.",
    "Giá lúa tươi dao động từ 7.200-7.500 đồng/kg, tăng 200-300 đồng/kg so với tuần trước.",
    "Huyện hỗ trợ 05 căn nhà đại đoàn kết, mỗi căn 50 triệu đồng; 03 đồng chí nhận bằng khen.",
    "Mọi phản ánh xin gọi đường dây nóng 0297.3863.456, (0297) 3 863 457 hoặc 1900 9095; "
    "khẩn cấp gọi 113, 114, 115.",
    "Trạm biến áp 110kV có công suất 2x63 MVA; dự án điện gió 100MW vốn 170 triệu USD.",
    "Nhiệt độ 33-35°C, độ ẩm 75-85%, gió 10 m/s, lượng mưa 120mm.",
    "Đội bóng xã Nam Yên thắng Tây Yên với tỷ số 3-1; trận lượt về hòa 0-0.",
    "Đăng ký qua Zalo, Facebook hoặc ứng dụng VNeID; chuyển khoản qua Vietcombank, Agribank.",
    "Lúc 20g ngày 30-4, pháo hoa được bắn; từ 10-6 đến 12-6 diễn ra hội chợ, vé $5.99 hoặc "
    "€5, giá từ 20.000đ-30.000đ.",
    "Giải chạy diễn ra từ 5g-10g ngày 7-1-2024, người về nhất đạt 2:21:45, chậm 30s.",
    "Hội nghị diễn ra trong hai ngày 20, 21 tháng 3 và các ngày 5, 6/4; Đại hội lần XII, "
    "Chương IV, Phần II.",
    "Ổ cứng 2TB, bộ nhớ 8GB, pin 5.000 mAh, tốc độ 100 Mbps, tần số 2,4 GHz, động cơ 150CV.",
    "Mã bưu chính 920000; học phí 1,5 triệu đồng/học sinh/tháng; lãi suất 0,5%/tháng.",
]


def test_the_forms_of_southern_news_reach_the_voice_clean() -> None:
    script = build_script(SOUTHERN_NEWS)
    leaks = [
        (sentence.text, piece)
        for _, _, sentence in script.sentences()
        for piece in sentence.chunks
        if VOICE_FORBIDDEN.search(piece) or engine_problems(piece)
    ]
    assert leaks == []
