"""The app's pages through Streamlit's AppTest (no JavaScript: see test_browser.py)."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reader.articles.library import Library
from reader.articles.model import Article
from reader.ui import text
from reader.ui.labels import label

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_PAGE = "reader/ui/pages/article.py"



def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _html(at: AppTest) -> str:
    return "".join(el.proto.body for el in at.get("html"))


def _listed_titles(at: AppTest) -> list[str]:
    """Titles as the browser shows them: the text of each card's title, unescaped."""
    found = re.findall(r'<span class="reader-card-title">(.*?)</span>', _html(at))
    return [html.unescape(t) for t in found]


def _heading_text(at: AppTest) -> str:
    """The article heading as the browser shows it: its (sentence) tags dropped, unescaped."""
    found = re.search(r"<h1 [^>]*>(.*?)</h1>", _html(at), re.S)
    assert found, "no heading"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))


def _fed(at: AppTest) -> list[dict]:
    """The audio messages handed to the player, in order."""
    return [json.loads(m) for m in re.findall(r"\}\)\((\{.*?\})\);</script>", _html(at))]


def _add(settings, **fields) -> Article:
    with Library.open(settings) as library:
        return library.add(Article(**{"paragraphs": ("Nội dung bài viết.",), **fields}))


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)


def _article_page(article_id: int) -> AppTest:
    at = _app().run()
    at.switch_page(ARTICLE_PAGE)
    at.query_params["id"] = str(article_id)
    return at.run()


def test_first_start_loads_the_samples_newest_first(app_env):
    at = _app().run()
    assert not at.exception
    with Library.open(app_env) as library:
        articles = library.list()
    assert len(articles) >= 6
    assert _listed_titles(at) == [a.title for a in articles]
    assert at.text_input(key="search").label.startswith("Tìm bài viết")


def test_search_without_accents(app_env):
    at = _app().run()
    with Library.open(app_env) as library:
        target = library.list()[0]
    words = target.title.split()[:3]
    folded = _without_accents(" ".join(words)).lower()
    at.text_input(key="search").input(folded).run()
    assert target.title in _listed_titles(at)
    at.text_input(key="search").input("zzzz không có").run()
    assert label("no_match") in _html(at) and not _listed_titles(at)


def test_article_page_shows_the_article_and_reads_it_offline(app_env):
    _app().run()
    with Library.open(app_env) as library:
        article = library.list()[0]
    at = _article_page(article.id)
    assert not at.exception
    page = _html(at)
    assert html.escape(article.title) in page and html.escape(article.category) in page
    assert "Nghe bài" in at.button(key="listen").label
    assert not at.get("audio")

    at.button(key="listen").click().run()
    assert not at.exception
    page = _html(at)
    assert 'class="reader-player"' in page
    fed = _fed(at)
    first, whole = fed[0], fed[-1]
    assert first["kind"] == "part" and first["index"] == 0 and first["autoplay"] is True
    title = first["timings"][0]
    assert title["s"] == 0 and 0 <= title["start"] < 100, "the title comes first (after the encoder's delay)"
    parts = [m for m in fed if m["kind"] == "part"]
    assert [m["index"] for m in parts] == list(range(len(parts)))
    spans = [row["s"] for m in parts for row in m["timings"]]
    assert spans == sorted(spans) and -1 not in spans
    assert whole["kind"] == "whole" and whole["autoplay"] is True and whole["offline"] is True
    assert sum(m["duration"] for m in parts) == pytest.approx(whole["timings"][-1]["end"], abs=1500)
    assert whole["timings"][0]["s"] == 0 and all(row["s"] >= 0 for row in whole["timings"])
    assert "data:" not in whole["src"] and "base64" not in page
    assert html.escape(label("offline_notice")) in page
    for name in ("pause", "back10", "forward10", "previous_sentence", "next_sentence", "speed", "download"):
        assert html.escape(label(name)) in page

    again = _article_page(article.id)
    assert not again.get("button"), "stored audio: the player is offered at once, no button to wait on"
    assert not _fed(again)[-1].get("autoplay")
    assert 'class="reader-offline">' in _html(again), "the offline notice is shown for stored offline audio"


def test_unknown_article_says_so_in_vietnamese(app_env):
    at = _article_page(987654)
    assert at.error and "Không tìm thấy bài viết" in at.error[0].value
    for bad in ("abc", "99999999999999999999999", "-1", "1e3", ""):
        at.query_params["id"] = bad
        at.run()
        assert not at.exception
        assert at.error and "Không tìm thấy bài viết" in at.error[0].value


HOSTILE_TITLES = [
    "Giá lúa **tăng** mạnh",
    "Xem [a](b) trên cổng",
    "Cảnh báo <script>alert(1)</script> giả mạo",
    "Giá lúa tăng > giá phân bón giảm",
    "__gạch__ `mã` # dấu thăng & <b>đậm</b>",
]


