"""Dates and the other things written with a slash between numbers.

"20/12" is a date after "ngày", "sáng", "từ"... but "24/24 xã" and "3/5 tiêu chí" are
ratios, read "hai mươi tư trên hai mươi tư". Only a real calendar date is read as a date
(30/2 is none), and a day/month without a year needs a context that says so. Announcers
say "ngày năm tháng một", "tháng tư" (never "mùng", never "ngày ngày").
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from reader.speech import counting, lexicon, units
from reader.speech.numbers import read_month, read_number, read_written_number

_DIGIT = re.compile(r"\d")
_START = r"(?<![\d.,/])"
_END = r"(?![\d/]|[.,]\d)"
_DASH = r"\s*[-–—]\s*"

_FULL = re.compile(_START + r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})" + _END)
_DAY_SPAN = re.compile(
    _START + r"(\d{1,2})" + _DASH + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?" + _END
)
_DATE_SPAN = re.compile(
    _START + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?" + _DASH
    + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?" + _END
)
_MONTH_YEAR = re.compile(_START + r"(\d{1,2})/(\d{4})" + _END)
_DAY_MONTH = re.compile(_START + r"(\d{1,2})/(\d{1,2})" + _END)

_W = r"(?<![^\W\d_])"
# No "ngày" after a word that already says it, nor inside a name ("Quốc khánh 2/9",
# "Hội trường 19/5", "Quảng trường 3/2", "cầu 2/9": places named after a day).
_NO_NGAY = re.compile(
    _W + r"(?i:ngày|hôm|mùng|mồng|khánh|niệm|lễ|dịp|đường|phố|thắng|hội trường|quảng trường|công viên|sân vận động|nhà thi đấu|cầu)\s*$"
    r"|(?<![^\W\d_])(?!(?i:thứ|chủ nhật|sáng|trưa|chiều|tối|đêm|khuya|từ|đến|tới|vào|trước|sau)"
    r"(?![^\W\d_]))[A-ZĐÂĂÊÔƠƯ][^\W\d_]*\s+$"
)
_DATE_BEFORE = re.compile(
    _W + r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|mùng|mồng|từ|đến|tới|vào|trước|sau|dịp"
    r"|lễ|khánh|niệm|đường|hội trường|quảng trường|công viên|sân vận động|nhà thi đấu|cầu|hạn|thắng|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật"
    r"|(?:sáng|trưa|chiều|tối|đêm|hôm|ngày) (?:nay|mai|qua)"
    r"|ngày \d{1,2}\s*(?:,|và|đến|-|–))\s*[,(]?\s*$",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(r"\s*(?:năm|hằng năm|hàng năm|này|vừa qua|tới|sắp tới)(?![^\W\d_])")
_WORD_AFTER = re.compile(r"\s*[^\W\d_]")
_PROPER_BEFORE = re.compile(r"(?<![^\W\d_])[A-ZĐÂĂÊÔƠƯ][^\W\d_]*\s+$")
# "quý 4/2024", "đợt 2/2024", "Nghị quyết số 15/2021": a number of that year, not a month.
_COUNT_BEFORE = re.compile(
    _W + r"(?:quý|đợt|kỳ|kì|lần thứ|lần|số|khóa|phiên|nghị quyết|nghị định|quyết định|thông tư|chỉ thị"
    r"|kế hoạch|công văn|luật|thông báo|pháp lệnh)\s*$",
    re.IGNORECASE,
)


def is_date(day: int, month: int, year: int | None = None) -> bool:
    """A real calendar day: 30/2 is not, 29/2 only in a leap year (or with no year)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    last = calendar.monthrange(year or 2024, month)[1]
    return day <= last


def _before(m: re.Match[str], span: int = 40) -> str:
    return m.string[max(0, m.start() - span) : m.start()]


def _day(day: int, month: int, year: str | None, with_ngay: bool) -> str:
    words = (["ngày"] if with_ngay else []) + [read_number(day), "tháng", read_month(month)]
    if year:
        words += ["năm", read_number(int(year))]
    return " ".join(words)


def _pad(words: str) -> str:
    return f" {words} "


