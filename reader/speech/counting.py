"""What a number counts: the words after it that make it a quantity.

Administrative text pads counts with a zero ("05 hộ", "03 đồng chí", "06 xã", "01 thùng
mì"), which an announcer reads "năm hộ", never "không năm hộ"; a code, a label ("tổ 05",
"phòng 03") or a telephone number keeps its zeros. The same words tell a range from a date: "ngày 2-3 lần" counts times, "ngày 2-3"
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


_LOWER = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.isalpha() and c.islower())


@cache
def _common_nouns() -> str:
    """Abbreviations of common nouns ("HCV" huy chương vàng, "ĐV" đảng viên), which a padded
    number counts as it counts the words: "05 HCV"."""
    nouns = [k for k, v in lexicon.abbreviations().items() if v[:1].islower() and k.isupper()]
    return lexicon.token_pattern(sorted(nouns), r"(?![^\W_])")


@cache
def _padded() -> re.Pattern[str]:
    """A number padded with one or two zeros, before a counted word, a unit, an abbreviation
    of a common noun or any word in lower case (a noun that it counts: "01 thùng mì", "05
    HCV", "Điều 05 quy định")."""
    range_tail = r"(?:\s?[-–—]\s?\d{1,3})?"
    return re.compile(
        r"(?<![\d.,/:+])0{1,2}([1-9]\d?)(?![\d/]|[.,:]\d)(?=" + range_tail + r"\s*(?:"
        + counted_pattern() + "|" + _common_nouns() + r"|[" + _LOWER + r"]))"
    )


# A number after these names a thing, it does not count: "Tổ 05 ấp Xẻo Nhàu", "phòng 03".
_LABEL_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:tổ|khu phố|khu|ấp|khóm|thôn|số|số nhà|phòng|lô|thửa|tờ|mã|lớp|đội"
    r"|quầy|ki ốt|kiốt|căn hộ|tầng|dãy|hẻm|kiệt|ngõ|tuyến|biển số)\s*$"
)


# "mỗi đội 05 thành viên", "mỗi tổ 03 người": after "mỗi" the label word is what is counted in.
_EACH_BEFORE = re.compile(r"(?<![^\W\d_])(?i:mỗi|từng)\s+$")


# A house number before its street: "số 06 Nguyễn Công Trứ", "số 05 đường 3/2" is "số sáu".
_HOUSE_NUMBER = re.compile(
    r"(?<![^\W\d_])((?i:số|số nhà)\s?)0+([1-9]\d{0,3})(?![\d/.,-])"
    r"(?=\s+(?:[A-ZĐ]|(?i:đường|phố|hẻm|kiệt|ngõ)(?![^\W\d_])))"
)


@cache
def _document_number() -> re.Pattern[str]:
    """A document named by its number ("Đề án 06", "Chỉ thị số 05"): the number is read as
    the number of a code is ("Quyết định số 05/QĐ-UBND" is "số năm"), without its padding,
    whatever follows it ("Đề án 06, …", "Đề án 06 của …" alike)."""
    words = "|".join(re.escape(w) for w in lexicon.document_words())
    return re.compile(
        r"(?<![^\W\d_])((?i:" + words + r")\s+(?:(?i:số)\s*:?\s*)?)0+([1-9]\d{0,3})(?![\d/.,:-][\d\w])"
        r"(?![^\W_])"
    )


def read_padded_counts(text: str) -> str:
    """ "05 hộ" -> "5 hộ", "03 đồng chí", "02-05 ngày", "06 ha": a padded count loses its
    zeros, which would otherwise be read as a code ("không năm"). After a label ("Tổ 05
    ấp ...", "phòng 03") the number names, and keeps its zeros."""

    if "0" not in text:
        return text

    def count(m: re.Match[str]) -> str:
        label = _LABEL_BEFORE.search(m.string, 0, m.start())
        if label and not _EACH_BEFORE.search(m.string, 0, label.start()):
            return m[0]
        return m[1]

    text = _document_number().sub(r"\1\2", _HOUSE_NUMBER.sub(r"\1\2", text))
    return _padded().sub(count, text)


@cache
def _quantity_before() -> re.Pattern[str]:
    words = lexicon.data_lines("quantity_words.txt")
    return re.compile(r"(?<![^\W\d_])" + lexicon.token_pattern(sorted(words), "") + r"\s*:?\s*$", re.IGNORECASE)


_DOT_DECIMAL = re.compile(r"(?<![\w.,/:-])(\d{1,3})\.(\d{1,2})(?![\d\w]|[.,:/]\d)")
_MAGNITUDE_AFTER = re.compile(r"\s*(?:triệu|tỷ|nghìn|ngàn)(?![^\W_])")


def read_dot_decimals(text: str) -> str:
    """ "điểm 8.5" -> "điểm 8,5", "tăng 2.5 lần", "8.5%": a dot followed by one or two digits
    cannot mark thousands; where the number is an amount (after a word of quantity, before a
    counted word, a unit or a magnitude) it is the English decimal mark, read "phẩy". Else it
    stays a dot ("mục 2.3", "phiên bản 2.0", "công nghiệp 4.0" are "chấm")."""

    if "." not in text:
        return text

    def decimal(m: re.Match[str]) -> str:
        amount = (
            _quantity_before().search(m.string, max(0, m.start() - 30), m.start())
            or is_counted(m.string, m.end())
            or _MAGNITUDE_AFTER.match(m.string, m.end())
        )
        return f"{m[1]},{m[2]}" if amount else m[0]

    return _DOT_DECIMAL.sub(decimal, text)
