"""The listen button and the player: one press makes (or fetches) the MP3 and plays it."""

from __future__ import annotations

import streamlit as st

from reader import service
from reader.articles.model import Article
from reader.audio.render import Rendering
from reader.errors import ReaderError
from reader.ui import state

OFFLINE_NOTICE = (
    "Hiện không kết nối được giọng đọc Google, nên bài được đọc bằng giọng đọc "
    "ngoại tuyến của máy. Giọng này nghe chưa tự nhiên nhưng vẫn đủ nội dung."
)


def show(article: Article) -> None:
    key = f"rendering-{article.id}"
    pressed = st.button(
        "Nghe bài", key="listen", type="primary", icon=":material/volume_up:", width="stretch"
    )
    if pressed:
        with st.spinner("Đang chuẩn bị bài đọc, xin chờ trong giây lát…"):
            try:
                st.session_state[key] = service.listen(article, state.settings())
            except ReaderError as exc:
                st.error(exc.user_message)
                return
    rendering: Rendering | None = st.session_state.get(key)
    if rendering is None:
        return
    if rendering.offline:
        st.info(OFFLINE_NOTICE)
    audio = rendering.mp3_path.read_bytes()
    st.audio(audio, format="audio/mpeg", autoplay=pressed, alt=f"Bài đọc: {article.title}")
    st.download_button(
        "Tải bài đọc về máy (MP3)",
        icon=":material/download:",
        data=audio,
        file_name=f"bai-viet-{article.id}.mp3",
        mime="audio/mpeg",
        key="download",
        on_click="ignore",
    )
