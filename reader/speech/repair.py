"""Repair scraped Vietnamese text before it is normalized and read aloud.

Portal pages reach us damaged in a few typical ways: decomposed Unicode, HTML tags and
entities left by scraping, UTF-8 read as Windows-1252 ("Ä‘á»“ng" for "đồng"), two
placements of tone marks (hoà/hòa), and single letters lost or mangled ("phong ừào").
A voice reads all of these wrongly, and a lexicon lookup misses them. Each rule here is
a pure ``str -> str`` function that leaves text it does not recognise alone; they run
in ``REPAIR_RULES`` order at the front of the normalization pipeline.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from reader.speech.mojibake import MOJIBAKE_LEAD, fix_mojibake
from reader.speech.syllables import (
    is_syllable,
    known_non_syllables,
    pair_counts,
    place_tone,
    split_tone,
    syllable_counts,
)


def nfc(text: str) -> str:
    """One Unicode form (NFC): "ế" typed as e + two combining marks becomes one letter."""
    return unicodedata.normalize("NFC", text)


_DROPPED_ELEMENTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_TAGS = re.compile(r"(?:</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>)+")  # a run of adjacent tags
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p section table tbody td tfoot th thead tr ul".split()
)
# Spaces, control and format characters pages carry into copied text. A no-break space or soft
# hyphen right after a mojibake lead character is a byte of a letter: fix_mojibake's.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00a0\u00ad\u202f\u200b-\u200f\u2060\ufeff]")
_OFFICIAL_END = re.compile(r"\s*\./\.")  # "./." closes official documents: a full stop


def _invisible(match: re.Match[str]) -> str:
    start, ch = match.start(), match.group()
    if ch in "\u00a0\u00ad" and start and match.string[start - 1] in MOJIBAKE_LEAD:
        return ch
    return "" if ch in "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff" else " "


def _tag_gap(match: re.Match[str]) -> str:
    """Block tags between two words still separate them; inline ones never do."""
    text, start, end = match.string, match.start(), match.end()
    between_words = 0 < start and end < len(text)
    between_words = between_words and not (text[start - 1].isspace() or text[end].isspace())
    block = any(t.lower() in _BLOCK_TAGS for t in _TAG.findall(match.group()))
    return " " if between_words and block else ""


def strip_markup(text: str) -> str:
    """Plain text from stray tags and entities ("Hòa&nbsp;Bình<br>" -> "Hòa Bình").

    Also drops invisible characters and reads the "./." ending official documents as ".".
    Runs until nothing changes, so "&amp;nbsp;" (escaped twice) ends as a space.
    """
    while True:
        plain = _COMMENT.sub("", _DROPPED_ELEMENTS.sub("", text))
        plain = html.unescape(_TAGS.sub(_tag_gap, plain))
        plain = _OFFICIAL_END.sub(".", _INVISIBLE.sub(_invisible, plain))
        if plain == text:
            return text
        text = plain

# A word is a run of letters; anything else (digits, hyphens, slashes, punctuation)
# separates words, because later rules turn those into spaces and the voice reads the
# letters alone: "0hoà" is repaired as "hoà", so that a second pass finds nothing to do.
_WORD = re.compile(r"[^\W\d_]+")
# A damaged word: letters, U+FFFD, and "?" between letters where a letter failed to decode.
_WILD_WORD = re.compile(r"(?:[^\W\d_]|\ufffd)+(?:\?(?:[^\W\d_]|\ufffd)+)*")


def _same_case(model: str, word: str) -> str:
    """``word`` written in the case pattern of ``model`` (Hoà -> Hòa, HOÀ -> HÒA)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if len(model) == len(word):
        return "".join(w.upper() if m.isupper() else w for m, w in zip(model, word))
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


@lru_cache(maxsize=65536)
def _retoned(word: str) -> str:
    lower = word.lower()
    parts = split_tone(lower)
    if parts is None or parts[1] == 0:
        return word
    canonical = place_tone(*parts)
    if canonical == lower or not is_syllable(canonical):
        return word
    return _same_case(word, canonical)


def fix_tone_placement(text: str) -> str:
    """One placement of tone marks: hoà -> hòa, khoẻ -> khỏe, thuỷ -> thủy, muà -> mùa.

    Only a word whose letters and tone make a syllable moves its mark; others stay.
    """
    return _WORD.sub(lambda m: _retoned(m.group()), nfc(text))


_LETTERS = sorted(
    {nfc(place_tone(v, t)) for v in "aăâeêioôơuưy" for t in range(6)} | set("bcdđghklmnpqrstvx")
)
_ONSETS = ("ch", "gh", "gi", "kh", "ng", "ngh", "nh", "ph", "qu", "th", "tr")
_WILDCARDS = "\ufffd?"  # a replacement character or "?" where a letter failed to decode


