"""The library's schema: numbered migrations, applied in order on open.

``PRAGMA user_version`` holds how many have been applied. A step is SQL or a function
of the connection (a backfill), and a whole migration runs in one transaction, so an
existing library moves to the new schema without losing a row, or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Callable, Union

from reader.articles.model import text_hash

Step = Union[str, Callable[[sqlite3.Connection], None]]


def _backfill_body_hash(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, paragraphs FROM articles").fetchall()
    for article_id, paragraphs in rows:
        body = "\n".join(json.loads(paragraphs))
        conn.execute("UPDATE articles SET body_hash = ? WHERE id = ?", (text_hash(body), article_id))


#: Schema migrations; ``PRAGMA user_version`` is the number applied so far. A step is
#: SQL or a function of the connection (a backfill), run in the migration's transaction.
MIGRATIONS: list[tuple[Step, ...]] = [
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
    (
        # Identity by body text, and the notes kept apart from what is read aloud.
        "ALTER TABLE articles ADD COLUMN body_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'",
        _backfill_body_hash,
        "DROP INDEX articles_source_title",
        "CREATE INDEX articles_source ON articles(source) WHERE source <> ''",
        "CREATE INDEX articles_body_hash ON articles(body_hash)",
    ),
    (
        # Feeds and portal pages checked for new articles (``watchlist.py``).
        """CREATE TABLE watched (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
            url TEXT NOT NULL UNIQUE,
            pattern TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            etag TEXT NOT NULL DEFAULT '',
            last_modified TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            checked_at TEXT,
            last_error TEXT NOT NULL DEFAULT ''
        )""",
        # Item pages that failed: tried again at each check, given up after a few tries.
        """CREATE TABLE failed_items (
            url TEXT PRIMARY KEY,
            attempts INTEGER NOT NULL,
            last_error TEXT NOT NULL,
            last_at TEXT NOT NULL
        )""",
    ),
    (
        # A page of the list, newest first, read from an index instead of sorting everything.
        "CREATE INDEX articles_newest ON articles((published IS NULL), published DESC, id DESC)",
    ),
    # PostgreSQL's search learns to rank as FTS5 does (``pg_schema.py``); FTS5 already does.
    (),
    (
        # Every address an article was read from (its url and web source): one story at two
        # addresses of a portal (two categories, a moved page) is known at both, and
        # neither is fetched again.
        "CREATE TABLE article_urls (url TEXT PRIMARY KEY, article_id INTEGER NOT NULL)",
        "CREATE INDEX article_urls_article ON article_urls(article_id)",
        "INSERT OR IGNORE INTO article_urls (url, article_id) SELECT url, id FROM articles WHERE url <> '' ORDER BY id",
        "INSERT OR IGNORE INTO article_urls (url, article_id) SELECT source, id FROM articles "
        "WHERE source LIKE 'http://%' OR source LIKE 'https://%' ORDER BY id",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)
