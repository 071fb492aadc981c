"""Checking a watched feed or portal page and importing the articles that are new.

Every request goes through the safe fetcher (with a ``Pacer``: one request at a time
per host, spaced by ``fetch_delay_s``). A link already in the library (an article's
address or source, or any address an article was read from before: one story a portal
lists at two addresses) is never fetched again. The new articles of one check are stored
in one transaction. Any failure is reported, never raised: one broken feed or page
must not stop the others, and one broken item must not stop its feed. The server's
validators (ETag, Last-Modified) are kept only when every item was read, so items
that failed are tried again at the next check instead of hiding behind a 304. A known
item is fetched again only when its feed entry says it was updated after the last
check (Atom ``updated`` later than ``published``): its article keeps its id. An item
page that fails ``refresh_max_attempts`` checks in a row (a PDF, a page gone) is given up,
so it costs no more requests and no longer keeps the feed from a 304. A portal page
checked before whose links are all new is followed to its next pages (up to
``refresh_max_pages``) while theirs are all new too: articles pushed off the first page
between two checks still come in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from reader.articles.feeds import FeedItem, parse_feed
from reader.articles.fetch import FEED_ACCEPT, PAGE_ACCEPT, Fetched, Pacer, fetch
from reader.articles.importer import import_source
from reader.articles.library import Library
from reader.articles.links import article_links, next_page
from reader.articles.model import Article
from reader.articles.watchlist import Watched, clear_item_failure, given_up, record_check, record_item_failure
from reader.config import Settings
from reader.errors import FeedError, Interrupted, ReaderError


@dataclass
class RefreshReport:
    watched: Watched
    stored: list[Article] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (item URL, why)
    not_modified: bool = False
    error: str = ""  # the feed or page itself could not be read
    left_for_later: int = 0  # new links beyond ``refresh_max_new_items``
    interrupted: bool = False  # a stop request ended the check early
    given_up: int = 0  # item pages that failed ``refresh_max_attempts`` times: skipped from now on

    @property
    def ok(self) -> bool:
        return not self.error and not self.failures


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


def _items(watched: Watched, fetched: Fetched) -> tuple[str, list[FeedItem]]:
    if watched.kind == "feed":
        feed = parse_feed(fetched.content, fetched.url)
        return feed.title, list(feed.items)
    if fetched.content_type in _FEED_TYPES or _FEED_ROOT.search(fetched.content[:1024]):
        raise FeedError(f"{fetched.url} is a feed, not a portal page: add it with `feeds add`")
    links = article_links(fetched.content, fetched.url, watched.pattern)
    return "", [FeedItem(link, "", None) for link in links]


def _older_pages(library: Library, watched: Watched, fetched: Fetched, items: list[FeedItem],
                 settings: Settings, pacer: Pacer) -> list[FeedItem]:
    """A portal page checked before whose links are all new: the links of the pages after
    it too, while theirs are all new (more may have been published since the last check
    than one page shows), up to ``refresh_max_pages`` pages and ``refresh_max_new_items``
    links. A page that cannot be read ends the walk; what was found is kept."""
    if watched.kind != "page" or not watched.checked_at or not items:
        return items
    found, seen, page, newest = list(items), {item.url for item in items}, fetched, [item.url for item in items]
    for _ in range(settings.refresh_max_pages - 1):
        if any(library.id_for_url(url) is not None for url in newest) or len(found) > settings.refresh_max_new_items:
            break
        following = next_page(page.content, page.url)
        if following is None:
            break
        try:
            page = fetch(following, settings, accept=PAGE_ACCEPT, pacer=pacer)
        except Interrupted:
            raise
        except ReaderError:
            break
        more = [link for link in article_links(page.content, page.url, watched.pattern) if link not in seen]
        if not more:
            break
        seen.update(more)
        newest = more
        found += [FeedItem(link, "", None) for link in more]
    return found


def _wanted(library: Library, watched: Watched, items: list[FeedItem]) -> list[FeedItem]:
    """Items not in the library yet, and known ones the feed says were edited since the
    last check (their article is updated in place and keeps its id)."""
    since = datetime.fromisoformat(watched.checked_at) if watched.checked_at else None
    return [
        item for item in items
        if library.id_for_url(item.url) is None or (since and item.updated and item.updated > since)
    ]


def refresh(library: Library, watched: Watched, settings: Settings, pacer: Pacer | None = None) -> RefreshReport:
    """Check one feed or page and store its new articles. Faults of the source or its items
    are reported, not raised; a stop request (``reader.stopping``) stops fetching, keeps
    what was read, and raises ``Interrupted`` only if it came before the source was read."""
    report = RefreshReport(watched)
    pacer = pacer or Pacer(settings.fetch_delay_s)
    accept = FEED_ACCEPT if watched.kind == "feed" else PAGE_ACCEPT
    try:
        fetched = fetch(watched.url, settings, headers=watched.conditional_headers(), accept=accept, pacer=pacer)
        if fetched.not_modified:
            report.not_modified = True
            record_check(library, watched)
            return report
        title, items = _items(watched, fetched)
        items = _older_pages(library, watched, fetched, items, settings, pacer)
    except Interrupted:
        raise
    except ReaderError as exc:
        report.error = str(exc)
        record_check(library, watched, error=report.error)
        return report
    new = _wanted(library, watched, items)
    skipped = given_up(library, [item.url for item in new], settings.refresh_max_attempts)
    report.given_up = len(skipped)
    new = [item for item in new if item.url not in skipped]
    limit = settings.refresh_max_new_items
    report.left_for_later = max(0, len(new) - limit)
    articles: list[Article] = []
    for item in new[:limit]:
        url, when = item.url, item.published
        try:
            article = import_source(url, settings, pacer=pacer)
        except Interrupted:
            report.interrupted = True
            break  # stop fetching; what was read so far is still stored below
        except ReaderError as exc:
            report.failures.append((url, str(exc)))
            if record_item_failure(library, url, str(exc)) >= settings.refresh_max_attempts:
                report.given_up += 1
            continue
        clear_item_failure(library, url)
        articles.append(replace(article, published=when) if article.published is None and when else article)
    try:
        report.stored = library.add_many(articles)
    except ReaderError as exc:
        report.error = str(exc)
    complete = report.ok and not report.left_for_later and not report.interrupted
    summary = report.error or (f"{len(report.failures)} item(s) failed: {report.failures[0][1]}" if report.failures else "")
    record_check(
        library, watched, error=summary, title=title,
        etag=fetched.etag if complete else "", last_modified=fetched.last_modified if complete else "",
    )
    return report
