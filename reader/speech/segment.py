"""Sentences of the written text, and chunks of the spoken text small enough for an engine.

Sentences are found on the written form, where the dots still tell us something: a dot
ends a sentence only before a space and a new sentence, not after "TP." or "PGS.TS.",
not inside "1.250", "20.12.2023" or "anbien.kiengiang.gov.vn". Chunks are cut from the
spoken form because gTTS takes at most 100 characters a request; unlike gTTS we pack
short clauses together, so an article costs as few requests (and pauses) as possible.
"""

from __future__ import annotations

import re

from reader.speech import lexicon

_OFFICIAL_END = re.compile(r"\s*\./\.(?=\s|$)")
_END_MARK = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_SPACES = re.compile(r"[^\S\u00a0]+")
_OPENERS = "\"'“‘«([-–—"
_NEXT_LIST_ITEM = re.compile(r"[a-zđ][.)] ")
_LIST_MARKER = re.compile(r"(?:\d{1,2}|[a-zđ]|[IVXLC]{1,5})(?:\.\d{1,2})*\.?")


def _is_abbreviation(token: str) -> bool:
    """Whether the word before a dot is a title or place abbreviation ("TP", "PGS.TS", "Th.S")."""
    token = token.lstrip(_OPENERS).rstrip(".")
    known = lexicon.no_break_abbreviations()
    return token in known or token.rsplit(".", 1)[-1] in known or token.replace(".", "") in known


def _ends_sentence(paragraph: str, start: int, mark: re.Match[str]) -> bool:
    rest = paragraph[mark.end() :].lstrip()
    if not rest:
        return True
    if rest[0].islower() and not _NEXT_LIST_ITEM.match(rest):
        return False
    head = paragraph[start : mark.start()].strip()
    if not head or _LIST_MARKER.fullmatch(head):
        return False
    if mark[0] == ".":
        token = head.rsplit(None, 1)[-1]
        return not _is_abbreviation(token)
    return True


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one written paragraph, stripped; a closing "./." becomes ".".

    A no-break space stays: after mojibake ("HÃ\xa0") it is a byte of a letter for repair.
    """
    paragraph = _OFFICIAL_END.sub(".", _SPACES.sub(" ", paragraph)).strip()
    sentences: list[str] = []
    start = 0
    for mark in _END_MARK.finditer(paragraph):
        if _ends_sentence(paragraph, start, mark):
            sentences.append(paragraph[start : mark.end()].strip())
            start = mark.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


_DASHES = frozenset("-–—")
_CLAUSE_END = frozenset(",;:.!?…")
# Words of a number read aloud ("hai nghìn không trăm hai mươi ba"): one number, one piece.
_NUMBER_WORDS = frozenset(
    "không một mốt hai ba bốn tư năm lăm sáu bảy tám chín mười mươi trăm nghìn ngàn "
    "triệu tỷ tỉ linh lẻ phẩy chấm".split()
)
# What a cut costs, by where it falls: the fewest pieces always win, then the cheapest cuts.
PAUSE, BETWEEN_WORDS, INSIDE_UNIT = 0, 1, 3


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def cut_cost(left: str, right: str) -> int:
    """What cutting between ``left`` and ``right`` costs a listener.

    Nothing at clause punctuation or a dash; more inside a name ("Nguyễn Văn An",
    "Nam Thái A") or a number read aloud, which a pause would break into two.
    """
    if left[-1] in _CLAUSE_END or left in _DASHES or right in _DASHES:
        return PAUSE
    if _capitalised(left) and _capitalised(right):
        return INSIDE_UNIT
    if left in _NUMBER_WORDS and right in _NUMBER_WORDS:
        return INSIDE_UNIT
    return BETWEEN_WORDS


def _words(spoken: str, max_chars: int) -> list[str]:
    words: list[str] = []
    for word in spoken.split():
        words += [word[i : i + max_chars] for i in range(0, len(word), max_chars)]
    return words


def chunk(spoken: str, max_chars: int = 100) -> list[str]:
    """Cut a spoken sentence into as few pieces of at most ``max_chars`` as possible.

    Among the cuts with the fewest pieces it takes the cheapest (``cut_cost``: pauses, then
    between words, least inside a name or number), then the most even lengths. Words are
    never split, except one longer than ``max_chars``.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    words = _words(spoken, max_chars)
    n = len(words)
    cut = [0] + [cut_cost(words[j - 1], words[j]) for j in range(1, n)] + [0]
    # One integer orders (pieces, cost of the cuts, unevenness) of a packing: the weights
    # exceed the largest total of the terms after them, and ints compare fast.
    per_cost = n * max_chars**2 + 1
    per_piece = per_cost * (INSIDE_UNIT * n + 1)
    best = [0] * (n + 1)  # best[j]: the score of the best packing of words[:j]
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        length, top, score_j, back_j = -1, max_chars, -1, 0
        for i in range(j - 1, -1, -1):
            length += len(words[i]) + 1
            if length > top:
                break
            score = best[i] + per_piece + cut[j] * per_cost + (top - length) ** 2
            if score_j < 0 or score < score_j:
                score_j, back_j = score, i
        best[j], back[j] = score_j, back_j
    pieces: list[str] = []
    j = n
    while j:
        pieces.append(" ".join(words[back[j] : j]))
        j = back[j]
    return pieces[::-1]
