"""Units of measure, read only right after a number, and rates written with "/".

The table is ``units.tsv`` (units with no prefix system: "ha", "tấn", "hp", "km/h") plus
every SI prefix of ``unit_prefixes.tsv`` on the base units of ``unit_bases.tsv`` ("mg",
"kV", "GHz", "mAh", "cm²", "cm3"), plus the other spellings news prints
(``unit_variants.tsv``: "Km", "KW", "Mhz"). A unit is read only after a number (or after
its scale word, "3 nghìn MW"), so "2TB" is "hai tê ra bai" while "TB" alone stays the
abbreviation of "thông báo". These rules run before the abbreviations for that reason.

One convention for rates: "/" after a unit or a counted word is "một" ("đồng/kg" is
"đồng một ki lô gam", "km/h" "ki lô mét một giờ"); between two numbers it is "trên"
(``dates.read_ratios``: "24/24 xã").
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech import lexicon

NUMBER = r"\d+(?:[.,]\d+)*"
_START = r"(?<![\d.,/:])"
SCALE = r"(?:\s?(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?![^\W\d_]))*"
_DIGIT = re.compile(r"\d")
_POWERS = {"2": "vuông", "²": "vuông", "3": "khối", "³": "khối"}


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in lexicon.data_lines(name)]


@cache
def table() -> dict[str, str]:
    """Every unit written after a number -> its spoken form."""
    prefixes = {p: s for p, s in _rows("unit_prefixes.tsv")}
    made: dict[str, str] = {}
    for row in _rows("unit_bases.tsv"):
        base, spoken, allowed = row[0], row[1], row[2].split()
        powers = row[3].split() if len(row) > 3 else []
        for prefix in allowed:
            written = base if prefix == "-" else prefix + base
            said = spoken if prefix == "-" else f"{prefixes[prefix]} {spoken}"
            made[written] = said
            for power in powers:
                sign = {"2": "²", "3": "³"}[power]
                made[written + power] = made[written + sign] = f"{said} {_POWERS[power]}"
    made.update(lexicon.units())
    for variant, unit in _rows("unit_variants.tsv"):
        made[variant] = made[unit]
    return made


@cache
def _after_number() -> re.Pattern[str]:
    units = lexicon.token_pattern(list(table()), r"(?![^\W_])")
    return re.compile(r"(?<=\d)(" + SCALE + r")\s?(" + units + ")")


@cache
def unit_pattern() -> str:
    """A regex for one unit of the table as a whole token (for other rules' context)."""
    return lexicon.token_pattern(list(table()), r"(?![^\W_])")


@cache
def _range() -> re.Pattern[str]:
    unit = unit_pattern()
    return re.compile(
        _START + r"(" + NUMBER + r")\s?(" + unit + r")\s?[-–—]\s?"
        + r"(" + NUMBER + r")\s?(" + unit + r")"
    )


def read_unit_ranges(text: str) -> str:
    """ "2kg-5kg", "10 m – 15 m": a range with its unit on both sides is "... đến ..."."""
    if not _DIGIT.search(text):
        return text

    def spoken(m: re.Match[str]) -> str:
        if table()[m[2]] != table()[m[4]]:
            return m[0]
        return f"{m[1]} {m[2]} đến {m[3]} {m[4]}"

    return _range().sub(spoken, text)


@cache
def _number_per() -> re.Pattern[str]:
    """ "bạch cầu 12.000/mm3": a count per a unit, with no unit before the slash, is "trên"
    (read "một" it would sound like one more digit)."""
    return re.compile(r"(?<=\d)\s*/\s*(?=" + unit_pattern() + ")")


@cache
def _per() -> re.Pattern[str]:
    words = list(table()) + sorted(lexicon.per_words())
    after = lexicon.token_pattern(words, r"(?![^\W_])")
    return re.compile(r"(?:(?<=[^\W\d_])|(?<=%))\s*/(" + after + ")")


_LOWER = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.isalpha() and c.islower())


@cache
def _priced_per() -> re.Pattern[str]:
    """A slash after money or a unit, before what it is paid or measured for, whatever that
    is: "đồng/học sinh", "đô la Mỹ/thùng", "triệu đồng/lượng", "đồng/vé", "đồng/trẻ em"."""
    currencies = {line.split("\t")[1] for line in lexicon.data_lines("currencies.tsv")}
    before = sorted(currencies | set(table().values()), key=len, reverse=True)
    return re.compile(
        r"(?<![^\W\d_])(" + "|".join(re.escape(w) for w in before) + r")\s*/\s*(?=[" + _LOWER + "])"
    )


@cache
def _alone() -> re.Pattern[str]:
    """A unit symbol with no number before it ("tính theo kg", "bằng m3"), when it can be
    nothing else: two characters or more, no Vietnamese syllable ("ha"), abbreviation
    ("TB", "CV") or loanword."""
    from reader.speech import loanwords, syllables

    others = set(lexicon.abbreviations()) | set(lexicon.issuers())
    symbols = [
        u for u in table()
        if len(u) >= 2 and u not in others and u.casefold() not in loanwords.loanwords()
        and not syllables.is_syllable(u.lower()) and not u.isupper()
    ]
    return re.compile(
        r"(?<![^\W\d_.])" + lexicon.token_pattern(symbols, r"(?![^\W\d_])")
    )


# A height in metres and centimetres: "1m65", "cao 1m4" is "một mét sáu mươi lăm"; an area
# in hectares and tenths: "1ha2" is "một héc ta hai".
_METRES_AND_CENTIMETRES = re.compile(r"(?<![\d.,/])(\d)m(\d{1,2})(?![^\W_]|[.,]\d)")
_HECTARES_AND_TENTHS = re.compile(r"(?<![\d.,/])(\d{1,3})ha(\d)(?![^\W_]|[.,]\d)")


@cache
def _product() -> re.Pattern[str]:
    """ "8m x 9m", "5 m × 20 m": "x" after a measured amount, before another, is "nhân"."""
    return re.compile(r"(\d\s?" + unit_pattern() + r")\s?[x×]\s?(?=\d)")


def read_units(text: str) -> str:
    """Units after a number ("5km" -> "5 ki lô mét", "3 nghìn MW", "2TB"), after a slash
    ("đồng/kg" -> "đồng một ki lô gam", "người/km²", "mg/l", "đồng/học sinh"), and alone
    when they can be nothing else ("tính theo kg")."""
    units = table()
    if _DIGIT.search(text):
        text = _METRES_AND_CENTIMETRES.sub(r"\1 mét \2", text)
        text = _HECTARES_AND_TENTHS.sub(r"\1 héc ta \2", text)
        text = _product().sub(r"\1 nhân ", text)
        text = _after_number().sub(lambda m: f"{m[1]} {units[m[2]]}", text)
    if "/" in text:
        text = _number_per().sub(" trên ", text)
        text = _per().sub(lambda m: " một " + units.get(m[1], m[1]) + " ", text)
        text = _priced_per().sub(r"\1 một ", text)
    return _alone().sub(lambda m: units[m[0]], text)
