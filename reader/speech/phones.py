"""Telephone numbers, read digit by digit in the groups they are written in.

A number from a leading 0 with 10 or 11 digits ("0913.123.456", "0297 3851 234",
"(0297) 3.851.234", "+84 913 123 456") is a telephone number wherever it stands; a short
service number ("1022", "1900 1234", "113") only after words that announce one.
"""

from __future__ import annotations

import re

from reader.speech.numbers import read_digits

_PHONE = re.compile(
    r"(?<![\d.,/])(\+84\s?|\(0\d{2,3}\)\s?|0\d{2,3})"
    r"((?:[ .\-]?\d{1,4}){1,4})(?![\d/]|[.,]\d)"
)
_ANNOUNCERS = (
    "đường dây nóng|hotline|số điện thoại|điện thoại|tổng đài|số máy|gọi số|gọi ngay|gọi đến số"
    "|gọi đến|ĐT"
)
_HOTLINE = re.compile(
    r"(?<![^\W\d_])((?i:" + _ANNOUNCERS + r")"
    r"(?:\s*(?:số|là))?\s*[:.]?\s*)(\d{3,4}(?:[ .]\d{3,4})?)(?![\d/]|[.,]\d)"
)


def _groups(written: str) -> str:
    groups = [g for g in re.split(r"[^\d+]+", written) if g]
    merged: list[str] = []
    for group in groups:
        if merged and len(merged[-1].strip("+")) < 2:
            merged[-1] += group
        else:
            merged.append(group)
    return ", ".join(("cộng " if g.startswith("+") else "") + read_digits(g) for g in merged)


def read_phone_numbers(text: str) -> str:
    """Phone numbers digit by digit with a pause between groups: "không chín một ba, một hai ba,
    bốn năm sáu"; hotlines "1022" after "đường dây nóng" are "một không hai hai"."""

    def phone(m: re.Match[str]) -> str:
        head, tail = m[1], m[2]
        digits = sum(ch.isdigit() for ch in head + tail)
        international = head.startswith("+")
        if not (10 <= digits <= 11 or international and 10 <= digits <= 12):
            return m[0]
        return f" {_groups(head + ' ' + tail)} "

    text = _PHONE.sub(phone, text)
    return _HOTLINE.sub(lambda m: f"{m[1]} {_groups(m[2])} ", text)
