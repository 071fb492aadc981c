"""Written news -> the text a Vietnamese voice should say.

``normalize`` runs ``RULES`` in order, each a small pure ``str -> str`` function with its
own table test (the shape of gTTS's pre-processors). Cleanup comes first, then words that
hide punctuation (web addresses, abbreviations such as "TP." or "Đ/c"), then numbers from
the most specific shape to plain integers, then leftover symbols, then tidying. A later
rule may assume the earlier ones ran: new rules (Roman numerals, document codes such as
"34-CT/TW", a staff lexicon, syllable repair) slot in by position in ``RULES``.

The result is stable: ``normalize(normalize(x)) == normalize(x)``, and holds no ASCII digit.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Callable

from reader.config import Settings
from reader.speech import lexicon, quantities

Rule = Callable[[str], str]

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


def clean_unicode(text: str) -> str:
    """NFC (one code point per accented letter, as engines and cache keys need), plain spaces."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>", re.DOTALL)


def strip_markup(text: str) -> str:
    """HTML tags and entities left by extraction, and the "./." that closes official documents."""
    text = _TAG.sub(" ", text)
    text = html.unescape(text).replace("\u00a0", " ")
    return re.sub(r"\./\.", ".", text)


_URL = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)+(?:vn|com|net|org|gov|edu|info|int)(?![^\W\d_])(?:/[^\s]*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@(?=[\w-]+\.)")


def read_web_addresses(text: str) -> str:
    """Portal and e-mail addresses read by their host: "anbien.kiengiang.gov.vn" with "chấm"."""

    def host(m: re.Match[str]) -> str:
        name = re.sub(r"^https?://|/.*$", "", m[0], flags=re.IGNORECASE).rstrip(".")
        return " " + " chấm ".join(part for part in name.split(".") if part) + " "

    text = _EMAIL.sub(lambda m: " " + m[0][:-1].replace(".", " chấm ") + " a còng ", text)
    return _URL.sub(host, text)


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


_SYMBOLS = {
    "&": " và ", "@": " a còng ", "+": " cộng ", "=": " bằng ", "%": " phần trăm ", "°": " độ "
}
_DROP = re.compile(r"[/\\*#_~^|<>{}\[\]`\"“”„«»‘’'•●▪◦■□►$§]")


def replace_symbols(text: str) -> str:
    """Symbols an engine would spell or stumble on: read the few with a word, drop the rest."""
    for symbol, word in _SYMBOLS.items():
        text = text.replace(symbol, word)
    text = _DROP.sub(" ", text)
    return re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", text)


def tidy(text: str) -> str:
    """One space between words, none before punctuation, no empty clauses."""
    while (emptied := re.sub(r"\(\s*\)", " ", text)) != text:
        text = emptied
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r" ?([,;:])(?:[ ,;:]*[,;:])?", r"\1", text)
    text = re.sub(r"\s+([.!?…)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"([,;:])(?=[^\s\d])", r"\1 ", text)
    text = re.sub(r"^[\s,;:.!?…)\-–—]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


RULES: list[Rule] = [
    clean_unicode,
    strip_markup,
    read_web_addresses,
    soften_capitals,
    expand_abbreviations,
    quantities.read_dates,
    quantities.read_times,
    quantities.read_ranges,
    quantities.read_percentages,
    quantities.read_units,
    quantities.read_phone_numbers,
    quantities.read_ordinals,
    quantities.read_integers,
    replace_symbols,
    tidy,
]


def normalize(text: str, settings: Settings | None = None) -> str:
    """The spoken form of ``text``; ``settings.thousand_word`` picks "nghìn" or southern "ngàn"."""
    for rule in RULES:
        text = rule(text)
    if settings is not None and settings.thousand_word != "nghìn":
        text = re.sub(r"(?<![^\W\d_])nghìn(?![^\W\d_])", settings.thousand_word, text)
    return text
