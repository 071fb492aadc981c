"""The language of administration: list markers, document codes, abbreviations of
government and party text (some read by context), titles written in capitals, and the
capitals left over. Each rule is a small pure ``str -> str`` function; the data lives in
``data/``. ``RULES`` is ordered: each rule may assume the ones before it ran.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Callable

from reader.speech import identifiers, lexicon, lists, senses, spelling
from reader.speech.codes import read_document_codes


def expand_abbreviations(text: str) -> str:
    """Abbreviations from ``data/abbreviations.tsv``, as whole tokens and case-sensitive."""
    table = lexicon.abbreviations()

    def spoken(m: re.Match[str]) -> str:
        if m[0] in lexicon.units() and _NUMBER_BEFORE.search(text, 0, m.start()):
            return m[0]  # "2TB", "50 MW": a unit after a number, for the quantity rules
        # Space only against a digit ("5UBND"); keep "QĐ-UBND" joined for the hyphen rule.
        before = " " if m.start() and text[m.start() - 1].isalnum() else ""
        after = " " if m.end() < len(text) and text[m.end()].isalnum() else ""
        return before + senses.unrepeated(text[: m.start()], table[m[0]]) + after

    return lexicon.abbreviation_regex().sub(spoken, text)


_UP = "[" + spelling.UPPER + "]"
_NUMBER_BEFORE = re.compile(r"\d ?$")
_COMPANY_CP = re.compile(r"(?<![^\W\d_])([Cc]ông ty|[Cc]ty|CTY)( TNHH)? CP(?![^\W\d_])")
_CHAIRED = "UBND|HĐND|UBMTTQ|MTTQ|HĐQT|Hội|CĐ|LĐLĐ|Ủy ban|Hội đồng|nước"
_CHAIR = re.compile(r"(?<![^\W\d_])CT(?= (?:" + _CHAIRED + r")(?![^\W\d_]))")
_PLACE_INITIAL = re.compile(r"(?<![^\W\d_])([QPHX])\. ?(?=[\s“”\"'‘’«»(/•*]*(?:\d|" + _UP + "))")
_PLACES = {"Q": "quận ", "P": "phường ", "H": "huyện ", "X": "xã "}
_WORD_BEFORE = re.compile(r"([^\W\d_]+) *$")


@cache
def _town_or_centre() -> re.Pattern[str]:
    centres = "|".join(re.escape(w) for w in lexicon.centre_words())
    return re.compile(r"(?<![\w&/.\-])TT (?:(" + centres + r")(?![^\W\d_])|(?=" + _UP + "))")


def read_in_context(text: str) -> str:
    """Abbreviations whose sense depends on their neighbours: "Công ty CP" is "cổ phần" (else
    "CP" is "Chính phủ"), "CT UBND" is "Chủ tịch", "TT Y tế" is "Trung tâm", "TT Thứ Ba" is
    "thị trấn"."""

    def town(m: re.Match[str]) -> str:
        return f"Trung tâm {m[1]}" if m[1] else "thị trấn "

    text = _COMPANY_CP.sub(lambda m: f"{m[1]}{m[2] or ''} cổ phần", text)
    text = _CHAIR.sub("Chủ tịch", text)
    return _town_or_centre().sub(town, text)


def read_place_initials(text: str) -> str:
    """ "Q.1", "P. Vĩnh Thanh", "H. An Biên", "X. Nam Thái" are "quận", "phường", "huyện",
    "xã", but not right after a name ("Nguyễn Văn H. Kiên"). Runs after the abbreviations,
    so the word before is the one that will be said."""

    def place(m: re.Match[str]) -> str:
        before = _WORD_BEFORE.search(m.string, 0, m.start())
        name = before is not None and before[1].istitle()
        if name and not m.string[m.end()].isdigit():
            return m[0]
        return _PLACES[m[1]]

    return _PLACE_INITIAL.sub(place, text)


def soften_capitals(text: str) -> str:
    """Titles in capitals ("TỔNG KẾT NĂM"): engines spell capital words as acronyms, so a run of
    three or more becomes "Tổng Kết Năm". Abbreviations and other non-words in the run
    ("BCH", "XIII") stay for the rules after this one."""
    tokens = text.split(" ")
    caps = [_is_capital_word(token) for token in tokens]
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and caps[j]:
            j += 1
        if j - i >= 3:
            tokens[i:j] = [t.title() if _is_plain_word(t) else t for t in tokens[i:j]]
        i = max(j, i + 1)
    return " ".join(tokens)


def _is_plain_word(token: str) -> bool:
    return spelling.is_word(_core(token))


def _core(token: str) -> str:
    return token.strip(".,;:!?…()\"'“”")


def _is_capital_word(token: str) -> bool:
    core = _core(token)
    return len(core) >= 2 and core.isalpha() and core.isupper()


def drop_restated_abbreviations(text: str) -> str:
    """ "Bảo hiểm xã hội (BHXH)": the abbreviation in brackets only restates the words before
    it, so an announcer skips it instead of saying the same words twice."""
    table = lexicon.abbreviations()

    def restated(m: re.Match[str]) -> str:
        expansion = table.get(m[1])
        before = " ".join(m.string[: m.start()].split()).casefold()
        if expansion and before.endswith(" ".join(expansion.split()).casefold()):
            return ""
        return m[0]

    return _BRACKETED.sub(restated, text)


_BRACKETED = re.compile(r"\s*\(\s*([^\W\d_][^\s()]{0,15}?)\s*\)")

_COMPOUND = re.compile(
    r"(?<![\w&/.\-])[^\W\d_]+(?:[-&/.][^\W\d_]+)+(?![\w&/\-]|\.[^\W\d_])"
)
_SEPARATOR = re.compile(r"([-&/.])")


def _abbreviation_like(part: str) -> bool:
    return len(part) >= 2 and (part.isupper() or sum(c.isupper() for c in part) >= 2)


def _part_reading(part: str) -> str | None:
    table = lexicon.abbreviations()
    return table.get(part) or lexicon.issuers().get(part) or lexicon.compose(part, table)


def read_compounds(text: str) -> str:
    """Abbreviations joined by "-", "&", "/" or "." and not in the table, read part by part:
    "VH-XH-DL" -> "văn hóa, xã hội, du lịch", "BHXH/BHYT" -> "bảo hiểm xã hội, bảo hiểm y
    tế", "KH&CN" -> "khoa học và công nghệ"; a document type before its issuer takes no
    pause ("QĐ-UBND" -> "quyết định Ủy ban nhân dân"). A part no table knows is read as
    a capital word alone would be ("TTYT-QX" -> "Trung tâm Y tế, quy ích xì"); a compound
    no part of which is known is left for the spelling rule."""
    table = lexicon.abbreviations()
    types = lexicon.document_types()

    def compound(m: re.Match[str]) -> str:
        pieces = _SEPARATOR.split(m[0])
        parts, separators = pieces[0::2], pieces[1::2]
        dotted_title = "." in separators and m.string[m.end() : m.end() + 1] == "."
        if m[0] in table or dotted_title or not all(map(_abbreviation_like, parts)):
            return m[0]
        known = [_part_reading(part) for part in parts]
        if all(reading is None for reading in known):
            return m[0]
        # A part no table knows is read as a capital token alone would be (a word, a
        # name, else its letters: "CL" "xê e lờ"), the known parts by their tables; a
        # slash next to it takes no pause ("HIV/AIDS" "hát i vê ết").
        readings = [r or spelling.read_capitals(p) for r, p in zip(known, parts)]
        spoken = str(readings[0])
        for i, (separator, before) in enumerate(zip(separators, parts)):
            reading = readings[i + 1]
            if separator == "&":
                spoken += " và "
            elif separator == "/" and None in (known[i], known[i + 1]):
                spoken += " "
            elif separator == "." or before in types:
                spoken += " "
            else:
                spoken += ", "
            spoken += str(reading)
        return " " + spoken + " "

    return _COMPOUND.sub(compound, text)


# Before the quantity rules: a document code ("05-CT/TW", "12/2020/NĐ-CP") is read whole
# while its number, year and issuer still stand together, so that no padded count, date or
# rate ("CT/TW" as "per terawatt") takes a piece of it.
EARLY_RULES: list[Callable[[str], str]] = [identifiers.read_identifiers, read_document_codes]

RULES: list[Callable[[str], str]] = [
    lists.read_list_markers,
    soften_capitals,
    senses.read_senses,
    read_in_context,
    spelling.read_glued_codes,
    drop_restated_abbreviations,
    read_compounds,
    expand_abbreviations,
    read_place_initials,
    spelling.spell_capitals,
]
