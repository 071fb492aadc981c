"""A slash the other rules leave: said "trên" where it joins two things a listener must hear.

The rules of dates, ratios, rates and codes read most slashes; what reaches the end would be
dropped with the other symbols, and two numbers or a share and its whole would run together:
"số nhà 45B/12" as "bốn mươi lăm bê mười hai", "3%/tổng dư nợ" as "ba phần trăm tổng dư nợ".
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
