"""One article: how each sentence will be spoken (heard on its own), its audio, and its edit form."""

from __future__ import annotations

import hashlib
from html import escape

import streamlit as st

from reader.articles.library import Library
from reader.articles.model import Article
from reader.errors import ReaderError
from reader.staff import audio, intake, review
from reader.staff.review import Segment
from reader.ui import state
from reader.ui.staff import common, library_table
from reader.ui.staff.labels import L

CHOICE_KEY = "article_choice"
HEARD_KEY = "staff_heard"
FIX_KEY = "staff_fix"
NOTICE_KEY = "article_notice"
PREFILL_KEY = "lexicon_prefill"
CHOICES_SHOWN = 50


def show() -> None:
    st.header(L("article_title"))
    wanted = st.session_state.pop(common.ARTICLE_KEY, None)
    if wanted is not None:
        st.session_state[CHOICE_KEY] = wanted
    with common.shown_errors(), common.library() as lib:
        query = st.text_input(L("article_search"), key="article_query", placeholder=L("library_search_hint"))
        found = lib.search(query, limit=CHOICES_SHOWN) if query.strip() else lib.list(limit=CHOICES_SHOWN)
        titles = {a.id: a.title for a in found}
        current = st.session_state.get(CHOICE_KEY)
        if current is not None and current not in titles:
            try:
                titles = {current: lib.get(current).title, **titles}
            except ReaderError:  # deleted meanwhile: choose among the others
                st.session_state.pop(CHOICE_KEY, None)
        if not titles:
            st.info(L("library_empty"))
            return
        chosen = st.selectbox(
            L("article_choose"), list(titles), key=CHOICE_KEY, format_func=lambda i: f"{titles[i]} (#{i})"
        )
        article = lib.get(chosen)
        notice = st.session_state.pop(NOTICE_KEY, None)
        if notice:
            st.success(notice)
        _summary(article)
        _edit(article, lib)
        _review(article)


def _summary(article: Article) -> None:
    settings = common.settings()
    status = audio.audio_status(article, settings)
    st.html(
        f'<p class="staff-sentence"><strong>{escape(article.title)}</strong><br>'
        f"{escape(common.date_label(article.published))} · {escape(article.category or L('no_category'))} · "
        f"{escape(L('col_audio'))}: {escape(common.status_label(status))}</p>"
    )
    cols = st.columns(2)
    if cols[0].button(L("article_make"), key="article_make", type="primary"):
        library_table.make_audio([article])
    with cols[1]:
        st.page_link(
            state.ARTICLE_PAGE, label=L("article_listen_page"), icon=":material/open_in_new:",
            query_params={"id": str(article.id)},
        )


def _version(article: Article) -> str:
    """Part of the edit fields' keys, so the form shows the article as stored now."""
    return hashlib.sha256(repr(article).encode("utf-8")).hexdigest()[:12]


def _edit(article: Article, lib: Library) -> None:
    v = _version(article)
    with st.expander(L("edit_title")):
        with st.form(f"edit_form_{article.id}"):
            title = st.text_input(L("field_title"), value=article.title, key=f"edit_title_{v}")
            cols = st.columns(2)
            day = cols[0].date_input(
                L("field_day"), value=article.published.date() if article.published else None, format="DD/MM/YYYY",
                key=f"edit_day_{v}",
            )
            at = cols[1].time_input(
                L("field_time"), value=article.published.time().replace(tzinfo=None) if article.published else None,
                key=f"edit_time_{v}",
            )
            category = st.text_input(L("field_category"), value=article.category, key=f"edit_category_{v}")
            body = st.text_area(L("field_body"), value="\n".join(article.paragraphs), height=300, help=L("field_body_help"), key=f"edit_body_{v}")
            saved = st.form_submit_button(L("edit_save"), type="primary", key="edit_save")
        if saved:
            with common.shown_errors():
                changed = intake.edited(article, title, intake.combine_date(day, at), category, body)
                intake.update(lib, article.id, changed)
                st.session_state[NOTICE_KEY] = L("edit_saved")
                st.rerun()


def _marked(segments: tuple[Segment, ...]) -> str:
    return " ".join(
        f'<mark class="staff-diff">{escape(text)}</mark>' if changed else escape(text) for text, changed in segments
    )


def _review(article: Article) -> None:
    settings = common.settings()
    st.subheader(L("review_title"))
    st.caption(L("review_help"))
    only_different = st.toggle(L("review_only_different"), key="review_only_different")
    script = audio.script_of(article, settings)
    rows = review.review(script)
    sentences = [sentence for _, _, sentence in script.sentences()]
    if only_different and not any(r.differs for r in rows):
        st.info(L("review_all_same"))
    for row, sentence in zip(rows, sentences):
        if only_different and not row.differs:
            continue
        where = f"{row.paragraph}-{row.index}"
        with st.container(border=True, key=f"sentence-{where}"):
            cols = st.columns(2)
            cols[0].html(f'<p class="staff-side">{escape(L("review_written"))}</p><p class="staff-sentence">{_marked(row.written_marked)}</p>')
            cols[1].html(f'<p class="staff-side">{escape(L("review_spoken"))}</p><p class="staff-sentence">{_marked(row.spoken_marked)}</p>')
            buttons = st.columns([1, 1, 2])
            hear = buttons[0].button(L("review_hear"), key=f"hear-{where}", icon=":material/play_arrow:")
            buttons[1].button(
                L("review_fix"), key=f"fix-{where}", icon=":material/edit:",
                on_click=common.go, args=("article",), kwargs={FIX_KEY: (article.id, row.paragraph, row.index)},
            )
            if hear:
                with common.shown_errors(), st.spinner(L("review_hearing")):
                    heard = review.hear_sentence(sentence, settings)
                    st.session_state[HEARD_KEY] = (article.id, row.paragraph, row.index, heard)
            _heard_here(article, row, autoplay=hear)
            if st.session_state.get(FIX_KEY) == (article.id, row.paragraph, row.index):
                _fix_picker(row)


def _heard_here(article: Article, row: review.ReviewedSentence, autoplay: bool) -> None:
    heard = st.session_state.get(HEARD_KEY)
    if heard is None or heard[:3] != (article.id, row.paragraph, row.index):
        return
    result: review.Heard = heard[3]
    st.audio(result.mp3, format="audio/mpeg", autoplay=autoplay)
    if result.offline:
        st.caption(L("review_offline"))


def _fix_picker(row: review.ReviewedSentence) -> None:
    word = st.pills(L("review_pick_word"), row.words, key=f"pick-{row.paragraph}-{row.index}", default=row.words[0] if row.words else None)
    st.button(
        L("review_to_lexicon"), key=f"to-lexicon-{row.paragraph}-{row.index}", type="primary",
        disabled=not word, on_click=common.go, args=("lexicon",), kwargs={PREFILL_KEY: word},
    )