def read_dates(text: str) -> str:
    """ "20/12/2023", "20-25/12", "20/11 - 5/12", "4/2024" and "ngày 2/9" as announcers say them."""
    if not _DIGIT.search(text):
        return text

    def full(m: re.Match[str]) -> str:
        day, month, year = int(m[1]), int(m[3]), m[4]
        if not is_date(day, month, int(year)):
            return m[0]
        return _pad(_day(day, month, year, not _NO_NGAY.search(_before(m))))

    def day_span(m: re.Match[str]) -> str:
        first, last, month, year = int(m[1]), int(m[2]), int(m[3]), m[4]
        year_n = int(year) if year else None
        if not (first < last and is_date(first, month, year_n) and is_date(last, month, year_n)):
            return m[0]
        head = ("" if _NO_NGAY.search(_before(m)) else "ngày ") + read_number(first)
        return _pad(f"{head} đến {_day(last, month, year, True)}")

    def date_span(m: re.Match[str]) -> str:
        d1, m1, y1, d2, m2, y2 = m.groups()
        if not (is_date(int(d1), int(m1)) and is_date(int(d2), int(m2))):
            return m[0]
        before = _before(m)
        lead = not _NO_NGAY.search(before)
        last = _day(int(d2), int(m2), y2, lead or bool(re.search(r"ngày\s*$", before, re.I)))
        return _pad(f"{_day(int(d1), int(m1), y1, lead)} đến {last}")

    def month_year(m: re.Match[str]) -> str:
        number, year = int(m[1]), int(m[2])
        before = _before(m)
        if _COUNT_BEFORE.search(before):
            return _pad(f"{read_number(number)} năm {read_number(year)}")
        if _SCALE_BEFORE.search(before):
            return m[0]
        if not 1 <= number <= 12:
            return m[0]
        head = "" if re.search(_W + r"tháng\s*$", before, re.IGNORECASE) else "tháng "
        return _pad(f"{head}{read_month(number)} năm {read_number(year)}")

    def day_month(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[2])
        if not is_date(day, month) or not _date_context(m):
            return m[0]
        before = _before(m)
        with_ngay = not (_NO_NGAY.search(before) or _HOLIDAY_BEFORE.search(before))
        return _pad(_day(day, month, None, with_ngay))

    def hyphen_month_year(m: re.Match[str]) -> str:
        # "tháng 12-2023", "quý 2-2024": a month (or a count) and its year, never a range.
        if not (_COUNT_BEFORE.search(_before(m)) or re.search(_W + r"(?i:tháng)\s*$", _before(m))):
            return m[0]
        return month_year(m)

    def hyphen_day_month(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[2])
        if not is_date(day, month) or not _hyphen_date_context(m):
            return m[0]
        before = _before(m, 60)
        with_ngay = not (_NO_NGAY.search(before) or _HOLIDAY_BEFORE.search(before))
        partner = _HYPHEN_PARTNER_BEFORE.search(before)
        if partner:
            # The second date of a pair says "ngày" when the first one did: "từ ngày 1-6 đến
            # ngày 30-6", "kỷ niệm 30-4 và 1-5".
            first = before[: partner.start()]
            with_ngay = not _NO_NGAY.search(first) or bool(re.search(r"(?i:ngày)\s*$", first))
            with_ngay = with_ngay and not re.search(r"(?i:ngày)\s*$", before)
        return _pad(_day(day, month, None, with_ngay))

    text = _DAY_LIST.sub(_day_list, text)
    text = _PADDED_DAY.sub(r"\1 \2", text)
    text = _DATE_SPAN.sub(date_span, text)
    text = _DAY_SPAN.sub(day_span, text)
    text = _FULL.sub(full, text)
    text = _MONTH_YEAR.sub(month_year, text)
    text = _HYPHEN_MONTH_YEAR.sub(hyphen_month_year, text)
    text = _MONTH_RANGE.sub(_month_range, text)
    text = _DAY_MONTH.sub(day_month, text)
    return _HYPHEN_DAY_MONTH.sub(hyphen_day_month, text)


_HYPHEN_MONTH_YEAR = re.compile(_START + r"(\d{1,2})\s?[-–]\s?((?:19|20)\d{2})" + _END)
# "tháng 3-5 hằng năm": months from March to May, each said with "tháng".
_MONTH_RANGE = re.compile(
    _W + r"((?i:tháng))\s?(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d/]|[.,]\d|\s?[-–]\s?\d)"
)


def _month_range(m: re.Match[str]) -> str:
    first, last = int(m[2]), int(m[3])
    if not 1 <= first < last <= 12:
        return m[0]
    return f"{m[1]} {read_month(first)} đến tháng {read_month(last)}"


# "ngày 05 tháng 01 năm 2024": a day written with a zero is a day, not a code.
_PADDED_DAY = re.compile(_W + r"((?i:ngày|mùng|mồng))\s?0+([1-9])(?![\d/]|[.,:-]\d)")

