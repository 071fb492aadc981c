"""What a number counts: the words after it that make it a quantity.

Administrative text pads counts with a zero ("05 hộ", "03 đồng chí", "06 xã"), which an
announcer reads "năm hộ", never "không năm hộ"; a code or a telephone number keeps its
zeros. The same words tell a range from a date: "ngày 2-3 lần" counts times, "ngày 2-3"
is the second of March. The words are data (``data/count_words.txt``) plus every unit.
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech import lexicon, units


@cache
def count_words() -> tuple[str, ...]:
    return tuple(lexicon.data_lines("count_words.txt"))


@cache
def counted_pattern() -> str:
    """A regex for a counted word or a unit (written or already spoken) as a whole token."""
    words = set(count_words()) | set(units.table()) | set(units.table().values())
    return r"(?:" + lexicon.token_pattern(sorted(words), r"(?![^\W_])") + r"|%)"


@cache
def _counted_after() -> re.Pattern[str]:
    return re.compile(r"\s*" + counted_pattern())


def is_counted(text: str, position: int) -> bool:
    """Whether a counted word or a unit starts at ``position`` (after one optional space)."""
    return _counted_after().match(text, position) is not None


@cache
def _padded() -> re.Pattern[str]:
    range_tail = r"(?:\s?[-–—]\s?\d{1,3})?"
    return re.compile(
        r"(?<![\d.,/:+])0+(?=[1-9])(\d{1,2})(?![\d/]|[.,:]\d)(?=" + range_tail + r"\s*"
        + counted_pattern() + r")"
    )


def read_padded_counts(text: str) -> str:
    """ "05 hộ" -> "5 hộ", "03 đồng chí", "02-05 ngày", "06 ha": a padded count loses its
    zeros, which would otherwise be read as a code ("không năm")."""
    return _padded().sub(lambda m: m[1], text)
