"""Render: article MP3 and timings, kept and reused without touching the engine."""

from __future__ import annotations

import json

import pytest

from reader.audio.engines import EspeakEngine
from reader.audio.render import render
from reader.config import Settings
from tests.audio.conftest import make_script
from tests.fakes.google import FakeGoogle

SCRIPT = make_script(["Tin huyện An Biên"], ["Sáng nay trời đẹp", ["Bà con", "đi chợ sớm"]])


def test_render_then_reuse_without_requests(online: Settings, google: FakeGoogle) -> None:
    first = render(SCRIPT, online, engine="gtts")
    assert google.rpc_count == 4
    assert first.engines_used == ("gtts",) and not first.offline
    assert first.mp3_path.parent == online.cache_dir / "articles"
    stored = json.loads(first.mp3_path.with_suffix(".json").read_text())
    assert stored["timings"] == first.timings
    assert [t["text"] for t in first.timings] == ["TIN HUYỆN AN BIÊN", "SÁNG NAY TRỜI ĐẸP", "BÀ CON ĐI CHỢ SỚM"]

    google.reset()
    second = render(SCRIPT, online, engine="gtts")
    assert google.request_count == 0
    assert second == first


def test_auto_online_is_not_offline(online: Settings, google: FakeGoogle) -> None:
    rendering = render(SCRIPT, online)  # settings.engine is auto
    assert rendering.engines_used == ("gtts",) and not rendering.offline


def test_auto_offline_says_so_and_reuses_espeak_clips(settings: Settings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first = render(SCRIPT, settings)
    assert first.engines_used == ("espeak",) and first.offline

    def refuse(self, text: str) -> bytes:
        raise AssertionError("the stored article must be reused")

    monkeypatch.setattr(EspeakEngine, "synthesize", refuse)
    second = render(SCRIPT, settings)  # Google is remembered offline: planned with espeak keys
    assert second == first


def test_out_path_gets_a_copy(online: Settings, google: FakeGoogle, tmp_path) -> None:
    out = tmp_path / "out" / "article.mp3"
    out.parent.mkdir()  # a missing folder is refused (see the command line's tests)
    rendering = render(SCRIPT, online, engine="gtts", out_path=out)
    assert rendering.mp3_path == out and out.stat().st_size > 0
    assert len(list((online.cache_dir / "articles").glob("*.mp3"))) == 1


def test_changed_pauses_make_a_new_article(online: Settings, google: FakeGoogle) -> None:
    first = render(SCRIPT, online, engine="gtts")
    second = render(SCRIPT, online.with_(sentence_pause_ms=200), engine="gtts")
    assert first.mp3_path != second.mp3_path
    assert google.rpc_count == 4  # the clips were reused


def test_damaged_article_file_is_rebuilt(online: Settings, google: FakeGoogle) -> None:
    first = render(SCRIPT, online, engine="gtts")
    first.mp3_path.write_bytes(b"")
    second = render(SCRIPT, online, engine="gtts")
    assert second.mp3_path.stat().st_size > 0 and google.rpc_count == 4


def test_damaged_clip_is_made_again(online: Settings, google: FakeGoogle) -> None:
    from reader.audio.cache import ClipCache, clip_key

    render(SCRIPT, online, engine="gtts")
    ClipCache(online.cache_dir).get(clip_key("gtts", "vi", "Bà con")).write_bytes(b"garbage!")
    rendering = render(SCRIPT, online.with_(paragraph_pause_ms=500), engine="gtts")
    assert rendering.mp3_path.stat().st_size > 0
    assert google.rpc_count == 5


def test_two_renders_of_one_article_at_once(online: Settings, google: FakeGoogle) -> None:
    from concurrent.futures import ThreadPoolExecutor

    google.latency = 0.02
    with ThreadPoolExecutor(max_workers=2) as pool:
        a, b = pool.map(lambda _: render(SCRIPT, online, engine="gtts"), range(2))
    assert a == b and a.mp3_path.stat().st_size > 0
    assert not [p for p in online.cache_dir.rglob(".tmp-*")]  # no temporary files left behind


def test_a_built_article_end_to_end(online: Settings, google: FakeGoogle) -> None:
    from reader.speech.script import build_script

    script = build_script(["UBND huyện An Biên", "Ngày 12/3/2024, có 1.250 hộ dân tham gia. Rất tốt!"], online)
    rendering = render(script, online)
    sentences = list(script.sentences())
    assert [t["text"] for t in rendering.timings] == [s.text for _, _, s in sentences]
    assert [(t["paragraph"], t["sentence"]) for t in rendering.timings] == [(p, i) for p, i, _ in sentences]
    assert sorted(google.texts) == sorted(dict.fromkeys(c.strip() for _, _, s in sentences for c in s.chunks))
