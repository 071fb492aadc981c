"""Invariants of the spoken form and the script, checked on generated text (hypothesis).

Two kinds of text: news-like noise (anything may appear; only the invariants that hold for
every input are checked), and sentences built from templates of the forms we support
(dates, numbers, percentages, units, document codes, abbreviations), where nothing an
engine would spell or guess at may reach a chunk.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.config import Settings
from reader.errors import ScriptError
from reader.speech import lexicon, loanwords, money, senses
from reader.speech import units as unit_table
from reader.speech.normalize import normalize
from reader.speech.repair import repair_written
from reader.speech.script import build_script
from reader.speech.segment import INSIDE_UNIT, chunk, cut_costs, split_sentences, unglue_sentences

LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹề"
    "ếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵAĂÂBĐÊHKMNÔƠQTƯỦ"
)
NEWS_TOKENS = [
    *lexicon.abbreviations(),
    *senses.senses(),
    *lexicon.units(),
    "ngày", "tháng", "năm", "thứ", "lúc", "số", "./.", "%", "-", "–", "/", ".", ",", ":", "h",
    "&", "@", "“", "”", "(", ")", "<b>", "&amp;", ".gov.vn", "www.", "HUYỆN", "AN", "BIÊN",
    "$", "€", "₫", "£", "¥", "USD", "usd", "đ", "g", "s", "tỷ số", "thắng", "lúc", "gọi", "Zalo",
    "facebook", "TB", "GB", "kV", "cm²", "m/s", "đồng/kg", "lần", "XII", "hộ", "tiếng", "đến",
]

# Any printable text; control characters (C1 ones are stray mojibake bytes) are left to
# the repair table tests, where a lone byte's reading is pinned down.
printable = st.characters(blacklist_categories=("Cc", "Cs"))
words = st.text(alphabet=LETTERS, min_size=1, max_size=12)
numbers = st.one_of(
    st.integers(min_value=0, max_value=10**18).map(str),
    st.from_regex(r"\d{1,2}[/.:h-]\d{1,2}([/.-]\d{2,4})?", fullmatch=True),
    st.from_regex(r"\d{1,3}(\.\d{3}){0,4}(,\d{1,3})?%?", fullmatch=True),
    st.from_regex(r"0\d{3}[ .]?\d{3}[ .]?\d{3,4}", fullmatch=True),
    st.from_regex(r"[$€£¥]?\d{1,3}([.,]\d{1,3})?(g\d{0,2}|s|đ|₫|kg|GB|MHz|mAh)?", fullmatch=True),
    st.from_regex(r"0?\d{1,2}[-–]\d{1,2}(, ?\d{1,2})?", fullmatch=True),
    st.from_regex(r"\d{1,2}:\d{2}:\d{2}|1[89]00[ .]\d{4}", fullmatch=True),
)
pieces = st.one_of(
    words, numbers, st.sampled_from(NEWS_TOKENS), st.text(alphabet=printable, max_size=4)
)
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


# -- chunks ----------------------------------------------------------------------------


def units(words_: list[str]) -> list[str]:
    """Words joined where a cut would fall inside a unit (a compound, a number, a name)."""
    if not words_:
        return []
    joined = [words_[0]]
    for word, cost in zip(words_[1:], cut_costs(words_)):
        if cost == INSIDE_UNIT:
            joined[-1] += " " + word
        else:
            joined.append(word)
    return joined


@settings(max_examples=200, deadline=None)
@given(spoken_text, st.integers(min_value=20, max_value=100))
def test_chunks_fit_lose_no_word_and_are_fewest(spoken: str, max_chars: int) -> None:
    chunks = chunk(spoken, max_chars)
    assert all(0 < len(c) <= max_chars for c in chunks)
    assert " ".join(chunks) == " ".join(spoken.split())
    whole = units(spoken.split())
    if all(len(u) <= max_chars for u in whole):
        # No cut inside a unit, and no more pieces than that allows.
        assert len(chunks) == greedy_count(whole, max_chars)
        for left, right in zip(chunks, chunks[1:]):
            boundary = len(left.split()) - 1
            assert cut_costs((left + " " + right).split())[boundary] != INSIDE_UNIT
    else:
        assert len(chunks) >= greedy_count(spoken.split(), max_chars)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=LETTERS + " ,", max_size=300), st.integers(min_value=1, max_value=15))
def test_only_overlong_words_are_cut(spoken: str, max_chars: int) -> None:
    chunks = chunk(spoken, max_chars)
    assert all(0 < len(c) <= max_chars for c in chunks)
    assert "".join(chunks).replace(" ", "") == "".join(spoken.split())
    for word in spoken.split():
        if len(word) <= max_chars:
            assert any(word in c.split() for c in chunks)


# -- normalization ---------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(news_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(news_text)
def test_normalize_leaves_no_ascii_digit(text: str) -> None:
    assert not re.search(r"[0-9]", normalize(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=printable, max_size=60), st.integers(min_value=0, max_value=10**15))
def test_arbitrary_text_with_a_number(text: str, n: int) -> None:
    spoken = normalize(f"{text} {n} {text}")
    assert not re.search(r"[0-9]", spoken)
    assert normalize(spoken) == spoken


# -- the script ------------------------------------------------------------------------


def _written_words(text: str) -> list[str]:
    """Words as a reader sees them; the "./." closing a document is shown as "."."""
    return re.sub(r"\s*\./\.(?=\s|$)", ".", text).split()


@settings(max_examples=150, deadline=None)
@given(news_text)
def test_sentences_lose_no_written_word(paragraph: str) -> None:
    sentences = split_sentences(paragraph)
    # Only spaces may change: one is added between two glued sentences ("mạnh.Tiếp").
    assert "".join(" ".join(sentences).split()) == "".join(_written_words(paragraph))
    assert all(s == s.strip() and s for s in sentences)


@settings(max_examples=100, deadline=None)
@given(st.lists(news_text, max_size=4), st.integers(min_value=20, max_value=100))
def test_script_chunks_fit_and_keep_the_display_text(paragraphs: list[str], max_chars: int) -> None:
    try:
        script = build_script(paragraphs, Settings(max_chunk_chars=max_chars))
    except ScriptError:
        return
    shown = [s.text for _, _, s in script.sentences()]
    written = [repair_written(s) for p in paragraphs for s in split_sentences(p)]
    # Display texts are the written sentences in order, repaired as the voice reads them;
    # only unspeakable ones are left out.
    remaining = iter(written)
    for text in shown:
        skipped = []
        for candidate in remaining:
            if candidate == text:
                break
            skipped.append(candidate)
        else:
            raise AssertionError(f"{text!r} is not a written sentence in order")
        assert not any(ch.isalnum() for s in skipped for ch in normalize(s))
    for _, _, sentence in script.sentences():
        assert normalize(sentence.text) == sentence.spoken  # the voice reads what is shown
        assert sentence.spoken and sentence.chunks
        assert all(0 < len(c) <= max_chars for c in sentence.chunks)
        assert "".join(sentence.chunks).replace(" ", "") == sentence.spoken.replace(" ", "")


@settings(max_examples=150, deadline=None)
@given(news_text)
def test_ungluing_sentences_only_adds_spaces_and_is_stable(text: str) -> None:
    unglued = unglue_sentences(text)
    assert unglued.replace(" ", "") == text.replace(" ", "")
    assert unglue_sentences(unglued) == unglued


@settings(max_examples=150, deadline=None)
@given(news_text)
def test_written_repair_is_stable(text: str) -> None:
    once = repair_written(text)
    assert repair_written(once) == once


# -- supported forms reach no engine as digits, slashes or capitals ------------------------


def _keys(table: dict[str, str]) -> list[str]:
    return sorted(k for k in table if "#" not in k and k != "*")


day = st.integers(min_value=1, max_value=28)
month = st.integers(min_value=1, max_value=12)
year = st.integers(min_value=1945, max_value=2099)
count = st.integers(min_value=0, max_value=10**9)
thousands = count.map(lambda n: f"{n:,}".replace(",", "."))
decimal = st.tuples(st.integers(0, 999), st.integers(1, 99)).map(lambda p: f"{p[0]},{p[1]}")
SEP = st.sampled_from(["/", ".", "-"])

FORMS = st.one_of(
    st.tuples(day, SEP, month, year).map(lambda t: f"ngày {t[0]}{t[1]}{t[2]}{t[1]}{t[3]}"),
    st.tuples(day, month).map(lambda t: f"ngày {t[0]}/{t[1]}"),
    st.tuples(month, year).map(lambda t: f"tháng {t[0]}/{t[1]}"),
    st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"lúc {t[0]}h{t[1]:02d}"),
    st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"lúc {t[0]}:{t[1]:02d}"),
    st.one_of(count.map(str), thousands, decimal),
    st.one_of(st.integers(0, 100).map(str), decimal).map(lambda n: f"đạt {n}%"),
    st.tuples(st.one_of(count.map(str), thousands, decimal), st.sampled_from(_keys(lexicon.units())))
    .map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(thousands, st.sampled_from(["kg", "ha", "tấn", "ngày", "người", "hộ"]))
    .map(lambda t: f"giá {t[0]}đ/{t[1]}"),
    st.tuples(
        st.integers(1, 999), st.sampled_from(_keys(lexicon.document_types())),
        st.sampled_from(_keys(lexicon.issuers())),
    ).map(lambda t: f"số {t[0]}/{t[1]}-{t[2]}"),
    st.tuples(
        st.integers(1, 999), year, st.sampled_from(_keys(lexicon.document_types())),
        st.sampled_from(_keys(lexicon.issuers())),
    ).map(lambda t: f"theo {t[0]}/{t[1]}/{t[2]}-{t[3]}"),
    st.tuples(st.integers(1, 99), st.sampled_from(["CT", "NQ", "KL", "QĐ"]))
    .map(lambda t: f"Chỉ thị số {t[0]}-{t[1]}/TW"),
    st.sampled_from(_keys(lexicon.abbreviations())).map(lambda a: f"cán bộ {a} huyện"),
    # Issue 6 forms: money, SI units, hyphen dates and ranges, newspaper times, phones, loanwords.
    st.tuples(st.one_of(thousands, decimal), st.sampled_from(sorted(money.currencies())))
    .map(lambda t: f"giá {t[0]}{t[1]}" if not t[1][0].isalnum() else f"giá {t[0]} {t[1]}"),
    st.tuples(st.sampled_from(["$", "€", "£", "¥", "₫"]), thousands).map(lambda t: f"{t[0]}{t[1]}"),
    st.tuples(st.one_of(count.map(str), decimal), st.sampled_from(sorted(unit_table.table())))
    .map(lambda t: f"đạt {t[0]}{t[1]}"),
    st.tuples(day, month).map(lambda t: f"sáng {t[0]}-{t[1]}"),
    st.tuples(st.integers(1, 9), st.integers(10, 99), st.sampled_from(["tiếng", "lần", "kg", "%"]))
    .map(lambda t: f"từ {t[0]}-{t[1]} {t[2]}"),
    st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59))
    .map(lambda t: f"lúc {t[0]}g{t[1]:02d} và {t[0]}:{t[1]:02d}:{t[2]:02d}"),
    st.from_regex(r"0\d{2,3}\.\d{3,4}\.\d{3}|1[89]00 \d{4}", fullmatch=True),
    st.sampled_from(["111", "113", "114", "115", "1022"]).map(lambda n: f"gọi {n}"),
    st.tuples(st.integers(1, 9), st.sampled_from(["hộ", "đồng chí", "xã"]))
    .map(lambda t: f"có 0{t[0]} {t[1]}"),
    st.sampled_from(sorted(loanwords.loanwords())).map(lambda w: f"qua {w} của"),
)
PLAIN = st.sampled_from(
    ["Ủy ban", "huyện An Biên", "tổ chức", "hội nghị", "Nguyễn Văn An", "người dân", "xã", ""]
)
template_sentence = st.tuples(PLAIN, FORMS, PLAIN, st.sampled_from([".", ",", "!", "?", ""])).map(
    lambda t: " ".join(p for p in t[:3] if p) + t[3]
)
template_paragraphs = st.lists(
    st.lists(template_sentence, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=3
)

CAPITALS = re.compile(r"[^\W\d_]{2,}")


def engine_problems(chunk_text: str) -> list[str]:
    """What an engine would spell or guess at: ASCII digits, "/", words in capitals."""
    found = re.findall(r"[0-9/]", chunk_text)
    return found + [w for w in CAPITALS.findall(chunk_text) if w.isupper()]


@settings(max_examples=150, deadline=None)
@given(template_paragraphs)
def test_supported_forms_reach_no_engine_as_digits_slashes_or_capitals(
    paragraphs: list[str],
) -> None:
    script = build_script(paragraphs)
    for _, _, sentence in script.sentences():
        for piece in sentence.chunks:
            assert len(piece) <= 100
            assert engine_problems(piece) == [], (sentence.text, piece)
