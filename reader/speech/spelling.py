"""Capital letters that no rule has read: spell them with Vietnamese letter names.

espeak-ng switches to English for a capital word it does not know ("ABCD" is read
"ay bee see dee"), and gTTS guesses. So no run of capitals may reach an engine: a known
abbreviation has been expanded before this rule, two known ones written together are read
as both ("BTVHU"), a Vietnamese word in capitals ("HUYỆN") or a name the voice can read as
it is ("VINAMILK", four letters or more that make syllables) is written in title case, and
anything else is spelled letter by letter ("ABCD" -> "a bê xê dê"). A single capital glued
to a digit ("F0", "H5N1", "U23") is named too. Roman numerals are left to the number rules.
"""

from __future__ import annotations

import re
import unicodedata

from reader.speech import lexicon, loanwords, syllables
from reader.speech.numbers import read_digits, read_number

UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isalpha() and c.isupper())
_CAPS = re.compile(r"(?<![^\W\d_])[" + UPPER + r"]{2,}(?![^\W\d_])")
_LETTER_BY_DIGIT = re.compile(
    r"(?<![^\W\d_])[" + UPPER + r"](?=\d)|(?<=\d)[" + UPPER + r"](?![^\W\d_])"
)
_GLUED = re.compile(
    r"(?<![^\W_])(?=[" + UPPER + r"\d]*\d)[" + UPPER + r"]+\d[" + UPPER + r"\d]*(?![^\W_])"
)
_RUNS = re.compile(r"\d+|[^\d]+")
_ROMAN = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_NUMBER_BEFORE = re.compile(r"\d ?$")


def spell(token: str) -> str:
    """Letter names of ``token``, one word (or two) a letter: "GDP" -> "giê đê pê"."""
    names = lexicon.letter_names()
    return " ".join(names.get(ch) or names.get(_base(ch)) or ch.lower() for ch in token)


def _base(letter: str) -> str:
    """The letter without its tone mark ("Ấ" -> "Â"), so toned capitals have a name too."""
    marks = "\u0300\u0301\u0303\u0309\u0323"
    bare = "".join(ch for ch in unicodedata.normalize("NFD", letter) if ch not in marks)
    return unicodedata.normalize("NFC", bare)


def is_word(token: str) -> bool:
    """A Vietnamese word written in capitals ("HUYỆN", "AN", "ĐẮK"), not an acronym."""
    return syllables.is_syllable(token) or token.lower() in syllables.known_non_syllables()


_ONSET = "(?:ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|str|[bcfgkpst][lr]|s[ckmnptw]|tw|wh|[b-df-hj-np-tv-zđ])?"
_NUCLEUS = "[aăâeêioôơuưy]{1,3}"
_CODA = "(?:ng|nh|ch|ck|ct|ft|l[dkmtf]|mp|n[dkst]|pt|r[dkmnt]|s[kpt]|[bcdfgklmnprstxz])?"
_SPEAKABLE = re.compile("(?:" + _ONSET + _NUCLEUS + _CODA + ")+")
MIN_SPEAKABLE = 4


def is_speakable(token: str) -> bool:
    """A capital word of four letters or more that reads as it is spelled, a name or a brand
    ("VINAMILK", "PETROLIMEX", "NATO"), not an acronym to spell ("UBND", "BIDV", "ABCD").
    Shorter ones ("VOV", "ODA", "GDP") are spelled: announcers say their letters."""
    bare = _base_word(token.lower())
    return len(bare) >= MIN_SPEAKABLE and _SPEAKABLE.fullmatch(bare) is not None


def _base_word(word: str) -> str:
    return "".join(_base(ch.upper()).lower() for ch in word)


def read_capitals(token: str) -> str:
    """The spoken form of one all-capital token no abbreviation rule has taken: a known
    abbreviation, a Vietnamese word, a unit, two known codes written together, a name the
    voice can read as it is, or else its letters."""
    table = lexicon.abbreviations()
    if token in table:
        return table[token]
    if is_word(token):
        return token.title()
    if token in lexicon.units():
        return lexicon.units()[token]
    composed = lexicon.compose(token, table)
    if composed:
        return composed
    return token.title() if is_speakable(token) else spell(token)


def read_glued_code(token: str) -> str:
    """A code of capitals glued to digits, as announcers read rice varieties, virus strains
    and team names: letters by name, short numbers as numbers, long ones digit by digit
    ("ST25" -> "ét sì tê hai mươi lăm", "OM5451" -> "ô em mờ năm bốn năm một")."""
    parts = []
    for run in _RUNS.findall(token):
        if not run.isdigit():
            # A word the voice knows ("RON95": "Ron chín mươi lăm"), else its letters
            # ("OM5451": "ô em mờ", two letters are always letters).
            known = loanwords.loanwords().get(run.casefold())
            word = run.title() if len(run) >= 3 and is_word(run) else None
            parts.append(known or word or spell(run))
        elif len(run) <= 2 and not run.startswith("0"):
            parts.append(read_number(int(run)))
        else:
            parts.append(read_digits(run))
    return " ".join(parts)


def read_glued_codes(text: str) -> str:
    """Every capitals-and-digits code ("ST25", "H5N1", "U23") read by ``read_glued_code``."""
    return _GLUED.sub(lambda m: " " + read_glued_code(m[0]) + " ", text)


def spell_capitals(text: str) -> str:
    """Every capital token still in ``text`` read as a word, a pair of codes or its letters."""

    def token(m: re.Match[str]) -> str:
        word = m[0]
        if _ROMAN.fullmatch(word):
            return word
        if word in lexicon.units() and _NUMBER_BEFORE.search(m.string, 0, m.start()):
            return word
        return " " + read_capitals(word) + " "

    def letter(m: re.Match[str]) -> str:
        return " " + spell(m[0]) + " "

    return _LETTER_BY_DIGIT.sub(letter, _CAPS.sub(token, text))
