"""The word lists of the spoken form, read from ``reader/speech/data/`` (shipped in the package).

Staff-editable data lives in plain UTF-8 files, apart from the code that applies it:
``abbreviations.tsv`` and ``units.tsv`` (``WRITTEN<TAB>spoken``), ``per_words.txt`` and
``no_break_abbreviations.txt`` (one entry a line). Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# "Not a letter" on either side: digits and punctuation are boundaries, letters are not,
# so "5UBND" and "(UBND)" expand but "UBNDX" does not.
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])"
_NOT_ALNUM_AFTER = r"(?![^\W_])"


def _lines(name: str) -> list[str]:
    text = resources.files("reader.speech").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _table(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _lines(name):
        written, sep, spoken = line.partition("\t")
        if not sep or not spoken.strip():
            raise ValueError(f"{name}: expected WRITTEN<TAB>spoken, got {line!r}")
        table[written.strip()] = spoken.strip()
    return table


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation -> spoken expansion (``UBND`` -> ``Ủy ban nhân dân``)."""
    return _table("abbreviations.tsv")


@cache
def units() -> dict[str, str]:
    """Unit written after a number -> spoken unit (``km`` -> ``ki lô mét``)."""
    return _table("units.tsv")


@cache
def per_words() -> frozenset[str]:
    """Words read as "một <word>" after a slash ("đồng/ngày")."""
    return frozenset(_lines("per_words.txt"))


@cache
def no_break_abbreviations() -> frozenset[str]:
    """Tokens whose dot does not end a sentence (``TP``, ``PGS``, ``Đ/c``)."""
    return frozenset(_lines("no_break_abbreviations.txt"))


def token_pattern(words: list[str], after: str = _NOT_BEFORE_LETTER) -> str:
    """A regex alternation matching any of ``words`` as a whole token, longest first.

    A word that ends in punctuation ("TP.") needs no boundary after it, so "TP.Rạch Giá" matches.
    """
    parts = []
    for word in sorted(words, key=len, reverse=True):
        part = re.escape(word)
        if word[0].isalpha():
            part = _NOT_AFTER_LETTER + part
        if word[-1].isalnum():
            part += after
        parts.append(part)
    return "(?:" + "|".join(parts) + ")"


@cache
def abbreviation_regex() -> re.Pattern[str]:
    return re.compile(token_pattern(list(abbreviations())))


@cache
def unit_regex() -> re.Pattern[str]:
    """A unit right after a number, with or without a space: "5km", "5 km", "98,5 ha"."""
    return re.compile(r"(?<=\d) ?(" + token_pattern(list(units()), _NOT_ALNUM_AFTER) + ")")


@cache
def per_regex() -> re.Pattern[str]:
    """A slash then a unit or a per-word, right after a word: "đồng/kg", "giờ/ngày"."""
    words = list(units()) + sorted(per_words())
    return re.compile(r"(?<=[^\W\d_])/(" + token_pattern(words, _NOT_ALNUM_AFTER) + ")")
