"""The staff's own pronunciation fixes: ``<data_dir>/lexicon.txt``.

One entry a line, ``written = spoken`` (UTF-8; ``#`` starts a comment line; blank lines
are fine), e.g. ``Hòn Đất = Hòn Đất`` or ``VNeID = vê en e ai đi``. A written form is
matched as whole words and case-sensitive, like the built-in abbreviations (an entry for
a built-in loanword, "Zalo", also in the casings the loanword takes: "zalo", "ZALO"), and before
every built-in rule, so an entry overrides them; the spoken form then goes through the
rules like any text. A bad line is an error, not a warning: staff check the file with
``python -m reader script --text ...`` and the error names the line, whereas a skipped
line would silently not be said. The file is read again whenever its mtime or size
changes, so an edit takes effect without a restart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.config import Settings
from reader.errors import LexiconError
from reader.speech import loanwords

FILE_NAME = "lexicon.txt"


@dataclass(frozen=True)
class StaffLexicon:
    entries: dict[str, str]
    pattern: re.Pattern[str] | None
    folded: dict[str, str] = field(default_factory=dict)

    def spoken(self, matched: str) -> str | None:
        """The spoken form for ``matched``: its own entry, or the entry of a loanword it
        is another real casing of ("zalo", "ZALO" for an entry "Zalo"); None otherwise."""
        key = _key(matched)
        if key in self.entries:
            return self.entries[key]
        written = self.folded.get(key.casefold())
        if written is None or not loanwords.real_casing(key):
            return None
        return self.entries[written]

    def apply(self, text: str) -> str:
        """``text`` with every written form replaced by its spoken form, in one pass."""
        if self.pattern is None:
            return text
        text = unicodedata.normalize("NFC", text)
        return self.pattern.sub(lambda m: self.spoken(m[0]) or m[0], text)


EMPTY = StaffLexicon({}, None)


def _key(matched: str) -> str:
    return " ".join(matched.split())


def _word_pattern(written: str, any_case: bool = False) -> str:
    body = r"\s+".join(re.escape(word) for word in written.split())
    if any_case:
        body = "(?i:" + body + ")"
    start = r"(?<!\w)" if written[0].isalnum() else ""
    end = r"(?!\w)" if written[-1].isalnum() else ""
    return start + body + end


def parse(text: str, source: str = FILE_NAME) -> StaffLexicon:
    """The lexicon in ``text``; ``LexiconError`` names the first bad line of ``source``."""
    entries: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw).strip()
        if not line or line.startswith("#"):
            continue
        written, sep, spoken = (part.strip() for part in line.partition("="))
        written, spoken = " ".join(written.split()), " ".join(spoken.split())
        where = f"{source} line {number}"
        if not sep or not written or not spoken:
            raise LexiconError(f"{where}: expected 'written = spoken', got {raw.strip()!r}")
        if written in entries:
            raise LexiconError(f"{where}: {written!r} is already on line {lines[written]}")
        entries[written], lines[written] = spoken, number
    if not entries:
        return EMPTY
    # An entry for a loanword ("Zalo = Da lồ") takes every casing the built-in loanword
    # matches, so it overrides it everywhere; other entries match their exact case.
    builtin = loanwords.loanwords()
    folded = {w.casefold(): w for w in entries if w.casefold() in builtin}
    alternatives = sorted(entries, key=len, reverse=True)
    pattern = re.compile(
        "|".join(_word_pattern(w, w.casefold() in folded) for w in alternatives)
    )
    lexicon = StaffLexicon(entries, pattern, folded)
    for written, spoken in entries.items():
        again = [
            m for m in pattern.finditer(spoken)
            if (said := lexicon.spoken(m[0])) is not None and said != _key(m[0])
        ]
        if again:
            found = again[0]
            raise LexiconError(
                f"{source} line {lines[written]}: the spoken form {spoken!r} contains "
                f"{found[0]!r}, which the lexicon would replace again"
            )
    return lexicon


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> StaffLexicon:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise LexiconError(f"cannot read {path}: {exc.strerror}") from None
    return parse(text, str(path))


def lexicon_path(settings: Settings) -> Path:
    return settings.data_dir / FILE_NAME


def load(settings: Settings) -> StaffLexicon:
    """The staff lexicon of ``settings.data_dir`` (empty if there is none or it is switched
    off), cached by mtime+size."""
    if not settings.staff_lexicon:
        return EMPTY
    path = lexicon_path(settings)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return EMPTY
    except OSError as exc:
        raise LexiconError(f"cannot read {path}: {exc.strerror}") from None
    return _load(path, stat.st_mtime_ns, stat.st_size)


def apply(text: str, settings: Settings) -> str:
    """``text`` with the staff's fixes applied: the first step of ``normalize``."""
    return load(settings).apply(text)
