"""Settings, read once from the environment (``READER_*``), each with an explicit default.

Every timeout, size cap, retry count and pause is named here so that an operator
can see and change it without reading the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Mapping

from reader.errors import ConfigError

GOOGLE_BATCHEXECUTE_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
ENGINES = ("auto", "gtts", "espeak")


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    cache_dir: Path = Path("audio_cache")
    engine: str = "auto"

    # Google (gTTS)
    gtts_url: str = GOOGLE_BATCHEXECUTE_URL
    gtts_lang: str = "vi"
    gtts_connect_timeout: float = 3.0
    gtts_read_timeout: float = 10.0
    gtts_retries: int = 2
    gtts_backoff: float = 0.5
    # How long "Google is unreachable" is remembered before trying it again.
    offline_memory_seconds: float = 300.0

    # espeak-ng
    espeak_binary: str = "espeak-ng"
    espeak_voice: str = "vi"
    espeak_words_per_minute: int = 150
    espeak_timeout: float = 30.0

    # Script and assembly
    max_chunk_chars: int = 100
    thousand_word: str = "nghìn"
    # Apply the staff's pronunciation fixes in data_dir/lexicon.txt.
    staff_lexicon: bool = True
    sentence_pause_ms: int = 350
    paragraph_pause_ms: int = 750
    mp3_bitrate: str = "64k"
    # `cache prune` keeps the audio cache under this size, oldest article audio first.
    cache_max_bytes: int = 2 * 1024**3
    # Temporary files older than this are leftovers of a crash (`cache verify` removes them).
    cache_stale_temp_seconds: float = 3600.0

    # Fetching
    fetch_connect_timeout: float = 5.0
    fetch_read_timeout: float = 15.0
    # The whole download, redirects included, so a server trickling bytes cannot hold us.
    fetch_total_timeout: float = 45.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    fetch_max_redirects: int = 5
    import_max_file_bytes: int = 5 * 1024 * 1024
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)

    # Feeds and portal category pages (refresh, watch)
    # Politeness: one request at a time per host, this many seconds apart.
    fetch_delay_s: float = 1.0
    # New articles imported from one feed or page per refresh (the rest come next time).
    refresh_max_new_items: int = 30

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Build settings from ``READER_<FIELD>`` variables; unknown values raise ``ConfigError``."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get("READER_" + f.name.upper())
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, f.type, raw)
        settings = cls(**values)
        if settings.engine not in ENGINES:
            raise ConfigError(
                f"READER_ENGINE={settings.engine!r} is not one of {', '.join(ENGINES)}"
            )
        if not 20 <= settings.max_chunk_chars <= 100:
            raise ConfigError("READER_MAX_CHUNK_CHARS must be between 20 and 100 (Google's limit)")
        if settings.thousand_word not in ("nghìn", "ngàn"):
            raise ConfigError("READER_THOUSAND_WORD must be 'nghìn' or 'ngàn'")
        return settings

    def with_(self, **changes: object) -> "Settings":
        return replace(self, **changes)

    @property
    def library_path(self) -> Path:
        return self.data_dir / "library.sqlite3"


def _parse(name: str, type_name: object, raw: str) -> object:
    kind = str(type_name)
    try:
        if kind == "bool":
            if raw.strip().lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(raw)
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "float":
            value = float(raw)
        elif kind == "int":
            value = int(raw)
        elif kind.startswith("tuple"):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        else:
            return raw.strip()
    except ValueError:
        raise ConfigError(f"READER_{name.upper()}={raw!r} is not a valid {kind}") from None
    if value < 0:
        raise ConfigError(f"READER_{name.upper()}={raw!r} must not be negative")
    return value


def load() -> Settings:
    """The settings of this process, from its environment."""
    return Settings.from_env()
