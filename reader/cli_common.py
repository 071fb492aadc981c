"""What the command line's modules share: how errors and JSON are printed, how counts are parsed."""

from __future__ import annotations

import argparse
import json
from typing import Callable


def error_line(where: str, exc: object) -> str:
    """``error: <where>: <why>``, naming the path or URL once when the reason already does."""
    message = str(exc)
    return f"error: {message}" if where in message else f"error: {where}: {message}"


def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{raw!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value

    return parse


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))
