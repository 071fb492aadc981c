"""The ``Article``: what every source is turned into and what the library stores.

It is deliberately plain (strings, a tuple of paragraphs, an aware datetime) so
that the speech layer can take its paragraphs without knowing where they came from.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable

from reader.errors import ExtractError

#: Vietnam time; portals print local times without an offset.
VN_TZ = timezone(timedelta(hours=7))

_WORD = re.compile(r"[^\W_]+")
#: Bidirectional controls go: invisible, no Vietnamese text needs them, and an override
#: (U+202E) would show a title backwards on the listener's page.
#: Control characters (escape sequences, bell, backspace) become spaces: they would
#: reach a staff member's terminal through `list` and be read aloud as their residue.
_INVISIBLE = {
    **dict.fromkeys([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]),
    **dict.fromkeys([*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)], " "),
}


def nfc(text: str) -> str:
    """NFC with collapsed inner whitespace: sources mix composed and decomposed marks."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_INVISIBLE).split())


def _paragraphs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(p for p in (nfc(str(x)) for x in items) if p)


def text_hash(text: str) -> str:
    """A hash of the words of ``text``: case, spacing, punctuation and mark encoding ignored.

    Two texts with the same hash say the same thing word for word, so an article whose
    body hashes alike is the same article, whatever file or page it came from.
    """
    words = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article; ``id`` is None until the library has stored it."""

    title: str
    paragraphs: tuple[str, ...]
    category: str = ""
    published: datetime | None = None
    source: str = ""
    url: str = ""
    #: Printed with the article but not read aloud: signatures, photo captions and credits.
    notes: tuple[str, ...] = ()
    id: int | None = field(default=None, compare=True)

    def __post_init__(self) -> None:
        title = nfc(self.title or "")
        if isinstance(self.paragraphs, str):
            raise ExtractError("Article paragraphs must be a sequence of strings, not one string")
        paragraphs = _paragraphs(self.paragraphs or ())
        if not title:
            raise ExtractError("The article has no title (the source held no recognisable headline)")
        if not paragraphs:
            raise ExtractError(f"The article {title!r} has no body text (no paragraphs found)")
        published = self.published
        if published is not None:
            if not isinstance(published, datetime):
                raise ExtractError(f"published must be a datetime, not {type(published).__name__}")
            # Naive times from portals are Vietnam local time; aware ones are converted.
            if published.tzinfo is None:
                published = published.replace(tzinfo=VN_TZ)
            else:
                published = published.astimezone(VN_TZ)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "paragraphs", paragraphs)
        if isinstance(self.notes, str):
            raise ExtractError("Article notes must be a sequence of strings, not one string")
        object.__setattr__(self, "notes", _paragraphs(self.notes or ()))
        object.__setattr__(self, "category", nfc(self.category or ""))
        object.__setattr__(self, "published", published)
        object.__setattr__(self, "source", (self.source or "").strip())
        object.__setattr__(self, "url", (self.url or "").strip())

    def with_id(self, id: int | None) -> "Article":
        """A copy carrying the library's id (articles are immutable)."""
        return replace(self, id=id)

    @property
    def body(self) -> str:
        """All paragraphs, one per line (for search indexing and plain display)."""
        return "\n".join(self.paragraphs)

    @property
    def body_hash(self) -> str:
        """Identity of the body text (see ``text_hash``); the title is not part of it."""
        return text_hash(self.body)

    def to_dict(self) -> dict[str, Any]:
        """The ``show --json`` shape; ``published`` in ISO 8601 with +07:00 (or null).

        ``notes`` (signatures, captions, credits: shown small, never read) is an extra key.
        """
        return {
            "id": self.id,
            "title": self.title,
            "category": self.category,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "paragraphs": list(self.paragraphs),
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        """Inverse of ``to_dict`` (used by the library and by tests)."""
        published = data.get("published")
        return cls(
            title=data.get("title") or "",
            paragraphs=tuple(data.get("paragraphs") or ()),
            category=data.get("category") or "",
            published=datetime.fromisoformat(published) if published else None,
            source=data.get("source") or "",
            url=data.get("url") or "",
            notes=tuple(data.get("notes") or ()),
            id=data.get("id"),
        )


@dataclass(frozen=True)
class Headline:
    """What a list page shows of an article: no body, so a page of a large library reads little."""

    id: int
    title: str
    category: str = ""
    published: datetime | None = None
