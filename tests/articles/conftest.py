import pytest

from tests.fakes.portal import FakePortal


@pytest.fixture(scope="module")
def portal():
    with FakePortal(slow_seconds=3.0, huge_bytes=1024 * 1024) as server:
        yield server


@pytest.fixture
def net(settings, portal):
    """Settings allowed to reach the fake portal, with short timeouts and a small size cap."""
    return settings.with_(
        allow_hosts=portal.allow_hosts,
        fetch_connect_timeout=2.0,
        fetch_read_timeout=0.5,
        fetch_total_timeout=3.5,
        fetch_max_bytes=200_000,
        fetch_delay_s=0.0,
    )
