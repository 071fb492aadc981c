"""Shared fixtures: every test runs offline, on its own data and cache directories."""

from __future__ import annotations

import os

import pytest

from reader.config import Settings

for _proxy in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
    os.environ.pop(_proxy, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings pointing at a fresh data dir and cache dir, and at an unreachable Google."""
    return Settings(
        data_dir=tmp_path / "data",
        cache_dir=tmp_path / "audio_cache",
        gtts_url="http://127.0.0.1:9/_/TranslateWebserverUi/data/batchexecute",
        gtts_connect_timeout=0.5,
        gtts_read_timeout=2.0,
        gtts_retries=0,
    )
