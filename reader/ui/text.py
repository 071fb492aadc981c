"""Article text as HTML, escaped: nothing an article contains is ever taken as markup.

Every field but the title and body may be missing (a plain text file has no date,
category or URL); each has a rendering that works without it.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from reader.ui.labels import label

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def format_date(published: datetime | None) -> str:
    """Dates as Vietnamese readers write them: "Thứ tư, 20/12/2023, 14:30"."""
    if published is None:
        return label("unknown_date")
    return f"{WEEKDAYS[published.weekday()]}, {published:%d/%m/%Y}, {published:%H:%M}"


def iso_date(published: datetime | None) -> str:
    return published.isoformat() if published is not None else ""


def meta_html(published: datetime | None, category: str | None, tag: str = "p") -> str:
    """Date (or "Không rõ ngày") and category; never empty, so it always renders."""
    date = escape(format_date(published))
    if published is not None:
        date = f'<time datetime="{escape(iso_date(published))}">{date}</time>'
    parts = [date] + ([escape(category.strip())] if category and category.strip() else [])
    return f'<{tag} class="reader-meta">{" · ".join(parts)}</{tag}>'


def heading_html(title: str, level: int = 1, inner_html: str | None = None, focus: bool = False) -> str:
    """The page's heading; with ``focus`` it takes the focus once the page is drawn, so a
    screen reader starts at the article (tabindex -1: focusable by script, not by Tab)."""
    inner = inner_html if inner_html is not None else escape(title)
    extra = ' tabindex="-1" data-focus="1"' if focus else ""
    return f'<h{level} class="reader-title" id="reader-main"{extra}>{inner}</h{level}>'


def safe_url(url: str | None) -> str:
    """``url`` when it is a web address, else "": a ``javascript:`` link is never made."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""


def source_html(url: str | None) -> str:
    """The original page as a link, or nothing when the article has no web address."""
    href = safe_url(url)
    if not href:
        return ""
    return (
        f'<p class="reader-source">{escape(label("source"))}: '
        f'<a href="{escape(href)}" rel="noopener noreferrer">{escape(href)}</a></p>'
    )


def body_html(paragraphs: Iterable[str], escaped: bool = False) -> str:
    """The body, one `p` a paragraph; ``escaped`` paragraphs are HTML made by `transcript`."""
    inner = "".join(f"<p>{p if escaped else escape(p)}</p>" for p in paragraphs if p)
    if not inner:
        inner = f'<p class="reader-empty">{escape(label("no_body"))}</p>'
    return f'<div class="reader-article-body">{inner}</div>'


def card_html(article_id: int, title: str, published: datetime | None, category: str | None) -> str:
    """One list item: the whole card is the link, its text exactly the title as written."""
    return (
        f'<li class="reader-card"><a class="reader-card-link" href="bai-viet?id={int(article_id)}">'
        f'<span class="reader-card-title">{escape(title)}</span>'
        f'{meta_html(published, category, tag="span")}'
        "</a></li>"
    )


def list_html(cards: Sequence[str]) -> str:
    return f'<ul class="reader-list" aria-label="{escape(label("list_name"))}">{"".join(cards)}</ul>'


def link_html(href: str, text: str, css_class: str = "reader-link") -> str:
    return f'<a class="{css_class}" href="{escape(href)}">{escape(text)}</a>'
