"""The audio of articles as staff see it: ready, missing, out of date, or offline voice only.

Article audio is stored under a key made of its clips (content-addressed), not under
the article's id, so "this article's audio is out of date" cannot be looked up; it is
found out honestly instead. The article's current script has no stored audio, but a
stored audio's timing map (which keeps each sentence as written) tells the same story:
the same title, or at least half of the same sentences. If every written sentence is
unchanged, what changed is how it is spoken (a pronunciation, a reading rule, a voice
setting); otherwise the text was edited. ``cache prune`` removes such old audio, after
which the article simply has none.
"""

from __future__ import annotations

import enum
import json
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from reader import service
from reader.articles.model import Article
from reader.audio.render import cached_rendering
from reader.batch import BatchSummary
from reader.config import Settings
from reader.errors import JobsUnavailable, LexiconError, ReaderError
from reader.speech import staff_lexicon
from reader.speech.script import SpeechScript

SAME_STORY_SHARE = 0.5


class AudioStatus(enum.Enum):
    NONE = "none"
    READY = "ready"
    OFFLINE = "offline"
    OUTDATED_TEXT = "outdated-text"
    OUTDATED_SPEECH = "outdated-speech"
    NO_SCRIPT = "no-script"

    @property
    def outdated(self) -> bool:
        return self in (AudioStatus.OUTDATED_TEXT, AudioStatus.OUTDATED_SPEECH)


def _lexicon_signature(settings: Settings) -> tuple[int, int]:
    try:
        info = staff_lexicon.lexicon_path(settings).stat()
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=4096)
def _script(paragraphs: tuple[str, ...], settings: Settings, lexicon: tuple[int, int]) -> SpeechScript:
    return service.script_for(list(paragraphs), settings)


def script_of(article: Article, settings: Settings) -> SpeechScript:
    """The article's script as a listener would get it now; without the staff lexicon
    when the lexicon is broken (as ``service.listen`` does). Cached per text and lexicon."""
    paragraphs = tuple(service.article_paragraphs(article))
    try:
        return _script(paragraphs, settings, _lexicon_signature(settings))
    except LexiconError:
        return _script(paragraphs, settings.with_(staff_lexicon=False), (0, 0))


@dataclass(frozen=True)
class StoredAudio:
    """One stored article audio, as its timing map describes it."""

    key: str
    texts: tuple[str, ...]
    title: tuple[str, ...]


@lru_cache(maxsize=4)
def _stored(articles_dir: Path, stamp: int) -> tuple[tuple[StoredAudio, ...], dict[str, frozenset[int]]]:
    entries: list[StoredAudio] = []
    by_text: dict[str, set[int]] = {}
    for meta in sorted(articles_dir.glob("*.json")):
        try:
            timings = json.loads(meta.read_text(encoding="utf-8")).get("timings")
        except (OSError, ValueError, AttributeError):
            continue
        if not isinstance(timings, list) or not meta.with_suffix(".mp3").exists():
            continue
        rows = [t for t in timings if isinstance(t, dict) and isinstance(t.get("text"), str)]
        entry = StoredAudio(
            meta.stem, tuple(t["text"] for t in rows), tuple(t["text"] for t in rows if t.get("paragraph") == 0)
        )
        for text in set(entry.texts):
            by_text.setdefault(text, set()).add(len(entries))
        entries.append(entry)
    return tuple(entries), {k: frozenset(v) for k, v in by_text.items()}


def stored_audio(settings: Settings) -> tuple[tuple[StoredAudio, ...], dict[str, frozenset[int]]]:
    """Every stored article audio, read again only when the folder changed."""
    folder = Path(settings.cache_dir) / "articles"
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return (), {}
    return _stored(folder, stamp)


def _texts(script: SpeechScript) -> tuple[str, ...]:
    return tuple(sentence.text for _, _, sentence in script.sentences())


def earlier_audio(script: SpeechScript, settings: Settings) -> StoredAudio | None:
    """Stored audio of an earlier version of this text (same title, or half the sentences)."""
    entries, by_text = stored_audio(settings)
    texts = _texts(script)
    title = tuple(s.text for s in script.paragraphs[0])
    candidates: set[int] = set()
    for text in set(texts):
        candidates |= by_text.get(text, frozenset())
    best: tuple[float, StoredAudio] | None = None
    for index in candidates:
        entry = entries[index]
        shared = len(set(entry.texts) & set(texts)) / max(1, min(len(set(entry.texts)), len(set(texts))))
        if entry.title == title or shared >= SAME_STORY_SHARE:
            score = shared + (1 if entry.texts == texts else 0)
            if best is None or score > best[0]:
                best = (score, entry)
    return None if best is None else best[1]


