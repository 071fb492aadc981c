"""Article pages (HTML) -> ``Article``, with trafilatura doing the main-text work.

trafilatura finds the article body among menus and sidebars; portal pages often
lack the metadata it relies on, so the title falls back to og:title, <h1> and
<title>, the time comes from the page's own date line first (``html_dates``), and
the category from the breadcrumb. Anything unparseable becomes ``ExtractError``.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from reader.articles.dates import parse_iso
from reader.articles.html_dates import date_line_published, guessed_day, json_ld_published
from reader.articles.model import Article
from reader.articles.notes import MAX_CAPTION_CHARS, MAX_SIGNATURE_CHARS
from reader.articles.textdump import MAX_TITLE_CHARS, article_text, clean_line, is_chrome, parse_time_line
from reader.errors import ExtractError

#: Trees bigger than this are not article pages (and would be slow to clean).
MAX_TREE_ELEMENTS = 50_000
_TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—]{2,80}$")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _text(element: HtmlElement) -> str:
    """The element's words as a reader sees them: never the code of a script or style inside."""
    parts = element.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
    return clean_line("".join(parts))


def _first(tree: HtmlElement, xpath: str) -> str:
    for found in tree.xpath(xpath):
        text = clean_line(found if isinstance(found, str) else _text(found))
        if text:
            return text
    return ""


def _page_metadata(tree: HtmlElement) -> dict[str, str]:
    """What the page says about itself, read before trafilatura prunes the tree."""
    meta = {
        "og_title": _first(tree, "//meta[@property='og:title' or @name='og:title']/@content"),
        "h1": _first(tree, "//h1"),
        "title": _first(tree, "//title"),
        "published": _first(
            tree,
            "//meta[@property='article:published_time' or @name='pubdate' "
            "or @itemprop='datePublished']/@content",
        ),
        "section": _first(tree, "//meta[@property='article:section']/@content"),
    }
    crumbs = tree.xpath(
        "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]//a"
        " | //*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]//li"
    )
    names = [n for n in (_text(c) for c in crumbs) if n and n.lower() not in ("trang chủ", "home")]
    meta["crumb"] = names[-1] if names else ""
    return meta


def _class_has(*words: str) -> str:
    lowered = "translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    return " or ".join(f"contains({lowered}, '{w}')" for w in words)


def _italic_only(element: HtmlElement) -> bool:
    """All of the block's text is in italics (the way portals print a caption)."""
    italic = element.xpath(".//*[self::em or self::i][not(ancestor::em or ancestor::i)]")
    inside = "".join(_text(e) for e in italic).replace(" ", "")
    return bool(inside) and inside == _text(element).replace(" ", "")


def _captions(tree: HtmlElement) -> list[str]:
    """Texts the page marks as photo captions: figure captions, caption classes, image
    tables, and italic text in or right after an image's own block."""
    found: list[str] = []
    marked = (
        "//figcaption | //figure[not(.//figcaption)]"
        f" | //*[{_class_has('caption', 'chuthich', 'chu-thich', 'image-desc', 'img-desc', 'photo-desc')}]"
    )
    beside_image = (
        "//*[self::p or self::div or self::td][.//img]"
        " | //*[self::p or self::div][not(.//img)][preceding-sibling::*[1][self::img or .//img]]"
    )
    candidates = [*tree.xpath(marked), *(e for e in tree.xpath(beside_image) if _italic_only(e))]
    for element in candidates:
        text = _text(element)
        if text and len(text) <= MAX_CAPTION_CHARS:
            found.append(text)
    for table in tree.xpath("//table[.//img]"):
        cells = [_text(c) for c in table.xpath(".//td[not(.//td)] | .//th")]
        if sum(map(len, cells)) <= MAX_CAPTION_CHARS:
            found.extend(c for c in cells if c)
    return list(dict.fromkeys(found))


def _credits(tree: HtmlElement) -> list[str]:
    """The reporter's line the page marks as such (often outside the article body)."""
    for element in tree.xpath(f"//*[{_class_has('author', 'tacgia', 'tac-gia', 'signature', 'byline')}]"):
        text = _text(element)
        if text and len(text) <= MAX_SIGNATURE_CHARS:
            return [text]
    return []


