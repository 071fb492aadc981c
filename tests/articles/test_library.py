import sqlite3
import threading
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st

from reader.articles.library import SCHEMA_VERSION, Library, fts_query
from reader.articles.model import VN_TZ, Article
from reader.articles.samples import ensure_samples
from reader.errors import ArticleNotFound, LibraryError


def make(title, when=None, **kw):
    kw.setdefault("paragraphs", (f"Nội dung của bài {title}.",))
    return Article(title=title, published=when, **kw)


@pytest.fixture
def library(library_settings):
    with Library.open(library_settings) as lib:
        yield lib


@pytest.fixture
def sqlite_library(settings):
    with Library.open(settings) as lib:
        yield lib


def test_open_creates_file_with_wal_and_version(settings):
    with Library.open(settings) as lib:
        assert lib.count() == 0
    assert settings.library_path.exists()
    conn = sqlite3.connect(settings.library_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_add_get_round_trip(library):
    article = make("Đường giao thông", datetime(2024, 4, 22, 15, 20, tzinfo=VN_TZ), category="Giao thông")
    stored = library.add(article)
    assert stored.id is not None
    assert library.get(stored.id) == stored
    assert library.get(stored.id).to_dict()["published"] == "2024-04-22T15:20:00+07:00"


def test_get_missing_raises(library):
    with pytest.raises(ArticleNotFound):
        library.get(999)


def test_reimport_same_url_updates_in_place(library):
    first = library.add(make("Bản Alpha", url="http://portal/a.html", source="http://portal/a.html"))
    second = library.add(make("Bản Omega", url="http://portal/a.html", source="http://portal/a.html"))
    assert second.id == first.id
    assert library.count() == 1
    assert library.get(first.id).title == "Bản Omega"
    assert [a.id for a in library.search("ban omega")] == [first.id]
    assert library.search("alpha") == []


def test_one_story_at_two_addresses_is_known_at_both(library):
    body = ("Sáng 12/3, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết.", "Hội nghị đánh giá kết quả năm 2023.")
    first = library.add(make("Hội nghị tổng kết", url="https://portal.example/tin-tuc/hoi-nghi.html", paragraphs=body))
    second = library.add(make("Hội nghị tổng kết", url="https://portal.example/su-kien/hoi-nghi.html", paragraphs=body))
    assert second.id == first.id and library.count() == 1
    for address in ("https://portal.example/tin-tuc/hoi-nghi.html", "https://portal.example/su-kien/hoi-nghi.html"):
        assert library.id_for_url(address) == first.id  # neither is fetched again
    library.delete(first.id)
    assert library.id_for_url("https://portal.example/tin-tuc/hoi-nghi.html") is None


def test_an_edited_address_is_known_too(library):
    stored = library.add(make("Tin huyện", url="https://portal.example/tin/1.html"))
    library.update(stored.id, make("Tin huyện", url="https://portal.example/tin/moi.html"))
    assert library.id_for_url("https://portal.example/tin/moi.html") == stored.id
    assert library.id_for_url("https://portal.example/tin/1.html") == stored.id  # read from there before


def test_a_library_of_the_previous_schema_knows_its_addresses_and_sources(library_settings):
    with Library.open(library_settings) as library:
        stored = library.add(make("Tin cũ", url="https://portal.example/tin/2.html",
                                  source="https://portal.example/?id=2"))
        library.add(make("Tin từ tệp", source="file:/srv/tin.txt"))
        library.write("DROP TABLE article_urls")
        if library_settings.database_url:
            library.write("UPDATE reader_schema SET version = ?", (SCHEMA_VERSION - 1,))
        else:
            library.write(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    if library_settings.database_url:
        from reader.articles.postgres import close_pools

        close_pools()  # a library is prepared (migrated) when its pool is made
    with Library.open(library_settings) as library:  # migration 6 again, from the articles
        assert library.id_for_url("https://portal.example/tin/2.html") == stored.id
        assert library.id_for_url("https://portal.example/?id=2") == stored.id
        assert library.id_for_url("file:/srv/tin.txt") is None  # only web addresses


def test_reimport_same_source_and_title_without_url(library):
    first = library.add(make("Tin A", source="file:a.txt", paragraphs=("cũ",)))
    second = library.add(make("Tin A", source="file:a.txt", paragraphs=("mới",)))
    third = library.add(make("Tin A", source="file:b.txt"))
    assert second.id == first.id and third.id != first.id
    assert library.get(first.id).paragraphs == ("mới",)


def test_list_newest_first_nulls_last(library):
    old = library.add(make("Cũ", datetime(2023, 1, 1, tzinfo=VN_TZ)))
    undated_1 = library.add(make("Không ngày 1"))
    new = library.add(make("Mới", datetime(2024, 1, 1, 8, 0, tzinfo=VN_TZ)))
    undated_2 = library.add(make("Không ngày 2"))
    assert [a.id for a in library.list()] == [new.id, old.id, undated_2.id, undated_1.id]
    assert [a.id for a in library.list(limit=2)] == [new.id, old.id]


@pytest.mark.parametrize(
    "query, expected_titles",
    [
        ("an bien", {"Huyện An Biên tổ chức hội nghị"}),
        ("An Biên", {"Huyện An Biên tổ chức hội nghị"}),
        ("duong", {"Làm đường giao thông"}),
        ("ĐƯỜNG", {"Làm đường giao thông"}),
        ("dong xuan", {"Vụ Đông Xuân"}),
        ("giao th", {"Làm đường giao thông"}),  # prefix
        ("tôm", {"Vụ Đông Xuân"}),  # body text
        ("hoi nghi tom", set()),  # every word required
        ("", set()),
        ('"', set()),
        ("AND(", set()),
        ("NEAR( * ) OR", set()),
    ],
)
def test_search(library, query, expected_titles):
    library.add(make("Huyện An Biên tổ chức hội nghị"))
    library.add(make("Làm đường giao thông"))
    library.add(make("Vụ Đông Xuân", paragraphs=("Nông dân xuống giống lúa - tôm.",)))
    assert {a.title for a in library.search(query)} == expected_titles


def test_search_ranks_title_matches_first(library):
    body_only = library.add(make("Tin khác", paragraphs=("Có nhắc đến triều cường một lần.",)))
    in_title = library.add(make("Cảnh báo triều cường", paragraphs=("Mưa lớn.",)))
    assert [a.id for a in library.search("trieu cuong")] == [in_title.id, body_only.id]


def test_fts_query_quotes_every_word():
    assert fts_query('an "biên" AND(đường') == '"an"* "biên"* "AND"* "dường"*'


def test_corrupt_file_is_refused_and_left_alone(settings):
    settings.library_path.parent.mkdir(parents=True)
    junk = b"this is not sqlite at all, it is a text file\n" * 200
    settings.library_path.write_bytes(junk)
    with pytest.raises(LibraryError, match="not a readable SQLite"):
        Library.open(settings)
    assert settings.library_path.read_bytes() == junk


def test_newer_schema_is_refused(settings):
    settings.library_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(settings.library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer"):
        Library.open(settings)


def test_reopen_keeps_data(settings):
    with Library.open(settings) as lib:
        stored = lib.add(make("Giữ lại"))
    with Library.open(settings) as lib:
        assert lib.get(stored.id).title == "Giữ lại"


def test_threads_and_second_connection(settings):
    other = Library.open(settings)
    with Library.open(settings) as lib:
        errors = []

        def worker(n):
            try:
                for i in range(10):
                    target = lib if i % 2 else other
                    target.add(make(f"Bài {n}-{i}", source=f"t{n}"))
                    target.search("bai")
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert lib.count() == 40
    other.close()


def test_ensure_samples_only_when_empty(library):
    added = ensure_samples(library)
    assert added >= 6 and library.count() == added
    assert ensure_samples(library) == 0
    assert library.search("trieu cuong")
    assert library.search("BHYT")


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60))
def test_search_never_raises(library, query):
    library.search(query)


titles = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip()
)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=titles,
    paragraphs=st.lists(titles, min_size=1, max_size=4),
    when=st.none() | st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
)
def test_to_dict_round_trips_through_library(library, title, paragraphs, when):
    article = Article(title=title, paragraphs=tuple(paragraphs), published=when, source="hypothesis")
    stored = library.add(article)
    assert library.get(stored.id).to_dict() == stored.to_dict() == {**article.to_dict(), "id": stored.id}


