"""Rules that turn written numbers into words: dates, times, ranges, scores, percentages.

Each rule is a pure ``str -> str`` function; ``EARLY_RULES`` (money, units, padded counts,
run before the abbreviations) and ``RULES`` are this group's two places in
``normalize.RULES``. The most specific shapes come first (Roman numerals in context, phone
numbers, "20/12/2023" before "20/12" before "24/24 xã" before a bare "20"), and
``read_integers`` runs last so that no digit is ever left for the speech engine to guess at.
Vietnamese writes "." between thousands and "," before decimals: "1.250,5". Dates, times,
telephone numbers, Roman numerals, money, units and counts live in their own modules.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Callable

from reader.speech import counting, lexicon, money, signs, spelling, times, units
from reader.speech.dates import is_date, read_dates, read_ratios
from reader.speech.numbers import read_month, read_number, read_ordinal, read_written_number
from reader.speech.phones import read_phone_numbers, read_service_numbers
from reader.speech.roman import read_roman_numerals
from reader.speech.times import read_seconds, read_times

__all__ = [
    "EARLY_RULES", "RULES", "read_dates", "read_integers", "read_negatives", "read_ordinals",
    "read_percentages", "read_phone_numbers", "read_ranges", "read_ratios",
    "read_products", "read_roman_numerals", "read_scores", "read_times", "read_written_number",
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


# A span of years that names one thing, a school year, a term of office, a season: "năm
# học 2024-2025", "nhiệm kỳ 2020-2025", "vụ Đông Xuân 2024-2025". Announcers read the two
# years with a pause between them, as the name is written, not "… đến …".
_YEAR_PAIR = re.compile(
    r"(?<![^\W\d_])((?i:năm học|niên khóa|niên khoá|nhiệm kỳ|nhiệm kì|mùa giải|mùa vụ|khóa học"
    r"|đông xuân|hè thu|thu đông|xuân hè)\s*:?\s*)((?:19|20)\d\d)\s?[-–—]\s?((?:19|20)\d\d)"
    r"(?![\d/]|[.,]\d)"
)


# A season written with the second year cut to two digits: "V.League 2024/25", "mùa giải
# 2023-24". Only two years in a row are a season; "2024/25" is otherwise no ratio.
_SEASON = re.compile(_START + r"((?:19|20)\d\d)\s?[/–-]\s?(\d\d)(?![\d/]|[.,]\d)")


def _season(m: re.Match[str]) -> str:
    first = int(m[1])
    if int(m[2]) != (first + 1) % 100:
        return m[0]
    return f" {read_number(first)} – {read_number(first + 1)} "


def read_year_pairs(text: str) -> str:
    """ "năm học 2024-2025" -> "năm học hai nghìn không trăm hai mươi tư – hai nghìn …";
    "mùa giải 2024/25" the same, its second year said whole."""
    text = _YEAR_PAIR.sub(
        lambda m: f"{m[1]}{read_number(int(m[2]))} – {read_number(int(m[3]))} ", text
    )
    return _SEASON.sub(_season, text)


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


# A slash between two counted amounts: "85.000 ha/95.000 ha kế hoạch" (a part of a whole,
# the same words both sides) is "trên"; "xử lý 45 vụ/52 đối tượng" (two counts of one
# thing) a pause; "25.000 đồng/1 kg" a rate, "một".
_SLASH_BEFORE_NUMBER = re.compile(r"(?<=[^\W\d_])\s*/\s*(?=(\d+(?:[.,]\d+)*)\s?)")
_COUNTED_BEFORE = re.compile(r"\d\s((?:[^\W\d_]{2,} ?){1,3})$")


@cache
def _letter_names() -> frozenset[str]:
    return frozenset(lexicon.letter_names().values())


def read_counted_slashes(text: str) -> str:
    """ "85.000 héc ta/95.000 héc ta" -> "… trên …", "45 vụ/52 đối tượng" -> "45 vụ, 52 đối
    tượng", "đồng/1 kg" -> "đồng 1 kg"; units are words already."""

    def spoken(m: re.Match[str]) -> str:
        left = _COUNTED_BEFORE.search(m.string, 0, m.start())
        if not left:
            return m[0]
        if m[1] in ("1", "01"):
            return " "
        words = left[1].strip()
        if words in _letter_names():
            return m[0]  # "hẻm 45B/12": a letter of an address, spelled already
        if m.string.startswith(words, m.end() + len(m[1])) or m.string.startswith(
            " " + words, m.end() + len(m[1])
        ):
            return " trên "
        return ", "

    return _SLASH_BEFORE_NUMBER.sub(spoken, text) if "/" in text else text


