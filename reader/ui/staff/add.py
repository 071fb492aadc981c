"""Add an article: from a web address, an uploaded saved page, or pasted text; preview, then save."""

from __future__ import annotations

from html import escape

import streamlit as st

from reader.staff import intake
from reader.ui.staff import common, sources
from reader.ui.staff.labels import L

PREVIEW_KEY = "staff_preview"
SAVED_KEY = "staff_saved"
WAYS = ("paste", "upload", "url", "feed")


def show() -> None:
    st.header(L("add_title"))
    way = st.radio(
        L("add_way"), WAYS, key="add_way", horizontal=True, format_func=lambda w: L(f"add_way_{w}")
    )
    {"paste": _paste, "upload": _upload, "url": _url, "feed": sources.add_form}[way]()
    _saved_notice()
    preview: intake.Preview | None = st.session_state.get(PREVIEW_KEY)
    if preview is not None:
        _preview(preview)


def _read(read) -> None:
    st.session_state.pop(SAVED_KEY, None)
    st.session_state.pop(PREVIEW_KEY, None)
    with common.shown_errors(), st.spinner(L("add_reading")):
        st.session_state[PREVIEW_KEY] = read()


def _paste() -> None:
    with st.form("add_paste_form"):
        text = st.text_area(L("add_paste_label"), key="add_paste", height=260, help=L("add_paste_help"))
        submitted = st.form_submit_button(L("add_preview"), type="primary", key="add_preview_submit")
    if submitted:
        _read(lambda: intake.preview_pasted(text, common.settings()))


def _upload() -> None:
    uploaded = st.file_uploader(L("add_upload_label"), type=["txt", "html", "htm"], key="add_upload", help=L("add_upload_help"))
    if st.button(L("add_preview"), key="add_upload_preview", type="primary"):
        if uploaded is None:
            st.error(L("add_upload_missing"))
            return
        _read(lambda: intake.preview_upload(uploaded.name, uploaded.getvalue(), common.settings()))


def _url() -> None:
    with st.form("add_url_form"):
        url = st.text_input(L("add_url_label"), key="add_url", placeholder="https://")
        submitted = st.form_submit_button(L("add_preview"), type="primary", key="add_preview_submit")
    if submitted:
        _read(lambda: intake.preview_url(url, common.settings()))


def _preview(preview: intake.Preview) -> None:
    article = preview.article
    st.subheader(L("add_preview_title"))
    with st.container(border=True):
        rows = [
            (L("field_title"), article.title),
            (L("field_date"), common.date_label(article.published)),
            (L("field_category"), article.category or L("no_category")),
            (L("field_paragraphs"), str(len(article.paragraphs))),
        ]
        st.html(
            '<dl class="staff-preview">'
            + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
            + "</dl>"
        )
        with st.expander(L("add_preview_body"), expanded=True):
            st.html('<div class="staff-preview">' + "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs) + "</div>")
        if article.notes:
            with st.expander(L("add_preview_notes", count=len(article.notes))):
                st.html('<ul class="staff-dropped">' + "".join(f"<li>{escape(n)}</li>" for n in article.notes) + "</ul>")
        if preview.dropped:
            with st.expander(L("add_preview_dropped", count=len(preview.dropped))):
                st.html('<ul class="staff-dropped">' + "".join(f"<li>{escape(d)}</li>" for d in preview.dropped) + "</ul>")
    cols = st.columns(2)
    with cols[0]:
        if st.button(L("add_save"), key="add_save", type="primary", width="stretch"):
            with common.shown_errors(), common.library() as lib:
                saved = intake.save(lib, article)
                st.session_state[SAVED_KEY] = (saved.id, saved.title)
                st.session_state.pop(PREVIEW_KEY, None)
                st.rerun()
    with cols[1]:
        if st.button(L("add_discard"), key="add_discard", width="stretch"):
            st.session_state.pop(PREVIEW_KEY, None)
            st.rerun()


def _saved_notice() -> None:
    saved = st.session_state.get(SAVED_KEY)
    if saved is None:
        return
    article_id, title = saved
    st.success(L("add_saved", title=common.plain(title), id=article_id))
    st.button(
        L("add_go_review"), key="add_go_review", type="primary", on_click=common.go,
        args=("article",), kwargs={common.ARTICLE_KEY: article_id},
    )
