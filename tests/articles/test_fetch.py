import pytest

from reader.articles.fetch import check_url, fetch
from reader.errors import FetchError, SourceError


def test_fetch_html_page(net, portal):
    fetched = fetch(portal.url("/tin-tuc/hoi-nghi-tong-ket.html"), net)
    assert fetched.content_type == "text/html"
    assert fetched.encoding == "utf-8"
    assert "Hội nghị tổng kết".encode() in fetched.content
    assert fetched.url == portal.url("/tin-tuc/hoi-nghi-tong-ket.html")


def test_loopback_refused_without_allow_hosts(settings, portal):
    before = len(portal.requests)
    with pytest.raises(FetchError, match="non-public address 127.0.0.1"):
        fetch(portal.url("/tin-tuc/hoi-nghi-tong-ket.html"), settings)
    assert len(portal.requests) == before  # refused before connecting


def test_allow_host_with_port(settings, portal):
    ok = settings.with_(allow_hosts=(f"127.0.0.1:{portal.port}",))
    assert fetch(portal.url("/tin-tuc/ban-in.txt"), ok).content_type == "text/plain"
    other_port = settings.with_(allow_hosts=("127.0.0.1:1",))
    with pytest.raises(FetchError, match="non-public"):
        fetch(portal.url("/tin-tuc/ban-in.txt"), other_port)


def test_redirect_followed(net, portal):
    fetched = fetch(portal.url("/redirect"), net)
    assert fetched.url == portal.url("/tin-tuc/hoi-nghi-tong-ket.html")
    assert b"<h1" in fetched.content


def test_redirect_loop(net, portal):
    with pytest.raises(FetchError, match="redirected more than 5 times"):
        fetch(portal.url("/redirect-loop"), net)


def test_redirect_to_private_address_checked(net, portal):
    with pytest.raises(FetchError, match="non-public address 10.1.2.3"):
        fetch(portal.url("/redirect-private"), net)


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_size_cap(net, portal, path):
    with pytest.raises(FetchError, match="200000-byte limit|more than 200000 bytes"):
        fetch(portal.url(path), net)


def test_slow_server_times_out(net, portal):
    with pytest.raises(FetchError, match="in time"):
        fetch(portal.url("/slow"), net)


@pytest.mark.parametrize("path, status", [("/no-such-page", "404"), ("/server-error", "500")])
def test_http_errors(net, portal, path, status):
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        fetch(portal.url(path), net)


def test_connection_refused(net):
    with pytest.raises(FetchError, match="Cannot connect"):
        fetch("http://127.0.0.1:9/x.html", net)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("file:///etc/passwd", "Only http and https"),
        ("ftp://portal.example/a", "Only http and https"),
        ("javascript:alert(1)", "Only http and https"),
        ("http://", "no host"),
        ("http://localhost/", "non-public"),
        ("http://[::1]:8080/", "non-public"),
        ("http://169.254.169.254/latest/meta-data", "non-public"),
        ("http://0.0.0.0/", "non-public"),
        ("http://10.0.0.1/", "non-public"),
        ("http://192.168.1.1/admin", "non-public"),
        ("http://[::ffff:127.0.0.1]/", "non-public"),
        ("http://host:99999/", "valid URL"),
    ],
)
def test_refused_urls(settings, url, reason):
    with pytest.raises(FetchError, match=reason):
        check_url(url, settings)
    with pytest.raises(SourceError):
        fetch(url, settings)


def test_proxy_variables_ignored_for_allowed_hosts(net, portal, monkeypatch):
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert fetch(portal.url("/tin-tuc/ban-in.txt"), net).content.startswith("TIN NỔI BẬT".encode())
