"""The article as a transcript the player can follow: each written sentence in a span
(`data-s` = its number in reading order, the title first), and the timing map matched
to those spans by text, so the sentence being read can be highlighted and clicked.

A sentence is shown as the voice reads it (``repair_written``: the corrections repair
makes for the voice, "Phong ừào" shown "Phong trào", "hoà" shown "hòa"), which is also the
text of its timing row; it is wrapped where it is found in its paragraph, and anything the
sentence splitter left out between sentences is shown unwrapped, never altered.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Sequence

from reader.speech.repair import repair_written
from reader.speech.segment import split_sentences


@dataclass(frozen=True)
class Transcript:
    """Paragraphs (the title first) as HTML with sentence spans, and the spans' texts."""

    paragraphs_html: tuple[str, ...]
    sentences: tuple[str, ...]

    @property
    def title_html(self) -> str:
        return self.paragraphs_html[0]

    @property
    def body_html(self) -> tuple[str, ...]:
        return self.paragraphs_html[1:]


def _wrap(paragraph: str, first: int) -> tuple[str, list[str]]:
    parts: list[str] = []
    found: list[str] = []
    position = 0
    for sentence in split_sentences(paragraph):
        at = paragraph.find(sentence, position)
        if at < 0:
            continue
        shown = repair_written(sentence)
        parts.append(escape(paragraph[position:at]))
        parts.append(f'<span class="reader-s" data-s="{first + len(found)}">{escape(shown)}</span>')
        found.append(shown)
        position = at + len(sentence)
    parts.append(escape(paragraph[position:]))
    return "".join(parts), found


def build_transcript(paragraphs: Sequence[str]) -> Transcript:
    """``paragraphs`` as read aloud: ``[title, *body]``."""
    rendered: list[str] = []
    sentences: list[str] = []
    for paragraph in paragraphs:
        html, found = _wrap(paragraph, len(sentences))
        rendered.append(html)
        sentences.extend(found)
    return Transcript(tuple(rendered), tuple(sentences))


def match_timings(sentences: Sequence[str], timings: Sequence[dict]) -> list[dict]:
    """The timing map in the player's shape ``{"start", "end", "s"}`` (ms, span number or
    -1): rows and spans are both in reading order, so each row takes the next span with
    its text; a row with no such span (the splitter changed its text) is still played."""
    rows: list[dict] = []
    next_span = 0
    for row in timings:
        span = -1
        for candidate in range(next_span, len(sentences)):
            if sentences[candidate] == row.get("text"):
                span, next_span = candidate, candidate + 1
                break
        rows.append({"start": int(row["start_ms"]), "end": int(row["end_ms"]), "s": span})
    return rows
