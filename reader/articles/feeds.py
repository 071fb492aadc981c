"""RSS and Atom feeds -> the links of their items, parsed without trusting the XML.

The bytes come from our own fetcher (so every refusal of ``fetch`` applies to feeds),
never from feedparser's own downloader, and are given to feedparser as a stream (a
byte string would be tried as a file name first). Before that, defusedxml refuses
any entity declaration or external reference, so no XML bomb is expanded and no
local file or URL is read; a feed that is not well-formed XML but declares entities
is refused too, since feedparser's lenient parser would then be the one reading it.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import defusedxml.ElementTree as safe_xml
import feedparser
from defusedxml import DefusedXmlException

from reader.articles.model import VN_TZ, nfc
from reader.errors import FeedError

_DECLARATION = re.compile(rb"<!\s*(?:ENTITY|DOCTYPE[^>]*\[)", re.IGNORECASE)


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str
    published: datetime | None
    updated: datetime | None = None  # only when the feed says it changed after publication


@dataclass(frozen=True)
class Feed:
    title: str
    items: tuple[FeedItem, ...]


def check_xml(data: bytes, url: str) -> None:
    """Refuse entity declarations and external references before any parser expands them."""
    try:
        safe_xml.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FeedError(
            f"{url} declares XML entities or external references ({type(exc).__name__}); "
            "refused, since expanding them could exhaust memory or read other files"
        ) from None
    except safe_xml.ParseError:
        if _DECLARATION.search(data[:65536]):
            raise FeedError(f"{url} is not well-formed XML and declares entities; refused") from None


def _when(entry: feedparser.FeedParserDict, keys: tuple[str, ...]) -> datetime | None:
    for key in keys:
        parsed = dict.get(entry, key)  # the raw key: feedparser's aliases map one to the other
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).astimezone(VN_TZ)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _link(entry: feedparser.FeedParserDict, base: str) -> str:
    link = entry.get("link") or ""
    if not link:
        for candidate in entry.get("links") or ():
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if not link:
        guid = entry.get("id") or ""
        link = guid if guid.startswith(("http://", "https://")) else ""
    link = urljoin(base, link.strip()) if link else ""
    return link if urlsplit(link).scheme in ("http", "https") else ""


def parse_feed(data: bytes, url: str) -> Feed:
    """The items of an RSS or Atom feed (newest first as the feed lists them)."""
    if not data.strip():
        raise FeedError(f"{url} is empty, not a feed")
    check_xml(data, url)
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(
            f"{url} is not an RSS or Atom feed" + (f" ({problem})" if problem else "")
            + "; for a portal page without a feed use `sources add`"
        )
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _link(entry, url)
        if link and link not in seen:
            seen.add(link)
            published = _when(entry, ("published_parsed", "updated_parsed", "created_parsed"))
            updated = _when(entry, ("updated_parsed",))
            items.append(FeedItem(
                url=link, title=nfc(entry.get("title") or ""), published=published,
                updated=updated if updated and published and updated > published else None,
            ))
    return Feed(title=nfc(parsed.feed.get("title") or ""), items=tuple(items))
