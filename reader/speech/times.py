"""Clock times, in one announcer style.

"14:30", "14h30", "14g30" and "14 giờ 30" are all "mười bốn giờ ba mươi"; whole hours drop
the minutes ("8h00" is "tám giờ"); minutes under ten take "phút" ("7h05" is "bảy giờ năm
phút"), since "bảy giờ năm" would leave the listener unsure. Seconds are always said with
"phút ... giây" ("6:45:10" is "sáu giờ bốn mươi lăm phút mười giây"). A dash between two
times is "đến". Southern papers write the hour with "g" ("15g45", "lúc 7g"); a bare "7g"
is grams unless the words around it say it is a time. "30s" is seconds only after words
that speak of a duration ("sau 30s", "1 phút 30s"). Opening hours write days with letters
("từ T2 đến T6", "T7 và CN") and round the clock with hours ("24h/24h").
"""

from __future__ import annotations

import re

from reader.speech.numbers import read_number

_CLOCK = (
    r"(\d{1,2})(?:"
    r":(\d{2})(?::(\d{2}))?(?![\d:])"
    r"|h(\d{2})?(?:p|')?(?![^\W_])"
    r"| giờ(?: (\d{2})(?!\d)( phút)?)?(?![^\W\d_]))"
)
_TIME = re.compile(r"(?<![\d.,:/])" + _CLOCK)
_SPAN = re.compile(r"(?<![\d.,:/])" + _CLOCK + r"\s*[-–—]\s*" + _CLOCK)
_GROUPS = 6


def _spoken(
    hour: str,
    colon: str | None,
    seconds: str | None,
    h_form: str | None,
    written: str | None,
    phut: str | None,
) -> str | None:
    h, minute = int(hour), colon or h_form or written
    if h > 24 or minute is not None and int(minute) > 59 or seconds and int(seconds) > 59:
        return None
    words = [read_number(h), "giờ"]
    if seconds is not None and int(seconds):
        words += [read_number(int(minute or 0)), "phút", read_number(int(seconds)), "giây"]
        return " ".join(words)
    if minute is not None and int(minute):
        words.append(read_number(int(minute)))
        if int(minute) < 10 or phut:
            words.append("phút")
    return " ".join(words)


def read_times(text: str) -> str:
    """ "14:30", "14h30", "7h05", "8h00", "14 giờ 30", "6:45:10", and spans "7h - 11h"
    ("... đến ...")."""

    def span(m: re.Match[str]) -> str:
        g = m.groups()
        first, last = _spoken(*g[:_GROUPS]), _spoken(*g[_GROUPS:])
        if first is None or last is None:
            return m[0]
        return f" {first} đến {last} "

    def one(m: re.Match[str]) -> str:
        said = _spoken(*m.groups())
        return m[0] if said is None else f" {said} "

    text = _SPAN.sub(span, text)
    text = _BARE_SPAN.sub(r"\1 đến ", text)
    return _TIME.sub(one, text)


# "2-3 giờ", "từ 7-11h": a bare number before a dash and a time shares its hour word.
_BARE_SPAN = re.compile(
    r"(?<![\d.,:/])(\d{1,2})\s*[-–—]\s*(?=\d{1,2}(?:h(?:\d{2})?(?![^\W_])| giờ(?![^\W\d_])))"
)


_W = r"(?<![^\W\d_])"
_G_TIME = re.compile(r"(?<![\d.,:/])(\d{1,2})g(\d{2})?(?:'|p)?(?![^\W_])")
_G_BEFORE = re.compile(
    _W + r"(?i:lúc|vào|từ|đến|tới|trước|sau|sáng|trưa|chiều|tối|đêm|khuya|rạng sáng)"
    r"\s*$|\d{1,2}g(?:\d{2})?\s*[-–—]\s*$"
)
_G_AFTER = re.compile(
    r"\s*(?:[-–—]\s*\d{1,2}g|(?i:sáng|trưa|chiều|tối|đêm|ngày|hôm|cùng ngày|hằng ngày)"
    r"(?![^\W\d_]))"
)


# A clock time written with a dot, as some papers do: "lúc 7.30", "7.30 sáng", "từ 7.30 đến
# 11.30". Only where the words say time: "tăng 7.30" is no hour.
_DOT_TIME = re.compile(r"(?<![\d.,:/])([01]?\d|2[0-3])\.([0-5]\d)(?!\d|[.,:/]\d)")
_DOT_BEFORE = re.compile(_W + r"(?i:lúc)\s*$")
_DOT_SPAN_BEFORE = re.compile(r"\d\.[0-5]\d\s*(?:[-–—]|đến|tới)\s*$")
_DOT_AFTER = re.compile(
    r"\s*(?:(?i:sáng|trưa|chiều|tối|đêm|khuya)(?![^\W\d_])"
    r"|(?:[-–—]|đến|tới)\s*(?:[01]?\d|2[0-3])\.[0-5]\d(?!\d))"
)


def read_dot_times(text: str) -> str:
    """ "lúc 7.30 sáng" -> "lúc 7 giờ 30 sáng", "từ 7.30 đến 11.30" -> "từ 7 giờ 30 đến 11 giờ
    30"; the dot would otherwise be read "chấm", or as a decimal."""
    if "." not in text:
        return text

    def clock(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - 30) : m.start()]
        if (
            _DOT_BEFORE.search(before)
            or _DOT_AFTER.match(m.string, m.end())
            or _DOT_SPAN_BEFORE.search(before)
        ):
            return f"{int(m[1])} giờ {m[2]}"
        return m[0]

    return _DOT_TIME.sub(clock, text)


