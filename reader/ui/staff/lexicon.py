"""The staff lexicon: add, change, delete, hear the spoken side; import, export; what it affects."""

from __future__ import annotations

import hashlib
from html import escape

import streamlit as st

from reader.errors import LexiconError, ReaderError
from reader.staff import audio, lexicon_file, review
from reader.ui.staff import common, library_table
from reader.ui.staff.labels import L
from reader.ui.staff.article import PREFILL_KEY

NEW = ""
CHOICE_KEY = "lex_choice"
WRITTEN_KEY = "lex_written"
SPOKEN_KEY = "lex_spoken"
CHANGED_KEY = "lex_changed"
NOTICE_KEY = "lex_notice"
PENDING_KEY = "lex_pending"


def show() -> None:
    st.header(L("lexicon_title"))
    st.caption(L("lexicon_help"))
    settings = common.settings()
    try:
        text = lexicon_file.read_text(settings)
    except ReaderError as exc:
        st.error(common.plain(exc.user_message))
        text = None
    if text is not None:
        current = lexicon_file.entries(text)
        _prefill(current)
        notice = st.session_state.pop(NOTICE_KEY, None)
        if notice:
            st.success(notice)
        with common.shown_errors():
            lexicon_file.check(text)
        _editor(text, current)
        _table(current)
        _affected()
        _raw(text)
    _import_export(text or "")


def _prefill(current: list[lexicon_file.Entry]) -> None:
    word = st.session_state.pop(PREFILL_KEY, None)
    if word is None:
        return
    known = {e.written: e.spoken for e in current}
    st.session_state[CHOICE_KEY] = word if word in known else NEW
    st.session_state[WRITTEN_KEY] = word
    st.session_state[SPOKEN_KEY] = known.get(word, "")


def _chosen() -> None:
    """When another entry is chosen, its two sides go into the fields."""
    choice = st.session_state.get(CHOICE_KEY, NEW)
    spoken = {e.written: e.spoken for e in lexicon_file.entries(lexicon_file.read_text(common.settings()))}
    st.session_state[WRITTEN_KEY] = choice
    st.session_state[SPOKEN_KEY] = spoken.get(choice, "")


def _after_rerun(values: dict[str, str]) -> None:
    """Widget values to set on the next run, before the widgets exist (Streamlit's rule)."""
    st.session_state[PENDING_KEY] = values


def _editor(text: str, current: list[lexicon_file.Entry]) -> None:
    settings = common.settings()
    st.session_state.update(st.session_state.pop(PENDING_KEY, {}))
    writtens = [e.written for e in current]
    if st.session_state.get(CHOICE_KEY, NEW) not in (NEW, *writtens):
        st.session_state[CHOICE_KEY] = NEW
    with st.container(border=True):
        choice = st.selectbox(
            L("lexicon_choose"), [NEW, *writtens], key=CHOICE_KEY, on_change=_chosen,
            format_func=lambda w: w or L("lexicon_new"),
        )
        cols = st.columns(2)
        written = cols[0].text_input(L("lexicon_written"), key=WRITTEN_KEY, help=L("lexicon_written_help"))
        spoken = cols[1].text_input(L("lexicon_spoken"), key=SPOKEN_KEY, help=L("lexicon_spoken_help"))
        buttons = st.columns(3)
        hear = buttons[0].button(L("lexicon_hear"), key="lex_hear", icon=":material/volume_up:", width="stretch")
        save = buttons[1].button(L("lexicon_save"), key="lex_save", type="primary", width="stretch")
        delete = buttons[2].button(L("lexicon_delete"), key="lex_delete", disabled=choice == NEW, width="stretch")
        if hear:
            with common.shown_errors(), st.spinner(L("review_hearing")):
                if not spoken.strip():
                    raise LexiconError("empty spoken form", user_message=L("lexicon_hear_empty"))
                said, heard = review.hear_text(spoken, settings.with_(staff_lexicon=False))
                st.caption(L("lexicon_heard_as", said=common.plain(said)))
                st.audio(heard.mp3, format="audio/mpeg", autoplay=True)
        if save:
            with common.shown_errors():
                _write(text, lexicon_file.with_entry(text, written, spoken, replacing=choice or None),
                       L("lexicon_saved", written=common.plain(written)))
                _after_rerun({CHOICE_KEY: " ".join(written.split())})
                st.rerun()
        if delete:
            with common.shown_errors():
                _write(text, lexicon_file.without_entry(text, choice), L("lexicon_deleted", written=common.plain(choice)))
                _after_rerun({CHOICE_KEY: NEW, WRITTEN_KEY: "", SPOKEN_KEY: ""})
                st.rerun()


def _write(before: str, after: str, notice: str) -> None:
    lexicon_file.write(common.settings(), after)
    st.session_state[CHANGED_KEY] = sorted(lexicon_file.changed_written(before, after))
    st.session_state[NOTICE_KEY] = notice


def _table(current: list[lexicon_file.Entry]) -> None:
    st.subheader(L("lexicon_entries", count=len(current)))
    if not current:
        st.info(L("lexicon_empty"))
        return
    st.dataframe(
        {
            L("lexicon_col_line"): [e.line for e in current],
            L("lexicon_written"): [e.written for e in current],
            L("lexicon_spoken"): [e.spoken for e in current],
        },
        hide_index=True, width="stretch", key="lex_table",
    )


def _affected() -> None:
    changed = st.session_state.get(CHANGED_KEY)
    if not changed:
        return
    settings = common.settings()
    with common.shown_errors(), common.library() as lib:
        articles = lexicon_file.affected(lib.list(), changed)
    st.subheader(L("lexicon_affected", words=common.plain(", ".join(changed))))
    if not articles:
        st.info(L("lexicon_affected_none"))
        return
    st.html(
        '<ul class="staff-affected">'
        + "".join(
            f"<li>{escape(a.title)} — <em>{escape(common.status_label(audio.audio_status(a, settings)))}</em></li>"
            for a in articles
        )
        + "</ul>"
    )
    if st.button(L("lexicon_remake", count=len(articles)), key="lex_remake", type="primary"):
        library_table.make_audio(articles)


def _raw(text: str) -> None:
    with st.expander(L("lexicon_raw")):
        with st.form("lex_raw_form"):
            edited = st.text_area(L("lexicon_raw_label"), value=text, height=240, key=f"lex_raw_text_{hashlib.sha256(text.encode()).hexdigest()[:12]}")
            submitted = st.form_submit_button(L("lexicon_raw_save"), key="lex_raw_save")
        if submitted:
            with common.shown_errors():
                _write(text, edited if edited.endswith("\n") or not edited else edited + "\n", L("lexicon_raw_saved"))
                st.rerun()


def _import_export(text: str) -> None:
    st.subheader(L("lexicon_files"))
    cols = st.columns(2)
    with cols[0]:
        uploaded = st.file_uploader(L("lexicon_import"), type=["txt"], key="lex_import")
        if st.button(L("lexicon_import_do"), key="lex_import_do", disabled=uploaded is None):
            with common.shown_errors():
                new = lexicon_file.decode_import(uploaded.getvalue())
                _write(text, new, L("lexicon_imported", count=len(lexicon_file.entries(new))))
                st.rerun()
    with cols[1]:
        st.download_button(
            L("lexicon_export"), data=text.encode("utf-8"), file_name="lexicon.txt", mime="text/plain",
            key="lex_export", icon=":material/download:", on_click="ignore",
        )
