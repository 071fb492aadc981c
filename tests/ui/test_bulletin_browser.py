"""Nghe tin mới in a real browser: the intro, the article, then the next article."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.ui.test_player import _wait_playing

pytestmark = pytest.mark.browser


def test_the_bulletin_moves_to_the_next_article(app_server, page):
    page.goto(app_server)
    page.get_by_role("button", name=re.compile("Nghe tin mới")).click()
    heading = page.locator("h1.reader-title")
    expect(page.locator(".reader-count", has_text="Nghe tin mới")).to_contain_text("tin 1/")
    first = heading.inner_text()
    _wait_playing(page)
    assert page.evaluate("() => window.readerBulletinIntro.ended"), "the spoken intro comes first"
    player = page.get_by_role("region", name="Trình nghe bài")
    expect(player.get_by_role("link", name=re.compile("Tải bài đọc"))).to_be_visible(timeout=120_000)
    page.wait_for_function(
        "() => { const a = document.querySelector('.reader-player audio');"
        " return a && a.src.indexOf('/media/') >= 0 && a.readyState >= 1 && isFinite(a.duration); }",
        timeout=120_000,
    )
    page.evaluate("() => window.ReaderPlayer.live().skip(1e6)")
    expect(page.locator(".reader-count", has_text="Nghe tin mới")).to_contain_text("tin 2/", timeout=60_000)
    expect(heading).not_to_have_text(first)
    _wait_playing(page)
    page.get_by_role("button", name=re.compile("Tin trước")).click()
    expect(heading).to_have_text(first)


@pytest.mark.parametrize("theme", ["light", "contrast"])
def test_axe_finds_no_violation_on_the_bulletin(app_server, page, theme):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{app_server}/?co=200&nen={theme}&nghe=2")
    expect(page.locator(".reader-player")).to_be_visible(timeout=120_000)
    report = Axe().run(page)
    assert report.violations_count == 0, report.generate_report()
