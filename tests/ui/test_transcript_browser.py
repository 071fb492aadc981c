"""The article's sentences with the keyboard: one Tab stop (a roving tabindex), arrows,
Home and End to choose a sentence, Enter or Space to read from it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.ui.test_player import _audio, _open_first_article, _press_listen, _wait_playing

pytestmark = pytest.mark.browser

CURRENT = re.compile(r"\breader-s-current\b")

FOCUSED = """() => { const e = document.activeElement;
  return e ? {s: e.matches('.reader-s') ? parseInt(e.dataset.s, 10) : null,
              what: e.tagName + ' ' + (e.getAttribute('aria-label') || e.innerText || '').trim().slice(0, 30)} : null; }"""


def _focused(page) -> dict:
    return page.evaluate(FOCUSED)


def _ready_paused(page, app_server) -> None:
    _open_first_article(page, app_server)
    _press_listen(page)
    expect(page.locator(".reader-download")).to_be_visible(timeout=120_000)  # the whole article is made
    page.evaluate("() => document.querySelector('.reader-player audio').pause()")
    page.wait_for_function("() => document.querySelector('.reader-player audio').paused")


def _tab_to_the_transcript(page) -> list[dict]:
    """Tab from the article's heading until a sentence has the focus; the stops passed."""
    page.locator("h1.reader-title").focus()
    passed = []
    for _ in range(40):
        page.keyboard.press("Tab")
        now = _focused(page)
        passed.append(now)
        if now and now["s"] is not None:
            return passed
    raise AssertionError(f"Tab never reached a sentence: {passed}")


def test_the_transcript_is_one_tab_stop(app_server, page):
    _ready_paused(page, app_server)
    sentences = page.locator(".reader-s")
    total = sentences.count()
    assert total >= 8
    expect(page.locator(".reader-s[tabindex='0']")).to_have_count(1)
    expect(page.locator(".reader-s[tabindex='-1']")).to_have_count(total - 1)
    _tab_to_the_transcript(page)
    page.keyboard.press("Tab")
    after = _focused(page)
    assert after is None or after["s"] is None, "one press of Tab leaves the article's sentences"
    page.keyboard.press("Shift+Tab")
    assert _focused(page)["s"] is not None
    page.keyboard.press("Shift+Tab")
    assert _focused(page)["s"] is None, "and one press of Shift+Tab goes back out"


def test_arrows_home_and_end_choose_a_sentence_and_enter_reads_from_it(app_server, page):
    _ready_paused(page, app_server)
    total = page.locator(".reader-s").count()
    start = _tab_to_the_transcript(page)[-1]["s"]
    hint = page.locator("#reader-transcript-hint")
    expect(hint).to_contain_text(f"Câu {start + 1} trên {total}.")
    expect(hint).to_contain_text("Enter")
    described = page.evaluate("() => document.activeElement.getAttribute('aria-describedby')")
    assert described == "reader-transcript-hint"

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    assert _focused(page)["s"] == start + 2
    page.keyboard.press("ArrowUp")
    assert _focused(page)["s"] == start + 1
    expect(hint).to_contain_text(f"Câu {start + 2} trên {total}.")
    expect(page.locator(".reader-s[tabindex='0']")).to_have_count(1)
    ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert ring[0] == "solid" and ring[1] >= 3, "the sentence chosen is shown by a thick outline"
    assert _audio(page, "a.paused"), "moving among the sentences does not play"
    page.keyboard.press("End")
    assert _focused(page)["s"] == total - 1
    page.keyboard.press("Home")
    assert _focused(page)["s"] == 0
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    chosen = page.locator(".reader-s[data-s='3']")
    expect(chosen).to_be_focused()

    page.keyboard.press("Enter")
    _wait_playing(page, 0)
    expect(chosen).to_have_class(CURRENT)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(chosen).to_have_class(CURRENT)
    page.keyboard.press(" ")
    expect(page.locator(".reader-s[data-s='5']")).to_have_class(CURRENT)
    assert not _audio(page, "a.paused"), "Space on a sentence reads from it, it does not pause"
    expect(page.locator(".reader-s[data-s='5']")).to_be_focused()


def test_the_tab_stop_follows_the_voice_and_page_keys_still_work(app_server, page):
    _ready_paused(page, app_server)
    page.locator(".reader-play").focus()
    page.keyboard.press("Enter")
    _wait_playing(page, 0)
    page.locator("h1.reader-title").focus()
    page.keyboard.press("ArrowDown")  # page-wide: the next sentence
    page.keyboard.press("ArrowDown")
    current = page.locator(".reader-s-current")
    expect(current).to_have_count(1)
    s = current.get_attribute("data-s")
    expect(page.locator(".reader-s[tabindex='0']")).to_have_attribute("data-s", s)
    landed = _tab_to_the_transcript(page)[-1]
    assert landed["s"] >= int(s), "Tab lands on the sentence being read"
    page.keyboard.press("k")  # J and K still move the voice from inside the article
    expect(page.locator(".reader-s-current")).to_have_count(1)

    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page)
    assert found.violations_count == 0, found.generate_report()


def test_the_next_article_of_the_bulletin_is_one_tab_stop_too(app_server, page):
    """The bulletin replaces one article's text by the next without a page load."""
    page.goto(f"{app_server}/?nghe=1")
    expect(page.locator(".reader-player")).to_be_visible(timeout=120_000)
    heading = page.locator("h1.reader-title")
    first = heading.inner_text()
    page.evaluate("() => { if (window.readerBulletinIntro) window.readerBulletinIntro.pause(); }")
    page.get_by_role("button", name="Tin sau →").click()
    expect(heading).not_to_have_text(first, timeout=120_000)
    expect(page.locator(".reader-player")).to_be_visible(timeout=120_000)
    body = page.locator(".reader-article-body .reader-s")
    expect(body.first).to_be_visible()
    total = page.locator(".reader-s").count()
    expect(page.locator(".reader-s[tabindex='-1']")).to_have_count(total - 1)
    expect(page.locator(".reader-s[tabindex='0']")).to_have_count(1)
    assert _tab_to_the_transcript(page)[-1]["s"] is not None
