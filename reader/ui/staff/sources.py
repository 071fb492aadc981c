"""Feeds and portal category pages: watch one (its new articles come in now and at every
check of the watcher), see when each was last checked and why it failed, check them now."""

from __future__ import annotations

from html import escape

import streamlit as st

from reader import service
from reader.articles.refresh import RefreshReport
from reader.ui.staff import common
from reader.ui.staff.labels import L

KINDS = ("feed", "page")
REPORT_KEY = "sources_report"


def add_form() -> None:
    """The fourth way of adding: a source that keeps bringing articles."""
    st.caption(L("sources_help"))
    with st.form("add_feed_form"):
        kind = st.radio(L("sources_kind"), KINDS, key="add_feed_kind", horizontal=True,
                        format_func=lambda k: L(f"sources_kind_{k}"))
        url = st.text_input(L("sources_url"), key="add_feed_url", placeholder="https://")
        pattern = st.text_input(L("sources_pattern"), key="add_feed_pattern", help=L("sources_pattern_help"))
        submitted = st.form_submit_button(L("sources_watch"), type="primary", key="add_feed_submit")
    if submitted:
        with common.shown_errors(), st.spinner(L("sources_checking")), common.library() as lib:
            pattern = pattern.strip() if kind == "page" else ""
            st.session_state[REPORT_KEY] = [service.watch_source(lib, kind, url, common.settings(), pattern)]
    _reports()
    watched_table(actions=True)


def _reports() -> None:
    for report in st.session_state.pop(REPORT_KEY, []):
        _report(report)


def _report(report: RefreshReport) -> None:
    name = report.watched.title or report.watched.url
    if report.error:
        st.error(L("sources_failed", name=common.plain(name), why=common.plain(report.error)))
        return
    if report.not_modified:
        st.info(L("sources_not_modified", name=common.plain(name)))
    elif report.stored:
        st.success(L("sources_stored", count=len(report.stored), name=common.plain(name)))
        st.html("<ul class=\"staff-dropped\">" + "".join(f"<li>{escape(a.title)}</li>" for a in report.stored) + "</ul>")
    else:
        st.info(L("sources_nothing_new", name=common.plain(name)))
    for url, why in report.failures:
        st.warning(L("sources_item_failed", url=common.plain(url), why=common.plain(why)))
    if report.left_for_later:
        st.info(L("sources_later", count=report.left_for_later))


def watched_table(actions: bool) -> None:
    """Every watched source with its last check; with ``actions``, check now or stop watching."""
    notice = st.session_state.pop("sources_notice", None)
    if notice:
        st.success(notice)
    with common.shown_errors(), common.library() as lib:
        watched = service.watched_sources(lib)
        st.subheader(L("sources_watched", count=len(watched)))
        if not watched:
            st.info(L("sources_none"))
            return
        st.dataframe(
            {
                L("sources_col_kind"): [L(f"sources_kind_{w.kind}") for w in watched],
                L("sources_col_name"): [w.title or w.url for w in watched],
                L("sources_col_url"): [w.url for w in watched],
                L("sources_col_checked"): [_when(w.checked_at) for w in watched],
                L("sources_col_error"): [w.last_error or "—" for w in watched],
            },
            hide_index=True, width="stretch",
        )
        if not actions:
            return
        cols = st.columns(2)
        if cols[0].button(L("sources_refresh"), key="sources_refresh", width="stretch"):
            with st.spinner(L("sources_checking")):
                st.session_state[REPORT_KEY] = service.refresh_sources(lib, common.settings())
            st.rerun()
        with cols[1].popover(L("sources_remove"), width="stretch"):
            chosen = st.selectbox(L("sources_remove_which"), [w.id for w in watched], key="sources_remove_id",
                                  format_func=lambda i: next(w.title or w.url for w in watched if w.id == i))
            if st.button(L("sources_remove_yes"), key="sources_remove_yes", type="primary"):
                removed = service.unwatch_source(lib, str(chosen), next(w.kind for w in watched if w.id == chosen))
                st.session_state["sources_notice"] = L("sources_removed", url=common.plain(removed.url))
                st.rerun()


def _when(checked_at: str | None) -> str:
    if not checked_at:
        return L("sources_never")
    return checked_at.replace("T", " ")[:16]
