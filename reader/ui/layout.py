"""What every page shares: the page set-up, the large-type style and themes, the display
settings (text size, line spacing, theme) and the page language (Vietnamese)."""

from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib import resources
from string import Template

import streamlit as st

from reader.ui.labels import all_labels, label

APP_TITLE = label("app_title")


@cache
def _static(name: str) -> str:
    return resources.files("reader.ui").joinpath("static", name).read_text(encoding="utf-8")


def _choices(attribute: str, names: dict[str, str]) -> str:
    return "".join(
        f'<button type="button" data-{attribute}="{escape(value)}" aria-pressed="false">{escape(name)}</button>'
        for value, name in names.items()
    )


@cache
def display_html() -> str:
    labels = all_labels()
    names = {k: escape(v) for k, v in labels.items() if isinstance(v, str)}
    html = Template(_static("display.html")).substitute(
        names,
        spacing_buttons=_choices("spacing", labels["spacing_names"]),
        theme_buttons=_choices("theme", labels["theme_names"]),
    )
    return html + f"<script>{_static('display.js')}</script>"


def page_title(title: str | None = None) -> str:
    """The browser tab's title: the article first, so a listener knows where they are."""
    return f"{title} – {APP_TITLE}" if title else APP_TITLE


def setup_page() -> None:
    """Call first on every run: page config, style, display settings and `lang="vi"`."""
    st.set_page_config(page_title=page_title(), page_icon="🔊", layout="centered")
    st.html(f"<style>{_static('reader.css')}</style>")
    st.html(display_html(), unsafe_allow_javascript=True)


def announce(message: str) -> None:
    """Show ``message`` and have screen readers say it (the page's one live region)."""
    st.html(
        f'<p class="reader-count">{escape(message)}</p>'
        f"<script>(function(){{const r=document.getElementById('reader-announce');"
        f"if(r)r.textContent={_js_string(message)};}})();</script>",
        unsafe_allow_javascript=True,
    )


def _js_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
