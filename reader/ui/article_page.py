"""One article: title, date, category, the big "Nghe bài" button and the body."""

from __future__ import annotations

import streamlit as st

from reader.articles.model import Article
from reader.errors import ReaderError
from reader.ui import player, state, text


def show() -> None:
    st.page_link(state.LIST_PAGE, label="← Quay lại danh sách tin")
    article = _requested_article()
    if article is None:
        return
    st.html(text.heading_html(article.title))
    st.html(text.meta_html(article.published, article.category))
    player.show(article)
    st.html(text.body_html(article.paragraphs))


def _requested_article() -> Article | None:
    raw = st.query_params.get("id", "")
    if not raw.isdigit():
        st.error("Không tìm thấy bài viết này. Vui lòng chọn một bài trong danh sách tin.")
        return None
    try:
        with state.library() as library:
            return library.get(int(raw))
    except ReaderError as exc:
        st.error(exc.user_message)
        return None
