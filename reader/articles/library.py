"""The article library: one SQLite file with full-text search that ignores diacritics.

SQLite because it is embedded, needs no server, and is safe across the several
processes Streamlit and the staff command line run at once (WAL + busy timeout).
FTS5's ``remove_diacritics 2`` makes "an bien" find "An Biên", but it leaves "đ"
alone, so both the indexed text and the query are folded (đ -> d) here.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import threading
import unicodedata
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Iterable, Iterator

from reader.articles.identity import same_story, same_text
from reader.articles.model import VN_TZ, Article, Headline, nfc
from reader.articles.schema import MIGRATIONS, SCHEMA_VERSION
from reader.config import Settings
from reader.errors import ArticleNotFound, LibraryError

BUSY_TIMEOUT_SECONDS = 30.0
MAX_QUERY_TERMS = 32

#: SQLite's INTEGER range: an id outside it names no article (and would overflow the driver).
_MAX_ID = 2**63 - 1

_FOLD = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """NFC and đ/Đ -> d/D, applied to indexed text and to queries alike."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def fts_query(query: str) -> str:
    """User words -> a safe FTS5 expression: each word a quoted prefix term, all required.

    Only letters and digits survive, so quotes, parentheses and operators typed by a
    user can never reach FTS5's query parser as syntax.
    """
    words = _WORD.findall(fold(query))[:MAX_QUERY_TERMS]
    return " ".join(f'"{w}"*' for w in words)


def fts_phrase(query: str) -> str:
    """The user's words as one FTS5 phrase (the words side by side, in order; the last
    may be a prefix); every article it matches also matches ``fts_query(query)``."""
    words = _WORD.findall(fold(query))[:MAX_QUERY_TERMS]
    return f'"{" ".join(words)}"*' if words else ""


def _space_left(folder: Path) -> str:
    try:
        return f"{shutil.disk_usage(folder).free // 1024} KiB free in {folder}"
    except OSError:
        return f"free space in {folder} unknown"


