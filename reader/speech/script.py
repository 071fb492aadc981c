"""The speech script of an article: what is shown, what is said, and how it is cut.

A ``SpeechScript`` is the one hand-over from text to audio: audio synthesizes its chunks,
and the player highlights its sentences, so both keep the written ``text`` beside the
``spoken`` form. The written ``text`` is shown repaired (``repair.repair_written``: the
same corrections the voice gets), never otherwise changed. An article is built from
``[title, *paragraphs]``; paragraph 0 is the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from reader.config import Settings
from reader.errors import ScriptError
from reader.speech.normalize import normalize
from reader.speech.repair import repair_written
from reader.speech.segment import chunk, split_sentences


@dataclass(frozen=True)
class Sentence:
    text: str
    spoken: str
    chunks: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spoken": self.spoken, "chunks": list(self.chunks)}


@dataclass(frozen=True)
class SpeechScript:
    paragraphs: tuple[tuple[Sentence, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``script --json`` shape: ``{"paragraphs": [{"sentences": [...]}]}``."""
        return {
            "paragraphs": [
                {"sentences": [sentence.to_dict() for sentence in paragraph]}
                for paragraph in self.paragraphs
            ]
        }

    def to_text(self) -> str:
        """The spoken form, one sentence a line, a blank line between paragraphs."""
        return "\n\n".join(
            "\n".join(sentence.spoken for sentence in paragraph) for paragraph in self.paragraphs
        )

    def sentences(self) -> Iterator[tuple[int, int, Sentence]]:
        """Every sentence with its (paragraph, sentence) position, as the timing map counts."""
        for p, paragraph in enumerate(self.paragraphs):
            for s, sentence in enumerate(paragraph):
                yield p, s, sentence

    def chunk_count(self) -> int:
        return sum(len(sentence.chunks) for _, _, sentence in self.sentences())


def _speakable(spoken: str) -> bool:
    return any(ch.isalnum() for ch in spoken)


def build_sentence(text: str, settings: Settings) -> Sentence | None:
    """One written sentence in spoken form, or ``None`` when nothing in it can be said.

    The text shown is repaired as the spoken one is, and the spoken form is read from it:
    a listener following along never sees one word and hears another."""
    text = repair_written(text)
    spoken = normalize(text, settings)
    if not _speakable(spoken):
        return None
    return Sentence(text=text, spoken=spoken, chunks=tuple(chunk(spoken, settings.max_chunk_chars)))


def build_script(paragraphs: Sequence[str], settings: Settings | None = None) -> SpeechScript:
    """The speech script of ``paragraphs``; raises ``ScriptError`` if nothing is speakable."""
    if isinstance(paragraphs, str):
        raise TypeError("build_script takes a sequence of paragraphs, not one string")
    settings = settings or Settings()
    built: list[tuple[Sentence, ...]] = []
    for paragraph in paragraphs:
        sentences = tuple(
            sentence
            for text in split_sentences(paragraph)
            if (sentence := build_sentence(text, settings)) is not None
        )
        if sentences:
            built.append(sentences)
    if not built:
        raise ScriptError("nothing speakable: the text has no words or numbers to read aloud")
    return SpeechScript(paragraphs=tuple(built))
