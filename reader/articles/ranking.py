"""Search ranking as SQLite's FTS5 does it, for a backend that has no FTS5 (PostgreSQL).

SQLite's search (``library.py``) ranks articles holding the query's words as a phrase
first, then by ``bm25(articles_fts, 5.0, 1.0)``, then newest id. To give the same order
elsewhere, this module gives the two things that order depends on: the tokens FTS5's
``unicode61 remove_diacritics 2`` tokenizer makes of a text (after the library's own
đ -> d fold; asked of FTS5 itself, in memory), and the bm25 formula of FTS5's
``fts5_aux.c`` (k1 = 1.2, b = 0.75; a word found in more than half of the articles
weighs almost nothing). The backend counts, this computes.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass
from typing import Sequence

from reader.articles.library import _WORD, MAX_QUERY_TERMS, fold

#: The tokenizer of SQLite's ``articles_fts`` (``schema.py``, migration 1).
FTS5_TOKENIZER = "unicode61 remove_diacritics 2"
#: The column weights of SQLite's ``bm25(articles_fts, 5.0, 1.0)``: title, body.
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
_K1 = 1.2
_B = 0.75
_SMALLEST_IDF = 1e-6
_local = threading.local()


def _tokenizer() -> sqlite3.Connection:
    """This thread's in-memory FTS5 table: FTS5 itself cuts the text (no second tokenizer
    to keep in step with SQLite's Unicode tables and diacritic rules)."""
    conn = getattr(_local, "tokenizer", None)
    if conn is None:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(text, tokenize='{FTS5_TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        _local.tokenizer = conn
    return conn


def words(text: str) -> list[str]:
    """The tokens FTS5 stores for ``text``, in order (the text folded first, as the
    library indexes it)."""
    conn = _tokenizer()
    conn.execute("BEGIN")
    try:
        conn.execute("INSERT INTO t (rowid, text) VALUES (1, ?)", (fold(text),))
        return [str(term) for (term,) in conn.execute("SELECT term FROM v ORDER BY offset")]
    finally:
        conn.execute("ROLLBACK")


def hits(tokens: str, terms: Sequence[str]) -> list[int]:
    """For each term, the tokens starting with it in ``tokens`` (one space apart)."""
    spaced = f" {tokens}"
    return [spaced.count(f" {term}") for term in terms]


def holds_phrase(tokens: str, terms: Sequence[str]) -> bool:
    """Whether ``tokens`` (one space apart) hold the terms side by side, the last a prefix,
    as FTS5's phrase query ``"an bien"*`` matches within one column."""
    return f" {' '.join(terms)}" in f" {tokens}"


def query_terms(query: str) -> list[str]:
    """The query's words as prefix terms, as ``fts_query`` gives them to FTS5 (at most 32)."""
    return words(" ".join(_WORD.findall(fold(query))[:MAX_QUERY_TERMS]))


@dataclass(frozen=True)
class Corpus:
    """What bm25 knows of the whole library: articles, tokens in all, and for each query
    term the number of articles holding it (at least ``rows / 2`` is as good as all)."""

    rows: int
    tokens: int
    holding: tuple[int, ...]

    def idf(self) -> list[float]:
        # fts5_aux.c: log((N - n + 0.5) / (n + 0.5)), and 1e-6 where that is not positive.
        weights = []
        for n in self.holding:
            value = math.log((self.rows - n + 0.5) / (n + 0.5))
            weights.append(value if value > 0.0 else _SMALLEST_IDF)
        return weights


def bm25(corpus: Corpus, idf: Sequence[float], title_hits: Sequence[int], body_hits: Sequence[int],
         tokens: int) -> float:
    """FTS5's bm25 of one article: lower is better (it is the negated Okapi score).

    ``title_hits[i]``/``body_hits[i]``: tokens of the title/body starting with term i;
    ``tokens``: the article's tokens, title and body.
    """
    average = corpus.tokens / corpus.rows
    length = _K1 * (1 - _B + _B * tokens / average)
    score = 0.0
    for weight, in_title, in_body in zip(idf, title_hits, body_hits):
        frequency = 0.0
        frequency += TITLE_WEIGHT * in_title  # as fts5_aux.c adds each hit's column weight
        frequency += BODY_WEIGHT * in_body
        score += weight * ((frequency * (_K1 + 1.0)) / (frequency + length))
    return -1.0 * score
