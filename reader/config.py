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
# Settings measured in decibels below a reference: negative values are their normal range.
SIGNED_FIELDS = frozenset({"loudness_target_lufs", "loudness_peak_dbfs"})


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
    # Requests to Google in flight at once for the whole process: the limit starts at
    # the initial value, grows while answers are clean, halves on a 429, never passes the max.
    gtts_max_concurrency: int = 8
    gtts_initial_concurrency: int = 5
    # Chunks one request may carry (Google's batchexecute takes several RPCs a request);
    # asks are batched only while the requests in flight are at the limit. 1: one a request, as gTTS.
    gtts_batch_size: int = 3
    # Connect + first byte of the answer: a Google that accepts and says nothing is
    # found out this fast (the read timeout above only applies once the answer flows).
    gtts_first_byte_timeout: float = 3.0
    # Retries of a chunk refused with 429 (apart from gtts_retries for errors and timeouts).
    gtts_throttle_retries: int = 5
    # The longest pause taken for one Retry-After (or one backoff).
    gtts_max_pause: float = 30.0
    # While Google is marked offline, how often a background probe asks it again.
    gtts_probe_interval: float = 10.0
    # How long to wait for another process making the same clip before making it too.
    clip_lock_timeout: float = 60.0
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
    # Article MP3s: mono at the clips' 24 kHz; Google's own clips are 32 kb/s, so more is waste.
    mp3_bitrate: str = "48k"
    # LAME's algorithm quality, 0 (best, slowest) to 9 (fastest): 5 is LAME's own default
    # and a third faster than ffmpeg's default for speech that sounds the same. Stored
    # articles are not made again when it changes.
    mp3_quality: int = 5
    # EBU R128 loudness every article is brought to, and the peak level a limiter keeps it under.
    loudness_target_lufs: float = -16.0
    loudness_peak_dbfs: float = -1.5
    # How many times the gain is measured again through the peak limiter and corrected.
    loudness_corrections: int = 1
    # The slower variant for download and for listeners who ask for it (pitch kept).
    slow_tempo: float = 0.8
    # Longest one ffmpeg call may take (decoding an article's clips, encoding it), and
    # how many clips one ffmpeg process decodes at once (each is an open file).
    ffmpeg_timeout: float = 120.0
    assembly_max_inputs: int = 200
    # While clips arrive faster than they are assembled, at most this many are decoded
    # in one step, so the encoder works on one step while the next is decoded.
    assembly_step_clips: int = 48
    # `cache prune` keeps the audio cache under this size, oldest article audio first.
    cache_max_bytes: int = 2 * 1024**3
    # Temporary files older than this are leftovers of a crash (`cache verify` removes them).
    cache_stale_temp_seconds: float = 3600.0

    # On Ctrl-C or SIGTERM, how long work in flight may take to end before it is dropped.
    stop_grace_seconds: float = 1.5

    # The listening page: articles shown on one page of the list.
    list_page_size: int = 20

    # Fetching
    fetch_connect_timeout: float = 5.0
    fetch_read_timeout: float = 15.0
    # The whole download, redirects included, so a server trickling bytes cannot hold us.
    fetch_total_timeout: float = 45.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    fetch_max_redirects: int = 5
    import_max_file_bytes: int = 5 * 1024 * 1024
    # Title and text of one article, in characters (a long article is some 30,000): a longer
    # one took a minute of the server to show and would cost thousands of requests to hear.
    article_max_chars: int = 200_000
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)

    # Feeds and portal category pages (refresh, watch)
    # Politeness: one request at a time per host, this many seconds apart.
    fetch_delay_s: float = 1.0
    # New articles imported from one feed or page per refresh (the rest come next time).
    refresh_max_new_items: int = 30
    # Checks in a row an item's page may fail before it is given up.
    refresh_max_attempts: int = 3
    # A portal page checked before whose links are all new: how many pages of its
    # pagination are read, so articles pushed off the first page between checks come in.
    refresh_max_pages: int = 5
    # `watch`: seconds between rounds, and how many of the newest articles each round
    # checks for missing audio (besides the ones it imported).
    watch_every_s: float = 900.0
    watch_audio_backlog: int = 50

    # The staff area of the app (`quan-tri`): its password (or `staff_password` in
    # Streamlit's secrets); without one the area stays closed. Never shown in a repr.
    staff_password: str = field(default="", repr=False)
    # Wrong passwords allowed before each further attempt waits, and how that wait grows
    # (doubling from `staff_login_delay_seconds` up to the maximum); failures older than
    # the window are forgotten.
    staff_login_free_attempts: int = 3
    staff_login_delay_seconds: float = 1.0
    staff_login_max_delay_seconds: float = 30.0
    staff_login_window_seconds: float = 900.0
    # Articles per page of the staff library table, and articles made at once by its
    # "pre-generate" button.
    staff_page_size: int = 50
    staff_pregenerate_jobs: int = 2
    # The quick check of Google's voice on the staff health page.
    staff_probe_timeout: float = 5.0

    # A province: the library on PostgreSQL (``postgresql://user:pass@host/db``; empty or
    # ``sqlite:///path`` is the embedded SQLite file), its pool of connections per process,
    # and how long to wait for a connection (to open or to borrow from the pool).
    database_url: str = field(default="", repr=False)
    database_pool_size: int = 10
    database_connect_timeout: float = 10.0
    # PostgreSQL's search ranks every match as SQLite does, unless a query matches more
    # than this many articles: then it ranks the newest this many (a page stays fast).
    search_rank_limit: int = 1000
    # Redis (``redis://host:6379/0``): the rate limit towards Google, the "Google
    # unreachable" memory and the per-clip locks shared by every process and machine.
    redis_url: str = field(default="", repr=False)
    redis_timeout: float = 5.0
    # How long a per-clip lock in Redis lives if its holder dies without releasing it.
    redis_lock_expiry: float = 120.0

    # Jobs on Redis (RQ) for `python -m reader worker`: the longest one job may run, how
    # often a job is retried when it fails or its worker dies, how often a busy worker
    # says it is alive (a job whose worker is silent for three times that is retried
    # elsewhere), how often a worker looks for such jobs, how long the lock that keeps an
    # article from being made twice at once outlives a dead holder, how long the app
    # waits for a worker to start an article or to make its next part before making it
    # itself, and how often the staff page's queue progress is read again.
    job_timeout: float = 1800.0
    job_retries: int = 3
    worker_heartbeat_seconds: float = 10.0
    worker_maintenance_seconds: float = 30.0
    job_lock_seconds: float = 30.0
    job_wait_seconds: float = 30.0
    staff_queue_refresh_seconds: float = 2.0

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
        if settings.gtts_max_concurrency < 1 or settings.gtts_initial_concurrency < 1:
            raise ConfigError("READER_GTTS_MAX_CONCURRENCY and READER_GTTS_INITIAL_CONCURRENCY must be at least 1")
        if not 0 <= settings.mp3_quality <= 9:
            raise ConfigError("READER_MP3_QUALITY must be between 0 (best, slowest) and 9 (fastest)")
        if not 1 <= settings.gtts_batch_size <= 10:
            raise ConfigError("READER_GTTS_BATCH_SIZE must be between 1 and 10 (chunks in one request to Google)")
        if settings.gtts_first_byte_timeout <= 0 or settings.gtts_probe_interval <= 0:
            raise ConfigError(
                "READER_GTTS_FIRST_BYTE_TIMEOUT and READER_GTTS_PROBE_INTERVAL must be more than 0 seconds"
            )
        if not -40.0 <= settings.loudness_target_lufs <= -5.0:
            raise ConfigError("READER_LOUDNESS_TARGET_LUFS must be between -40 and -5 (LUFS; -16 suits speech)")
        if not -20.0 <= settings.loudness_peak_dbfs <= 0.0:
            raise ConfigError("READER_LOUDNESS_PEAK_DBFS must be between -20 and 0 (dBFS)")
        if not 0.5 <= settings.slow_tempo <= 2.0:
            raise ConfigError("READER_SLOW_TEMPO must be between 0.5 and 2.0 (0.8 is a fifth slower)")
        if settings.thousand_word not in ("nghìn", "ngàn"):
            raise ConfigError("READER_THOUSAND_WORD must be 'nghìn' or 'ngàn'")
        if min(settings.job_lock_seconds, settings.worker_heartbeat_seconds, settings.worker_maintenance_seconds) < 1:
            raise ConfigError(
                "READER_JOB_LOCK_SECONDS, READER_WORKER_HEARTBEAT_SECONDS and READER_WORKER_MAINTENANCE_SECONDS "
                "must be at least 1 (seconds)"
            )
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
    if value < 0 and name not in SIGNED_FIELDS:
        raise ConfigError(f"READER_{name.upper()}={raw!r} must not be negative")
    return value


def load() -> Settings:
    """The settings of this process, from its environment."""
    return Settings.from_env()