def test_article_without_date_category_or_url_renders_everywhere(app_env):
    article = _add(app_env, title="Thông báo không ngày tháng")
    at = _app().run()
    assert not at.exception
    assert article.title in _listed_titles(at)
    assert label("unknown_date") in _html(at)

    at = _article_page(article.id)
    assert not at.exception and not at.error
    page = _html(at)
    assert article.title in page and label("unknown_date") in page
    assert "Nội dung bài viết." in page
    assert 'class="reader-source"' not in page


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_titles_and_text_are_shown_exactly_as_written(app_env, title):
    article = _add(app_env, title=title, paragraphs=(f"Thân bài: {title}",), category="<i>Tin</i> **mới**")
    at = _app().run()
    assert not at.exception
    assert title in _listed_titles(at)
    assert "<script>alert" not in _html(at) and "<b>" not in _html(at)
    assert not at.get("page_link") and not at.get("markdown")

    at = _article_page(article.id)
    assert not at.exception
    page = _html(at)
    assert _heading_text(at) == title
    assert html.escape(f"Thân bài: {title}") in page
    assert html.escape("<i>Tin</i> **mới**") in page
    assert "<script>alert" not in page and "<i>" not in page


def test_source_link_only_for_web_addresses(app_env):
    article = _add(app_env, title="Có nguồn", url="https://example.gov.vn/tin?a=1&b=<x>")
    page = _html(_article_page(article.id))
    assert 'href="https://example.gov.vn/tin?a=1&amp;b=&lt;x&gt;"' in page
    assert text.source_html("javascript:alert(1)") == ""


def test_a_page_error_shows_a_vietnamese_message_and_a_way_back(app_env, monkeypatch):
    article = _add(app_env, title="Bài sẽ lỗi", published=datetime(2024, 1, 2, 8, 0))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(text, "body_html", broken)
    at = _article_page(article.id)
    assert not at.exception
    assert at.error and at.error[0].value == label("page_error")
    assert html.escape(label("back_to_list")) in _html(at)
    assert 'href="./"' in _html(at)


def test_the_list_is_paged_with_links_and_a_total(app_env):
    _app().run()
    for n in range(45):
        _add(app_env, title=f"Tin số {n:02d} về xã Nam Yên", published=datetime(2020, 1, 1, 7, 0), source=f"text:{n}")
    with Library.open(app_env) as library:
        total = library.count()
    pages = -(-total // 20)
    at = _app().run()
    assert not at.exception
    assert len(_listed_titles(at)) == 20
    page = _html(at)
    assert label("count_all", total=total) in page and f"trang 1/{pages}" in page
    assert 'href="./?trang=2"' in page and html.escape(label("next_page")) in page
    assert html.escape(label("previous_page")) not in page
    assert "<ul" in page and page.count('<li class="reader-card">') == 20

    last = _app()
    last.query_params["trang"] = str(pages)
    last.run()
    assert len(_listed_titles(last)) == total - 20 * (pages - 1)
    assert html.escape(label("previous_page")) in _html(last) and html.escape(label("next_page")) not in _html(last)

    beyond = _app()
    beyond.query_params["trang"] = "9999"
    beyond.run()
    assert _listed_titles(beyond) == _listed_titles(last)


def test_a_search_is_paged_and_counted(app_env):
    _app().run()
    for n in range(25):
        _add(app_env, title=f"Xã Nam Yên họp dân lần {n}", source=f"text:{n}")
    at = _app().run()
    at.text_input(key="search").input("nam yen").run()
    assert not at.exception
    assert len(_listed_titles(at)) == 20
    page = _html(at)
    with Library.open(app_env) as library:
        total = library.search_count("nam yen")
    assert total >= 25 and label("count_search", total=total) in page
    assert 'href="./?trang=2&amp;tim=nam+yen"' in page
    assert at.query_params["tim"] == ["nam yen"] or at.query_params["tim"] == "nam yen"


def test_a_failed_listen_says_so_and_offers_to_try_again(app_env, monkeypatch):
    from reader import service
    from reader.errors import EngineUnavailable

    article = _add(app_env, title="Bài không đọc được")
    calls = []

    def unavailable(*args, **kwargs):
        calls.append(1)
        raise EngineUnavailable("no voice")

    monkeypatch.setattr(service, "listen_parts", unavailable)
    monkeypatch.setattr(service, "listen", unavailable)
    at = _article_page(article.id)
    at.button(key="listen").click().run()
    assert not at.exception
    assert at.error and at.error[0].value == EngineUnavailable.user_message
    at.button(key="listen-retry").click().run()
    assert len(calls) == 2 and at.error


@pytest.mark.parametrize("query", ['"', "*", "a OR", "NEAR(", "đ", "<script>", "a" * 500])
def test_any_search_text_gives_a_page(app_env, query):
    at = _app()
    at.query_params["tim"] = query
    at.query_params["trang"] = "99999999999999999999"
    at.run()
    assert not at.exception and not at.error
