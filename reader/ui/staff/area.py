"""The staff area: closed without a password, then five sections chosen at the top."""

from __future__ import annotations

from functools import cache
from importlib import resources

import streamlit as st

from reader.ui.staff import add, article, common, health, lexicon, library_table, login
from reader.ui.staff.labels import L

SHOW = {
    "add": add.show,
    "library": library_table.show,
    "article": article.show,
    "lexicon": lexicon.show,
    "health": health.show,
}


@cache
def _style() -> str:
    return resources.files("reader.ui.staff").joinpath("staff.css").read_text(encoding="utf-8")


def show() -> None:
    st.html(f"<style>{_style()}</style>")
    st.title(L("area_title"))
    if not login.gate():
        return
    top = st.columns([4, 1], vertical_alignment="center")
    with top[0]:
        st.caption(L("area_intro"))
    with top[1]:
        st.button(L("logout"), key="staff_logout", on_click=login.log_out, width="stretch")
    st.session_state.setdefault(common.SECTION_KEY, "add")
    section = st.radio(
        L("section_label"), common.SECTIONS, key=common.SECTION_KEY, horizontal=True,
        format_func=lambda name: L(f"section_{name}"), label_visibility="collapsed",
    )
    st.divider()
    library_table.outcome()
    library_table.queue_panel()
    SHOW[section]()
