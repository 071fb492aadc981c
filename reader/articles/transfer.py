"""Moving a library between backends: ``db copy --from sqlite:///… --to postgresql://…``.

Every article and watched source is copied with its id (links to ``bai-viet?id=N``
keep working), with every address an article was read from and the item pages that
failed (their count of attempts goes on), the search index is rebuilt from the copied text, and new ids continue
after the largest. The target must be empty, so a copy run twice never doubles a
library; the whole copy is one transaction on the target.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from reader.articles.library import Library
from reader.errors import LibraryError

ARTICLE_COLUMNS = ("id", "title", "category", "published", "source", "url", "paragraphs", "added_at",
                   "body_hash", "notes")
WATCHED_COLUMNS = ("id", "kind", "url", "pattern", "title", "etag", "last_modified", "added_at", "checked_at",
                   "last_error")
ADDRESS_COLUMNS = ("url", "article_id")
FAILED_COLUMNS = ("url", "attempts", "last_error", "last_at")
BATCH = 500


@dataclass(frozen=True)
class CopyReport:
    articles: int
    watched: int


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _batches(source: Library, table: str, columns: tuple[str, ...]):
    """The rows of ``table`` by id, a batch at a time (a large library never sits in memory)."""
    last = 0
    while True:
        rows = source.rows(
            f"SELECT {', '.join(columns)} FROM {table} WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH)
        )
        if not rows:
            return
        yield rows
        last = int(rows[-1][0])  # type: ignore[arg-type]


def _by_url(source: Library, table: str, columns: tuple[str, ...]):
    """The rows of a table keyed by ``url`` (``article_urls``, ``failed_items``), a batch at a time."""
    last = ""
    while True:
        rows = source.rows(f"SELECT {', '.join(columns)} FROM {table} WHERE url > ? ORDER BY url LIMIT ?", (last, BATCH))
        if not rows:
            return
        yield rows
        last = str(rows[-1][0])


def copy_library(source: Library, target: Library) -> CopyReport:
    """Copy everything from ``source`` into the empty ``target``; returns what was copied."""
    if target.count() or target.rows("SELECT count(*) FROM watched")[0][0]:
        raise LibraryError(
            f"The target library {target.path} is not empty; copy only into a new database "
            "(articles would otherwise be doubled or their ids clash)"
        )
    articles = watched = 0
    try:
        with target._transaction() as conn:
            for rows in _batches(source, "articles", ARTICLE_COLUMNS):
                for row in rows:
                    conn.execute(_insert("articles", ARTICLE_COLUMNS), row)
                    title, paragraphs = str(row[1]), json.loads(str(row[6]))
                    target._index(conn, int(row[0]), title, "\n".join(paragraphs))  # type: ignore[arg-type]
                articles += len(rows)
            for rows in _batches(source, "watched", WATCHED_COLUMNS):
                for row in rows:
                    conn.execute(_insert("watched", WATCHED_COLUMNS), row)
                watched += len(rows)
            for table, columns in (("article_urls", ADDRESS_COLUMNS), ("failed_items", FAILED_COLUMNS)):
                for rows in _by_url(source, table, columns):
                    for row in rows:
                        conn.execute(_insert(table, columns), row)
            restart = getattr(target, "restart_ids", None)
            if restart is not None:
                restart(conn)
    except target._errors as exc:
        raise LibraryError(f"Cannot copy into {target.path} (nothing was copied): {exc}") from exc
    return CopyReport(articles, watched)
