"""SQLite search ranks articles holding the words as a phrase first; the category list."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from reader.articles.library import Library, fts_phrase, fts_query
from reader.articles.model import Article


def _add(library: Library, title: str, body: str, category: str = "", n: int = 0) -> Article:
    return library.add(Article(title=title, paragraphs=(body,), category=category, source=f"text:{title}:{n}"))


def test_a_place_name_as_a_phrase_comes_before_its_syllables_apart(tmp_path):
    with Library(tmp_path / "lib.db") as library:
        apart = [_add(library, f"An Phú, Tân Biên họp dân {n}", f"Ấp An Phú xã Tân Biên họp dân lần {n}.", n=n) for n in range(30)]
        together = _add(library, "Họp dân", "Huyện An Biên tổ chức họp dân.")
        for query in ("An Biên", "an bien", "AN BIÊN"):
            assert library.search_count(query) == 31
            assert library.search(query, limit=5)[0].id == together.id
            assert library.search_headlines(query, limit=5)[0].id == together.id
            pages = [h.id for offset in range(0, 31, 7) for h in library.search_headlines(query, 7, offset)]
            assert sorted(pages) == sorted([together.id, *(a.id for a in apart)]), "paging sees each once"


def test_categories_and_their_pages(library_settings):
    """On every backend (SQLite, PostgreSQL): the home page's category filter."""
    with Library.open(library_settings) as library:
        for n in range(5):
            _add(library, f"Mưa {n}", "Trời mưa.", category="Thời tiết", n=n)
        _add(library, "Họp", "Họp dân.", category="Chính quyền")
        _add(library, "Không mục", "Không chuyên mục.")
        assert library.categories() == ["Chính quyền", "Thời tiết"]
        assert library.category_count("Thời tiết") == 5
        newest = [h.id for h in library.headlines() if h.category == "Thời tiết"]
        assert [h.id for h in library.category_headlines("Thời tiết")] == newest
        assert [h.id for h in library.category_headlines("Thời tiết", 2, 2)] == newest[2:4]
        assert library.category_headlines("Không có") == [] and library.category_count("Không có") == 0


@hsettings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(st.text(max_size=40))
def test_the_phrase_is_safe_whenever_the_words_are(tmp_path, query):
    assert bool(fts_phrase(query)) == bool(fts_query(query))
    with Library(tmp_path / "lib.db") as library:
        library.search_headlines(query, 5)
