import codecs
import unicodedata
from datetime import datetime

import pytest

from reader.articles.importer import import_source
from reader.articles.model import VN_TZ
from reader.articles.samples import load_samples, sample_names
from reader.errors import ExtractError, FetchError, SourceError
from tests.fakes.portal import CONFERENCE, TEXT_DUMP


@pytest.mark.parametrize(
    "path, title, category",
    [
        ("/tin-tuc/hoi-nghi-tong-ket.html", "Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023",
         "Chính trị, xã hội"),
        ("/tin-tuc/ban-in.txt", "Trao 1.250 phần quà Tết cho hộ nghèo trên địa bàn huyện", "An sinh xã hội"),
        ("/tin-tuc/khong-co-kieu", "Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023",
         "Chính trị, xã hội"),
    ],
    ids=["html", "text-plain", "sniffed"],
)
def test_import_url(net, portal, path, title, category):
    article = import_source(portal.url(path), net)
    assert (article.title, article.category) == (title, category)
    assert article.source == article.url == portal.url(path)
    assert article.id is None


def test_import_url_after_redirect_records_final_url(net, portal):
    article = import_source(portal.url("/redirect"), net)
    assert article.source == portal.url("/redirect")
    assert article.url == portal.url("/tin-tuc/hoi-nghi-tong-ket.html")


@pytest.mark.parametrize(
    "path, error", [("/logo.png", SourceError), ("/empty.html", ExtractError), ("/nope", FetchError)]
)
def test_import_url_failures(net, portal, path, error):
    with pytest.raises(error):
        import_source(portal.url(path), net)


def test_import_url_refused_without_allow_hosts(settings, portal):
    with pytest.raises(FetchError, match="non-public"):
        import_source(portal.url("/tin-tuc/ban-in.txt"), settings)


@pytest.mark.parametrize(
    "name, data",
    [
        ("ban-in.txt", TEXT_DUMP.encode("utf-8")),
        ("bom.txt", codecs.BOM_UTF8 + TEXT_DUMP.encode("utf-8")),
        ("notepad.txt", TEXT_DUMP.encode("utf-16")),
        ("khong-duoi", TEXT_DUMP.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_import_text_files(settings, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    article = import_source(str(path), settings)
    assert article.title == "Trao 1.250 phần quà Tết cho hộ nghèo trên địa bàn huyện"
    assert article.published == datetime(2024, 1, 25, 16, 40, tzinfo=VN_TZ)
    assert article.source == f"file:{path.resolve()}" and article.url == ""


@pytest.mark.parametrize("name", ["trang.html", "trang.HTM", "luu-nham-duoi.txt"])
def test_import_html_files(settings, tmp_path, name):
    path = tmp_path / name
    path.write_text(CONFERENCE, encoding="utf-8")
    article = import_source(str(path), settings)
    assert article.title == "Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023"
    assert article.source == f"file:{path.resolve()}" and article.url == ""


def test_legacy_encoding_refused(settings, tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes("Tin An Biên\n(14:30 | 20/12/2023)\nKiểm tra đê bao.\n".encode("cp1258", errors="ignore"))
    with pytest.raises(SourceError, match="not UTF-8 text"):
        import_source(str(path), settings)


def test_binary_file_refused(settings, tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    with pytest.raises(SourceError, match="not UTF-8 text"):
        import_source(str(path), settings)


def test_missing_directory_and_too_big(settings, tmp_path):
    with pytest.raises(SourceError, match="No such file"):
        import_source(str(tmp_path / "khong-co.txt"), settings)
    with pytest.raises(SourceError, match="not a regular file"):
        import_source(str(tmp_path), settings)
    big = tmp_path / "lon.txt"
    big.write_text(TEXT_DUMP * 10, encoding="utf-8")
    with pytest.raises(SourceError, match="import limit"):
        import_source(str(big), settings.with_(import_max_file_bytes=1000))
    with pytest.raises(SourceError):
        import_source("  ", settings)


def test_samples_are_well_formed():
    names = sample_names()
    articles = load_samples()
    assert len(articles) == len(names) >= 6
    assert len({a.category for a in articles}) == len(articles)
    assert len({a.published for a in articles}) == len(articles)
    for name, article in zip(names, articles):
        assert article.source == f"sample:{name}"
        assert 4 <= len(article.paragraphs) <= 8, name
        assert article.published is not None and article.category
        assert not article.paragraphs[-1].endswith("/.")
        text = " ".join(article.paragraphs)
        assert "Tác giả" not in text and "Lượt xem" not in text and "Tin liên quan" not in text


@pytest.mark.parametrize(
    "path, title, published, words",
    [
        ("/tin-tuc/cp1258.html", "Nông dân Đông Thái thu hoạch lúa", datetime(2021, 4, 18, 10, 0, tzinfo=VN_TZ),
         "năng suất đạt 7 tấn"),
        ("/tin-tuc/khong-charset.html", "Khởi công đường giao thông nông thôn xã Nam Thái A",
         datetime(2024, 4, 22, 15, 20, tzinfo=VN_TZ), "hộ dân ở 4 ấp"),
    ],
    ids=["windows-1258", "no-charset-header"],
)
def test_import_pages_in_old_encodings_or_without_a_charset(net, portal, path, title, published, words):
    article = import_source(portal.url(path), net)
    assert (article.title, article.published) == (title, published)
    assert words in article.body
    assert all(unicodedata.is_normalized("NFC", p) for p in article.paragraphs)


def test_an_edited_page_imported_again_keeps_its_id_and_needs_new_audio(net, portal, settings):
    from reader import service
    from reader.articles.library import Library
    from tests.fakes.portal import Response, article_page

    path = "/tin-tuc/sua-bai.html"
    paragraphs = ["Sáng ngày 5/3, huyện An Biên ra quân trồng 5.000 cây xanh.", "Các xã cùng tham gia."]
    portal.routes[path] = Response(body=article_page("Trồng cây xanh", "Môi trường", "08:00 | 05/03/2024", paragraphs).encode())
    offline = net.with_(engine="espeak")
    with Library.open(settings) as library:
        first = service.import_article(library, portal.url(path), offline)
        before = service.script_for_article(first, offline)
        service.render_script(before, offline)
        paragraphs[0] = paragraphs[0].replace("5.000", "6.000")
        portal.routes[path] = Response(
            body=article_page("Trồng 6.000 cây xanh", "Môi trường", "08:00 | 05/03/2024", paragraphs).encode())
        second = service.import_article(library, portal.url(path), offline)
        assert second.id == first.id and library.count() == 1
        after = service.script_for_article(library.get(first.id), offline)
        assert service.has_audio(before, offline) and not service.has_audio(after, offline)
