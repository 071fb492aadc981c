"""Addresses written to slip past the private-address check, and a compressed bomb.

All held when probed; these keep them held (tests/articles/test_fetch.py has the plain
forms: localhost, ::1, 10/8, metadata, mapped IPv6).
"""

from __future__ import annotations

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from reader.articles.fetch import check_url, fetch
from reader.config import Settings
from reader.errors import FetchError

BOMB_BYTES = 20 * 1024 * 1024
LIMIT = 256 * 1024


@pytest.mark.parametrize("url", [
    "http://2130706433/",          # 127.0.0.1 as one decimal number
    "http://0x7f000001/",          # hexadecimal
    "http://0177.0.0.1/",          # octal first part
    "http://127.1/",               # short form
    "http://①②⑦.0.0.1/",            # enclosed digits (IDNA maps them to 127)
    "http://127。0。0。1/",          # ideographic full stops
    "http://user@127.0.0.1/",      # credentials before the host
    "http://[::ffff:7f00:1]/",     # mapped IPv6, hexadecimal
    "http://[::]/",                # unspecified IPv6
    "http://100.64.0.1/",          # carrier-grade NAT
])
def test_disguised_private_addresses_are_refused(settings: Settings, url: str) -> None:
    with pytest.raises(FetchError, match="non-public"):
        check_url(url, settings)


@pytest.fixture
def bomb_server() -> Iterator[str]:
    body = gzip.compress(b"<html><body><p>" + b"a" * BOMB_BYTES, compresslevel=9)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bomb.html"
    finally:
        server.shutdown()
        server.server_close()


def test_a_compressed_bomb_is_cut_at_the_size_limit(settings: Settings, bomb_server: str) -> None:
    assert len(gzip.compress(b"a" * BOMB_BYTES)) < LIMIT, "small on the wire, so the limit must apply after decompression"
    allowed = settings.with_(allow_hosts=("127.0.0.1",), fetch_max_bytes=LIMIT)
    with pytest.raises(FetchError, match=f"more than {LIMIT} bytes"):
        fetch(bomb_server, allowed)


@pytest.fixture
def lying_length_server() -> Iterator[str]:
    body = "<html><body><h1>Tin ngắn</h1><p>Nội dung bài viết của xã An Biên.</p></body></html>".encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "²")  # a digit to str.isdigit, not to int()
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tin.html"
    finally:
        server.shutdown()
        server.server_close()


def test_a_content_length_of_a_non_ascii_digit_breaks_nothing(settings: Settings, lying_length_server: str) -> None:
    fetched = fetch(lying_length_server, settings.with_(allow_hosts=("127.0.0.1",)))
    assert "Tin ngắn".encode() in fetched.content


def test_the_connection_goes_to_the_checked_address_not_a_new_lookup(settings: Settings) -> None:
    """A name that does not even resolve reaches the pinned address, with the name as Host."""
    import requests

    from reader.articles.fetch import PinnedAdapter
    from tests.fakes.portal import FakePortal

    with FakePortal() as portal, requests.Session() as session:
        session.trust_env = False
        session.mount("http://", PinnedAdapter("127.0.0.1"))
        page = session.get(f"http://portal.invalid:{portal.port}/chuyen-muc/tin-tuc", timeout=5)
        assert page.status_code == 200 and portal.requests


def test_dns_rebinding_cannot_reach_inside(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name resolves to a public address when checked, then to loopback: the request
    goes to the checked address (unreachable here), never to the server inside."""
    import socket

    from tests.fakes.portal import FakePortal

    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])  # a public address, unreachable from these machines

    def rebinding(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host != "news.example":
            return real(host, port, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with FakePortal() as portal:
        with pytest.raises(FetchError):
            fetch(f"http://news.example:{portal.port}/tin-tuc", settings.with_(fetch_connect_timeout=0.5))
        assert portal.requests == []

