"""Every word staff read in the staff area, from one data file (``labels.json``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _labels() -> dict[str, Any]:
    text = resources.files("reader.ui.staff").joinpath("labels.json").read_text(encoding="utf-8")
    return json.loads(text)


def L(key: str, **values: object) -> str:
    """The Vietnamese label ``key``, with ``{name}`` fields filled from ``values``."""
    text = _labels()[key]
    return text.format(**values) if values else text
