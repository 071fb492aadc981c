"""What only the PostgreSQL library has: its migrations, plans, pool, and the move from SQLite."""

import json
import os
import subprocess
import sys
import threading
from datetime import datetime

import psycopg
import pytest

from reader.articles.library import Library
from reader.articles.model import VN_TZ, Article
from reader.articles.pg_schema import POSTGRES_MIGRATIONS
from reader.articles.samples import ensure_samples
from reader.articles.schema import MIGRATIONS, SCHEMA_VERSION
from reader.articles.watchlist import add_watched, list_watched, record_item_failure
from reader.errors import LibraryError


@pytest.fixture
def pg_settings(settings, postgres_url):
    return settings.with_(database_url=postgres_url, database_pool_size=4)


def test_every_migration_has_its_postgres_twin():
    assert len(POSTGRES_MIGRATIONS) == len(MIGRATIONS) == SCHEMA_VERSION


def test_schema_version_recorded_and_newer_refused(pg_settings, postgres_url):
    Library.open(pg_settings).close()
    from reader.articles.postgres import close_pools

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert conn.execute("SELECT version FROM reader_schema").fetchone()[0] == SCHEMA_VERSION
        conn.execute("UPDATE reader_schema SET version = %s", (SCHEMA_VERSION + 1,))
    close_pools()
    with pytest.raises(LibraryError, match="newer"):
        Library.open(pg_settings)


def test_unreachable_database_says_so(settings):
    from tests.servers import free_port

    url = f"postgresql://reader@127.0.0.1:{free_port()}/none"
    with pytest.raises(LibraryError, match="READER_DATABASE_URL"):
        Library.open(settings.with_(database_url=url, database_connect_timeout=1.0))


def test_search_folds_diacritics_and_d_in_the_database(pg_settings):
    with Library.open(pg_settings) as library:
        first = library.add(Article(title="Đường giao thông nông thôn", paragraphs=("Xã Đông Thái, huyện An Biên.",)))
        library.add(Article(title="Lúa tôm", paragraphs=("Vụ mùa bội thu ở U Minh Thượng.",)))
        for query in ("duong", "ĐƯỜNG", "dong thai", "an bien", "huyen an", "Đông Thái"):
            assert [a.id for a in library.search(query)] == [first.id], query
        assert library.search_count("u minh thuong") == 1
        assert library.search("o'neil & | ! :*") == []


@pytest.mark.parametrize(
    "sql, index",
    [
        ("SELECT id FROM articles ORDER BY published IS NULL, published DESC, id DESC LIMIT 20 OFFSET 40",
         "articles_newest"),
        ("SELECT id FROM articles WHERE url = 'http://p/a' AND url <> '' ORDER BY id LIMIT 1", "articles_"),
        ("SELECT id FROM articles WHERE source = 'file:/a' AND source <> '' ORDER BY id", "articles_source"),
        ("SELECT id FROM articles WHERE body_hash = 'abc' ORDER BY id", "articles_body_hash"),
        ("SELECT rowid FROM articles_fts_match WHERE doc @@ 'duong:*'::tsquery", "articles_fts_match_doc"),
        ("SELECT max(articles) FROM articles_fts_vocab WHERE word >= 'an' AND word < 'an' || chr(1114111)",
         "articles_fts_vocab_pkey"),
    ],
)
def test_lookups_can_use_their_index(pg_settings, postgres_url, sql, index):
    """Each lookup has an index the planner can use (sequential scans forbidden)."""
    Library.open(pg_settings).close()
    with psycopg.connect(postgres_url) as conn:
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(row[0] for row in conn.execute("EXPLAIN " + sql))
    assert index in plan and "Seq Scan" not in plan, plan
    if "LIMIT 20" in sql:
        assert "Sort" not in plan, plan


