"""What staff and listeners do, as functions: the one place the CLI and the app call.

Each function composes the layers (articles -> speech -> audio) for one use; none of
them prints or draws anything. The heavy layers (the importer with trafilatura and
requests, the speech pipeline, the audio layer) are imported by the functions that
use them, so `list`, `search` and `show` start without paying for them.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generator, Iterator

from reader.articles.library import Library
from reader.articles.model import Article
from reader.config import Settings
from reader.errors import FeedError, LexiconError, OutputError, ReaderError, SourceError

if TYPE_CHECKING:
    from reader.articles.refresh import RefreshReport
    from reader.articles.watchlist import Watched
    from reader.audio.maintenance import CacheReport
    from reader.audio.render import AudioPart, Rendering
    from reader.jobs.progress import AudioProgress
    from reader.speech.script import SpeechScript

log = logging.getLogger(__name__)


def open_library(settings: Settings) -> Library:
    return Library.open(settings)


def open_library_with_samples(settings: Settings) -> Library:
    """The library the app shows: on a fresh install, the sample articles are loaded first."""
    from reader.articles.samples import ensure_samples
    library = Library.open(settings)
    ensure_samples(library)
    return library


def import_article(library: Library, source: str, settings: Settings) -> Article:
    from reader.articles.importer import import_source
    return library.add(import_source(source, settings))


def import_pasted_text(library: Library, text: str, settings: Settings) -> Article:
    """Pasted or uploaded text: the same text twice is one article (its source is its hash)."""
    from reader.articles.importer import import_text
    return library.add(import_text(text, settings))


def import_articles(
    library: Library, sources: list[str], settings: Settings
) -> list[tuple[str, Article | ReaderError]]:
    """Read every source, then store all that were read in one transaction.

    Returns, per source in order, the stored article or the error that stopped it; one
    bad source does not stop the others.
    """
    from reader.articles.importer import import_source
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


def watch_source(library: Library, kind: str, url: str, settings: Settings, pattern: str = "") -> RefreshReport:
    """Remember a feed (``kind="feed"``) or portal page (``"page"``) and import its new
    articles now. A source that cannot be read at all is not remembered (the error says why)."""
    from reader.articles.fetch import check_url
    from reader.articles.links import compile_pattern
    from reader.articles.refresh import refresh
    from reader.articles.watchlist import add_watched, find_watched, remove_watched

    url = url.strip()
    compile_pattern(pattern)
    check_url(url, settings)
    known = find_watched(library, url) is not None
    watched = add_watched(library, kind, url, pattern)
    report = refresh(library, watched, settings)
    if report.error and not known:
        remove_watched(library, str(watched.id), kind)
        raise FeedError(report.error)
    return report


def unwatch_source(library: Library, id_or_url: str, kind: str) -> Watched:
    from reader.articles.watchlist import remove_watched
    return remove_watched(library, id_or_url.strip(), kind)


def watched_sources(library: Library, kind: str | None = None) -> list[Watched]:
    from reader.articles.watchlist import list_watched
    return list_watched(library, kind)


def refresh_sources(
    library: Library, settings: Settings, kind: str | None = None, ids: list[int] | None = None
) -> list[RefreshReport]:
    """Check feeds and pages one after another (politely: one pacer for the whole run)."""
    from reader.articles.fetch import Pacer
    from reader.articles.refresh import refresh
    from reader.articles.watchlist import get_watched, list_watched

    chosen = [get_watched(library, i) for i in ids] if ids else list_watched(library, kind)
    for watched in chosen:
        if kind and watched.kind != kind:
            raise SourceError(f"{watched.id} is a {watched.kind}, not a {kind} (see the list command)")
    pacer = Pacer(settings.fetch_delay_s)
    return [refresh(library, watched, settings, pacer) for watched in chosen]


def article_paragraphs(article: Article) -> list[str]:
    """An article is read title first, then its body."""
    return [article.title, *article.paragraphs]


def paragraphs_of_text(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def paragraphs_of_file(path: Path, settings: Settings) -> list[str]:
    """A saved page or a plain text file, read as an article: chrome dropped, title first."""
    from reader.articles.importer import import_source
    return article_paragraphs(import_source(str(path), settings))


def script_for(paragraphs: list[str], settings: Settings) -> SpeechScript:
    from reader.speech.script import build_script
    return build_script(paragraphs, settings)


def script_for_article(article: Article, settings: Settings) -> SpeechScript:
    from reader.speech.script import build_script
    return build_script(article_paragraphs(article), settings)


def article_tags(article: Article) -> dict[str, str]:
    """What an article's MP3 says about itself in a player: title, date, source, language.
    The source is the article's web address; a file path or upload is nobody's business."""
    tags = {"title": article.title, "language": "vie"}
    if article.published is not None:
        tags["date"] = article.published.date().isoformat()
    if article.url:
        tags["source"] = article.url
    return tags


def text_tags(paragraphs: list[str]) -> dict[str, str]:
    """Tags of a text read aloud without an article: its first line is its title."""
    return {"title": paragraphs[0], "language": "vie"} if paragraphs else {"language": "vie"}


def render_script(
    script: SpeechScript, settings: Settings, engine: str | None = None, out_path: Path | None = None,
    *, tags: dict[str, str] | None = None, slow: bool = False,
) -> Rendering:
    """The script's MP3 (``slow``: the slower variant, ``settings.slow_tempo``)."""
    from reader.audio.render import render

    tempo = settings.slow_tempo if slow else 1.0
    return render(script, settings, engine=engine, out_path=out_path, tags=tags, tempo=tempo)


