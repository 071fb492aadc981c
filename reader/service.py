"""What staff and listeners do, as functions: the one place the CLI and the app call.

Each function composes the layers (articles -> speech -> audio) for one use; none of
them prints or draws anything.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from reader.articles.importer import import_source
from reader.articles.library import Library
from reader.articles.model import Article
from reader.articles.samples import ensure_samples
from reader.audio.render import Rendering, cached_rendering, render
from reader.config import Settings
from reader.speech.script import SpeechScript, build_script


def open_library(settings: Settings) -> Library:
    return Library.open(settings)


def open_library_with_samples(settings: Settings) -> Library:
    """The library the app shows: on a fresh install, the sample articles are loaded first."""
    library = Library.open(settings)
    ensure_samples(library)
    return library


def import_article(library: Library, source: str, settings: Settings) -> Article:
    return library.add(import_source(source, settings))


def article_paragraphs(article: Article) -> list[str]:
    """An article is read title first, then its body."""
    return [article.title, *article.paragraphs]


def paragraphs_of_text(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def paragraphs_of_file(path: Path, settings: Settings) -> list[str]:
    """A saved page or a plain text file, read as an article: chrome dropped, title first."""
    return article_paragraphs(import_source(str(path), settings))


def script_for(paragraphs: list[str], settings: Settings) -> SpeechScript:
    return build_script(paragraphs, settings)


def script_for_article(article: Article, settings: Settings) -> SpeechScript:
    return build_script(article_paragraphs(article), settings)


def render_script(
    script: SpeechScript, settings: Settings, engine: str | None = None, out_path: Path | None = None
) -> Rendering:
    return render(script, settings, engine=engine, out_path=out_path)


def render_article(article: Article, settings: Settings, engine: str | None = None) -> Rendering:
    """The article's MP3 from the cache, made first if needed."""
    return render(script_for_article(article, settings), settings, engine=engine)


def has_audio(article: Article, settings: Settings, engine: str | None = None) -> bool:
    return cached_rendering(script_for_article(article, settings), settings, engine=engine) is not None


def write_json(path: Path, value: object) -> None:
    """Write JSON atomically, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
