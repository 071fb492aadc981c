"""A real `streamlit run app.py` on 127.0.0.1 and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_SECONDS = 60
#: Expectations wait this long (ms): the machines running the tests are often busy.
EXPECT_TIMEOUT_MS = 20_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: An undated, uncategorised article whose title holds Markdown, link and HTML syntax.
HOSTILE_TITLE = "Giá lúa **tăng** > giá [phân](bón) <script>alert(1)</script> giảm"


def _seed_library(data_dir: Path) -> None:
    from reader import service
    from reader.articles.model import Article
    from reader.config import Settings

    with service.open_library_with_samples(Settings(data_dir=data_dir)) as library:
        library.add(Article(title=HOSTILE_TITLE, paragraphs=("Bài không ngày, không chuyên mục.",), source="text"))


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The app as a listener gets it offline: its own data and cache dirs, Google unreachable."""
    tmp = tmp_path_factory.mktemp("app")
    env = {
        **os.environ,
        "READER_DATA_DIR": str(tmp / "data"),
        "READER_CACHE_DIR": str(tmp / "audio_cache"),
        "READER_ENGINE": "auto",
        # Small pages, so that the samples fill two of them and paging is used.
        "READER_LIST_PAGE_SIZE": "5",
        "READER_GTTS_URL": "http://127.0.0.1:9/_/TranslateWebserverUi/data/batchexecute",
    }
    _seed_library(tmp / "data")
    with streamlit_app(env, tmp) as url:
        yield url


@contextmanager
def streamlit_app(env: dict[str, str], tmp: Path, startup_seconds: float = STARTUP_SECONDS) -> Iterator[str]:
    """`streamlit run app.py` on a free port with ``env``, its log in ``tmp``; the base URL
    once it answers its health check (within ``startup_seconds``)."""
    port = _free_port()
    log = open(tmp / "streamlit.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + startup_seconds
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited: {(tmp / 'streamlit.log').read_text()}")
            try:
                if requests.get(url + "/_stcore/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("streamlit did not answer /_stcore/health")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (packages.txt names it)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()
