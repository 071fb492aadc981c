"""Every word a listener reads or hears from the page, from one data file
(`static/labels.json`), shared by the Python pages and the player's JavaScript."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def all_labels() -> dict[str, Any]:
    text = resources.files("reader.ui").joinpath("static", "labels.json").read_text(encoding="utf-8")
    return json.loads(text)


def label(key: str, **values: object) -> str:
    """The Vietnamese label ``key``, with ``{name}`` fields filled from ``values``."""
    text = all_labels()[key]
    return text.format(**values) if values else text
