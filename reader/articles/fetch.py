"""Fetching article pages safely: the URL may come from anyone typing into the app.

Only http(s); every hop of a redirect is checked again; hosts that resolve to
private, loopback, link-local or reserved addresses are refused (no probing of the
server's own network) unless an operator listed them in ``settings.allow_hosts``;
time and size are bounded so a slow or endless response cannot hang a worker.
The connection goes to the very address that was checked (``PinnedAdapter``): a DNS
answer that changes between the check and the connection (DNS rebinding) cannot
send the request inside; the host name still goes in the Host header, TLS SNI and
the certificate check.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Mapping
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from reader import __version__, stopping
from reader.config import Settings
from reader.errors import FetchError

USER_AGENT = f"VietnameseNewsReader/{__version__} (+accessible text-to-speech reader)"
CHUNK_BYTES = 64 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
PAGE_ACCEPT = "text/html, text/plain;q=0.9, */*;q=0.5"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class Fetched:
    """The body of the final response and what the server said it is."""

    url: str
    content: bytes
    content_type: str  # lower-case MIME type without parameters, "" if not given
    encoding: str | None  # the charset the server declared, if any
    status: int = 200  # 304 when a conditional GET found nothing new (content is then empty)
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Pacer:
    """Politeness for unattended runs: one request at a time per host, and a pause of
    ``delay`` seconds between the end of one and the start of the next."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._guard = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}

    @contextmanager
    def turn(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._guard:
            lock, last = self._hosts.setdefault(host, (threading.Lock(), [float("-inf")]))
        with lock:
            wait = last[0] + self.delay - time.monotonic()
            if wait > 0 and stopping.wait(wait):
                stopping.raise_if_stopped()
            try:
                yield
            finally:
                last[0] = time.monotonic()


_NO_PACER = Pacer(0.0)


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def check_url(url: str, settings: Settings) -> bool:
    """Raise ``FetchError`` unless ``url`` may be fetched; True if its host is allow-listed."""
    return checked_address(url, settings)[0]


def checked_address(url: str, settings: Settings) -> tuple[bool, str | None]:
    """(allow-listed?, the public address to connect to) for ``url``; raises ``FetchError``.

    Every address the host resolves to must be public; the first is the one to use.
    An allow-listed host is not resolved here (None: connect as usual)."""
    try:
        parts = urlsplit(url)
        port = parts.port or _default_port(parts.scheme.lower())
    except ValueError as exc:
        raise FetchError(f"Not a valid URL: {url!r} ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme or "no scheme"
        raise FetchError(f"Only http and https URLs can be fetched, not {scheme!r}: {url!r}")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError(f"The URL has no host name: {url!r}")
    allowed = {h.lower() for h in settings.allow_hosts}
    if host in allowed or f"{host}:{port}" in allowed:
        return True, None
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"Cannot resolve the host {host!r} (no network or a wrong address): {exc}") from exc
    addresses = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]
        address = ipaddress.ip_address(text)
        mapped = getattr(address, "ipv4_mapped", None)
        if mapped is not None:
            address = mapped
        if not address.is_global or address.is_multicast or address.is_reserved:
            raise FetchError(
                f"Refusing to fetch {url!r}: {host} resolves to the non-public address {address} "
                "(add the host to READER_ALLOW_HOSTS if this is intended)"
            )
        addresses.append(text)
    if not addresses:
        raise FetchError(f"Cannot resolve the host {host!r}: no address")
    return False, addresses[0]


