"""What staff and listeners do, as functions: the one place the CLI and the app call.

Each function composes the layers (articles -> speech -> audio) for one use; none of
them prints or draws anything.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reader.articles.importer import import_source, import_text
from reader.articles.library import Library
from reader.articles.model import Article
from reader.articles.samples import ensure_samples
from reader.audio.cache import write_output
from reader.audio.maintenance import CacheReport, prune_cache
from reader.audio.render import Rendering, article_keys, cached_rendering, render
from reader.config import Settings
from reader.errors import LexiconError, OutputError, ReaderError
from reader.speech.script import SpeechScript, build_script

log = logging.getLogger(__name__)


def open_library(settings: Settings) -> Library:
    return Library.open(settings)


def open_library_with_samples(settings: Settings) -> Library:
    """The library the app shows: on a fresh install, the sample articles are loaded first."""
    library = Library.open(settings)
    ensure_samples(library)
    return library


def import_article(library: Library, source: str, settings: Settings) -> Article:
    return library.add(import_source(source, settings))


def import_pasted_text(library: Library, text: str, settings: Settings) -> Article:
    """Pasted or uploaded text: the same text twice is one article (its source is its hash)."""
    return library.add(import_text(text, settings))


def import_articles(
    library: Library, sources: list[str], settings: Settings
) -> list[tuple[str, Article | ReaderError]]:
    """Read every source, then store all that were read in one transaction.

    Returns, per source in order, the stored article or the error that stopped it; one
    bad source does not stop the others.
    """
    read: list[tuple[str, Article | ReaderError]] = []
    for source in sources:
        try:
            read.append((source, import_source(source, settings)))
        except ReaderError as exc:
            read.append((source, exc))
    stored = iter(library.add_many([a for _, a in read if isinstance(a, Article)]))
    return [(source, next(stored) if isinstance(a, Article) else a) for source, a in read]


def delete_article(library: Library, article_id: int) -> None:
    """Remove an article; its audio is removed by the next ``cache prune``."""
    library.delete(article_id)


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


def listen(article: Article, settings: Settings) -> Rendering:
    """The article's audio for a listener: a broken staff lexicon must not silence the
    site, so the article is then read without it (and the fault is logged for staff)."""
    try:
        return render_article(article, settings)
    except LexiconError as exc:
        log.warning("reading article %s without the staff lexicon: %s", article.id, exc)
        return render_article(article, settings.with_(staff_lexicon=False))


def has_audio(script: SpeechScript, settings: Settings, engine: str | None = None) -> bool:
    return cached_rendering(script, settings, engine=engine) is not None


def prune_audio(library: Library, settings: Settings, max_bytes: int | None = None) -> CacheReport:
    """Prune the audio cache, keeping the audio of the library's articles as they are now."""
    keep: set[str] = set()
    for article in library.list():
        keep |= article_keys(script_for_article(article, settings), settings)
    return prune_cache(settings, keep, max_bytes)


def write_json(path: Path, value: object) -> None:
    """Write JSON for the user; a regular file is written atomically."""
    try:
        write_output(path, json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def stored_listen(article: Article, settings: Settings) -> Rendering | None:
    """The article's audio if it is already made (never calls a voice), for a page that
    offers the player at once; like ``listen``, a broken lexicon is read around."""
    try:
        return cached_rendering(script_for_article(article, settings), settings)
    except LexiconError:
        return cached_rendering(script_for_article(article, settings.with_(staff_lexicon=False)), settings)
