"""Identifiers of vehicles, boats, roads and plots, read the way announcers read them.

A licence plate ("68C-123.45", "29H1-567.89", "51F-12345") is not a range nor a negative
number: it is said digit by digit, the series by its letter names, a short pause before
the serial ("sáu tám xê, một hai ba bốn năm"). A fishing boat's registration ("KG 91234
TS", "QNg-90345-TS") is its province letters, its digits one by one and "tê ét". A road
glued to its number ("QL1A", "ĐT.963") is "quốc lộ một a"; a kilometre post ("km 12+300",
"Km 3") is "ki lô mét mười hai cộng ba trăm", and "BĐ2-BĐ3" "báo động hai đến báo động
ba"; a standard ("QCVN 01-1:2018/BYT", "TCVN
5574:2018") is read like a document code, "số … năm … của …". A plot or block code with a hyphen ("lô
A2-15") takes a space, never "âm", and a grade written with a Roman numeral after a
hyphen ("RON 95-III", "0,05S-II") is a number. A serial after a code of capitals ("CS
123456", "IR 50404", "LK-05") is said digit by digit. Initials written with dots ("N.V.A")
and a name cut to its initial ("Trần Văn T.") are spelled. All run before the document codes and the numbers take these apart.
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech import lexicon, phones, senses, spelling
from reader.speech.numbers import read_digits, read_number
from reader.speech.roman import roman_value

_PLATE = re.compile(
    r"(?:(?<![^\W\d_])(BS|BSX)\s?:?\s?)?(?<![\w.,/-])(\d{2})([A-Z]{1,2})(\d?)(?:[-\s](\d{3})\.(\d{2})|-(\d{4,5}))(?![\w/]|[.,]\d)"
)
_BOAT = re.compile(r"(?<![\w-])([A-ZĐ][A-Za-zĐđ]{0,2})[-\s](\d{4,5})[-\s]TS(?![^\W_])")
_KM_POST = re.compile(
    r"(?<![\w.,])(?<!\d )([Kk][Mm])(\s?)(\d{1,4})(?:\s?\+\s?(\d{1,3}))?(?![\w.,/]|[.,]\d)"
)
_PLOT = re.compile(r"(?<![\w.,/-])([A-Z]{1,2}\d{1,3})-(\d{1,4})(?![\w/-]|[.,]\d)")
_GRADE = re.compile(r"(?<=[^\W_])-(I{1,3}|IV|V)(?![^\W_])")
_STANDARD = re.compile(
    r"(?<![^\W\d_])(QCVN|QCĐP|TCVN|ISO)\s?(\d+(?:[-.]\d+)*)\s?:\s?((?:19|20)\d\d)"
    r"(?:/([A-ZĐ][A-ZĐa-z]*))?(?![^\W_])"
)
# Three numbers or more chained by hyphens that are no date: a fertiliser's grade "NPK
# 16-16-8", a formula "4-4-2"; said one by one with a pause.
_CHAIN = re.compile(r"(?<![\d.,/-])(\d{1,2}(?:-\d{1,2}){2,})(?![\d/-]|[.,]\d)")
_CHAIN_DATE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:ngày|hôm|sáng|trưa|chiều|tối|đêm|từ|đến|tới|trước|sau|dịp|lễ|mùng|mồng)\s*$"
)
# Gold of four nines: "vàng 9999", "vàng nhẫn 9999" is "bốn số chín".
_FOUR_NINES = re.compile(
    r"(?<![^\W\d_])((?i:vàng)(?:\s+(?:nhẫn|miếng|trơn|ta|trang sức|nguyên liệu|SJC|PNJ))*\s+)"
    r"9999(?![\d.,])"
)
_INITIALS = re.compile(r"(?<![^\W\d_.])([A-ZĐ])((?:\.[A-ZĐ]){1,3})(?![^\W\d_])")
# Initials glued to the given name by a dot: "T.V.Hùng", "N.T.Lan".
_INITIALS_BEFORE_NAME = re.compile(
    r"(?<![^\W\d_.])([A-ZĐ](?:\.[A-ZĐ]){1,3})\.(?=[A-ZĐÂĂÊÔƠƯ][^\W\d_A-ZĐ])"
)
# A name cut to its initial, as court and police news print the accused: "bị cáo Trần Văn
# T.", "Lê Thị M. (SN 1989)": a capital and a dot after two capitalised words.
_NAME_INITIAL = re.compile(r"(?<![^\W\d_.])([A-ZĐ])\.(?=[\s,;:)]|$)")
_NAME_BEFORE = re.compile(r"(?<![^\W\d_])[A-ZĐÂĂÊÔƠƯ][^\W\d_]* [A-ZĐÂĂÊÔƠƯ][^\W\d_]* $")
# A code of capitals before a serial of digits: "CS 123456" (a land certificate), "IR
# 50404" (a rice variety), "LK-05" (a lot). Five digits or more with no thousands dot, four
# in a crop variety, or a leading zero, make a serial, said digit by digit; a count is never
# written so. A hyphen joins a code to its number ("LK-12"), never a minus.
_SERIAL = re.compile(
    r"(?<![\w.,/-])([A-ZĐ]{1,4})(?:\s((?:0\d{1,15})|[1-9]\d{3,15})|-(\d{1,8}))(?![\w/-]|[.,]\d)"
)
# A crop variety's four digits ("giống lúa OM 5451", "lúa ST24, OM 4900"), where four digits
# after capitals are otherwise a year or an amount ("APEC 2017", "GDP 4500 USD").
_VARIETY_BEFORE = re.compile(r"(?<![^\W\d_])(?i:giống|lúa|nếp)(?![^\W\d_])[^.;!?]{0,60}$")
_NOT_SERIAL_LABELS = frozenset(
    {"USD", "VND", "VNĐ", "EUR", "ĐT", "SĐT", "DĐ", "SN", "BS", "BSX", "ISO", "TCVN", "QCVN"}
)
# A design load ("tải trọng HL93", "hoạt tải H30"): its letters, not a road's name.
_LOAD_BEFORE = re.compile(r"(?<![^\W\d_])(?i:tải trọng|hoạt tải)\s*$")


@cache
def _roads() -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, road_names()), key=len, reverse=True))
    return re.compile(
        r"(?<![\w&/.-])(" + names + r")(?:\.\s?)?(\d{1,3})([A-Z]?)"
        r"(\s?[-–]\s?\1(?:\.\s?)?(\d{1,3})([A-Z]?))?(?![^\W_]|[.,]\d)"
    )


@cache
def road_names() -> dict[str, str]:
    return dict(line.split("\t", 1) for line in lexicon.data_lines("road_names.tsv"))


def _plate(m: re.Match[str]) -> str:
    label = "biển số " if m[1] else ""  # "BS 68K1-234.56": never "bác sĩ"
    head = f"{label}{read_digits(m[2])} {spelling.spell(m[3])}"
    if m[4]:
        head += " " + read_digits(m[4])
    serial = (m[5] + m[6]) if m[5] else m[7]
    return f" {head}, {read_digits(serial)} "


def _boat(m: re.Match[str]) -> str:
    return f" {spelling.spell(m[1].upper())}, {read_digits(m[2])}, {spelling.spell('TS')} "


def _road(m: re.Match[str]) -> str:
    if _LOAD_BEFORE.search(m.string, 0, m.start()):
        return f" {spelling.spell(m[1])} {read_number(int(m[2]))}{m[3]} "
    name = senses.unrepeated(m.string[: m.start()], road_names()[m[1]])
    said = f"{name} {read_number(int(m[2]))}"
    said = f"{said} {spelling.spell(m[3])}" if m[3] else said
    if m[4]:  # "BĐ2-BĐ3": from one to the other
        said += f" đến {road_names()[m[1]]} {read_number(int(m[5]))}"
        said = f"{said} {spelling.spell(m[6])}" if m[6] else said
    return f" {said} "


def _name_initial(m: re.Match[str]) -> str:
    if not _NAME_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return m[0]
    ends = re.match(r"\s*(?:$|[A-ZĐÂĂÊÔƠƯ])", m.string[m.end() :])  # perhaps a sentence's end
    return spelling.spell(m[1]) + ("." if ends else "")


def _serial(m: re.Match[str]) -> str:
    label, digits = m[1], m[2] or m[3]
    if label in _NOT_SERIAL_LABELS or label in road_names() or roman_value(label):
        return m[0]  # "quý IV-2023" is a quarter of a year
    if len(digits) >= 9 and digits[0] == "0":
        return m[0]  # a telephone number, for the phone rules
    if len(digits) == 4 and m[2] and (
        digits[:2] in ("19", "20") or not _VARIETY_BEFORE.search(m.string, 0, m.start())
    ):
        return m[0]
    if digits[0] != "0" and len(digits) < 4:
        return f" {label} {digits} "  # "LK-12": a hyphen that joins, never "âm"
    said = phones.groups(digits) if len(digits) > 6 else read_digits(digits)  # a pause in long ones
    return f" {label} {said} "


def _km_post(m: re.Match[str]) -> str:
    if not (m[2] or m[4]):
        return m[0]  # "km2" is a square kilometre; "Km3+200" a post
    said = f"ki lô mét {read_number(int(m[3]))}"
    return f" {said} cộng {read_number(int(m[4]))} " if m[4] else f" {said} "


def _standard(m: re.Match[str]) -> str:
    """ "QCVN 01-1:2018/BYT" -> "QCVN số không một – một năm hai nghìn không trăm mười tám
    của BYT": the shape of a document code (the abbreviations are read by later rules)."""
    parts = re.split(r"[-.]", m[2])
    number = " – ".join(
        read_digits(p) if p.startswith("0") else read_number(int(p)) for p in parts
    )
    issuer = f" của {m[4]}" if m[4] else ""
    return f" {m[1]} số {number} năm {read_number(int(m[3]))}{issuer} "


