"""Rules that turn written numbers into words: dates, times, ranges, percentages, units.

Each rule is a pure ``str -> str`` function; ``RULES`` is this group's order inside
``normalize.RULES``. The most specific shapes come first (Roman numerals in context, phone
numbers, "20/12/2023" before "20/12" before "24/24 xã" before a bare "20"), and
``read_integers`` runs last so that no digit is ever left for the speech engine to guess at.
Vietnamese writes "." between thousands and "," before decimals: "1.250,5". Dates, times,
telephone numbers and Roman numerals live in their own modules.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Callable

from reader.speech import lexicon
from reader.speech.dates import read_dates, read_ratios
from reader.speech.numbers import read_month, read_ordinal, read_written_number
from reader.speech.phones import read_phone_numbers
from reader.speech.roman import read_roman_numerals
from reader.speech.times import read_times

__all__ = [
    "RULES", "read_dates", "read_integers", "read_negatives", "read_ordinals",
    "read_percentages", "read_phone_numbers", "read_ranges", "read_ratios",
    "read_roman_numerals", "read_times", "read_units", "read_written_number",
]

# A written number: digits with inner "." or "," separators ("1.250", "98,5", "1.2.3").
NUMBER = r"\d+(?:[.,]\d+)*"
_START = r"(?<![\d.,/])"  # not the tail of a longer number, date or code
_END = r"(?![\d/]|[.,]\d)"


_RANGE = re.compile(
    _START + r"(" + NUMBER + r")\s?[-–—]\s?(" + NUMBER + r")" + r"(?![\d/]|[.,]\d|\s?[-–—]\s?\d)"
)


def read_ranges(text: str) -> str:
    """ "2021-2025", "2020 – 2025" and "từ 7 - 10 tấn" are read "... đến ..."; codes with a
    leading 0 ("0297-3850") are not ranges."""

    def spoken(m: re.Match[str]) -> str:
        first, second = m[1], m[2]
        if any(len(n) > 1 and n[0] == "0" and n[1].isdigit() for n in (first, second)):
            return m[0]
        return f"{first} đến {second}"

    return _RANGE.sub(spoken, text)


_MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(\[:;]))[-−–](?=\d)")
_JOINED = re.compile(r"(?<=[^\W\d_])-(?=\d)")


def read_negatives(text: str) -> str:
    """A minus sign standing before a number is "âm" ("-5°C" -> "âm 5°C"); a hyphen that joins a
    word to a number ("COVID-19") is a space."""
    return _MINUS.sub("âm ", _JOINED.sub(" ", text))


_PERCENT = re.compile(_START + r"(" + NUMBER + r")\s?%")


def read_percentages(text: str) -> str:
    """ "98,5%", "59 %" and "0,5%" are "... phần trăm"."""
    return _PERCENT.sub(lambda m: f" {read_written_number(m[1])} phần trăm ", text)


_SCALE = r"(?:\s?(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?![^\W\d_]))*"


@cache
def _unit_regex() -> re.Pattern[str]:
    """A unit right after a number, or after its scale word: "5km", "5 km", "3 nghìn ha"."""
    units = lexicon.token_pattern(list(lexicon.units()), r"(?![^\W_])")
    return re.compile(r"(?<=\d)(" + _SCALE + r")\s?(" + units + ")")


@cache
def _code_regex() -> re.Pattern[str]:
    """Units with capitals ("USD", "VNĐ", "MW") are unambiguous: read them after any number,
    also one already in words (a date or phone number before "USD")."""
    codes = [u for u in lexicon.units() if len(u) > 1 and any(c.isupper() for c in u)]
    return re.compile(lexicon.token_pattern(codes, r"(?![^\W_])"))


def read_units(text: str) -> str:
    """Units after a number ("5km" -> "5 ki lô mét", "2 triệu USD" -> "2 triệu đô la Mỹ") and
    after a slash ("đồng/kg" -> "đồng một ki lô gam", "người/km²")."""
    table = lexicon.units()
    text = _unit_regex().sub(lambda m: f"{m[1]} {table[m[2]]}", text)
    text = _code_regex().sub(lambda m: f" {table[m[0]]} ", text)
    return lexicon.per_regex().sub(lambda m: " một " + table.get(m[1], m[1]), text)


_ORDINAL = re.compile(r"(?<![^\W\d_])(thứ|tháng) ?(\d{1,2})" + _END, re.IGNORECASE)


def read_ordinals(text: str) -> str:
    """ "thứ 1" is "thứ nhất", "thứ 4" and "tháng 4" are "thứ tư", "tháng tư"."""

    def spoken(m: re.Match[str]) -> str:
        word, n = m[1], int(m[2])
        if word.lower() == "tháng":
            return f"{word} {read_month(n)} " if 1 <= n <= 12 else m[0]
        return f"{word} {read_ordinal(n)} "

    return _ORDINAL.sub(spoken, text)


_NUMBER_RE = re.compile(NUMBER)


def read_integers(text: str) -> str:
    """Every number still written in digits, as words: the last number rule, so none is left."""
    return _NUMBER_RE.sub(lambda m: f" {read_written_number(m[0])} ", text)


RULES: list[Callable[[str], str]] = [
    read_roman_numerals,
    read_phone_numbers,
    read_dates,
    read_times,
    read_ratios,
    read_ranges,
    read_negatives,
    read_percentages,
    read_units,
    read_ordinals,
    read_integers,
]
