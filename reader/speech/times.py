"""Clock times, in one announcer style.

"14:30", "14h30" and "14 giờ 30" are all "mười bốn giờ ba mươi"; whole hours drop the
minutes ("8h00" is "tám giờ"); minutes under ten take "phút" ("7h05" is "bảy giờ năm
phút"), since "bảy giờ năm" would leave the listener unsure. A dash between two times
is "đến".
"""

from __future__ import annotations

import re

from reader.speech.numbers import read_number

_CLOCK = (
    r"(\d{1,2})(?:"
    r":(\d{2})(?![\d:])"
    r"|h(\d{2})?(?:p|')?(?![^\W_])"
    r"| giờ(?: (\d{2})(?!\d)( phút)?)?(?![^\W\d_]))"
)
_TIME = re.compile(r"(?<![\d.,:/])" + _CLOCK)
_SPAN = re.compile(r"(?<![\d.,:/])" + _CLOCK + r"\s*[-–—]\s*" + _CLOCK)


def _spoken(
    hour: str, colon: str | None, h_form: str | None, written: str | None, phut: str | None
) -> str | None:
    h, minute = int(hour), colon or h_form or written
    if h > 24 or minute is not None and int(minute) > 59:
        return None
    words = [read_number(h), "giờ"]
    if minute is not None and int(minute):
        words.append(read_number(int(minute)))
        if int(minute) < 10 or phut:
            words.append("phút")
    return " ".join(words)


def read_times(text: str) -> str:
    """ "14:30", "14h30", "7h05", "8h00", "14 giờ 30", and spans "7h - 11h" ("... đến ...")."""

    def span(m: re.Match[str]) -> str:
        g = m.groups()
        first, last = _spoken(*g[:5]), _spoken(*g[5:])
        if first is None or last is None:
            return m[0]
        return f" {first} đến {last} "

    def one(m: re.Match[str]) -> str:
        said = _spoken(*m.groups())
        return m[0] if said is None else f" {said} "

    text = _SPAN.sub(span, text)
    return _TIME.sub(one, text)