def speak_parts(
    script: SpeechScript, settings: Settings, engine: str | None = None, *, tags: dict[str, str] | None = None
) -> Iterator[AudioPart]:
    """The script's audio part by part as each is ready; the whole MP3 is stored at the end."""
    from reader.audio.render import render_parts

    return render_parts(script, settings, engine=engine, tags=tags)


def render_article(article: Article, settings: Settings, engine: str | None = None, *, slow: bool = False) -> Rendering:
    """The article's MP3 from the cache, made first if needed."""
    return render_script(script_for_article(article, settings), settings, engine, tags=article_tags(article),
                         slow=slow)


def readable_script(article: Article, settings: Settings) -> tuple[SpeechScript, Settings]:
    """The article's script; a broken staff lexicon must not silence the site, so the
    article is then read without it (and the fault is logged for staff)."""
    try:
        return script_for_article(article, settings), settings
    except LexiconError as exc:
        log.warning("reading article %s without the staff lexicon: %s", article.id, exc)
        settings = settings.with_(staff_lexicon=False)
        return script_for_article(article, settings), settings


def listen(article: Article, settings: Settings, *, slow: bool = False) -> Rendering:
    """The article's audio for a listener (``slow``: the slower variant, pitch kept)."""
    script, settings = readable_script(article, settings)
    return render_script(script, settings, tags=article_tags(article), slow=slow)


def listen_parts(
    article: Article, settings: Settings, on_progress: Callable[[AudioProgress], None] | None = None
) -> Iterator[AudioPart]:
    """The article's audio for a listener, part by part as soon as each is playable
    (title and first paragraph first); when exhausted, `listen` finds the whole MP3 at once.
    An article already made comes as one part: its whole MP3.

    In a province (``redis_url``) a worker makes an article nobody has heard yet: its
    parts are handed over as the worker stores them, and ``on_progress`` is told how
    far it is. If no worker is alive, Redis cannot be reached, or the job fails or
    stalls, the app makes the rest itself (still telling ``on_progress``)."""
    from reader.audio.render import render_parts

    script, settings = readable_script(article, settings)
    tags = article_tags(article)
    if not (settings.redis_url and article.id is not None) or has_audio(script, settings):
        yield from render_parts(script, settings, tags=tags)
        return
    heard = yield from _parts_from_workers(article.id, settings, on_progress)
    if heard is None:
        return
    if has_audio(script, settings):  # the workers finished meanwhile
        if not heard:
            yield from render_parts(script, settings, tags=tags)  # the whole article, as one part
        return
    yield from _parts_made_here(script, settings, tags, heard, on_progress)