# "20, 21 tháng 3", "20,21/3", "ngày 5, 6 và 7-9": days listed before one month.
_DAY_LIST = re.compile(
    _START + r"(\d{1,2}(?:\s*,\s*\d{1,2})+(?:\s*,?\s+và\s+\d{1,2})?)"
    r"(?:\s+(tháng)\s*(\d{1,2})|([/-])(\d{1,2}))(?:[/-](\d{4})|\s+năm\s+(\d{4}))?" + _END
)


@cache
def _amount_after() -> re.Pattern[str]:
    """ "từ 4,5-6 triệu đồng", "2,5-3 tấn": a decimal in a range of amounts, no list of days."""
    words = ["triệu", "tỷ", "nghìn", "ngàn", "đồng", "phần trăm", *units.table().values()]
    return re.compile(r"\s*(?:%|" + lexicon.token_pattern(sorted(set(words))) + ")")


def _day_list(m: re.Match[str]) -> str:
    days = [int(d) for d in re.findall(r"\d+", m[1])]
    month = int(m[3] or m[5])
    year = m[6] or m[7]
    if not all(is_date(d, month, int(year) if year else None) for d in days):
        return m[0]
    if not year and _amount_after().match(m.string, m.end()):
        return m[0]
    if m[2] is None and not re.search(_W + r"(?i:ngày|các ngày|hai ngày|ba ngày)\s*$", _before(m)):
        if not _DATE_BEFORE.search(_before(m)):
            return m[0]
    joiners = re.findall(r"\s*,?\s*và\s*|\s*,\s*", m[1])
    words = [read_number(days[0])]
    for joiner, d in zip(joiners, days[1:]):
        words.append(("và " if "và" in joiner else ", ") + read_number(d))
    said = " ".join(words).replace(" , ", ", ") + f" tháng {read_month(month)}"
    if year:
        said += f" năm {read_number(int(year))}"
    return _pad(said)


# Southern papers write a day and month with a hyphen: "ngày 12-6", "sáng 2-9". A hyphen
# between numbers is a range unless the words around say date.
_HYPHEN_DAY_MONTH = re.compile(
    r"(?<![\d.,/:])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d/:]|[.,]\d|\s?[-–]\s?\d|h\d|g\d)"
)
_HYPHEN_BEFORE = re.compile(
    _W + r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|rạng sáng|mùng|mồng|dịp|lễ|khánh|niệm"
    r"|đường|phố|hội trường|quảng trường|công viên|sân vận động|nhà thi đấu|cầu|hạn|hạn chót|hạn cuối|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|tết"
    r"|(?:sáng|trưa|chiều|tối|đêm|hôm|ngày) (?:nay|mai|qua)"
    r"|ngày \d{1,2}\s*(?:,|và|đến))\s*[,(]?\s*$",
    re.IGNORECASE,
)
_HYPHEN_PARTNER_AFTER = re.compile(
    r"\s*(?:đến|tới|và|[-–—])\s*(?:ngày\s*)?\d{1,2}\s?[-–]\s?\d{1,2}(?![\d/]|[.,]\d)"
    r"|\s*(?:đến|tới|và)\s+ngày\s+(?:[^\W\d_]+\s+){1,3}tháng(?![^\W\d_])"
)
_HYPHEN_PARTNER_BEFORE = re.compile(
    r"\d{1,2}\s?[-–]\s?\d{1,2}\s*(?:đến|tới|và|[-–—])\s*(?:ngày\s*)?$"
    r"|tháng (?:\S+ )*?(?:đến|tới|và)\s*(?:ngày\s*)?$"
)
_HYPHEN_YEAR_AFTER = re.compile(
    r"\s*(?:năm\s+(?:\d{4}|ngoái)|hằng năm|hàng năm|vừa qua|sắp tới|tới|này)"
    r"(?![^\W\d_])"
)


_YEAR_WORDS = re.compile(r"\s*năm (?:nay|qua|trước)(?![^\W\d_])")


