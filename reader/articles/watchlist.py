"""The feeds and portal pages the reader checks for new articles, kept in the library.

Each remembers what the server said last time (ETag, Last-Modified) so the next check
is a conditional GET, when it was checked and the last error, so staff see at once
which source is failing and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.articles.library import Library
from reader.articles.model import VN_TZ
from reader.errors import SourceError

KINDS = ("feed", "page")
_COLUMNS = "id, kind, url, pattern, title, etag, last_modified, added_at, checked_at, last_error"


@dataclass(frozen=True)
class Watched:
    id: int
    kind: str  # "feed" (RSS/Atom) or "page" (a category or home page)
    url: str
    pattern: str = ""
    title: str = ""
    etag: str = ""
    last_modified: str = ""
    added_at: str = ""
    checked_at: str | None = None
    last_error: str = ""

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "kind": self.kind, "url": self.url, "pattern": self.pattern, "title": self.title,
            "added_at": self.added_at, "checked_at": self.checked_at, "last_error": self.last_error,
        }


def _now() -> str:
    return datetime.now(VN_TZ).isoformat(timespec="seconds")


def _watched(row: tuple[object, ...]) -> Watched:
    id_, kind, url, pattern, title, etag, modified, added, checked, error = row
    return Watched(
        int(id_), str(kind), str(url), str(pattern), str(title), str(etag), str(modified), str(added),
        str(checked) if checked else None, str(error),
    )


def add_watched(library: Library, kind: str, url: str, pattern: str = "", title: str = "") -> Watched:
    """Remember a feed or page; the same URL again updates its pattern and title."""
    if kind not in KINDS:
        raise SourceError(f"Unknown kind of source {kind!r}")
    existing = find_watched(library, url)
    if existing is not None:
        if existing.kind != kind:
            raise SourceError(f"{url} is already watched as a {existing.kind}; remove it first")
        library.write(
            "UPDATE watched SET pattern = ?, title = CASE WHEN ? <> '' THEN ? ELSE title END WHERE id = ?",
            (pattern, title, title, existing.id),
        )
        return get_watched(library, existing.id)
    new_id = library.write(
        "INSERT INTO watched (kind, url, pattern, title, added_at) VALUES (?, ?, ?, ?, ?)",
        (kind, url, pattern, title, _now()),
    )
    return get_watched(library, new_id)


def get_watched(library: Library, watched_id: int) -> Watched:
    rows = library.rows(f"SELECT {_COLUMNS} FROM watched WHERE id = ?", (int(watched_id),))
    if not rows:
        raise SourceError(f"No feed or page with id {watched_id} is watched")
    return _watched(rows[0])


def find_watched(library: Library, url: str) -> Watched | None:
    rows = library.rows(f"SELECT {_COLUMNS} FROM watched WHERE url = ?", (url,))
    return _watched(rows[0]) if rows else None


def list_watched(library: Library, kind: str | None = None) -> list[Watched]:
    if kind is None:
        return [_watched(r) for r in library.rows(f"SELECT {_COLUMNS} FROM watched ORDER BY id")]
    return [_watched(r) for r in library.rows(f"SELECT {_COLUMNS} FROM watched WHERE kind = ? ORDER BY id", (kind,))]


def remove_watched(library: Library, id_or_url: str, kind: str) -> Watched:
    """Forget a feed or page by its id or URL (its articles stay in the library)."""
    found = get_watched(library, int(id_or_url)) if id_or_url.isascii() and id_or_url.isdigit() else find_watched(library, id_or_url)
    if found is None or found.kind != kind:
        raise SourceError(f"No {kind} {id_or_url!r} is watched (see the list command)")
    library.write("DELETE FROM watched WHERE id = ?", (found.id,))
    return found


def record_check(
    library: Library, watched: Watched, error: str = "", etag: str | None = None, last_modified: str | None = None,
    title: str = "",
) -> None:
    """After a check: when, what went wrong (or nothing), and the server's validators."""
    library.write(
        "UPDATE watched SET checked_at = ?, last_error = ?, etag = ?, last_modified = ?, "
        "title = CASE WHEN ? <> '' THEN ? ELSE title END WHERE id = ?",
        (
            _now(), error,
            watched.etag if etag is None else etag,
            watched.last_modified if last_modified is None else last_modified,
            title, title, watched.id,
        ),
    )


def record_item_failure(library: Library, url: str, error: str) -> int:
    """One more failed attempt at an item's page; returns the attempts so far."""
    library.write(
        "INSERT INTO failed_items (url, attempts, last_error, last_at) VALUES (?, 1, ?, ?) "
        "ON CONFLICT(url) DO UPDATE SET attempts = failed_items.attempts + 1, last_error = excluded.last_error, "
        "last_at = excluded.last_at",
        (url, error, _now()),
    )
    rows = library.rows("SELECT attempts FROM failed_items WHERE url = ?", (url,))
    return int(rows[0][0]) if rows else 1  # type: ignore[arg-type]


def given_up(library: Library, urls: list[str], max_attempts: int) -> set[str]:
    """The item pages among ``urls`` that failed ``max_attempts`` times: no longer fetched."""
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found |= {
            str(row[0]) for row in library.rows(
                f"SELECT url FROM failed_items WHERE attempts >= ? AND url IN ({marks})", (max_attempts, *chunk)
            )
        }
    return found


def clear_item_failure(library: Library, url: str) -> None:
    library.write("DELETE FROM failed_items WHERE url = ?", (url,))