def test_threads_adding_the_same_url_store_one_article(pg_settings):
    with Library.open(pg_settings) as library:
        def add(n):
            for i in range(5):
                library.add(Article(title=f"Bản {n}.{i}", paragraphs=(f"Nội dung {n} {i}.",), url="http://p/x"))

        threads = [threading.Thread(target=add, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert library.count() == 1
        assert len(library.search("noi dung")) == 1


def _cli(args, env):
    return subprocess.run([sys.executable, "-m", "reader", *args], env=env, capture_output=True, text=True, timeout=120)


def test_db_copy_moves_a_sqlite_library_to_postgres(settings, pg_settings, postgres_url):
    with Library.open(settings) as sqlite_library:
        ensure_samples(sqlite_library)
        sqlite_library.delete(sqlite_library.list()[-1].id)  # a gap in the ids must survive the copy
        dated = sqlite_library.add(Article(title="Tin có ngày", paragraphs=("Kênh Xẻo Rô mới nạo vét.",),
                                           published=datetime(2024, 5, 1, 8, 0, tzinfo=VN_TZ), url="http://p/1"))
        sqlite_library.add(Article(title="Tin có ngày", paragraphs=("Kênh Xẻo Rô mới nạo vét.",), url="http://p/2"))
        add_watched(sqlite_library, "feed", "http://p/rss", title="Tin mới")
        record_item_failure(sqlite_library, "http://p/hong.pdf", "not an HTML page")
        before = [a.to_dict() for a in sqlite_library.list()]
    env = {**os.environ, "READER_DATA_DIR": str(settings.data_dir), "READER_DATABASE_URL": ""}
    source = f"sqlite:///{settings.library_path}"
    done = _cli(["db", "copy", "--from", source, "--to", postgres_url], env)
    assert done.returncode == 0, done.stderr
    assert f"copied {len(before)} articles and 1 watched" in done.stderr
    with Library.open(pg_settings) as library:
        assert [a.to_dict() for a in library.list()] == before
        assert [a.id for a in library.search("xeo ro")] == [dated.id]
        assert library.id_for_url("http://p/1") == library.id_for_url("http://p/2") == dated.id  # both addresses
        assert record_item_failure(library, "http://p/hong.pdf", "not an HTML page") == 2  # the count goes on
        assert [w.url for w in list_watched(library)] == ["http://p/rss"]
        new = library.add(Article(title="Bài sau khi chuyển", paragraphs=("Mới.",)))
        assert new.id == max(a["id"] for a in before) + 1
    again = _cli(["db", "copy", "--from", source, "--to", postgres_url], env)
    assert again.returncode == 1 and "not empty" in again.stderr


def test_db_migrate_and_the_cli_on_postgres(settings, postgres_url, tmp_path):
    env = {**os.environ, "READER_DATA_DIR": str(settings.data_dir), "READER_DATABASE_URL": postgres_url}
    done = _cli(["db", "migrate"], env)
    assert done.returncode == 0 and f"schema version {SCHEMA_VERSION}, 0 articles" in done.stderr
    text = tmp_path / "tin.txt"
    text.write_text("Đường về An Biên\n\nHuyện An Biên khánh thành con đường mới.\n", encoding="utf-8")
    imported = _cli(["import", str(text)], env)
    assert imported.returncode == 0, imported.stderr
    found = _cli(["search", "an bien", "--json"], env)
    assert [a["id"] for a in json.loads(found.stdout)] == [int(imported.stdout.split()[0])]
    assert not settings.library_path.exists()


def test_headlines_page_like_the_list_and_search(pg_settings):
    with Library.open(pg_settings) as library:
        for day in range(1, 8):
            library.add(Article(title=f"Tin ngày {day}", paragraphs=(f"Nội dung số {day} về lúa.",),
                                category="Nông nghiệp", published=datetime(2024, 5, day, 8, 0, tzinfo=VN_TZ)))
        library.add(Article(title="Tin không ngày", paragraphs=("Nội dung lúa.",)))
        for offset in (0, 3, 6):
            full, heads = library.list(3, offset), library.headlines(3, offset)
            assert [(h.id, h.title, h.published) for h in heads] == [(a.id, a.title, a.published) for a in full]
        found, heads = library.search("lua", 4, 2), library.search_headlines("lua", 4, 2)
        assert [h.id for h in heads] == [a.id for a in found] and len(found) == 4
        assert library.search_headlines("") == []
