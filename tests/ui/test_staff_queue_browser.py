"""Staff pre-generation in a province, in a real browser: the button queues the articles
for the workers and the queue's progress refreshes by itself until every job has ended."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from reader.articles.library import Library
from tests.province.test_staff_queue import _work_once, idle_worker  # noqa: F401
from tests.ui.conftest import streamlit_app
from tests.ui.test_staff import SHORT
from tests.ui.test_staff_browser import PASSWORD, _log_in

pytestmark = pytest.mark.browser


def test_the_queue_panel_follows_the_workers(settings, redis_url, idle_worker, browser, tmp_path):  # noqa: F811
    province = settings.with_(redis_url=redis_url)
    with Library.open(province) as library:
        library.add_many(SHORT)
    env = {
        **os.environ, "READER_DATA_DIR": str(province.data_dir), "READER_CACHE_DIR": str(province.cache_dir),
        "READER_REDIS_URL": redis_url, "READER_ENGINE": "espeak", "READER_STAFF_PASSWORD": PASSWORD,
        "READER_STAFF_QUEUE_REFRESH_SECONDS": "0.5",
    }
    with streamlit_app(env, tmp_path) as url:
        page = browser.new_page(locale="vi-VN")
        page.set_default_timeout(30_000)
        _log_in(page, url)
        page.get_by_text("Thư viện bài", exact=True).click()
        page.get_by_role("button", name="Tạo âm thanh cho mọi bài còn thiếu").click()
        expect(page.get_by_text("Hàng đợi tạo âm thanh")).to_be_visible()
        expect(page.get_by_text("Đã xong 0/3 bài")).to_be_visible()
        expect(page.get_by_text("Đang chờ: 3 · Đang tạo: 0 · Xong: 0 · Lỗi: 0")).to_be_visible()
        _work_once(province)  # a worker takes the three jobs; nobody touches the page
        expect(page.get_by_text("Đã xong 3/3 bài")).to_be_visible(timeout=60_000)
        expect(page.get_by_text("Đang chờ: 0 · Đang tạo: 0 · Xong: 3 · Lỗi: 0")).to_be_visible()
        page.get_by_role("button", name="Đóng bảng hàng đợi").click()
        expect(page.get_by_text("Hàng đợi tạo âm thanh")).to_have_count(0)
        page.close()
