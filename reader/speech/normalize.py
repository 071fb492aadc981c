"""Written news -> the text a Vietnamese voice should say.

``normalize`` runs ``RULES`` in order, each a small pure ``str -> str`` function with its
own table test (the shape of gTTS's pre-processors). A later rule may assume the earlier
ones ran; each group is an ordered list owned by its module:

1. ``repair.REPAIR_RULES``: ``nfc``, ``strip_markup`` (tags, entities, invisible
   characters, the "./." closing documents), ``fix_mojibake``, ``fix_tone_placement``,
   ``repair_syllables``: scraped text made into clean Vietnamese first, so that every
   later rule and lexicon lookup sees one spelling of each word;
2. ``one_space``, then ``read_web_addresses`` (their dots are no sentence or number),
   ``loanwords.read_loanwords`` ("Facebook" as announcers say it) and
   ``quantities.EARLY_RULES`` (money, units and padded counts while they still follow
   their number, before an abbreviation can take "TB" or "CV");
3. ``admin.RULES``: the language of administration (capitals, abbreviations such as
   "TP." or "Đ/c", document codes such as "34-CT/TW");
4. ``quantities.RULES``: numbers from the most specific shape (dates, times, units) to
   plain integers, so no digit is left;
5. ``replace_symbols``, then ``tidy``.

A staff lexicon (``data_dir/lexicon.txt``), when settings are given, runs after cleanup
and before every reading rule, so its entries override the built-ins.
Only the spoken form passes here: the written sentence shown to readers stays as written.
The result is stable: ``normalize(normalize(x)) == normalize(x)``, and holds no ASCII digit.
"""

from __future__ import annotations

import re
from typing import Callable

from reader.config import Settings
from reader.speech import admin, lexicon, loanwords, quantities, spelling, staff_lexicon
from reader.speech.repair import REPAIR_RULES

Rule = Callable[[str], str]


def one_space(text: str) -> str:
    """Plain single spaces, once repair is done: later rules split and match on " ".

    No-break spaces and soft hyphens wait for ``fix_mojibake`` (they can be bytes of a
    letter); those it left are a space and nothing.
    """
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


_URL = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)+(?:vn|com|net|org|gov|edu|info|int|me)(?![^\W\d_])"
    r"(?:/(?:\S*[^\s.,;:!?)\]])?)?",  # a path, but not the sentence's closing dot
    re.IGNORECASE,
)
# A hashtag written in camel case: "#VietNamXanh" is the words "Viet Nam Xanh".
_HASHTAG = re.compile(r"(?<![\w&])#([^\W_][\w]*)")
_EMAIL = re.compile(r"[\w.+-]+@(?=[\w-]+\.)")


# The parts of an address announcers say by name rather than as a word: "www", "gov", "vn".
_HOST_PARTS = {
    "www": "vê kép vê kép vê kép", "vn": "vê en", "gov": "gốp", "com": "com", "net": "nét",
    "org": "o rờ gờ", "edu": "e đu", "info": "in phô", "int": "in", "me": "mi",
}


def read_web_addresses(text: str) -> str:
    """Portal and e-mail addresses read by their host: "anbien.kiengiang.gov.vn" with "chấm";
    a hashtag's words ("#VietNamXanh" -> "Viet Nam Xanh")."""

    def host(m: re.Match[str]) -> str:
        parts = m[0].rstrip(".").split(".")
        if m[0].isupper() and all(p in lexicon.abbreviations() for p in parts):
            return m[0]  # "UBMTTQ.VN": abbreviations joined by a dot, not an address
        name = re.sub(r"^https?://|/.*$", "", m[0], flags=re.IGNORECASE).rstrip(".")
        return " " + " chấm ".join(_address_part(p) for p in name.split(".") if p) + " "

    def mailbox(m: re.Match[str]) -> str:
        return " " + " chấm ".join(_address_part(p) for p in m[0][:-1].split(".")) + " a còng "

    text = _EMAIL.sub(mailbox, text)
    text = _HASHTAG.sub(lambda m: re.sub(r"(?<=[^\W\d_])(?=[A-ZĐ])", " ", m[1]), text)
    return _URL.sub(host, text)


def _address_part(part: str) -> str:
    """A part by name ("gov"), spelled when it is an abbreviation written small ("ubnd" ->
    "u bê en nờ đê", "vtv"), else as written ("kiengiang", "hue")."""
    if part.lower() in _HOST_PARTS:
        return _HOST_PARTS[part.lower()]
    if part.isascii() and part.isalpha() and part.upper() in lexicon.abbreviations():
        return spelling.spell(part.upper())
    if part.isascii() and part.isalpha() and not re.search(r"[aeiouy]", part, re.IGNORECASE):
        return spelling.spell(part.upper())  # "vnpt", "ttxvn": no vowel, no word
    return part


_SYMBOLS = {
    "&": " và ", "@": " a còng ", "+": " cộng ", "=": " bằng ", "%": " phần trăm ",
    "‰": " phần nghìn ", "°": " độ ", "≥": " lớn hơn hoặc bằng ", "≤": " nhỏ hơn hoặc bằng ",
    "±": " cộng trừ ",
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


# Each group is an ordered list owned by its module: repair of scraped text, the language
# of administration (abbreviations, document codes), then quantities (numbers from the
# most specific shape to plain integers), then what is left of symbols. The staff
# lexicon comes between cleanup and reading, so its entries match repaired, NFC text and
# override every built-in reading.
VIETNAMESE_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)
CLEANUP_RULES: list[Rule] = [*REPAIR_RULES, one_space]
READING_RULES: list[Rule] = [
    read_web_addresses,
    loanwords.read_loanwords,
    *admin.EARLY_RULES,
    *quantities.EARLY_RULES,
    *admin.RULES,
    *quantities.RULES,
    replace_symbols,
    tidy,
]
RULES: list[Rule] = CLEANUP_RULES + READING_RULES


def _one_pass(text: str, settings: Settings | None) -> str:
    for rule in CLEANUP_RULES:
        text = rule(text)
    if settings is not None:
        text = staff_lexicon.apply(text, settings)
    for rule in READING_RULES:
        text = rule(text)
    return text


# Characters of no Vietnamese word, and "Ã " (the "à" whose no-break space was lost): signs
# of mis-decoded text, whose repair depends on neighbours that later rules may remove
# ("Ã@" -> "Ã a còng"), so such text is normalized again until it no longer changes.
# Clean text (almost all news) takes one pass.
_FOREIGN = re.compile(r"[^\x00-\x7f" + VIETNAMESE_LETTERS + r"\s…–—“”‘’°²³·•]|Ã\s")
MAX_PASSES = 4


def normalize(text: str, settings: Settings | None = None) -> str:
    """The spoken form of ``text``; ``settings.thousand_word`` picks "nghìn" or southern "ngàn"."""
    text = _one_pass(text, settings)
    for _ in range(MAX_PASSES - 1):
        if not _FOREIGN.search(text):
            break
        again = _one_pass(text, settings)
        if again == text:
            break
        text = again
    if settings is not None and settings.thousand_word != "nghìn":
        text = re.sub(r"(?<![^\W\d_])nghìn(?![^\W\d_])", settings.thousand_word, text)
    return text
