"""The home page's category filter: the category chosen is in the address (`?muc=`), so
the list, its pages and the bulletin ("Nghe tin mới") all keep it."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from reader.ui.labels import label

CATEGORY_PARAM = "muc"


def chosen() -> str:
    return str(st.query_params.get(CATEGORY_PARAM, "")).strip()


def list_href(category: str) -> str:
    """The list (the app's root), limited to ``category`` if one is given."""
    return "./" + (f"?{urlencode({CATEGORY_PARAM: category})}" if category else "")


def _remember() -> None:
    """A new category starts on the list's first page."""
    value = st.session_state.get("category") or ""
    st.query_params.pop("trang", None)
    if value:
        st.query_params[CATEGORY_PARAM] = value
    else:
        st.query_params.pop(CATEGORY_PARAM, None)


def choose(names: list[str]) -> str:
    """The filter; "" is every category. A category the address names but the library no
    longer has is still offered, so the page says plainly that it holds no article."""
    current = chosen()
    options = ["", *names] + ([current] if current and current not in names else [])
    if st.session_state.get("category") != current:
        st.session_state["category"] = current
    st.selectbox(
        label("category_label"), options, key="category", on_change=_remember,
        format_func=lambda value: value or label("category_all"),
    )
    return current
