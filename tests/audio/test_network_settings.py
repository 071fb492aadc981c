"""The settings of the network side: read from the environment, nonsense refused."""

from __future__ import annotations

import pytest

from reader.config import Settings
from reader.errors import ConfigError


def test_defaults_and_environment() -> None:
    assert Settings().gtts_max_concurrency == 8 and Settings().gtts_first_byte_timeout < Settings().gtts_read_timeout
    settings = Settings.from_env({
        "READER_GTTS_MAX_CONCURRENCY": "4", "READER_GTTS_INITIAL_CONCURRENCY": "2",
        "READER_GTTS_FIRST_BYTE_TIMEOUT": "2.5", "READER_GTTS_THROTTLE_RETRIES": "7",
        "READER_GTTS_MAX_PAUSE": "12", "READER_GTTS_PROBE_INTERVAL": "30", "READER_CLIP_LOCK_TIMEOUT": "90",
    })
    assert (settings.gtts_max_concurrency, settings.gtts_initial_concurrency, settings.gtts_first_byte_timeout,
            settings.gtts_throttle_retries, settings.gtts_max_pause, settings.gtts_probe_interval,
            settings.clip_lock_timeout) == (4, 2, 2.5, 7, 12.0, 30.0, 90.0)


@pytest.mark.parametrize("name, value", [
    ("READER_GTTS_MAX_CONCURRENCY", "0"), ("READER_GTTS_INITIAL_CONCURRENCY", "0"),
    ("READER_GTTS_FIRST_BYTE_TIMEOUT", "0"), ("READER_GTTS_PROBE_INTERVAL", "0"),
    ("READER_GTTS_MAX_CONCURRENCY", "-2"), ("READER_GTTS_MAX_CONCURRENCY", "many"),
])
def test_nonsense_is_refused_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value})
