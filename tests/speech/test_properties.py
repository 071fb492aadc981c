"""Invariants of the spoken form, checked on generated text (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.config import Settings
from reader.errors import ScriptError
from reader.speech import lexicon
from reader.speech.normalize import normalize
from reader.speech.script import build_script
from reader.speech.segment import chunk

LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹề"
    "ếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵAĂÂBĐÊHKMNÔƠQTƯỦ"
)
NEWS_TOKENS = [
    *lexicon.abbreviations(),
    *lexicon.units(),
    "ngày", "tháng", "năm", "thứ", "lúc", "số", "./.", "%", "-", "–", "/", ".", ",", ":", "h",
    "&", "@", "“", "”", "(", ")", "<b>", "&amp;", ".gov.vn", "www.", "HUYỆN", "AN", "BIÊN",
]

words = st.text(alphabet=LETTERS, min_size=1, max_size=12)
numbers = st.one_of(
    st.integers(min_value=0, max_value=10**18).map(str),
    st.from_regex(r"\d{1,2}[/.:h-]\d{1,2}([/.-]\d{2,4})?", fullmatch=True),
    st.from_regex(r"\d{1,3}(\.\d{3}){0,4}(,\d{1,3})?%?", fullmatch=True),
    st.from_regex(r"0\d{3}[ .]?\d{3}[ .]?\d{3,4}", fullmatch=True),
)
pieces = st.one_of(words, numbers, st.sampled_from(NEWS_TOKENS), st.text(max_size=4))
news_text = st.lists(
    st.tuples(pieces, st.sampled_from(["", " ", " ", "  ", ", ", ". ", "\n"])), max_size=25
).map(lambda parts: "".join(p + sep for p, sep in parts))

spoken_text = st.lists(
    st.tuples(
        st.text(alphabet=LETTERS + ",.;:-–", min_size=1, max_size=20),
        st.sampled_from([" ", "  ", "\n"]),
    ),
    max_size=40,
).map(lambda parts: "".join(w + sep for w, sep in parts))


def greedy_count(words_: list[str], max_chars: int) -> int:
    count, length = 0, max_chars + 1
    for word in words_:
        if length + 1 + len(word) > max_chars:
            count, length = count + 1, len(word)
        else:
            length += 1 + len(word)
    return count


@settings(max_examples=200, deadline=None)
@given(spoken_text, st.integers(min_value=20, max_value=100))
def test_chunks_fit_lose_no_word_and_are_fewest(spoken: str, max_chars: int) -> None:
    chunks = chunk(spoken, max_chars)
    assert all(0 < len(c) <= max_chars for c in chunks)
    assert " ".join(chunks) == " ".join(spoken.split())
    assert len(chunks) == greedy_count(spoken.split(), max_chars)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=LETTERS + " ,", max_size=300), st.integers(min_value=1, max_value=15))
def test_only_overlong_words_are_cut(spoken: str, max_chars: int) -> None:
    chunks = chunk(spoken, max_chars)
    assert all(0 < len(c) <= max_chars for c in chunks)
    assert "".join(chunks).replace(" ", "") == "".join(spoken.split())
    for word in spoken.split():
        if len(word) <= max_chars:
            assert any(word in c.split() for c in chunks)


@settings(max_examples=300, deadline=None)
@given(news_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(news_text)
def test_normalize_leaves_no_ascii_digit(text: str) -> None:
    assert not re.search(r"[0-9]", normalize(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.integers(min_value=0, max_value=10**15))
def test_arbitrary_text_with_a_number(text: str, n: int) -> None:
    spoken = normalize(f"{text} {n} {text}")
    assert not re.search(r"[0-9]", spoken)
    assert normalize(spoken) == spoken


@settings(max_examples=100, deadline=None)
@given(st.lists(news_text, max_size=4), st.integers(min_value=20, max_value=100))
def test_script_chunks_never_exceed_the_setting(paragraphs: list[str], max_chars: int) -> None:
    try:
        script = build_script(paragraphs, Settings(max_chunk_chars=max_chars))
    except ScriptError:
        return
    for _, _, sentence in script.sentences():
        assert sentence.spoken and sentence.chunks
        assert all(0 < len(c) <= max_chars for c in sentence.chunks)
        assert " ".join(sentence.chunks) == sentence.spoken
