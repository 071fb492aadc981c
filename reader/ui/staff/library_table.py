"""The library as a table: search, filters, audio status; pre-generate and delete the selected."""

from __future__ import annotations

import math
from collections import Counter

import streamlit as st

from reader.articles.library import Library
from reader.articles.model import Article
from reader.errors import JobsUnavailable, ReaderError
from reader.staff import audio
from reader.staff.audio import AudioStatus, QueueState
from reader.ui.staff import common
from reader.ui.staff.labels import L

TABLE_KEY = "library_table"
OUTCOME_KEY = "staff_outcome"
QUEUE_KEY = "staff_queue"
ALL = ""


def show() -> None:
    st.header(L("library_title"))
    notice = st.session_state.pop("library_notice", None)
    if notice:
        st.success(notice)
    settings = common.settings()
    size = max(1, settings.staff_page_size)
    cols = st.columns([3, 2, 2])
    query = cols[0].text_input(L("library_search"), key="library_query", placeholder=L("library_search_hint"))
    with common.shown_errors(), common.library() as lib:
        category = cols[1].selectbox(
            L("library_category"), [ALL, *lib.categories()], key="library_category",
            format_func=lambda c: c or L("library_all"),
        )
        by_category = bool(category) and not query.strip()
        if query.strip():
            total = lib.search_count(query)
        else:
            total = lib.category_count(category) if by_category else lib.count()
        pages = max(1, math.ceil(total / size))
        page = 1
        if pages > 1:
            page = int(st.number_input(L("library_page", pages=pages), 1, pages, 1, key="library_page"))
        offset = (page - 1) * size
        if query.strip():
            articles = lib.search(query, limit=size, offset=offset)
        elif by_category:
            articles = [lib.get(h.id) for h in lib.category_headlines(category, size, offset)]
        else:
            articles = lib.list(limit=size, offset=offset)
        statuses = {a.id: audio.audio_status(a, settings) for a in articles}
        wanted = cols[2].selectbox(
            L("library_status"), [ALL, *[s.value for s in AudioStatus]], key="library_status",
            format_func=lambda v: common.status_label(AudioStatus(v)) if v else L("library_all"),
        )
        shown = [
            a for a in articles
            if (not category or a.category == category) and (not wanted or statuses[a.id].value == wanted)
        ]
        st.caption(L("library_count", shown=len(shown), total=total, page=page, pages=pages))
        if not shown:
            st.info(L("library_empty"))
        selected = _table(shown, statuses)
        _actions(selected, lib)
        _make_missing(lib)


def _table(articles: list[Article], statuses: dict[int | None, AudioStatus]) -> list[Article]:
    rows = {
        L("col_id"): [a.id for a in articles],
        L("col_title"): [a.title for a in articles],
        L("col_date"): [common.date_label(a.published) for a in articles],
        L("col_category"): [a.category or "—" for a in articles],
        L("col_source"): [common.source_label(a.source, a.url) for a in articles],
        L("col_audio"): [common.status_label(statuses[a.id]) for a in articles],
    }
    event = st.dataframe(
        rows, key=TABLE_KEY, on_select="rerun", selection_mode="multi-row", hide_index=True,
        width="stretch",
        column_config={L("col_title"): st.column_config.TextColumn(width="large")},
    )
    chosen = event.selection.rows if event is not None else []
    return [articles[i] for i in chosen if 0 <= i < len(articles)]


def _actions(selected: list[Article], lib: Library) -> None:
    if not selected:
        st.caption(L("library_select_hint"))
        return
    st.write(L("library_selected", count=len(selected)))
    cols = st.columns(3)
    make = cols[0].button(L("library_make"), key="library_make", type="primary", width="stretch")
    if len(selected) == 1:
        cols[1].button(
            L("library_open"), key="library_open", width="stretch", on_click=common.go,
            args=("article",), kwargs={common.ARTICLE_KEY: selected[0].id},
        )
    with cols[2].popover(L("library_delete"), width="stretch"):
        st.write(L("library_delete_confirm", count=len(selected)))
        for article in selected[:10]:
            st.text(f"• {article.title}")
        if st.button(L("library_delete_yes"), key="library_delete_yes", type="primary"):
            _delete(selected, lib)
    if make:
        make_audio(selected)


def _delete(selected: list[Article], lib: Library) -> None:
    deleted = 0
    for article in selected:
        try:
            lib.delete(article.id)
            deleted += 1
        except ReaderError as exc:
            st.error(common.plain(exc.user_message))
    st.session_state.pop(TABLE_KEY, None)
    st.session_state["library_notice"] = L("library_deleted", count=deleted)
    st.rerun()


