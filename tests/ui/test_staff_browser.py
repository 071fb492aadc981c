"""The whole staff flow in a real browser against a real Streamlit server: log in, paste an
article, review it, add a pronunciation, pre-generate its audio, then hear it as a listener.

Google is the fake on 127.0.0.1, so the audio made is "Google's" and the listener's press
of "Nghe bài" must be served from what staff pre-generated, without a single new request.
Set READER_STAFF_SCREENSHOTS=<folder> to keep screenshots (desktop and 390 px phone).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from reader.articles.library import Library
from reader.articles.model import Article
from reader.config import Settings
from tests.fakes.google import FakeGoogle
from tests.ui.conftest import streamlit_app

pytestmark = pytest.mark.browser

PASSWORD = "cán bộ An Biên 2024"
PASTED = """Cổng thông tin điện tử huyện An Biên
Xem với cỡ chữ A A
Trang chủ > Tin tức > Giao thông
Giao thông
Khởi công cầu Xẻo Nhàu nối hai xã Nam Yên và Nam Thái
(09:00 | 05/05/2024)
Sáng 05/5, UBND huyện An Biên khởi công cầu Xẻo Nhàu dài 120 m, vốn 15 tỷ đồng.
Cầu Xẻo Nhàu dự kiến hoàn thành trong năm 2025, phục vụ hơn 3.000 hộ dân.
Tin liên quan
Huyện An Biên tiếp xúc cử tri
"""
TITLE = "Khởi công cầu Xẻo Nhàu nối hai xã Nam Yên và Nam Thái"


@pytest.fixture(scope="module")
def google():
    with FakeGoogle() as fake:
        yield fake


@pytest.fixture(scope="module")
def staff_server(tmp_path_factory, google):
    """The app with a staff password, its own data, and the fake Google."""
    tmp = tmp_path_factory.mktemp("staff-app")
    settings = Settings(data_dir=tmp / "data", cache_dir=tmp / "audio_cache")
    with Library.open(settings) as library:  # not empty, so no samples: the table stays short
        library.add(Article(title="Tiêm chủng cho trẻ em tại xã Tây Yên", paragraphs=("Đợt tiêm kéo dài 5 ngày.",),
                            category="Y tế"))
    env = {
        **os.environ,
        "READER_DATA_DIR": str(settings.data_dir),
        "READER_CACHE_DIR": str(settings.cache_dir),
        "READER_ENGINE": "auto",
        "READER_GTTS_URL": google.url,
        "READER_STAFF_PASSWORD": PASSWORD,
    }
    with streamlit_app(env, tmp) as url:
        yield url, settings


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main section, so the window is made
    as tall as the content for the picture, then put back."""
    folder = Path(os.environ.get("READER_STAFF_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(folder / f"staff-{name}.png"))
    page.set_viewport_size(size)


def _idle(page: Page) -> None:
    """Wait until Streamlit has finished the run a click started."""
    page.wait_for_timeout(200)
    expect(page.locator("[data-testid='stStatusWidget']")).to_have_count(0, timeout=120_000)


def _log_in(page: Page, url: str) -> None:
    page.goto(url + "/quan-tri")
    expect(page.get_by_role("heading", name="Trang quản trị")).to_be_visible()
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()


def test_staff_flow_from_paste_to_a_listener_hearing_it(staff_server, google, browser, tmp_path):
    url, settings = staff_server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(url + "/quan-tri")
        expect(page.get_by_label("Mật khẩu")).to_be_visible()
        page.get_by_label("Mật khẩu").fill("sai mật khẩu")
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.get_by_text("Mật khẩu không đúng. Vui lòng thử lại.")).to_be_visible()
        _shot(page, "login", tmp_path)
        _log_in(page, url)

        # Add: paste, preview, save.
        page.get_by_role("textbox", name=re.compile("Dán bài viết vào đây")).fill(PASTED)
        page.get_by_role("button", name="Xem trước").click()
        expect(page.get_by_text("Bài sẽ được lưu như sau")).to_be_visible()
        expect(page.locator(".staff-preview dd").first).to_have_text(TITLE)
        _shot(page, "add", tmp_path)
        page.get_by_role("button", name="Lưu vào thư viện").click()
        expect(page.get_by_text(re.compile("Đã lưu bài"))).to_be_visible()
        with Library.open(settings) as library:
            (article,) = library.search("cau Xeo Nhau")

        # Review: written beside spoken, one sentence heard on its own.
        page.get_by_role("button", name="Duyệt cách đọc bài này").click()
        expect(page.get_by_text("Cách đọc từng câu")).to_be_visible()
        expect(page.locator("mark.staff-diff", has_text="một trăm hai mươi mét")).to_be_visible()
        sentence = page.locator(".st-key-sentence-1-0")
        sentence.get_by_role("button", name="Nghe câu này").click()
        expect(sentence.locator("audio")).to_have_count(1, timeout=60_000)
        _shot(page, "review", tmp_path)

        # Send the title's "Nhàu" to the pronunciation editor and fix it.
        title = page.locator(".st-key-sentence-0-0")
        title.get_by_role("button", name="Sửa cách đọc").click()
        title.locator("[data-testid='stButtonGroup']").get_by_text("Nhàu", exact=True).click()
        _idle(page)
        title.get_by_role("button", name="Mở trình sửa phát âm với từ này").click()
        expect(page.get_by_role("textbox", name="Chữ viết", exact=True)).to_have_value("Nhàu")
        page.get_by_role("textbox", name="Chữ viết", exact=True).fill("Xẻo Nhàu")
        page.get_by_role("textbox", name="Cách đọc", exact=True).fill("Xẻo Nhầu")
        page.get_by_role("textbox", name="Cách đọc", exact=True).press("Enter")
        _idle(page)
        page.get_by_role("button", name="Nghe thử").click()
        expect(page.get_by_text("Sẽ đọc là: Xẻo Nhầu")).to_be_visible()
        page.get_by_role("button", name="Lưu", exact=True).click()
        expect(page.get_by_text("Đã lưu cách đọc của «Xẻo Nhàu»")).to_be_visible()
        assert (settings.data_dir / "lexicon.txt").read_text(encoding="utf-8") == "Xẻo Nhàu = Xẻo Nhầu\n"
        affected = page.locator(".staff-affected li")
        expect(affected).to_have_count(1)
        expect(affected.first).to_contain_text(TITLE)

        # Pre-generate the affected article with a progress bar.
        page.get_by_role("button", name="Tạo lại âm thanh cho 1 bài này").click()
        expect(page.get_by_text("Đã có âm thanh cho 1/1 bài.")).to_be_visible(timeout=120_000)
        expect(affected.first).to_contain_text("Đã sẵn sàng")
        _shot(page, "lexicon", tmp_path)
        page.get_by_text("Thư viện bài", exact=True).click()
        expect(page.locator("[data-testid='stDataFrame'] canvas").first).to_be_visible()
        expect(page.get_by_text("Đã sẵn sàng")).to_have_count(1, timeout=60_000)
        _shot(page, "library", tmp_path)
        made = google.request_count

        # The listener's side: the article plays at once, from what staff made.
        page.goto(f"{url}/bai-viet?id={article.id}")
        page.get_by_role("button", name=re.compile("Nghe bài")).first.click()
        playing = page.wait_for_function(
            "() => { const a = document.querySelector('.reader-player audio');"
            " return a && a.src && !a.paused && a.currentTime > 0.3 && [a.src, a.duration]; }",
            timeout=60_000,
        ).json_value()
        src, duration = playing
        assert src.startswith(url + "/media/")
        assert duration > 3
        assert google.request_count == made  # nothing new was asked of Google
        expect(page.locator(".reader-offline")).to_be_hidden()  # Google's voice, as staff made it
    finally:
        context.close()


def test_the_staff_area_fits_a_phone(staff_server, browser, tmp_path):
    url, _ = staff_server
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        _log_in(page, url)
        _shot(page, "phone-add", tmp_path)
        page.get_by_text("Cách phát âm", exact=True).click()
        expect(page.get_by_role("button", name="Nghe thử")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile("Tải tệp từ điển"))).to_be_visible()
        _shot(page, "phone-lexicon", tmp_path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_the_staff_area_at_double_text_size_in_high_contrast_on_a_phone(staff_server, browser):
    """What the screenshots showed: cut button labels, buttons past the edge, dim captions,
    an unreadable figure and a text box whose focus could not be seen."""
    url, _ = staff_server
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(url + "/?co=200&nen=contrast")
        expect(page.locator("html")).to_have_attribute("data-reader-theme", "contrast")
        _log_in(page, url)
        expect(page.locator("html")).to_have_attribute("data-reader-text-scale", "200")
        box = page.get_by_role("textbox", name=re.compile("Dán bài viết vào đây"))
        box.focus()
        ring = box.evaluate(
            "e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
        assert ring[0] == "solid" and ring[1] >= 3
        page.locator("[data-testid=stRadio] label", has_text="Bộ nhớ và tình trạng").click()
        _idle(page)
        for name in ("Kiểm tra và dọn tệp hỏng", "Xóa âm thanh không còn dùng"):
            button = page.get_by_role("button", name=re.compile(name))
            expect(button).to_be_visible()
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{name} reaches past the edge"
            cut = button.evaluate("b => [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1)")
            assert not cut, f"{name} is cut"
        caption = page.locator("[data-testid=stCaptionContainer] p").first
        assert caption.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 0)"
        faded = caption.evaluate(
            "e => { let o = 1; for (let a = e; a; a = a.parentElement) o *= parseFloat(getComputedStyle(a).opacity); return o; }")
        assert faded == 1, "not yellow at 60 % on black"
        delta = page.locator("[data-testid=stMetricDelta]").first
        assert delta.evaluate("e => getComputedStyle(e).backgroundColor") in ("rgba(0, 0, 0, 0)", "rgb(0, 0, 0)")
        assert delta.locator("svg").count() == 0, "a size is not an increase: no arrow"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
