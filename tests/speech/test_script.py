"""The speech script of an article: shape, text form and the nothing-to-say error."""

from __future__ import annotations

import json

import pytest

from reader.config import Settings
from reader.errors import ScriptError
from reader.speech.script import Sentence, SpeechScript, build_script

ARTICLE = [
    "UBND huyện An Biên tổng kết năm 2023",
    "Ngày 20/12/2023, UBND huyện tổ chức hội nghị. Tỷ lệ BHYT đạt 98,5%./.",
    "",
    "...",
    "Đ/c Nguyễn Văn A phát biểu.",
]


def test_build_script_paragraphs_sentences_and_chunks() -> None:
    script = build_script(ARTICLE)
    assert [len(p) for p in script.paragraphs] == [1, 2, 1]
    title = script.paragraphs[0][0]
    assert title == Sentence(
        text="UBND huyện An Biên tổng kết năm 2023",
        spoken="Ủy ban nhân dân huyện An Biên tổng kết năm hai nghìn không trăm hai mươi ba",
        chunks=("Ủy ban nhân dân huyện An Biên tổng kết năm hai nghìn không trăm hai mươi ba",),
    )
    assert script.paragraphs[1][1].text == "Tỷ lệ BHYT đạt 98,5%."
    assert [len(s.chunks) for _, _, s in script.sentences()] == [1, 2, 1, 1]
    assert script.chunk_count() == 5


def test_to_text() -> None:
    assert build_script(ARTICLE).to_text() == (
        "Ủy ban nhân dân huyện An Biên tổng kết năm hai nghìn không trăm hai mươi ba\n"
        "\n"
        "Ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi ba, "
        "Ủy ban nhân dân huyện tổ chức hội nghị.\n"
        "Tỷ lệ bảo hiểm y tế đạt chín mươi tám phẩy năm phần trăm.\n"
        "\n"
        "đồng chí Nguyễn Văn A phát biểu."
    )


def test_to_dict_is_the_script_json_shape() -> None:
    data = build_script(["Xin chào.", "Một câu. Hai câu."]).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == {
        "paragraphs": [
            {"sentences": [{"text": "Xin chào.", "spoken": "Xin chào.", "chunks": ["Xin chào."]}]},
            {
                "sentences": [
                    {"text": "Một câu.", "spoken": "Một câu.", "chunks": ["Một câu."]},
                    {"text": "Hai câu.", "spoken": "Hai câu.", "chunks": ["Hai câu."]},
                ]
            },
        ]
    }


def test_sentences_iterates_positions() -> None:
    script = build_script(["Tựa đề", "A một. B hai."])
    assert [(p, s, sentence.text) for p, s, sentence in script.sentences()] == [
        (0, 0, "Tựa đề"),
        (1, 0, "A một."),
        (1, 1, "B hai."),
    ]


def test_chunks_respect_settings() -> None:
    text = (
        "Ủy ban nhân dân huyện An Biên tổ chức hội nghị tổng kết công tác năm, "
        "triển khai nhiệm vụ mới."
    )
    script = build_script([text], Settings(max_chunk_chars=30))
    chunks = script.paragraphs[0][0].chunks
    assert len(chunks) > 1 and all(len(c) <= 30 for c in chunks)
    assert " ".join(chunks) == script.paragraphs[0][0].spoken


def test_thousand_word_setting() -> None:
    script = build_script(["Có 1.250 người."], Settings(thousand_word="ngàn"))
    assert script.to_text() == "Có một ngàn hai trăm năm mươi người."


@pytest.mark.parametrize("paragraphs", [[], [""], ["   ", "..."], ["<p></p>", "./.", "- * -"]])
def test_nothing_speakable_is_a_script_error(paragraphs: list[str]) -> None:
    with pytest.raises(ScriptError, match="nothing speakable"):
        build_script(paragraphs)


def test_one_string_is_not_a_list_of_paragraphs() -> None:
    with pytest.raises(TypeError):
        build_script("Một bài viết.")


def test_script_is_immutable() -> None:
    script = build_script(["Xin chào."])
    assert isinstance(script, SpeechScript)
    with pytest.raises(AttributeError):
        script.paragraphs = ()  # type: ignore[misc]


def _mangled(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


@pytest.mark.parametrize(
    ("written", "shown", "spoken"),
    [
        ("Xã Hoà Thuận họp.", "Xã Hòa Thuận họp.", "Xã Hòa Thuận họp."),
        ("Tin <b>mới</b> &amp; hay.", "Tin <b>mới</b> &amp; hay.", "Tin mới và hay."),
        (
            _mangled("Người dân Hà Nội vui mừng."),
            "Người dân Hà Nội vui mừng.",
            "Người dân Hà Nội vui mừng.",
        ),
        (
            "Đẩy mạnh phong ừào thi đua.",
            "Đẩy mạnh phong trào thi đua.",
            "Đẩy mạnh phong trào thi đua.",
        ),
    ],
)
def test_what_repair_corrects_is_corrected_on_screen_too(
    written: str, shown: str, spoken: str
) -> None:
    sentence = build_script([written]).paragraphs[0][0]
    assert sentence.spoken == spoken
    assert sentence.text == shown
