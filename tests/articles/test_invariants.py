"""Invariants over arbitrary input: extractors fail only with ``ExtractError``."""

import multiprocessing

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.articles.html import parse_html
from reader.articles.library import Library
from reader.articles.model import Article
from reader.articles.textdump import parse_text_dump
from reader.errors import ExtractError

lines = st.sampled_from(
    ["TIN NỔI BẬT:", "Cổng thông tin điện tử huyện An Biên", "Xem với cỡ chữAA", "Chính trị, xã hội",
     "(14:30 | 20/12/2023)", "20/12/2023 14:30", "Trang chủ > Tin tức", "Tác giả: A", "Tin liên quan",
     "", "  ", "./.", "Huyện An Biên tổ chức hội nghị", "Nội dung bài viết 98,5%./."]
) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, max_size=15))
def test_text_dump_returns_article_or_extract_error(parts):
    try:
        article = parse_text_dump("\n".join(parts))
    except ExtractError:
        return
    assert article.title and article.paragraphs
    assert all(p.strip() for p in article.paragraphs)
    assert not article.paragraphs[-1].endswith("/.")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300) | st.binary(max_size=300))
def test_html_returns_article_or_extract_error(data):
    try:
        parse_html("<html><body>" + data + "</body></html>" if isinstance(data, str) else data, "")
    except ExtractError:
        pass


def _add_same_urls(path: str) -> None:
    with Library(path) as library:
        for i in range(15):
            url = f"http://portal.example/{i % 5}.html"
            library.add(Article(f"Bài {i}", ("Nội dung.",), url=url, source=url))


def test_processes_adding_the_same_urls_share_rows(tmp_path):
    path = str(tmp_path / "data" / "library.sqlite3")
    Library(path).close()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_add_same_urls, args=(path,)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with Library(path) as library:
        assert library.count() == 5


# -- dates, notes, feeds and links: never crash, never lose a word -------------------------

import re  # noqa: E402

from reader.articles.dates import parse_date_line  # noqa: E402
from reader.articles.feeds import parse_feed  # noqa: E402
from reader.articles.links import article_links  # noqa: E402
from reader.articles.notes import split_notes  # noqa: E402
from reader.errors import FeedError  # noqa: E402

date_bits = st.sampled_from(
    ["14:30", "|", "15/04/2021", "Thứ năm,", "ngày", "Cập nhật lúc", "(", ")", "GMT+7", "2:30 CH", "tháng 4",
     "năm 2021", "15", "-", "UBND huyện", "31/02/2021", "25:61"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(date_bits, max_size=8).map(" ".join) | st.text(max_size=60))
def test_date_lines_are_none_or_vietnam_time(line):
    when = parse_date_line(line)
    assert when is None or when.utcoffset().total_seconds() == 7 * 3600


note_lines = st.sampled_from(
    ["Q.A", "HL", "(TTXVN)", "Minh Thư", "Tác giả: Minh Thư", "Ảnh: Q.A", "Quang cảnh hội nghị. Ảnh: HL",
     "Nguồn: Báo Kiên Giang", "Huyện tổ chức hội nghị tổng kết năm 2023.", "Năm nay đạt kết quả tốt./. HL",
     "(TTXVN) - Sáng nay, hội nghị khai mạc.", "Đ/c Hùng (giữa) trao quà", "Các xã tham gia gồm:"]
) | st.text(max_size=40)


def _words(lines):
    return sorted(w for line in lines for w in re.findall(r"[^\W_]+", line))


@settings(max_examples=300, deadline=None)
@given(st.lists(note_lines, max_size=10))
def test_split_notes_loses_no_word(lines):
    lines = [line for line in lines if line.strip()]
    body, notes = split_notes(lines)
    assert _words(body + notes) == _words(lines)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=300).map(str.encode))
def test_feeds_parse_or_raise_feed_error(data):
    try:
        parse_feed(data, "http://portal.example/rss.xml")
    except FeedError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_links_found_or_feed_error(text):
    try:
        links = article_links("<html><body>" + text + "</body></html>", "http://portal.example/chuyen-muc")
    except FeedError:
        return
    assert all(link.startswith("http://portal.example/") for link in links)
