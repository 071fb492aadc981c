"""Cache and health: the audio cache's figures and upkeep, Google's voice now, the watcher."""

from __future__ import annotations

from html import escape

import streamlit as st

from reader.config import Settings
from reader.staff import health
from reader.ui.staff import common, sources
from reader.ui.staff.labels import L


def show() -> None:
    st.header(L("health_title"))
    settings = common.settings()
    _google(settings)
    st.divider()
    _cache(settings)
    st.divider()
    _watcher(settings)


def _google(settings: Settings) -> None:
    st.subheader(L("health_google"))
    if health.google_marked_offline(settings):
        st.warning(L("health_google_marked"))
    else:
        st.caption(L("health_google_not_marked"))
    if st.button(L("health_google_check"), key="health_google_check", type="primary"):
        with st.spinner(L("health_google_checking")):
            probe = health.probe_google(settings)
        if probe.reachable:
            st.success(L("health_google_ok", seconds=f"{probe.seconds:.1f}"))
        else:
            st.error(L("health_google_down"))
            st.caption(L("health_google_detail", detail=common.plain(probe.detail)))


def _cache(settings: Settings) -> None:
    st.subheader(L("health_cache"))
    stats = health.cache_figures(settings)
    cols = st.columns(3)
    cols[0].metric(L("health_clips"), f"{stats.clips}", common.mib(stats.clip_bytes), delta_color="off", delta_arrow="off")
    cols[1].metric(L("health_articles"), f"{stats.articles}", common.mib(stats.article_bytes), delta_color="off", delta_arrow="off")
    cols[2].metric(L("health_total"), common.mib(stats.total_bytes), L("health_limit", limit=common.mib(settings.cache_max_bytes)), delta_color="off", delta_arrow="off")
    if stats.temp_files:
        st.caption(L("health_temps", count=stats.temp_files))
    buttons = st.columns(2)
    with buttons[0]:
        st.caption(L("health_verify_help"))
        if st.button(L("health_verify"), key="health_verify", width="stretch"):
            report = health.verify(settings)
            st.success(L("health_verified", checked=report.checked, removed=len(report.removed), size=common.mib(report.freed_bytes)))
    with buttons[1]:
        st.caption(L("health_prune_help"))
        if st.button(L("health_prune"), key="health_prune", width="stretch"):
            with common.shown_errors(), common.library() as lib, st.spinner(L("health_pruning")):
                report = health.prune(lib, settings)
                st.success(L("health_pruned", removed=len(report.removed), size=common.mib(report.freed_bytes)))


def _watcher(settings: Settings) -> None:
    st.subheader(L("health_watcher"))
    sources.watched_table(actions=False)
    lines = health.watcher_lines(settings)
    if lines is None:
        st.info(L("health_watcher_none", path=common.plain(str(health.watch_log_path(settings)))))
        return
    if not lines:
        st.info(L("health_watcher_empty"))
        return
    st.caption(L("health_watcher_help", count=len(lines)))
    st.html('<pre class="staff-log">' + escape("\n".join(lines)) + "</pre>")
