"""Which neighbouring spoken words belong together, so a chunk is never cut between them.

Google reads each chunk as a sentence of its own: a cut is heard as a falling tone and a
gap. Between two words of one unit ("thực ‖ hiện", "ba phẩy bảy mươi lăm ‖ phần trăm",
"Ủy ban ‖ nhân dân", "Nguyễn ‖ Văn An") that gap breaks the word. A boundary is *bound*
when it falls inside

- a Vietnamese word of several syllables (``data/compound_words.txt``, from pyvi's list, and
  ``data/news_words.txt``, words of local news it lacks);
- a phrase the reader itself says for a written form: the expansion of an abbreviation, an
  issuer, a document type or a unit ("phòng cháy chữa cháy và cứu nạn cứu hộ");
- a number read aloud, with the unit or noun that follows it ("hai mươi lăm ‖ hộ") and the
  word that announces it ("tháng ‖ ba", "năm ‖ hai nghìn");
- a name: two capitalised words in a row ("An Biên", "Nam Thái A"), and the word that
  says what it names ("huyện An Biên", "ông Nguyễn Văn An");
- a determiner and the word it opens ("các ‖ hộ", "mỗi ‖ người").

A boundary right before a conjunction or preposition ("và", "của", "để", "trong"…) is a
*link*: the natural place for a breath after punctuation.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from reader.speech import lexicon, loanwords, money, units

# Words of a number read aloud ("hai nghìn không trăm hai mươi ba").
NUMBER_WORDS = frozenset(
    "không một mốt hai ba bốn tư năm lăm sáu bảy tám chín mười mươi trăm nghìn ngàn "
    "triệu tỷ tỉ linh lẻ phẩy chấm".split()
)
# Number words that are as often plain words ("năm" is a year, "một" is "a"): alone, they
# do not bind the word after them.
_AMBIGUOUS_NUMBERS = frozenset("không một mốt năm tư chấm linh lẻ".split())
# Words that announce the number after them.
_BEFORE_NUMBER = frozenset(
    "ngày tháng năm thứ số lần khóa quý kỳ đợt phần chương điều khoản mục phường quận "
    "hạng loại cấp lớp tổ ấp khu tuần lúc giờ phút giây tập trang quốc lộ tỉnh lộ đường "
    "khoảng gần hơn trên dưới đoạn độ học".split()
)
_NUMBER_GOES_ON = frozenset("tháng năm giờ phút giây phần".split())
# Conjunctions and prepositions: a cut before one is the next best after punctuation.
LINK_WORDS = frozenset(
    "và hoặc hay nhưng mà thì nên vì do bởi nếu khi để nhằm của trong ngoài theo với cho "
    "tại từ đến tới về trên dưới qua sau trước cùng như là gồm".split()
)
# Words that name what the name after them is: "huyện ‖ An Biên", "ông ‖ Nguyễn Văn An".
_BEFORE_NAME = frozenset(
    "xã huyện tỉnh phường quận ấp trấn phố thôn bản làng xóm khóm sông kênh rạch cầu chợ "
    "đường ông bà anh chị em cô chú bác cháu chí".split()
)
# Words that open a noun phrase and never end one ("các ‖ hộ" is heard as a broken phrase).
_DETERMINERS = frozenset("các những mọi mỗi từng vài".split())
_CLAUSE_END = frozenset(",;:.!?…")
_DASHES = frozenset("-–—")
_EDGE = "\"'“”‘’«»()[]"


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """A spoken word as the word lists write it: lower case, no quotes or brackets."""
    return word.strip(_EDGE).rstrip(",;:.!?…").strip(_EDGE).lower()


def _ends_clause(word: str) -> bool:
    return word.rstrip(_EDGE)[-1:] in _CLAUSE_END or word in _DASHES


@cache
def compound_words() -> frozenset[str]:
    """Vietnamese words of two or more syllables, lower case ("thực hiện", "hội nghị"): the
    general list and the words of local news it lacks."""
    words: set[str] = set()
    for name in ("compound_words.txt", "news_words.txt"):
        data = resources.files("reader.speech").joinpath("data", name)
        lines = data.read_text(encoding="utf-8").splitlines()
        words.update(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    return frozenset(words)


@cache
def reader_phrases() -> frozenset[str]:
    """What the reader says for written forms: expansions, issuers, documents, units,
    currencies and loanwords ("mê ga oát", "đô la Mỹ", "việt com banh")."""
    names = [
        *lexicon.abbreviations().values(),
        *lexicon.issuers().values(),
        *lexicon.document_types().values(),
        *lexicon.units().values(),
        *units.table().values(),
        *money.currencies().values(),
        *loanwords.loanwords().values(),
    ]
    phrases = {" ".join(key(w) for w in name.split()) for name in names}
    return frozenset(p for p in phrases if " " in p)


@cache
def _prefixes() -> tuple[frozenset[str], frozenset[str], int]:
    """Every proper word prefix of the word lists, and the longest entry in words."""
    words, phrases = compound_words(), reader_phrases()
    longest = max(len(entry.split()) for entry in words | phrases)

    def prefixes(entries: frozenset[str]) -> frozenset[str]:
        out = set()
        for entry in entries:
            parts = entry.split()
            out.update(" ".join(parts[:n]) for n in range(1, len(parts)))
        return frozenset(out)

    return prefixes(words), prefixes(phrases), longest


def _mark_entries(keys: list[str], words: list[str], bound: list[bool]) -> None:
    """Bind the inside of every dictionary word and reader phrase found in ``keys``.

    A dictionary word never spans punctuation; a reader phrase may ("cán bộ, công chức").
    """
    entries, phrases = compound_words(), reader_phrases()
    word_prefixes, phrase_prefixes, longest = _prefixes()
    n = len(keys)
    for i in range(n):
        text = keys[i]
        plain = True  # no punctuation inside the span so far
        for j in range(i + 1, min(n, i + longest)):
            plain = plain and not _ends_clause(words[j - 1])
            text += " " + keys[j]
            in_word = plain and text in word_prefixes
            in_phrase = text in phrase_prefixes
            if (plain and text in entries) or text in phrases:
                for b in range(i, j):
                    bound[b] = True
            if not in_word and not in_phrase:
                break


def _continues_number(word: str) -> bool:
    return not _ends_clause(word) or word.rstrip(_EDGE)[-1:] == ","


def _is_number(run: list[str]) -> bool:
    return len(run) > 1 or run[0] not in _AMBIGUOUS_NUMBERS


def _mark_numbers(keys: list[str], words: list[str], bound: list[bool]) -> None:
    """Bind a number read aloud, the word that announces it and the unit after it."""
    n = len(keys)
    i = 0
    while i < n:
        if keys[i] not in NUMBER_WORDS:
            i += 1
            continue
        j = i
        # Digit groups read with a pause between them ("không hai chín bảy, ba tám sáu ba")
        # are one number too: a comma between number words does not end the run.
        while j + 1 < n and keys[j + 1] in NUMBER_WORDS and _continues_number(words[j]):
            bound[j] = True
            j += 1
        run = keys[i : j + 1]
        if i and keys[i - 1] in _BEFORE_NUMBER and not _ends_clause(words[i - 1]):
            bound[i - 1] = True
        after = j + 1 < n and not _ends_clause(words[j]) and keys[j + 1] not in LINK_WORDS
        fraction = i > 0 and keys[i - 1] == "phần" and len(run) == 1  # "phần trăm", "phần tư"
        # "… ba mươi tư ‖ ngày mười hai": the word after opens the next number, not a unit;
        # but a date or a time goes on ("mười hai tháng sáu", "mười giờ ba mươi phút").
        opens_next = (
            after and keys[j + 1] in _BEFORE_NUMBER and keys[j + 1] not in _NUMBER_GOES_ON
            and j + 2 < n and keys[j + 2] in NUMBER_WORDS
        )
        if after and keys[j + 1] and _is_number(run) and not fraction and not opens_next:
            bound[j] = True
        i = j + 1


_NAME_START = re.compile(r"^[\"'“‘«(]*[^\W\d_]")


def _capitalised(word: str) -> bool:
    return bool(_NAME_START.match(word)) and word.lstrip(_EDGE)[:1].isupper()


def bound_boundaries(words: list[str]) -> list[bool]:
    """For each boundary between ``words[k]`` and ``words[k + 1]``: is it inside a unit?"""
    n = len(words)
    bound = [False] * max(0, n - 1)
    if n < 2:
        return bound
    keys = [key(w) for w in words]
    _mark_entries(keys, words, bound)
    _mark_numbers(keys, words, bound)
    for k in range(n - 1):
        if _ends_clause(words[k]):
            continue
        name_after = _capitalised(words[k + 1])
        if name_after and (_capitalised(words[k]) or keys[k] in _BEFORE_NAME):
            bound[k] = True
        elif keys[k] in _DETERMINERS:
            bound[k] = True
    return bound


def is_link(left: str, right: str) -> bool:
    """A boundary right before a conjunction or preposition ("… huyện ‖ và các xã")."""
    return key(right) in LINK_WORDS and not _ends_clause(left)


def is_pause(left: str, right: str) -> bool:
    """A boundary after clause punctuation or at a dash: the voice pauses there anyway."""
    return _ends_clause(left) or right in _DASHES
