"""Dates that are right: the page's own date line in every form, then metadata, never the import day."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reader.articles.dates import parse_date_line
from reader.articles.html import parse_html
from reader.articles.html_dates import guessed_day
from reader.articles.model import VN_TZ
from reader.articles.textdump import parse_text_dump

WHEN = datetime(2021, 4, 15, 14, 30, tzinfo=VN_TZ)
DAY = datetime(2021, 4, 15, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("(14:30 | 15/04/2021)", WHEN),
        ("Thứ năm, 15/04/2021 14:30", WHEN),
        ("15/04/2021 - 14:30", WHEN),
        ("Cập nhật lúc 14:30 ngày 15/4/2021", WHEN),
        ("Ngày đăng: 15-04-2021", DAY),
        ("Thứ 5, 15/4/2021, 14:30 (GMT+7)", WHEN),
        ("Thứ Năm, ngày 15 tháng 4 năm 2021 - 14h30", WHEN),
        ("Ngày 15 tháng 04 năm 2021", DAY),
        ("15 tháng 4, 2021 | 14:30", WHEN),
        ("Chủ nhật, 15/04/2021 | 14:30", WHEN),
        ("15/04/2021 14:30:25", WHEN),
        ("14h30 ngày 15/4/2021", WHEN),
        ("14 giờ 30 phút, ngày 15/4/2021", WHEN),
        ("15/04/2021 2:30:00 CH", WHEN),
        ("15/04/2021 02:30 PM", WHEN),
        ("15.04.2021 14:30", WHEN),
        ("2021-04-15 14:30", WHEN),
        ("Đăng lúc: 14:30 - 15/04/2021", WHEN),
        ("Ngày xuất bản: 15/04/2021 14:30", WHEN),
        ("[15/04/2021 14:30]", WHEN),
        ("Cập nhật: 14:30 15/04/2021 GMT+7", WHEN),
        ("T5, 15/04/2021 - 14:30", WHEN),
        ("14g30 | 15/04/2021", WHEN),
        # not date lines
        ("(14:30 | 31/02/2021)", None),
        ("(25:30 | 15/04/2021)", None),
        ("Sáng ngày 15/4/2021, UBND huyện tổ chức hội nghị", None),
        ("Kế hoạch giai đoạn 2021-2025", None),
        ("Quyết định số 15/04/2021/QĐ-UBND", None),
        ("Từ 15/04/2021 đến 20/04/2021 các xã ra quân", None),
        ("Hội nghị diễn ra lúc 14:30 ngày 15/4/2021 tại hội trường UBND huyện", None),
        ("", None),
    ],
)
def test_date_lines(line, expected):
    assert parse_date_line(line) == expected


def portal_page(date_block: str, head: str = "", header_date: str = "Thứ hai, 30/11/2026") -> str:
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin</title>{head}</head><body>
<header><div class="today">{header_date}</div><nav><a href="/">Trang chủ</a></nav></header>
<div class="top-date">{header_date}</div>
<main><article><h1>Huyện An Biên ra quân làm sạch môi trường</h1>
{date_block}
<div class="content"><p>Sáng nay, hơn 500 đoàn viên thanh niên huyện An Biên ra quân làm sạch môi trường
ở các tuyến đường chính của thị trấn Thứ Ba.</p>
<p>Đợt ra quân thu gom hơn 3 tấn rác thải và phát quang 12 km đường giao thông nông thôn.</p></div>
</article></main><footer>Bản quyền © 2026 UBND huyện An Biên. Cập nhật: 30/11/2026</footer></body></html>"""


@pytest.mark.parametrize(
    "date_block",
    [
        '<div class="date">(14:30 | 15/04/2021)</div>',
        '<span class="time">Thứ năm, 15/04/2021 14:30</span>',
        "<p><em>15/04/2021 - 14:30</em></p>",
        '<div class="meta">Cập nhật lúc 14:30 ngày 15/4/2021</div>',
        '<div class="date"><span>14:30</span> | <span>15/04/2021</span></div>',
    ],
)
def test_html_date_line_after_the_title_beats_the_header_and_metadata(date_block):
    head = '<meta property="article:published_time" content="2021-04-16T09:00:00+07:00">'
    article = parse_html(portal_page(date_block, head), "http://portal.example/a.html")
    assert article.published == WHEN


