"""cache stats / verify / prune on a real cache made through the fake Google."""

from __future__ import annotations

import os
import time

from reader.audio.maintenance import cache_stats, prune_cache, verify_cache
from reader.audio.render import article_keys, render
from tests.audio.conftest import make_script

FIRST = make_script(["Một câu.", "Hai câu."], ["Đoạn hai."])
SECOND = make_script(["Bài khác hẳn."])


def test_stats_count_clips_and_articles(online):
    assert cache_stats(online).total_bytes == 0
    render(FIRST, online, engine="gtts")
    stats = cache_stats(online)
    assert (stats.clips, stats.articles, stats.temp_files) == (3, 1, 0)
    assert stats.clip_bytes > 0 and stats.article_bytes > 0


def test_verify_removes_broken_files_and_old_temporaries(online):
    rendering = render(FIRST, online, engine="gtts")
    clip = next((online.cache_dir / "clips").glob("*/*.mp3"))
    clip.write_bytes(b"<html>not audio</html>")
    rendering.mp3_path.with_suffix(".json").write_text("{", encoding="utf-8")
    old_temp = online.cache_dir / "clips" / ".tmp-crash.mp3"
    old_temp.write_bytes(b"half")
    os.utime(old_temp, (time.time() - 7200, time.time() - 7200))
    fresh_temp = online.cache_dir / "clips" / ".tmp-writing.mp3"
    fresh_temp.write_bytes(b"being written")

    report = verify_cache(online)

    assert set(report.removed) == {clip, rendering.mp3_path, rendering.mp3_path.with_suffix(".json"), old_temp}
    assert fresh_temp.exists()
    assert report.freed_bytes > 0
    assert verify_cache(online).removed == []
    again = render(FIRST, online, engine="gtts")
    assert again.mp3_path.exists()


def test_prune_keeps_current_articles_and_drops_the_rest(online, google):
    render(FIRST, online, engine="gtts")
    render(SECOND, online, engine="gtts")
    keep = article_keys(FIRST, online)

    report = prune_cache(online, keep)

    stats = cache_stats(online)
    assert (stats.articles, stats.clips) == (1, 3)
    assert len(report.removed) == 3  # the other article's MP3, its JSON and its one clip
    before = google.rpc_count
    render(FIRST, online, engine="gtts")
    assert google.rpc_count == before


def test_prune_to_a_size_limit_removes_oldest_first(online):
    old = render(FIRST, online, engine="gtts")
    os.utime(old.mp3_path, (time.time() - 3600, time.time() - 3600))
    new = render(SECOND, online, engine="gtts")
    keep = article_keys(FIRST, online) | article_keys(SECOND, online)
    limit = cache_stats(online).total_bytes - 1

    prune_cache(online, keep, max_bytes=limit)

    assert not old.mp3_path.exists() and new.mp3_path.exists()
    assert cache_stats(online).clips == 1


def test_verify_catches_truncated_and_garbage_tailed_clips_and_articles(online):
    from reader.audio.cache import ClipCache, clip_key

    rendering = render(FIRST, online, engine="gtts")
    cache = ClipCache(online.cache_dir)
    truncated = cache.get(clip_key("gtts", "vi", "Một câu."))
    truncated.write_bytes(truncated.read_bytes()[:-50])  # the last frame cut
    tailed = cache.get(clip_key("gtts", "vi", "Hai câu."))
    tailed.write_bytes(tailed.read_bytes()[:96] + b"\x01\x02garbage" * 40)  # a valid first frame, then garbage
    whole = cache.get(clip_key("gtts", "vi", "Đoạn hai."))
    article = rendering.mp3_path
    article.write_bytes(article.read_bytes()[: article.stat().st_size // 2])

    report = verify_cache(online)

    assert {truncated, tailed, article, article.with_suffix(".json")} <= set(report.removed)
    assert whole.exists() and whole not in report.removed


def test_verify_catches_an_article_with_garbage_after_its_frames(online):
    rendering = render(FIRST, online, engine="gtts")
    with rendering.mp3_path.open("ab") as f:
        f.write(b"\x00" * 3000)
    assert rendering.mp3_path in verify_cache(online).removed


def test_verify_decodes_fully_what_looks_whole(online):
    """Garbage that happens to be framed like MP3 is only caught by a decoder."""
    from reader.audio.cache import ClipCache, clip_key
    from reader.audio.integrity import structure_problem

    render(FIRST, online, engine="gtts")
    clip = ClipCache(online.cache_dir).get(clip_key("gtts", "vi", "Hai câu."))
    data = bytearray(clip.read_bytes())
    for frame in range(2, len(data) // 96):  # keep every header, scramble every frame body
        start = frame * 96 + 4
        data[start:start + 92] = bytes((b * 7 + 13) % 256 for b in data[start:start + 92])
    clip.write_bytes(bytes(data))
    assert structure_problem(clip) is None  # framed like MP3 ...
    assert clip in verify_cache(online).removed  # ... but not decodable


def test_prune_keeps_the_parts_of_kept_articles_and_drops_stale_ones(online):
    from reader.audio.keys import parts_dir
    from reader.audio.render import render_parts

    parts = list(render_parts(make_script(["Tin một."], ["Đoạn một."], ["Đoạn hai."]), online, engine="gtts"))
    listed = {p.mp3_path for p in parts}
    orphan = parts_dir(online) / ("0" * 64 + ".mp3")
    orphan.write_bytes(parts[0].mp3_path.read_bytes())
    keep = article_keys(make_script(["Tin một."], ["Đoạn một."], ["Đoạn hai."]), online)

    prune_cache(online, keep, now=time.time())  # the orphan is fresh: it may be playing
    assert orphan.exists()
    prune_cache(online, keep, now=time.time() + 2 * online.cache_stale_temp_seconds)
    assert not orphan.exists() and all(p.exists() for p in listed)
    prune_cache(online, set(), now=time.time() + 2 * online.cache_stale_temp_seconds)  # the article went
    assert not any(p.exists() for p in listed)
