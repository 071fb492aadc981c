"""Portal article pages saved as plain text ("text dumps") -> ``Article``.

Staff save a page with the browser's "Save as text" or by copy and paste, so the
article sits among the site's chrome: banners ("TIN NỔI BẬT:"), the portal's name,
the font-size switch ("Xem với cỡ chữ A A"), breadcrumbs, share buttons and, after
the body, author/source lines and lists of related news. Chrome is recognised by
general shapes rather than one portal's exact words, so other portals work too.
The anchor is the date line under the title, e.g. ``(14:30 | 20/12/2023)`` (every
form in ``dates.py``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Collection

from reader.articles.dates import parse_date_line
from reader.articles.model import Article, nfc
from reader.articles.notes import split_notes
from reader.errors import ExtractError

MAX_CATEGORY_CHARS = 60
MAX_BANNER_CHARS = 40
MAX_TITLE_CHARS = 250

_PORTAL = re.compile(
    r"^(cổng thông tin|trang thông tin|cổng ttđt|trang ttđt|cổng tt|báo (?!cáo)|tạp chí |"
    r"website |đài phát thanh|đài truyền thanh)",
    re.IGNORECASE,
)
_FONT_SIZE = re.compile(r"(cỡ chữ|kích thước chữ|font size)|^(?:\s*A[+\-−]?\s*)+$", re.IGNORECASE)
#: Breadcrumb separators: arrows, or a slash or bar with a space beside it.
_CRUMB_SPLIT = re.compile(r"\s*[>»›]\s*|\s+[/|]\s*|\s*[/|]\s+")
_HOME = ("trang chủ", "trang nhất", "trang chính", "trang đầu", "home")
MAX_CRUMB_SEGMENT_CHARS = 40
MAX_CRUMB_SEGMENT_WORDS = 8
_SENTENCE_MARK = re.compile(r"[.!?;:\"“”…]")
_TOOLS = re.compile(
    r"^(in bài( viết)?|in trang|bản in|chia sẻ|gửi (email|bài)|lưu (tin|bài)|facebook|zalo|tweet|"
    r"quay lại|trở về|về đầu trang|lên đầu trang|nghe (đọc )?bài( viết)?)"
    r"(?:\s*[:|\-–]?\s*(?:facebook|zalo|twitter|email|e-mail|\d+|bài viết|trang|tin))*\s*$",
    re.IGNORECASE,
)
_VIEWS = re.compile(r"^(số )?lượt (xem|đọc|truy cập)\b", re.IGNORECASE)
#: A related-news section: everything from here on is a list of other articles.
_SECTION_END = re.compile(
    r"^(tin liên quan|các tin khác|tin khác|bài viết liên quan|tin cùng chuyên mục|"
    r"các tin đã đưa|tin đã đưa|ý kiến bạn đọc|bình luận|gửi ý kiến|tin mới hơn|tin cũ hơn)\b",
    re.IGNORECASE,
)
#: Keywords and tags under the article: links of the page, not text.
_KEYWORDS = re.compile(r"^(từ khóa|từ khoá|tags?|chủ đề)\s*[:：]", re.IGNORECASE)
_END_MARK = re.compile(r"\s*\.?\s*/\s*\.\s*$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
#: Lines end at a newline only: a line separator (U+2028), a vertical tab or a form feed
#: pasted inside a headline is a space, not the end of the title (str.splitlines cuts there).
_NEWLINE = re.compile(r"\r\n|\r|\n")


def parse_time_line(line: str) -> datetime | None:
    """The publication time from a portal date line, or None if the line is not one."""
    return parse_date_line(clean_line(line))


def clean_line(line: str) -> str:
    """NFC, no invisible characters (zero-width, bidirectional controls), single spaces."""
    return nfc(line.translate(_INVISIBLE).replace("\u00a0", " "))


def is_banner(line: str) -> bool:
    """All-caps short line ending with ':' ("TIN NỔI BẬT:", "TIN MỚI:")."""
    return (
        line.endswith(":")
        and len(line) <= MAX_BANNER_CHARS
        and any(c.isalpha() for c in line)
        and line == line.upper()
    )


def breadcrumb(line: str) -> str | None:
    """``"sure"``, ``"maybe"`` or None: does the line look like a breadcrumb trail?

    Told by structure, not by a ``>`` anywhere: a trail starts at the home page, or is
    several short segments each starting with a capital (menu names), without sentence
    punctuation. Three or more such segments (or a home start) are surely a trail; two
    ("Tin tức > Kinh tế", but also a title "Giá lúa tăng > Giá phân giảm") only maybe:
    the position above the title decides.
    """
    if line.casefold() in _HOME:
        return "sure"
    parts = _CRUMB_SPLIT.split(line)
    if len(parts) < 2:
        return None
    if parts[0].casefold() in _HOME:
        return "sure"
    for part in parts:
        if (
            not part
            or len(part) > MAX_CRUMB_SEGMENT_CHARS
            or len(part.split()) > MAX_CRUMB_SEGMENT_WORDS
            or _SENTENCE_MARK.search(part)
            or not part[0].isupper()
        ):
            return None
    return "sure" if len(parts) >= 3 else "maybe"


def looks_like_title(line: str) -> bool:
    """A headline: not a sentence ending with a full stop, and not a whole paragraph."""
    return len(line) <= MAX_TITLE_CHARS and not line.endswith((".", ":", ";"))


def is_chrome(line: str) -> bool:
    """A line of the page around the article rather than the article itself."""
    return (
        not line
        or is_banner(line)
        or (bool(_PORTAL.match(line)) and len(line) <= 100)
        or bool(_FONT_SIZE.search(line)) and len(line) <= 40
        or breadcrumb(line) == "sure"
        or is_page_tool(line)
    )


def _crumb_category(line: str) -> str:
    parts = [p for p in _CRUMB_SPLIT.split(line) if p]
    return parts[-1] if len(parts) > 1 and parts[-1].casefold() not in _HOME else ""


def _category_before(lines: list[str], title_index: int) -> str:
    """The last short non-chrome line (or breadcrumb tail) above the title."""
    for line in reversed(lines[:title_index]):
        if breadcrumb(line):
            return _crumb_category(line)
        if is_chrome(line) or parse_time_line(line):
            continue
        if len(line) <= MAX_CATEGORY_CHARS and not line.endswith((".", "!", "?")):
            return line
        return ""
    return ""


def is_page_tool(line: str) -> bool:
    """Buttons and counters of the page ("In bài", "Chia sẻ", "Lượt xem: 1.024"), alone
    or several on one line; a count frozen at import time is wrong a day later."""
    parts = [p for p in re.split(r"\s*[|•·]\s*", line) if p]
    return bool(parts) and all(_TOOLS.match(p) or _VIEWS.match(p) for p in parts)


def article_text(lines: list[str], captions: Collection[str] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Article lines -> (paragraphs read aloud, notes shown apart).

    Page tools and keywords are dropped, related news cut, signatures, credits and
    captions kept as notes (``notes.split_notes``), and the closing "./." trimmed.
    """
    body: list[str] = []
    for line in lines:
        # A heading alone on its line ends the article even before any body: a page of
        # only a headline and its related news has no text of its own.
        if (body and _SECTION_END.match(line)) or _SECTION_END.fullmatch(line.rstrip(" :")):
            break
        if not line or is_page_tool(line) or _KEYWORDS.match(line) or (
            _FONT_SIZE.search(line) and len(line) <= 40
        ):
            continue
        body.append(line)
    while body and not any(c.isalnum() for c in body[-1]):
        body.pop()  # a line that was only the end mark or punctuation
    body, notes = split_notes(body, captions)
    while body:
        last = _END_MARK.sub(".", body[-1]).strip()
        if any(c.isalnum() for c in last):
            body[-1] = last
            break
        body.pop()
    return tuple(body), tuple(notes)