def make_audio(articles: list[Article]) -> None:
    """Pre-generate ``articles``: in a province with workers alive, one job each on the
    queue, followed by `queue_panel`; else here, with a progress bar, then the page is
    run again so every status on it is fresh; what was made and what failed is shown at
    the top (``outcome``)."""
    settings = common.settings()
    queued = audio.queue_audio(articles, settings)
    if queued is not None:
        titles = {a.id: a.title for a in articles}
        st.session_state[QUEUE_KEY] = {"ids": queued, "titles": titles, "finished": False}
        st.session_state.pop(OUTCOME_KEY, None)
        st.rerun()
    bar = st.progress(0.0, text=L("make_progress", done=0, total=len(articles)))
    done = [0]
    messages: list[tuple[str, str]] = []

    def advance(article: Article, error: ReaderError | None) -> None:
        done[0] += 1
        if error is not None:
            messages.append(("error", L("make_failed_one", title=common.plain(article.title), reason=common.plain(error.user_message))))
        bar.progress(done[0] / len(articles), text=L("make_progress", done=done[0], total=len(articles)))

    summary = audio.make_audio(articles, settings, on_done=advance)
    if summary.done:
        messages.insert(0, ("success", L("make_done", count=len(summary.done), total=len(articles))))
    if any(audio.audio_status(a, settings) is AudioStatus.OFFLINE for a in summary.done):
        messages.append(("warning", L("make_offline")))
    messages.insert(0, ("progress", L("make_progress_done", done=done[0], total=len(articles))))
    st.session_state[OUTCOME_KEY] = messages
    st.rerun()


def outcome() -> None:
    """What the last pre-generation did, once."""
    for kind, message in st.session_state.pop(OUTCOME_KEY, []):
        if kind == "progress":
            st.progress(1.0, text=message)
        else:
            getattr(st, kind)(message)


def queue_panel() -> None:
    """The audio jobs staff put on the queue, read again every ``staff_queue_refresh_seconds``
    until each is done or failed; then the whole page once (its statuses are then fresh)."""
    queue = st.session_state.get(QUEUE_KEY)
    if not queue:
        return
    settings = common.settings()
    if queue["finished"]:
        _queue_table(queue, settings)
    else:
        st.fragment(_queue_live, run_every=max(0.5, settings.staff_queue_refresh_seconds))()


def _queue_live() -> None:
    queue = st.session_state.get(QUEUE_KEY)
    if queue and _queue_table(queue, common.settings()):
        queue["finished"] = True
        st.rerun(scope="app")


def _queue_table(queue: dict, settings) -> bool:
    """Draw the queue's progress; whether every job in it has ended."""
    st.subheader(L("queue_title"))
    try:
        states = audio.queue_progress(queue["ids"], settings)
    except JobsUnavailable as exc:
        st.warning(L("queue_unavailable", why=common.plain(str(exc))))
        return False
    counts = Counter(s.state for s in states.values())
    ended = sum(n for state, n in counts.items() if state.finished)
    total = max(1, len(states))
    st.progress(ended / total, text=L("queue_progress", done=ended, total=len(states)))
    st.caption(L("queue_counts", queued=counts[QueueState.QUEUED], running=counts[QueueState.RUNNING],
                 done=counts[QueueState.DONE] + counts[QueueState.GONE], failed=counts[QueueState.FAILED]))
    if not queue["finished"]:
        st.caption(L("queue_help"))
    st.dataframe(
        {L("col_id"): list(states), L("col_title"): [queue["titles"].get(i, "") for i in states],
         L("col_audio"): [_queue_label(s) for s in states.values()]},
        hide_index=True, width="stretch", key=f"{QUEUE_KEY}_table",
    )
    if queue["finished"]:
        st.button(L("queue_close"), key=f"{QUEUE_KEY}_close", on_click=st.session_state.pop, args=(QUEUE_KEY, None))
    return ended == len(states)


def _queue_label(queued: audio.QueuedAudio) -> str:
    if queued.state is QueueState.RUNNING and queued.parts_total:
        return L("queue_state_running_parts", part=min(queued.parts_ready + 1, queued.parts_total),
                 total=queued.parts_total)
    return L(f"queue_state_{queued.state.value}")


def _make_missing(lib: Library) -> None:
    st.divider()
    st.subheader(L("library_missing_title"))
    st.caption(L("library_missing_help"))
    if st.button(L("library_missing_make"), key="library_missing_make"):
        todo = audio.without_audio(lib.list(), common.settings())
        if not todo:
            st.success(L("library_missing_none"))
        else:
            make_audio(todo)
