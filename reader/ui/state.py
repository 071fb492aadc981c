"""Settings and the library for a Streamlit run; samples are loaded once per process."""

from __future__ import annotations

import streamlit as st

from reader import config, service
from reader.articles.library import Library
from reader.config import Settings

ARTICLE_PAGE = "reader/ui/pages/article.py"
LIST_PAGE = "reader/ui/pages/news.py"


def settings() -> Settings:
    return config.load()


@st.cache_resource(show_spinner=False)
def _bootstrapped(library_path: str) -> bool:
    """Load the samples into an empty library, once per process and library file."""
    with service.open_library_with_samples(settings()):
        return True


def library() -> Library:
    current = settings()
    _bootstrapped(str(current.library_path.resolve()))
    return service.open_library(current)
