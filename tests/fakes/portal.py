"""A fake district e-portal: a real HTTP server on 127.0.0.1 serving article pages.

Used by the articles tests (and the benchmarks) so fetching and importing run
against real sockets without touching the internet. Usage::

    with FakePortal() as portal:
        fetch(portal.url("/tin-tuc/hoi-nghi-tong-ket.html"), settings.with_(allow_hosts=portal.allow_hosts))

Besides single pages it is laid out as Vietnamese portals are: news items at
``/tin-tuc/<slug>.html`` (date lines in several forms), an RSS feed ``/rss/tin-tuc.rss``
and an Atom feed ``/rss/tin-tuc.atom`` of them (with ETag and Last-Modified, answering
conditional GETs with 304), a category page ``/chuyen-muc/tin-tuc`` with a menu and
pagination (``?trang=2``), a page in windows-1258 and one without a charset, and hostile
feeds (an XML bomb, an external entity, a redirect to a private address, an endless
body). ``publish()`` adds a news item, as the portal's editors would.
"""

from __future__ import annotations

import hashlib
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from xml.sax.saxutils import escape

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{title} - Cổng thông tin điện tử huyện An Biên</title>
{extra_head}
<script>var tracker = "<p>not text</p>";</script>
<style>.content p {{ font-size: 16px; }}</style>
</head><body>
<header><div class="banner">Cổng thông tin điện tử huyện An Biên</div>
<div class="font-size">Xem với cỡ chữ <a href="#">A</a> <a href="#">A</a></div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li></ul></nav></header>
<div class="marquee">TIN NỔI BẬT: Huyện An Biên đón Bằng công nhận huyện nông thôn mới</div>
<main>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức - Sự kiện</a> &gt; <a href="/c">{category}</a></div>
<article class="news-detail">
<h1 class="title">{title}</h1>
<div class="time">({time})</div>
<div class="content">
{body}
</div>
<p class="author">Tác giả: Minh Thư</p>
</article>
<div class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/tin-tuc/a.html">An Biên tiếp xúc cử tri trước kỳ họp HĐND</a></li>
<li><a href="/tin-tuc/b.html">Ra quân làm sạch môi trường ở xã Đông Thái</a></li></ul></div>
</main>
<footer>Bản quyền thuộc UBND huyện An Biên. Địa chỉ: thị trấn Thứ Ba, huyện An Biên, tỉnh Kiên Giang.</footer>
</body></html>
"""


def article_page(title: str, category: str, time_line: str, paragraphs: list[str], extra_head: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, category=category, time=time_line, body=body, extra_head=extra_head)


CONFERENCE = article_page(
    "Huyện An Biên tổ chức Hội nghị tổng kết công tác năm 2023",
    "Chính trị, xã hội",
    "14:30 | 20/12/2023",
    [
        "Sáng ngày 20/12/2023, UBND huyện An Biên tổ chức Hội nghị tổng kết tình hình thực hiện "
        "nhiệm vụ phát triển kinh tế - xã hội năm 2023 và triển khai nhiệm vụ năm 2024.",
        "Năm 2023, tổng giá trị sản xuất ước đạt 12.450 tỷ đồng, tăng 8,6% so với năm 2022; "
        "98,5% hộ dân sử dụng điện lưới quốc gia.",
        "Hội nghị thống nhất tiếp tục thực hiện tốt Kế hoạch số 123/KH-UBND giai đoạn 2021-2025./.",
    ],
)
ROADS = article_page(
    "Khởi công đường giao thông nông thôn xã Nam Thái A",
    "Giao thông - Xây dựng",
    "22/04/2024 15:20",
    [
        "Chiều ngày 22/4, UBND huyện An Biên khởi công tuyến đường giao thông nông thôn dài 4,2 km "
        "với tổng vốn đầu tư 18,6 tỷ đồng.",
        "Tuyến đường phục vụ việc đi lại của hơn 1.250 hộ dân ở 4 ấp, dự kiến hoàn thành trước ngày 31/12/2024.",
    ],
    extra_head='<meta property="og:title" content="Khởi công đường giao thông nông thôn xã Nam Thái A">',
)
TEXT_DUMP = """TIN NỔI BẬT:
Cổng thông tin điện tử huyện An Biên
Xem với cỡ chữAA
An sinh xã hội
Trao 1.250 phần quà Tết cho hộ nghèo trên địa bàn huyện
(16:40 | 25/01/2024)
Chiều ngày 25/1, Ủy ban MTTQ Việt Nam huyện An Biên trao 1.250 phần quà Tết cho hộ nghèo, hộ cận nghèo.
Mỗi phần quà trị giá 500.000 đồng, tổng giá trị hơn 625 triệu đồng./.
Tác giả: Thanh Tâm
"""


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # seconds before answering (a slow server)
    stream_bytes: int = 0  # send this many filler bytes, without Content-Length
    declared_length: int | None = None  # a Content-Length that lies (a huge declared size)
    validators: bool = False  # send ETag and Last-Modified, answer a matching conditional GET with 304


@dataclass
class NewsItem:
    slug: str
    title: str
    category: str
    date_line: str
    paragraphs: list[str]
    rfc822: str  # the feed's pubDate
    iso: str  # the Atom feed's updated
    extra: list[str] = field(default_factory=list)  # more body HTML (captions, signatures)
    updated_iso: str = ""  # the Atom feed's updated, when the item was edited after publication


NEWS = [
    NewsItem(
        "an-bien-ra-quan-lam-sach-moi-truong", "An Biên ra quân làm sạch môi trường", "Môi trường",
        "Thứ năm, 15/04/2021 14:30",
        ["Sáng nay, hơn 500 đoàn viên thanh niên huyện An Biên ra quân làm sạch môi trường ở thị trấn Thứ Ba.",
         "Đợt ra quân thu gom hơn 3 tấn rác thải và phát quang 12 km đường giao thông nông thôn."],
        "Thu, 15 Apr 2021 07:30:00 GMT", "2021-04-15T14:30:00+07:00",
        ['<p style="text-align:center"><img src="/anh/1.jpg"><br><em>Đoàn viên thu gom rác ở kênh Xẻo Nhàu</em></p>',
         "<p>Thanh Tâm</p>"],
    ),
    NewsItem(
        "nong-dan-dong-thai-thu-hoach-lua-dong-xuan", "Nông dân Đông Thái thu hoạch lúa Đông Xuân", "Nông nghiệp",
        "Cập nhật lúc 09:15 ngày 16/4/2021",
        ["Những ngày này, nông dân xã Đông Thái đang tập trung thu hoạch 1.250 ha lúa Đông Xuân.",
         "Năng suất bình quân đạt 7 tấn mỗi ha, cao hơn vụ trước."],
        "Fri, 16 Apr 2021 02:15:00 GMT", "2021-04-16T09:15:00+07:00",
    ),
    NewsItem(
        "tiep-xuc-cu-tri-truoc-ky-hop-hdnd-huyen", "Tiếp xúc cử tri trước kỳ họp HĐND huyện", "Chính trị",
        "(08:00 | 17/04/2021)",
        ["Ngày 17/4, các đại biểu HĐND huyện tiếp xúc cử tri tại xã Nam Yên và Nam Thái A.",
         "Cử tri kiến nghị sớm sửa chữa cống ngăn mặn và đường giao thông ở ấp Xẻo Đước."],
        "Sat, 17 Apr 2021 01:00:00 GMT", "2021-04-17T08:00:00+07:00",
    ),
]


def news_page(item: NewsItem) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in item.paragraphs) + "\n" + "\n".join(item.extra)
    return PAGE.format(title=item.title, category=item.category, time=item.date_line, body=body, extra_head="") \
        .replace(f"<div class=\"time\">({item.date_line})</div>", f"<div class=\"time\">{item.date_line}</div>")


def rss(base: str, items: list[NewsItem]) -> str:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{base}/tin-tuc/{i.slug}.html</link>"
        f"<guid>{base}/tin-tuc/{i.slug}.html</guid><pubDate>{i.rfc822}</pubDate></item>"
        for i in reversed(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Tin tức huyện An Biên</title><link>{base}/</link>{entries}</channel></rss>"
    )


def atom(base: str, items: list[NewsItem]) -> str:
    entries = "".join(
        f'<entry><title>{escape(i.title)}</title><link rel="alternate" href="{base}/tin-tuc/{i.slug}.html"/>'
        f"<id>{base}/tin-tuc/{i.slug}.html</id><published>{i.iso}</published>"
        f"<updated>{i.updated_iso or i.iso}</updated></entry>"
        for i in reversed(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Tin tức An Biên (Atom)</title><id>{base}/</id><updated>2021-04-17T08:00:00+07:00</updated>"
        f"{entries}</feed>"
    )


def category_page(base: str, items: list[NewsItem], page: int, per_page: int = 2) -> str:
    newest = list(reversed(items))
    shown = newest[(page - 1) * per_page : page * per_page]
    pages = max(1, -(-len(newest) // per_page))
    links = "".join(
        f'<div class="news-item"><a href="/tin-tuc/{i.slug}.html"><img src="/anh/t.jpg"></a>'
        f'<h3><a href="/tin-tuc/{i.slug}.html">{i.title}</a></h3><span class="date">{i.date_line}</span></div>'
        for i in shown
    )
    paging = "".join(f'<a href="/chuyen-muc/tin-tuc?trang={n}">{n}</a> ' for n in range(1, pages + 1))
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Sự kiện</title></head>
<body><header><div class="banner">Cổng thông tin điện tử huyện An Biên</div>
<nav class="menu"><a href="/">Trang chủ</a> <a href="/gioi-thieu/lich-su-hinh-thanh-va-phat-trien-huyen.html">Lịch sử hình thành và phát triển của huyện</a>
<a href="/chuyen-muc/tin-tuc">Tin tức - Sự kiện</a> <a href="/van-ban">Văn bản</a></nav></header>
<main><h1>Tin tức - Sự kiện</h1>{links}
<div class="pagination">{paging}</div>
<a href="/tai-lieu/ke-hoach-so-123-kh-ubnd-nam-2021.pdf">Tải kế hoạch số 123/KH-UBND năm 2021 về phát triển</a>
<a href="https://other.example/tin-tuc/bai-viet-cua-trang-khac-rat-dai.html">Bài viết của trang khác rất dài</a>
</main><footer><a href="/lien-he-voi-ban-bien-tap-cong-thong-tin.html">Liên hệ với ban biên tập cổng thông tin điện tử</a></footer>
</body></html>"""


