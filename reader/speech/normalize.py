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
from reader.speech import admin, quantities

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


# Each group is an ordered list owned by its module: cleanup and repair, the language
# of administration (abbreviations, document codes), then quantities (numbers from the
# most specific shape to plain integers), then what is left of symbols.
RULES: list[Rule] = [
    clean_unicode,
    strip_markup,
    read_web_addresses,
    *admin.RULES,
    *quantities.RULES,
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