# Round the clock written with hours: "24h/24h", "24/24h", "24h/24", "24 giờ/24 giờ".
_ROUND_THE_CLOCK = re.compile(
    r"(?<![\d.,/])24(?:\s?(?:h|giờ)\s?/\s?24(?:\s?(?:h|giờ))?|\s?/\s?24\s?(?:h|giờ))"
    r"(?![^\W_]|[/.,]\d)"
)


def read_round_the_clock(text: str) -> str:
    """ "phục vụ 24h/24h" -> "phục vụ 24/24 giờ": every hour of the day, never "giờ … hát"."""
    return _ROUND_THE_CLOCK.sub("24/24 giờ", text) if "24" in text else text


def read_hour_letters(text: str) -> str:
    """ "15g45" -> "15 giờ 45", "lúc 7g" -> "lúc 7 giờ", "7g sáng"; "500g" and "khối lượng 7g"
    stay grams. Runs before the units, which would read every "g" as "gam"."""

    def hour(m: re.Match[str]) -> str:
        h, minute = int(m[1]), m[2]
        if h > 24 or minute is not None and int(minute) > 59:
            return m[0]
        if minute is None:
            before = m.string[max(0, m.start() - 20) : m.start()]
            if not (_G_BEFORE.search(before) or _G_AFTER.match(m.string, m.end())):
                return m[0]
        return f"{m[1]} giờ" + (f" {minute}" if minute else "")

    return _G_TIME.sub(hour, text)


_SECONDS = re.compile(r"(?<![\d.,:/])(\d{1,3}(?:,\d+)?)\s?s(?![^\W_])")
_DURATION_BEFORE = re.compile(
    r"(?:" + _W + r"(?i:phút|trong|sau|mất|khoảng|chỉ|còn|vòng|chưa đầy|gần|hơn|mỗi|từng|chậm"
    r"|nhanh|cách|thêm|thời gian|thành tích|kéo dài|dài|đúng)|\d\s?(?:p|'))\s*$"
)


# A race time in seconds and hundredths, the seconds sign between them: "12\"45".
_RACE_TIME = re.compile(r"(?<![\d.,:/'])(\d{1,3})(?:\"|”|'')(\d{2})(?!\d)")
_MINUTES_SECONDS = re.compile(
    r"(?<![\d.,:/])(\d{1,3})\s?(?:'|p|phút)\s?(\d{1,2})\s?(?:s(?![^\W_])|\"|”|'')"
)


def read_seconds(text: str) -> str:
    """ "sau 30s", "1 phút 30s", "2'15s": "s" is "giây" after words of a duration only;
    a race time "12\"45" is "mười hai giây bốn mươi lăm"."""

    def seconds(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - 20) : m.start()]
        return f"{m[1]} giây" if _DURATION_BEFORE.search(before) else m[0]

    text = _MINUTES_SECONDS.sub(lambda m: f"{m[1]} phút {int(m[2])} giây", text)
    text = _RACE_TIME.sub(lambda m: f"{m[1]} giây {m[2]}", text)
    return _SECONDS.sub(seconds, text)


# Days of the week cut to letters in opening hours: "từ T2 đến T6", "T7 và CN", "T2-CN". Only
# two of them together are days ("T3/2024" is a month, "T2" alone may be a floor or a code).
_WEEKDAY = r"(?:T[2-7]|CN)"
_DAY_JOINT = r"\s*(?:-|–|đến|tới|và|hoặc|,)\s*"
_WEEKDAYS = re.compile(
    r"(?<![\w./-])" + _WEEKDAY + r"(?:" + _DAY_JOINT + _WEEKDAY + r")+(?![\w/-])"
)
# A month cut to "T" before its year, as in tables and charts: "T3/2024" is "tháng 3/2024".
_MONTH_LETTER = re.compile(r"(?<![\w./-])T(1[0-2]|0?[1-9])(?=/(?:19|20)\d\d(?![\d/]))")
# A count of months cut to "T" in reports: "9T/2024", "6T/2025" are the first nine, six months.
_MONTHS_COUNT = re.compile(r"(?<![\w./-])([1-9]|1[01])T\s?/\s?((?:19|20)\d\d)(?![\d/])")


def read_weekday_letters(text: str) -> str:
    """ "từ T2 đến T6" -> "từ thứ 2 đến thứ 6", "T7 và CN" -> "thứ 7 và chủ nhật", "T2-CN"
    -> "thứ 2 đến chủ nhật"; "T3/2024" -> "tháng 3/2024"; "9T/2024" -> "9 tháng năm 2024"."""
    if "T" not in text and "CN" not in text:
        return text

    def day(m: re.Match[str]) -> str:
        return "chủ nhật" if m[0] == "CN" else f"thứ {m[0][1]}"

    def days(m: re.Match[str]) -> str:
        spaced = re.sub(r"\s*[-–]\s*", " đến ", m[0])
        return re.sub(_WEEKDAY, day, spaced)

    text = _MONTHS_COUNT.sub(r"\1 tháng năm \2", text)
    return _MONTH_LETTER.sub(r"tháng \1", _WEEKDAYS.sub(days, text))