def _parts_from_workers(
    article_id: int, settings: Settings, on_progress: Callable[[AudioProgress], None] | None
) -> Generator[AudioPart, None, int | None]:
    """The parts a worker makes, as it stores them. Returns None once the workers made the
    whole article, else how many parts were handed over before they could not go on."""
    from reader.audio.render import stored_part
    from reader.errors import JobsUnavailable
    from reader.jobs.progress import DONE
    from reader.jobs.queue import made_by_workers

    heard = 0
    try:
        for progress in made_by_workers(settings, article_id):
            for index in range(heard, len(progress.part_keys)):
                part = stored_part(settings, index, progress.part_keys[index])
                if part is None:  # not on this machine's cache (or not whole): make it here
                    log.warning("part %d of article %s is not in the audio cache", index, article_id)
                    return heard
                heard += 1
                yield part
            if on_progress is not None:
                on_progress(progress)
            if progress.stage == DONE:
                return None if heard else 0
    except JobsUnavailable as exc:
        log.warning("making article %s in the app's process: %s", article_id, exc)
    return heard


def _parts_made_here(
    script: SpeechScript, settings: Settings, tags: dict[str, str], heard: int,
    on_progress: Callable[[AudioProgress], None] | None,
) -> Iterator[AudioPart]:
    """The article made in this process, from part ``heard`` on (the parts before it are
    made again from the cached clips, to carry the encoder's state, but not handed over)."""
    from reader.audio.render import part_count, render_parts
    from reader.jobs.progress import HERE, AudioProgress

    total = part_count(script)
    for part in render_parts(script, settings, tags=tags):
        if part.index < heard:
            continue
        if on_progress is not None:
            on_progress(AudioProgress(HERE, part.index + 1, max(total, part.index + 1)))
        yield part


def part_count(script: SpeechScript) -> int:
    """How many parts the article is first played in."""
    from reader.audio.render import part_count as count
    return count(script)


def has_audio(script: SpeechScript, settings: Settings, engine: str | None = None) -> bool:
    from reader.audio.render import cached_rendering
    return cached_rendering(script, settings, engine=engine) is not None


def prune_audio(library: Library, settings: Settings, max_bytes: int | None = None) -> CacheReport:
    """Prune the audio cache, keeping the audio of the library's articles as they are now."""
    from reader.audio.maintenance import prune_cache
    from reader.audio.render import article_keys
    keep: set[str] = set()
    for article in library.list():
        keep |= article_keys(script_for_article(article, settings), settings)
    return prune_cache(settings, keep, max_bytes)


def check_output(path: Path) -> Path:
    """``path`` if an output file can be written there (its folder exists); else ``OutputError``."""
    from reader.audio.cache import check_output_path

    return check_output_path(path)


def write_json(path: Path, value: object) -> None:
    """Write JSON for the user; a regular file is written atomically."""
    from reader.audio.cache import write_output
    try:
        write_output(path, json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def stored_listen(article: Article, settings: Settings) -> Rendering | None:
    """The article's audio if it is already made (never calls a voice), for a page that
    offers the player at once; like ``listen``, a broken lexicon is read around."""
    from reader.audio.render import cached_rendering
    try:
        return cached_rendering(script_for_article(article, settings), settings)
    except LexiconError:
        return cached_rendering(script_for_article(article, settings.with_(staff_lexicon=False)), settings)


def listen_text(text: str, settings: Settings) -> Rendering:
    """A short text read by the listener's voice (a bulletin's "Tin thứ 2, ngày ..."),
    made once and cached like an article."""
    paragraphs = paragraphs_of_text(text)
    return render_script(script_for(paragraphs, settings), settings, tags=text_tags(paragraphs))
