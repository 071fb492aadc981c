"""Stopping a long run on Ctrl-C or SIGTERM: start nothing new, let work in flight end.

``pregenerate`` and ``watch`` run for minutes and systemd stops them with SIGTERM.
Python's default (KeyboardInterrupt in the main thread only) leaves worker threads
making requests until their whole queue is done. Instead, the first signal sets one
process-wide event; loops stop handing out work, and every layer that is about to
start something costly (a request to Google, a fetch) calls ``raise_if_stopped``.
A second signal gives up at once.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from reader.errors import Interrupted

_STOP = threading.Event()
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def stop_requested() -> bool:
    """True once a stop was asked for in this process (until the run that asked ends)."""
    return _STOP.is_set()


def request_stop() -> None:
    """Ask every loop and worker of this process to stop starting new work."""
    _STOP.set()


def raise_if_stopped() -> None:
    """Call before starting costly work: raises ``Interrupted`` once a stop was asked for."""
    if _STOP.is_set():
        raise Interrupted("Stopped on request (Ctrl-C or SIGTERM) before starting more work")


def wait(seconds: float) -> bool:
    """Sleep up to ``seconds``, waking at once on a stop; True if a stop was asked for."""
    return _STOP.wait(seconds)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """For the length of a run: the first SIGINT/SIGTERM asks for a stop, the second
    raises KeyboardInterrupt. Outside the main thread signals cannot be caught, so
    nothing is installed there (the caller may still use ``request_stop``)."""
    _STOP.clear()
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum: int, frame: object) -> None:
        if _STOP.is_set():
            raise KeyboardInterrupt
        _STOP.set()

    previous = {sig: signal.signal(sig, handle) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
        _STOP.clear()
