"""SQLite's statements run on PostgreSQL: the few things the two dialects write differently.

The library writes its SQL once, for SQLite. On PostgreSQL a statement is translated:
``?`` placeholders become ``%s`` (and a literal ``%`` is doubled for psycopg), SQLite's
``LIMIT -1`` ("no limit") becomes ``LIMIT NULL``, and an ``INSERT`` returns the new
row's key so ``lastrowid`` means the same on both. ``Statements`` wraps a psycopg
connection with the small part of ``sqlite3.Connection`` the library uses.
"""

from __future__ import annotations

import re
from functools import lru_cache

import psycopg

# The integer key an INSERT returns as ``lastrowid``, per table (the search table is
# keyed like FTS5's rowid); an INSERT into another table returns nothing.
_KEYS = {"articles": "id", "watched": "id", "articles_fts": "rowid"}
_INSERT = re.compile(r"\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """One statement written for SQLite, as psycopg expects it for PostgreSQL."""
    out = sql.replace("%", "%%").replace("?", "%s")
    out = re.sub(r"\bLIMIT %s", "LIMIT NULLIF(%s, -1)", out, flags=re.IGNORECASE)
    key = _returned_key(sql)
    if key:
        out += f" RETURNING {key}"
    return out


def _returned_key(sql: str) -> str | None:
    insert = _INSERT.match(sql)
    if insert is None or " RETURNING " in sql.upper():
        return None
    return _KEYS.get(insert.group(1).lower())


class Result:
    """A statement's outcome, read in full before its connection goes back to the pool."""

    def __init__(self, cursor: psycopg.Cursor, returns_key: bool) -> None:
        self._rows = cursor.fetchall() if cursor.description is not None else []
        self.rowcount = cursor.rowcount
        self.lastrowid = int(self._rows[0][0]) if returns_key and self._rows else None

    def fetchone(self) -> tuple[object, ...] | None:
        return tuple(self._rows[0]) if self._rows else None

    def fetchall(self) -> list[tuple[object, ...]]:
        return [tuple(row) for row in self._rows]


class Statements:
    """The ``execute(sql, params)`` the library and its backfills call, on PostgreSQL."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple[object, ...] | list[object] = ()) -> Result:
        translated = translate(sql)
        cursor = self.conn.execute(translated, tuple(params))  # type: ignore[arg-type]
        return Result(cursor, returns_key=_returned_key(sql) is not None)
