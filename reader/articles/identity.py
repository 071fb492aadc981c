"""Which stored article an imported one is: the rules that keep the library from losing text.

A source names where an article came from, and must never be shared by two articles
by accident: a file is named by its full resolved path (two ``tin.txt`` in two folders
are two sources), pasted or uploaded text by a hash of its content. The same source
may be imported again after an edit (a corrected title, a reworded paragraph): that
updates the stored article. But a source can also be reused for a new story (staff
saving each day's article as the same ``bai-viet.txt``), so a source match counts only
when the two versions tell the same story: the same title, or mostly the same words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from reader.articles.model import Article

#: A body this long, word for word the same, is one article even under a new title;
#: shorter ones ("Xem chi tiết tại tệp đính kèm.") are shared by different notices.
MIN_WORDS_OWN_TEXT = 20
#: Share of the shorter text's word triples found in the other: above it, an edit.
SAME_STORY_OVERLAP = 0.5
SHINGLE_WORDS = 3

_WORD = re.compile(r"[^\W_]+")


def file_source(path: Path) -> str:
    """``file:`` and the full resolved path (symlinks and ``..`` resolved)."""
    return f"file:{path.expanduser().resolve()}"


def text_source(text: str) -> str:
    """``text:`` and a hash of the content, for pasted or uploaded text with no path."""
    data = unicodedata.normalize("NFC", text).strip().encode("utf-8")
    return f"text:{hashlib.sha256(data).hexdigest()[:32]}"


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE_WORDS:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def overlap(a: str, b: str) -> float:
    """How much of the shorter text is in the longer one (0..1), by word triples."""
    first, second = _shingles(_words(a)), _shingles(_words(b))
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def _same_title(a: str, b: str) -> bool:
    """Equal words; a title of no words at all ("...", "!!!") only equals itself as written."""
    words_a, words_b = _words(a), _words(b)
    if words_a or words_b:
        return words_a == words_b
    return " ".join(a.split()) == " ".join(b.split())


def same_story(
    old_title: str, old_paragraphs: Sequence[str], new_title: str, new_paragraphs: Sequence[str]
) -> bool:
    """True when a new version from the same source is an edit of the stored one."""
    if _same_title(old_title, new_title):
        return True
    old_body, new_body = "\n".join(old_paragraphs), "\n".join(new_paragraphs)
    if min(len(_words(old_body)), len(_words(new_body))) < MIN_WORDS_OWN_TEXT:
        return False  # too short to tell an edit from another story by its words
    return overlap(old_body, new_body) >= SAME_STORY_OVERLAP


def same_text(old_title: str, old_url: str, new: "Article") -> bool:
    """For a body that hashes alike: the same article, or two that share a short text?

    The same title makes it the same article. Otherwise the body must be long enough to
    be its own, and the two must not be two different pages (two URLs).
    """
    if _same_title(old_title, new.title):
        return True
    if old_url and new.url and old_url != new.url:
        return False
    return len(_words(new.body)) >= MIN_WORDS_OWN_TEXT
