"""Which stored article an import is: nothing stored is ever lost or replaced by another."""

from __future__ import annotations

import json
import sqlite3

import pytest

from reader import service
from reader.articles.identity import file_source, overlap, same_story, text_source
from reader.articles.importer import import_text
from reader.articles.library import SCHEMA_VERSION, Library
from reader.articles.model import Article, text_hash
from reader.articles.textdump import parse_text_dump

PAGE = """Cổng thông tin điện tử huyện {place}
Xem với cỡ chữ A A
Tin tức - Sự kiện
{title}
(08:00 | 02/03/2024)
{body}
Tác giả: Minh Thư
"""

LONG_BODY = (
    "Sáng ngày 2/3, UBND huyện An Biên tổ chức hội nghị triển khai kế hoạch phòng, chống hạn mặn "
    "mùa khô năm 2024 với sự tham dự của lãnh đạo các phòng, ban và chín xã, thị trấn.\n"
    "Theo dự báo, độ mặn trên các tuyến sông chính sẽ lên cao từ giữa tháng 3 đến cuối tháng 4, "
    "ảnh hưởng đến khoảng 12.000 ha lúa và hoa màu của nông dân trong huyện."
)
OTHER_BODY = (
    "Chiều ngày 2/3, Hội Nông dân huyện Châu Thành tập huấn kỹ thuật nuôi tôm càng xanh trong "
    "ruộng lúa cho hơn 80 hội viên ở các ấp vùng sâu, vùng xa của huyện.\n"
    "Các học viên được hướng dẫn cách chọn con giống, quản lý nước và phòng bệnh cho tôm trong "
    "suốt vụ nuôi, nhằm tăng thu nhập trên cùng một diện tích đất."
)


def page(title: str, body: str, place: str = "An Biên") -> str:
    return PAGE.format(title=title, body=body, place=place)


@pytest.fixture
def library(library_settings):
    with Library.open(library_settings) as lib:
        yield lib


