"""Display settings and accessibility of the pages, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BODY = ".reader-article-body p"


def _style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")


def test_theme_spacing_and_size_apply_and_survive_navigation_and_reload(app_server, page):
    page.goto(app_server)
    expect(page.locator(".reader-card-link").first).to_be_visible()
    light_bg = _style(page, ".stApp", "backgroundColor")
    page.get_by_text("Cài đặt hiển thị").click()
    page.get_by_role("button", name="Tương phản cao").click()
    page.get_by_role("button", name="Rất rộng").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert _style(page, ".stApp", "backgroundColor") == "rgb(0, 0, 0)" != light_bg
    assert _style(page, ".reader-card-title", "color") == "rgb(0, 255, 255)"

    page.locator(".reader-card-link").first.click()
    expect(page.locator(BODY).first).to_be_visible()
    assert _style(page, BODY, "color") == "rgb(255, 255, 0)"
    size = float(_style(page, BODY, "fontSize")[:-2])
    line = float(_style(page, BODY, "lineHeight")[:-2])
    assert line == pytest.approx(size * 2.6, rel=0.02)
    page.reload()
    expect(page.locator(BODY).first).to_be_visible()
    page.wait_for_function("() => document.documentElement.dataset.readerTheme === 'contrast'")
    assert float(_style(page, BODY, "fontSize")[:-2]) == pytest.approx(size)


def test_a_link_sets_the_display_for_a_listener(app_server, page):
    page.goto(f"{app_server}/?co=200&nen=dark&gian=wide")
    expect(page.locator("html")).to_have_attribute("data-reader-theme", "dark")
    expect(page.locator("html")).to_have_attribute("data-reader-spacing", "wide")
    expect(page.locator(".reader-textsize-value")).to_have_text("200%")
    expect(page.locator("[data-theme=dark]")).to_have_attribute("aria-pressed", "true")


def test_screen_reader_details(app_server, page):
    page.goto(app_server)
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("[data-testid='stSkipToContent']")).to_have_text("Bỏ qua, đến nội dung chính")
    expect(page.locator("ul.reader-list > li.reader-card").first).to_be_visible()
    expect(page.locator("#reader-announce")).to_have_text(re.compile(r"Có \d+ bài viết"))
    page.get_by_label("Tìm bài viết").fill("trieu cuong")
    page.get_by_label("Tìm bài viết").press("Enter")
    expect(page.locator("#reader-announce")).to_have_text(re.compile(r"Tìm thấy \d+ bài viết"))
    link = page.locator(".reader-card-link").first
    expect(link).to_contain_text(re.compile("triều cường", re.I))
    link.focus()
    expect(link).to_be_focused()
    outline = _style(page, ".reader-card-link:focus", "outlineWidth")
    assert float(outline[:-2]) >= 3
    link.press("Enter")
    heading = page.locator("h1.reader-title")
    expect(heading).to_be_focused()
    assert heading.inner_text() in page.title()


@pytest.mark.parametrize("size", [200, 250])
def test_phone_at_large_text_no_sideways_scroll_and_the_button_above_the_fold(app_server, browser, size):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(f"{app_server}/?co={size}")
        expect(page.locator(".reader-card-link").first).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.locator(".reader-card-link").first.click()
        listen = page.locator(".reader-play, .st-key-listen button").first
        expect(listen).to_be_visible()
        box = listen.bounding_box()
        assert box["y"] + 64 <= 844, "the listen button starts below the first screen"
        assert box["height"] >= 64
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        wide = page.evaluate(
            "() => [...document.querySelectorAll('.stMain *')].filter(e => e.getBoundingClientRect().right > 391).length"
        )
        assert wide == 0
    finally:
        context.close()


@pytest.mark.parametrize("theme", ["light", "contrast", "dark"])
def test_axe_finds_no_violation_at_double_size(app_server, page, theme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page.goto(f"{app_server}/?co=200&nen={theme}")
    expect(page.locator(".reader-card-link").first).to_be_visible()
    home = axe.run(page)
    assert home.violations_count == 0, home.generate_report()
    page.locator(".reader-card-link").first.click()
    expect(page.locator(BODY).first).to_be_visible()
    article = axe.run(page)
    assert article.violations_count == 0, article.generate_report()
