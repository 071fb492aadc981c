"""Which library a URL names: the embedded SQLite file, or PostgreSQL for a province.

``READER_DATABASE_URL`` empty is the SQLite file in ``READER_DATA_DIR``;
``sqlite:///relative/path`` or ``sqlite:////absolute/path`` another SQLite file;
``postgresql://user:password@host:5432/name`` (or ``postgres://``) PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

from reader.articles.library import Library
from reader.config import Settings
from reader.errors import ConfigError

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def sqlite_path(url: str) -> Path:
    """``sqlite:///data/x.sqlite3`` -> ``data/x.sqlite3``; ``sqlite:////srv/x`` -> ``/srv/x``."""
    rest = url[len("sqlite:///"):]
    if not url.startswith("sqlite:///") or not rest:
        raise ConfigError(f"{url!r} is not a SQLite URL: write sqlite:///relative/path or sqlite:////absolute/path")
    return Path(rest)


def open_url(url: str, settings: Settings) -> Library:
    """Open the library at ``url`` (empty: the settings' SQLite file), migrated to this schema."""
    url = url.strip()
    if not url:
        return Library(settings.library_path)
    if url.startswith("sqlite:"):
        return Library(sqlite_path(url))
    if url.startswith(POSTGRES_SCHEMES):
        from reader.articles.postgres import PostgresLibrary

        return PostgresLibrary(
            url, settings.database_pool_size, settings.database_connect_timeout, settings.search_rank_limit
        )
    raise ConfigError(
        f"READER_DATABASE_URL must start with postgresql:// or sqlite:///, not {url.split(':')[0]!r}"
    )
