"""Search on PostgreSQL finds and orders exactly what SQLite's FTS5 search does."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from reader.articles.library import Library, fold
from reader.articles.model import VN_TZ, Article
from reader.articles.ranking import query_terms, words
from reader.articles.samples import ensure_samples

STORIES = [
    ("Đường về An Biên", "Huyện An Biên khánh thành con đường mới nối xã Đông Thái với thị trấn Thứ Ba."),
    ("An Phú, Tân Biên họp dân", "Ấp An Phú xã Tân Biên họp dân bàn việc làm đường."),
    ("Họp dân", "Huyện An Biên tổ chức họp dân về đường giao thông nông thôn."),
    ("Duong giao thong", "Bài viết không dấu: huyen An Bien lam duong moi, dong thai."),
    ("Triều cường ven biển", "Triều cường dâng cao ven biển An Minh; triều cường gây ngập."),
    ("Biển đẹp", "Ven biển có triều lên, cường độ gió mạnh."),
    ("Lúa tôm", "Vụ lúa tôm ở U Minh Thượng bội thu; giá lúa tăng 3,5%."),
    ("Đồng Tháp", "Đồng bằng, đông dân: Đông Thái và Đồng Tháp không giống nhau."),
    ("Ngắn", "Đường."),
    ("Một bài rất dài về đường", " ".join(["Đường làng ngõ xóm sạch đẹp."] * 30)),
    ("Tin không dấu", "Duong, dương, đường, Dưỡng: bốn chữ khác nhau khi có dấu."),
]

QUERIES = [
    "an bien", "An Biên", "AN BIÊN", "huyện an biên", "duong", "đường", "Đường giao thông", "dương",
    "dong thai", "Đông Thái", "đồng", "dong", "triều cường", "trieu cuong ven bien", "ven bien trieu",
    "bien", "biển", "lua", "lúa tôm", "3", "3 5", "xa", "d", "a", "họp dân", "dan hop", "khong dau",
    "u minh thuong", "đ", "Đ", "o'neil & | ! :*", "", "  ", "không có gì",
]


def _stories(offset: int = 0) -> list[Article]:
    start = datetime(2024, 5, 1, 8, 0, tzinfo=VN_TZ)
    return [Article(title=title, paragraphs=(body,), source=f"text:{n + offset}",
                    published=None if n % 4 == 3 else start + timedelta(days=n))
            for n, (title, body) in enumerate(STORIES)]


@pytest.fixture
def both(settings, postgres_url):
    """The same library on SQLite and on PostgreSQL (same ids: stored in the same order)."""
    sqlite = Library.open(settings)
    postgres = Library.open(settings.with_(database_url=postgres_url, database_pool_size=4))
    yield sqlite, postgres
    sqlite.close()
    postgres.close()


def _same_search(sqlite: Library, postgres: Library, query: str) -> None:
    expected = [a.id for a in sqlite.search(query, limit=None)]
    assert [a.id for a in postgres.search(query, limit=None)] == expected, query
    assert postgres.search_count(query) == sqlite.search_count(query) == len(expected), query
    for offset, size in ((0, 3), (2, 4), (len(expected), 5)):
        page = [h.id for h in postgres.search_headlines(query, size, offset)]
        assert page == expected[offset:offset + size], (query, offset)


def _figures_agree_with_the_articles(postgres: Library) -> None:
    """The vocabulary and totals kept as articles are written are what a recount gives."""
    assert postgres.rows("SELECT articles, tokens FROM articles_fts_totals") == postgres.rows(
        "SELECT count(*), coalesce(sum(tokens), 0) FROM articles_fts")
    assert postgres.rows("SELECT word, articles FROM articles_fts_vocab ORDER BY word") == postgres.rows(
        "SELECT word, count(*) FROM articles_fts_match, unnest(tsvector_to_array(doc)) word "
        'GROUP BY word ORDER BY word COLLATE "C"')


def test_the_same_queries_give_the_same_order_on_both(both):
    sqlite, postgres = both
    for library in both:
        ensure_samples(library)
        library.add_many(_stories())
        library.add_many(_stories(100))  # the same texts again, other sources: ties broken by id
    assert [a.id for a in postgres.list()] == [a.id for a in sqlite.list()]
    for query in QUERIES:
        _same_search(sqlite, postgres, query)


def test_edits_and_deletions_keep_the_order_the_same(both):
    sqlite, postgres = both
    for library in both:
        stored = library.add_many(_stories())
        library.delete(stored[0].id)
        library.update(stored[4].id, Article(title="Sửa: đường An Biên", paragraphs=("An Biên, đường mới.",)))
        library.add(Article(title="An Biên sau khi sửa", paragraphs=("Đường An Biên lại đẹp.",)))
    for query in ("an bien", "duong", "trieu cuong", "bien"):
        _same_search(sqlite, postgres, query)
    _figures_agree_with_the_articles(postgres)


def test_a_phrase_comes_before_the_same_words_scattered(both):
    sqlite, postgres = both
    for library in both:
        scattered = [library.add(Article(title=f"Biên bản số {n}", paragraphs=(f"Ấp An Phú lần {n}: biên bản.",)))
                     for n in range(6)]
        phrase = library.add(Article(title="Tin", paragraphs=("Ở huyện An Biên hôm nay.",)))
    for query in ("an bien", "An Biên", "an b"):
        assert postgres.search(query, limit=1)[0].id == phrase.id
        _same_search(sqlite, postgres, query)
    assert {a.id for a in postgres.search("an bien")} == {phrase.id, *(a.id for a in scattered)}


_VOCABULARY = ["An", "Biên", "an", "biển", "Đông", "đồng", "dòng", "Thái", "thái", "đường", "dương", "lúa",
               "tôm", "Triều", "cường", "ven", "xã", "huyện", "họp", "dân", "3", "35"]


@hsettings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=15, deadline=None)
@given(
    st.lists(st.tuples(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=5),
                       st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=25)), min_size=1, max_size=12),
    st.lists(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6),
)
def test_any_library_and_query_order_the_same(both, texts, queries):
    sqlite, postgres = both
    for library in both:
        for article in library.list():
            library.delete(article.id)
        library.add_many([Article(title=" ".join(t), paragraphs=(" ".join(b),), source=f"h:{n}")
                          for n, (t, b) in enumerate(texts)])
    for query in queries:
        _same_search(sqlite, postgres, query)
    _figures_agree_with_the_articles(postgres)


def test_a_query_matching_more_than_the_limit_ranks_its_newest_then_the_rest_follow(settings, postgres_url):
    start = datetime(2024, 1, 1, tzinfo=VN_TZ)
    with Library.open(settings.with_(database_url=postgres_url, search_rank_limit=5)) as library:
        stored = library.add_many([
            Article(title=f"Tin {n}", paragraphs=("Huyện An Biên." if n % 2 else "An và Biên.",),
                    published=start + timedelta(days=n), source=f"t:{n}") for n in range(12)])
        found = [a.id for a in library.search("an bien", limit=None)]
        assert library.search_count("an bien") == len(found) == 12
        assert set(found[:5]) == {a.id for a in stored[-5:]}
        assert found[5:] == [a.id for a in reversed(stored[:-5])], "the older ones, newest first"
        phrases = [a.id for a in stored[-5:] if "Huyện" in a.paragraphs[0]]
        assert found[:len(phrases)] == sorted(phrases, reverse=True)
        for size in (2, 3, 5, 7):
            pages = [h.id for offset in range(0, 12, size) for h in library.search_headlines("an bien", size, offset)]
            assert pages == found, size
        assert [a.id for a in library.search("an bien", limit=None, offset=4)] == found[4:]
        assert library.search("an bien", limit=3, offset=12) == []


def test_tokens_are_those_of_fts5():
    assert words("Đường về An Biên, 3,5% lúa!") == ["duong", "ve", "an", "bien", "3", "5", "lua"]
    assert words("Ư Ơ ự ỡ Ñ ø ₽ x²") == ["u", "o", "u", "o", "n", "ø", "₽", "x²"]
    assert query_terms('an "biên" AND(đường') == ["an", "bien", "and", "duong"]
    assert query_terms(" ".join(["x"] * 40)) == ["x"] * 32


def test_a_postgres_library_of_the_previous_schema_migrates_to_the_same_order(settings, postgres_url):
    """Articles indexed before migration 5 (folded text only) rank as SQLite ranks them."""
    import psycopg

    from reader.articles.dialect import Statements
    from reader.articles.library import fold
    from reader.articles.pg_schema import POSTGRES_MIGRATIONS

    articles = _stories()
    with psycopg.connect(postgres_url, autocommit=True) as conn, conn.transaction():
        conn.execute("CREATE TABLE reader_schema (version integer NOT NULL)")
        conn.execute("INSERT INTO reader_schema VALUES (4)")
        for migration in POSTGRES_MIGRATIONS[:4]:
            for step in migration:
                step(Statements(conn)) if callable(step) else conn.execute(step)  # type: ignore[call-overload]
        for article in articles:
            n = conn.execute("INSERT INTO articles (title, paragraphs, added_at) VALUES (%s, %s, '2024-01-01') "
                             "RETURNING id", (article.title, f'["{article.paragraphs[0]}"]')).fetchone()[0]
            conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (%s, %s, %s)",
                         (n, fold(article.title), fold(article.body)))
    with Library.open(settings) as sqlite, \
            Library.open(settings.with_(database_url=postgres_url)) as postgres:
        sqlite.add_many([Article(title=a.title, paragraphs=a.paragraphs) for a in articles])
        for query in ("an bien", "duong", "trieu cuong", "dong thai", "bien"):
            assert [a.id for a in postgres.search(query, limit=None)] == \
                [a.id for a in sqlite.search(query, limit=None)], query
        _figures_agree_with_the_articles(postgres)
        postgres.add(Article(title="Sau khi nâng cấp", paragraphs=("An Biên.",)))
        sqlite.add(Article(title="Sau khi nâng cấp", paragraphs=("An Biên.",)))
        _same_search(sqlite, postgres, "an bien")


def _library_index_sql() -> str:
    """The statement that made a real SQLite library's search table (its tokenizer)."""
    import sqlite3
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        Library(Path(folder) / "lib.db").close()
        with sqlite3.connect(Path(folder) / "lib.db") as conn:
            return str(conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0])


_INDEX_SQL = _library_index_sql()


@hsettings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
       | st.lists(st.sampled_from(_VOCABULARY + ["Ư", "ỡ", "Ñ", "ß", "İ", "x²", "3,5%", "-", "đ", "Đ", "o'", "₽"]))
       .map(" ".join))
def test_words_are_the_tokens_of_the_sqlite_library(text):
    """Token for token, in order, what SQLite's search table stores for a text (any Unicode)."""
    import sqlite3

    with sqlite3.connect(":memory:") as conn:
        conn.execute(_INDEX_SQL)
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(articles_fts, 'instance')")
        conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (1, ?, '')", (fold(text),))
        assert words(text) == [term for term, in conn.execute("SELECT term FROM v ORDER BY offset")]
