"""The listen button and the player: one press makes (or fetches) the MP3 and plays it.

The player is our own HTML/CSS/JavaScript (`static/player.*`) drawn with `st.html`, so
it runs in the page itself: its big button is "Nghe bài" / "Tạm dừng", it follows the
voice in the article's sentence spans (see `transcript.py`) and answers page-wide keys.
The audio comes by URL with byte ranges (`media.py`).
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib import resources
from string import Template

import streamlit as st

from reader import service
from reader.articles.model import Article
from reader.audio.render import Rendering
from reader.errors import ReaderError
from reader.ui import media, state
from reader.ui.labels import all_labels, label
from reader.ui.transcript import Transcript, match_timings

SPEEDS = ("0.75", "1", "1.25", "1.5")


@cache
def _static(name: str) -> str:
    return resources.files("reader.ui").joinpath("static", name).read_text(encoding="utf-8")


def format_time(ms: int) -> str:
    seconds = max(0, int(ms) // 1000)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _speed_buttons() -> str:
    names = all_labels()["speed_names"]
    return "".join(
        f'<button type="button" class="reader-speed" data-rate="{rate}" aria-pressed="{str(rate == "1").lower()}">'
        f'{escape(names[rate])} <span class="reader-speed-value">{escape(rate.replace(".", ","))}×</span></button>'
        for rate in SPEEDS
    )


def _shortcuts() -> str:
    return "".join(f"<dt>{escape(keys)}</dt><dd>{escape(what)}</dd>" for keys, what in all_labels()["shortcuts"])


def _offline() -> str:
    return (
        f'<details class="reader-offline"><summary>{escape(label("offline_notice"))} '
        f'<span class="reader-why">{escape(label("offline_why"))}</span></summary>'
        f"<p>{escape(label('offline_reason'))}</p></details>"
    )


def player_html(article: Article, rendering: Rendering, transcript: Transcript, src: str, autoplay: bool) -> str:
    """The player's markup with its configuration; every name in it is escaped."""
    timings = match_timings(transcript.sentences, rendering.timings)
    total = timings[-1]["end"] if timings else 0
    config = {
        "src": src,
        "timings": timings,
        "articleId": article.id,
        "autoplay": autoplay,
        "labels": all_labels(),
    }
    names = {k: escape(v) for k, v in all_labels().items() if isinstance(v, str)}
    html = Template(_static("player.html")).substitute(
        names,
        config=escape(json.dumps(config, ensure_ascii=False)),
        status=escape(label("status_ready")),
        total_time=format_time(total),
        speed_buttons=_speed_buttons(),
        shortcuts=_shortcuts(),
        src=escape(src),
        file_name=f"bai-viet-{article.id}.mp3",
        offline=_offline() if rendering.offline else "",
    )
    return f"<style>{_static('player.css')}</style>{html}<script>{_static('player.js')}</script>"


def show(article: Article, transcript: Transcript) -> None:
    key = f"rendering-{article.id}"
    slot = st.empty()
    rendering: Rendering | None = st.session_state.get(key)
    if rendering is None:
        rendering = service.stored_listen(article, state.settings())
    autoplay = False
    if rendering is None:
        pressed = slot.button(label("listen"), key="listen", type="primary", icon=":material/volume_up:", width="stretch")
        if not (pressed or st.session_state.pop("listen-again", False)):
            return
        slot.button(label("preparing"), key="listen-wait", disabled=True, width="stretch")
        try:
            rendering = service.listen(article, state.settings())
        except ReaderError as exc:
            slot.empty()
            st.error(exc.user_message)
            st.button(
                label("listen"), key="listen-retry", type="primary", width="stretch",
                on_click=st.session_state.update, kwargs={"listen-again": True},
            )
            return
        autoplay = True
    st.session_state[key] = rendering
    src = media.audio_url(rendering.mp3_path, f"article-{article.id}")
    slot.html(player_html(article, rendering, transcript, src, autoplay), unsafe_allow_javascript=True)
