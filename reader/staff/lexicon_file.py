"""Editing the staff lexicon (``<data_dir>/lexicon.txt``) from the browser, safely.

Every change is made to the file's text (comments and order kept), checked with the very
``parse`` the command line and the speech pipeline use, and only then written: to a
temporary file beside it, flushed, and renamed over the old one. A bad entry therefore
never reaches the disk, and a crash mid-write leaves the old file whole. The articles a
change affects are those whose cleaned-up text holds a written form that was added,
removed or given another spoken form.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from reader.articles.model import Article
from reader.config import Settings
from reader.errors import LexiconError
from reader.speech import staff_lexicon
from reader.speech.normalize import CLEANUP_RULES

FILE_MODE = 0o644  # readable by a web server running as another user


@dataclass(frozen=True)
class Entry:
    line: int
    written: str
    spoken: str


def _fields(raw: str) -> tuple[str, str, str]:
    line = unicodedata.normalize("NFC", raw).strip()
    written, sep, spoken = (part.strip() for part in line.partition("="))
    return " ".join(written.split()), sep, " ".join(spoken.split())


def read_text(settings: Settings) -> str:
    """The file as it is now ("" when there is none yet)."""
    path = staff_lexicon.lexicon_path(settings)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ""
    except UnicodeDecodeError:
        raise LexiconError(
            f"{path} is not UTF-8 text",
            user_message="Tệp từ điển không phải văn bản UTF-8; hãy nhập lại một tệp đúng.",
        ) from None
    except OSError as exc:
        raise LexiconError(f"cannot read {path}: {exc.strerror}") from None


def entries(text: str) -> list[Entry]:
    """The entries of ``text`` with their line numbers (comments and blank lines skipped)."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        written, sep, spoken = _fields(raw)
        if written and not written.startswith("#"):
            found.append(Entry(number, written, spoken if sep else ""))
    return found


def check(text: str) -> staff_lexicon.StaffLexicon:
    """``text`` parsed as the command line parses it; ``LexiconError`` with a Vietnamese
    message that names the line."""
    try:
        return staff_lexicon.parse(text)
    except LexiconError as exc:
        raise LexiconError(str(exc), user_message=_vietnamese(str(exc))) from None


def _vietnamese(message: str) -> str:
    where, _, why = message.partition(": ")
    line = where.rsplit(" ", 1)[-1] if "line" in where else "?"
    if "expected 'written = spoken'" in why:
        return f"Dòng {line} không có dạng «chữ viết = cách đọc»."
    if "is already on line" in why:
        return f"Dòng {line}: từ này đã có ở dòng {why.rsplit(' ', 1)[-1]}."
    if "would replace again" in why:
        return f"Dòng {line}: cách đọc chứa một từ viết khác của từ điển, nên sẽ bị thay thêm lần nữa."
    return f"Từ điển không hợp lệ: {message}"


def _entry_error(message: str, user_message: str) -> LexiconError:
    return LexiconError(message, user_message=user_message)


def _validate_fields(written: str, spoken: str) -> tuple[str, str]:
    written, spoken = " ".join(written.split()), " ".join(spoken.split())
    if not written:
        raise _entry_error("empty written form", "Hãy nhập chữ viết (từ cần sửa cách đọc).")
    if not spoken:
        raise _entry_error("empty spoken form", "Hãy nhập cách đọc.")
    if "=" in written:
        raise _entry_error("'=' in the written form", "Chữ viết không được chứa dấu «=».")
    if written.startswith("#"):
        raise _entry_error("written form starts with '#'", "Chữ viết không được bắt đầu bằng «#».")
    return written, spoken


def with_entry(text: str, written: str, spoken: str, replacing: str | None = None) -> str:
    """``text`` with ``written = spoken``: in place of the entry ``replacing``, or appended
    as a new entry. Raises ``LexiconError`` if the written form is already another entry or
    the result is not a valid lexicon."""
    written, spoken = _validate_fields(written, spoken)
    current = {e.written: e for e in entries(text)}
    if written in current and (replacing is None or replacing != written):
        raise _entry_error(
            f"{written!r} is already on line {current[written].line}",
            f"«{written}» đã có trong từ điển (dòng {current[written].line}).",
        )
    lines = text.splitlines()
    new_line = f"{written} = {spoken}"
    if replacing is not None and replacing in current:
        lines[current[replacing].line - 1] = new_line
    else:
        lines.append(new_line)
    result = "\n".join(lines) + "\n"
    check(result)
    return result


def without_entry(text: str, written: str) -> str:
    current = {e.written: e for e in entries(text)}
    if written not in current:
        raise _entry_error(f"{written!r} is not in the lexicon", f"«{written}» không có trong từ điển.")
    lines = text.splitlines()
    del lines[current[written].line - 1]
    result = "\n".join(lines) + ("\n" if lines else "")
    check(result)
    return result


def write(settings: Settings, text: str) -> None:
    """Check ``text`` and put it in place atomically (the old file stays whole on any error)."""
    check(text)
    path = staff_lexicon.lexicon_path(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, FILE_MODE)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise LexiconError(
            f"cannot write {path}: {exc.strerror}",
            user_message="Không ghi được tệp từ điển (thư mục dữ liệu không ghi được?). Từ điển cũ vẫn giữ nguyên.",
        ) from None


def decode_import(data: bytes) -> str:
    """An uploaded lexicon file, which must be UTF-8 and valid as a whole."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _entry_error(
            "the uploaded lexicon is not UTF-8", "Tệp tải lên không phải văn bản UTF-8."
        ) from None
    check(text)
    return text


def changed_written(before: str, after: str) -> set[str]:
    """Written forms added, removed, or read differently between two versions of the file."""
    old = {e.written: e.spoken for e in entries(before)}
    new = {e.written: e.spoken for e in entries(after)}
    return {w for w in old.keys() | new.keys() if old.get(w) != new.get(w)}


@lru_cache(maxsize=8192)
def _cleaned(paragraph: str) -> str:
    for rule in CLEANUP_RULES:
        paragraph = rule(paragraph)
    return paragraph


def affected(articles: Iterable[Article], written_forms: Iterable[str]) -> list[Article]:
    """The articles holding any of ``written_forms`` as the lexicon matches them."""
    forms = sorted(set(written_forms))
    if not forms:
        return []
    matcher = staff_lexicon.parse("\n".join(f"{w} = {w}" for w in forms)).pattern
    if matcher is None:
        return []
    return [
        a for a in articles
        if any(matcher.search(_cleaned(p)) for p in (a.title, *a.paragraphs))
    ]
