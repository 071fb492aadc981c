"""What the staff sections share: settings, the library, moving between sections, errors."""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator

import streamlit as st

from reader import config, service
from reader.articles.library import Library
from reader.config import Settings
from reader.errors import ReaderError
from reader.staff.audio import AudioStatus
from reader.ui.staff.labels import L

log = logging.getLogger(__name__)

SECTION_KEY = "staff_section"
ARTICLE_KEY = "staff_article"
SECTIONS = ("add", "library", "article", "lexicon", "health")


def settings() -> Settings:
    return config.load()


@contextmanager
def library() -> Iterator[Library]:
    with service.open_library(settings()) as opened:
        yield opened


def go(section: str, **values: object) -> None:
    """A button callback: show ``section`` next, with ``values`` put in the session first."""
    for key, value in values.items():
        st.session_state[key] = value
    st.session_state[SECTION_KEY] = section


@contextmanager
def shown_errors() -> Iterator[None]:
    """A ``ReaderError`` inside becomes its Vietnamese message; the section stays usable."""
    try:
        yield
    except ReaderError as exc:
        log.warning("staff action failed: %s", exc)
        st.error(plain(exc.user_message))


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$=:^&])")


def plain(text: str) -> str:
    """``text`` put into a Markdown message (alerts, captions) so it shows exactly as written:
    a title with ``**`` or ``[link](...)`` is never formatted or made a link."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def status_label(status: AudioStatus) -> str:
    return L(f"status_{status.name.lower()}")


def date_label(published: datetime | None) -> str:
    return published.strftime("%d/%m/%Y %H:%M") if published else L("no_date")


def source_label(source: str, url: str) -> str:
    if url:
        return url
    if source.startswith("text:"):
        return L("source_text")
    if source.startswith("file:"):
        return source[len("file:"):]
    if source.startswith("sample:"):
        return L("source_sample")
    return source or "—"


def mib(size: int) -> str:
    return f"{size / 1024**2:.1f} MB"
