"""The data files ship in the package and keep the promises the rules rely on."""

from __future__ import annotations

from importlib import resources

import pytest

from reader.speech import lexicon

DATA_FILES = ["abbreviations.tsv", "units.tsv", "per_words.txt", "no_break_abbreviations.txt"]


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
