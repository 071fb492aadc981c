"""Vietnamese number words, as a news announcer reads them.

Spoken Vietnamese changes some digits by position, so a plain digit table is not
enough: 21 is "hai mươi mốt", 15 is "mười lăm", 24 is "hai mươi tư", 105 is
"một trăm linh năm", and a zero hundreds group inside a big number is still read
("một nghìn không trăm linh năm"). Groups of three digits are read the same way
under every scale word; scales above a billion repeat "tỷ" ("nghìn tỷ", "triệu tỷ").
"""

from __future__ import annotations

import re

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 10**9

# Longer digit strings are codes or account numbers, not amounts: read them digit by digit.
MAX_AMOUNT_DIGITS = 15


def _triple(n: int, full: bool) -> list[str]:
    """Words for 0 < n < 1000; ``full`` reads a zero hundreds ("không trăm") inside a number."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, DIGITS[units]))
    return words


def _below_billion(n: int, full: bool, thousand: str) -> list[str]:
    words: list[str] = []
    groups = ((n // 1_000_000, "triệu"), (n // 1000 % 1000, thousand), (n % 1000, ""))
    for value, scale in groups:
        if not value:
            continue
        words += _triple(value, full or bool(words))
        if scale:
            words.append(scale)
    return words


def _words(n: int, full: bool, thousand: str) -> list[str]:
    if n < BILLION:
        return _below_billion(n, full, thousand)
    high, low = divmod(n, BILLION)
    words = _words(high, full, thousand) + ["tỷ"]
    if low:
        words += _below_billion(low, True, thousand)
    return words


def read_number(n: int, thousand: str = "nghìn") -> str:
    """Read an integer in words: ``read_number(2021) == "hai nghìn không trăm hai mươi mốt"``."""
    if n < 0:
        return "âm " + read_number(-n, thousand)
    if n == 0:
        return DIGITS[0]
    return " ".join(_words(n, False, thousand))


def read_digits(s: str) -> str:
    """Read each digit of ``s`` on its own (phone numbers, leading zeros), skipping the rest."""
    return " ".join(DIGITS[int(ch)] for ch in s if ch.isdecimal())


def read_integer_text(digits: str, thousand: str = "nghìn") -> str:
    """Read a written run of digits: an amount, or digit by digit when it is a code.

    A leading zero ("05", "0913...") or more than 15 digits means a code, not a quantity.
    """
    if len(digits) > 1 and digits[0] == "0" or len(digits) > MAX_AMOUNT_DIGITS:
        return read_digits(digits)
    return read_number(int(digits), thousand)


def read_decimal(whole: str, fraction: str, thousand: str = "nghìn") -> str:
    """Read ``whole,fraction`` with "phẩy": "3,5" is "ba phẩy năm", "0,05" "không phẩy không năm".

    Announcers read a short fraction as a number ("phẩy hai mươi lăm") and keep its leading
    zeros; a long fraction is read digit by digit.
    """
    head = read_integer_text(whole, thousand) if whole else DIGITS[0]
    stripped = fraction.lstrip("0")
    zeros = len(fraction) - len(stripped)
    if not stripped:
        tail = read_digits(fraction)
    elif len(stripped) <= 3:
        tail = " ".join([DIGITS[0]] * zeros + [read_number(int(stripped), thousand)])
    else:
        tail = read_digits(fraction)
    return f"{head} phẩy {tail}"


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL = re.compile(r"\d+,\d+")


def read_written_number(token: str, thousand: str = "nghìn") -> str:
    """Words for one written number: "1.250" thousands, "3,5" decimal, "1.2" section "chấm"."""
    if token.isdecimal():
        return read_integer_text(token, thousand)
    if _THOUSANDS.fullmatch(token) or _DECIMAL.fullmatch(token):
        whole, _, fraction = token.partition(",")
        whole = whole.replace(".", "")
        if fraction:
            return read_decimal(whole, fraction, thousand)
        # Thousands dots mark an amount however long: "1.000.000.000.000.000" is "một tỷ tỷ".
        return read_number(int(whole), thousand)
    parts = re.split(r"([.,])", token)
    return " ".join(
        {".": "chấm", ",": "phẩy"}.get(part) or read_integer_text(part, thousand) for part in parts
    )


def read_ordinal(n: int) -> str:
    """The word after "thứ": "thứ nhất", "thứ tư", then plain numbers ("thứ mười bốn")."""
    return {1: "nhất", 4: "tư"}.get(n) or read_number(n)


def read_month(m: int) -> str:
    """The word after "tháng": announcers say "tháng tư" (never "tháng bốn"), "tháng một"."""
    return "tư" if m == 4 else read_number(m)
