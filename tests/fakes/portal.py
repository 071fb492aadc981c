"""A fake district e-portal: a real HTTP server on 127.0.0.1 serving article pages.

Used by the articles tests (and the benchmarks) so fetching and importing run
against real sockets without touching the internet. Usage::

    with FakePortal() as portal:
        fetch(portal.url("/tin-tuc/hoi-nghi-tong-ket.html"), settings.with_(allow_hosts=portal.allow_hosts))
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

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


class FakePortal:
    """A threaded HTTP server on an ephemeral port of 127.0.0.1; a context manager."""

    def __init__(self, slow_seconds: float = 3.0, huge_bytes: int = 2 * 1024 * 1024) -> None:
        self.requests: list[str] = []
        self.routes: dict[str, Response | Callable[[], Response]] = {
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

    def start(self) -> "FakePortal":
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-portal", daemon=True)
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
                portal.requests.append(self.path)
                route = portal.routes.get(self.path.split("?", 1)[0])
                if callable(route):
                    route = route()
                if route is None:
                    route = Response(404, body="<html><body><h1>Không tìm thấy trang</h1></body></html>".encode())
                if route.delay:
                    time.sleep(route.delay)
                try:
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
