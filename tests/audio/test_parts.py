"""Audio that starts early: an article in playable parts, title first, the whole stored at the end."""

from __future__ import annotations

import threading

import pytest

from reader.audio.cache import ClipCache, clip_key
from reader.audio.engines import EspeakEngine
from reader.audio.integrity import structure_problem
from reader.audio.render import cached_rendering, render, render_parts
from reader.config import Settings
from tests.audio.conftest import make_script
from tests.audio.sound import samples
from tests.fakes.google import FakeGoogle

SCRIPT = make_script(
    ["Tin huyện An Biên"],
    ["Sáng nay trời đẹp", ["Bà con", "đi chợ sớm"]],
    ["Giá lúa tăng"],
    [["Hội nghị", "tổng kết năm"], "Hết tin"],
)


def test_parts_in_reading_order_title_and_first_paragraph_first(online: Settings, google: FakeGoogle) -> None:
    parts = list(render_parts(SCRIPT, online, engine="gtts"))
    assert [p.index for p in parts] == [0, 1, 2]
    assert [p.paragraphs for p in parts] == [(0, 1), (2,), (3,)]
    assert [[(t["paragraph"], t["sentence"]) for t in p.timings] for p in parts] == [
        [(0, 0), (1, 0), (1, 1)], [(2, 0)], [(3, 0), (3, 1)]]
    assert parts[0].timings[0]["start_ms"] <= 50  # the title at once (after the encoder's delay)
    for part in parts:  # a part is cut in the pause after its paragraph: the rest of it opens the next
        assert 0 <= part.timings[0]["start_ms"] < part.timings[-1]["end_ms"] < part.duration_ms
        assert not part.offline
        assert structure_problem(part.mp3_path) is None
        assert abs(len(samples(part.mp3_path)) / 24 - part.duration_ms) <= 50


def test_parts_played_one_after_another_are_the_article(online: Settings, google: FakeGoogle) -> None:
    parts = list(render_parts(SCRIPT, online, engine="gtts"))
    requests = google.rpc_count
    whole = cached_rendering(SCRIPT, online, "gtts")  # stored when the iterator was exhausted
    assert whole is not None
    assert render(SCRIPT, online, engine="gtts") == whole and google.rpc_count == requests

    offset, joined = 0, []
    for part in parts:
        joined += [{**t, "start_ms": t["start_ms"] + offset, "end_ms": t["end_ms"] + offset} for t in part.timings]
        offset += part.duration_ms  # each part but the last ends with the paragraph pause
    assert [(t["paragraph"], t["sentence"], t["text"]) for t in joined] == \
        [(t["paragraph"], t["sentence"], t["text"]) for t in whole.timings]
    assert all(abs(a["start_ms"] - b["start_ms"]) <= 50 and abs(a["end_ms"] - b["end_ms"]) <= 50
               for a, b in zip(joined, whole.timings))
    assert abs(offset - whole.duration_ms) <= 50


class Gated:
    """The offline voice, holding back the chunks in ``held`` until ``gate`` opens."""

    name = "espeak"

    def __init__(self, settings: Settings, held: set[str]) -> None:
        self.inner = EspeakEngine(settings)
        self.settings, self.voice, self.held = settings, self.inner.voice, held
        self.gate = threading.Event()
        self.made: list[str] = []

    def synthesize(self, text: str) -> bytes:
        if text in self.held and not self.gate.wait(timeout=20):
            raise AssertionError("the first part waited for the rest of the article")
        self.made.append(text)
        return self.inner.synthesize(text)


def test_the_first_part_plays_before_the_rest_is_made(settings: Settings) -> None:
    engine = Gated(settings, held={"Hội nghị", "tổng kết năm", "Hết tin"})
    parts = render_parts(SCRIPT, settings, engine=engine)
    first = next(parts)
    assert first.index == 0 and first.paragraphs == (0, 1)
    assert not engine.held & set(engine.made)  # the last paragraph is still being made
    assert cached_rendering(SCRIPT, settings, engine) is None
    engine.gate.set()
    rest = list(parts)
    assert [p.index for p in rest] == [1, 2]
    assert cached_rendering(SCRIPT, settings, engine) is not None


