"""The staff area through Streamlit's AppTest: the door, every form, and their error paths."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reader.articles.library import Library
from reader.articles.model import Article
from reader.speech import staff_lexicon
from tests.fakes.google import FakeGoogle

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


BRIDGE_PARAGRAPHS = [
    "Sáng nay, UBND huyện An Biên tổ chức lễ khởi công xây dựng cầu Xẻo Nhàu trên tuyến đường liên xã, "
    "dài 120 m, rộng 7 m, tổng vốn đầu tư 15 tỷ đồng từ ngân sách tỉnh.",
    "Theo kế hoạch, công trình sẽ hoàn thành trong năm 2025, thay thế cây cầu gỗ cũ đã xuống cấp, "
    "phục vụ nhu cầu đi lại của hơn 3.000 hộ dân hai xã Nam Yên và Nam Thái.",
    "Phát biểu tại buổi lễ, lãnh đạo huyện đề nghị đơn vị thi công bảo đảm chất lượng, tiến độ và an toàn "
    "giao thông trong suốt thời gian xây dựng.",
]
SHORT = [
    Article(title="Ra mắt tổ hợp tác nuôi tôm", paragraphs=("UBND xã vừa ra mắt tổ hợp tác.",), category="Kinh tế"),
    Article(title="Khởi công cầu Xẻo Nhàu", paragraphs=("Cầu dài 120 m.",), category="Giao thông"),
    Article(title="Tiêm chủng cho trẻ em", paragraphs=("Đợt tiêm kéo dài 5 ngày.",), category="Y tế"),
]


@pytest.fixture
def staff_env(app_env, monkeypatch):
    monkeypatch.setenv("READER_STAFF_PASSWORD", PASSWORD)
    monkeypatch.setenv("READER_STAFF_LOGIN_DELAY_SECONDS", "0.01")
    monkeypatch.setenv("READER_STAFF_LOGIN_FREE_ATTEMPTS", "2")
    with Library.open(app_env) as library:  # a library that is not empty gets no samples
        for article in SHORT:
            library.add(article)
    return app_env


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
    """The messages as a reader sees them (Markdown escapes taken away)."""
    return "\n".join(re.sub(r"\\(.)", r"\1", str(el.value)) for el in getattr(at, kind))


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
        assert library.count() == len(SHORT)  # nothing stored before "Lưu"
    at = at.button(key="add_save").click().run()
    assert "Đã lưu bài" in _texts(at, "success")
    with Library.open(staff_env) as library:
        assert library.count() == len(SHORT) + 1
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
    assert "add_save" not in [b.key for b in at.button]


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


def test_an_uploaded_html_page_is_previewed_with_its_caption_apart(staff_env):
    body = "".join(f"<p>{t}</p>" for t in BRIDGE_PARAGRAPHS)
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Khởi công cầu Xẻo Nhàu - Cổng TTĐT</title></head>"
        "<body><nav><ul><li><a href='/'>Trang chủ</a></li><li><a href='/tin'>Tin tức</a></li></ul></nav>"
        f"<article><h1>Khởi công cầu Xẻo Nhàu</h1><p>(09:00 | 05/05/2024)</p>{body}"
        "<figure><img src='a.jpg'><figcaption>Ảnh: lễ khởi công cầu</figcaption></figure></article>"
        "<footer><p>Cổng thông tin điện tử huyện An Biên</p></footer></body></html>"
    )
    at = _upload(_logged_in(), "cau.html", page.encode("utf-8"), "text/html")
    assert not at.exception
    html = _html(at)
    assert "Khởi công cầu Xẻo Nhàu" in html and "05/05/2024 09:00" in html
    assert "3.000 hộ dân" in html
    assert "Ảnh: lễ khởi công cầu" in html  # a caption: shown apart, not read
    assert "Cổng thông tin điện tử huyện An Biên" in html  # chrome: listed as dropped


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


def test_discarding_a_preview_stores_nothing(staff_env):
    at = _paste(_logged_in(), PASTED)
    at = at.button(key="add_discard").click().run()
    assert not [b for b in at.button if b.key == "add_save"]
    with Library.open(staff_env) as library:
        assert library.count() == len(SHORT)


# -- the library table ------------------------------------------------------------------



@pytest.fixture
def stored(staff_env) -> list[Article]:
    with Library.open(staff_env) as library:
        return library.list()


def _table(at: AppTest):
    (table,) = [df for df in at.dataframe if df.key == "library_table"]
    return table.value


def _select(at: AppTest, rows: list[int]) -> AppTest:
    at.session_state["library_table"] = {"selection": {"rows": rows, "columns": []}}
    return at.run()


def test_the_table_lists_articles_with_their_audio_status(stored):
    at = _section(_logged_in(), "library")
    assert not at.exception
    table = _table(at)
    assert set(table["Tiêu đề"]) == {a.title for a in stored}
    assert set(table["Âm thanh"]) == {"Chưa có"}
    assert set(table["Chuyên mục"]) == {"Kinh tế", "Giao thông", "Y tế"}


def test_search_and_filters_narrow_the_table(stored):
    at = _section(_logged_in(), "library")
    at.text_input(key="library_query").input("cau xeo nhau").run()
    assert list(_table(at)["Tiêu đề"]) == ["Khởi công cầu Xẻo Nhàu"]
    at.text_input(key="library_query").input("").run()
    at.selectbox(key="library_category").set_value("Y tế").run()
    assert list(_table(at)["Tiêu đề"]) == ["Tiêm chủng cho trẻ em"]
    at.selectbox(key="library_category").set_value("").run()
    at.selectbox(key="library_status").set_value("ready").run()
    assert "Không có bài nào" in _texts(at, "info")


def test_selected_articles_get_audio_with_a_progress_bar(stored):
    at = _section(_logged_in(), "library")
    at = _select(at, [0, 1])
    assert "Đã chọn 2 bài" in _texts(at, "markdown")
    at = at.button(key="library_make").click().run()
    assert not at.exception
    assert at.get("progress")
    assert "Đã có âm thanh cho 2/2 bài" in _texts(at, "success")
    assert "giọng ngoại tuyến" in _texts(at, "warning")  # Google is unreachable in tests
    statuses = list(_table(at)["Âm thanh"])  # the page ran again: the table is fresh
    assert statuses.count("Chỉ có giọng ngoại tuyến") == 2 and statuses.count("Chưa có") == 1


def test_make_every_missing_audio(stored):
    at = _section(_logged_in(), "library")
    at = at.button(key="library_missing_make").click().run()
    assert "Đã có âm thanh cho 3/3 bài" in _texts(at, "success")


def test_one_selected_article_opens_for_review(stored):
    at = _select(_section(_logged_in(), "library"), [0])
    first = _table(at)["Mã số"][0]
    at = at.button(key="library_open").click().run()
    assert at.radio(key="staff_section").value == "article"
    assert at.selectbox(key="article_choice").value == first


def test_selected_articles_are_deleted_after_confirmation(staff_env, stored):
    at = _select(_section(_logged_in(), "library"), [0])
    doomed = _table(at)["Tiêu đề"][0]
    at = at.button(key="library_delete_yes").click().run()
    assert "Đã xóa 1 bài" in _texts(at, "success")
    with Library.open(staff_env) as library:
        titles = [a.title for a in library.list()]
    assert doomed not in titles and len(titles) == 2


# -- one article: review and edit -------------------------------------------------------


def _open_article(at: AppTest, article_id: int) -> AppTest:
    at = _section(at, "article")
    return at.selectbox(key="article_choice").set_value(article_id).run()


def _by_title(articles: list[Article], title: str) -> Article:
    return next(a for a in articles if a.title == title)


def test_review_shows_written_beside_spoken_with_differences_marked(stored):
    bridge = _by_title(stored, "Khởi công cầu Xẻo Nhàu")
    at = _open_article(_logged_in(), bridge.id)
    assert not at.exception
    html = _html(at)
    assert 'Cầu dài <mark class="staff-diff">120 m.</mark>' in html
    assert '<mark class="staff-diff">một trăm hai mươi mét.</mark>' in html
    at.toggle(key="review_only_different").set_value(True).run()
    shown = [b.key for b in at.button if b.key and b.key.startswith("hear-")]
    assert shown == ["hear-1-0"]  # the title is read as written, so it is hidden


def test_one_sentence_is_heard_on_its_own(stored):
    bridge = _by_title(stored, "Khởi công cầu Xẻo Nhàu")
    at = _open_article(_logged_in(), bridge.id)
    at = at.button(key="hear-1-0").click().run()
    assert not at.exception
    (player,) = at.get("audio")
    assert "giọng ngoại tuyến" in _texts(at, "caption")


def test_a_sentence_goes_to_the_pronunciation_editor_with_its_word(staff_env, stored):
    bridge = _by_title(stored, "Khởi công cầu Xẻo Nhàu")
    at = _open_article(_logged_in(), bridge.id)
    at = at.button(key="fix-0-0").click().run()
    pills = [p for p in at.get("button_group") if p.key == "pick-0-0"]
    assert pills
    pills[0].set_value("Xẻo").run()
    at = at.button(key="to-lexicon-0-0").click().run()
    assert at.radio(key="staff_section").value == "lexicon"
    assert at.text_input(key="lex_written").value == "Xẻo"
    assert at.selectbox(key="lex_choice").value == ""


def test_an_article_is_edited_in_place(staff_env, stored):
    vaccine = _by_title(stored, "Tiêm chủng cho trẻ em")
    at = _open_article(_logged_in(), vaccine.id)
    title = [t for t in at.text_input if t.key and t.key.startswith("edit_title_")][0]
    body = [t for t in at.text_area if t.key and t.key.startswith("edit_body_")][0]
    day = [d for d in at.date_input if d.key and d.key.startswith("edit_day_")][0]
    title.input("Tiêm chủng mở rộng cho trẻ em")
    body.input("Đợt tiêm kéo dài 7 ngày.\n\nTrạm y tế mở cửa cả thứ bảy.")
    day.set_value(date(2024, 6, 1))
    at = at.button(key="edit_save").click().run()
    assert not at.exception
    assert "Đã lưu thay đổi" in _texts(at, "success")
    with Library.open(staff_env) as library:
        edited = library.get(vaccine.id)
    assert edited.title == "Tiêm chủng mở rộng cho trẻ em"
    assert edited.paragraphs == ("Đợt tiêm kéo dài 7 ngày.", "Trạm y tế mở cửa cả thứ bảy.")
    assert edited.published.isoformat() == "2024-06-01T00:00:00+07:00"
    assert edited.source == vaccine.source and edited.category == vaccine.category


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("title", "   ", "Tiêu đề không được để trống"), ("body", "\n \n", "Nội dung bài không được để trống")],
)
def test_an_edit_with_an_empty_title_or_body_is_refused(staff_env, stored, field, value, message):
    vaccine = _by_title(stored, "Tiêm chủng cho trẻ em")
    at = _open_article(_logged_in(), vaccine.id)
    widgets = at.text_input if field == "title" else at.text_area
    [w for w in widgets if w.key and w.key.startswith(f"edit_{field}_")][0].input(value)
    at = at.button(key="edit_save").click().run()
    assert message in _texts(at, "error")
    with Library.open(staff_env) as library:
        assert library.get(vaccine.id) == vaccine


def test_a_time_without_a_date_is_refused(staff_env, stored):
    vaccine = _by_title(stored, "Tiêm chủng cho trẻ em")
    at = _open_article(_logged_in(), vaccine.id)
    [t for t in at.get("time_input") if t.key and t.key.startswith("edit_time_")][0].set_value(time(9, 30))
    at = at.button(key="edit_save").click().run()
    assert "chưa chọn ngày" in _texts(at, "error")


# -- pronunciations -----------------------------------------------------------------------


def _lexicon(at: AppTest) -> AppTest:
    return _section(at, "lexicon")


def _lexicon_text(settings) -> str:
    path = staff_lexicon.lexicon_path(settings)
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _enter(at: AppTest, written: str, spoken: str) -> AppTest:
    at.text_input(key="lex_written").input(written)
    at.text_input(key="lex_spoken").input(spoken)
    return at.button(key="lex_save").click().run()


def test_a_pronunciation_is_added_and_the_articles_it_affects_are_listed(staff_env, stored):
    at = _enter(_lexicon(_logged_in()), "Xẻo Nhàu", "Xẻo Nhầu")
    assert not at.exception
    assert "Đã lưu cách đọc của «Xẻo Nhàu»" in _texts(at, "success")
    assert _lexicon_text(staff_env) == "Xẻo Nhàu = Xẻo Nhầu\n"
    html = _html(at)
    assert "Khởi công cầu Xẻo Nhàu" in html and "Tiêm chủng" not in html
    at = at.button(key="lex_remake").click().run()
    assert "Đã có âm thanh cho 1/1 bài" in _texts(at, "success")


def test_a_pronunciation_is_changed_then_deleted(staff_env):
    staff_lexicon.lexicon_path(staff_env).parent.mkdir(parents=True, exist_ok=True)
    staff_lexicon.lexicon_path(staff_env).write_text("# ghi chú\nBCĐ = Ban Chỉ đạo\nUBND = Ủy ban\n", encoding="utf-8")
    at = _lexicon(_logged_in())
    at.selectbox(key="lex_choice").set_value("UBND").run()
    assert at.text_input(key="lex_spoken").value == "Ủy ban"
    at = _enter(at, "UBND", "Ủy ban nhân dân")
    assert _lexicon_text(staff_env) == "# ghi chú\nBCĐ = Ban Chỉ đạo\nUBND = Ủy ban nhân dân\n"
    assert "Ra mắt tổ hợp tác" in _html(at)  # its "UBND xã" now reads differently
    at.selectbox(key="lex_choice").set_value("BCĐ").run()
    at = at.button(key="lex_delete").click().run()
    assert "Đã xóa «BCĐ»" in _texts(at, "success")
    assert _lexicon_text(staff_env) == "# ghi chú\nUBND = Ủy ban nhân dân\n"


@pytest.mark.parametrize(
    ("written", "spoken", "message"),
    [
        ("", "Ủy ban", "Hãy nhập chữ viết"),
        ("UBND", "  ", "Hãy nhập cách đọc"),
        ("A = B", "x", "không được chứa dấu «=»"),
        ("#UBND", "x", "không được bắt đầu bằng «#»"),
        ("BCĐ", "Ban Chỉ đạo", "đã có trong từ điển"),
        ("TP", "thành phố BCĐ", "sẽ bị thay thêm lần nữa"),
    ],
)
def test_a_bad_entry_is_refused_and_the_file_is_kept(staff_env, written, spoken, message):
    path = staff_lexicon.lexicon_path(staff_env)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("BCĐ = Ban Chỉ đạo\n", encoding="utf-8")
    at = _enter(_lexicon(_logged_in()), written, spoken)
    assert not at.exception
    assert message in _texts(at, "error")
    assert _lexicon_text(staff_env) == "BCĐ = Ban Chỉ đạo\n"


def test_nghe_thu_says_the_spoken_side(staff_env):
    at = _lexicon(_logged_in())
    at.text_input(key="lex_written").input("VNeID")
    at.text_input(key="lex_spoken").input("vê en e ai đi 2")
    at = at.button(key="lex_hear").click().run()
    assert not at.exception
    assert "Sẽ đọc là: vê en e ai đi hai" in _texts(at, "caption")
    assert at.get("audio")
    assert _lexicon_text(staff_env) == ""  # hearing saves nothing
    at.text_input(key="lex_spoken").input("")
    at = at.button(key="lex_hear").click().run()
    assert "Hãy nhập cách đọc để nghe thử" in _texts(at, "error")


def test_a_lexicon_file_is_imported_only_when_valid_and_exported(staff_env):
    path = staff_lexicon.lexicon_path(staff_env)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("BCĐ = Ban Chỉ đạo\n", encoding="utf-8")
    at = _lexicon(_logged_in())
    at.file_uploader(key="lex_import").set_value(("moi.txt", "UBND = Ủy ban\nUBND = lần nữa\n".encode(), "text/plain"))
    at = at.run().button(key="lex_import_do").click().run()
    assert "Dòng 2: từ này đã có ở dòng 1" in _texts(at, "error")
    assert _lexicon_text(staff_env) == "BCĐ = Ban Chỉ đạo\n"
    at.file_uploader(key="lex_import").set_value(("moi.txt", b"\xff\xfe\x00", "text/plain"))
    at = at.run().button(key="lex_import_do").click().run()
    assert "không phải văn bản UTF-8" in _texts(at, "error")
    at.file_uploader(key="lex_import").set_value(("moi.txt", "UBND = Ủy ban\nTP = thành phố\n".encode(), "text/plain"))
    at = at.run().button(key="lex_import_do").click().run()
    assert "Đã nhập từ điển mới (2 mục)" in _texts(at, "success")
    assert _lexicon_text(staff_env) == "UBND = Ủy ban\nTP = thành phố\n"
    (export,) = at.get("download_button")
    assert export.proto.label == "Tải tệp từ điển về máy"


def test_a_broken_lexicon_file_is_shown_with_its_line_and_can_be_fixed_whole(staff_env):
    path = staff_lexicon.lexicon_path(staff_env)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("BCĐ = Ban Chỉ đạo\nmột dòng hỏng\n", encoding="utf-8")
    at = _lexicon(_logged_in())
    assert "Dòng 2 không có dạng «chữ viết = cách đọc»" in _texts(at, "error")
    (raw,) = [t for t in at.text_area if t.key and t.key.startswith("lex_raw_text_")]
    raw.input("BCĐ = Ban Chỉ đạo\nmột dòng = vẫn hỏng = không\nX\n")
    at = at.button(key="lex_raw_save").click().run()
    assert "Dòng 3" in _texts(at, "error")
    assert path.read_text(encoding="utf-8") == "BCĐ = Ban Chỉ đạo\nmột dòng hỏng\n"
    (raw,) = [t for t in at.text_area if t.key and t.key.startswith("lex_raw_text_")]
    raw.input("BCĐ = Ban Chỉ đạo\n")
    at = at.button(key="lex_raw_save").click().run()
    assert "Đã lưu tệp từ điển" in _texts(at, "success")
    assert not _texts(at, "error")


# -- cache and health ---------------------------------------------------------------------


def test_health_shows_cache_figures_and_google_unreachable(staff_env):
    at = _section(_logged_in(), "health")
    assert not at.exception
    assert [m.label for m in at.metric] == ["Đoạn âm thanh", "Bài đã ghép", "Tổng dung lượng"]
    at = at.button(key="health_google_check").click().run()
    assert "không kết nối được giọng Google" in _texts(at, "error")
    assert "Chưa có nhật ký" in _texts(at, "info")


def test_health_verify_and_prune(staff_env):
    broken = staff_env.cache_dir / "clips" / "ab" / "ab00.mp3"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"not audio")
    at = _section(_logged_in(), "health")
    at = at.button(key="health_verify").click().run()
    assert "xóa 1 tệp hỏng" in _texts(at, "success")
    assert not broken.exists()
    at = at.button(key="health_prune").click().run()
    assert "Đã xóa 0 tệp" in _texts(at, "success")


def test_health_reads_google_back_and_the_watcher_log(staff_env, monkeypatch):
    (staff_env.data_dir / "watch.log").write_text("2024-05-01 08:00 imported 3\n2024-05-01 08:15 imported 0\n", encoding="utf-8")
    with FakeGoogle() as google:
        monkeypatch.setenv("READER_GTTS_URL", google.url)
        at = _section(_logged_in(), "health")
        at = at.button(key="health_google_check").click().run()
    assert "Giọng Google kết nối được" in _texts(at, "success")
    html = _html(at)
    assert html.index("08:15 imported 0") < html.index("08:00 imported 3")


def test_the_table_pages_through_a_large_library(staff_env, monkeypatch):
    monkeypatch.setenv("READER_STAFF_PAGE_SIZE", "2")
    at = _section(_logged_in(), "library")
    assert len(_table(at)) == 2
    assert "trang 1/2" in _texts(at, "caption")
    at.number_input(key="library_page").set_value(2).run()
    assert len(_table(at)) == 1
    assert "trang 2/2" in _texts(at, "caption")


def test_the_category_filter_covers_the_whole_library_not_one_page(staff_env, stored, monkeypatch):
    monkeypatch.setenv("READER_STAFF_PAGE_SIZE", "1")
    at = _section(_logged_in(), "library")
    for article in stored:
        at.selectbox(key="library_category").set_value(article.category).run()
        assert list(_table(at)["Tiêu đề"]) == [article.title]
        assert "trang 1/1" in _texts(at, "caption")


def test_an_article_deleted_meanwhile_is_not_offered(staff_env, stored):
    at = _open_article(_logged_in(), stored[0].id)
    with Library.open(staff_env) as library:
        library.delete(stored[0].id)
    at = at.run()
    assert not at.exception
    choice = at.selectbox(key="article_choice")
    assert not any(stored[0].title in option for option in choice.options)
    assert choice.value in {a.id for a in stored[1:]}


def test_titles_in_messages_show_exactly_as_written(staff_env):
    title = "Giá lúa **tăng** > [giá phân bón](javascript:alert(1)) giảm"
    at = _paste(_logged_in(), f"{title}\nGiá lúa tăng mạnh trong tuần qua.\n")
    html = _html(at)
    assert "Giá lúa **tăng** &gt; [giá phân bón](javascript:alert(1)) giảm" in html  # escaped HTML
    at = at.button(key="add_save").click().run()
    (message,) = [el.value for el in at.success]
    assert "\\*\\*tăng\\*\\*" in message and "\\[giá phân bón\\]\\(javascript" in message
    assert _texts(at, "success").startswith(f"Đã lưu bài «{title}»")


def test_the_article_opens_on_the_listeners_side(stored):
    bridge = _by_title(stored, "Khởi công cầu Xẻo Nhàu")
    at = _open_article(_logged_in(), bridge.id)
    (link,) = [p for p in at.get("page_link") if p.proto.label == "Mở bài này như người nghe thấy"]
    assert link.proto.page.endswith("bai-viet") or "article" in link.proto.page
    assert f"id={bridge.id}" in link.proto.query_string


# -- feeds and category pages ---------------------------------------------------------------


@pytest.fixture
def portal(staff_env, monkeypatch):
    from tests.fakes.portal import FakePortal

    with FakePortal(slow_seconds=0.3, huge_bytes=1024 * 1024) as site:
        monkeypatch.setenv("READER_ALLOW_HOSTS", ",".join(site.allow_hosts))
        monkeypatch.setenv("READER_FETCH_DELAY_S", "0")
        yield site


def _watch(at: AppTest, kind: str, url: str, pattern: str = "") -> AppTest:
    at = _section(at, "add")
    at.radio(key="add_way").set_value("feed").run()
    at.radio(key="add_feed_kind").set_value(kind)
    at.text_input(key="add_feed_url").input(url)
    at.text_input(key="add_feed_pattern").input(pattern)
    return at.button(key="add_feed_submit").click().run()


def test_a_feed_is_watched_and_its_articles_come_in(staff_env, portal):
    at = _watch(_logged_in(), "feed", portal.url("/rss/tin-tuc.rss"))
    assert not at.exception
    assert "bài mới từ" in _texts(at, "success")
    with Library.open(staff_env) as library:
        assert library.count() > len(SHORT)
    (table,) = [df.value for df in at.dataframe if "Lỗi lần cuối" in df.value.columns]
    assert list(table["Địa chỉ"]) == [portal.url("/rss/tin-tuc.rss")]
    assert list(table["Lỗi lần cuối"]) == ["—"]
    at = at.button(key="sources_refresh").click().run()
    assert "không có gì thay đổi" in _texts(at, "info") or "không có bài nào mới" in _texts(at, "info")
    at = _section(at, "health")
    assert [df for df in at.dataframe if "Lỗi lần cuối" in df.value.columns]
    at = _section(at, "add")
    at.radio(key="add_way").set_value("feed").run()
    at = at.button(key="sources_remove_yes").click().run()
    assert "Đã bỏ theo dõi" in _texts(at, "success")
    assert "Chưa theo dõi nguồn tin nào" in _texts(at, "info")


def test_a_category_page_is_watched_with_a_pattern(staff_env, portal):
    at = _watch(_logged_in(), "page", portal.url("/chuyen-muc/tin-tuc"), "/tin-tuc/")
    assert not at.exception
    assert "bài mới từ" in _texts(at, "success")


@pytest.mark.parametrize(
    ("kind", "url", "pattern", "message"),
    [
        ("page", "/chuyen-muc/tin-tuc", "([", "nguồn tin tự động"),
        ("feed", "/khong-co.rss", "", "nguồn tin tự động"),
        ("feed", "http://10.0.0.1/rss", "", "Không tải được"),
    ],
)
def test_a_source_that_cannot_be_watched_says_so_and_is_not_kept(staff_env, portal, kind, url, pattern, message):
    full = url if url.startswith("http") else portal.url(url)
    at = _watch(_logged_in(), kind, full, pattern)
    assert not at.exception
    assert message in _texts(at, "error")
    assert "Chưa theo dõi nguồn tin nào" in _texts(at, "info")
