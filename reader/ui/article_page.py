"""One article: title, the big "Nghe bài" button (above the fold on a phone at large
text sizes, so it comes before the date and category), then the body."""

from __future__ import annotations

import streamlit as st

from reader.articles.model import Article
from reader.errors import ArticleNotFound
from reader.ui import player, state, text
from reader.ui.boundary import show_error
from reader.ui.labels import label
from reader.ui.layout import page_title
from reader.ui.transcript import build_transcript


def show() -> None:
    st.html(f'<p class="reader-back">{text.link_html("./", label("back_to_list"))}</p>')
    article = _requested_article()
    if article is None:
        return
    st.set_page_config(page_title=page_title(article.title))
    transcript = build_transcript([article.title, *article.paragraphs])
    st.html(text.heading_html(article.title, inner_html=transcript.title_html, focus=True))
    player.show(article, transcript)
    st.html(text.meta_html(article.published, article.category))
    st.html(text.body_html(transcript.body_html, escaped=True))
    source = text.source_html(article.url)
    if source:
        st.html(source)


def _requested_article() -> Article | None:
    raw = str(st.query_params.get("id", "")).strip()
    # ASCII digits only ("²" is a digit to isdigit, not to int) and few: int() refuses 4,300.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 19):
        show_error(label("article_not_found"))
        return None
    try:
        with state.library() as library:
            return library.get(int(raw))
    except ArticleNotFound:
        show_error(label("article_not_found"))
        return None
