"""Article ids nobody has: a listener's address or a staff command names no article.

Found by probing: an id beyond SQLite's integer range (`?id=99999999999999999999999`)
gave the page's general error instead of "not found", and a traceback on the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reader.articles.library import Library
from reader.articles.model import Article
from reader.errors import ArticleNotFound

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_PAGE = "reader/ui/pages/article.py"
NO_SUCH_IDS = ["99999999999999999999999", str(2**63), "-1", "0", "1.5", "abc", "", "%00", "1e3", "²", "1" * 5000]
PAGES = ["²", "1" * 5000, "99999999999", "-3", "0", "abc", "2.5"]



@pytest.mark.parametrize("article_id", [2**63, 10**30, -(2**70), 0, -1])
def test_the_library_finds_no_article_outside_its_ids(settings, article_id: int) -> None:
    with Library.open(settings) as library:
        library.add(Article(title="Một bài", paragraphs=("Nội dung.",)))
        with pytest.raises(ArticleNotFound):
            library.get(article_id)
        with pytest.raises(ArticleNotFound):
            library.delete(article_id)
        with pytest.raises(ArticleNotFound):
            library.update(article_id, Article(title="Khác", paragraphs=("Khác.",)))
        assert library.count() == 1


def test_an_address_naming_no_article_says_not_found(app_env) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page(ARTICLE_PAGE)
    for article_id in NO_SUCH_IDS:
        at.query_params["id"] = article_id
        at.run()
        assert not at.exception, article_id
        assert at.error and "Không tìm thấy bài viết" in at.error[0].value, article_id


@pytest.mark.parametrize("command", [["show"], ["show", "--json"], ["delete"], ["script"]])
def test_the_command_line_says_not_found_without_a_traceback(settings, command: list[str]) -> None:
    env = {**os.environ, "READER_DATA_DIR": str(settings.data_dir), "READER_CACHE_DIR": str(settings.cache_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", command[0], "99999999999999999999999", *command[1:]],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "No article with id 99999999999999999999999" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_list_page_address_of_any_kind_shows_the_list(app_env) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    for page in PAGES:
        at.query_params["trang"] = page
        at.run()
        assert not at.exception and not at.error, page
        assert "reader-card-link" in "".join(el.proto.body for el in at.get("html")), page
