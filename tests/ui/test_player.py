"""The player as a listener uses it, in a real browser: play, follow, seek, speed, keys."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PLAY = re.compile(r"^\W*(Nghe bài|Nghe tiếp)$")


def _audio(page, expression: str):
    return page.evaluate(f"() => {{ const a = document.querySelector('.reader-player audio'); return {expression}; }}")


def _wait_playing(page, past: float = 0.3) -> None:
    page.wait_for_function(
        "t => { const a = document.querySelector('.reader-player audio'); return a && !a.paused && a.currentTime > t; }",
        arg=past, timeout=120_000,
    )


def _open_first_article(page, app_server: str) -> None:
    page.goto(app_server)
    page.locator(".reader-card-link").first.click()
    expect(page.locator(".reader-article-body p").first).to_be_visible()


def _press_listen(page) -> None:
    page.get_by_role("button", name=PLAY).first.click()
    _wait_playing(page)


def test_play_follow_seek_speed_and_remember(app_server, page):
    _open_first_article(page, app_server)
    _press_listen(page)
    player = page.get_by_role("region", name="Trình nghe bài")
    for name in ("Tạm dừng", "Lùi 10 giây", "Tới 10 giây", "Câu trước", "Câu sau"):
        expect(player.get_by_role("button", name=re.compile(name))).to_be_visible()
    src = _audio(page, "a.src")
    assert src.startswith(app_server + "/media/")
    part = page.request.get(src, headers={"Range": "bytes=100-199"})
    assert part.status == 206 and len(part.body()) == 100
    assert part.headers["content-range"].startswith("bytes 100-199/")
    expect(page.locator(".reader-s-current")).to_have_attribute("data-s", "0")

    target = page.locator(".reader-article-body .reader-s").nth(2)
    target.click()
    expect(target).to_have_class(re.compile("reader-s-current"), timeout=120_000)
    page.get_by_role("button", name=re.compile("Câu sau")).click()
    expect(page.locator(".reader-article-body .reader-s").nth(3)).to_have_class(re.compile("reader-s-current"))
    expect(page.locator(".reader-s-current")).to_have_count(1)

    expect(player.get_by_role("link", name=re.compile("Tải bài đọc"))).to_be_visible(timeout=120_000)
    page.get_by_role("button", name=re.compile("Nhanh")).first.click()
    assert _audio(page, "a.playbackRate") == 1.25
    player.get_by_role("button", name=re.compile("Tạm dừng")).click()
    assert _audio(page, "a.paused")
    expect(player.get_by_role("button", name=PLAY)).to_have_text(re.compile("Nghe tiếp"))

    page.reload()
    expect(page.locator(".reader-player")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Nhanh"))).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".reader-status")).to_contain_text("Lần trước")
    page.get_by_role("button", name=PLAY).click()
    _wait_playing(page, 1.0)
    assert _audio(page, "a.playbackRate") == 1.25

    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page)
    assert found.violations_count == 0, found.generate_report()


def test_keyboard_only_from_the_list_to_the_next_sentence(app_server, page):
    page.goto(app_server)
    expect(page.locator(".reader-card-link").first).to_be_visible()
    page.locator(".reader-card-link").first.focus()
    page.keyboard.press("Enter")
    heading = page.locator("h1.reader-title")
    expect(heading).to_be_focused()
    title = heading.inner_text()
    assert title in page.title()
    expect(page.locator(".reader-player, .st-key-listen").first).to_be_visible()
    if page.locator(".reader-player").count() == 0:
        page.locator(".st-key-listen button").focus()
        page.keyboard.press("Enter")
        _wait_playing(page)
        page.locator("h1.reader-title").focus()
    else:
        expect(page.locator(".reader-download")).to_be_visible()
        page.keyboard.press(" ")
        _wait_playing(page)
    page.keyboard.press(" ")
    assert _audio(page, "a.paused")
    page.keyboard.press("ArrowDown")
    expect(page.locator(".reader-s-current")).to_have_attribute("data-s", "1")
    before = _audio(page, "a.currentTime")
    page.keyboard.press("ArrowRight")
    assert _audio(page, "a.currentTime") == pytest.approx(before + 10, abs=0.5)
    page.keyboard.press("+")
    assert _audio(page, "a.playbackRate") == 1.25
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert _audio(page, "a.playbackRate") == 0.75
    expect(page.locator(".reader-shortcuts")).to_contain_text("Phím cách")


def test_nothing_is_highlighted_before_the_listener_starts(app_server, page):
    """Runs after the tests above have made the first article's audio."""
    _open_first_article(page, app_server)
    expect(page.locator(".reader-download")).to_be_visible(timeout=120_000)
    page.wait_for_timeout(500)
    expect(page.locator(".reader-s-current")).to_have_count(0)
