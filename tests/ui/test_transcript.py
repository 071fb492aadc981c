"""The transcript keeps the text as written (but for the words the voice repairs) and
matches the timing map to it."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings as hsettings, strategies as st

from reader.speech.repair import repair_written
from reader.speech.script import build_script
from reader.speech.segment import split_sentences
from reader.ui.transcript import build_transcript, match_timings


def _shown(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_sentences_are_numbered_in_reading_order_title_first():
    t = build_transcript(["Tiêu đề bài", "Câu một. Câu hai!", "Câu ba?"])
    assert t.sentences == ("Tiêu đề bài", "Câu một.", "Câu hai!", "Câu ba?")
    assert 'data-s="0"' in t.title_html
    assert 'data-s="1"' in t.body_html[0] and 'data-s="2"' in t.body_html[0]
    assert 'data-s="3"' in t.body_html[1]


def test_markup_in_the_text_is_shown_not_obeyed():
    t = build_transcript(["<script>alert(1)</script> **đậm** [a](b)", "x < y > z & w."])
    assert "<script>" not in t.title_html
    assert _shown(t.title_html) == "<script>alert(1)</script> **đậm** [a](b)"
    assert _shown(t.body_html[0]) == "x < y > z & w."


def test_timings_match_spans_by_text_and_skip_unspeakable_sentences():
    sentences = ("Tiêu đề", "Một.", "***", "Hai.")
    timings = [
        {"start_ms": 0, "end_ms": 900, "paragraph": 0, "sentence": 0, "text": "Tiêu đề"},
        {"start_ms": 1600, "end_ms": 2000, "paragraph": 1, "sentence": 0, "text": "Một."},
        {"start_ms": 2300, "end_ms": 2700, "paragraph": 1, "sentence": 1, "text": "Hai."},
        {"start_ms": 2800, "end_ms": 2900, "paragraph": 1, "sentence": 2, "text": "Không có trên trang."},
    ]
    rows = match_timings(sentences, timings)
    assert [r["s"] for r in rows] == [0, 1, 3, -1]
    assert rows[2] == {"start": 2300, "end": 2700, "s": 3}


def _sentences_repaired(paragraph: str) -> str:
    """The paragraph with each sentence as the voice reads it (see ``repair_written``)."""
    position, out = 0, []
    for sentence in split_sentences(paragraph):
        at = paragraph.find(sentence, position)
        if at < 0:
            continue
        out += [paragraph[position:at], repair_written(sentence)]
        position = at + len(sentence)
    return "".join(out) + paragraph[position:]


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=4))
def test_any_text_is_shown_as_written_but_for_what_the_voice_repairs(paragraphs):
    t = build_transcript(paragraphs)
    assert [_shown(p) for p in t.paragraphs_html] == [_sentences_repaired(p) for p in paragraphs]
    assert len(set(re.findall(r'data-s="(\d+)"', "".join(t.paragraphs_html)))) == len(t.sentences)


def test_a_repaired_sentence_is_shown_repaired_and_its_timing_row_finds_it():
    paragraphs = ["Xã Hoà Thuận", "Đẩy mạnh phong ừào thi đua. Qúy vị tham gia."]
    t = build_transcript(paragraphs)
    assert t.sentences == ("Xã Hòa Thuận", "Đẩy mạnh phong trào thi đua.", "Quý vị tham gia.")
    assert "ừào" not in _shown(t.body_html[0])
    timings = [
        {"start_ms": 10 * i, "end_ms": 10 * i + 5, "text": s.text}
        for i, (_, _, s) in enumerate(build_script(paragraphs).sentences())
    ]
    assert [r["s"] for r in match_timings(t.sentences, timings)] == [0, 1, 2]


def test_the_player_ships_the_transcript_keys_and_their_words():
    """transcript.js is in the player, and the words it says and the shortcut list exist."""
    from reader.articles.model import Article
    from reader.ui.labels import all_labels
    from reader.ui.player import player_html

    page = player_html(Article(id=3, title="Tiêu đề", paragraphs=("Câu một. Câu hai.",), source="text"))
    assert "window.ReaderTranscript" in page
    assert page.index("window.ReaderTranscript = T") < page.index("window.ReaderTranscript.bind(L)")
    labels = all_labels()
    assert "{position}" in labels["transcript_position"] and "{total}" in labels["transcript_position"]
    assert "Enter" in labels["transcript_keys"]
    keys = " ".join(k for k, _ in labels["shortcuts"])
    assert "Home" in keys and "End" in keys and "Tab" in keys
    assert html.escape("Trong bài: ↑ ↓, Home, End") in page
