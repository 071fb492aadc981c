"""Signs the other rules leave, said where a listener must hear them.

The rules of dates, ratios, rates and codes read most slashes; one that reaches the end would
be dropped with the other symbols, and two numbers or a share and its whole would run
together ("số nhà 45B/12" as "bốn mươi lăm bê mười hai", "3%/tổng dư nợ" as "ba phần trăm
tổng dư nợ"): it is said "trên". A sign before a percentage in brackets is a change against
a year before ("giảm 12 vụ (-8,5%)"): announcers say "giảm" and "tăng", not "âm", "cộng".
"""

from __future__ import annotations

import re

# A house or class number with its letter, then a slash and a number: "45B/12", "12A/3".
_LETTERED_SLASH = re.compile(r"(?<![\w/.-])(\d{1,4}[A-Z]{1,2})\s?/\s?(?=\d{1,4}(?![\d/]|[.,]\d))")
# A share of a whole written after it: "3%/tổng dư nợ", "5%/số hộ". A rate ("%/năm") is read
# with the units, before this.
_SHARE_SLASH = re.compile(r"([%‰])\s?/\s?(?=[^\W\d_])")


def read_lettered_slashes(text: str) -> str:
    """ "số nhà 45B/12" -> "số nhà 45B trên 12", as "số 12/3" is "mười hai trên ba"."""
    return _LETTERED_SLASH.sub(r"\1 trên ", text) if "/" in text else text


def read_share_slashes(text: str) -> str:
    """ "3%/tổng dư nợ" -> "3% trên tổng dư nợ"."""
    return _SHARE_SLASH.sub(r"\1 trên ", text) if "/" in text else text


_SIGNED_CHANGE = re.compile(r"\(\s*([-−–+])\s?(?=\d[\d.,]*\s?%)")


def read_signed_changes(text: str) -> str:
    """ "(-8,5%)" -> "(giảm 8,5%)", "(+2,1%)" -> "(tăng 2,1%)"."""
    return _SIGNED_CHANGE.sub(lambda m: "(tăng " if m[1] == "+" else "(giảm ", text)
