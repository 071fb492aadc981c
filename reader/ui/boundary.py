"""The page boundary: whatever goes wrong inside a page, the listener gets a short
Vietnamese message and a way back to the list, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from reader.errors import ReaderError
from reader.ui import text
from reader.ui.labels import label

log = logging.getLogger(__name__)


def show_error(message: str) -> None:
    st.error(message)
    st.html(f'<p class="reader-back">{text.link_html("./", label("back_to_list"))}</p>')


@contextmanager
def page_boundary() -> Iterator[None]:
    """Streamlit's own control flow (rerun, stop) derives from BaseException and passes."""
    try:
        yield
    except ReaderError as exc:
        log.warning("page error: %s", exc)
        show_error(exc.user_message)
    except Exception:
        log.exception("unexpected error while drawing a page")
        show_error(label("page_error"))
