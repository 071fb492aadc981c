"""Loanwords and brand names, said the way Vietnamese announcers say them.

A Vietnamese voice reads "Facebook" letter by letter or as Vietnamese syllables it guesses
at; announcers say "phây búc", "da lô", "Việt com banh", "in tơ nét". The readings are data
(``data/loanwords.tsv``), written in Vietnamese syllables. Staff extend or override them
in the staff lexicon, which runs before every built-in rule.

A written form is matched as whole words in any case ("Zalo", "zalo", "ZALO"), and the
spoken form keeps a capital first letter. An exact abbreviation of ``abbreviations.tsv``
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
def _regex() -> re.Pattern[str]:
    """All written forms as whole words, grouped by first letter (one test rules most
    positions out), in any case."""
    pattern = lexicon.token_pattern(list(loanwords()), r"(?![^\W_])")
    return re.compile(r"(?<![^\W_])" + pattern, re.IGNORECASE)


_WORD = re.compile(r"[^\W_]+")


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
        if written in abbreviations:
            return written
        said = loanwords()[" ".join(written.split()).casefold()]
        return said[0].upper() + said[1:] if written[0].isupper() else said

    return _regex().sub(spoken, text)
