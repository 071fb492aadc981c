"""Shared fixtures: every test runs offline, on its own data and cache directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.config import Settings

for _proxy in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
    os.environ.pop(_proxy, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.fixture
def app_env(settings, monkeypatch):
    """The Streamlit pages read their settings from the environment, as the app does;
    run from the repository root, with Streamlit's caches emptied between tests."""
    import streamlit as st

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("READER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("READER_CACHE_DIR", str(settings.cache_dir))
    monkeypatch.setenv("READER_GTTS_URL", settings.gtts_url)
    monkeypatch.setenv("READER_GTTS_CONNECT_TIMEOUT", "0.5")
    monkeypatch.setenv("READER_GTTS_RETRIES", "0")
    st.cache_data.clear()
    st.cache_resource.clear()
    return settings


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL for the session (tests/servers.py); each test gets its own database."""
    from tests.servers import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    import uuid

    name = "t_" + uuid.uuid4().hex[:12]
    url = postgres_server.create_database(name)
    yield url
    from reader.articles.postgres import close_pools

    close_pools()
    postgres_server.drop_database(name)


@pytest.fixture(scope="session")
def redis_server():
    """One Redis for the session (tests/servers.py), emptied after each test that uses it."""
    from tests.servers import RedisServer

    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server):
    import redis

    url = redis_server.url()
    yield url
    with redis.Redis.from_url(url) as client:
        client.flushall()


@pytest.fixture(params=["sqlite", "postgresql"])
def library_settings(request, settings):
    """The settings once for the embedded SQLite library, once for a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return settings
    return settings.with_(database_url=request.getfixturevalue("postgres_url"), database_pool_size=4)
