"""The word lists of the spoken form, read from ``reader/speech/data/`` (shipped in the package).

Staff-editable data lives in plain UTF-8 files, apart from the code that applies it:
``abbreviations.tsv``, ``units.tsv``, ``letter_names.tsv``, ``document_types.tsv`` and
``issuers.tsv`` (``WRITTEN<TAB>spoken``), ``per_words.txt``, ``centre_words.txt`` and
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


def data_lines(name: str) -> list[str]:
    """The lines of ``data/<name>`` that are not blank or comments, stripped."""
    return _lines(name)


def _pairs(name: str) -> list[tuple[str, str]]:
    pairs = []
    for line in _lines(name):
        written, sep, spoken = line.partition("\t")
        if not sep or not spoken.strip():
            raise ValueError(f"{name}: expected WRITTEN<TAB>spoken, got {line!r}")
        pairs.append((written.strip(), spoken.strip()))
    return pairs


def _table(name: str) -> dict[str, str]:
    return dict(_pairs(name))


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation -> spoken expansion (``UBND`` -> ``Ủy ban nhân dân``)."""
    return _table("abbreviations.tsv")


@cache
def units() -> dict[str, str]:
    """Unit written after a number -> spoken unit (``km`` -> ``ki lô mét``)."""
    return _table("units.tsv")


@cache
def letter_names() -> dict[str, str]:
    """Capital letter -> its Vietnamese name, for spelling unknown acronyms (``H`` -> ``hát``)."""
    return _table("letter_names.tsv")


@cache
def document_types() -> dict[str, str]:
    """Type code in a document code -> document name (``QĐ`` -> ``Quyết định``)."""
    return {code: name for code, name in _pairs("document_types.tsv") if code != "*"}


@cache
def document_words() -> tuple[str, ...]:
    """Every name of a document ("Quyết định", "Văn bản"), that may stand before its code."""
    names = {name for _, name in _pairs("document_types.tsv")}
    return tuple(sorted(names, key=len, reverse=True))


@cache
def court_codes() -> dict[str, str]:
    """Parts of a court's judgement code (``HS`` -> ``hình sự``, ``PT`` -> ``phúc thẩm``)."""
    return _table("court_codes.tsv")


@cache
def issuers() -> dict[str, str]:
    """Issuer code -> name (``UBND`` -> ``Ủy ban nhân dân``); ``QH#`` takes a term number."""
    return _table("issuers.tsv")


@cache
def centre_words() -> tuple[str, ...]:
    """What follows "TT" when it means "Trung tâm" ("TT Y tế")."""
    return tuple(_lines("centre_words.txt"))


def compose(token: str, table: dict[str, str]) -> str | None:
    """Read ``token`` as two known codes written together ("BTVHU" = "BTV" + "HU"), or None."""
    for cut in range(len(token) - 2, 1, -1):
        head, tail = token[:cut], token[cut:]
        if head in table and tail in table:
            return f"{table[head]} {table[tail]}"
    return None


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
    Words are grouped by their first letter, so a position is ruled out with one test, not 250.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rest = re.escape(word[1:]) + (after if word[-1].isalnum() else "")
        groups.setdefault(word[0], []).append(rest)
    parts = [
        (_NOT_AFTER_LETTER if first.isalpha() else "")
        + re.escape(first)
        + "(?:" + "|".join(rests) + ")"
        for first, rests in groups.items()
    ]
    first_chars = "".join(re.escape(first) for first in groups)
    return "(?=[" + first_chars + "])(?:" + "|".join(parts) + ")"


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