class PinnedAdapter(HTTPAdapter):
    """Connects to ``address`` whatever the URL's host resolves to by then; the host
    name is kept for the Host header, SNI and the certificate check."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        address = self.address

        class Plain(HTTPConnection):
            def __init__(self, *a, **k) -> None:  # type: ignore[no-untyped-def]
                super().__init__(*a, **k)
                self._dns_host = address

        class Secure(HTTPSConnection):
            def __init__(self, *a, **k) -> None:  # type: ignore[no-untyped-def]
                super().__init__(*a, **k)
                self._dns_host = address

        self.poolmanager.pool_classes_by_scheme = {
            "http": type("PinnedPool", (HTTPConnectionPool,), {"ConnectionCls": Plain}),
            "https": type("PinnedTLSPool", (HTTPSConnectionPool,), {"ConnectionCls": Secure}),
        }


def _content_type(header: str) -> tuple[str, str | None]:
    mime, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return mime.strip().lower(), charset


def _read_body(response: requests.Response, url: str, settings: Settings, deadline: float) -> bytes:
    limit = settings.fetch_max_bytes
    declared = response.headers.get("Content-Length", "")
    # ASCII digits only: a hostile "Content-Length: ²" passes isdigit and breaks int().
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url} is {int(declared)} bytes, over the {limit}-byte limit for an article page")
    body = bytearray()
    for chunk in response.iter_content(CHUNK_BYTES):
        body.extend(chunk)
        if len(body) > limit:
            raise FetchError(f"{url} sent more than {limit} bytes, the limit for an article page")
        if time.monotonic() > deadline:
            raise FetchError(f"{url} took too long to download (the server is sending very slowly)")
    return bytes(body)


def fetch(
    url: str,
    settings: Settings,
    headers: Mapping[str, str] | None = None,
    accept: str = PAGE_ACCEPT,
    pacer: Pacer | None = None,
) -> Fetched:
    """GET ``url`` with checks on every hop; raises ``FetchError`` with the probable cause.

    ``headers`` may ask a conditional GET (If-None-Match, If-Modified-Since): a 304 is
    then a ``Fetched`` with ``not_modified``. A ``pacer`` spaces requests to each host.
    """
    timeout = (settings.fetch_connect_timeout, settings.fetch_read_timeout)
    deadline = time.monotonic() + settings.fetch_total_timeout
    current = url.strip()
    for _hop in range(settings.fetch_max_redirects + 1):
        stopping.raise_if_stopped()
        allow_listed, address = checked_address(current, settings)
        with requests.Session() as session:
            # Proxy variables would send an allow-listed local host through a proxy.
            session.trust_env = not allow_listed
            if address is not None:
                for scheme in ("http://", "https://"):
                    session.mount(scheme, PinnedAdapter(address))
            try:
                with (pacer or _NO_PACER).turn(current):
                    response = session.get(
                        current,
                        stream=True,
                        allow_redirects=False,
                        timeout=timeout,
                        headers={**(headers or {}), "User-Agent": USER_AGENT, "Accept": accept},
                    )
                    with response:
                        if response.status_code in REDIRECT_STATUSES and response.headers.get("Location"):
                            current = urljoin(current, response.headers["Location"])
                            continue
                        if response.status_code == 304 and headers:
                            return Fetched(
                                url=current, content=b"", content_type="", encoding=None, status=304,
                                etag=response.headers.get("ETag", ""),
                                last_modified=response.headers.get("Last-Modified", ""),
                            )
                        if response.status_code >= 400:
                            raise FetchError(
                                f"{current} answered HTTP {response.status_code} {response.reason or ''}".rstrip()
                                + (" (the page does not exist)" if response.status_code in (404, 410) else "")
                            )
                        content = _read_body(response, current, settings, deadline)
                        mime, charset = _content_type(response.headers.get("Content-Type", ""))
                        return Fetched(
                            url=current, content=content, content_type=mime, encoding=charset,
                            status=response.status_code, etag=response.headers.get("ETag", ""),
                            last_modified=response.headers.get("Last-Modified", ""),
                        )
            except requests.Timeout as exc:
                raise FetchError(
                    f"{current} did not answer in time (the server is slow or down): {exc}"
                ) from exc
            except requests.ConnectionError as exc:
                if "timed out" in str(exc).lower():
                    raise FetchError(
                        f"{current} stopped sending in time (the server is slow): {exc}"
                    ) from exc
                raise FetchError(
                    f"Cannot connect to {current} (no network or the server is down): {exc}"
                ) from exc
            except requests.RequestException as exc:
                raise FetchError(f"Fetching {current} failed: {exc}") from exc
    raise FetchError(f"{url} redirected more than {settings.fetch_max_redirects} times (a redirect loop?)")
