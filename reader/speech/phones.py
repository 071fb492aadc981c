"""Telephone numbers and codes, read digit by digit in the groups they are written in.

A number from a leading 0 with 10 or 11 digits ("0913.123.456", "0297 3851 234",
"(0297) 3.851.234", "02.38765432", "0297 - 3863 456", "(+84) 913 123 456") is a
telephone number wherever it stands, and so is a 1800 or 1900 number ("1900 6789",
"1800.5678", "1900.545.411"). A short service number ("1022", "113") only after words
that announce one, and a code ("mã bưu chính 920000", "mã số thuế ...") only after its
name (``data/phone_words.tsv``).
A group longer than four digits is said in two parts, as announcers do: "38765432" is
"ba tám bảy sáu, năm bốn ba hai".
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech import counting, lexicon
from reader.speech.numbers import read_digits

_PHONE = re.compile(
    r"(?<![\d.,/])(\(?\+84\)?\s?|\(0\d{2,3}\)\s?|0\d{1,3})"
    r"((?:(?:\s?[.\-–]\s?|\s)?\d{1,8}){1,4})(?![\d/]|[.,]\d)"
)
_PREMIUM = re.compile(r"(?<![\d.,/])(1[89]00)((?:[ .]?\d{2,4}){1,2})(?![\d/]|[.,]\d)")
_DIGIT = re.compile(r"\d")
_END = r"(?![\d/]|[.,]\d)"
# A list of service numbers, each perhaps with what it is for: "113 (công an), 114 (cứu hỏa)".
_ITEM = r"\d{3,4}(?:[ .]\d{3,4})?(?:\s*\([^()\d]{1,30}\))?"
_NUMBER = r"(" + _ITEM + r"(?:\s*(?:,|/|hoặc|và)\s*" + _ITEM + r")*)"
_CODE_NUMBER = r"(\d[\d .]*\d)"
# A text message's short number: "nhắn tin theo cú pháp DT SBD gửi 8785", "soạn tin … gửi
# đến 1405", "đầu số 8x85": what comes after "gửi" in a message's instructions is a number.
_SMS = re.compile(
    r"(?<![^\W\d_])((?i:(?:nhắn tin|soạn tin|cú pháp)[^.;!?\d]{0,60}?(?<![^\W\d_])gửi"
    r"(?:\s+(?:đến|tới|về))?(?:\s+số)?|đầu số)\s*:?\s*)(\d{3,5})" + _END
)
_NOT_ADDRESS = r"(?!\s*(?:[/-]|(?i:đường|phố|ấp|hẻm|ngõ|kiệt|tổ|khu|lô|thửa|tờ)(?![^\W\d_])))"


@cache
def _words() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for line in lexicon.data_lines("phone_words.tsv"):
        kind, _, words = line.partition("\t")
        kinds.setdefault(kind, []).append(words.strip())
    return kinds


def _after(words: list[str], named: bool = False) -> str:
    """After one of ``words``; ``named`` also after a few words naming whose line it is,
    ended by a colon ("Đường dây nóng PCCC: 114", "tổng đài của Sở Y tế: 1022")."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    owner = r"(?:(?:\s+[^\W\d_]+){1,4}\s*:(?=\s*(?!(?:19|20)\d\d(?!\d))\d))?" if named else ""
    return r"(?<![^\W\d_])((?i:" + alternatives + r")" + owner + r"(?:\s*(?:số|là))?\s*[:.]?\s*)"


@cache
def _regexes() -> dict[str, re.Pattern[str]]:
    kinds = _words()
    return {
        "service": re.compile(_after(kinds["service"], named=True) + _NUMBER + _END),
        "code": re.compile(_after(kinds["code"]) + _CODE_NUMBER + _END),
        "emergency": re.compile(
            r"(?<!nhà )" + _after(kinds["emergency-after"])
            + r"(11[1-9]|10\d\d)" + _END + _NOT_ADDRESS
        ),
    }


def _split(group: str) -> list[str]:
    """A long group in two parts, the longer last: 8 -> 4+4, 7 -> 3+4, 6 -> 3+3, 5 -> 2+3."""
    if len(group.strip("+")) <= 4:
        return [group]
    half = len(group) // 2
    return [group[:half], group[half:]]


def groups(written: str) -> str:
    """Digit names in the written groups, a comma (a short pause) between groups."""
    parts = [g for g in re.split(r"[^\d+]+", written) if g]
    merged: list[str] = []
    for group in parts:
        if merged and len(merged[-1].strip("+")) < 2:
            merged[-1] += group
        else:
            merged.append(group)
    said = [piece for group in merged for piece in _split(group)]
    return ", ".join(("cộng " if g.startswith("+") else "") + read_digits(g) for g in said)


def read_phone_numbers(text: str) -> str:
    """Phone numbers digit by digit with a pause between groups: "không chín một ba, một hai ba,
    bốn năm sáu"; "1900 6789" is "một chín không không, sáu bảy tám chín"."""

    def phone(m: re.Match[str]) -> str:
        head, tail = m[1], m[2]
        digits = sum(ch.isdigit() for ch in head + tail)
        international = "+" in head
        if not (10 <= digits <= 11 or international and 10 <= digits <= 12):
            return m[0]
        return f" {groups(head + ' ' + tail)} "

    def premium(m: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in m[2])
        return f" {groups(m[1] + ' ' + m[2])} " if digits in (4, 6) else m[0]

    text = _PHONE.sub(phone, text)
    return _PREMIUM.sub(premium, text)


def _each(numbers: str) -> str:
    """ "113 hoặc 114", "113, 114": every number of a list in its own groups."""
    said = re.sub(r"\d+(?:[ .]\d+)*", lambda m: groups(m[0]), numbers)
    return re.sub(r"\s*/\s*", ", ", said)


def _sms(m: re.Match[str]) -> str:
    if re.match(r"\s*[^\W\d_]", m.string[m.end() :]) and counting.is_counted(m.string, m.end()):
        return m[0]  # "soạn tin gửi 200 người": people counted, not a number
    return f"{m[1]} {groups(m[2])} "


def read_service_numbers(text: str) -> str:
    """Short numbers after the words that announce a telephone number or a code: "đường dây
    nóng 1022" is "một không hai hai", "gọi 115", "mã bưu chính 920000", and a text
    message's number ("cú pháp DT SBD gửi 8785")."""
    if not _DIGIT.search(text):
        return text
    rx = _regexes()
    text = rx["code"].sub(lambda m: f"{m[1]} {groups(m[2])} ", text)
    text = _SMS.sub(_sms, text)
    text = rx["service"].sub(lambda m: f"{m[1]} {_each(m[2])} ", text)
    return rx["emergency"].sub(lambda m: f"{m[1]} {groups(m[2])} ", text)