def _edits(word: str) -> set[str]:
    """Words one edit away: a letter or onset replaced, dropped or added."""
    if any(ch in _WILDCARDS for ch in word):
        options = [_LETTERS if ch in _WILDCARDS else [ch] for ch in word]
        if sum(len(o) > 1 for o in options) > 2:
            return set()
        results = [""]
        for option in options:
            results = [r + o for r in results for o in option]
        return set(results)
    out: set[str] = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        out.update(head + x + tail for x in (*_LETTERS, *_ONSETS))
        if tail:
            out.add(head + tail[1:])
            out.update(head + x + tail[1:] for x in (*_LETTERS, *_ONSETS))
    return out


@lru_cache(maxsize=4096)
def _best(word: str, before: str, after: str) -> str | None:
    """The one fitting repair of ``word`` between two neighbours, or None if unsure."""
    candidates = [c for c in _edits(word) if c != word and is_syllable(c)]
    pairs = pair_counts()
    fit = {c: pairs[(before, c)] + pairs[(c, after)] for c in candidates}
    best = max(fit.values(), default=0)
    if best:
        winners = [c for c, n in fit.items() if n == best]
        return winners[0] if len(winners) == 1 else None
    known = [c for c in candidates if syllable_counts()[c]]
    return known[0] if len(known) == 1 else None


@lru_cache(maxsize=65536)
def _skip(token: str) -> bool:
    """Syllables, ASCII words, ALL-CAPS abbreviations, initials and known names are no damage."""
    ascii_word = token.isascii() and "?" not in token
    abbreviation = len(token) > 1 and (token.isupper() or sum(c.isupper() for c in token) > 1)  # "QĐi", "TTg"
    initial = len(token) == 1 and token != "\ufffd"  # "Nguyễn Văn Đ.", "Đ/c"
    if not token.replace("\ufffd", "a").replace("?", "a").isalpha():
        return True  # superscripts and other signs that only look like letters to \w
    known = token.lower() in known_non_syllables()
    return is_syllable(token) or ascii_word or abbreviation or initial or known


_NUMBER_WORDS = frozenset(
    "không một mốt hai ba bốn tư năm lăm sáu bảy tám chín mười mươi trăm nghìn ngàn "
    "triệu tỷ tỉ linh lẻ phẩy chấm".split()
)


def _context(text: str, found: list[re.Match[str]], lower: list[str], k: int, n: int) -> str:
    """Word ``k`` as context for word ``n``, or "" if it may read differently once spoken.

    Only a plain syllable next to it (spaces between) counts, as in ``pair_counts``; a
    number, a number read aloud or an abbreviation would give another context the second
    time ``normalize`` runs, and the repair must not depend on which time it is.
    """
    if not 0 <= k < len(found):
        return ""
    left, right = sorted((k, n))
    between = text[found[left].end() : found[right].start()]
    word = lower[k]
    if between.strip() or word in _NUMBER_WORDS or not is_syllable(word):
        return ""
    return word


def repair_syllables(text: str) -> str:
    """Fix a damaged word when one edit gives the only syllable that fits ("ừào" -> "trào").

    Valid syllables, numbers, ALL-CAPS abbreviations, plain ASCII words, URLs and e-mail
    addresses are never touched; when several repairs fit equally, the word stays.
    """
    text = nfc(text)
    found = list(_WILD_WORD.finditer(text))
    if all(_skip(m.group()) for m in found):
        return text
    lower = [m.group().lower() for m in found]
    out, done = [], 0
    for n, m in enumerate(found):
        word = m.group()
        if _skip(word):
            continue
        before = _context(text, found, lower, n - 1, n)
        after = _context(text, found, lower, n + 1, n)
        repaired = _best(lower[n], before, after)
        if repaired is not None:
            out += [text[done : m.start()], _same_case(word, repaired)]
            done = m.end()
    return "".join(out) + text[done:]


REPAIR_RULES: list[Callable[[str], str]] = [
    nfc,
    strip_markup,
    fix_mojibake,
    fix_tone_placement,
    repair_syllables,
]
RULES = REPAIR_RULES


def repair(text: str) -> str:
    """All repair rules in order."""
    for rule in REPAIR_RULES:
        text = rule(text)
    return text


MAX_PASSES = 4
# The repairs of words: what the voice reads differently from what was written.
WORD_RULES: list[Callable[[str], str]] = [nfc, fix_mojibake, fix_tone_placement, repair_syllables]


def repair_written(text: str) -> str:
    """The written sentence a listener sees, with the words repaired as the voice reads
    them: "Phong ừào" is shown "Phong trào", "qúy" "quý", "hoà" "hòa", mis-decoded UTF-8
    its letters. Stray markup and entities are shown as written (escaped, never obeyed):
    the voice skips them, but they are no word a listener would hear differently.

    Repeated until nothing changes (a repaired letter may reveal another), so it is stable:
    ``repair_written(repair_written(x)) == repair_written(x)``.
    """
    for _ in range(MAX_PASSES):
        repaired = text
        for rule in WORD_RULES:
            repaired = rule(repaired)
        repaired = re.sub(r"[^\S\u00a0]+", " ", repaired).strip()
        if repaired == text:
            break
        text = repaired
    return text
