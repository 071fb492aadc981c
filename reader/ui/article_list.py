"""The first page: the latest news in big type, newest first, with a search box, one
page of `list_page_size` articles at a time ("Trang sau" / "Trang trước").

The list is plain HTML (a `ul` of links), so a title shows exactly as written: no
Markdown, no markup, whatever characters it holds. The page number and the search are
in the address (`?trang=2&tim=...`), so a page can be bookmarked, shared and reloaded.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import streamlit as st

from reader.ui import bulletin, categories, state, text
from reader.ui.labels import label
from reader.ui.layout import announce

PAGE_PARAM, QUERY_PARAM = "trang", "tim"


def page_number(raw: object, pages: int) -> int:
    """The page asked for in the address, kept within 1..pages whatever it says."""
    value = str(raw or "1").strip()
    # ASCII digits only ("²" is a digit to isdigit, not to int); a huge number is the last page.
    number = (int(value) if len(value) <= 9 else pages) if value.isascii() and value.isdigit() else 1
    return max(1, min(number, max(1, pages)))


def page_href(page: int, query: str, category: str = "") -> str:
    """The list is the default page, served at the app's root (relative: "./")."""
    params = {PAGE_PARAM: str(page)} if page > 1 else {}
    if query:
        params[QUERY_PARAM] = query
    if category:
        params[categories.CATEGORY_PARAM] = category
    return "./" + (f"?{urlencode(params)}" if params else "")


def pager_html(page: int, pages: int, query: str, category: str = "") -> str:
    links = []
    if page > 1:
        links.append(text.link_html(page_href(page - 1, query, category), label("previous_page")))
    if page < pages:
        links.append(text.link_html(page_href(page + 1, query, category), label("next_page")))
    if not links:
        return ""
    return f'<nav class="reader-pages" aria-label="{escape(label("pages_name"))}">{"".join(links)}</nav>'


def _remember_query() -> None:
    """A new search starts on its first page, and the address says what was searched."""
    query = st.session_state.get("search", "").strip()
    st.query_params.pop(PAGE_PARAM, None)
    if query:
        st.query_params[QUERY_PARAM] = query
    else:
        st.query_params.pop(QUERY_PARAM, None)


def show() -> None:
    """One page of headlines (no bodies are read: the page is quick with 10,000 articles).
    A search looks in every category; without one, the list keeps to the category chosen."""
    if bulletin.requested():
        bulletin.show()
        return
    st.html(text.heading_html(label("app_title")))
    bulletin.start_button()
    if "search" not in st.session_state:
        st.session_state["search"] = str(st.query_params.get(QUERY_PARAM, ""))
    query = st.text_input(label("search_label"), key="search", on_change=_remember_query).strip()
    size = max(1, state.settings().list_page_size)
    with state.library() as library:
        category = "" if query else categories.choose(library.categories())
        if query:
            total = library.search_count(query)
        else:
            total = library.category_count(category) if category else library.count()
        pages = max(1, -(-total // size))
        page = page_number(st.query_params.get(PAGE_PARAM), pages)
        offset = (page - 1) * size
        if query:
            articles = library.search_headlines(query, size, offset)
        elif category:
            articles = library.category_headlines(category, size, offset)
        else:
            articles = library.headlines(size, offset)
    if not articles:
        announce(label("no_match") if query else label("no_articles"))
        return
    count = label("count_search" if query else "count_all", total=total)
    announce(f"{count}, {label('page_of', page=page, pages=pages)}" if pages > 1 else count)
    st.html(text.list_html([text.card_html(a.id, a.title, a.published, a.category) for a in articles]))
    pager = pager_html(page, pages, query, category)
    if pager:
        st.html(pager)
