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
from functools import cache

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
# Invisible or non-breaking characters that HTML pages carry into copied text. After a
# character that starts or continues a UTF-8 letter read as Windows-125x they are part
# of that letter ("Ã\xa0" is "à", "áº\xad" is "ậ"), so they stay for fix_mojibake.
_MOJIBAKE_BEFORE = frozenset(
    bytes([b]).decode(codec, "replace")
    for codec in ("cp1252", "cp1258", "latin-1")
    for b in [*range(0x80, 0xA0), *range(0xA1, 0xAD), *range(0xAE, 0xC0), *range(0xC2, 0xE0)]
) - {"\ufffd"}
_INVISIBLE = re.compile("[\u00a0\u00ad\u202f\u200b\ufeff]")


def _invisible(match: re.Match[str]) -> str:
    start, ch = match.start(), match.group()
    if ch in "\u00a0\u00ad" and start and match.string[start - 1] in _MOJIBAKE_BEFORE:
        return ch
    return " " if ch in "\u00a0\u202f" else ""


def _tag_gap(match: re.Match[str]) -> str:
    """Block tags between two words still separate them; inline ones never do."""
    text, start, end = match.string, match.start(), match.end()
    between_words = 0 < start and end < len(text)
    between_words = between_words and not (text[start - 1].isspace() or text[end].isspace())
    block = any(t.lower() in _BLOCK_TAGS for t in _TAG.findall(match.group()))
    return " " if between_words and block else ""


def strip_markup(text: str) -> str:
    """Plain text from stray tags and entities ("Hòa&nbsp;Bình<br>" -> "Hòa Bình")."""
    while True:
        plain = _COMMENT.sub("", _DROPPED_ELEMENTS.sub("", text))
        plain = html.unescape(_TAGS.sub(_tag_gap, plain))
        plain = _INVISIBLE.sub(_invisible, plain)
        if plain == text:
            return text
        text = plain



def _byte_map(codec: str) -> dict[str, bytes]:
    """Character -> byte of a one-byte codec, Latin-1 standing in for its unused bytes.

    U+FFFD maps to no byte: it stands where a reader dropped a byte the codec lacks, and
    decoding then marks the whole damaged letter with one U+FFFD for repair_syllables.
    """
    table = {chr(b): bytes([b]) for b in range(256)}
    for b in range(256):
        try:
            table[bytes([b]).decode(codec)] = bytes([b])
        except UnicodeDecodeError:
            pass
    table["\ufffd"] = b""
    return table


@cache
def _codecs() -> list[tuple[dict[str, bytes], re.Pattern[str]]]:
    maps = [_byte_map("cp1252"), _byte_map("cp1258")]
    return [(m, re.compile("[" + re.escape("".join(sorted(m))) + "]+")) for m in maps]


# What a decoded run may hold: Latin and Vietnamese letters, punctuation, U+FFFD.
_LATIN_TEXT = re.compile(
    "[\u0020-\u007e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u214f\ufffd]"
)
_PUNCTUATION = ".,;:!?\"'()[]«»“”‘’…-–—/"
_PIECE = re.compile(r"(?:Ã |[^ ])+")  # words of a run; "Ã " is "à" whose no-break space was lost


def _word_score(text: str) -> int:
    """Valid syllables minus broken words, counting only words with non-ASCII letters."""
    pieces = (w.strip(_PUNCTUATION) for w in re.split(r"[ \t\r\n]+", text))
    return sum(1 if is_syllable(w) else -1 for w in pieces if not w.isascii())


def _decode(raw: bytes) -> tuple[str, bool]:
    """UTF-8 text of ``raw`` and whether that needed replacement characters."""
    raw = raw.replace(b"\xc3 ", b"\xc3\xa0")  # "à" whose no-break space became a space
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), True


def _unmangle_run(text: str, start: int, end: int, byte_of: dict[str, bytes]) -> str | None:
    """The decoded text[start:end] if that makes the words around it better, else None."""
    piece = text[start:end]
    if all(ch.isascii() or ch == "\ufffd" for ch in piece):
        return None
    raw = [byte_of[ch] for ch in piece]
    if any(ch == "\ufffd" and (i == 0 or raw[i - 1] < b"\x80") for i, ch in enumerate(piece)):
        return None  # a lost byte only ever follows part of a mangled letter
    fixed, lossy = _decode(b"".join(raw))
    if fixed == piece or not all(c.isspace() or _LATIN_TEXT.match(c) for c in fixed):
        return None
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    right = len(text) if right < 0 else right
    before, after = text[left:right], text[left:start] + fixed + text[end:right]
    gain = _word_score(after) - _word_score(before)
    # Mojibake spends 2-3 characters a letter: decoding must halve them and yield letters.
    foreign = [ch for ch in fixed if not ch.isascii()]
    shrunk = 2 * len(foreign) <= sum(not ch.isascii() for ch in piece)
    shrunk = shrunk and any(ch != "\ufffd" for ch in foreign)
    return fixed if gain > 0 or gain == 0 and (shrunk or not lossy) else None