def audio_status(article: Article, settings: Settings) -> AudioStatus:
    """What a listener pressing "Nghe bài" now gets, as far as it is known without any voice."""
    try:
        script = script_of(article, settings)
    except ReaderError:
        return AudioStatus.NO_SCRIPT
    if cached_rendering(script, settings, "gtts") is not None:
        return AudioStatus.READY
    auto = cached_rendering(script, settings, "auto")
    if auto is not None:
        return AudioStatus.OFFLINE if "espeak" in auto.engines_used else AudioStatus.READY
    if cached_rendering(script, settings, "espeak") is not None:
        return AudioStatus.OFFLINE
    earlier = earlier_audio(script, settings)
    if earlier is None:
        return AudioStatus.NONE
    return AudioStatus.OUTDATED_SPEECH if earlier.texts == _texts(script) else AudioStatus.OUTDATED_TEXT


def make_audio(
    articles: Sequence[Article],
    settings: Settings,
    on_done: Callable[[Article, ReaderError | None], None] | None = None,
) -> BatchSummary[Article]:
    """Make (or find) the audio of ``articles`` as ``pregenerate`` does, a few at a time;
    ``on_done`` is called in this thread after each article (for a progress bar).

    Not ``reader.batch.run_batch``: that one answers a bug by setting the process-wide
    stop flag, which in the app's long-lived server would silence every listener until
    a restart. Here a bug cancels what has not started and is raised, nothing more.
    """
    def work(article: Article) -> object:
        return service.render_script(script_of(article, settings), settings)

    summary: BatchSummary[Article] = BatchSummary()
    pool = ThreadPoolExecutor(max_workers=max(1, settings.staff_pregenerate_jobs), thread_name_prefix="staff-audio")
    futures = {pool.submit(work, article): article for article in articles}
    try:
        for future in as_completed(futures):
            article = futures[future]
            try:
                future.result()
            except ReaderError as exc:
                summary.failed.append((article, exc))
                error: ReaderError | None = exc
            else:
                summary.done.append(article)
                error = None
            if on_done is not None:
                on_done(article, error)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return summary


class QueueState(enum.Enum):
    """Where an article's audio job stands, as the staff page shows it."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    GONE = "gone"  # no such job any more (finished long ago, or Redis was emptied)

    @property
    def finished(self) -> bool:
        return self in (QueueState.DONE, QueueState.FAILED, QueueState.GONE)


@dataclass(frozen=True)
class QueuedAudio:
    state: QueueState
    parts_ready: int = 0
    parts_total: int = 0


def queue_audio(articles: Sequence[Article], settings: Settings) -> list[int] | None:
    """In a province with a worker alive: one audio job per article (one already waiting
    or running is reused) and their ids, for `queue_progress`. None when this process
    must make them itself (no ``redis_url``, no worker, Redis unreachable)."""
    if not settings.redis_url:
        return None
    from reader.jobs.queue import enqueue_audio, workers_exist

    if not workers_exist(settings):
        return None
    ids = [a.id for a in articles if a.id is not None]
    try:
        for article_id in ids:
            enqueue_audio(settings, article_id)
    except JobsUnavailable:
        return None
    return ids


_STAGES = {"queued": QueueState.QUEUED, "making": QueueState.RUNNING, "done": QueueState.DONE}


def queue_progress(article_ids: Sequence[int], settings: Settings) -> dict[int, QueuedAudio]:
    """Where each article's audio job stands (raises ``JobsUnavailable`` when Redis does not answer)."""
    from reader.jobs.queue import audio_progress

    found = audio_progress(settings, list(article_ids))
    shown: dict[int, QueuedAudio] = {}
    for article_id in article_ids:
        progress = found.get(article_id)
        if progress is None:
            shown[article_id] = QueuedAudio(QueueState.GONE)
        else:
            state = _STAGES.get(progress.stage, QueueState.FAILED)
            shown[article_id] = QueuedAudio(state, progress.ready, progress.total)
    return shown


def without_audio(articles: Iterable[Article], settings: Settings) -> list[Article]:
    """The articles whose audio a listener would still have to wait for (or hear offline)."""
    return [a for a in articles if audio_status(a, settings) not in (AudioStatus.READY, AudioStatus.NO_SCRIPT)]
