"""The data files ship in the package and keep the promises the rules rely on."""

from __future__ import annotations

from importlib import resources

import pytest

from reader.speech import lexicon

DATA_FILES = [
    "abbreviations.tsv",
    "units.tsv",
    "per_words.txt",
    "no_break_abbreviations.txt",
    "letter_names.tsv",
    "document_types.tsv",
    "issuers.tsv",
    "centre_words.txt",
]


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_is_package_data_in_utf8(name: str) -> None:
    data = resources.files("reader.speech").joinpath("data", name)
    assert data.is_file()
    data.read_text(encoding="utf-8")


def test_tables_are_loaded() -> None:
    assert lexicon.abbreviations()["UBND"] == "Ủy ban nhân dân"
    assert lexicon.abbreviations()["TP."] == "thành phố"
    assert lexicon.units()["km"] == "ki lô mét"
    assert "ngày" in lexicon.per_words()
    assert "PGS" in lexicon.no_break_abbreviations()


def test_expansions_hold_no_abbreviation_or_digit() -> None:
    """Otherwise a second normalize would change the text again."""
    regex = lexicon.abbreviation_regex()
    for written, spoken in {**lexicon.abbreviations(), **lexicon.units()}.items():
        assert not regex.search(spoken), (written, spoken)
        assert not any(ch.isdigit() for ch in spoken), written


def test_the_lexicon_covers_government_and_party_text() -> None:
    table = lexicon.abbreviations()
    assert len(table) >= 100
    for written in ["UBND", "HĐND", "MTTQ", "BCH", "BTV", "HU", "TU", "ĐU", "CCB", "LĐLĐ", "ĐTN",
                    "HLHPN", "HND", "BHYT", "BHXH", "BHTN", "THPT", "THCS", "GD&ĐT", "GDĐT",
                    "KT-XH", "ANQP", "QP-AN", "CCHC", "TĐKT", "NTM", "XKLĐ", "HTX", "THT", "CLB",
                    "BCĐ", "UBKT", "VKSND", "TAND", "CA", "PCCC", "PCTT", "TKCN", "BĐKH", "ATGT",
                    "ATTP", "VSATTP", "KHKT", "CNTT", "CĐS", "TTHC", "DVC", "PAKN", "PCTN",
                    "Đ/c", "TP.", "TP", "ThS.", "TS.", "PGS.", "CP", "TT"]:
        assert written in table, written


def test_every_capital_letter_has_a_name() -> None:
    names = lexicon.letter_names()
    for letter in "AĂÂBCDĐEÊFGHIJKLMNOÔƠPQRSTUƯVWXYZ":
        assert names[letter] and names[letter] == names[letter].lower()


def test_codes_tables() -> None:
    assert lexicon.document_types()["QĐ"] == "Quyết định"
    assert "Văn bản" in lexicon.document_words()
    assert "*" not in lexicon.document_types()
    assert lexicon.issuers()["QH#"] == "Quốc hội khóa"


@pytest.mark.parametrize(
    ("token", "spoken"),
    [
        ("BTVHU", "Ban Thường vụ Huyện ủy"),
        ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("ABCD", None),
        ("UBND", None),
    ],
)
def test_compose(token: str, spoken: str | None) -> None:
    assert lexicon.compose(token, lexicon.abbreviations()) == spoken


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("TP.HCM", "TP.HCM"),
        ("TP. Rạch Giá", "TP."),
        ("NĐ-CP", "NĐ-CP"),
        ("5UBND", "UBND"),
        ("UBNDX", None),
        ("xUBND", None),
        ("GD&ĐT", "GD&ĐT"),
    ],
)
def test_abbreviation_regex_takes_the_longest_whole_token(text: str, found: str | None) -> None:
    match = lexicon.abbreviation_regex().search(text)
    assert (match[0] if match else None) == found
