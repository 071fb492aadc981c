"""The published time of an HTML article page, from the most trusted place that has one.

In order: the page's own date line near the title (what the reader of the portal sees,
with its time), then ``article:published_time`` (and its kin), then JSON-LD
``datePublished``, then the date trafilatura guesses. Portal headers print today's date
("Thứ hai, 30/11/2026"): a date line after the title is preferred to one above it,
headers, menus and footers are never read, and trafilatura's guess is refused when it
is today or later, since that is the header's clock rather than the article's date. No
date anywhere means None: an article is never given the day it was imported.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Iterator

from lxml.html import HtmlElement

from reader.articles.dates import MAX_DATE_LINE_CHARS, parse_date_line, parse_iso
from reader.articles.model import VN_TZ

MAX_JSON_LD_CHARS = 200_000
#: How far from the title (in elements, document order) its date line may be.
REACH_AFTER_TITLE = 60
REACH_BEFORE_TITLE = 20
_LOWER = "translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_AWAY = ("footer", "menu", "sidebar", "breadcrumb", "related", "lienquan", "lien-quan", "tinkhac", "tin-khac", "other")
_OUTSIDE = " or ".join(
    ["ancestor-or-self::header", "ancestor-or-self::nav", "ancestor-or-self::footer", "ancestor-or-self::aside"]
    + [f"ancestor-or-self::*[contains({_LOWER}, '{word}')]" for word in _AWAY]
)
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "title", "option", "select"}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _short_text(element: HtmlElement) -> str | None:
    """The element's whole text if it is short enough to be a date line (read lazily)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > MAX_DATE_LINE_CHARS * 2:
            return None
        parts.append(piece)
    return " ".join("".join(parts).split())


def _date_lines(tree: HtmlElement) -> Iterator[tuple[HtmlElement, datetime]]:
    outside = set(tree.xpath(f"//*[{_OUTSIDE}]"))
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS or element in outside:
            continue
        text = _short_text(element)
        if text:
            when = parse_date_line(text)
            if when is not None:
                yield element, when


def _title_heading(tree: HtmlElement, title_hint: str) -> HtmlElement | None:
    """The heading that holds the article's title (portals often make the site's name
    the <h1> and the title an <h2>); else the first <h1>."""
    headings = tree.xpath("//h1 | //h2 | //h3")
    hint = " ".join(title_hint.split()).casefold()
    if hint:
        for heading in headings:
            text = " ".join(heading.text_content().split()).casefold()
            if text and (text == hint or hint.startswith(text) or text.startswith(hint)):
                return heading
    return next((h for h in headings if h.tag == "h1"), None)


def date_line_published(tree: HtmlElement, title_hint: str = "") -> datetime | None:
    """The first date line just after the title's heading, else one just above it in the
    title's own block; without a heading, the first date line outside the page's chrome.
    ``title_hint`` (og:title, <title>) picks the heading when there are several."""
    anchor = _title_heading(tree, title_hint)
    if anchor is None:
        return next((when for _, when in _date_lines(tree)), None)
    order = {element: index for index, element in enumerate(tree.iter())}
    position = order[anchor]
    inside_title = set(anchor.iter())
    block = _title_block(anchor)
    before: datetime | None = None
    for element, when in _date_lines(tree):
        if element in inside_title:
            continue
        distance = order[element] - position
        if 0 < distance <= REACH_AFTER_TITLE:
            return when
        if -REACH_BEFORE_TITLE <= distance < 0 and block is not None and element in block:
            before = when
    return before


def _title_block(anchor: HtmlElement) -> set[HtmlElement] | None:
    """The elements of the title's block (its parent's, or grandparent's, below <body>)."""
    block = anchor.getparent()
    if block is None or block.tag in ("body", "html"):
        return None
    grand = block.getparent()
    if grand is not None and grand.tag not in ("body", "html"):
        block = grand
    return set(block.iter())


def json_ld_published(tree: HtmlElement) -> datetime | None:
    """``datePublished`` from the page's JSON-LD blocks (NewsArticle, @graph, lists)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        found = _find_key(data, "datePublished")
        if found:
            when = parse_iso(found)
            if when:
                return when
    return None


def _find_key(data: object, key: str, depth: int = 0) -> str | None:
    if depth > 8:
        return None
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value
        children: list[object] = list(data.values())
    elif isinstance(data, list):
        children = list(data)
    else:
        return None
    for child in children:
        found = _find_key(child, key, depth + 1)
        if found:
            return found
    return None


def guessed_day(value: str, today: date | None = None) -> datetime | None:
    """trafilatura's ``YYYY-MM-DD`` guess, unless it is today or later (a header's clock)."""
    match = _ISO_DAY.match(value or "")
    if not match:
        return None
    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        return None
    if day >= (today or datetime.now(VN_TZ).date()):
        return None
    return datetime(day.year, day.month, day.day, tzinfo=VN_TZ)
