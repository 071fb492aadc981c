"""The first page: the latest news in big type, newest first, with a search box.

The list is plain HTML (a `ul` of links), so a title shows exactly as written: no
Markdown, no markup, whatever characters it holds.
"""

from __future__ import annotations

import streamlit as st

from reader.ui import state, text
from reader.ui.labels import label


def show() -> None:
    st.html(text.heading_html(label("app_title")))
    query = st.text_input(label("search_label"), key="search").strip()
    with state.library() as library:
        articles = library.search(query) if query else library.list()
    if not articles:
        st.info(label("no_match") if query else label("no_articles"))
        return
    st.html(f'<p class="reader-count">{len(articles)} bài viết</p>')
    st.html(text.list_html([text.card_html(a.id, a.title, a.published, a.category) for a in articles]))
