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

_OFFICIAL_END = re.compile(r"\./\.(?=\s|$)")
_END_MARK = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_OPENERS = "\"'“‘«([-–—"
_NEXT_LIST_ITEM = re.compile(r"[a-zđ][.)] ")
_LIST_MARKER = re.compile(r"(?:\d{1,2}|[a-zđ]|[IVXLC]{1,5})(?:\.\d{1,2})*\.?")


def _is_abbreviation(token: str) -> bool:
    """Whether the word before a dot is a title or place abbreviation ("TP", "PGS.TS", "Đ/c")."""
    token = token.lstrip(_OPENERS).rstrip(".")
    known = lexicon.no_break_abbreviations()
    return token in known or token.rsplit(".", 1)[-1] in known


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
    """The sentences of one written paragraph, stripped; a closing "./." becomes "."."""
    paragraph = _OFFICIAL_END.sub(".", re.sub(r"\s+", " ", paragraph)).strip()
    sentences: list[str] = []
    start = 0
    for mark in _END_MARK.finditer(paragraph):
        if _ends_sentence(paragraph, start, mark):
            sentences.append(paragraph[start : mark.end()].strip())
            start = mark.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


_DASHES = frozenset("-–—")


def _is_pause(word: str, following: str) -> bool:
    """A cut here falls on a natural pause: after clause or sentence punctuation, or at a dash."""
    return word[-1] in ",;:.!?…" or word in _DASHES or following in _DASHES


def _words(spoken: str, max_chars: int) -> list[str]:
    words: list[str] = []
    for word in spoken.split():
        words += [word[i : i + max_chars] for i in range(0, len(word), max_chars)]
    return words


def chunk(spoken: str, max_chars: int = 100) -> list[str]:
    """Cut a spoken sentence into as few pieces of at most ``max_chars`` as possible.

    Among the cuts with the fewest pieces it takes the most that fall on pauses, then the
    most even lengths. Words are never split, except one longer than ``max_chars``.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    words = _words(spoken, max_chars)
    n = len(words)
    # best[j]: (pieces, cuts not at a pause, unevenness) of the best packing of words[:j].
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0)
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        bad_cut = 0 if j == n or _is_pause(words[j - 1], words[j]) else 1
        length = -1
        for i in range(j - 1, -1, -1):
            length += len(words[i]) + 1
            if length > max_chars:
                break
            previous = best[i]
            if previous is None:
                continue
            cost = (previous[0] + 1, previous[1] + bad_cut, previous[2] + (max_chars - length) ** 2)
            if best[j] is None or cost < best[j]:
                best[j], back[j] = cost, i
    pieces: list[str] = []
    j = n
    while j:
        pieces.append(" ".join(words[back[j] : j]))
        j = back[j]
    return pieces[::-1]
