"""How the listener's pages feel in a real browser: figures printed, never asserted.

    .venv/bin/python -m bench.ui_bench                   # 7 and 10,000 articles, 3 runs each
    .venv/bin/python -m bench.ui_bench --articles 2000 --runs 5

For each library (the 7 bundled samples, and N articles made from them as in
`articles_bench`) a real `streamlit run app.py` is started and a headless Chromium
(Playwright, /usr/bin/chromium, the flags of tests/ui/conftest.py) opens the home page:
"home ready" is from the start of navigation until the first page of headlines and the
count are shown; "search settled" from pressing Enter in the search box until the
result count and the first results are shown. Then, with the fake Google answering
after 250 ms (tests/fakes/google.py), "first sound" is from pressing "Nghe bài" on an
article never heard until the audio's currentTime > 0, and again for the same article
once its audio is stored (the player is offered at once: its play button is pressed).
Load averages are printed: the figures depend on what else the machine is doing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.articles_bench import build_library  # noqa: E402
from reader import service  # noqa: E402
from reader.config import Settings  # noqa: E402
from tests.fakes.google import FakeGoogle  # noqa: E402
from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_app  # noqa: E402

SEARCH = "an bien"
WAIT_MS = 180_000


@contextmanager
def app(folder: Path, gtts_url: str):
    """`streamlit run app.py` on the library in ``folder``; yields its URL."""
    env = {**os.environ, "READER_DATA_DIR": str(folder / "data"), "READER_CACHE_DIR": str(folder / "cache"),
           "READER_ENGINE": "auto", "READER_GTTS_URL": gtts_url}
    with streamlit_app(env, folder, startup_seconds=120) as url:
        yield url


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def home_ready(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".reader-card-link", timeout=WAIT_MS)
    page.wait_for_selector("p.reader-count", timeout=WAIT_MS)
    return _ms(start)


def search_settled(page, url: str) -> float:
    home_ready(page, url)
    box = page.get_by_label("Tìm bài viết", exact=False)
    box.fill(SEARCH)
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        "() => { const c = document.querySelector('p.reader-count');"
        " return c && c.textContent.startsWith('Tìm thấy') && document.querySelector('.reader-card-link'); }",
        timeout=WAIT_MS,
    )
    return _ms(start)


def first_sound(page, url: str, index: int, stored: bool) -> float:
    page.goto(url)
    page.locator(".reader-card-link").nth(index).click()
    page.wait_for_selector(".reader-article-body p", timeout=WAIT_MS)
    button = page.locator(".reader-play") if stored else page.get_by_role("button", name="Nghe bài")
    button.first.wait_for(timeout=WAIT_MS)
    start = time.perf_counter()
    button.first.click()
    page.wait_for_function(
        "() => { const a = document.querySelector('.reader-player audio'); return a && a.currentTime > 0; }",
        timeout=WAIT_MS, polling=10,
    )
    took = _ms(start)
    page.evaluate("() => { const a = document.querySelector('.reader-player audio'); if (a) a.pause(); }")
    # Stay until the whole article is stored (leaving the page would stop its making).
    page.wait_for_selector(".reader-download:not([hidden])", state="attached", timeout=WAIT_MS)
    return took


def _stats(values: list[float]) -> str:
    return f"median {statistics.median(values):7.0f} ms  (min {min(values):.0f}, max {max(values):.0f}, n={len(values)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.25, help="the fake Google's answer delay (s)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)", flush=True)
    with tempfile.TemporaryDirectory() as tmp, FakeGoogle(latency=args.latency) as google, \
            sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        with service.open_library_with_samples(Settings(data_dir=small / "data")):
            pass
        (large / "data").mkdir(parents=True)
        build_library(Settings(data_dir=large / "data").library_path, args.articles)
        for name, folder in (("7 articles", small), (f"{args.articles} articles", large)):
            with app(folder, google.url) as url:
                context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="vi-VN")
                page = context.new_page()
                home_ready(page, url)  # warm-up: the server's first run imports everything
                homes = [home_ready(page, url) for _ in range(args.runs)]
                searches = [search_settled(page, url) for _ in range(args.runs)]
                print(f"{name:16} home ready      {_stats(homes)}")
                print(f"{name:16} search settled  {_stats(searches)}  ('{SEARCH}')", flush=True)
                if folder is small:
                    fresh = [first_sound(page, url, i, stored=False) for i in range(args.runs)]
                    print(f"{name:16} first sound, never heard ({args.latency * 1000:.0f} ms Google)  {_stats(fresh)}",
                          flush=True)
                    cached = [first_sound(page, url, i, stored=True) for i in range(args.runs)]
                    print(f"{name:16} first sound, stored audio                  {_stats(cached)}")
                context.close()
        browser.close()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