def _chain(m: re.Match[str]) -> str:
    if _CHAIN_DATE_BEFORE.search(m.string, 0, m.start()):
        return m[0]
    return " " + ", ".join(read_number(int(n)) for n in m[1].split("-")) + " "


def _grade(m: re.Match[str]) -> str:
    before = re.search(r"[^\W\d_]+$", m.string[: m.start()])
    if before and roman_value(before[0]):
        return m[0]  # "Quý II-III/2025": a span of numerals, for the Roman numeral rule
    value = roman_value(m[1])
    return f" {read_number(value)}" if value else m[0]


def read_identifiers(text: str) -> str:
    """Plates, boat registrations, roads, kilometre posts, plot codes, grades and initials."""
    if any(ch.isdigit() for ch in text):
        text = _PLATE.sub(_plate, text)
        text = _STANDARD.sub(_standard, text)
        text = _BOAT.sub(_boat, text)
        text = _roads().sub(_road, text)
        text = _KM_POST.sub(_km_post, text)
        text = _PLOT.sub(r"\1 \2", text)
        text = _SERIAL.sub(_serial, text)
        text = _CHAIN.sub(_chain, text)
        text = _FOUR_NINES.sub(r"\1bốn số chín", text)
    text = _GRADE.sub(_grade, text)
    text = _NAME_INITIAL.sub(_name_initial, text)
    text = _INITIALS_BEFORE_NAME.sub(
        lambda m: " " + spelling.spell(m[1].replace(".", "")) + " ", text
    )
    return _INITIALS.sub(lambda m: " " + spelling.spell(m[0].replace(".", "")) + " ", text)
