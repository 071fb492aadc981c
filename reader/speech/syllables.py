"""Which written words are Vietnamese syllables, and where a syllable's tone mark goes.

Vietnamese writes one syllable per word: (onset)(medial)nucleus(coda) plus one of six
tones. The set of spellings is small (about 20,000 with tones), so we generate it once
from the spelling rules in ``data/syllable_rules.txt`` instead of shipping a word list:
every rule is visible and a missing rhyme is a one-word fix. Scraped news needs this to
tell a damaged word ("ừào", "ngyễn") from a real one before anything is read aloud.

Tone marks: the placement we write (``place_tone``) puts the mark of an open "oa", "oe",
"uy" on its first letter (hòa, khỏe, thủy), as most Vietnamese news sites do; the other
common placement (hoà, khoẻ, thuỷ) is accepted as a syllable too, and
``repair.fix_tone_placement`` rewrites it to ours.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

# Combining tone marks, by tone number: 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng (0 is ngang).
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_TONE_OF_MARK = {mark: tone for tone, mark in enumerate(TONE_MARKS) if mark}
VOWELS = frozenset("aăâeêioôơuưy")
_SHAPED_VOWELS = frozenset("ăâêôơư")  # a vowel with its own diacritic takes the tone mark
_STOP_CODAS = ("p", "t", "c", "ch")  # only sắc and nặng are possible before these
_FRONT = "ieêy"  # k, gh, ngh go before these; c, g, ng never do
_KGH = ("k", "gh", "ngh")
_CGNG = ("c", "g", "ng")
_FIRST_MARK_CLUSTERS = ("oa", "oe", "uy")  # open rhymes whose placement varies
_WORD = re.compile(r"[^\W\d_]+")


def _data(name: str) -> str:
    return resources.files("reader.speech").joinpath("data", name).read_text(encoding="utf-8")


@cache
def _rules() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in _data("syllable_rules.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line:
            current.extend(unicodedata.normalize("NFC", line).split())
    return sections


def split_tone(word: str) -> tuple[str, int] | None:
    """(word without its tone mark, tone number 0-5), or None if it has two tone marks."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [_TONE_OF_MARK[ch] for ch in decomposed if ch in _TONE_OF_MARK]
    if len(tones) > 1:
        return None
    bare = "".join(ch for ch in decomposed if ch not in _TONE_OF_MARK)
    return unicodedata.normalize("NFC", bare), (tones[0] if tones else 0)


def _parts(bare: str) -> tuple[int, int] | None:
    """Start and end of the vowel cluster of a lower-case toneless syllable."""
    start = 0
    if bare[:2] in ("qu", "gi") and len(bare) > 2 and bare[2] in VOWELS:
        start = 2  # the u of "qu" and the i of "gi" belong to the onset
    while start < len(bare) and bare[start] not in VOWELS:
        start += 1
    if start == len(bare):
        return None
    end = start
    while end < len(bare) and bare[end] in VOWELS:
        end += 1
    return start, end


def tone_position(bare: str, first_of_open_pair: bool = True) -> int | None:
    """Index of the letter that carries the tone mark in a toneless lower-case syllable.

    ``first_of_open_pair`` chooses hòa/khỏe/thủy (True) or hoà/khoẻ/thuỷ (False).
    """
    parts = _parts(bare)
    if parts is None:
        return None
    start, end = parts
    cluster, coda = bare[start:end], bare[end:]
    shaped = [i for i, ch in enumerate(cluster) if ch in _SHAPED_VOWELS]
    if len(cluster) == 1:
        return start
    if shaped:
        return start + shaped[-1]  # ươ, iê, uô, uyê: the mark goes on the last shaped vowel
    if coda:
        return end - 1  # hoàng, toán, huỳnh, xoóng
    if cluster in _FIRST_MARK_CLUSTERS:
        return start if first_of_open_pair else start + 1
    return start + 1 if len(cluster) == 3 else start  # hoài, khuỷu; mái, mùa, mía


def place_tone(bare: str, tone: int, first_of_open_pair: bool = True) -> str:
    """Write tone number ``tone`` on a toneless lower-case syllable, in NFC."""
    pos = tone_position(bare, first_of_open_pair)
    if tone == 0 or pos is None:
        return bare
    marked = unicodedata.normalize("NFD", bare[pos]) + TONE_MARKS[tone]
    return bare[:pos] + unicodedata.normalize("NFC", marked) + bare[pos + 1 :]


def _spellings(onset: str, rhyme: str, medial: bool) -> list[str]:
    """The written forms of onset + rhyme, or [] where the spelling rules forbid it."""
    front = rhyme[0] in _FRONT
    if onset in _KGH and not front or onset in _CGNG and front:
        return []
    if medial and onset in _rules()["no_medial_onsets"]:
        return []
    if onset == "gi" and rhyme.startswith("i"):
        return ["g" + rhyme]  # gi + in = "gìn", gi + iêng = "giếng"
    if onset == "" and rhyme.startswith("iê"):
        return ["y" + rhyme[1:]]  # yên, yêu
    words = [onset + rhyme]
    if rhyme == "i" and onset not in ("gh", "ngh", "gi"):
        words.append(onset + "y")  # ly/li, kỳ/kì, ý
    return words


@cache
def toneless_syllables() -> frozenset[str]:
    """Every spelling of a Vietnamese syllable without its tone mark."""
    rules = _rules()
    words: set[str] = set()
    for onset in [""] + rules["onsets"]:
        if onset == "qu":
            qu_rhymes = [r[1:] for r in rules["medial_rhymes"]] + rules["qu_rhymes"]
            words.update("qu" + r for r in qu_rhymes)
            continue
        for rhyme in rules["rhymes"]:
            words.update(_spellings(onset, rhyme, medial=False))
        for rhyme in rules["medial_rhymes"]:
            words.update(_spellings(onset, rhyme, medial=True))
    words.update(rules.get("extra", []))
    return frozenset(words)


@cache
def inventory() -> frozenset[str]:
    """Every Vietnamese syllable, lower case NFC, in both common tone placements."""
    words: set[str] = set()
    for bare in toneless_syllables():
        stop = bare.endswith(_STOP_CODAS)
        for tone in (2, 5) if stop else range(6):
            words.add(place_tone(bare, tone))
            words.add(place_tone(bare, tone, first_of_open_pair=False))
    return frozenset(words)


def is_syllable(word: str) -> bool:
    """True if ``word`` (any case, NFC or not) is one written Vietnamese syllable."""
    return unicodedata.normalize("NFC", word.lower()) in inventory()


def words(text: str) -> list[str]:
    """The lower-case NFC letter runs of ``text`` (digits and punctuation split words)."""
    return _WORD.findall(unicodedata.normalize("NFC", text.lower()))


@cache
def known_non_syllables() -> frozenset[str]:
    """Real words that are no syllable (Đắk Lắk, Krông): repair must never "fix" them."""
    lines = _data("keep_words.txt").splitlines()
    return frozenset(w for line in lines for w in words(line.split("#", 1)[0]))


@cache
def syllable_counts() -> Counter[str]:
    """How often each syllable occurs in the shipped sample of local news."""
    return Counter(w for w in words(_data("news_sample.txt")) if is_syllable(w))


@cache
def pair_counts() -> Counter[tuple[str, str]]:
    """How often each two syllables follow each other in the sample (within a line)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for line in _data("news_sample.txt").splitlines():
        for chunk in re.split(r"[^\w\s]+", line):
            ws = words(chunk)
            pairs.update(zip(ws, ws[1:]))
    return pairs
