"""Undo UTF-8 text that was read as Windows-1252 or 1258 ("Ä‘á»“ng" for "đồng").

Portal pages and copied documents often pass through a tool that guesses the wrong
encoding. The damage is reversible byte for byte, except where the codec lacks a byte
(then one U+FFFD marks the letter, and ``repair.repair_syllables`` guesses it back). A run
is only decoded when that gives more valid Vietnamese syllables, so correct text that
happens to hold Latin-1 letters ("Hà Nội", "café") is left alone.
"""

from __future__ import annotations

import re
from functools import cache

from reader.speech.syllables import is_syllable

# Characters that start or continue a UTF-8 letter read as Windows-125x. A no-break or
# soft hyphen after one is a byte of that letter ("Ã\xa0" is "à"), not a space.
MOJIBAKE_LEAD = frozenset(
    bytes([b]).decode(codec, "replace")
    for codec in ("cp1252", "cp1258", "latin-1")
    for b in [*range(0x80, 0xA0), *range(0xA1, 0xAD), *range(0xAE, 0xC0), *range(0xC2, 0xE0)]
) - {"\ufffd"}


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


@cache
def _suspect() -> re.Pattern[str]:
    """A lead byte then a continuation byte, as any codec shows them: no match, no mojibake.

    Ordinary Vietnamese never matches, so most text skips the run-by-run search.
    """
    def chars(codes: range) -> str:
        found = {bytes([b]).decode(c, "replace") for c in ("cp1252", "cp1258", "latin-1") for b in codes}
        return re.escape("".join(sorted(found)))

    leads, continuations = chars(range(0xC2, 0xF5)), chars(range(0x80, 0xC0))
    return re.compile(f"[{leads}][{continuations}\ufffd]|Ã ")


# What a decoded run may hold: Latin and Vietnamese letters, punctuation, U+FFFD.
_LATIN_TEXT = re.compile(
    "[\u0020-\u007e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u214f\ufffd]"
)
_PUNCTUATION = ".,;:!?\"'()[]«»“”‘’…-–—/"
# Pieces of a run: its non-ASCII stretches ("Ã " is "à" whose no-break space was lost).
# ASCII is never a byte of a mangled letter, and later rules turn digits and punctuation
# into words and spaces: pieces that ignore it are the same the second time round.
_PIECE = re.compile(r"(?:Ã |[^\x00-\x7f])+")


def _word_score(text: str) -> int:
    """Valid syllables minus broken words, counting only words with non-ASCII letters."""
    pieces = (w.strip(_PUNCTUATION) for w in re.split(r"[ \t\r\n]+", text))
    return sum(1 if is_syllable(w) else -1 for w in pieces if not w.isascii())


def _breaks_a_syllable(before: str, after: str) -> bool:
    """Whether a lossy decoding turned a valid syllable ("không") into a broken word."""
    kept = {w.strip(_PUNCTUATION) for w in after.split()}
    return any(is_syllable(w.strip(_PUNCTUATION)) and w.strip(_PUNCTUATION) not in kept
               and not w.isascii() for w in before.split())


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
    if lossy and _breaks_a_syllable(before, after):
        return None
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
    if not _suspect().search(text):
        return text
    while True:
        score = _word_score(text)
        readings = [_unmangle(text, byte_of, run) for byte_of, run in _codecs()]
        readings = [r for r in readings if r != text]
        if not readings:
            return text
        text = max(readings, key=lambda r: _word_score(r) - score)