def _unmangle(text: str, byte_of: dict[str, bytes], run: re.Pattern[str]) -> str:
    """Decode each run of ``text`` (or failing that, each word of it) that gets better."""
    out, done = [], 0
    for m in run.finditer(text):
        spans = [(m.start(), m.end())]
        if _unmangle_run(text, m.start(), m.end(), byte_of) is None:
            words = _PIECE.finditer(m.group())
            spans = [(m.start() + w.start(), m.start() + w.end()) for w in words]
        for start, end in spans:
            fixed = _unmangle_run(text, start, end, byte_of)
            if fixed is not None:
                out += [text[done:start], fixed]
                done = end
    return "".join(out) + text[done:]


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252/1258 ("Ä‘Æ°á»ng" -> "đường"), run by run.

    A run is changed only if its bytes are UTF-8 and the words around it do not get
    worse; correct text ("Hà Nội") never decodes, its Latin-1 letters standing alone.
    Of the two codecs, the one whose reading makes more valid syllables wins.
    """
    while True:
        score = _word_score(text)
        readings = [_unmangle(text, byte_of, run) for byte_of, run in _codecs()]
        readings = [r for r in readings if r != text]
        if not readings:
            return text
        text = max(readings, key=lambda r: _word_score(r) - score)


# A word: letters only, between spaces, edge punctuation or hyphens; never a piece of a
# garbled token ("Ä‘iá»u" holds the letters "iá", which are not a word).
_CHUNK = re.compile(r"\S+")
_WORD_EDGES = re.compile(r"^([^\w\ufffd]*)(.*?)([^\w\ufffd]*)$", re.S)
# A damaged word: letters, U+FFFD, and "?" between letters where a letter failed to decode.
_WILD_WORD = re.compile(r"(?:[^\W\d_]|\ufffd)+(?:\?(?:[^\W\d_]|\ufffd)+)*")


def _split_chunk(chunk: str, wild: bool = False) -> tuple[str, list[str], str] | None:
    """(leading punctuation, hyphen-joined words, trailing punctuation), if only words."""
    head, core, tail = _WORD_EDGES.match(chunk).groups()  # type: ignore[union-attr]
    parts = core.split("-")
    ok = all(p.isalpha() or wild and _WILD_WORD.fullmatch(p) for p in parts)
    return (head, parts, tail) if ok else None


def _map_words(text: str, fix: Callable[[str], str]) -> str:
    def chunk(m: re.Match[str]) -> str:
        split = _split_chunk(m.group())
        if split is None:
            return m.group()
        head, parts, tail = split
        return head + "-".join(fix(p) for p in parts) + tail

    return _CHUNK.sub(chunk, text)


def _same_case(model: str, word: str) -> str:
    """``word`` written in the case pattern of ``model`` (Hoà -> Hòa, HOÀ -> HÒA)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if len(model) == len(word):
        return "".join(w.upper() if m.isupper() else w for m, w in zip(model, word))
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


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
    return _map_words(nfc(text), _retoned)


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


def _skip(token: str) -> bool:
    """Syllables, ASCII words, ALL-CAPS abbreviations and known names are no damage."""
    ascii_word = token.isascii() and "?" not in token
    abbreviation = len(token) > 1 and token.isupper()
    return is_syllable(token) or ascii_word or abbreviation or token.lower() in known_non_syllables()


def repair_syllables(text: str) -> str:
    """Fix a damaged word when one edit gives the only syllable that fits ("ừào" -> "trào").

    Valid syllables, numbers, ALL-CAPS abbreviations, plain ASCII words, URLs and e-mail
    addresses are never touched; when several repairs fit equally, the word stays.
    """
    text = nfc(text)
    chunks = [(m, _split_chunk(m.group(), wild=True)) for m in _CHUNK.finditer(text)]
    words = [(i, p.lower()) for i, (_, split) in enumerate(chunks) if split for p in split[1]]
    out, done, k = [], 0, 0  # words[k] is the first word of chunk i
    for i, (m, split) in enumerate(chunks):
        if split is None:
            continue
        head, parts, tail = split
        fixed = []
        for j, part in enumerate(parts):
            n = k + j
            if not _skip(part):
                before = words[n - 1][1] if n else ""
                after = words[n + 1][1] if n + 1 < len(words) else ""
                repaired = _best(part.lower(), before, after)
                part = part if repaired is None else _same_case(part, repaired)
            fixed.append(part)
        k += len(parts)
        out += [text[done : m.start()], head + "-".join(fixed) + tail]
        done = m.end()
    return "".join(out) + text[done:]


RULES: list[Callable[[str], str]] = [nfc, strip_markup, fix_mojibake, fix_tone_placement, repair_syllables]
REPAIR_RULES = RULES  # the name normalize.py puts at the front of its own RULES


def repair(text: str) -> str:
    """All repair rules in order."""
    for rule in REPAIR_RULES:
        text = rule(text)
    return text
