"""The article library: one SQLite file with full-text search that ignores diacritics.

SQLite because it is embedded, needs no server, and is safe across the several
processes Streamlit and the staff command line run at once (WAL + busy timeout).
FTS5's ``remove_diacritics 2`` makes "an bien" find "An Biên", but it leaves "đ"
alone, so both the indexed text and the query are folded (đ -> d) here.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import unicodedata
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Iterator

from reader.articles.model import VN_TZ, Article
from reader.config import Settings
from reader.errors import ArticleNotFound, LibraryError

BUSY_TIMEOUT_SECONDS = 30.0
MAX_QUERY_TERMS = 32

#: Schema migrations; ``PRAGMA user_version`` is the number applied so far.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            published TEXT,
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            paragraphs TEXT NOT NULL,
            added_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_url ON articles(url) WHERE url <> ''",
        "CREATE INDEX articles_source_title ON articles(source, title)",
        "CREATE INDEX articles_published ON articles(published)",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, tokenize="unicode61 remove_diacritics 2"
        )""",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)

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


class Library:
    """Articles in one SQLite file; one connection guarded by a lock, shareable by threads."""

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
        except sqlite3.Error as exc:
            raise LibraryError(f"Cannot open the library {self.path}: {exc}") from exc
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def open(cls, settings: Settings) -> "Library":
        return cls(settings.library_path)

    # -- setup -------------------------------------------------------------------------

    def _prepare(self) -> None:
        conn = self._conn
        try:
            # Read before anything writes: a file that is not SQLite fails here, untouched.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
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
        except sqlite3.Error as exc:
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
                for statement in MIGRATIONS[number]:
                    conn.execute(statement)
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
        """Store an article; the same URL (or, without one, source + title) updates in place."""
        row = (
            article.title,
            article.category,
            article.published.isoformat() if article.published else None,
            article.source,
            article.url,
            json.dumps(list(article.paragraphs), ensure_ascii=False),
        )
        try:
            with self._transaction() as conn:
                if article.url:
                    found = conn.execute(
                        "SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", (article.url,)
                    ).fetchone()
                else:
                    found = conn.execute(
                        "SELECT id FROM articles WHERE url = '' AND source = ? AND title = ? "
                        "ORDER BY id LIMIT 1",
                        (article.source, article.title),
                    ).fetchone()
                if found:
                    article_id = found[0]
                    conn.execute(
                        "UPDATE articles SET title=?, category=?, published=?, source=?, url=?, "
                        "paragraphs=? WHERE id=?",
                        (*row, article_id),
                    )
                    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
                else:
                    cursor = conn.execute(
                        "INSERT INTO articles (title, category, published, source, url, paragraphs, "
                        "added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (*row, datetime.now(VN_TZ).isoformat(timespec="seconds")),
                    )
                    article_id = cursor.lastrowid
                conn.execute(
                    "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                    (article_id, fold(article.title), fold(article.body)),
                )
        except sqlite3.Error as exc:
            raise LibraryError(f"Cannot store the article in {self.path}: {exc}") from exc
        return article.with_id(article_id)

    def get(self, article_id: int) -> Article:
        rows = self._query(f"SELECT {_COLUMNS} FROM articles a WHERE a.id = ?", (int(article_id),))
        if not rows:
            raise ArticleNotFound(f"No article with id {article_id} in the library {self.path}")
        return rows[0]

    def list(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Newest first: published descending (undated last), then most recently added.

        ``limit``/``offset`` page the list; ``count()`` gives the total.
        """
        sql = f"SELECT {_COLUMNS} FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.id DESC"
        return self._query(sql + " LIMIT ? OFFSET ?", (_limit(limit), _offset(offset)))

    def search(self, query: str, limit: int | None = 50, offset: int = 0) -> list[Article]:
        """Articles matching every word of ``query`` (prefixes, diacritics ignored), best first.

        ``limit``/``offset`` page the results; ``search_count(query)`` gives the total.
        """
        expression = fts_query(query)
        if not expression:
            return []
        sql = (
            f"SELECT {_COLUMNS} FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), a.id DESC LIMIT ? OFFSET ?"
        )
        return self._query(sql, (expression, _limit(limit), _offset(offset)))

    def search_count(self, query: str) -> int:
        """How many articles ``search(query)`` finds in all (for paging with a total)."""
        expression = fts_query(query)
        if not expression:
            return 0
        return self._scalar("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (expression,))

    def count(self) -> int:
        return self._scalar("SELECT count(*) FROM articles", ())

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
            except sqlite3.Error as exc:
                raise LibraryError(f"Cannot read the library {self.path}: {exc}") from exc
        return [_article(row) for row in rows]

    def _scalar(self, sql: str, params: tuple[object, ...]) -> int:
        with self._lock:
            try:
                return int(self._conn.execute(sql, params).fetchone()[0])
            except sqlite3.Error as exc:
                raise LibraryError(f"Cannot read the library {self.path}: {exc}") from exc


    def update(self, article_id: int, article: Article) -> Article:
        """Replace the stored article ``article_id`` by ``article`` (a staff edit): same id,
        every field from ``article``. ``ArticleNotFound`` if there is no such article."""
        row = (
            article.title,
            article.category,
            article.published.isoformat() if article.published else None,
            article.source,
            article.url,
            json.dumps(list(article.paragraphs), ensure_ascii=False),
        )
        try:
            with self._transaction() as conn:
                changed = conn.execute(
                    "UPDATE articles SET title=?, category=?, published=?, source=?, url=?, "
                    "paragraphs=? WHERE id=?",
                    (*row, int(article_id)),
                ).rowcount
                if not changed:
                    raise ArticleNotFound(f"No article with id {article_id} in the library {self.path}")
                conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (int(article_id),))
                conn.execute(
                    "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                    (int(article_id), fold(article.title), fold(article.body)),
                )
        except sqlite3.Error as exc:
            raise LibraryError(f"Cannot update the article in {self.path}: {exc}") from exc
        return article.with_id(int(article_id))


def _limit(limit: int | None) -> int:
    """SQLite's LIMIT: -1 means no limit; a negative request means none at all."""
    return -1 if limit is None else max(0, int(limit))


def _offset(offset: int) -> int:
    return max(0, int(offset))


_COLUMNS = "a.id, a.title, a.category, a.published, a.source, a.url, a.paragraphs"


def _article(row: tuple[object, ...]) -> Article:
    article_id, title, category, published, source, url, paragraphs = row
    return Article(
        title=str(title),
        paragraphs=tuple(json.loads(str(paragraphs))),
        category=str(category),
        published=datetime.fromisoformat(str(published)) if published else None,
        source=str(source),
        url=str(url),
        id=int(article_id),  # type: ignore[arg-type]
    )
