"""Rules that turn written numbers into words: dates, times, ranges, percentages, units.

Each rule is a pure ``str -> str`` function used by ``normalize.RULES``; the most specific
shapes come first ("20/12/2023" before "20/12" before a bare "20"), and ``read_integers``
runs last so that no digit is ever left for the speech engine to guess at.
Vietnamese writes "." between thousands and "," before decimals: "1.250,5".
"""

from __future__ import annotations

import re
from typing import Callable

from reader.speech import lexicon
from reader.speech.numbers import read_decimal, read_digits, read_integer_text, read_number

# A written number: digits with inner "." or "," separators ("1.250", "98,5", "1.2.3").
NUMBER = r"\d+(?:[.,]\d+)*"
_START = r"(?<![\d.,/])"  # not the tail of a longer number, date or code
_END = r"(?![\d/]|[.,]\d)"
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL = re.compile(r"\d+,\d+")


def read_written_number(token: str) -> str:
    """Words for one written number: "1.250" thousands, "3,5" decimal, "1.2" section "chấm"."""
    if token.isdecimal():
        return read_integer_text(token)
    if _THOUSANDS.fullmatch(token) or _DECIMAL.fullmatch(token):
        whole, _, fraction = token.partition(",")
        whole = whole.replace(".", "")
        return read_decimal(whole, fraction) if fraction else read_integer_text(whole)
    parts = re.split(r"([.,])", token)
    return " ".join(
        {".": "chấm", ",": "phẩy"}.get(part) or read_integer_text(part) for part in parts
    )


def _month(m: int) -> str:
    return "tư" if m == 4 else read_number(m)


def _after(match: re.Match[str], word: str) -> bool:
    """Whether ``word`` is written just before the match ("ngày 20/12" must not say "ngày ngày")."""
    before = match.string[: match.start()]
    return re.search(r"(?<![^\W\d_])" + word + r"\s*$", before, re.IGNORECASE) is not None


def _date(day: int, month: int, year: int | None, match: re.Match[str]) -> str:
    words = [] if _after(match, "ngày") else ["ngày"]
    words += [read_number(day), "tháng", _month(month)]
    if year is not None:
        words += ["năm", read_number(year)]
    return " " + " ".join(words) + " "


_FULL_DATE = re.compile(_START + r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})" + _END)
_MONTH_YEAR = re.compile(_START + r"(\d{1,2})/(\d{4})" + _END)
_DAY_MONTH = re.compile(_START + r"(\d{1,2})/(\d{1,2})" + _END)


def read_dates(text: str) -> str:
    """ "20/12/2023", "20.12.2023", "12/2023" and "20/12" as announcers say them."""

    def full(m: re.Match[str]) -> str:
        day, month, year = int(m[1]), int(m[3]), int(m[4])
        return _date(day, month, year, m) if 1 <= day <= 31 and 1 <= month <= 12 else m[0]

    def month_year(m: re.Match[str]) -> str:
        month, year = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return m[0]
        head = [] if _after(m, "tháng") else ["tháng"]
        return " " + " ".join(head + [_month(month), "năm", read_number(year)]) + " "

    def day_month(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[2])
        return _date(day, month, None, m) if 1 <= day <= 31 and 1 <= month <= 12 else m[0]

    text = _FULL_DATE.sub(full, text)
    text = _MONTH_YEAR.sub(month_year, text)
    return _DAY_MONTH.sub(day_month, text)


_TIME = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?::(\d{2})(?![\d:])|h(\d{2})?(?:p|')?(?![^\W_]))"
)


def read_times(text: str) -> str:
    """ "14:30" and "14h30" are "mười bốn giờ ba mươi"; "7h05" is "bảy giờ năm phút"."""

    def spoken(m: re.Match[str]) -> str:
        hour, minute = int(m[1]), m[2] or m[3]
        if hour > 24 or minute is not None and int(minute) > 59:
            return m[0]
        words = [read_number(hour), "giờ"]
        if minute is not None and int(minute):
            words.append(read_number(int(minute)))
            if int(minute) < 10:
                words.append("phút")
        return " " + " ".join(words) + " "

    return _TIME.sub(spoken, text)


_RANGE = re.compile(
    _START + r"(" + NUMBER + r") ?[-–] ?(" + NUMBER + r")" + r"(?![\d/]|[.,]\d|[-–]\d)"
)


def read_ranges(text: str) -> str:
    """ "2021-2025" and "5 - 7%" are read "... đến ..."; codes with a leading 0 are not ranges."""

    def spoken(m: re.Match[str]) -> str:
        first, second = m[1], m[2]
        if any(len(n) > 1 and n[0] == "0" and n[1].isdigit() for n in (first, second)):
            return m[0]
        return f"{first} đến {second}"

    return _RANGE.sub(spoken, text)


_PERCENT = re.compile(_START + r"(" + NUMBER + r") ?%")


def read_percentages(text: str) -> str:
    """ "98,5%" is "chín mươi tám phẩy năm phần trăm"."""
    return _PERCENT.sub(lambda m: f" {read_written_number(m[1])} phần trăm ", text)


def read_units(text: str) -> str:
    """Units after a number ("5km" -> "5 ki lô mét") and after a slash ("đồng/kg" -> "đồng một
    ki lô gam")."""
    table = lexicon.units()
    text = lexicon.unit_regex().sub(lambda m: " " + table[m[1]], text)
    return lexicon.per_regex().sub(lambda m: " một " + table.get(m[1], m[1]), text)


_PHONE = re.compile(r"(?<![\d.,])(0\d{2,3}(?:[ .\-]?\d{2,4}){1,3})(?![\d]|[.,]\d)")


def read_phone_numbers(text: str) -> str:
    """Phone numbers (10-11 digits from a leading 0) digit by digit, a pause between groups."""

    def spoken(m: re.Match[str]) -> str:
        groups = re.split(r"[ .\-]", m[1])
        if not 10 <= sum(len(g) for g in groups) <= 11:
            return m[0]
        return " " + ", ".join(read_digits(g) for g in groups) + " "

    return _PHONE.sub(spoken, text)


_ORDINAL = re.compile(r"(?<![^\W\d_])(thứ|tháng) ?(\d{1,2})" + _END, re.IGNORECASE)


def read_ordinals(text: str) -> str:
    """ "thứ 1" is "thứ nhất", "thứ 4" and "tháng 4" are "thứ tư", "tháng tư"."""

    def spoken(m: re.Match[str]) -> str:
        word, n = m[1], int(m[2])
        if word.lower() == "tháng":
            return f"{word} {_month(n)} " if 1 <= n <= 12 else m[0]
        return f"{word} " + {1: "nhất", 4: "tư"}.get(n, read_number(n)) + " "

    return _ORDINAL.sub(spoken, text)


_NUMBER_RE = re.compile(NUMBER)


def read_integers(text: str) -> str:
    """Every number still written in digits, as words: the last number rule, so none is left."""
    return _NUMBER_RE.sub(lambda m: f" {read_written_number(m[0])} ", text)


RULES: list[Callable[[str], str]] = [
    read_dates,
    read_times,
    read_ranges,
    read_percentages,
    read_units,
    read_phone_numbers,
    read_ordinals,
    read_integers,
]
