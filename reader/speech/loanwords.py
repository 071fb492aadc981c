"""Loanwords and brand names, said the way Vietnamese announcers say them.

A Vietnamese voice reads "Facebook" letter by letter or as Vietnamese syllables it guesses
at; announcers say "phây búc", "da lô", "Việt com banh", "in tơ nét". The readings are data
(``data/loanwords.tsv``), written in Vietnamese syllables. Staff extend or override them
in the staff lexicon, which runs before every built-in rule.

A written form is matched as whole words (a digit next to it is a boundary: "4Zalo"),
in the casings words really take: lower, capitalised, all capitals, or as the table
writes it ("YouTube"); "sHOW" is no word, so it is left alone. The spoken form keeps a
capital first letter. An exact abbreviation of ``abbreviations.tsv``
("OK" aside, capitals are acronyms) is left to the abbreviation rules.
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech import lexicon


@cache
def loanwords() -> dict[str, str]:
    """Written form (lower case) -> spoken form."""
    table: dict[str, str] = {}
    for line in lexicon.data_lines("loanwords.tsv"):
        written, sep, spoken = line.partition("\t")
        if not sep or not spoken.strip():
            raise ValueError(f"loanwords.tsv: expected WRITTEN<TAB>spoken, got {line!r}")
        table[written.strip().casefold()] = spoken.strip()
    return table


@cache
def _table_forms() -> frozenset[str]:
    """The written forms exactly as the table writes them ("YouTube", "iPhone")."""
    return frozenset(line.partition("\t")[0].strip() for line in lexicon.data_lines("loanwords.tsv"))


def real_casing(written: str) -> bool:
    """Lower, capitalised, all capitals, or as the table writes it: not "zALO"."""
    words = written.split()
    return (
        written.islower() or written.isupper() or written in _table_forms()
        or all(w[:1].isupper() and (len(w) == 1 or w[1:].islower() or not w[1:].isalpha()) for w in words)
    )


@cache
def _regex() -> re.Pattern[str]:
    """All written forms as whole words, grouped by first letter (one test rules most
    positions out), in any case."""
    pattern = lexicon.token_pattern(list(loanwords()), r"(?![^\W\d_])")
    return re.compile(r"(?<![^\W\d_])" + pattern, re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _first_words() -> frozenset[str]:
    """The first word of every written form: text holding none of them has no loanword."""
    return frozenset(_WORD.findall(written)[0] for written in loanwords())


def read_loanwords(text: str) -> str:
    """ "Zalo" -> "Da lô", "trên facebook" -> "trên phây búc", "Vietcombank" -> "Việt com banh"."""
    if _first_words().isdisjoint(w.casefold() for w in _WORD.findall(text)):
        return text
    abbreviations = lexicon.abbreviations()

    def spoken(m: re.Match[str]) -> str:
        written = m[0]
        if written in abbreviations or not real_casing(" ".join(written.split())):
            return written
        said = loanwords()[" ".join(written.split()).casefold()]
        return said[0].upper() + said[1:] if written[0].isupper() else said

    return _regex().sub(spoken, text)