def body_paragraphs(lines: list[str]) -> tuple[str, ...]:
    """The paragraphs read aloud (see ``article_text``)."""
    return article_text(lines)[0]


def _anchor(lines: list[str]) -> tuple[int | None, datetime | None, int]:
    """The title line, its date and where the body starts, anchored on a date line.

    A date line counts when a line that could be a title stands above it (one with
    nothing above is the header's "today" date). When several do (a header date under a
    menu entry, dated related news below), the one followed by the most text before the
    next date line is the article's.
    """
    best: tuple[int, int, datetime, int] | None = None  # (text after, title index, date, body start)
    last_content: int | None = None
    dated: list[tuple[int, datetime, int]] = []
    for index, line in enumerate(lines):
        if is_chrome(line):
            continue
        when = parse_time_line(line)
        if when is None:
            last_content = index
        elif last_content is not None:
            dated.append((last_content, when, index + 1))
            last_content = None
    for number, (title, when, start) in enumerate(dated):
        end = dated[number + 1][0] if number + 1 < len(dated) else len(lines)
        after = sum(len(line) for line in lines[start:end] if not is_chrome(line))
        if best is None or after > best[0]:
            best = (after, title, when, start)
    if best is None:
        return None, None, 0
    return best[1], best[2], best[3]


def text_lines(text: str) -> list[str]:
    """The text's lines, each cleaned (``clean_line``), cut at newlines only."""
    return [clean_line(line) for line in _NEWLINE.split(text)]


def parse_text_dump(text: str, source: str = "") -> Article:
    """Find title, time, category and body in a saved portal page."""
    if not isinstance(text, str):
        raise ExtractError("A text dump must be decoded text, not bytes")
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype", "<html")) or "<body" in head:
        raise ExtractError("The text looks like an HTML page, not a saved text dump; import it as .html")
    lines = text_lines(text)
    if not any(lines):
        raise ExtractError("The text is empty: there is no article in it")

    title_index, published, body_start = _anchor(lines)
    if title_index is not None:
        category = _category_before(lines, title_index)
    else:
        candidates = [i for i, line in enumerate(lines) if not is_chrome(line)]
        if not candidates:
            raise ExtractError(
                "No article found in the text: every line looks like page chrome "
                "(banners, portal name, menus)"
            )
        # A two-segment trail before a headline-shaped line is the trail, not the title.
        while len(candidates) > 2 and breadcrumb(lines[candidates[0]]) and looks_like_title(lines[candidates[1]]):
            candidates.pop(0)
        title_index, body_start = candidates[0], candidates[0] + 1
        crumbs = [line for line in lines[:title_index] if breadcrumb(line)]
        category = _crumb_category(crumbs[-1]) if crumbs else ""

    title = lines[title_index]
    paragraphs, notes = article_text(lines[body_start:])
    if not paragraphs:
        raise ExtractError(
            f"Found the title {title!r} but no article text after it "
            "(the dump may be cut short or hold only a headline)"
        )
    return Article(
        title=title, paragraphs=paragraphs, category=category, published=published, source=source,
        notes=notes,
    )
