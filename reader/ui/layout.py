"""What every page shares: the page set-up, the large-type style, the text-size control
and the page language (Vietnamese, for screen readers)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import streamlit as st

APP_TITLE = "Nghe tin địa phương"


@cache
def _static(name: str) -> str:
    return resources.files("reader.ui").joinpath("static", name).read_text(encoding="utf-8")


def setup_page() -> None:
    """Call first on every run: page config, style, text size and `lang="vi"`."""
    st.set_page_config(page_title=APP_TITLE, page_icon="🔊", layout="centered")
    st.html(f"<style>{_static('reader.css')}</style>")
    st.html(
        _static("textsize.html") + f"<script>{_static('textsize.js')}</script>",
        unsafe_allow_javascript=True,
    )
