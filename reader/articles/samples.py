"""Sample district news, so a fresh install has something to read aloud at once.

The samples are portal text dumps (the same format staff import), shipped inside
the package and read with ``importlib.resources`` so they work from a wheel too.
"""

from __future__ import annotations

from importlib import resources

from reader.articles.library import Library
from reader.articles.model import Article
from reader.articles.textdump import parse_text_dump

SAMPLES_PACKAGE = "reader.articles"
SAMPLES_FOLDER = "samples"


def sample_names() -> list[str]:
    """File names of the bundled samples, in a stable order."""
    folder = resources.files(SAMPLES_PACKAGE).joinpath(SAMPLES_FOLDER)
    return sorted(item.name for item in folder.iterdir() if item.name.endswith(".txt"))


def load_samples() -> list[Article]:
    """Every bundled sample parsed into an ``Article`` (source ``sample:<filename>``)."""
    folder = resources.files(SAMPLES_PACKAGE).joinpath(SAMPLES_FOLDER)
    return [
        parse_text_dump(folder.joinpath(name).read_text(encoding="utf-8"), source=f"sample:{name}")
        for name in sample_names()
    ]


def ensure_samples(library: Library) -> int:
    """Add the samples to an empty library; returns how many were added (0 if not empty)."""
    if library.count():
        return 0
    added = 0
    for article in load_samples():
        library.add(article)
        added += 1
    return added
