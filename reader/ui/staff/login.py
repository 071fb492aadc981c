"""The door of the staff area: a password form, or, with no password set, how to set one."""

from __future__ import annotations

import streamlit as st

from reader.config import Settings
from reader.staff import auth
from reader.ui.staff import common
from reader.ui.staff.labels import L

TOKEN_KEY = "staff_token"


@st.cache_resource(show_spinner=False)
def _throttle(free: int, delay: float, maximum: float, window: float) -> auth.LoginThrottle:
    """One throttle per process: failures count across every browser session."""
    return auth.LoginThrottle(
        Settings(
            staff_login_free_attempts=free, staff_login_delay_seconds=delay,
            staff_login_max_delay_seconds=maximum, staff_login_window_seconds=window,
        )
    )


def throttle(settings: Settings) -> auth.LoginThrottle:
    return _throttle(
        settings.staff_login_free_attempts, settings.staff_login_delay_seconds,
        settings.staff_login_max_delay_seconds, settings.staff_login_window_seconds,
    )


def log_out() -> None:
    st.session_state.pop(TOKEN_KEY, None)


def gate() -> bool:
    """True when this session may use the staff area; otherwise draws why not and how."""
    settings = common.settings()
    configured = auth.configured_password(settings, st.secrets)
    if not configured:
        st.warning(L("login_closed"))
        st.markdown(L("login_how_to_set"))
        return False
    if st.session_state.get(TOKEN_KEY) == auth.session_token(configured):
        return True
    with st.form("staff_login", clear_on_submit=True):
        given = st.text_input(L("login_password"), type="password", key="staff_password")
        submitted = st.form_submit_button(L("login_submit"), type="primary", key="staff_login_submit")
    if submitted:
        if not given:
            st.error(L("login_empty"))
            return False
        with st.spinner(L("login_checking")):
            ok = auth.attempt(given, configured, throttle(settings))
        if ok:
            st.session_state[TOKEN_KEY] = auth.session_token(configured)
            st.rerun()
        st.error(L("login_wrong"))
        wait = throttle(settings).delay()
        if wait > 0:
            st.warning(L("login_slowed", seconds=f"{wait:.0f}"))
    return False