def test_an_abandoned_listen_stores_no_article(online: Settings, google: FakeGoogle) -> None:
    parts = render_parts(SCRIPT, online, engine="gtts")
    next(parts)
    parts.close()
    assert cached_rendering(SCRIPT, online, "gtts") is None


def test_a_stored_article_comes_as_one_part(online: Settings, google: FakeGoogle) -> None:
    whole = render(SCRIPT, online, engine="gtts")
    google.reset()
    (part,) = list(render_parts(SCRIPT, online, engine="gtts"))
    assert (part.index, part.paragraphs, part.mp3_path) == (0, (0, 1, 2, 3), whole.mp3_path)
    assert part.timings == whole.timings and google.request_count == 0


def test_offline_parts_say_so(settings: Settings) -> None:
    parts = list(render_parts(SCRIPT, settings))  # auto, Google unreachable
    assert parts and all(p.offline for p in parts)


def test_broken_clips_in_a_part_are_all_remade(online: Settings, google: FakeGoogle) -> None:
    render(SCRIPT, online, engine="gtts")
    cache = ClipCache(online.cache_dir)
    for text in ("Bà con", "đi chợ sớm"):
        path = cache.get(clip_key("gtts", "vi", text))
        path.write_bytes(path.read_bytes()[:150])
    google.reset()
    parts = list(render_parts(SCRIPT, online.with_(sentence_pause_ms=200), engine="gtts"))
    assert len(parts) == 3 and sorted(google.texts) == ["Bà con", "đi chợ sớm"]


def test_an_article_of_only_a_title_is_one_part(online: Settings, google: FakeGoogle) -> None:
    (part,) = list(render_parts(make_script(["Tin ngắn"]), online, engine="gtts"))
    assert part.paragraphs == (0,) and len(part.timings) == 1


@pytest.mark.parametrize("engine", ["gtts"])
def test_slow_variant_is_longer_and_cached(online: Settings, google: FakeGoogle, engine: str) -> None:
    normal = render(SCRIPT, online, engine=engine)
    slow = render(SCRIPT, online, engine=engine, tempo=online.slow_tempo)
    assert slow.mp3_path != normal.mp3_path
    assert abs(slow.duration_ms - normal.duration_ms / 0.8) <= 50  # whole MP3 frames of 24 ms each
    assert abs(len(samples(slow.mp3_path)) / 24 - slow.duration_ms) <= 50
    assert all(abs(s["start_ms"] - n["start_ms"] / 0.8) <= 50 for s, n in zip(slow.timings, normal.timings))
    assert cached_rendering(SCRIPT, online, engine, tempo=online.slow_tempo) == slow


def test_parts_are_the_article_frame_for_frame(online: Settings, google: FakeGoogle) -> None:
    """One encoding: the parts are runs of the article's own MP3 frames, nothing encoded twice."""
    from reader.audio.integrity import _id3v2_length

    parts = list(render_parts(SCRIPT, online, engine="gtts", tags={"title": "Tin huyện An Biên"}))
    whole = cached_rendering(SCRIPT, online, "gtts").mp3_path.read_bytes()
    assert b"".join(part.mp3_path.read_bytes() for part in parts) == whole[_id3v2_length(whole):]


def test_a_long_article_read_in_parts_is_at_the_target_loudness(online: Settings, google: FakeGoogle,
                                                                tmp_path) -> None:
    """The level is found on the first part and kept for the whole article."""
    from tests.audio.sound import lufs

    longer = make_script(["Tin huyện An Biên"], ["Sáng nay trời đẹp", "Bà con đi chợ sớm"],
                         *[[f"Đoạn {n} nói về giá lúa", "và về đường giao thông nông thôn"] for n in range(6)])
    list(render_parts(longer, online, engine="gtts"))
    whole = cached_rendering(longer, online, "gtts")
    assert abs(lufs(whole.mp3_path, online) - online.loudness_target_lufs) <= 1.0