def test_list_and_search_page_with_totals(library):
    ids = [library.add(make(f"Tin đường số {i}", datetime(2024, 1, i + 1, tzinfo=VN_TZ))).id for i in range(7)]
    newest_first = list(reversed(ids))
    assert [a.id for a in library.list(limit=3, offset=0)] == newest_first[:3]
    assert [a.id for a in library.list(limit=3, offset=3)] == newest_first[3:6]
    assert [a.id for a in library.list(limit=3, offset=6)] == newest_first[6:]
    assert library.list(limit=3, offset=9) == []
    assert [a.id for a in library.list(offset=5)] == newest_first[5:]
    assert library.count() == 7
    everything = [a.id for a in library.search("duong")]
    paged = [a.id for off in (0, 2, 4, 6) for a in library.search("duong", limit=2, offset=off)]
    assert paged == everything and len(everything) == 7
    assert library.search_count("duong") == 7
    assert library.search_count("tin so 3") == 1
    assert library.search_count("khong co") == 0
    assert library.search_count('"') == 0


@pytest.mark.parametrize(
    "sql, params, index",
    [
        ("SELECT id FROM articles ORDER BY published IS NULL, published DESC, id DESC LIMIT 20 OFFSET 40", (),
         "articles_newest"),
        ("SELECT id FROM articles WHERE url = ? AND url <> '' ORDER BY id LIMIT 1", ("http://p/a",), "articles_url"),
        ("SELECT id FROM articles WHERE source = ? AND source <> '' ORDER BY id", ("file:/a",), "articles_source"),
        ("SELECT id FROM articles WHERE body_hash = ? ORDER BY id", ("abc",), "articles_body_hash"),
    ],
)
def test_lookups_and_pages_use_their_index(sqlite_library, sql, params, index):
    """Matching an import and reading a page must not scan the table (10,000 articles).

    SQLite's plans; PostgreSQL's are checked in tests/province/test_postgres_library.py.
    """
    library = sqlite_library
    plan = " ".join(str(row[-1]) for row in library.rows(f"EXPLAIN QUERY PLAN {sql}", params))
    assert index in plan and "USE TEMP B-TREE" not in plan
    assert not any(str(row[-1]) == "SCAN articles" for row in library.rows(f"EXPLAIN QUERY PLAN {sql}", params))


def test_headlines_page_like_the_list_without_bodies(tmp_path):
    from reader.articles.library import Library
    from reader.articles.model import Article, Headline
    from datetime import datetime

    with Library(tmp_path / "lib.sqlite3") as library:
        for day in range(1, 8):
            library.add(Article(title=f"Tin ngày {day}", paragraphs=(f"Nội dung số {day} về lúa.",),
                                category="Nông nghiệp", published=datetime(2024, 5, day, 8, 0),
                                url=f"https://x.gov.vn/{day}"))
        library.add(Article(title="Tin không ngày", paragraphs=("Nội dung lúa.",)))
        for offset in (0, 3, 6):
            full, heads = library.list(3, offset), library.headlines(3, offset)
            assert [h.id for h in heads] == [a.id for a in full]
            assert all(isinstance(h, Headline) for h in heads)
            assert [(h.title, h.category, h.published) for h in heads] == [
                (a.title, a.category, a.published) for a in full]
        found, heads = library.search("lua", 4, 2), library.search_headlines("lua", 4, 2)
        assert [h.id for h in heads] == [a.id for a in found]
        assert library.search_headlines("") == []
