"""The app's pages through Streamlit's AppTest (no JavaScript: see test_browser.py)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from reader.articles.library import Library
from reader.ui.player import OFFLINE_NOTICE

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_PAGE = "reader/ui/pages/article.py"


@pytest.fixture
def app_env(settings, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("READER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("READER_CACHE_DIR", str(settings.cache_dir))
    monkeypatch.setenv("READER_GTTS_URL", settings.gtts_url)
    monkeypatch.setenv("READER_GTTS_CONNECT_TIMEOUT", "0.5")
    monkeypatch.setenv("READER_GTTS_RETRIES", "0")
    st.cache_data.clear()
    st.cache_resource.clear()
    return settings


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
    links = at.get("page_link")
    labels = [link.proto.label for link in links]
    assert labels == [a.title for a in articles]
    assert at.text_input(key="search").label.startswith("Tìm bài viết")


def test_search_without_accents(app_env):
    at = _app().run()
    with Library.open(app_env) as library:
        target = library.list()[0]
    words = target.title.split()[:3]
    folded = _without_accents(" ".join(words)).lower()
    at.text_input(key="search").input(folded).run()
    labels = [link.proto.label for link in at.get("page_link")]
    assert target.title in labels
    at.text_input(key="search").input("zzzz không có").run()
    assert at.info and "Không có bài viết nào" in at.info[0].value


def test_article_page_shows_the_article_and_reads_it_offline(app_env):
    _app().run()
    with Library.open(app_env) as library:
        article = library.list()[0]
    at = _article_page(article.id)
    assert not at.exception
    html = "".join(el.proto.body for el in at.get("html"))
    assert article.title in html and article.category in html
    assert "Nghe bài" in at.button(key="listen").label
    assert not at.get("audio")

    at.button(key="listen").click().run()
    assert not at.exception
    audio = at.get("audio")
    assert len(audio) == 1
    assert at.info and at.info[0].value == OFFLINE_NOTICE
    assert at.get("download_button")


def test_unknown_article_says_so_in_vietnamese(app_env):
    at = _article_page(987654)
    assert at.error and "Không tìm thấy bài viết" in at.error[0].value
    at.query_params["id"] = "abc"
    at.run()
    assert at.error and "Không tìm thấy bài viết" in at.error[0].value
