"""Roman numerals, read only where Vietnamese news writes them as numbers.

Party congresses, terms, quarters, chapters and centuries are numbered in Roman
("Đại hội XIII", "khóa XV", "Quý I", "thế kỷ XXI"), but a capital "I", "V", "CV" or "MC"
elsewhere is a word or an abbreviation. So a numeral is read only right after one of the
words that number things, and after "thứ" as an ordinal ("lần thứ I" is "lần thứ nhất").
"lần" without "thứ" is read as announcers say it, with "thứ": "Đại hội lần XII" is "Đại
hội lần thứ mười hai", "lần I" "lần thứ nhất"; after the other words the numeral is a
cardinal ("khóa XV" is "khóa mười lăm", "Chương IV" "Chương bốn").
"""

from __future__ import annotations

import re

from reader.speech.numbers import read_number, read_ordinal

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Up to 399: enough for congresses and centuries; "D" and "M" are letters in labels.
_NUMERAL = r"(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_TOKEN = r"(?<![^\W_])((?=[IVXLC])" + _NUMERAL + r")(?![^\W_])"

_CONTEXT = (
    "khóa", "khoá", "kỳ", "kì", "thứ", "quý", "chương", "phần", "mục", "điều", "khoản",
    "đại hội", "thế kỷ", "thế kỉ", "trung ương", "hạng", "loại", "cấp", "cấp độ", "đợt",
    "tập", "quyển", "phụ lục", "khu vực", "vùng", "giai đoạn", "lớp", "bậc", "nhóm",
    "báo động", "lần", "quân khu", "mùa", "cấp độ",
)
_WORDS = "|".join(sorted((re.escape(w) for w in _CONTEXT), key=len, reverse=True))
_SEPARATOR = r"(?:\s*[,;]\s*|\s*[-–—]\s*|\s+(?:và|đến|hoặc)\s+)"
_ROMAN = r"(?=[IVXLC])" + _NUMERAL + r"(?![^\W_])"
_IN_CONTEXT = re.compile(
    r"(?<![^\W\d_])((?i:" + _WORDS + r"))(\s+)(" + _ROMAN + r"(?:" + _SEPARATOR + _ROMAN + r")*)"
    r"(?:[/-](\d{4})(?![\d/]))?"
)
_ONE = re.compile(_TOKEN)


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed uppercase numeral up to 399, else ``None`` ("IIII", "")."""
    if not numeral or not re.fullmatch(_NUMERAL, numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        value = _VALUES[ch]
        following = _VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _plausible(numeral: str) -> bool:
    # Single letters other than I, V, X label items ("Mục C", "Phần L").
    return numeral.isupper() and (len(numeral) > 1 or numeral in "IVX")


def read_roman_numerals(text: str) -> str:
    """ "khóa XII" -> "khóa mười hai", "lần thứ XI" -> "lần thứ mười một", "Quý I/2024"
    -> "Quý một năm 2024"; "khóa XI, XII" reads both. Uppercase numerals only."""

    def spoken(m: re.Match[str]) -> str:
        word, space, numerals, year = m[1], m[2], m[3], m[4]
        if not all(_plausible(n) for n in _ONE.findall(numerals)):
            return m[0]
        ordinal = word.lower() in ("thứ", "lần")
        if word.lower() == "lần":
            space += "thứ "

        def one(n: re.Match[str]) -> str:
            value = roman_value(n[1]) or 0
            return read_ordinal(value) if ordinal else read_number(value)

        # "thế kỷ XVII-XIX": a hyphen between two numerals is a span, "đến".
        said = _ONE.sub(one, re.sub(r"\s*[-–—]\s*", " đến ", numerals))
        tail = f" năm {year}" if year else ""
        return f"{word}{space}{said}{tail}"

    return _IN_CONTEXT.sub(spoken, text)
