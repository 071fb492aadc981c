"""The article library on PostgreSQL, for a province running several app instances.

``PostgresLibrary`` is ``Library`` with another backend: the matching, storing and
paging logic is the same code, and only what differs is here: statements written with
SQLite's ``?`` placeholders are translated (``dialect.py``), connections come from a
pool, writers serialize on an advisory lock (as SQLite's ``BEGIN IMMEDIATE`` does),
the schema version is a row of ``reader_schema``, and search keeps each article's
tokens as FTS5 makes them, so that it finds and orders what SQLite would
(``pg_search.py``).
"""

from __future__ import annotations

import atexit
import threading
from collections import Counter
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg_pool import ConnectionPool

from reader.articles import pg_search
from reader.articles.dialect import Statements
from reader.articles.library import _COLUMNS, _HEADLINE_COLUMNS, Library
from reader.articles.model import Article, Headline
from reader.articles.pg_schema import POSTGRES_MIGRATIONS
from reader.articles.ranking import words
from reader.articles.schema import SCHEMA_VERSION
from reader.errors import LibraryError

# Advisory lock keys (any two constants of this application).
WRITE_LOCK = 0x52454144  # "READ"
MIGRATION_LOCK = 0x52454145


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class _Writes(Statements):
    """A write transaction's statements; what it changed in the search vocabulary and
    totals is written once, when it ends (one row updated per word, not per article)."""

    def __init__(self, conn: psycopg.Connection) -> None:
        super().__init__(conn)
        self.articles = 0
        self.tokens = 0
        self.vocab: Counter[str] = Counter()

    def count(self, distinct: Iterable[str], tokens: int, sign: int) -> None:
        self.articles += sign
        self.tokens += sign * tokens
        for word in distinct:
            self.vocab[word] += sign

    def apply(self) -> None:
        if self.articles or self.tokens:
            self.conn.execute("UPDATE articles_fts_totals SET articles = articles + %s, tokens = tokens + %s",
                              (self.articles, self.tokens))
        changed = {word: n for word, n in self.vocab.items() if n}
        if changed:
            self.conn.execute(
                "INSERT INTO articles_fts_vocab AS v (word, articles) SELECT * FROM unnest(%s::text[], %s::bigint[]) "
                "ON CONFLICT (word) DO UPDATE SET articles = v.articles + excluded.articles",
                (list(changed), list(changed.values())),
            )
            self.conn.execute("DELETE FROM articles_fts_vocab WHERE word = ANY(%s) AND articles <= 0",
                              ([w for w, n in changed.items() if n < 0],))


def _in_order(ids: list[int], found: list) -> list:  # noqa: ANN001 - Articles or Headlines
    by_id = {item.id: item for item in found}
    return [by_id[i] for i in ids if i in by_id]


