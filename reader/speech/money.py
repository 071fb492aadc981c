"""Money in every currency the news prints, as an announcer reads it.

The currency word always follows the amount, whichever side the symbol was written on:
"$5", "5$" and "5 USD" are "năm đô la" / "năm đô la Mỹ", "€20" is "hai mươi ơ rô".
Amounts keep the Vietnamese decimal reading, one convention for every currency: "5,99 USD"
is "năm phẩy chín mươi chín đô la Mỹ" (never "... xu"), and an English decimal point
before one or two digits ("$5.99") is that same decimal comma. A range is read with "đến"
and the currency where it was written: "20.000đ-30.000đ" has it twice, "20-30 USD" once.

These rules only move and name the currency; the numbers are read by the number rules.
Currencies are data (``data/currencies.tsv``): symbols are read anywhere, codes with
capitals ("USD") also alone ("tỷ giá USD"), codes in lower case ("đ", "usd") only after a
number.
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech import lexicon
from reader.speech.units import NUMBER, SCALE

_START = r"(?<![\d.,/:])"
_END = r"(?![\d/]|[.,]\d)"
_DASH = r"\s?[-–—]\s?"
SYMBOLS = "$€£¥₫₩"


@cache
def currencies() -> dict[str, str]:
    """Written currency (symbol or code) -> spoken name."""
    pairs = (line.split("\t") for line in lexicon.data_lines("currencies.tsv"))
    return {written: spoken for written, spoken in pairs}


def _pattern(names: list[str]) -> str:
    return lexicon.token_pattern(names, r"(?![^\W_])")


@cache
def _regexes() -> dict[str, re.Pattern[str]]:
    table = currencies()
    symbols = [w for w in table if not w[-1].isalnum()]
    # Read even with no number: symbols, codes in capitals, words ("euro"); not "đồng",
    # which is its own name, nor the lower-case codes ("đ", "usd") that need a number.
    anywhere = [
        w for w in table if (not w.isalpha() or w.isupper() or len(w) > 3) and w != table[w]
    ]
    codes = [w for w in table if w.isalpha() and w.isupper()]
    amount = r"(" + NUMBER + r")(" + SCALE + r")"
    after = r"\s?(" + _pattern(list(table)) + r")"
    before = r"(" + _pattern(symbols) + r")\s?"
    return {
        "range_after": re.compile(_START + amount + after + _DASH + amount + after),
        "range_before": re.compile(
            _START + before + amount + _DASH + r"(?:" + before + r")?" + amount + _END
        ),
        "before": re.compile(_START + before + amount + _END),
        # "USD 5.000", but not "tỷ giá USD 24.500 đồng", whose number has its own currency.
        "code_before": re.compile(
            r"(?<![^\W_])(" + _pattern(codes) + r")\s(" + NUMBER + r")(" + SCALE + r")" + _END
            + r"(?!" + after + r")"
        ),
        "after": re.compile(_START + amount + after),
        "per": re.compile(_START + amount + after + r"\s*/\s*(" + _pattern(list(table)) + r")"),
        "alone": re.compile(_pattern(anywhere)),
    }


_DIGIT = re.compile(r"\d")
# "tỷ giá USD 24.500": the number after an exchange rate's code is in another currency.
_RATE_BEFORE = re.compile(r"(?<![^\W\d_])(?i:tỷ giá|tỉ giá)\s*$")
_ENGLISH_DECIMAL = re.compile(r"(\d+)\.(\d{1,2})")


def _amount(number: str, scale: str) -> str:
    """ "5.99" (a decimal point before one or two digits) is the Vietnamese "5,99"."""
    if _ENGLISH_DECIMAL.fullmatch(number):
        number = number.replace(".", ",")
    return number + scale


def _put(m: re.Match[str], said: str) -> str:
    """``said`` in place of the match, kept apart from a word or number glued after it."""
    before, after = m.string[max(0, m.start() - 1) : m.start()], m.string[m.end() : m.end() + 1]
    return (" " if before.isalnum() else "") + said + (" " if after.isalnum() else "")


def read_money(text: str) -> str:
    """ "$5.99" -> "5,99 đô la", "20.000đ-30.000đ" -> "20.000 đồng đến 30.000 đồng",
    "€2 triệu" -> "2 triệu ơ rô", "tỷ giá USD" -> "tỷ giá đô la Mỹ", "25.450 VND/USD" ->
    "25.450 đồng một đô la Mỹ"."""
    table, rx = currencies(), _regexes()
    if not _DIGIT.search(text):
        return rx["alone"].sub(lambda m: f" {table[m[0]]} ", text)

    def range_after(m: re.Match[str]) -> str:
        first, last = table[m[3]], table[m[6]]
        if first != last:
            return m[0]
        return _put(m, f"{_amount(m[1], m[2])} {first} đến {_amount(m[4], m[5])} {last}")

    def range_before(m: re.Match[str]) -> str:
        first, second = table[m[1]], m[4] and table[m[4]]
        if second and second != first:
            return m[0]
        head = _amount(m[2], m[3]) + (f" {first}" if second else "")
        return _put(m, f"{head} đến {_amount(m[5], m[6])} {first}")

    text = rx["range_after"].sub(range_after, text)
    text = rx["range_before"].sub(range_before, text)
    text = rx["before"].sub(lambda m: _put(m, f"{_amount(m[2], m[3])} {table[m[1]]}"), text)
    def code_before(m: re.Match[str]) -> str:
        if _RATE_BEFORE.search(m.string, 0, m.start()):
            return m[0]
        return _put(m, f"{_amount(m[2], m[3])} {table[m[1]]}")

    text = rx["code_before"].sub(code_before, text)
    text = rx["per"].sub(
        lambda m: _put(m, f"{_amount(m[1], m[2])} {table[m[3]]} một {table[m[4]]}"), text
    )
    text = rx["after"].sub(lambda m: _put(m, f"{_amount(m[1], m[2])} {table[m[3]]}"), text)
    return rx["alone"].sub(lambda m: f" {table[m[0]]} ", text)
