"""Article text as HTML, escaped: nothing an article contains is ever taken as markup."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Iterable

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def format_date(published: datetime | None) -> str:
    """Dates as Vietnamese readers write them: "Thứ tư, 20/12/2023, 14:30"."""
    if published is None:
        return ""
    return f"{WEEKDAYS[published.weekday()]}, {published:%d/%m/%Y}, {published:%H:%M}"


def meta_html(published: datetime | None, category: str) -> str:
    parts = [p for p in (format_date(published), category) if p]
    return f'<p class="reader-meta">{escape(" · ".join(parts))}</p>' if parts else ""


def heading_html(title: str, level: int = 1) -> str:
    return f'<h{level} class="reader-title">{escape(title)}</h{level}>'


def body_html(paragraphs: Iterable[str]) -> str:
    inner = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f'<div class="reader-article-body">{inner}</div>'
