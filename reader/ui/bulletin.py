"""Nghe tin mới: the newest articles read one after another, as a radio bulletin.

The home page's button opens it (`?nghe=1`, with `&muc=` when the list is limited to a
category). It plays the articles the first list page shows, one at a time, through the
article player: each is announced by a short spoken intro ("Tin thứ 2, ngày 28 tháng 11
năm 2026", made by the listener's voice and cached like any audio), then its audio,
whose first part is its title. Audio not yet made is made on demand as "Nghe bài" does.
When an article ends the player presses "Tin sau" (a Streamlit button, so the page is
not reloaded and the browser keeps the listener's permission to play sound).
"""

from __future__ import annotations

from datetime import datetime
from html import escape

import streamlit as st

from reader import service
from reader.errors import ReaderError
from reader.ui import categories, media, player, state, text
from reader.ui.labels import label
from reader.ui.layout import announce, page_title
from reader.ui.player import static_file
from reader.ui.transcript import build_transcript

BULLETIN_PARAM = "nghe"
NEXT_SELECTOR = ".st-key-bulletin-next button"


def requested() -> bool:
    return BULLETIN_PARAM in st.query_params


def position(raw: object, total: int) -> int:
    """The article asked for (1-based), kept within 1..total whatever the address says."""
    value = str(raw or "1").strip()
    number = int(value) if value.isascii() and value.isdigit() and len(value) < 10 else 1  # not "¹" or "²"
    return max(1, min(number, max(1, total)))


def _go(to: int) -> None:
    st.query_params[BULLETIN_PARAM] = str(to)


def start_button() -> None:
    """The home page's "Nghe tin mới" (the bulletin keeps the category chosen)."""
    st.button(
        label("bulletin_start"), key="bulletin-start", type="primary", icon=":material/campaign:",
        width="stretch", on_click=_go, args=(1,),
    )


def intro_text(place: int, published: datetime | None) -> str:
    """What is said before an article: its place in the bulletin and its date."""
    if published is None:
        return label("bulletin_intro", position=place)
    return label("bulletin_intro_dated", position=place, day=published.day, month=published.month,
                 year=published.year)


def intro_html(src: str, article_id: int) -> str:
    """The spoken intro: played at once, then the article's player is started (`static/bulletin.js`)."""
    return (
        f'<div class="reader-bulletin-intro" data-src="{escape(src)}" data-article="{int(article_id)}"></div>'
        f"<script>{static_file('bulletin.js')}</script>"
    )


def _intro(place: int, published: datetime | None) -> str | None:
    try:
        rendering = service.listen_text(intro_text(place, published), state.settings())
    except ReaderError:
        return None  # the article is still read, only its announcement is missing
    return media.audio_url(rendering.mp3_path, f"intro-{place}")


def show() -> None:
    category = categories.chosen()
    size = max(1, state.settings().list_page_size)
    with state.library() as library:
        heads = library.category_headlines(category, size) if category else library.headlines(size)
        if not heads:
            st.html(f'<p class="reader-back">{text.link_html(categories.list_href(category), label("bulletin_stop"))}</p>')
            announce(label("no_articles"))
            return
        place = position(st.query_params.get(BULLETIN_PARAM), len(heads))
        article = library.get(heads[place - 1].id)
    st.set_page_config(page_title=page_title(article.title))
    st.html(f'<p class="reader-back">{text.link_html(categories.list_href(category), label("bulletin_stop"))}</p>')
    announce(label("bulletin_place", position=place, total=len(heads)))
    transcript = build_transcript([article.title, *article.paragraphs])
    st.html(text.heading_html(article.title, inner_html=transcript.title_html, focus=True))
    above = st.container()
    # The player first, then the way to the other news: on a phone at large text the
    # play button stays on the first screen.
    previous, following = st.container(key="bulletin-nav").columns(2)
    previous.button(label("bulletin_previous"), key="bulletin-previous", disabled=place <= 1,
                    width="stretch", on_click=_go, args=(place - 1,))
    following.button(label("bulletin_next"), key="bulletin-next", disabled=place >= len(heads),
                     width="stretch", on_click=_go, args=(place + 1,))
    # The text is drawn before the audio is made, so nothing of the page before lingers.
    st.html(text.meta_html(article.published, article.category))
    st.html(text.body_html(transcript.body_html, escaped=True))
    with above:
        intro = _intro(place, article.published)
        if intro:
            st.html(intro_html(intro, article.id), unsafe_allow_javascript=True)
        player.show(article, transcript, on_end=NEXT_SELECTOR)
