"""The language of administration: abbreviations of government and party text, and
titles written in capitals. Each rule is a small pure ``str -> str`` function; the data
lives in ``data/``.
"""

from __future__ import annotations

import re
from typing import Callable

from reader.speech import lexicon


def expand_abbreviations(text: str) -> str:
    """Abbreviations from ``data/abbreviations.tsv``, as whole tokens and case-sensitive."""
    table = lexicon.abbreviations()

    def spoken(m: re.Match[str]) -> str:
        # Space only against a digit ("5UBND"); keep "QĐ-UBND" joined for the hyphen rule.
        before = " " if m.start() and text[m.start() - 1].isalnum() else ""
        after = " " if m.end() < len(text) and text[m.end()].isalnum() else ""
        return before + table[m[0]] + after

    return lexicon.abbreviation_regex().sub(spoken, text)


def soften_capitals(text: str) -> str:
    """Titles in capitals ("TỔNG KẾT NĂM"): engines spell capital words as acronyms, so a run of
    three or more becomes "Tổng Kết Năm". Known abbreviations in the run stay for the next rule."""
    table = lexicon.abbreviations()
    tokens = text.split(" ")
    caps = [_is_capital_word(token) for token in tokens]
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and caps[j]:
            j += 1
        if j - i >= 3:
            tokens[i:j] = [t if _is_abbreviation(t, table) else t.title() for t in tokens[i:j]]
        i = max(j, i + 1)
    return " ".join(tokens)


def _is_abbreviation(token: str, table: dict[str, str]) -> bool:
    return _core(token) in table or _core(token) + "." in table


def _core(token: str) -> str:
    return token.strip(".,;:!?…()\"'“”")


def _is_capital_word(token: str) -> bool:
    core = _core(token)
    return len(core) >= 2 and core.isalpha() and core.isupper()


RULES: list[Callable[[str], str]] = [soften_capitals, expand_abbreviations]
