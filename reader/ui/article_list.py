"""The first page: the latest news in big type, newest first, with a search box."""

from __future__ import annotations

import streamlit as st

from reader.errors import ReaderError
from reader.ui import state, text
from reader.ui.layout import APP_TITLE


def show() -> None:
    st.html(text.heading_html(APP_TITLE))
    query = st.text_input("Tìm bài viết (gõ có dấu hoặc không dấu)", key="search").strip()
    try:
        with state.library() as library:
            articles = library.search(query) if query else library.list()
    except ReaderError as exc:
        st.error(exc.user_message)
        return
    if not articles:
        st.info("Không có bài viết nào khớp với từ khóa này." if query else "Chưa có bài viết nào.")
        return
    st.caption(f"{len(articles)} bài viết")
    for article in articles:
        with st.container(key=f"item-{article.id}"):
            st.page_link(state.ARTICLE_PAGE, label=article.title, query_params={"id": str(article.id)})
            st.html(text.meta_html(article.published, article.category))
