"""Codes of official documents, read the way an announcer reads them.

A code packs number, year, type and issuer: "30/2020/NĐ-CP", "123/KH-UBND", "34-CT/TW",
"55/2014/QH13", "01/2015/TTLT-BNV-BTC". Read piece by piece it repeats the type word
("Kế hoạch số 123 kế hoạch Ủy ban nhân dân") or turns "12/2020" into a month. Announcers
say the document, its number, its year and its issuer: "Nghị định số ba mươi năm hai nghìn
không trăm hai mươi của Chính phủ". A court's code says the case instead of an issuer
("125/2023/HS-PT": "… năm hai nghìn không trăm hai mươi ba hình sự phúc thẩm"). The type is said only when the text has not already
said it; a Party code such as "34-CT/TW" is read "của Trung ương", like the abbreviation.
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech import lexicon, spelling
from reader.speech.numbers import read_number

_PART = r"[A-ZĐ][A-Za-zĐđ]*\d*"
_CODE = re.compile(
    r"(?<![\w./-])(\d{1,6})(?:/(\d{4}))?[/-](" + _PART + r"(?:[-/]" + _PART + r")*)(?![^\W_])"
)
_NUMBERED = re.compile(r"([^\d]+)(\d+)")
# "của" (or "do … cấp") right after the code, or after its date ("1234/QĐ-UBND ngày 12/6/2024 của UBND
# tỉnh"): the text names the issuer itself, so the code's issuer is not said.
_OF_AFTER = re.compile(
    r"\s*(?:,?\s*ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*,?\s*)?(?:của|do)(?![^\W\d_])",
    re.IGNORECASE,
)
_SO_BEFORE = re.compile(r"(?<![^\W\d_])số\s*:?\s*$", re.IGNORECASE)


@cache
def _named_before() -> re.Pattern[str]:
    """A document name just before the code ("Nghị định 30/2020/NĐ-CP"): only "số" is missing."""
    words = "|".join(re.escape(w) for w in lexicon.document_words())
    return re.compile(r"(?<![^\W\d_])(?:" + words + r")\s*$", re.IGNORECASE)


def read_issuer(code: str, general: bool = True) -> str | None:
    """The name of an issuer code ("UBND", "QH15", "BTGTU"), or None if it is not one.

    ``general`` also accepts the abbreviations of running text ("BCHQS")."""
    table = lexicon.issuers()
    if code in table:
        return table[code]
    numbered = _NUMBERED.fullmatch(code)
    if numbered and numbered[1] + "#" in table:
        return f"{table[numbered[1] + '#']} {read_number(int(numbered[2]))}"
    if numbered and (name := read_issuer(numbered[1], general)):
        return f"{name} {read_number(int(numbered[2]))}"
    if not general:
        return lexicon.compose(code, table)
    others = {k: v for k, v in lexicon.abbreviations().items() if v.startswith(_issuing_bodies())}
    if code in others and code.isupper():
        return others[code]
    return lexicon.compose(code, {**others, **table})


@cache
def _issuing_bodies() -> tuple[str, ...]:
    """How the name of a body that issues documents begins ("Ủy ban", "Sở", "Công an")."""
    return tuple(lexicon.data_lines("issuing_bodies.txt"))


def _unknown_issuer(code: str) -> str:
    """An issuer no table names: its letters when the abbreviations give it a sense that
    issues nothing ("TNTP" is no "Thiếu niên Tiền phong" in "07/QĐ-TNTP"), else as capitals
    are read."""
    return spelling.spell(code) if code in lexicon.abbreviations() else spelling.read_capitals(code)


def _issuer_phrase(codes: list[str], joint: bool) -> str:
    names = [name for code in codes if (name := read_issuer(code))]
    if not joint:
        names = names[:1] or [_unknown_issuer(c) for c in codes[:1] if c.isupper()]
    if not names:
        return ""
    if len(names) > 1:
        names = [", ".join(names[:-1]), names[-1]]
    return " của " + " và ".join(names)


def _court_part(part: str) -> list[str] | None:
    """ "HSST" -> ["hình sự", "sơ thẩm"]: a part of a court's code split into known pieces."""
    table = lexicon.court_codes()
    if not part:
        return []
    for cut in range(len(part), 0, -1):
        if part[:cut] in table and (rest := _court_part(part[cut:])) is not None:
            return [table[part[:cut]], *rest]
    return None


def _court_case(parts: list[str]) -> str | None:
    """What a court's code says of its case ("HS-PT" -> "hình sự phúc thẩm"), or None when
    the code is not a court's; a leading "QĐ" (the decision) is left to the type word."""
    decision = parts[0].startswith(("QĐ", "QD"))
    if decision:
        parts = [parts[0][2:], *parts[1:]]
    words = []
    for part in parts:
        pieces = _court_part(part)
        if pieces is None:
            return None
        words += pieces
    return " ".join(words) if words else None


def _head(match: re.Match[str], named: str) -> str:
    """What goes before the number: nothing after "số", "số" after the document's name, else ``named``."""
    before = match.string[max(0, match.start() - 40) : match.start()]
    if _SO_BEFORE.search(before):
        return ""
    if _named_before().search(before):
        return "số "
    return named


def read_code(match: re.Match[str]) -> str:
    """The spoken form of one code match, given what the text says just before it."""
    number, year, parts = match[1], match[2], re.split(r"[-/]", match[3])
    if year and (case := _court_case(parts)):
        head = _head(match, "Quyết định số " if parts[0].startswith(("QĐ", "QD")) else "bản án số ")
        return f" {head}{read_number(int(number))} năm {read_number(int(year))} {case} "
    doc_type = lexicon.document_types().get(parts[0])
    issuer_codes = parts[1:] if doc_type else parts
    if doc_type is None and read_issuer(parts[0], general=False) is None:
        return match[0]
    words = _head(match, f"{doc_type or 'văn bản'} số ") + read_number(int(number))
    if year:
        words += " năm " + read_number(int(year))
    if not _OF_AFTER.match(match.string, match.end()):
        words += _issuer_phrase(issuer_codes, joint=bool(doc_type) and "liên tịch" in doc_type)
    return " " + words + " "


def read_document_codes(text: str) -> str:
    """ "theo 1234/QĐ-UBND" -> "theo Quyết định số một nghìn hai trăm ba mươi tư của Ủy ban
    nhân dân"; runs before the abbreviations and the dates, which would take the code apart."""
    return _CODE.sub(read_code, text)
