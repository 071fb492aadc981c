"""The article links on a portal's category or home page (for portals without a feed).

A link is taken when it stays on the same site, sits outside the page's menus,
header, footer and sidebars, and looks like an article rather than a menu entry: its
address ends in a long slug ("/tin-tuc/huyen-an-bien-to-chuc-hoi-nghi-tong-ket.html")
or carries an article number, or its text is a headline of several words. Pagination,
files and the page itself are skipped. Staff can narrow it with a pattern (a regular
expression searched in the link's address). ``next_page`` finds the page of older
articles after this one (``rel="next"``, a "Trang sau"/"»" link, or the page number
after this one's in the pagination).
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from reader.errors import FeedError

MIN_SLUG_WORDS = 4
MIN_HEADLINE_WORDS = 5
MAX_PATTERN_CHARS = 200

_LOWER = "translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_CHROME_WORDS = ("menu", "nav", "footer", "header", "sidebar", "breadcrumb", "pagination", "paging", "phan-trang")
_CHROME = " | ".join(
    ["//nav", "//header", "//footer", "//aside"] + [f"//*[contains({_LOWER}, '{w}')]" for w in _CHROME_WORDS]
)
_FILES = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|mp3|mp4|avi)$", re.IGNORECASE)
_PAGINATION = re.compile(r"(?:[?&](?:page|p|trang|pageindex|paged)=\d+|/(?:page|trang)[-/]?\d+/?$)", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"(?:[?&](?:page|p|trang|pageindex|paged)=|/(?:page|trang)[-/]?)(\d+)/?(?:$|&)", re.IGNORECASE)
_NEXT_WORDS = {"trang sau", "trang tiếp", "trang tiếp theo", "tiếp", "tiếp theo", "sau", "xem tiếp", "next",
               "»", "›", ">", ">>", "»»"}
_ARTICLE_NUMBER = re.compile(r"\d{4,}")
_ARTICLE_ID = re.compile(r"(?:^|&)(?:id|newsid|itemid|articleid|tinid)=\d+", re.IGNORECASE)


def compile_pattern(pattern: str) -> re.Pattern[str] | None:
    """Staff's pattern as a regular expression, or a clear error."""
    if not pattern:
        return None
    if len(pattern) > MAX_PATTERN_CHARS:
        raise FeedError(f"The pattern is longer than {MAX_PATTERN_CHARS} characters")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise FeedError(f"The pattern {pattern!r} is not a valid regular expression: {exc}") from None


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def looks_like_article(url: str, text: str) -> bool:
    """A long slug, an article number, or a headline as the link's text."""
    parts = urlsplit(url)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[-_]+", re.sub(r"\.\w{2,5}$", "", last)) if w]
    return (
        len(words) >= MIN_SLUG_WORDS
        or bool(_ARTICLE_NUMBER.search(last) or _ARTICLE_ID.search(parts.query))
        or len(text.split()) >= MIN_HEADLINE_WORDS
    )


def article_links(html: str | bytes, page_url: str, pattern: str = "") -> list[str]:
    """Links to articles on the page, in page order, each once."""
    tree: HtmlElement | None = load_html(html) if html else None
    if tree is None:
        raise FeedError(f"{page_url} is not an HTML page")
    for chrome in tree.xpath(_CHROME):
        if chrome.getparent() is not None:
            chrome.drop_tree()
    wanted = compile_pattern(pattern)
    page, _ = urldefrag(page_url)
    home = _host(page_url)
    links: dict[str, None] = {}
    for anchor in tree.xpath("//a[@href]"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url, _ = urldefrag(urljoin(page_url, href))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _host(url) != home or url == page:
            continue
        if parts.path in ("", "/") or _FILES.search(parts.path) or _PAGINATION.search(url):
            continue
        if wanted is not None and not wanted.search(url):
            continue
        if looks_like_article(url, " ".join(anchor.text_content().split())):
            links[url] = None
    return list(links)


def _page_number(url: str) -> int:
    found = _PAGE_NUMBER.search(url)
    return int(found.group(1)) if found else 1


def next_page(html: str | bytes, page_url: str) -> str | None:
    """The address of the page after ``page_url`` in its pagination (same site), or None."""
    tree: HtmlElement | None = load_html(html) if html else None
    if tree is None:
        return None
    home, page = _host(page_url), urldefrag(page_url)[0]
    wanted = _page_number(page_url) + 1
    numbered: str | None = None
    for element in tree.xpath("//link[@href] | //a[@href]"):
        url = urldefrag(urljoin(page_url, (element.get("href") or "").strip()))[0]
        if urlsplit(url).scheme not in ("http", "https") or _host(url) != home or url == page:
            continue
        text = " ".join(element.text_content().split()).lower() if element.tag == "a" else ""
        label = (element.get("aria-label") or element.get("title") or "").strip().lower()
        if "next" in (element.get("rel") or "").lower().split() or text in _NEXT_WORDS or label in _NEXT_WORDS:
            return url
        if numbered is None and _PAGINATION.search(url) and _page_number(url) == wanted and text in ("", str(wanted)):
            numbered = url
    return numbered
