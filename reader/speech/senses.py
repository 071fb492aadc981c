"""Abbreviations with two senses, read by the words around them (``data/senses.tsv``).

"SN 1985" is "sinh năm" but "SN 12 đường Lê Lợi" is "số nhà"; "ĐH Đảng bộ" is "Đại hội",
"Trường ĐH" is "đại học"; "ĐT: 0297…" is "điện thoại", "ĐT 963" is "đường tỉnh". Each line
of the data file names an abbreviation, what the text before it must end with, what the
text after it must start with, and the reading; the first line that fits wins, and when
none fits the abbreviation table decides. Runs before numbers are read, so a year or a
road number is still digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# An abbreviation as a whole token: not part of a compound ("GD&ĐT", "KT-XH") or a word,
# though a dot before a number may follow ("ĐT.963").
_BEFORE_TOKEN = r"(?<![\w&/.\-])"
_AFTER_TOKEN = r"(?![\w&/\-]|\.[^\W\d_])"
_LOOK_BACK = 40


@dataclass(frozen=True)
class Sense:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    spoken: str

    def fits(self, text: str, start: int, end: int) -> bool:
        if self.before and not self.before.search(text[max(0, start - _LOOK_BACK) : start]):
            return False
        return not self.after or bool(self.after.match(text, end))


def unrepeated(before: str, expansion: str) -> str:
    """The expansion without the words the text has just said: "Hội NCT", "Trung tâm TTYT",
    "Đường ĐT.963" are "Hội Người cao tuổi", "Trung tâm Y tế", "Đường tỉnh 963", not
    "Hội Hội", "Trung tâm Trung tâm", "Đường đường tỉnh"."""
    words = expansion.split()
    said = " ".join(before.split()).casefold()
    # The whole expansion said just before ("tuyến đường huyện ĐH.14") is not said again.
    for k in range(len(words) - (len(words) == 1), 0, -1):
        head = " ".join(words[:k]).casefold()
        if said.endswith(head) and not said[: len(said) - len(head)][-1:].isalpha():
            return " ".join(words[k:])
    return expansion


@cache
def senses() -> dict[str, tuple[Sense, ...]]:
    """Abbreviation -> its senses in the order they are tried."""
    data = resources.files("reader.speech").joinpath("data", "senses.tsv")
    table: dict[str, list[Sense]] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not fields[3].strip():
            raise ValueError(f"senses.tsv: expected ABBR<TAB>BEFORE<TAB>AFTER<TAB>spoken, got {line!r}")
        abbreviation, before, after, spoken = (f.strip() for f in fields)
        table.setdefault(abbreviation, []).append(
            Sense(
                before=None if before == "-" else re.compile("(?:" + before + r")\Z"),
                after=None if after == "-" else re.compile(after),
                spoken=spoken,
            )
        )
    return {abbreviation: tuple(found) for abbreviation, found in table.items()}


@cache
def _regex() -> re.Pattern[str]:
    words = sorted(senses(), key=len, reverse=True)
    token = "(" + "|".join(map(re.escape, words)) + ")"
    return re.compile(_BEFORE_TOKEN + token + _AFTER_TOKEN + r"(\.(?=\d))?")


def read_senses(text: str) -> str:
    """Every abbreviation of ``senses.tsv`` whose context fits one of its senses, read so."""

    def sense(m: re.Match[str]) -> str:
        end = m.end(1)
        for candidate in senses()[m[1]]:
            if candidate.fits(m.string, m.start(), end):
                spoken = unrepeated(m.string[: m.start()], candidate.spoken)
                return spoken + (" " if m[2] else "")  # "ĐT.963": the dot goes
        return m[0]

    return _regex().sub(sense, text)