class Library:
    """Articles in one SQLite file; one connection guarded by a lock, shareable by threads.

    ``PostgresLibrary`` (``postgres.py``) is the same library on PostgreSQL.
    """

    # The driver's errors, caught to become LibraryError (another backend names its own).
    _errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    _integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"Cannot create the library folder {self.path.parent}: {exc}") from exc
        try:
            self._conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None
            )
        except self._errors as exc:
            raise LibraryError(f"Cannot open the library {self.path}: {exc}") from exc
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def open(cls, settings: Settings) -> "Library":
        """The library the settings name: ``database_url`` (PostgreSQL), else the SQLite file."""
        from reader.articles.database import open_url

        return open_url(settings.database_url, settings)

    # -- setup -------------------------------------------------------------------------

    def _prepare(self) -> None:
        conn = self._conn
        try:
            # Read before anything writes: a file that is not SQLite fails here, untouched.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as exc:
            # The file may be fine: a full or failing disk (WAL needs room for its -shm file).
            raise LibraryError(
                f"Cannot read the library {self.path}: {exc} ({_space_left(self.path.parent)}; the "
                "disk may be full, read-only or failing); the library was left untouched — free some "
                "space or fix the disk, then try again"
            ) from exc
        except sqlite3.DatabaseError as exc:
            raise LibraryError(
                f"{self.path} is not a readable SQLite library (corrupt or another kind of file: "
                f"{exc}); it was left untouched — move it away or point READER_DATA_DIR elsewhere"
            ) from exc
        self._check_version(version)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate()
        except self._errors as exc:
            raise LibraryError(f"Cannot prepare the library {self.path}: {exc}") from exc

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} has schema version {version}, newer than this reader's "
                f"{SCHEMA_VERSION}; it was written by a newer release — upgrade the reader"
            )

    def _migrate(self) -> None:
        with self._transaction() as conn:
            # Another process may have migrated while we waited for the write lock.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            self._check_version(version)
            for number in range(version, SCHEMA_VERSION):
                for step in MIGRATIONS[number]:
                    if callable(step):
                        step(conn)
                    else:
                        conn.execute(step)
                conn.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE so two processes adding the same URL serialize instead of racing."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # -- public interface --------------------------------------------------------------

    def add(self, article: Article) -> Article:
        """Store an article (see ``add_many``); returns it with its id."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article]) -> list[Article]:
        """Store articles in one transaction; each is matched to a stored one or added.

        An article is the same as a stored one with the same URL; else with the same
        source (a file's full path, a feed item's page) telling the same story (same
        title, or mostly the same text: an edit); else with the same body text. A match
        is updated in place and keeps its id; two different texts are never merged.
        """
        stored: list[Article] = []
        try:
            with self._transaction() as conn:
                for article in articles:
                    stored.append(article.with_id(self._store(conn, article)))
        except self._errors as exc:
            raise LibraryError(f"Cannot store the article in {self.path}: {exc}") from exc
        return stored

    def _store(self, conn: sqlite3.Connection, article: Article) -> int:
        body_hash = article.body_hash
        row = (
            article.title,
            article.category,
            article.published.isoformat() if article.published else None,
            article.source,
            json.dumps(list(article.paragraphs), ensure_ascii=False),
            body_hash,
            json.dumps(list(article.notes), ensure_ascii=False),
        )
        article_id = self._match(conn, article, body_hash)
        if article_id is not None:
            conn.execute(
                "UPDATE articles SET title=?, category=?, published=?, source=?, paragraphs=?, "
                "body_hash=?, notes=?, url=CASE WHEN ? <> '' THEN ? ELSE url END WHERE id=?",
                (*row, article.url, article.url, article_id),
            )
            self._unindex(conn, article_id)
        else:
            cursor = conn.execute(
                "INSERT INTO articles (title, category, published, source, paragraphs, body_hash, notes, "
                "url, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, article.url, datetime.now(VN_TZ).isoformat(timespec="seconds")),
            )
            article_id = int(cursor.lastrowid or 0)
        self._index(conn, article_id, article.title, article.body)
        self._remember_addresses(conn, article, article_id)
        return article_id

    @staticmethod
    def _remember_addresses(conn: sqlite3.Connection, article: Article, article_id: int) -> None:
        """Its web address and source as addresses of ``article_id`` (``id_for_url`` finds it by either)."""
        for address in {article.url, article.source} - {""}:
            if address.startswith(("http://", "https://")):
                conn.execute("INSERT INTO article_urls (url, article_id) VALUES (?, ?) "
                             "ON CONFLICT(url) DO UPDATE SET article_id = excluded.article_id", (address, article_id))

    def _index(self, conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
        """Make an article findable by search (its text folded as queries are)."""
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", (article_id, fold(title), fold(body))
        )

    def _unindex(self, conn: sqlite3.Connection, article_id: int) -> None:
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))

    @staticmethod
    def _match(conn: sqlite3.Connection, article: Article, body_hash: str) -> int | None:
        if article.url:
            found = conn.execute(
                "SELECT id FROM articles WHERE url = ? AND url <> '' ORDER BY id LIMIT 1", (article.url,)
            ).fetchone()
            if found:
                return int(found[0])
        if article.source:
            candidates = conn.execute(
                "SELECT id, title, url, paragraphs FROM articles WHERE source = ? AND source <> '' ORDER BY id",
                (article.source,),
            ).fetchall()
            for article_id, title, url, paragraphs in candidates:
                if url and article.url and url != article.url:
                    continue  # one source that led to two pages: two articles
                if same_story(str(title), json.loads(paragraphs), article.title, article.paragraphs):
                    return int(article_id)
        candidates = conn.execute(
            "SELECT id, title, url FROM articles WHERE body_hash = ? ORDER BY id", (body_hash,)
        ).fetchall()
        for article_id, title, url in candidates:
            if same_text(str(title), str(url), article):
                return int(article_id)
        return None

    def _stored_id(self, article_id: int) -> int:
        """``article_id`` as SQLite can look it up; ``ArticleNotFound`` if it cannot name one."""
        try:
            value = int(article_id)
        except (TypeError, ValueError):
            value = 0
        if not 0 < value <= _MAX_ID:
            raise ArticleNotFound(f"No article with id {article_id} in the library {self.path}")
        return value

    def delete(self, article_id: int) -> None:
        """Remove an article; its audio goes at the next ``cache prune``."""
        article_id = self._stored_id(article_id)
        try:
            with self._transaction() as conn:
                deleted = conn.execute("DELETE FROM articles WHERE id = ?", (int(article_id),)).rowcount
                conn.execute("DELETE FROM article_urls WHERE article_id = ?", (int(article_id),))
                self._unindex(conn, int(article_id))
        except self._errors as exc:
            raise LibraryError(f"Cannot delete from the library {self.path}: {exc}") from exc
        if not deleted:
            raise ArticleNotFound(f"No article with id {article_id} in the library {self.path}")

    def id_for_url(self, url: str) -> int | None:
        """The id of the article stored from ``url``, if any (to skip known feed items): its
        address or source now, or any address it was read from before (``article_urls``)."""
        with self._lock:
            try:
                found = self._conn.execute("SELECT article_id FROM article_urls WHERE url = ?", (url,)).fetchone()
            except self._errors as exc:
                raise LibraryError(f"Cannot read the library {self.path}: {exc}") from exc
        return int(found[0]) if found else None

    def get(self, article_id: int) -> Article:
        rows = self._query(f"SELECT {_COLUMNS} FROM articles a WHERE a.id = ?", (self._stored_id(article_id),))
        if not rows:
            raise ArticleNotFound(f"No article with id {article_id} in the library {self.path}")
        return rows[0]

    def list(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Newest first: published descending (undated last), then most recently added.

        ``limit``/``offset`` page the list; ``count()`` gives the total.
        """
        return self._query(_newest_sql(_COLUMNS), (_limit(limit), _offset(offset)))

    def headlines(self, limit: int | None = None, offset: int = 0) -> list[Headline]:
        """A page of the list as ``list`` orders it, without bodies (what a list page shows)."""
        return self._headlines(_newest_sql(_HEADLINE_COLUMNS), (_limit(limit), _offset(offset)))

    def search(self, query: str, limit: int | None = 50, offset: int = 0) -> list[Article]:
        """Articles matching every word of ``query`` (prefixes, diacritics ignored), best first.

        ``limit``/``offset`` page the results; ``search_count(query)`` gives the total.
        """
        expression = fts_query(query)
        if not expression:
            return []
        return self._query(_search_sql(_COLUMNS), (fts_phrase(query), expression, _limit(limit), _offset(offset)))

    def search_headlines(self, query: str, limit: int | None = 50, offset: int = 0) -> list[Headline]:
        """A page of ``search(query)`` without bodies."""
        expression = fts_query(query)
        if not expression:
            return []
        return self._headlines(
            _search_sql(_HEADLINE_COLUMNS), (fts_phrase(query), expression, _limit(limit), _offset(offset))
        )

    def search_count(self, query: str) -> int:
        """How many articles ``search(query)`` finds in all (for paging with a total)."""
        expression = fts_query(query)
        if not expression:
            return 0
        return self._scalar("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (expression,))

    def count(self) -> int:
        return self._scalar("SELECT count(*) FROM articles", ())

    def rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of a read query (for the tables beside the articles, e.g. ``watchlist``)."""
        with self._lock:
            try:
                return list(self._conn.execute(sql, params).fetchall())
            except self._errors as exc:
                raise LibraryError(f"Cannot read the library {self.path}: {exc}") from exc

    def write(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """One write statement in its own transaction; the new row id or the rows changed."""
        try:
            with self._transaction() as conn:
                cursor = conn.execute(sql, params)
        except self._integrity_errors as exc:
            raise LibraryError(f"The library {self.path} refused the change: {exc}") from exc
        except self._errors as exc:
            raise LibraryError(f"Cannot write to the library {self.path}: {exc}") from exc
        return int(cursor.lastrowid or 0) if sql.lstrip().upper().startswith("INSERT") else cursor.rowcount

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- helpers -----------------------------------------------------------------------

    def _query(self, sql: str, params: tuple[object, ...]) -> list[Article]:
        with self._lock:
            try:
                rows = self._conn.execute(sql, params).fetchall()
            except self._errors as exc:
                raise LibraryError(f"Cannot read the library {self.path}: {exc}") from exc
        return [_article(row) for row in rows]

    def _headlines(self, sql: str, params: tuple[object, ...]) -> list[Headline]:
        return [
            # Cleaned as an Article is: rows stored before a cleaning rule still show right.
            Headline(int(i), nfc(str(title)), nfc(str(category)),
                     datetime.fromisoformat(str(published)) if published else None)
            for i, title, category, published in self.rows(sql, params)
        ]

    def _scalar(self, sql: str, params: tuple[object, ...]) -> int:
        with self._lock:
            try:
                return int(self._conn.execute(sql, params).fetchone()[0])
            except self._errors as exc:
                raise LibraryError(f"Cannot read the library {self.path}: {exc}") from exc


    def update(self, article_id: int, article: Article) -> Article:
        """Replace the stored article ``article_id`` by ``article`` (a staff edit): same id,
        every field from ``article``. ``ArticleNotFound`` if there is no such article."""
        article_id = self._stored_id(article_id)
        row = (
            article.title,
            article.category,
            article.published.isoformat() if article.published else None,
            article.source,
            article.url,
            json.dumps(list(article.paragraphs), ensure_ascii=False),
            article.body_hash,
            json.dumps(list(article.notes), ensure_ascii=False),
        )
        try:
            with self._transaction() as conn:
                changed = conn.execute(
                    "UPDATE articles SET title=?, category=?, published=?, source=?, url=?, "
                    "paragraphs=?, body_hash=?, notes=? WHERE id=?",
                    (*row, int(article_id)),
                ).rowcount
                if not changed:
                    raise ArticleNotFound(f"No article with id {article_id} in the library {self.path}")
                self._unindex(conn, int(article_id))
                self._index(conn, int(article_id), article.title, article.body)
                self._remember_addresses(conn, article, int(article_id))
        except self._errors as exc:
            raise LibraryError(f"Cannot update the article in {self.path}: {exc}") from exc
        return article.with_id(int(article_id))

    def categories(self) -> list[str]:
        """The categories articles are filed under (none empty), in alphabetical order."""
        rows = self.rows("SELECT DISTINCT category FROM articles WHERE category != '' ORDER BY category")
        return [str(category) for (category,) in rows]

    def category_headlines(self, category: str, limit: int | None = None, offset: int = 0) -> list[Headline]:
        """A page of ``headlines`` limited to one category (same order)."""
        sql = (
            f"SELECT {_HEADLINE_COLUMNS} FROM articles a WHERE a.category = ? "
            "ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?"
        )
        return self._headlines(sql, (category, _limit(limit), _offset(offset)))

    def category_count(self, category: str) -> int:
        return self._scalar("SELECT count(*) FROM articles WHERE category = ?", (category,))


def _limit(limit: int | None) -> int:
    """SQLite's LIMIT: -1 means no limit; a negative request means none at all."""
    return -1 if limit is None else max(0, int(limit))


def _offset(offset: int) -> int:
    return max(0, int(offset))


_COLUMNS = "a.id, a.title, a.category, a.published, a.source, a.url, a.paragraphs, a.notes"
_HEADLINE_COLUMNS = "a.id, a.title, a.category, a.published"


def _newest_sql(columns: str) -> str:
    # The page's ids come from the index articles_newest; only those rows are read.
    return (
        f"SELECT {columns} FROM articles a WHERE a.id IN (SELECT id FROM articles "
        "ORDER BY published IS NULL, published DESC, id DESC LIMIT ? OFFSET ?) "
        "ORDER BY a.published IS NULL, a.published DESC, a.id DESC"
    )


def _search_sql(columns: str) -> str:
    # Rank inside FTS alone (only row ids and scores are sorted), then read one page.
    # Articles holding the words as a phrase ("An Biên") come before those holding them
    # apart: the phrase matches are a subset of the AND matches, so the count and the
    # paging are those of the AND query. Parameters: phrase, all-words query, limit, offset.
    return (
        f"SELECT {columns} FROM (SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS score, "
        "rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AS phrase FROM articles_fts "
        "WHERE articles_fts MATCH ? ORDER BY phrase DESC, score, rowid DESC LIMIT ? OFFSET ?) f "
        "JOIN articles a ON a.id = f.rowid ORDER BY f.phrase DESC, f.score, a.id DESC"
    )


def _article(row: tuple[object, ...]) -> Article:
    article_id, title, category, published, source, url, paragraphs, notes = row
    return Article(
        title=str(title),
        paragraphs=tuple(json.loads(str(paragraphs))),
        category=str(category),
        published=datetime.fromisoformat(str(published)) if published else None,
        source=str(source),
        url=str(url),
        notes=tuple(json.loads(str(notes))),
        id=int(article_id),  # type: ignore[arg-type]
    )