BOMB_FEED = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title><link>http://127.0.0.1/x</link></item></channel></rss>"""
XXE_FEED = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<rss version="2.0"><channel><title>&secret;</title><item><title>&secret;</title><link>http://127.0.0.1/x</link></item></channel></rss>"""
CP1258_ARTICLE = article_page(
    "Nông dân Đông Thái thu hoạch lúa", "Nông nghiệp", "10:00 | 18/04/2021",
    ["Nông dân xã Đông Thái đang thu hoạch lúa Đông Xuân, năng suất đạt 7 tấn mỗi ha."],
).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as old portals write it: base letters (â, ơ, ư…) with combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for mark in list(marks):
            merged = unicodedata.normalize("NFC", base + mark)
            if len(merged) == 1 and merged.encode("cp1258", "ignore"):
                base = merged
                marks.remove(mark)
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


class FakePortal:
    """A threaded HTTP server on an ephemeral port of 127.0.0.1; a context manager."""

    def __init__(self, slow_seconds: float = 3.0, huge_bytes: int = 2 * 1024 * 1024) -> None:
        self.requests: list[str] = []
        self.request_headers: list[tuple[str, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0  # most requests answered at the same time
        self._count_lock = threading.Lock()
        self.news: list[NewsItem] = list(NEWS)
        self.routes: dict[str, Response | Callable[[], Response]] = {
            "/rss/tin-tuc.rss": lambda: Response(
                body=rss(self.base_url, self.news).encode(), content_type="application/rss+xml; charset=utf-8",
                validators=True),
            "/rss/tin-tuc.atom": lambda: Response(
                body=atom(self.base_url, self.news).encode(), content_type="application/atom+xml", validators=True),
            "/rss/bomb.rss": Response(body=BOMB_FEED, content_type="application/rss+xml"),
            "/rss/xxe.rss": Response(body=XXE_FEED, content_type="application/rss+xml"),
            "/rss/redirect-private.rss": Response(302, headers=(("Location", "http://10.1.2.3/rss.xml"),)),
            "/rss/endless.rss": Response(stream_bytes=huge_bytes, content_type="application/rss+xml"),
            "/rss/not-a-feed.rss": Response(body=CONFERENCE.encode()),
            "/chuyen-muc/tin-tuc": lambda: Response(body=category_page(self.base_url, self.news, self._page()).encode()),
            "/tin-tuc/cp1258.html": Response(body=to_cp1258(CP1258_ARTICLE), content_type="text/html"),
            "/tin-tuc/khong-charset.html": Response(body=ROADS.encode(), content_type="text/html"),
            "/tin-tuc/hoi-nghi-tong-ket.html": Response(body=CONFERENCE.encode()),
            "/tin-tuc/duong-giao-thong.html": Response(body=ROADS.encode()),
            "/tin-tuc/ban-in.txt": Response(body=TEXT_DUMP.encode(), content_type="text/plain; charset=utf-8"),
            "/tin-tuc/khong-co-kieu": Response(body=CONFERENCE.encode(), content_type=""),
            "/redirect": Response(302, headers=(("Location", "/tin-tuc/hoi-nghi-tong-ket.html"),)),
            "/redirect-loop": Response(302, headers=(("Location", "/redirect-loop"),)),
            "/redirect-private": Response(302, headers=(("Location", "http://10.1.2.3/tin-tuc/x.html"),)),
            "/huge": Response(stream_bytes=huge_bytes),
            "/huge-declared": Response(body=b"x" * 1024, declared_length=10**9),
            "/slow": Response(body=CONFERENCE.encode(), delay=slow_seconds),
            "/empty.html": Response(body=b"<html><head></head><body><script>x()</script></body></html>"),
            "/logo.png": Response(body=b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png"),
            "/server-error": Response(500, body=b"boom"),
        }
        for item in self.news:
            self.routes[f"/tin-tuc/{item.slug}.html"] = Response(body=news_page(item).encode())
        self._current_path = _ThreadPath()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def allow_hosts(self) -> tuple[str, ...]:
        return ("127.0.0.1",)

    def url(self, path: str) -> str:
        return self.base_url + path

    def publish(self, item: NewsItem) -> None:
        """A new article on the portal: its page, and an entry in the feeds and category page."""
        self.news.append(item)
        self.publish_page(item)

    def publish_page(self, item: NewsItem) -> None:
        """(Re)write an item's page, e.g. after an edit."""
        self.routes[f"/tin-tuc/{item.slug}.html"] = Response(body=news_page(item).encode())

    def _page(self) -> int:
        path = self._current_path.get()
        value = path.partition("trang=")[2].split("&")[0]
        return int(value) if value.isdigit() else 1

    def start(self) -> "FakePortal":
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-portal", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "FakePortal":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        portal = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                with portal._count_lock:
                    portal.in_flight += 1
                    portal.max_in_flight = max(portal.max_in_flight, portal.in_flight)
                try:
                    self._answer()
                finally:
                    with portal._count_lock:
                        portal.in_flight -= 1

            def _answer(self) -> None:
                portal.requests.append(self.path)
                portal.request_headers.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                portal._current_path.set(self.path)
                route = portal.routes.get(self.path.split("?", 1)[0])
                if callable(route):
                    route = route()
                if route is None:
                    route = Response(404, body="<html><body><h1>Không tìm thấy trang</h1></body></html>".encode())
                if route.delay:
                    time.sleep(route.delay)
                try:
                    if route.validators:
                        etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                        modified = formatdate(1618471800 + len(route.body), usegmt=True)
                        route = Response(**{**route.__dict__, "headers": route.headers + (
                            ("ETag", etag), ("Last-Modified", modified))})
                        if self.headers.get("If-None-Match") == etag:
                            self.send_response(304)
                            self.send_header("ETag", etag)
                            self.send_header("Content-Length", "0")
                            self.end_headers()
                            return
                    self.send_response(route.status)
                    if route.content_type:
                        self.send_header("Content-Type", route.content_type)
                    for name, value in route.headers:
                        self.send_header(name, value)
                    if route.stream_bytes:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        chunk = b"<p>" + b"x" * 65_536 + b"</p>\n"
                        sent = 0
                        while sent < route.stream_bytes:
                            self.wfile.write(chunk)
                            sent += len(chunk)
                        return
                    length = route.declared_length or len(route.body)
                    self.send_header("Content-Length", str(length))
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size cap, timeout): expected in tests

        return Handler


class _ThreadPath(threading.local):
    """The path of the request the current server thread is answering."""

    path = ""

    def set(self, path: str) -> None:
        self.path = path

    def get(self) -> str:
        return self.path
