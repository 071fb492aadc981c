"""Sentences of the written text, and chunks of the spoken text small enough for an engine.

Sentences are found on the written form, where the dots still tell us something: a dot
ends a sentence only before a space and a new sentence, not after "TP." or "PGS.TS.",
not inside "1.250", "20.12.2023" or "anbien.kiengiang.gov.vn". Chunks are cut from the
spoken form because gTTS takes at most 100 characters a request; unlike gTTS we pack
short clauses together, so an article costs as few requests (and pauses) as possible.
"""

from __future__ import annotations

import re

from reader.speech import bonds, lexicon

_OFFICIAL_END = re.compile(r"\s*\./\.(?=\s|$)")
_END_MARK = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_SPACES = re.compile(r"[^\S\u00a0]+")
_OPENERS = "\"'“‘«([-–—"
_NEXT_LIST_ITEM = re.compile(r"[a-zđ][.)] ")
_LIST_MARKER = re.compile(r"(?:\d{1,2}|[a-zđ]|[IVXLC]{1,5})(?:\.\d{1,2})*\.?")
LOWER_VI = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER_VI = LOWER_VI.upper()


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


# A sentence glued to the next ("mạnh.Tiếp theo"): a word in lower case, an end mark, a
# word in sentence case that is not part of an address ("kiengiang.Gov.vn").
_GLUED = re.compile(
    r"(?<![^\s\"'“‘«(])([^\W\d_]*[^\W\d_A-ZĐ" + UPPER_VI + r"])([.!?…]+)"
    r"(?=[A-ZĐ" + UPPER_VI + r"][^\W\d_]*[a-zđ" + LOWER_VI + r"][^\W\d_]*(?![\w./@-]))"
)


def _unglue(match: re.Match[str]) -> str:
    word, mark = match[1], match[2]
    if len(word) < 2 or _is_abbreviation(word):
        return match[0]
    return f"{word}{mark} "


def unglue_sentences(paragraph: str) -> str:
    """A space after an end mark that glues two sentences: "mạnh.Tiếp theo" -> "mạnh. Tiếp
    theo". Not inside "TP.HCM", "Tp.Cần Thơ", "Th.S", "2.5", "Đ/c.Lan" or a web address."""
    return _GLUED.sub(_unglue, paragraph)


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one written paragraph, stripped; a closing "./." becomes ".".

    A no-break space stays: after mojibake ("HÃ\xa0") it is a byte of a letter for repair.
    """
    paragraph = _OFFICIAL_END.sub(".", _SPACES.sub(" ", paragraph)).strip()
    paragraph = unglue_sentences(paragraph)
    sentences: list[str] = []
    start = 0
    for mark in _END_MARK.finditer(paragraph):
        if _ends_sentence(paragraph, start, mark):
            sentences.append(paragraph[start : mark.end()].strip())
            start = mark.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


# What a cut costs, by where it falls. A cut inside a unit (``bonds``: a compound word, a
# number with its unit, an expansion, a name) is avoided first, even at the price of one
# more request; then the fewest pieces; then pauses before links before plain boundaries.
PAUSE, LINK, BETWEEN_WORDS, INSIDE_UNIT = 0, 1, 2, 3


def cut_costs(words: list[str]) -> list[int]:
    """The cost of cutting at each boundary of ``words`` (one fewer than the words)."""
    bound = bonds.bound_boundaries(words)
    costs = []
    for k, inside in enumerate(bound):
        left, right = words[k], words[k + 1]
        if inside:
            costs.append(INSIDE_UNIT)
        elif bonds.is_pause(left, right):
            costs.append(PAUSE)
        elif bonds.is_link(left, right):
            costs.append(LINK)
        else:
            costs.append(BETWEEN_WORDS)
    return costs


def cut_cost(left: str, right: str) -> int:
    """What cutting between ``left`` and ``right`` alone costs (see ``cut_costs``)."""
    return cut_costs([left, right])[0]


def _words(spoken: str, max_chars: int) -> list[str]:
    words: list[str] = []
    for word in spoken.split():
        words += [word[i : i + max_chars] for i in range(0, len(word), max_chars)]
    return words


def chunk(spoken: str, max_chars: int = 100) -> list[str]:
    """Cut a spoken sentence into pieces of at most ``max_chars``, only between words.

    Ordered aims: the fewest cuts inside a unit (none, unless a unit is longer than a
    piece), then the fewest pieces, then the cheapest cuts (pauses, then before a
    conjunction or preposition), then the most even lengths. A word longer than
    ``max_chars`` is the only thing ever split.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    words = _words(spoken, max_chars)
    n = len(words)
    cut = [0] + cut_costs(words) + [0]
    # One integer orders (bad cuts, pieces, cost of the other cuts, unevenness): each
    # weight exceeds the largest total of the terms after it, and ints compare fast.
    per_cost = n * max_chars**2 + 1
    per_piece = per_cost * (BETWEEN_WORDS * n + 1)
    per_bad = per_piece * (n + 1)
    weight = [per_bad if c == INSIDE_UNIT else c * per_cost for c in cut]
    best = [0] * (n + 1)  # best[j]: the score of the best packing of words[:j]
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        length, top, score_j, back_j = -1, max_chars, -1, 0
        for i in range(j - 1, -1, -1):
            length += len(words[i]) + 1
            if length > top:
                break
            score = best[i] + per_piece + weight[j] + (top - length) ** 2
            if score_j < 0 or score < score_j:
                score_j, back_j = score, i
        best[j], back[j] = score_j, back_j
    pieces: list[str] = []
    j = n
    while j:
        pieces.append(" ".join(words[back[j] : j]))
        j = back[j]
    return pieces[::-1]
