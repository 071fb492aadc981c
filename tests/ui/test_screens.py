"""Screenshots of what listeners see: home and article, 100 % and 200 % text, phone and
desktop width, every theme; written to $READER_SCREENSHOT_DIR (default: a temp dir)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

THEMES = ("light", "contrast", "dark")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SIZES = (100, 200)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("READER_SCREENSHOT_DIR") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_in_every_theme_and_size(app_server, browser, shots, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        for theme in THEMES:
            for size in SIZES:
                page.goto(f"{app_server}/?co={size}&nen={theme}")
                expect(page.locator(".reader-card-link").first).to_be_visible()
                expect(page.locator("html")).to_have_attribute("data-reader-theme", theme)
                page.screenshot(path=shots / f"home-{viewport}-{theme}-{size}.png")
                page.locator(".reader-card-link").first.click()
                expect(page.locator(".reader-article-body p").first).to_be_visible()
                page.wait_for_timeout(300)
                page.screenshot(path=shots / f"article-{viewport}-{theme}-{size}.png")
                assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    finally:
        context.close()
    print(f"screenshots in {shots}")
