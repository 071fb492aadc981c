"""The published date of an article, from the date line a Vietnamese portal prints.

Portals print it in many forms, all Vietnam time: ``(14:30 | 15/04/2021)``,
``Thứ năm, 15/04/2021 14:30``, ``15/04/2021 - 14:30``, ``Cập nhật lúc 14:30 ngày
15/4/2021``, ``Ngày đăng: 15-04-2021``, ``Thứ 5, ngày 15 tháng 4 năm 2021 - 14h30``,
``15/04/2021 2:30:00 CH``. A line is a date line when, once its date, time, weekday,
connecting words and time zone are taken out, nothing is left but a short label at
its start ("Ngày đăng:", "Cập nhật lúc"): so a sentence that mentions a date is not one.
A line of nothing but a date has no time: it is taken as midnight, Vietnam time.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from reader.articles.model import VN_TZ

MAX_DATE_LINE_CHARS = 90
MAX_LABEL_WORDS = 4

_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4})(?![\d/.-])")
_ISO_DATE = re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/-])")
_WORDED_DATE = re.compile(
    r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,|\s)\s*(?:năm\s+)?(?P<y>\d{4})", re.IGNORECASE
)
_TIME = re.compile(
    r"(?<![\d/.:])(?P<h>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<n>\d{2})(?:\s*(?::|phút)\s*(?P<sec>\d{2})(?:\s*giây)?)?"
    r"(?:\s*phút)?(?:\s*(?P<half>SA|CH|AM|PM|sáng|chiều|tối)\b)?(?![\d/])",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])\b", re.IGNORECASE)
_ZONE = re.compile(r"\(?\s*(?:GMT|UTC)\s*\+\s*0?7(?::?00)?\s*\)?", re.IGNORECASE)
_CONNECTORS = re.compile(r"\b(?:ngày|lúc|vào|hồi)\b|[|,\-–—•·/()\[\]]", re.IGNORECASE)
_LABEL = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)*\s*[:：]?\s*$")


def _date_match(line: str) -> re.Match[str] | None:
    for pattern in (_WORDED_DATE, _NUMERIC_DATE, _ISO_DATE):
        match = pattern.search(line)
        if match:
            return match
    return None


def _hour(match: re.Match[str]) -> tuple[int, int] | None:
    hour, minute = int(match.group("h")), int(match.group("n"))
    half = (match.group("half") or "").casefold()
    if half in ("ch", "pm", "chiều", "tối") and hour < 12:
        hour += 12
    elif half in ("sa", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def parse_date_line(line: str) -> datetime | None:
    """The publication time (Vietnam time) of a date line, or None if the line is not one."""
    text = " ".join(line.split())
    if not text or len(text) > MAX_DATE_LINE_CHARS:
        return None
    found = _date_match(text)
    if not found:
        return None
    blanked = text[: found.start()] + " " * (found.end() - found.start()) + text[found.end() :]
    first = found.start()
    clock = _TIME.search(blanked)
    hour_minute = (0, 0)
    if clock:
        parsed = _hour(clock)
        if parsed is None:
            return None
        hour_minute = parsed
        blanked = blanked[: clock.start()] + " " * (clock.end() - clock.start()) + blanked[clock.end() :]
        first = min(first, clock.start())
    label, tail = _leftover(blanked[:first]), _leftover(blanked[first:])
    if tail or (label and not (_LABEL.match(label) and len(label.split()) <= MAX_LABEL_WORDS)):
        return None
    try:
        day = date(int(found.group("y")), int(found.group("m")), int(found.group("d")))
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, *hour_minute, tzinfo=VN_TZ)


def _leftover(text: str) -> str:
    """What is left of a part of a line once weekday, zone and connecting words are out."""
    for pattern in (_ZONE, _WEEKDAY, _CONNECTORS):
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def parse_iso(value: str) -> datetime | None:
    """An ISO 8601 time from metadata; a time without an offset is Vietnam time."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=VN_TZ)
