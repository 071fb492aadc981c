"""One article sentence by sentence: as written, as it will be spoken, and what differs.

The differences are found word by word (case and punctuation aside), so staff see at
a glance which words a rule or the lexicon read differently ("UBND" -> "Ủy ban nhân
dân", "15/4" -> "mười lăm tháng tư"). A sentence can be heard on its own: its clips
are made (and cached, so the article's own audio reuses them) and joined in memory,
without storing any article audio that could be taken for the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.audio.assemble import assemble
from reader.audio.cache import ClipCache
from reader.audio.engines import make_engine
from reader.audio.synthesize import synthesize_script
from reader.config import Settings
from reader.errors import ScriptError
from reader.speech.script import Sentence, SpeechScript, build_script

_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")

Segment = tuple[str, bool]  # a piece of text, and whether it differs from the other side


@dataclass(frozen=True)
class ReviewedSentence:
    paragraph: int
    index: int
    text: str
    spoken: str
    written_marked: tuple[Segment, ...]
    spoken_marked: tuple[Segment, ...]

    @property
    def differs(self) -> bool:
        return any(changed for _, changed in self.written_marked + self.spoken_marked)

    @property
    def words(self) -> tuple[str, ...]:
        """The written words (punctuation trimmed), those read differently first, each once."""
        changed = [w for piece, c in self.written_marked if c for w in _words(piece)]
        seen: dict[str, None] = dict.fromkeys(changed)
        seen.update(dict.fromkeys(_words(self.text)))
        return tuple(seen)


def _words(text: str) -> list[str]:
    return [w for w in (_EDGE.sub("", t) for t in _TOKEN.findall(text)) if w]


def _comparable(token: str) -> str:
    return _EDGE.sub("", token).casefold()


def mark_differences(written: str, spoken: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Both sides cut into runs of words, each run marked as the same or different."""
    a, b = _TOKEN.findall(written), _TOKEN.findall(spoken)
    ca, cb = [_comparable(t) for t in a], [_comparable(t) for t in b]
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes():
        same = tag == "equal"
        if i2 > i1:
            left.append((" ".join(a[i1:i2]), not same))
        if j2 > j1:
            right.append((" ".join(b[j1:j2]), not same))
    return tuple(left), tuple(right)


def review(script: SpeechScript) -> list[ReviewedSentence]:
    """Every sentence of ``script`` with its differences marked, in reading order."""
    rows = []
    for p, s, sentence in script.sentences():
        written_marked, spoken_marked = mark_differences(sentence.text, sentence.spoken)
        rows.append(ReviewedSentence(p, s, sentence.text, sentence.spoken, written_marked, spoken_marked))
    return rows


@dataclass(frozen=True)
class Heard:
    mp3: bytes
    engines_used: tuple[str, ...]

    @property
    def offline(self) -> bool:
        return "espeak" in self.engines_used


def hear(script: SpeechScript, settings: Settings) -> Heard:
    """``script`` as audio in memory, by the configured voice (clips cached, article not stored)."""
    engine = make_engine(settings.engine, settings)
    sentences = synthesize_script(script, engine, ClipCache(settings.cache_dir))
    assembled = assemble(sentences, settings)
    engines = tuple(dict.fromkeys(clip.engine for s in sentences for clip in s.clips))
    return Heard(assembled.mp3, engines)


def hear_sentence(sentence: Sentence, settings: Settings) -> Heard:
    return hear(SpeechScript(paragraphs=((sentence,),)), settings)


def hear_text(text: str, settings: Settings) -> tuple[str, Heard]:
    """Any text as it would be read (the "Nghe thử" of a pronunciation): spoken form and audio."""
    try:
        script = build_script([text], settings)
    except ScriptError:
        raise ScriptError(
            f"nothing speakable in {text!r}", user_message="Không có chữ nào để đọc thử."
        ) from None
    return script.to_text(), hear(script, settings)
