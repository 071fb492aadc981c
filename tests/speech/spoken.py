"""The check every table of spoken forms shares."""

from __future__ import annotations

import re

from reader.speech.normalize import normalize


def assert_spoken(written: str, spoken: str) -> None:
    """``written`` is said as ``spoken``, which is stable and holds no digit or slash."""
    said = normalize(written)
    assert said == spoken
    assert normalize(said) == said
    assert not re.search(r"[0-9/]", said)