_PRODUCT = re.compile(_START + r"(" + NUMBER + r")\s?[x×]\s?(?=" + NUMBER + r"(?![\d/]|[.,]\d))")


def read_products(text: str) -> str:
    """ "2x63 MVA", "3 x 4m", "5×5": a multiplication sign between numbers is "nhân"."""
    return _PRODUCT.sub(r"\1 nhân ", text)


_SCORE = re.compile(
    _START + r"(\d{1,2})\s?[-–—:]\s?(\d{1,2})(?![\d/:]|[.,]\d|\s?[-–—]\s?\d)"
)
_SCORE_WORD = (
    r"(?<![^\W\d_])(?i:tỷ số|tỉ số|thắng|hòa|hoà|thua|đánh bại|cầm hòa|cầm hoà|hạ gục"
    r"|chung cuộc|cách biệt|kết quả)(?![^\W\d_])"
)
# A result word, then perhaps the scores already given before this one ("thua 4-6, 3-6").
_SCORE_BEFORE = re.compile(
    _SCORE_WORD + r"(?:[^\d.;!?]{0,40})(?:\d{1,2}\s?[-–—:]\s?\d{1,2}\s*[,;]\s*){0,4}$"
)


# "Kỷ niệm 49 năm Chiến thắng 30-4", "mừng chiến thắng Điện Biên Phủ 7-5": a victory's
# date, not a result.
_VICTORY_DAY = re.compile(
    r"(?:(?<![^\W\d_])(?i:kỷ niệm|mừng|ngày|dịp|lễ)\s+(?:\d+\s+năm\s+)?"
    r"(?i:chiến thắng|đại thắng|thắng lợi)|(?:Chiến thắng|Đại thắng|Thắng lợi))(?![^\W\d_])"
)


# The sets or halves of a result, in brackets after it: "thắng 3-0 (25-18, 25-20, 25-15)".
_SET_SCORES = re.compile(
    r"(?<=\d)(\s*\(\s*)(\d{1,2}\s?[-–]\s?\d{1,2}(?:\s*[,;]\s*\d{1,2}\s?[-–]\s?\d{1,2})*)(?=\s*\))"
)


def _set_scores(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 50) : m.start()]
    if not re.search(_SCORE_WORD + r"[^.;!?]{0,30}$", before):
        return m[0]
    pairs = re.sub(
        r"(\d{1,2})\s?[-–]\s?(\d{1,2})",
        lambda p: f"{read_number(int(p[1]))} {read_number(int(p[2]))}",
        m[2],
    )
    return m[1] + pairs


def read_scores(text: str) -> str:
    """A result after "tỷ số", "thắng", "hòa", "thua" is said number by number: "thắng 2-1"
    is "thắng hai một", "hòa 0-0" "hòa không không" (never "hai đến một", nor a date); so
    are its sets in brackets after it ("thắng 3-0 (25-18, 25-20, 25-15)")."""
    text = _SET_SCORES.sub(_set_scores, text)

    def score(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - 50) : m.start()]
        if not _SCORE_BEFORE.search(before) or counting.is_counted(m.string, m.end()):
            return m[0]
        if _VICTORY_DAY.search(before) and is_date(int(m[1]), int(m[2])):
            return m[0]
        return f" {read_number(int(m[1]))} {read_number(int(m[2]))} "

    return _SCORE.sub(score, text)


_ORDINAL = re.compile(r"(?<![^\W\d_])(thứ|tháng) ?(\d{1,2})" + _END, re.IGNORECASE)