class _Unlocked:
    """Reads need no lock here: each borrows its own connection from the pool."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


class _Pooled:
    """``execute`` on a connection borrowed from the pool for one statement (autocommit)."""

    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool

    def execute(self, sql: str, params: tuple[object, ...] = ()):  # noqa: ANN201 - a Result
        with self.pool.connection() as conn:
            return Statements(conn).execute(sql, params)

    def close(self) -> None:
        self.pool.close()


_pools: dict[str, ConnectionPool] = {}
_pools_lock = threading.Lock()


def _plan_each_time(conn: psycopg.Connection) -> None:
    """Plan every statement for its own values, also once psycopg has prepared it: a
    search for a word in every article and one for a rare word need opposite plans
    (walk the newest first, or ask the word index), and a generic plan fits one only."""
    conn.execute("SET plan_cache_mode = force_custom_plan")


def _shared_pool(
    url: str, size: int, timeout: float, prepare: Callable[[ConnectionPool], None]
) -> ConnectionPool:
    """One pool per database and process, opened and ``prepare``d (schema checked) once:
    the app opens the library on every page run, which must not cost a connection each time."""
    with _pools_lock:
        pool = _pools.get(url)
        if pool is not None:
            return pool
        pool = ConnectionPool(
            url, min_size=1, max_size=max(1, size), timeout=timeout, open=False,
            kwargs={"autocommit": True, "connect_timeout": max(1, int(timeout))},
            check=ConnectionPool.check_connection, name="reader-library", configure=_plan_each_time,
        )
        try:
            pool.open(wait=True, timeout=timeout)
        except psycopg.Error as exc:
            pool.close()
            raise LibraryError(
                f"Cannot connect to the library database {redacted(url)}: {exc} — is PostgreSQL running "
                "and READER_DATABASE_URL right?"
            ) from exc
        try:
            prepare(pool)
        except BaseException:
            pool.close()
            raise
        _pools[url] = pool
        return pool


def _forget_pool(url: str) -> None:
    with _pools_lock:
        pool = _pools.pop(url, None)
    if pool is not None:
        pool.close()


def close_pools() -> None:
    """Close every pool of this process (at exit, and in tests before a database is dropped)."""
    for url in list(_pools):
        _forget_pool(url)


atexit.register(close_pools)


class PostgresLibrary(Library):
    """The library in a PostgreSQL database, shared by every process and machine."""

    _errors = (psycopg.Error,)
    _integrity_errors = (psycopg.IntegrityError,)

    def __init__(self, url: str, pool_size: int = 10, connect_timeout: float = 10.0,
                 search_rank_limit: int = 1000) -> None:
        self.url = url
        self.search_rank_limit = max(1, int(search_rank_limit))
        self.path = redacted(url)  # type: ignore[assignment]  # what messages name
        self._lock = _Unlocked()  # type: ignore[assignment]
        if len(POSTGRES_MIGRATIONS) != SCHEMA_VERSION:
            raise LibraryError(
                f"The PostgreSQL schema has {len(POSTGRES_MIGRATIONS)} migrations but the library "
                f"{SCHEMA_VERSION}: add the missing ones to reader/articles/pg_schema.py"
            )
        self._pool = _shared_pool(url, pool_size, connect_timeout, self._prepare_pool)
        self._conn = _Pooled(self._pool)  # type: ignore[assignment]

    def _prepare_pool(self, pool: ConnectionPool) -> None:
        self._pool = pool
        self._prepare()

    # -- setup -------------------------------------------------------------------------

    def _prepare(self) -> None:
        try:
            if self._version() < SCHEMA_VERSION:
                self._migrate()
            else:
                self._check_version(self._version())
        except psycopg.Error as exc:
            raise LibraryError(f"Cannot prepare the library {self.path}: {exc}") from exc

    def _version(self) -> int:
        with self._pool.connection() as conn:
            if conn.execute("SELECT to_regclass('reader_schema')").fetchone()[0] is None:
                return 0
            row = conn.execute("SELECT version FROM reader_schema").fetchone()
            return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self._pool.connection() as conn, conn.transaction():
            # One migrator at a time; another process may have finished while we waited.
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute("CREATE TABLE IF NOT EXISTS reader_schema (version integer NOT NULL)")
            row = conn.execute("SELECT version FROM reader_schema").fetchone()
            if row is None:
                conn.execute("INSERT INTO reader_schema (version) VALUES (0)")
            version = int(row[0]) if row else 0
            self._check_version(version)
            statements = Statements(conn)
            for number in range(version, SCHEMA_VERSION):
                for step in POSTGRES_MIGRATIONS[number]:
                    if callable(step):
                        step(statements)  # type: ignore[arg-type]
                    else:
                        conn.execute(step)  # type: ignore[call-overload]
                conn.execute("UPDATE reader_schema SET version = %s", (number + 1,))

    @contextmanager
    def _transaction(self) -> Iterator[Statements]:  # type: ignore[override]
        """Writers serialize on an advisory lock, so two adding the same URL never race;
        the search vocabulary and totals change once at the end (a bulk copy included)."""
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            writes = _Writes(conn)
            yield writes
            writes.apply()

    def _index(self, conn: Statements, article_id: int, title: str, body: str) -> None:  # type: ignore[override]
        in_title, in_body = words(title), words(body)
        conn.execute(
            "INSERT INTO articles_fts (rowid, title_words, body_words, tokens) VALUES (?, ?, ?, ?)",
            (article_id, " ".join(in_title), " ".join(in_body), len(in_title) + len(in_body)),
        )
        distinct = sorted(set(in_title) | set(in_body))
        conn.execute("INSERT INTO articles_fts_match (rowid, doc) VALUES (?, array_to_tsvector(?::text[]))",
                     (article_id, distinct))
        if isinstance(conn, _Writes):
            conn.count(distinct, len(in_title) + len(in_body), 1)

    def _unindex(self, conn: Statements, article_id: int) -> None:  # type: ignore[override]
        removed = conn.execute(
            "DELETE FROM articles_fts WHERE rowid = ? RETURNING title_words, body_words, tokens", (article_id,)
        ).fetchall()
        conn.execute("DELETE FROM articles_fts_match WHERE rowid = ?", (article_id,))
        if isinstance(conn, _Writes):
            for title_words, body_words, tokens in removed:
                distinct = set(str(title_words).split()) | set(str(body_words).split())
                conn.count(distinct, int(tokens), -1)  # type: ignore[call-overload]

    # -- what differs from SQLite ---------------------------------------------------------

    def search(self, query: str, limit: int | None = 50, offset: int = 0) -> list[Article]:
        """As ``Library.search``, in the same order (``pg_search.py``)."""
        ids = self._ranked(query, limit, offset)
        return _in_order(ids, self._query(f"SELECT {_COLUMNS} FROM articles a WHERE a.id = ANY(?)", (ids,)))

    def search_headlines(self, query: str, limit: int | None = 50, offset: int = 0) -> list[Headline]:
        ids = self._ranked(query, limit, offset)
        return _in_order(ids, self._headlines(f"SELECT {_HEADLINE_COLUMNS} FROM articles a WHERE a.id = ANY(?)",
                                              (ids,)))

    def search_count(self, query: str) -> int:
        found = pg_search.terms(query)
        return self._scalar(pg_search.COUNT, (found.tsquery,)) if found else 0

    def _ranked(self, query: str, limit: int | None, offset: int) -> list[int]:
        found = pg_search.terms(query)
        if found is None or (limit is not None and limit <= 0):
            return []
        try:
            with self._pool.connection() as conn, conn.transaction():
                # One snapshot: the totals, the counts and the candidates agree.
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return pg_search.ranked_ids(Statements(conn), found, limit, max(0, int(offset)),
                                            self.search_rank_limit)
        except self._errors as exc:
            raise LibraryError(f"Cannot search the library {self.path}: {exc}") from exc

    def restart_ids(self, conn: Statements) -> None:
        """After rows were copied in with their ids: new rows continue after the largest."""
        for table in ("articles", "watched"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )

    def close(self) -> None:
        """The pool stays open for the next ``Library.open`` of this process."""
