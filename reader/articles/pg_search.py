"""Search on PostgreSQL, in the order SQLite's search gives (``ranking.py``).

Each article's title and body are kept as their FTS5 tokens, one space apart, with the
article's token count, and the set of its words in a GIN index (``pg_schema.py``). A
query's words are prefix terms; an article matches when it holds every one. Matching
articles holding the words side by side, in order (a phrase) come
first, then by FTS5's bm25 (hits counted in the tokens; articles and tokens in all from
``articles_fts_totals``, articles holding each word from the vocabulary), then newest
id: the order SQLite gives, article for article.

A query matching more than ``rank_limit`` articles (a word or two found nearly
everywhere) ranks only its ``rank_limit`` newest matches, read in the order of the
``articles_newest`` index, and the older matches follow them, newest first: a page then
costs milliseconds instead of a second at 100,000 articles, every match is on some page,
and the first pages hold the phrase matches among the newest news. Such a query is the
one place where the two backends may order differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from reader.articles.dialect import Statements
from reader.articles.ranking import Corpus, bm25, hits, holds_phrase, query_terms


@dataclass(frozen=True)
class Terms:
    """A user's query as FTS5 tokens, and as a ``tsquery`` of prefixes, all required."""

    words: list[str]

    @property
    def tsquery(self) -> str:
        # Tokens are letters and digits only: nothing a user types reaches the parser as syntax.
        return " & ".join(f"'{word}':*" for word in self.words)


def terms(query: str) -> Terms | None:
    words = query_terms(query)
    return Terms(words) if words else None


# The newest matches, one more than will be ranked: fewer means these are all of them.
# (The planner walks the articles_newest index when matches are many, and sorts the few
# the GIN index finds when they are few.)
_NEWEST = (
    "SELECT a.id FROM articles a JOIN articles_fts_match m ON m.rowid = a.id WHERE m.doc @@ ?::tsquery "
    "ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?"
)
_CANDIDATES = "SELECT rowid, tokens, title_words, body_words FROM articles_fts WHERE rowid = ANY(?)"
_COUNT_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM articles_fts_match WHERE doc @@ ?::tsquery LIMIT ?) s"
# For each word: the vocabulary's words it is a prefix of, the most articles one of them
# is in, and the articles in all (each article counted once per word it holds).
_VOCAB = (
    "SELECT v.stored, v.most, v.total FROM unnest(?::text[]) WITH ORDINALITY w(s, n) CROSS JOIN LATERAL "
    "(SELECT count(*), coalesce(max(articles), 0), coalesce(sum(articles), 0) FROM articles_fts_vocab "
    "WHERE word >= w.s AND word < w.s || chr(1114111)) v(stored, most, total) ORDER BY w.n"
)
COUNT = "SELECT count(*) FROM articles_fts_match WHERE doc @@ ?::tsquery"


def ranked_ids(conn: Statements, found: Terms, limit: int | None, offset: int, rank_limit: int) -> list[int]:
    """The ids of one page of the search, best first (in one snapshot of the library)."""
    articles, tokens = conn.execute("SELECT articles, tokens FROM articles_fts_totals").fetchone() or (0, 0)
    newest = [int(i) for (i,) in conn.execute(_NEWEST, (found.tsquery, rank_limit + 1, 0)).fetchall()]  # type: ignore[call-overload]
    if not newest:
        return []
    corpus = Corpus(int(articles), int(tokens), tuple(_holding(conn, found, int(articles))))  # type: ignore[call-overload]
    rows = conn.execute(_CANDIDATES, (newest[:rank_limit],)).fetchall()
    ranked = [-key[2] for key in sorted(_keys(corpus, found.words, rows))]
    end = None if limit is None else offset + limit
    page = ranked[offset:end]
    if len(newest) > rank_limit and (end is None or end > rank_limit):
        # Past the ranked newest: the older matches follow, newest first.
        start = max(offset, rank_limit)
        more = conn.execute(_NEWEST, (found.tsquery, -1 if end is None else end - start, start)).fetchall()
        page += [int(i) for (i,) in more]  # type: ignore[call-overload]
    return page


def _holding(conn: Statements, found: Terms, articles: int) -> list[int]:
    """How many articles hold each word as a prefix, as far as bm25 needs to know: exact
    below half the library, and any figure at or above it there (its weight is the same).

    The vocabulary answers most words at once: a word that is the prefix of one stored
    word only, or of one held by half the library. Otherwise the articles are counted.
    """
    holding = []
    vocab = conn.execute(_VOCAB, (found.words,)).fetchall()
    for word, (stored, most, total) in zip(found.words, vocab):
        if int(stored) <= 1:  # type: ignore[call-overload]
            holding.append(int(total))  # type: ignore[call-overload]
        elif 2 * int(most) >= articles:  # type: ignore[call-overload]
            holding.append(int(most))  # type: ignore[call-overload]
        else:
            counted = conn.execute(_COUNT_UP_TO, (f"'{word}':*", (articles + 1) // 2)).fetchone()
            holding.append(int(counted[0]))  # type: ignore[index]
    return holding


def _keys(corpus: Corpus, words: list[str], rows: list[tuple[object, ...]]) -> Iterator[tuple[bool, float, int]]:
    """SQLite's ORDER BY phrase DESC, bm25, rowid DESC, as sort keys."""
    idf = corpus.idf()
    for rowid, tokens, title, body in rows:
        title, body = str(title), str(body)
        score = bm25(corpus, idf, hits(title, words), hits(body, words), int(tokens))  # type: ignore[call-overload]
        phrase = holds_phrase(title, words) or holds_phrase(body, words)
        yield (not phrase, score, -int(rowid))  # type: ignore[call-overload]
