"""Issue 12: no listener page shows an exception for any article the importer accepts.

What `tests/ui/test_app.py` checks for articles built by hand is checked here for what
the importer itself makes: a plain text file and a page with no date and no category,
then any text at all that `import_text` accepts (hypothesis), each on the list page and
its own page.
"""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as strategies
from streamlit.testing.v1 import AppTest

from reader.articles.importer import import_source, import_text
from reader.articles.library import Library
from reader.errors import ReaderError
from reader.ui.labels import label

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_PAGE = "reader/ui/pages/article.py"



def _pages_render(article_id: int, title: str) -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception and not at.error
    listed = "".join(el.proto.body for el in at.get("html"))
    assert html.escape(title, quote=False) in listed or html.escape(title) in listed
    at.switch_page(ARTICLE_PAGE)
    at.query_params["id"] = str(article_id)
    at.run()
    assert not at.exception and not at.error, (title, at.exception, at.error)
    assert any(label("listen") == b.label for b in at.button)


def test_a_plain_text_file_and_an_undated_page_render_on_both_pages(app_env, tmp_path) -> None:
    plain = tmp_path / "thong-bao.txt"
    plain.write_text("Thông báo lịch tiếp dân\nỦy ban xã tiếp dân vào sáng thứ Hai hằng tuần.\n", encoding="utf-8")
    page = tmp_path / "trang.html"
    page.write_text(
        "<html><body><h1>Lịch cắt điện tuần này</h1><p>Điện lực huyện thông báo lịch cắt điện "
        "để bảo trì đường dây trong tuần, mong bà con thông cảm.</p></body></html>",
        encoding="utf-8",
    )
    for source in (plain, page):
        article = import_source(str(source), app_env)
        assert article.published is None and article.category == ""
        with Library.open(app_env) as library:
            stored = library.add(article)
        _pages_render(stored.id, stored.title)
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert label("unknown_date") in "".join(el.proto.body for el in at.get("html"))


_PIECES = strategies.sampled_from([
    "Giá lúa", "tăng", ">", "»", "**", "[a](b)", "<b>", "&amp;", "#", "`", "$", ":red[x]", "\u202e", "\u200b",
    "...", "(08:30 | 12/01/2025)", "Trang chủ", "Tin tức", "UBND", "12.500", "ha", "Nguồn:", "Ảnh:", "–", "😀",
])
_LINE = strategies.lists(_PIECES, min_size=1, max_size=8).map(" ".join)
_TEXT = strategies.lists(_LINE, min_size=1, max_size=6).map("\n".join)


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
def test_whatever_the_importer_accepts_renders_on_both_pages(app_env, text: str) -> None:
    try:
        article = import_text(text, app_env)
    except ReaderError:
        return  # refused with a reason: nothing stored, nothing to show
    with Library.open(app_env) as library:
        stored = library.add(article)
    _pages_render(stored.id, stored.title)