def read_ordinals(text: str) -> str:
    """ "thứ 1" is "thứ nhất", "thứ 4" and "tháng 4" are "thứ tư", "tháng tư"."""

    def spoken(m: re.Match[str]) -> str:
        word, n = m[1], int(m[2])
        if word.lower() == "tháng":
            return f"{word} {read_month(n)} " if 1 <= n <= 12 else m[0]
        return f"{word} {read_ordinal(n)} "

    return _ORDINAL.sub(spoken, text)


_MODEL_LETTER = re.compile(r"(?<=\d)([a-z])(?![^\W_])")


def read_model_letters(text: str) -> str:
    """A lower-case letter still glued to a number once units, times and seconds are read
    names a model or a variant ("iPhone 6s", "Mazda 3s", "nhà 12b"): said by its name,
    "sáu ét sì", never left for the voice to guess."""
    return _MODEL_LETTER.sub(lambda m: " " + spelling.spell(m[1].upper()), text)


_NUMBER_RE = re.compile(NUMBER)


def read_integers(text: str) -> str:
    """Every number still written in digits, as words: the last number rule, so none is left."""
    return _NUMBER_RE.sub(lambda m: f" {read_written_number(m[0])} ", text)


_TILDE_RANGE = re.compile(r"(\d(?:[^\W\d_]{1,4}|%)?)\s?~\s?(?=\d)")
_TILDE_ABOUT = re.compile(r"(?<![\w~])~\s?(?=\d)")


def read_tildes(text: str) -> str:
    """ "150~200 tỷ", "2~3 giờ": a tilde between numbers is a range, "đến", whatever the
    numbers count; before a number alone it is "khoảng" ("~200 người")."""
    if "~" not in text:
        return text
    return _TILDE_ABOUT.sub("khoảng ", _TILDE_RANGE.sub(r"\1 đến ", text))


# Comparison signs before a number: "< 6 tuổi" is "dưới sáu tuổi", "> 60 tuổi" "trên …",
# "≥ 90%" "lớn hơn hoặc bằng …", "±0,5" "cộng trừ …". Elsewhere they are left to the symbols.
_COMPARISONS = {
    "≥": "lớn hơn hoặc bằng", ">=": "lớn hơn hoặc bằng", "≤": "nhỏ hơn hoặc bằng",
    "<=": "nhỏ hơn hoặc bằng", "<": "dưới", ">": "trên", "±": "cộng trừ", "+/-": "cộng trừ",
}
_COMPARISON = re.compile(r"(>=|<=|\+/-|[≥≤<>±])\s?(?=\d)")


def read_comparisons(text: str) -> str:
    """ "trẻ em < 6 tuổi" -> "trẻ em dưới 6 tuổi", "≥ 90%" -> "lớn hơn hoặc bằng 90%"."""
    return _COMPARISON.sub(lambda m: f" {_COMPARISONS[m[1]]} ", text)


# Before the language of administration: money, hours written "15g45", padded counts and
# units are read while they still stand right after their number, so that "2TB" is never
# "hai thông báo" nor "150CV" "một trăm năm mươi công văn".
EARLY_RULES: list[Callable[[str], str]] = [
    read_tildes,
    read_comparisons,
    times.read_dot_times,
    counting.read_dot_decimals,
    times.read_weekday_letters,
    times.read_round_the_clock,
    signs.read_lettered_slashes,
    money.read_money,
    times.read_hour_letters,
    counting.read_padded_counts,
    units.read_unit_ranges,
    units.read_units,
]

RULES: list[Callable[[str], str]] = [
    read_roman_numerals,
    read_year_pairs,
    read_phone_numbers,
    read_service_numbers,
    read_scores,
    signs.read_share_slashes,
    read_dates,
    read_times,
    read_seconds,
    read_products,
    read_counted_slashes,
    read_ratios,
    read_ranges,
    signs.read_signed_changes,
    read_negatives,
    read_percentages,
    read_ordinals,
    read_model_letters,
    read_integers,
]