def _hyphen_date_context(m: re.Match[str]) -> bool:
    """ "ngày 12-6", "từ 10-6 đến 12-6", "trước 30-6 năm nay" are dates; "mỗi ngày 2-3 lần",
    "từ 2-4 tiếng", "tỷ lệ 10-15 %", "trong 2-3 năm nay" are ranges. A range goes up, so a
    pair that goes down ("30-6") is a date unless a word follows it."""
    before, text = _before(m, 60), m.string
    descending = int(m[1]) > int(m[2])
    if _HYPHEN_YEAR_AFTER.match(text, m.end()):
        return True
    if _YEAR_WORDS.match(text, m.end()):
        return descending or bool(_HYPHEN_BEFORE.search(before)) or _paired(before)
    if counting.is_counted(text, m.end()):
        return False
    if re.search(_W + r"(?i:mỗi|một|hằng|hàng|vài)\s+ngày\s*$", before):
        return False
    if _HYPHEN_BEFORE.search(before) or _HYPHEN_PARTNER_AFTER.match(text, m.end()):
        return True
    if _HYPHEN_PARTNER_BEFORE.search(before):
        return True
    if descending or _HOLIDAY_BEFORE.search(before) or _paired(before):
        return True
    return bool(_PROPER_BEFORE.search(before)) and not _WORD_AFTER.match(text, m.end())


# The name of a day of remembrance before its date: "Ngày Thương binh - Liệt sĩ 27-7".
_HOLIDAY_BEFORE = re.compile(r"(?<![^\W\d_])(?:Ngày|Lễ|Tết)\s+[A-ZĐ][^.;!?\d]{0,40}$")


def _date_context(m: re.Match[str]) -> bool:
    """Whether a day/month is a date: a date word before it, or a year word after it, or a
    name before it with no noun after ("Quốc khánh 2/9", "Việt Nam 20/11.", "Ngày Thương
    binh - Liệt sĩ 27/7"), or a day above its month with no noun after ("30/4": no part is
    larger than its whole)."""
    before, after = _before(m), m.string[m.end() : m.end() + 20]
    part = int(m[1]) <= int(m[2]) and _PART_OF_AFTER.match(after)
    if part and not _DAY_WORD_BEFORE.search(before):
        return False
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return True
    if _SCALE_BEFORE.search(before) or _CLASS_BEFORE.search(before) or m[0] in _NOT_DATES:
        return False
    if counting.is_counted(m.string, m.end()):
        return False
    if int(m[1]) > int(m[2]) or _HOLIDAY_BEFORE.search(before) or _paired(before):
        return True
    return bool(_PROPER_BEFORE.search(before)) and not _WORD_AFTER.match(after)


# "có đến 3/4 số công trình", "2/5 tổng số hộ": a part no larger than its whole, even after
# "đến" or "từ"; only a word that names a day ("ngày", "sáng", "hôm") keeps it a date.
_PART_OF_AFTER = re.compile(r"\s*(?i:tổng số|số)\s+[^\W\d_]")
_DAY_WORD_BEFORE = re.compile(
    _W + r"(?i:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|mùng|mồng|dịp|lễ)\s*[,(]?\s*$"
)


# "chào mừng 30/4 và Quốc tế Lao động 1/5": the second of two days joined by "và", "hoặc"
# or a comma is a date when the first one is (a day above its month, or after a date word).
_PAIR_BEFORE = re.compile(
    r"(?<![\d.,/])(\d{1,2})[/-](\d{1,2})(?![\d/])\s*(?:và|hoặc|,)[^.;!?\d]{0,40}$"
)


def _paired(before: str) -> bool:
    m = _PAIR_BEFORE.search(before)
    if not m or not is_date(int(m[1]), int(m[2])):
        return False
    return int(m[1]) > int(m[2]) or bool(_DATE_BEFORE.search(before[: m.start()]))


# "tỷ lệ 1/2000", "tỉ lệ 1/500": a map's scale; "24/7": every hour of every day.
_SCALE_BEFORE = re.compile(_W + r"(?i:tỷ lệ|tỉ lệ|tỷ lệ bản đồ)\s*$")
_NOT_DATES = frozenset({"24/7"})
# "lớp 12/3", "phòng 2/1", "hẻm 12/5", "số 12/3", "trụ 15/4" (a power pole): a class or an
# address, not a day.
_CLASS_BEFORE = re.compile(_W + r"(?i:lớp|phòng|hẻm|kiệt|ngách|ngõ|căn|số|số nhà|trụ|trụ điện)\s*$")


_NUMBER = r"\d+(?:[.,]\d+)*"
_RATIO = re.compile(_START + r"(" + _NUMBER + r")\s?/\s?(" + _NUMBER + r")" + _END)


def read_ratios(text: str) -> str:
    """What is left of "a/b" between numbers is a part of a whole: "24/24 xã" is
    "hai mươi tư trên hai mươi tư xã". Codes chained with more slashes are left alone."""
    return _RATIO.sub(
        lambda m: _pad(f"{read_written_number(m[1])} trên {read_written_number(m[2])}"), text
    )

