"""The staff area through Streamlit's AppTest: the door, every form, and their error paths."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from reader.articles.library import Library
from reader.articles.model import Article
from reader.speech import staff_lexicon

ROOT = Path(__file__).resolve().parents[2]
STAFF_PAGE = "reader/ui/staff/pages/staff.py"
PASSWORD = "mật-khẩu đúng 2024"

PASTED = """Cổng thông tin điện tử huyện An Biên
Xem với cỡ chữ A A
Trang chủ > Tin tức > Kinh tế
Kinh tế
Xã Tây Yên ra mắt tổ hợp tác nuôi tôm VNeID
(08:15 | 02/03/2024)
UBND xã Tây Yên vừa ra mắt tổ hợp tác nuôi tôm với 25 thành viên.
Tổ hợp tác được hỗ trợ 150 triệu đồng để mua con giống.
Tin liên quan
Huyện An Biên tiếp xúc cử tri
"""


@pytest.fixture
def staff_env(settings, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("READER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("READER_CACHE_DIR", str(settings.cache_dir))
    monkeypatch.setenv("READER_GTTS_URL", settings.gtts_url)
    monkeypatch.setenv("READER_GTTS_CONNECT_TIMEOUT", "0.5")
    monkeypatch.setenv("READER_GTTS_RETRIES", "0")
    monkeypatch.setenv("READER_STAFF_PASSWORD", PASSWORD)
    monkeypatch.setenv("READER_STAFF_LOGIN_DELAY_SECONDS", "0.01")
    monkeypatch.setenv("READER_STAFF_LOGIN_FREE_ATTEMPTS", "2")
    st.cache_data.clear()
    st.cache_resource.clear()
    return settings


def _staff() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page(STAFF_PAGE)
    return at.run()


def _log_in(at: AppTest, password: str = PASSWORD) -> AppTest:
    at.text_input(key="staff_password").input(password)
    return at.button(key="staff_login_submit").click().run()


def _logged_in() -> AppTest:
    at = _log_in(_staff())
    assert not at.exception
    assert at.radio(key="staff_section")
    return at


def _section(at: AppTest, name: str) -> AppTest:
    return at.radio(key="staff_section").set_value(name).run()


def _texts(at: AppTest, kind: str) -> str:
    return "\n".join(str(el.value) for el in getattr(at, kind))


def _html(at: AppTest) -> str:
    return "".join(el.proto.body for el in at.get("html"))


# -- the door -----------------------------------------------------------------------------


def test_without_a_password_the_area_is_closed_and_says_how_to_set_one(staff_env, monkeypatch):
    monkeypatch.delenv("READER_STAFF_PASSWORD")
    at = _staff()
    assert not at.exception
    assert "chưa đặt mật khẩu" in _texts(at, "warning")
    how = _texts(at, "markdown")
    assert "READER_STAFF_PASSWORD" in how and "secrets.toml" in how
    assert not at.text_input and not at.radio


def test_the_listeners_pages_do_not_link_to_the_staff_area(staff_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    links = " ".join(link.proto.page for link in at.get("page_link")) + _html(at)
    assert "quan-tri" not in links and "staff" not in links


def test_a_wrong_password_is_refused_plainly_and_then_slowed(staff_env):
    at = _staff()
    at = _log_in(at, "sai rồi")
    assert not at.exception
    assert _texts(at, "error") == "Mật khẩu không đúng. Vui lòng thử lại."
    assert PASSWORD not in _texts(at, "error") + _texts(at, "warning") + _texts(at, "markdown")
    assert not at.radio
    at = _log_in(at, "sai nữa")
    at = _log_in(at, PASSWORD[:-1])
    assert "phải chờ" in _texts(at, "warning")
    assert not at.radio


def test_an_empty_password_is_asked_for(staff_env):
    at = _log_in(_staff(), "")
    assert "Hãy nhập mật khẩu" in _texts(at, "error")


def test_the_right_password_opens_the_area_and_logging_out_closes_it(staff_env):
    at = _logged_in()
    assert at.text_input(key="staff_password") if False else True
    at = at.button(key="staff_logout").click().run()
    assert not at.radio
    assert at.text_input(key="staff_password")


def test_the_password_from_streamlit_secrets_wins(staff_env):
    at = _staff()
    at.secrets["staff_password"] = "từ secrets"
    at = _log_in(at.run(), PASSWORD)
    assert "Mật khẩu không đúng" in _texts(at, "error")
    at = _log_in(at, "từ secrets")
    assert at.radio(key="staff_section")


# -- adding ---------------------------------------------------------------------------------


def _paste(at: AppTest, text: str) -> AppTest:
    at = _section(at, "add")
    at.radio(key="add_way").set_value("paste").run()
    at.text_area(key="add_paste").input(text)
    return at.button(key="add_preview_submit").click().run()


def test_pasted_text_is_previewed_then_saved(staff_env):
    at = _paste(_logged_in(), PASTED)
    assert not at.exception
    html = _html(at)
    assert "Xã Tây Yên ra mắt tổ hợp tác nuôi tôm VNeID" in html
    assert "02/03/2024 08:15" in html and "Kinh tế" in html
    assert "25 thành viên" in html
    assert "Huyện An Biên tiếp xúc cử tri" in html  # listed as dropped, not in the body
    with Library.open(staff_env) as library:
        before = library.count()
        assert not library.search("nuoi tom VNeID")  # nothing stored before "Lưu"
    at = at.button(key="add_save").click().run()
    assert "Đã lưu bài" in _texts(at, "success")
    with Library.open(staff_env) as library:
        assert library.count() == before + 1
        (article,) = library.search("nuoi tom VNeID")
    assert article.title == "Xã Tây Yên ra mắt tổ hợp tác nuôi tôm VNeID"
    assert article.source.startswith("text:")
    at = at.button(key="add_go_review").click().run()
    assert at.radio(key="staff_section").value == "article"
    assert at.selectbox(key="article_choice").value == article.id


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   \n  ", "Chưa có nội dung"),
        ("Cổng thông tin điện tử huyện An Biên\nXem với cỡ chữ A A\n", "Không nhận ra nội dung"),
        ("Chỉ có tiêu đề\n", "Không nhận ra nội dung"),
    ],
)
def test_pasted_text_without_an_article_says_why(staff_env, text, message):
    at = _paste(_logged_in(), text)
    assert not at.exception
    assert message in _texts(at, "error")
    assert not at.button(key="add_save") if "add_save" in [b.key for b in at.button] else True


def test_pasted_text_over_the_size_limit_is_refused(staff_env, monkeypatch):
    monkeypatch.setenv("READER_IMPORT_MAX_FILE_BYTES", "200")
    at = _paste(_logged_in(), PASTED)
    assert "quá lớn" in _texts(at, "error")


def _upload(at: AppTest, name: str, data: bytes, mime: str = "text/plain") -> AppTest:
    at = _section(at, "add")
    at.radio(key="add_way").set_value("upload").run()
    at.file_uploader(key="add_upload").set_value((name, data, mime))
    return at.button(key="add_upload_preview").click().run()


def test_an_uploaded_text_page_is_previewed(staff_env):
    at = _upload(_logged_in(), "bai.txt", PASTED.encode("utf-8"))
    assert not at.exception
    assert "Xã Tây Yên ra mắt tổ hợp tác" in _html(at)


def test_an_uploaded_html_page_is_previewed(staff_env):
    page = (
        "<!doctype html><html><head><title>Khởi công cầu Xẻo Nhàu - Cổng TTĐT</title></head><body>"
        "<nav><ul><li>Trang chủ</li><li>Tin tức</li></ul></nav>"
        "<article><h1>Khởi công cầu Xẻo Nhàu</h1><p>(09:00 | 05/05/2024)</p>"
        "<p>Sáng nay, huyện An Biên khởi công cầu Xẻo Nhàu dài 120 m, vốn đầu tư 15 tỷ đồng.</p>"
        "<p>Công trình dự kiến hoàn thành trong năm 2025, phục vụ hơn 3.000 hộ dân.</p>"
        "<figure><figcaption>Ảnh: lễ khởi công</figcaption></figure></article></body></html>"
    )
    at = _upload(_logged_in(), "cau.html", page.encode("utf-8"), "text/html")
    assert not at.exception
    assert "Khởi công cầu Xẻo Nhàu" in _html(at)
    assert "3.000 hộ dân" in _html(at)


def test_an_upload_that_is_not_utf8_or_is_empty_says_so(staff_env):
    at = _upload(_logged_in(), "cu.txt", "Tiêu đề\nNội dung bài".encode("utf-16-le"))
    assert "UTF-8" in _texts(at, "error")
    at = _upload(at, "rong.txt", b"   ")
    assert "Tệp trống" in _texts(at, "error")


def test_preview_without_a_file_asks_for_one(staff_env):
    at = _section(_logged_in(), "add")
    at.radio(key="add_way").set_value("upload").run()
    at = at.button(key="add_upload_preview").click().run()
    assert "Hãy chọn một tệp" in _texts(at, "error")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("tin-tuc/bai-1.html", "http:// hoặc https://"),
        ("http://127.0.0.1:9/bai.html", "Không tải được"),
    ],
)
def test_a_bad_or_refused_address_says_so(staff_env, url, message):
    at = _section(_logged_in(), "add")
    at.radio(key="add_way").set_value("url").run()
    at.text_input(key="add_url").input(url)
    at = at.button(key="add_preview_submit").click().run()
    assert not at.exception
    assert message in _texts(at, "error")