def _title(doc_title: str, meta: dict[str, str]) -> str:
    # <title> often ends with " - Portal name".
    page_title = _TITLE_SUFFIX.sub("", meta["title"]) if meta["title"] else ""
    candidates = [c for c in (meta["og_title"], meta["h1"], doc_title, page_title) if c]
    for candidate in candidates:
        if len(candidate) <= MAX_TITLE_CHARS:
            return candidate
    # Only run-on headlines (a broken or hostile page): the start of the first one.
    return _shortened(candidates[0]) if candidates else ""


def _shortened(text: str) -> str:
    cut = text[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] if " " in text[:MAX_TITLE_CHARS] else text[:MAX_TITLE_CHARS]
    return cut.rstrip(" ,;:-") + "…"


def _lines(text: str, title: str) -> tuple[list[str], datetime | None]:
    """Body lines of trafilatura's text, without the repeated title and the time line."""
    lines = [clean_line(line.strip().strip("|")) for line in text.splitlines()]
    lines = [line for line in lines if line]
    published = None
    while lines and (lines[0] == title or is_chrome(lines[0]) or parse_time_line(lines[0])):
        published = published or parse_time_line(lines[0])
        lines.pop(0)
    return lines, published


def _fallback_paragraphs(tree: HtmlElement) -> list[str]:
    for bad in tree.xpath("//script | //style | //noscript | //nav | //header | //footer"):
        bad.drop_tree()
    return [t for t in (_text(p) for p in tree.xpath("//p")) if t]


def parse_html(html: str | bytes, url: str) -> Article:
    """Title, time, category and paragraphs of an article page."""
    if not html or not (html.strip() if isinstance(html, (str, bytes)) else True):
        raise ExtractError(f"The page {url or '(no url)'} is empty")
    try:
        tree = load_html(html)
        if tree is None:
            raise ExtractError(f"{url or 'The page'} is not an HTML document")
        size = sum(1 for _ in tree.iter())
        if size > MAX_TREE_ELEMENTS:
            raise ExtractError(f"{url or 'The page'} has {size} HTML elements: too large to be an article page")
        meta = _page_metadata(tree)
        captions, credits = _captions(tree), _credits(tree)
        hint = meta["og_title"] or _TITLE_SUFFIX.sub("", meta["title"])
        line_date, ld_date = date_line_published(tree, hint), json_ld_published(tree)
        doc = trafilatura.bare_extraction(
            tree, url=url or None, with_metadata=True, include_comments=False, include_images=False
        )
        text = (getattr(doc, "text", None) or "") if doc is not None else ""
        doc_title = clean_line(getattr(doc, "title", None) or "") if doc is not None else ""
        title = _title(doc_title, meta)
        lines, published = _lines(text, title)
        # On a short page trafilatura may give the whole page as one run of text,
        # title first: the page's own paragraphs are then the better reading.
        if not lines or (len(lines) == 1 and title and clean_line(text).startswith(title)):
            fresh = load_html(html)  # trafilatura pruned the first tree
            fallback = _fallback_paragraphs(fresh if fresh is not None else tree)
            lines, published = _lines("\n".join(fallback), title)
        categories = list(getattr(doc, "categories", None) or []) if doc is not None else []
        doc_date = (getattr(doc, "date", None) or "") if doc is not None else ""
    except ExtractError:
        raise
    except Exception as exc:  # lxml and trafilatura raise many kinds on hostile input
        raise ExtractError(f"Cannot read the HTML of {url or 'the page'}: {type(exc).__name__}: {exc}") from exc

    published = (
        line_date
        or published
        or (parse_iso(meta["published"]) if meta["published"] else None)
        or ld_date
        or guessed_day(str(doc_date))
    )
    category = meta["crumb"] or meta["section"] or (clean_line(str(categories[0])) if categories else "")
    if not title:
        raise ExtractError(f"No title found in {url or 'the page'} (no <h1>, <title> or og:title)")
    paragraphs, notes = article_text(lines, frozenset(captions))
    notes += tuple(c for c in (*captions, *credits) if c not in notes and c not in paragraphs)
    if not paragraphs:
        raise ExtractError(f"No article text found in {url or 'the page'} (only menus or scripts?)")
    return Article(
        title=title, paragraphs=paragraphs, category=category, published=published, source=url, url=url,
        notes=notes,
    )
