"""Feeds and portal category pages: new articles come in by themselves, safely and once."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest

from reader import service
from reader.articles.feeds import parse_feed
from reader.articles.fetch import Pacer, fetch
from reader.articles.library import Library
from reader.articles.links import article_links, next_page
from reader.articles.model import VN_TZ
from reader.articles.watchlist import list_watched
from reader.errors import FeedError
from tests.fakes.portal import BOMB_FEED, XXE_FEED, FakePortal, NewsItem

NEW_ITEM = NewsItem(
    "khanh-thanh-cau-giao-thong-nong-thon-xa-nam-yen", "Khánh thành cầu giao thông nông thôn xã Nam Yên",
    "Giao thông", "18/04/2021 - 10:45",
    ["Sáng ngày 18/4, xã Nam Yên khánh thành cây cầu bê tông dài 45 m nối hai ấp.",
     "Công trình có tổng vốn 2,1 tỷ đồng, trong đó nhân dân đóng góp 600 triệu đồng."],
    "Sun, 18 Apr 2021 03:45:00 GMT", "2021-04-18T10:45:00+07:00",
)


@pytest.fixture
def site():
    """A portal of our own per test: tests publish new items on it."""
    with FakePortal(slow_seconds=0.3, huge_bytes=1024 * 1024) as portal:
        yield portal


@pytest.fixture
def web(settings, site):
    return settings.with_(
        allow_hosts=site.allow_hosts, fetch_connect_timeout=2.0, fetch_read_timeout=1.0,
        fetch_total_timeout=4.0, fetch_max_bytes=200_000, fetch_delay_s=0.0,
    )


@pytest.fixture
def library(library_settings):
    with Library.open(library_settings) as lib:
        yield lib


def page_requests(site) -> list[str]:
    return [path for path in site.requests if path.startswith("/tin-tuc/")]


# -- parsing -----------------------------------------------------------------------------


def test_rss_and_atom_items(site):
    for path in ("/rss/tin-tuc.rss", "/rss/tin-tuc.atom"):
        feed = parse_feed(fetch(site.url(path), _allow(site)).content, site.url(path))
        assert [i.url for i in feed.items] == [
            site.url("/tin-tuc/tiep-xuc-cu-tri-truoc-ky-hop-hdnd-huyen.html"),
            site.url("/tin-tuc/nong-dan-dong-thai-thu-hoach-lua-dong-xuan.html"),
            site.url("/tin-tuc/an-bien-ra-quan-lam-sach-moi-truong.html"),
        ]
        assert feed.items[0].published == datetime(2021, 4, 17, 8, 0, tzinfo=VN_TZ)
        assert feed.title


def test_relative_links_and_guid_fallback():
    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>A</title><link>/tin-tuc/a.html</link></item>"
        "<item><title>B</title><guid>http://portal.example/tin-tuc/b.html</guid></item>"
        "<item><title>C</title><link>javascript:alert(1)</link></item>"
        "<item><title>A again</title><link>/tin-tuc/a.html</link></item></channel></rss>"
    ).encode()
    feed = parse_feed(data, "http://portal.example/rss.xml")
    assert [i.url for i in feed.items] == ["http://portal.example/tin-tuc/a.html", "http://portal.example/tin-tuc/b.html"]


@pytest.mark.parametrize("data", [BOMB_FEED, XXE_FEED], ids=["xml-bomb", "external-entity"])
def test_entities_are_refused_before_parsing(data):
    with pytest.raises(FeedError, match="entities"):
        parse_feed(data, "http://portal.example/rss.xml")


def test_malformed_xml_declaring_entities_is_refused():
    data = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><rss version="2.0"><channel><title>&a;</title><item></rss>'
    with pytest.raises(FeedError):
        parse_feed(data, "http://portal.example/rss.xml")


@pytest.mark.parametrize("data", [b"", b"   ", b"<html><body><p>Trang tin</p></body></html>", b"/etc/passwd"])
def test_not_a_feed(data):
    with pytest.raises(FeedError):
        parse_feed(data, "http://portal.example/rss.xml")


def _allow(site):
    from reader.config import Settings

    return Settings(allow_hosts=site.allow_hosts, fetch_delay_s=0.0)


# -- feeds, end to end ----------------------------------------------------------------------


def test_add_feed_imports_every_item_with_its_page_date(library, web, site):
    report = service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), web)
    assert report.ok and len(report.stored) == 3
    by_title = {a.title: library.get(a.id) for a in report.stored}
    first = by_title["An Biên ra quân làm sạch môi trường"]
    assert first.published == datetime(2021, 4, 15, 14, 30, tzinfo=VN_TZ)
    assert first.notes and "Đoàn viên thu gom rác ở kênh Xẻo Nhàu" in first.notes
    assert by_title["Nông dân Đông Thái thu hoạch lúa Đông Xuân"].published == datetime(2021, 4, 16, 9, 15, tzinfo=VN_TZ)
    assert [w.title for w in list_watched(library, "feed")] == ["Tin tức huyện An Biên"]


def test_refresh_uses_a_conditional_get_and_fetches_nothing_new(library, web, site):
    service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), web)
    pages_before = len(page_requests(site))
    [report] = service.refresh_sources(library, web, "feed")
    assert report.not_modified and report.stored == []
    feed_headers = [h for path, h in site.request_headers if path == "/rss/tin-tuc.rss"]
    assert "if-none-match" in feed_headers[-1] and "if-modified-since" in feed_headers[-1]
    assert len(page_requests(site)) == pages_before
    assert library.count() == 3


def test_a_new_item_is_imported_once(library, web, site):
    service.watch_source(library, "feed", site.url("/rss/tin-tuc.atom"), web)
    site.publish(NEW_ITEM)
    [report] = service.refresh_sources(library, web)
    assert [a.title for a in report.stored] == ["Khánh thành cầu giao thông nông thôn xã Nam Yên"]
    assert library.get(report.stored[0].id).published == datetime(2021, 4, 18, 10, 45, tzinfo=VN_TZ)
    assert page_requests(site).count(f"/tin-tuc/{NEW_ITEM.slug}.html") == 1
    [again] = service.refresh_sources(library, web)
    assert again.stored == [] and library.count() == 4
    # The same articles through the RSS feed are not stored twice.
    rss = service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), web)
    assert rss.stored == [] and library.count() == 4


def test_a_failing_feed_keeps_the_others_going(library, web, site):
    service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), web)
    library.write(
        "INSERT INTO watched (kind, url, added_at) VALUES ('feed', ?, '2021-01-01T00:00:00+07:00')",
        (site.url("/rss/bomb.rss"),),
    )
    site.publish(NEW_ITEM)
    reports = service.refresh_sources(library, web, "feed")
    good, bomb = reports
    assert len(good.stored) == 1 and good.ok
    assert "entities" in bomb.error
    assert "entities" in [w for w in list_watched(library, "feed") if w.url.endswith("bomb.rss")][0].last_error


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/rss/bomb.rss", "entities"),
        ("/rss/xxe.rss", "entities"),
        ("/rss/redirect-private.rss", "non-public address 10.1.2.3"),
        ("/rss/endless.rss", "limit"),
        ("/rss/not-a-feed.rss", "not an RSS or Atom feed"),
        ("/rss/khong-co.rss", "404"),
    ],
)
def test_bad_feeds_are_refused_and_not_remembered(library, web, site, path, reason):
    with pytest.raises(FeedError, match=reason):
        service.watch_source(library, "feed", site.url(path), web)
    assert list_watched(library) == [] and library.count() == 0


def test_a_private_feed_address_is_refused_before_any_connection(library, settings, site):
    with pytest.raises(Exception, match="non-public"):
        service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), settings)
    assert site.requests == []


def test_an_item_on_a_refused_address_fails_alone(library, web, site):
    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>Nội bộ</title><link>http://10.0.0.7/tin.html</link></item>"
        f"<item><title>Tốt</title><link>{site.url('/tin-tuc/' + NEW_ITEM.slug + '.html')}</link></item>"
        "</channel></rss>"
    ).encode()
    from tests.fakes.portal import Response

    site.publish(NEW_ITEM)
    site.routes["/rss/mixed.rss"] = Response(body=data, content_type="application/rss+xml")
    report = service.watch_source(library, "feed", site.url("/rss/mixed.rss"), web)
    assert len(report.stored) == 1
    assert report.failures[0][0] == "http://10.0.0.7/tin.html" and "non-public" in report.failures[0][1]


def test_items_beyond_the_limit_wait_for_the_next_check(library, web, site):
    limited = web.with_(refresh_max_new_items=2)
    first = service.watch_source(library, "feed", site.url("/rss/tin-tuc.rss"), limited)
    assert len(first.stored) == 2 and first.left_for_later == 1
    [second] = service.refresh_sources(library, limited)
    assert len(second.stored) == 1 and not second.not_modified  # no validators kept while work remained
    assert library.count() == 3


# -- portal category pages --------------------------------------------------------------------


def test_category_links_skip_menus_files_other_sites_and_pagination(site):
    html = fetch(site.url("/chuyen-muc/tin-tuc"), _allow(site)).content
    assert article_links(html, site.url("/chuyen-muc/tin-tuc")) == [
        site.url("/tin-tuc/tiep-xuc-cu-tri-truoc-ky-hop-hdnd-huyen.html"),
        site.url("/tin-tuc/nong-dan-dong-thai-thu-hoach-lua-dong-xuan.html"),
    ]
    assert article_links(html, site.url("/chuyen-muc/tin-tuc"), pattern="dong-thai") == [
        site.url("/tin-tuc/nong-dan-dong-thai-thu-hoach-lua-dong-xuan.html"),
    ]
    second = fetch(site.url("/chuyen-muc/tin-tuc?trang=2"), _allow(site)).content
    assert article_links(second, site.url("/chuyen-muc/tin-tuc?trang=2")) == [
        site.url("/tin-tuc/an-bien-ra-quan-lam-sach-moi-truong.html"),
    ]


def test_sources_add_imports_and_remembers_the_page(library, web, site):
    report = service.watch_source(library, "page", site.url("/chuyen-muc/tin-tuc"), web, pattern="/tin-tuc/")
    assert len(report.stored) == 2
    [watched] = list_watched(library, "page")
    assert watched.pattern == "/tin-tuc/" and watched.last_error == ""
    site.publish(NEW_ITEM)
    [later] = service.refresh_sources(library, web, "page")
    assert [a.title for a in later.stored] == [NEW_ITEM.title]


@pytest.mark.parametrize("page, html, expected", [
    ("https://p.vn/tin-tuc", '<link rel="next" href="/tin-tuc?page=2">', "https://p.vn/tin-tuc?page=2"),
    ("https://p.vn/tin-tuc", '<a href="/tin-tuc/trang-2">Trang sau</a>', "https://p.vn/tin-tuc/trang-2"),
    ("https://p.vn/tin-tuc", '<a href="/tin-tuc?p=2" title="Tiếp">»</a>', "https://p.vn/tin-tuc?p=2"),
    ("https://p.vn/tin-tuc?trang=2",
     '<a href="/tin-tuc?trang=1">1</a> <a href="/tin-tuc?trang=2">2</a> <a href="/tin-tuc?trang=3">3</a>',
     "https://p.vn/tin-tuc?trang=3"),
    ("https://p.vn/tin-tuc", '<a href="/tin-tuc?trang=1">1</a> <a href="/tin-tuc?trang=2">2</a>',
     "https://p.vn/tin-tuc?trang=2"),
    ("https://p.vn/tin-tuc?trang=2", '<a href="/tin-tuc?trang=1">1</a> <a href="/tin-tuc?trang=2">2</a>', None),
    ("https://p.vn/tin-tuc", '<a href="https://khac.vn/tin-tuc?page=2">Trang sau</a>', None),
    ("https://p.vn/tin-tuc", '<a href="/tin-tuc/khanh-thanh-cau-moi-xa-nam-yen.html">Khánh thành cầu</a>', None),
])
def test_the_next_page_of_a_category(page, html, expected):
    assert next_page(f"<html><head></head><body>{html}</body></html>", page) == expected


def _news(n: int) -> NewsItem:
    return NewsItem(
        f"xa-nam-yen-ra-quan-lam-giao-thong-nong-thon-dot-{n}", f"Xã Nam Yên ra quân làm giao thông nông thôn đợt {n}",
        "Giao thông", f"1{n}/05/2021 - 08:00",
        [f"Sáng ngày 1{n}/5, xã Nam Yên ra quân làm giao thông nông thôn đợt {n} với hơn {n}00 người tham gia."],
        f"Mon, 1{n} May 2021 01:00:00 GMT", f"2021-05-1{n}T08:00:00+07:00",
    )


def test_articles_pushed_off_the_first_page_between_checks_still_come_in(library, web, site):
    first = service.watch_source(library, "page", site.url("/chuyen-muc/tin-tuc"), web)
    assert len(first.stored) == 2  # a first check reads the first page only: no archive walk
    for n in range(1, 4):  # three new articles: the page shows two, the third is on page 2
        site.publish(_news(n))
    [later] = service.refresh_sources(library, web, "page")
    assert sorted(a.title for a in later.stored) == sorted(_news(n).title for n in range(1, 4))
    assert "/chuyen-muc/tin-tuc?trang=2" in site.requests and "/chuyen-muc/tin-tuc?trang=3" not in site.requests
    site.requests.clear()
    [quiet] = service.refresh_sources(library, web, "page")
    assert quiet.stored == [] and "/chuyen-muc/tin-tuc?trang=2" not in site.requests  # page 1 holds known links


def test_the_walk_stops_at_the_page_limit(library, web, site):
    service.watch_source(library, "page", site.url("/chuyen-muc/tin-tuc"), web)
    for n in range(1, 8):
        site.publish(_news(n))
    [later] = service.refresh_sources(library, web.with_(refresh_max_pages=2), "page")
    assert len(later.stored) == 4 and "/chuyen-muc/tin-tuc?trang=3" not in site.requests


def test_a_bad_pattern_is_refused(library, web, site):
    with pytest.raises(FeedError, match="regular expression"):
        service.watch_source(library, "page", site.url("/chuyen-muc/tin-tuc"), web, pattern="(")
    assert site.requests == []


# -- politeness ----------------------------------------------------------------------------------


def test_one_request_at_a_time_per_host(web, site):
    from tests.fakes.portal import Response

    site.routes["/cham.html"] = Response(body=b"<html><body><p>x</p></body></html>", delay=0.2)
    pacer = Pacer(0.0)
    threads = [threading.Thread(target=fetch, args=(site.url("/cham.html"), web), kwargs={"pacer": pacer})
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert site.max_in_flight == 1 and site.requests.count("/cham.html") == 4


def test_an_item_edited_on_the_portal_updates_its_article(library, web, site):
    from dataclasses import replace as changed
    from datetime import timedelta

    service.watch_source(library, "feed", site.url("/rss/tin-tuc.atom"), web)
    before = {a.url: a for a in library.list()}
    edited = changed(
        site.news[0], title="An Biên ra quân làm sạch môi trường, thu gom 5 tấn rác",
        paragraphs=[site.news[0].paragraphs[0], "Đợt ra quân thu gom hơn 5 tấn rác thải."],
        updated_iso=(datetime.now(VN_TZ) + timedelta(minutes=5)).isoformat(timespec="seconds"),
    )
    site.news[0] = edited
    site.publish_page(edited)
    [report] = service.refresh_sources(library, web)
    assert [a.title for a in report.stored] == [edited.title]
    stored = report.stored[0]
    assert stored.id == before[stored.url].id and library.count() == 3
    assert "5 tấn" in library.get(stored.id).body
    [again] = service.refresh_sources(library, web)  # not edited since this check
    assert again.stored == []


def test_a_feed_given_as_a_page_is_refused_with_a_hint(library, web, site):
    with pytest.raises(FeedError, match="feeds add"):
        service.watch_source(library, "page", site.url("/rss/tin-tuc.rss"), web)
    with pytest.raises(FeedError, match="sources add"):
        service.watch_source(library, "feed", site.url("/chuyen-muc/tin-tuc"), web)


def test_an_item_that_keeps_failing_is_given_up(library, web, site):
    from tests.fakes.portal import Response

    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>Văn bản</title><link>{site.url('/tai-lieu/ke-hoach.pdf')}</link></item>"
        f"<item><title>Tin</title><link>{site.url('/tin-tuc/' + NEW_ITEM.slug + '.html')}</link></item>"
        "</channel></rss>"
    ).encode()
    site.publish(NEW_ITEM)
    site.routes["/rss/co-pdf.rss"] = Response(body=data, content_type="application/rss+xml", validators=True)
    site.routes["/tai-lieu/ke-hoach.pdf"] = Response(body=b"%PDF-1.4 ...", content_type="application/pdf")
    first = service.watch_source(library, "feed", site.url("/rss/co-pdf.rss"), web.with_(refresh_max_attempts=2))
    assert len(first.stored) == 1 and len(first.failures) == 1 and first.given_up == 0
    [second] = service.refresh_sources(library, web.with_(refresh_max_attempts=2))
    assert len(second.failures) == 1 and second.given_up == 1
    before = site.requests.count("/tai-lieu/ke-hoach.pdf")
    [third] = service.refresh_sources(library, web.with_(refresh_max_attempts=2))
    assert third.ok and third.given_up == 1 and site.requests.count("/tai-lieu/ke-hoach.pdf") == before
    [fourth] = service.refresh_sources(library, web.with_(refresh_max_attempts=2))
    assert fourth.not_modified  # validators kept once nothing is left to retry


def test_an_xhtml_category_page_is_not_taken_for_a_feed(library, web, site):
    from tests.fakes.portal import Response, category_page

    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + category_page(site.base_url, site.news, 1)
    site.routes["/chuyen-muc/xhtml"] = Response(body=xhtml.encode(), content_type="application/xhtml+xml")
    report = service.watch_source(library, "page", site.url("/chuyen-muc/xhtml"), web)
    assert report.ok and len(report.stored) == 2
