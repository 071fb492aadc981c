from pathlib import Path

import pytest

from reader.config import Settings
from reader.errors import ConfigError, ReaderError


def test_defaults_without_environment():
    s = Settings.from_env({})
    assert s == Settings()
    assert s.data_dir == Path("data") and s.cache_dir == Path("audio_cache")
    assert s.engine == "auto" and s.max_chunk_chars == 100
    assert s.gtts_connect_timeout > 0 and s.gtts_read_timeout > 0


@pytest.mark.parametrize(
    ("env", "field", "value"),
    [
        ({"READER_DATA_DIR": "/srv/news"}, "data_dir", Path("/srv/news")),
        ({"READER_ENGINE": "espeak"}, "engine", "espeak"),
        ({"READER_GTTS_URL": "http://127.0.0.1:8123/x"}, "gtts_url", "http://127.0.0.1:8123/x"),
        ({"READER_ALLOW_HOSTS": "127.0.0.1, localhost:8000"}, "allow_hosts", ("127.0.0.1", "localhost:8000")),
        ({"READER_GTTS_RETRIES": "4"}, "gtts_retries", 4),
        ({"READER_GTTS_READ_TIMEOUT": "2.5"}, "gtts_read_timeout", 2.5),
        ({"READER_THOUSAND_WORD": "ngàn"}, "thousand_word", "ngàn"),
        ({"READER_ENGINE": ""}, "engine", "auto"),
        ({"READER_STAFF_LEXICON": "0"}, "staff_lexicon", False),
        ({"READER_STAFF_LEXICON": "yes"}, "staff_lexicon", True),
    ],
)
def test_environment_overrides(env, field, value):
    assert getattr(Settings.from_env(env), field) == value


@pytest.mark.parametrize(
    "env",
    [
        {"READER_ENGINE": "festival"},
        {"READER_GTTS_RETRIES": "many"},
        {"READER_GTTS_READ_TIMEOUT": "-1"},
        {"READER_MAX_CHUNK_CHARS": "500"},
        {"READER_GTTS_BATCH_SIZE": "0"},
        {"READER_GTTS_BATCH_SIZE": "50"},
        {"READER_MP3_QUALITY": "10"},
        {"READER_THOUSAND_WORD": "ngìn"},
        {"READER_STAFF_LEXICON": "maybe"},
    ],
)
def test_bad_values_are_config_errors_naming_the_variable(env):
    with pytest.raises(ConfigError) as info:
        Settings.from_env(env)
    assert isinstance(info.value, ReaderError)
    assert next(iter(env)) in str(info.value)
