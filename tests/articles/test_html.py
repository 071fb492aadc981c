from datetime import datetime

import pytest

from reader.articles.html import parse_html
from reader.articles.model import VN_TZ
from reader.errors import ExtractError
from tests.fakes.portal import CONFERENCE, ROADS

BODY = "<p>Sáng ngày 5/1, UBND huyện An Biên tổ chức lễ ra quân vận động người dân tham gia BHYT.</p>" \
       "<p>Toàn huyện hiện có 93,2% dân số tham gia bảo hiểm y tế, chỉ tiêu năm 2024 là 95%.</p>"


def page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_portal_page():
    article = parse_html(CONFERENCE, "http://portal.example/tin-tuc/a.html")
    assert article.title == "Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023"
    assert article.category == "Chính trị, xã hội"
    assert article.published == datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ)
    assert article.url == article.source == "http://portal.example/tin-tuc/a.html"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[-1].endswith("2021-2025.")
    text = " ".join(article.paragraphs)
    for chrome in ("TIN NỔI BẬT", "cỡ chữ", "Tin liên quan", "Tác giả", "Bản quyền", "tracker"):
        assert chrome not in text


def test_bytes_input_and_date_time_order():
    article = parse_html(ROADS.encode("utf-8"), "http://portal.example/b.html")
    assert article.title == "Khởi công đường giao thông nông thôn xã Nam Thái A"
    assert article.published == datetime(2024, 4, 22, 15, 20, tzinfo=VN_TZ)
    assert article.category == "Giao thông - Xây dựng"


@pytest.mark.parametrize(
    "head, body, title",
    [
        ("<title>Ra quân vận động BHYT - Cổng TTĐT huyện An Biên</title>", f"<div>{BODY}</div>",
         "Ra quân vận động BHYT"),
        ('<meta property="og:title" content="Tiêu đề từ og:title"><title>Khác | Portal</title>',
         f"<div>{BODY}</div>", "Tiêu đề từ og:title"),
        ("", f"<div><h1>Tiêu đề từ h1</h1>{BODY}</div>", "Tiêu đề từ h1"),
    ],
    ids=["title-tag", "og-title", "h1"],
)
def test_title_fallbacks(head, body, title):
    assert parse_html(page(head, body), "").title == title


def test_published_from_meta():
    head = '<title>Tin</title><meta property="article:published_time" content="2024-01-05T08:15:00+07:00">'
    article = parse_html(page(head, f"<article><h1>Tin BHYT</h1>{BODY}</article>"), "")
    assert article.published == datetime(2024, 1, 5, 8, 15, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    "html",
    [
        "",
        b"",
        "   ",
        "<html></html>",
        page("<title>Chỉ có tiêu đề</title>", ""),
        page("", "<script>" + "alert(1);" * 10_000 + "</script>"),
        page("", "<div title='" + "x" * 5_000_000 + "'>a</div>"),
        page("", "<div>" * 60_000),
        b"\x00\xff\xfe" * 1000,
        "just some words, no markup at all",
        page("<title>T</title>", "<p>" + "<b>" * 5000 + "x"),
    ],
    ids=["empty", "empty-bytes", "blank", "no-body", "title-only", "scripts", "huge-attribute",
         "deep-nesting", "binary", "plain-words", "unclosed"],
)
def test_hostile_or_empty_html_raises_extract_error(html):
    with pytest.raises(ExtractError):
        parse_html(html, "http://portal.example/x")
