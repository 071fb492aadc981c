"""Audio for the browser by URL, never inlined: Streamlit's media endpoint serves a
registered file with HTTP byte ranges (206 Partial Content), so seeking works on
phones. A file stays registered while a run of the session's page keeps adding it."""

from __future__ import annotations

from pathlib import Path

from streamlit import runtime


def audio_url(path: Path, owner: str) -> str:
    """A URL relative to the page (so a `server.baseUrlPath` is kept) for the MP3 at
    ``path``; ``owner`` names the element it belongs to. Empty without a server."""
    if not runtime.exists():
        return ""
    url = runtime.get_instance().media_file_mgr.add(str(path), "audio/mpeg", f"reader-{owner}")
    return url.lstrip("/")
