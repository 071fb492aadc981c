"""List markers at the start of a sentence, read as an announcer reads an enumeration.

Official texts number their points ("1. Tăng cường ...", "2) Đẩy mạnh ...") and bullet
their lines ("- ", "+ ", "• "). Read literally they become "một chấm" or "cộng". The
announcer's style, used here: a numbered point is said as an ordinal, "Thứ nhất, ...",
"Thứ hai, ..."; sub-points ("1.1.", "a)", "b.") and bullets are not said at all, the pause
before the sentence is enough. A Roman numeral heading ("II. NHIỆM VỤ") is said as its
number ("Hai. NHIỆM VỤ"); lower-case Roman sub-points ("ii)", "iii)") are dropped like "a)". ``split_sentences`` keeps a marker with its sentence, so it opens the text.
"""

from __future__ import annotations

import re

from reader.speech.numbers import read_number
from reader.speech.roman import roman_value
from reader.speech.spelling import UPPER as _UPPER

_LETTER = r"[^\W\d_]"
_SMALL_ROMAN = r"(?:i{2,3}|iv|vi{0,3}|ix|xi{0,3})"
# What is said of nothing at the start: stray punctuation and quotes (dropped later anyway),
# bullets, sub-points, lettered points. Removed until none is left, so the rule is stable.
_DROPPED = re.compile(
    r"^(?:[\s,;:.!?…)“”„\"'‘’«»/\\#_~^|<>{}\[\]`■□$§]+"
    r"|[-+•*–—●▪◦►✓➢❖→]+ *(?=[^\W\d]|\()"
    r"|\(\s+"
    r"|\(?\d{1,2}(?:\.\d{1,2})+[.)] *(?=" + _LETTER + ")"
    r"|\(?[a-zđ](?: ?\)|\.(?=[ \d" + _UPPER + r"])) *"
    r"|\(?" + _SMALL_ROMAN + r" ?\) *)"
)
_NUMBERED = re.compile(r"^\(?(\d{1,2})[.)/] *(?=" + _LETTER + ")")
_LETTERED_INLINE = re.compile(r"([:;]) *\(?(?:[a-zđ]|" + _SMALL_ROMAN + r") ?\)(?: +|(?=\d))")
_ROMAN_HEADING = re.compile(r"^([IVX]{1,5})\. +(?=[" + _UPPER + r"])")
_ORDINAL = {1: "nhất", 4: "tư"}


def ordinal(n: int) -> str:
    """ "Thứ nhất", "Thứ hai", "Thứ tư", "Thứ mười bốn": the ordinal of a numbered point."""
    return "Thứ " + _ORDINAL.get(n, read_number(n))


def _heading(m: re.Match[str]) -> str:
    value = roman_value(m[1])
    return f"{read_number(value).capitalize()}. " if value else m[0]


def read_list_markers(text: str) -> str:
    """ "1. Tăng cường" -> "Thứ nhất, Tăng cường"; "a) Rà soát", "1.2. Mục tiêu", "- Đẩy mạnh",
    "+ Hỗ trợ" lose their marker; "gồm: a) ...; b) ..." too."""
    previous = None
    while previous != text:
        previous, text = text, _DROPPED.sub("", text)
    text = _ROMAN_HEADING.sub(_heading, text)
    text = _NUMBERED.sub(lambda m: ordinal(int(m[1])) + ", " if int(m[1]) else m[0], text)
    return _LETTERED_INLINE.sub(r"\1 ", text)
