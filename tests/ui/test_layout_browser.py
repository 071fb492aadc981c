"""What the screenshots (bench/screens.py) showed wrong, kept from coming back: the player
on a phone at large text, a phone at 200 % browser zoom, the bulletin on a phone, and
Streamlit's own widgets in the high-contrast theme."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.ui.test_player import _press_listen

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}

#: Elements of the main column that reach past the window's right edge.
PAST_THE_EDGE = """() => [...document.querySelectorAll('.stMain *')].filter(e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !e.closest('.reader-visually-hidden');
}).map(e => e.tagName + ' ' + (e.innerText || '').slice(0, 30))"""


def _phone(browser, zoom: int = 1):
    """A 360x740 phone; ``zoom`` 2 is the browser's 200 % zoom (half the CSS pixels, each drawn twice)."""
    context = browser.new_context(viewport={"width": PHONE["width"] // zoom, "height": PHONE["height"] // zoom},
                                  device_scale_factor=zoom, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def _rows(page, selector: str) -> int:
    return page.eval_on_selector_all(selector, "bs => new Set(bs.map(b => Math.round(b.getBoundingClientRect().top))).size")


def test_the_player_on_a_phone_at_double_text_size(app_server, browser):
    context, page = _phone(browser)
    try:
        page.goto(f"{app_server}/?co=200")
        page.locator(".reader-card-link").first.click()
        _press_listen(page)
        page.evaluate("() => document.querySelector('.reader-player audio').pause()")
        assert _rows(page, ".reader-controls button") == 2, "two buttons a row, not one"
        assert _rows(page, ".reader-speeds button") == 2
        for button in page.locator(".reader-player button").all():
            box = button.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44
        time = page.locator(".reader-time")
        line = time.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        assert time.bounding_box()["height"] < 2 * line, "the elapsed and total time stay on one line"
        play = page.locator(".reader-play-label")
        assert play.evaluate("e => e.getClientRects().length") == 1, "“Nghe bài” is not broken over two lines"
        page.locator(".reader-shortcuts summary").click()
        widths = page.eval_on_selector_all(".reader-shortcuts dd", "ds => ds.map(d => d.getBoundingClientRect().width)")
        player = page.locator(".reader-player").bounding_box()["width"]
        assert min(widths) > player / 2, "what a key does is not squeezed to a letter a line beside the key"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate(PAST_THE_EDGE) == []
    finally:
        context.close()


def test_a_phone_at_double_browser_zoom_never_scrolls_sideways(app_server, browser):
    context, page = _phone(browser, zoom=2)
    try:
        page.goto(app_server)
        expect(page.locator(".reader-card-link").first).to_be_visible()
        assert page.evaluate(PAST_THE_EDGE) == []
        page.goto(f"{app_server}/?tim=tong+ket+cong+tac+nam+2023")
        page.locator(".reader-card-link", has_text="tổng kết công tác năm 2023").first.click()
        expect(page.locator(".reader-article-body")).to_contain_text("đồng/người/năm")  # one long "word"
        assert page.evaluate(PAST_THE_EDGE) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] // 2
    finally:
        context.close()


def test_the_bulletin_buttons_sit_side_by_side_on_a_phone(app_server, browser):
    context, page = _phone(browser)
    try:
        page.goto(f"{app_server}/?co=200&nghe=2")
        previous = page.locator(".st-key-bulletin-previous button")
        following = page.locator(".st-key-bulletin-next button")
        expect(following).to_be_visible()
        page.evaluate("() => { if (window.readerBulletinIntro) window.readerBulletinIntro.pause(); }")
        a, b = previous.bounding_box(), following.bounding_box()
        assert a["y"] == pytest.approx(b["y"], abs=2) and a["x"] + a["width"] <= b["x"]
        assert 44 <= b["height"] <= 100, "big enough to hit, not a screen of its own"
        assert page.evaluate(PAST_THE_EDGE) == []
    finally:
        context.close()


def test_streamlit_widgets_follow_the_high_contrast_theme(app_server, page):
    page.goto(f"{app_server}/?nen=contrast")
    expect(page.locator("html")).to_have_attribute("data-reader-theme", "contrast")
    category = page.locator("[data-testid=stSelectbox]")
    expect(category).to_be_visible()
    for part in (category.locator("[role=group]"), category.get_by_role("button", name="Open")):
        colours = part.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
        assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 0)"], "not a pale grey box on a black page"
    combo = category.get_by_role("combobox")
    combo.focus()
    ring = combo.evaluate("e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
    assert ring[0] == "solid" and ring[1] >= 3
    placeholder = page.get_by_label("Tìm bài viết").evaluate("e => getComputedStyle(e, '::placeholder').color")
    assert placeholder == "rgb(255, 255, 0)"