def save(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- issue 12's fault cases ------------------------------------------------------------


def test_same_file_name_in_two_folders_and_same_title_are_two_articles(library, settings, tmp_path):
    first = save(tmp_path / "xa-a" / "tin.txt", page("Hội nghị triển khai nhiệm vụ", LONG_BODY))
    second = save(tmp_path / "xa-b" / "tin.txt", page("Hội nghị triển khai nhiệm vụ", OTHER_BODY, "Châu Thành"))
    a = service.import_article(library, str(first), settings)
    b = service.import_article(library, str(second), settings)
    assert a.id != b.id and library.count() == 2
    assert library.get(a.id).paragraphs[0].startswith("Sáng ngày 2/3, UBND huyện An Biên")
    assert library.get(b.id).paragraphs[0].startswith("Chiều ngày 2/3, Hội Nông dân")


def test_reimport_after_correcting_the_title_updates_the_article(library, settings, tmp_path):
    path = save(tmp_path / "tin.txt", page("Hội nghi triển khai nhiêm vụ", LONG_BODY))
    first = service.import_article(library, str(path), settings)
    save(path, page("Hội nghị triển khai nhiệm vụ phòng, chống hạn mặn", LONG_BODY))
    second = service.import_article(library, str(path), settings)
    assert second.id == first.id and library.count() == 1
    assert library.get(first.id).title == "Hội nghị triển khai nhiệm vụ phòng, chống hạn mặn"


def test_reimport_after_editing_the_body_updates_the_article(library, settings, tmp_path):
    path = save(tmp_path / "tin.txt", page("Triển khai phòng, chống hạn mặn", LONG_BODY))
    first = service.import_article(library, str(path), settings)
    edited = LONG_BODY.replace("12.000 ha", "12.500 ha") + "\nHuyện đề nghị các xã báo cáo hằng tuần."
    save(path, page("Triển khai kế hoạch phòng, chống hạn mặn năm 2024", edited))
    second = service.import_article(library, str(path), settings)
    assert second.id == first.id and library.count() == 1
    assert "12.500 ha" in library.get(first.id).body


def test_a_title_containing_a_chevron_is_kept(library, settings, tmp_path):
    text = page("Giá lúa tăng > giá phân bón giảm", LONG_BODY)
    article = parse_text_dump(text)
    assert article.title == "Giá lúa tăng > giá phân bón giảm"
    assert article.category == "Tin tức - Sự kiện"
    stored = service.import_article(library, str(save(tmp_path / "gia.txt", text)), settings)
    assert library.get(stored.id).title == "Giá lúa tăng > giá phân bón giảm"


# -- the identity rules ------------------------------------------------------------------


def test_a_file_source_is_its_full_resolved_path(tmp_path):
    (tmp_path / "a").mkdir()
    assert file_source(tmp_path / "a" / ".." / "tin.txt") == f"file:{(tmp_path / 'tin.txt').resolve()}"
    assert file_source(tmp_path / "a" / "tin.txt") != file_source(tmp_path / "tin.txt")


def test_a_file_reused_for_a_new_story_keeps_the_old_one(library, settings, tmp_path):
    path = save(tmp_path / "bai-viet.txt", page("Triển khai phòng, chống hạn mặn", LONG_BODY))
    first = service.import_article(library, str(path), settings)
    save(path, page("Tập huấn nuôi tôm càng xanh trong ruộng lúa", OTHER_BODY))
    second = service.import_article(library, str(path), settings)
    assert second.id != first.id and library.count() == 2
    assert library.get(first.id).title == "Triển khai phòng, chống hạn mặn"


def test_a_copy_of_a_file_elsewhere_is_the_same_article(library, settings, tmp_path):
    text = page("Triển khai phòng, chống hạn mặn", LONG_BODY)
    first = service.import_article(library, str(save(tmp_path / "a" / "x.txt", text)), settings)
    second = service.import_article(library, str(save(tmp_path / "b" / "y.txt", text)), settings)
    assert first.id == second.id and library.count() == 1


def test_pasted_text_is_identified_by_its_content(library, settings):
    text = page("Triển khai phòng, chống hạn mặn", LONG_BODY)
    assert import_text(text, settings).source == text_source(text) != text_source(text + "x")
    first = service.import_pasted_text(library, text, settings)
    again = service.import_pasted_text(library, text, settings)
    other = service.import_pasted_text(library, page("Tập huấn nuôi tôm", OTHER_BODY), settings)
    assert first.id == again.id != other.id and library.count() == 2


def test_url_comes_first_and_is_kept_when_a_file_of_the_same_text_comes_later(library):
    web = library.add(Article("Tin A", ("Nội dung ngắn.",), url="http://p/a.html", source="http://p/a.html"))
    edited = library.add(Article("Tin A sửa", ("Nội dung khác hẳn.",), url="http://p/a.html", source="http://p/a"))
    assert edited.id == web.id
    same_text = library.add(Article("Tin A sửa", ("Nội dung khác hẳn.",), source="file:/x/a.txt"))
    assert same_text.id == web.id and library.get(web.id).url == "http://p/a.html"


def test_short_identical_bodies_of_different_notices_are_two_articles(library):
    body = ("Xem chi tiết tại tệp đính kèm.",)
    a = library.add(Article("Thông báo lịch tiếp dân tháng 3", body, url="http://p/1", source="http://p/1"))
    b = library.add(Article("Thông báo tuyển dụng viên chức", body, url="http://p/2", source="http://p/2"))
    c = library.add(Article("Thông báo nghỉ lễ", body, source="text:abc"))
    assert len({a.id, b.id, c.id}) == 3
    same = library.add(Article("Thông báo nghỉ lễ", body, source="text:def"))
    assert same.id == c.id


def test_two_different_bodies_are_never_merged_in_one_batch(library):
    stored = library.add_many(
        [
            Article("Cùng tiêu đề", (LONG_BODY,), source="file:/a/tin.txt"),
            Article("Cùng tiêu đề", (OTHER_BODY,), source="file:/b/tin.txt"),
            Article("Cùng tiêu đề", (LONG_BODY,), source="file:/c/tin.txt"),
        ]
    )
    assert stored[0].id != stored[1].id and stored[2].id == stored[0].id
    assert library.count() == 2


@pytest.mark.parametrize(
    "old_title, old_body, new_title, new_body, same",
    [
        ("Hội nghi tổng kết", LONG_BODY, "Hội nghị tổng kết năm 2023", LONG_BODY, True),
        ("Tiêu đề", LONG_BODY, "Tiêu đề", OTHER_BODY, True),  # same title: an edit of the body
        ("Tiêu đề A", LONG_BODY, "Tiêu đề B", LONG_BODY + "\nMột đoạn mới được thêm vào.", True),
        ("Tiêu đề A", LONG_BODY, "Tiêu đề B", OTHER_BODY, False),
        ("Tin 1", "Nội dung 1.", "Tin 2", "Nội dung 2.", False),  # short: words cannot tell
    ],
)
def test_same_story(old_title, old_body, new_title, new_body, same):
    assert same_story(old_title, old_body.split("\n"), new_title, new_body.split("\n")) is same


def test_overlap_bounds():
    assert overlap(LONG_BODY, LONG_BODY) == 1.0
    assert overlap(LONG_BODY, "") == 0.0
    assert overlap(LONG_BODY, OTHER_BODY) < 0.1


# -- existing libraries migrate without loss ----------------------------------------------


def test_a_version_1_library_migrates_without_loss(settings):
    settings.data_dir.mkdir(parents=True)
    conn = sqlite3.connect(settings.library_path)
    conn.executescript(
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '', published TEXT, source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '', paragraphs TEXT NOT NULL, added_at TEXT NOT NULL);
        CREATE INDEX articles_url ON articles(url) WHERE url <> '';
        CREATE INDEX articles_source_title ON articles(source, title);
        CREATE INDEX articles_published ON articles(published);
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize="unicode61 remove_diacritics 2");
        PRAGMA user_version = 1;"""
    )
    rows = [("Tin cũ một", ["Đoạn một.", "Đoạn hai."]), ("Tin cũ hai", ["Nội dung khác."])]
    for number, (title, paragraphs) in enumerate(rows, start=1):
        conn.execute(
            "INSERT INTO articles (title, category, published, source, url, paragraphs, added_at) "
            "VALUES (?, '', '2023-01-01T08:00:00+07:00', 'file:tin.txt', '', ?, '2023-01-01T08:00:00+07:00')",
            (title, json.dumps(paragraphs, ensure_ascii=False)),
        )
        conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", (number, title, ""))
    conn.commit()
    conn.close()

    with Library.open(settings) as library:
        assert library.count() == 2
        assert [a.title for a in library.list()] == ["Tin cũ hai", "Tin cũ một"]
        assert library.get(1).paragraphs == ("Đoạn một.", "Đoạn hai.") and library.get(1).notes == ()
        # The backfilled hash finds the old article when its text comes again.
        again = library.add(Article("Tin cũ một", ("Đoạn một.", "Đoạn hai."), source="file:/new/tin.txt"))
        assert again.id == 1 and library.count() == 2
    conn = sqlite3.connect(settings.library_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT body_hash FROM articles WHERE id = 2").fetchone()[0] == text_hash("Nội dung khác.")
    conn.close()


def test_delete_removes_an_article_and_its_search_entry(library):
    kept = library.add(Article("Tin giữ lại", ("Đê bao xã Nam Yên.",)))
    gone = library.add(Article("Tin bị xoá", ("Đê bao xã Tây Yên.",)))
    library.delete(gone.id)
    assert [a.id for a in library.list()] == [kept.id]
    assert [a.id for a in library.search("de bao")] == [kept.id]
    from reader.errors import ArticleNotFound

    with pytest.raises(ArticleNotFound):
        library.delete(gone.id)
