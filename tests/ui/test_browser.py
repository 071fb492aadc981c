"""What a listener sees, in a real browser against a real Streamlit server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.ui.conftest import HOSTILE_TITLE

pytestmark = pytest.mark.browser

BODY_TEXT = ".reader-article-body p"


def _font_px(page, selector: str) -> float:
    return page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")


def test_page_is_vietnamese_and_lists_the_samples(app_server, page):
    page.goto(app_server)
    expect(page.locator("h1.reader-title")).to_have_text("Nghe tin địa phương")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator(".reader-card-link").first).to_be_visible()
    assert page.locator(".reader-card-link").count() == 5, "READER_LIST_PAGE_SIZE=5 in the test server"


def test_a_title_shows_exactly_as_written_and_its_page_works(app_server, page):
    page.goto(app_server)
    expect(page.locator(".reader-count")).to_contain_text("trang 1/2")
    page.get_by_role("link", name=re.compile("Trang sau")).click()
    expect(page.locator(".reader-count")).to_contain_text("trang 2/2")
    expect(page.get_by_role("link", name=re.compile("Trang trước"))).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    card = page.locator(".reader-card-link", has_text="Giá lúa")
    expect(card.locator(".reader-card-title")).to_have_text(HOSTILE_TITLE)
    expect(card).to_contain_text("Không rõ ngày")
    assert card.locator("a, script, strong, b").count() == 0
    card.click()
    expect(page.locator("h1.reader-title")).to_have_text(HOSTILE_TITLE)
    expect(page.locator(".reader-meta")).to_have_text("Không rõ ngày")
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_text_size_grows_and_is_kept_when_opening_an_article(app_server, page):
    page.goto(app_server)
    first = page.locator(".reader-card-link").first
    expect(first).to_be_visible()
    title = first.locator(".reader-card-title").inner_text().strip()
    first.click()
    expect(page.locator("h1.reader-title")).to_have_text(title)
    expect(page.locator(BODY_TEXT).first).to_be_visible()
    before = _font_px(page, BODY_TEXT)

    bigger = page.get_by_role("button", name="Tăng cỡ chữ")
    bigger.click()
    bigger.click()
    page.wait_for_function(
        "before => parseFloat(getComputedStyle(document.querySelector('.reader-article-body p')).fontSize) > before",
        arg=before,
    )
    grown = _font_px(page, BODY_TEXT)
    assert grown >= before * 1.4

    page.get_by_role("link", name=re.compile("danh sách tin")).click()
    expect(page.locator(".reader-card-link").first).to_be_visible()
    page.locator(".reader-card-link").first.click()
    expect(page.locator(BODY_TEXT).first).to_be_visible()
    assert _font_px(page, BODY_TEXT) == pytest.approx(grown)

    smaller = page.get_by_role("button", name="Giảm cỡ chữ")
    while smaller.is_enabled():
        smaller.click()
    expect(smaller).to_be_disabled()
    assert _font_px(page, BODY_TEXT) == pytest.approx(before)


SEE_BUSY = """
new MutationObserver(() => {
  const play = document.querySelector('.reader-play');
  if (play && play.disabled) window.sawBusy = play.innerText + ' | ' + document.querySelector('.reader-status').innerText;
}).observe(document, {subtree: true, childList: true, attributes: true});
window.played = [];
document.addEventListener('playing', e => window.played.push(e.target.src), true);
"""


def test_listen_button_plays_the_offline_voice(app_server, page):
    page.add_init_script(SEE_BUSY)
    page.goto(app_server)
    page.locator(".reader-card-link").nth(1).click()
    page.get_by_role("button", name=re.compile("Nghe bài")).click()
    player = page.get_by_role("region", name="Trình nghe bài")
    expect(player).to_be_visible(timeout=120_000)
    expect(page.locator(".st-key-listen")).to_have_count(0, timeout=60_000)
    busy = page.wait_for_function("() => window.sawBusy").json_value()
    assert busy.count("Đang chuẩn bị") == 2, "while audio is made the button is disabled and says so"
    expect(player.get_by_role("link", name=re.compile("Tải bài đọc"))).to_be_visible(timeout=120_000)
    notice = player.locator(".reader-offline")
    expect(notice.locator("summary")).to_contain_text("giọng đọc ngoại tuyến")
    expect(notice.get_by_text("Hiện không kết nối được")).to_be_hidden()
    notice.get_by_text("Vì sao?").click()
    expect(notice.get_by_text("Hiện không kết nối được")).to_be_visible()
    duration = page.wait_for_function(
        "() => { const a = document.querySelector('audio'); return a && a.duration > 0 && a.duration; }"
    ).json_value()
    assert duration > 5
    whole = player.get_by_role("link", name=re.compile("Tải bài đọc")).get_attribute("href")
    page.wait_for_function("src => window.played.some(p => p.endsWith(src))", arg=whole, timeout=120_000)
    played = page.evaluate("window.played")
    assert not played[0].endswith(whole), "playback starts on the first part, before the whole article exists"
    total = player.locator(".reader-total").inner_text()
    assert re.fullmatch(r"\d+:\d\d", total) and total != "0:00"


def test_at_double_size_a_phone_screen_shows_everything_whole(app_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(app_server)
        bigger = page.get_by_role("button", name="Tăng cỡ chữ")
        while bigger.is_enabled():
            bigger.click()
        page.locator(".reader-card-link").first.click()
        expect(page.locator(BODY_TEXT).first).to_be_visible()
        for name in ("Giảm cỡ chữ", "Tăng cỡ chữ"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        back = page.get_by_role("link", name=re.compile("danh sách tin"))
        clipped = back.evaluate(
            "a => [a, ...a.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1)"
        )
        assert not clipped
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
