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
