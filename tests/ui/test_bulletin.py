"""Nghe tin mới and the category filter through AppTest (the browser walk is in
test_bulletin_browser.py)."""

from __future__ import annotations

import html
from datetime import datetime

from hypothesis import example, given, strategies as st_

from reader.articles.library import Library
from reader.ui import bulletin
from reader.ui.labels import label
from tests.ui.test_app import _add, _app, _fed, _heading_text, _html, _listed_titles


def test_the_home_button_opens_the_bulletin_on_the_newest_article(app_env):
    at = _app().run()
    with Library.open(app_env) as library:
        newest = library.headlines(20)
    assert label("bulletin_start") in at.button(key="bulletin-start").label
    at.button(key="bulletin-start").click().run()
    assert not at.exception
    assert at.query_params["nghe"] in ("1", ["1"])
    assert _heading_text(at) == newest[0].title
    assert label("bulletin_place", position=1, total=len(newest)) in _html(at)
    assert at.button(key="bulletin-previous").disabled and not at.button(key="bulletin-next").disabled
    fed = _fed(at)
    assert fed and fed[-1]["kind"] == "whole", "audio not yet made is made at once"
    assert not any(m.get("autoplay") for m in fed), "the page starts the player after the spoken intro"
    assert 'class="reader-bulletin-intro"' in _html(at)
    assert "st-key-bulletin-next" in _html(at), "the player presses Tin sau when an article ends"

    at.button(key="bulletin-next").click().run()
    assert not at.exception
    assert _heading_text(at) == newest[1].title
    assert label("bulletin_place", position=2, total=len(newest)) in _html(at)
    assert not at.button(key="bulletin-previous").disabled


def test_the_bulletin_keeps_to_the_category_chosen(app_env):
    _app().run()
    for n in range(3):
        _add(app_env, title=f"Mưa lớn ở xã Nam Yên lần {n}", category="Thời tiết",
             published=datetime(2030, 1, 1 + n, 7, 0), source=f"text:{n}")
    at = _app()
    at.query_params["muc"] = "Thời tiết"
    at.run()
    assert at.selectbox(key="category").value == "Thời tiết"
    assert _listed_titles(at) == [f"Mưa lớn ở xã Nam Yên lần {n}" for n in (2, 1, 0)]
    at.button(key="bulletin-start").click().run()
    assert label("bulletin_place", position=1, total=3) in _html(at)
    assert _heading_text(at) == "Mưa lớn ở xã Nam Yên lần 2"
    assert 'href="./?muc=Th%E1%BB%9Di+ti%E1%BA%BFt"' in _html(at), "the way back keeps the category"


def test_the_category_filter_lists_the_library_categories(app_env):
    at = _app().run()
    with Library.open(app_env) as library:
        names = library.categories()
        first = names[0]
        count = library.category_count(first)
    assert names and at.selectbox(key="category").options[1:] == names
    at.selectbox(key="category").select(first).run()
    assert not at.exception
    assert at.query_params["muc"] in (first, [first])
    assert label("count_all", total=count) in html.unescape(_html(at))
    with Library.open(app_env) as library:
        assert _listed_titles(at) == [h.title for h in library.category_headlines(first, 20)]


def test_intro_says_the_place_and_the_date():
    assert bulletin.intro_text(2, datetime(2026, 11, 28, 7)) == "Tin thứ 2, ngày 28 tháng 11 năm 2026."
    assert bulletin.intro_text(1, None) == "Tin thứ 1."


@given(st_.text(max_size=12), st_.integers(min_value=0, max_value=50))
@example("¹", 0)  # a digit to str.isdigit, not to int()
@example("٣", 5)
def test_any_position_in_the_address_is_a_place_in_the_bulletin(raw, total):
    assert 1 <= bulletin.position(raw, total) <= max(1, total)
