"""The listen button and the player: one press makes (or fetches) the audio and plays it.

The player is our own HTML/CSS/JavaScript (`static/player.*`) drawn with `st.html`, so
it runs in the page itself: its big button is "Nghe bài" / "Tạm dừng", it follows the
voice in the article's sentence spans (see `transcript.py`) and answers page-wide keys.
Its markup depends only on the article, so it is never redrawn while playing; the audio
reaches it by *feed* elements, small scripts that hand it a URL (`media.py`, byte
ranges) and a timing map: the whole article, or its parts while it is being made.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from html import escape
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

import streamlit as st

from reader import service
from reader.articles.model import Article
from reader.errors import ReaderError
from reader.ui import media, state
from reader.ui.labels import all_labels, label
from reader.ui.transcript import Transcript, match_timings

if TYPE_CHECKING:
    from reader.audio.render import Rendering
    from reader.jobs.progress import AudioProgress

SPEEDS = ("0.75", "1", "1.25", "1.5")


@cache
def static_file(name: str) -> str:
    return resources.files("reader.ui").joinpath("static", name).read_text(encoding="utf-8")


def _speed_buttons() -> str:
    names = all_labels()["speed_names"]
    return "".join(
        f'<button type="button" class="reader-speed" data-rate="{rate}" aria-pressed="{str(rate == "1").lower()}">'
        f'{escape(names[rate])} <span class="reader-speed-value">{escape(rate.replace(".", ","))}×</span></button>'
        for rate in SPEEDS
    )


def _shortcuts() -> str:
    return "".join(f"<dt>{escape(keys)}</dt><dd>{escape(what)}</dd>" for keys, what in all_labels()["shortcuts"])


def _offline(shown: bool) -> str:
    hidden = "" if shown else " hidden"
    return (
        f'<details class="reader-offline"{hidden}><summary>{escape(label("offline_notice"))} '
        f'<span class="reader-why">{escape(label("offline_why"))}</span></summary>'
        f"<p>{escape(label('offline_reason'))}</p></details>"
    )


def player_html(article: Article, preparing: bool = False, offline: bool = False, on_end: str | None = None) -> str:
    """The player's markup and code; every name in it is escaped. No audio yet: see `feed_html`.
    ``on_end``: a CSS selector of a button the player presses when the article ends (the
    bulletin's "Tin sau")."""
    config = {"articleId": article.id, "preparing": preparing, "onEnd": on_end, "labels": all_labels()}
    names = {k: escape(v) for k, v in all_labels().items() if isinstance(v, str)}
    html = Template(static_file("player.html")).substitute(
        names,
        config=escape(json.dumps(config, ensure_ascii=False)),
        status=escape(label("preparing" if preparing else "status_ready")),
        total_time="0:00",
        speed_buttons=_speed_buttons(),
        shortcuts=_shortcuts(),
        file_name=f"bai-viet-{article.id}.mp3",
        offline=_offline(offline),
    )
    code = static_file("player_keys.js") + static_file("transcript.js") + static_file("player.js")
    return f"<style>{static_file('player.css')}</style>{html}<script>{code}</script>"


def feed_message(kind: str, src: str, timings: Iterable[dict], transcript: Transcript, **extra: object) -> dict:
    """What the player is handed: audio URL and the timing map matched to the sentence spans."""
    return {"kind": kind, "src": src, "timings": match_timings(transcript.sentences, list(timings)), **extra}


def feed_html(article_id: int, message: dict) -> str:
    """A script handing ``message`` to the player; `<` is escaped so no text can end it."""
    payload = json.dumps(message, ensure_ascii=False).replace("<", "\\u003c")
    return (
        f"<script>(function(m){{if(window.ReaderPlayer)window.ReaderPlayer.feed({int(article_id)},m);"
        f"else(window.readerPending=window.readerPending||[]).push([{int(article_id)},m]);}})({payload});</script>"
    )


def _feed(where, article: Article, message: dict) -> None:
    where.html(feed_html(article.id, message), unsafe_allow_javascript=True)


def _stored(article: Article):
    try:
        return service.stored_listen(article, state.settings())
    except ReaderError:
        return None


def show(article: Article, transcript: Transcript, on_end: str | None = None) -> None:
    """The player, with the stored audio or the "Nghe bài" button; with ``on_end`` (the
    bulletin) audio not yet made is made at once and the player is started by the page."""
    bulletin = on_end is not None
    key = f"rendering-{article.id}"
    slot = st.empty()
    feeds = st.container(key="reader-feeds")
    rendering = st.session_state.get(key) or _stored(article)
    if rendering is not None:
        st.session_state[key] = rendering
        slot.html(player_html(article, offline=rendering.offline, on_end=on_end), unsafe_allow_javascript=True)
        src = media.audio_url(rendering.mp3_path, f"article-{article.id}")
        _feed(feeds, article, feed_message("whole", src, rendering.timings, transcript))
        return
    if not bulletin:
        pressed = slot.button(label("listen"), key="listen", type="primary", icon=":material/volume_up:", width="stretch")
        if not (pressed or st.session_state.pop("listen-again", False)):
            return
    slot.html(player_html(article, preparing=True, on_end=on_end), unsafe_allow_javascript=True)
    try:
        rendering = _make(article, transcript, feeds, autoplay=not bulletin)
    except ReaderError as exc:
        slot.empty()
        st.error(exc.user_message)
        st.button(
            label("listen"), key="listen-retry", type="primary", width="stretch",
            on_click=st.session_state.update, kwargs={"listen-again": True},
        )
        return
    st.session_state[key] = rendering
    src = media.audio_url(rendering.mp3_path, f"article-{article.id}")
    message = feed_message("whole", src, rendering.timings, transcript, autoplay=not bulletin, offline=rendering.offline)
    _feed(feeds, article, message)


def _make(article: Article, transcript: Transcript, feeds, autoplay: bool = True) -> Rendering:
    """Make the article's audio, handing each part to the player as soon as it exists
    (title and first paragraph first), so the listener hears it while the rest is made;
    then the whole article, which the service has stored once the parts are done. In a
    province a worker makes it, and the player also says how far it is ("phần 2 trên 7")."""
    settings = state.settings()
    rows: list[dict] = []
    progress_slot: list = []

    def told(progress: AudioProgress) -> None:
        """How far the workers (or this process, when they could not) are, shown by the player."""
        message = {"kind": "progress", "stage": progress.stage, "ready": progress.ready, "total": progress.total}
        if not progress_slot:
            progress_slot.append(feeds.empty())
        progress_slot[0].html(feed_html(article.id, message), unsafe_allow_javascript=True)

    for part in service.listen_parts(article, settings, on_progress=told):
        rows.extend(part.timings)
        timings = match_timings(transcript.sentences, rows)[len(rows) - len(part.timings):]
        src = media.audio_url(part.mp3_path, f"part-{article.id}-{part.index}")
        message = {
            "kind": "part", "index": part.index, "src": src, "timings": timings,
            "duration": part.duration_ms, "autoplay": autoplay, "offline": part.offline,
        }
        _feed(feeds, article, message)
    return service.listen(article, settings)