def test_html_date_only_line():
    article = parse_html(portal_page('<div class="date">Ngày đăng: 15-04-2021</div>'), "")
    assert article.published == DAY


def test_html_date_line_above_the_title_is_used_when_none_is_below():
    html = portal_page("").replace("<main><article>", '<main><article><div class="date">15/04/2021 14:30</div>')
    assert parse_html(html, "").published == WHEN


def test_html_metadata_then_json_ld():
    meta = '<meta property="article:published_time" content="2021-04-15T07:30:00Z">'
    assert parse_html(portal_page("", meta), "").published == WHEN.replace(hour=14, minute=30)
    ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, ' \
         '{"@type": "NewsArticle", "datePublished": "2021-04-15T14:30:00+07:00"}]}</script>'
    assert parse_html(portal_page("", ld), "").published == WHEN
    broken = '<script type="application/ld+json">{not json</script>'
    assert parse_html(portal_page("", broken), "").published is None


def test_no_date_anywhere_is_none_never_the_import_day():
    today = datetime.now(VN_TZ).strftime("%d/%m/%Y")
    article = parse_html(portal_page("", header_date=f"Thứ hai, {today}"), "http://portal.example/a.html")
    assert article.published is None


def test_trafilatura_guess_refused_when_it_is_today():
    assert guessed_day("2021-04-15", today=date(2026, 11, 30)) == DAY
    assert guessed_day("2026-11-30", today=date(2026, 11, 30)) is None
    assert guessed_day("2027-01-01", today=date(2026, 11, 30)) is None
    assert guessed_day("", today=date(2026, 11, 30)) is None
    assert guessed_day("2021-02-31", today=date(2026, 11, 30)) is None


@pytest.mark.parametrize(
    "line",
    ["Thứ năm, 15/04/2021 14:30", "Cập nhật lúc 14:30 ngày 15/4/2021", "15/04/2021 - 14:30", "(14:30 | 15/04/2021)"],
)
def test_text_dump_date_forms(line):
    dump = f"Cổng TTĐT huyện An Biên\nThứ hai, 30/11/2026\nMôi trường\nRa quân làm sạch môi trường\n{line}\n" \
           "Sáng nay, hơn 500 đoàn viên ra quân.\n"
    article = parse_text_dump(dump)
    assert article.title == "Ra quân làm sạch môi trường" and article.published == WHEN
    assert article.category == "Môi trường"


def test_text_dump_without_a_date_has_none():
    article = parse_text_dump("Ra quân làm sạch môi trường\nSáng nay, hơn 500 đoàn viên ra quân.\n")
    assert article.published is None


def test_text_dump_header_date_under_a_menu_entry_is_not_the_article_date():
    dump = """Cổng thông tin điện tử huyện An Biên
Giới thiệu
Thứ hai, 30/11/2026
Tin tức > Môi trường
Ra quân làm sạch môi trường
Thứ năm, 15/04/2021 14:30
Sáng nay, hơn 500 đoàn viên thanh niên huyện An Biên ra quân làm sạch môi trường ở thị trấn Thứ Ba.
Đợt ra quân thu gom hơn 3 tấn rác thải.
Tin liên quan
Khai mạc Hội chợ Xuân
(12/01/2021)
"""
    article = parse_text_dump(dump)
    assert article.title == "Ra quân làm sạch môi trường" and article.published == WHEN
    assert article.category == "Môi trường"
    assert article.paragraphs[-1] == "Đợt ra quân thu gom hơn 3 tấn rác thải."


def test_html_site_name_in_h1_and_title_in_h2():
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="Ra quân làm sạch môi trường"><title>Ra quân làm sạch môi trường - Cổng TTĐT</title></head>
<body><div class="top"><h1 class="logo">Cổng thông tin điện tử huyện An Biên</h1>
<div class="clock">Thứ hai, {datetime.now(VN_TZ):%d/%m/%Y}</div></div>
<div class="main"><h2 class="title">Ra quân làm sạch môi trường</h2><div class="date">15/04/2021 - 14:30</div>
<p>Sáng nay, hơn 500 đoàn viên thanh niên huyện An Biên ra quân làm sạch môi trường ở thị trấn Thứ Ba.</p>
<p>Đợt ra quân thu gom hơn 3 tấn rác thải và phát quang 12 km đường giao thông nông thôn.</p></div></body></html>"""
    assert parse_html(html, "").published == WHEN
