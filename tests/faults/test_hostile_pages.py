"""Hostile article pages: what the importer accepts is stored as a listener can read it.

Found by probing: a script inside the headline put its code in the title (and read it
aloud), a right-to-left override showed a title backwards, a run-on headline of
150,000 characters became the title, and two pages whose titles hold no word ("...",
"?!") were taken for one article, the second replacing the first.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies

from reader.articles.html import parse_html
from reader.articles.library import Library
from reader.articles.model import Article
from reader.articles.textdump import MAX_TITLE_CHARS, parse_text_dump
from reader.articles.importer import import_text
from reader.errors import ExtractError, SourceError

BODY = (
    "Sáng nay, Ủy ban nhân dân huyện An Biên tổ chức hội nghị tổng kết công tác năm "
    "với sự tham dự của đông đảo cán bộ và người dân địa phương."
)


def _page(title: str, h1: str | None = None, body: str = f"<p>{BODY}</p><p>{BODY} Lần hai.</p>") -> str:
    heading = title if h1 is None else h1
    return f"<html><head><title>{title}</title></head><body><article><h1>{heading}</h1>{body}</article></body></html>"


def test_a_script_in_the_headline_is_not_part_of_the_title() -> None:
    page = _page("Tin", h1="<script>alert(1)</script>Tin &lt;b&gt;đậm&lt;/b&gt;<style>h1{}</style>")
    article = parse_html(page, "https://portal.example/a")
    assert article.title == "Tin <b>đậm</b>"
    assert "alert" not in " ".join((article.title, *article.paragraphs))
    assert article.paragraphs[0].startswith("Sáng nay"), "the headline is not read twice"


@pytest.mark.parametrize("control", ["\u202e", "\u202b", "\u2066", "\u200f", "\u200e", "\u061c"])
def test_bidirectional_controls_never_reach_the_page(control: str) -> None:
    page = _page(f"{control}Tin ngược chiều{control}", body=f"<p>{control}{BODY}</p><p>{BODY}</p>")
    article = parse_html(page, "https://portal.example/rtl")
    assert article.title == "Tin ngược chiều"
    assert all(control not in p for p in article.paragraphs)
    assert article.paragraphs[0] == BODY, "the headline is not read twice"


def test_every_source_loses_bidirectional_controls() -> None:
    article = Article(title="\u202eNgược", paragraphs=("A\u2067b",), category="\u202dX")
    assert (article.title, article.paragraphs, article.category) == ("Ngược", ("Ab",), "X")



def test_control_characters_never_reach_a_terminal_or_the_voice() -> None:
    text = "Tin\x1b[2J\x1b]0;pwned\x07 có\x9b ký tự\nNội dung \x1b[31mđỏ\x1b[0m có\x08\x08 ký tự.\n"
    article = parse_text_dump(text, source="file:/tmp/ctl.txt")
    fields = " ".join((article.title, article.category, *article.paragraphs, *article.notes))
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in fields), fields
    assert article.title.startswith("Tin ") and "pwned có" in article.title

def test_a_run_on_headline_is_shortened_and_its_text_kept() -> None:
    headline = "Tiêu đề " + "rất dài " * 20_000
    article = parse_html(_page(headline), "https://portal.example/huge")
    assert len(article.title) <= MAX_TITLE_CHARS
    assert article.title.startswith("Tiêu đề rất dài") and article.title.endswith("…")
    assert BODY in article.paragraphs


def test_a_long_headline_gives_way_to_a_shorter_candidate() -> None:
    page = _page("Tin ngắn gọn - Cổng thông tin", h1="Tin " + "dài " * 200)
    assert parse_html(page, "https://portal.example/b").title == "Tin ngắn gọn"


@pytest.mark.parametrize("title", [
    "# **Tiêu đề** [liên kết](javascript:alert(1)) `mã` _nghiêng_ ~~gạch~~ $x$ :red[đỏ]",
    "Giá &amp; lúa &lt;tăng&gt; &quot;mạnh&quot;",
])
def test_markup_of_other_languages_is_kept_as_written(title: str) -> None:
    article = parse_html(_page(title), "https://portal.example/md")
    assert article.title == title.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def test_two_pages_whose_titles_hold_no_word_are_two_articles(settings) -> None:
    with Library.open(settings) as library:
        first = library.add(parse_html(_page("?!... ---"), "https://portal.example/p1"))
        second = library.add(parse_html(_page("..."), "https://portal.example/p2"))
        assert first.id != second.id
        assert library.get(first.id).title == "?!... ---"
        assert library.get(second.id).title == "..."
        again = library.add(parse_html(_page("..."), "https://portal.example/p2"))
        assert again.id == second.id and library.count() == 2



def test_a_saved_page_of_only_a_headline_and_related_news_is_refused() -> None:
    text = (
        "Trang chủ > Tin tức > Kinh tế\nTiêu đề bài\n(08:30 | 12/01/2025)\nChia sẻ\nLượt xem: 100\n"
        "Tin liên quan\nBài khác một\nBài khác hai\n"
    )
    with pytest.raises(ExtractError, match="no article text"):
        parse_text_dump(text)


_TITLES = strategies.sampled_from(["Thông báo", "THÔNG BÁO", "...", "?!", "Giá lúa tăng > giá phân giảm", "Tin **mới**"])
_SENTENCES = strategies.sampled_from([
    "Ủy ban nhân dân xã thông báo lịch tiếp công dân trong tháng.",
    "Người dân mang theo căn cước công dân khi đến làm thủ tục.",
    "Điện lực huyện tạm ngừng cấp điện để bảo trì đường dây.",
    "Nông dân xuống giống lúa đông xuân đúng lịch thời vụ.",
    "Mọi thắc mắc xin liên hệ bộ phận một cửa của xã.",
])
_BODIES = strategies.lists(_SENTENCES, min_size=1, max_size=4).map(tuple)
_ON_THE_WEB = strategies.booleans()


@hypothesis_settings(max_examples=60, deadline=None)
@given(strategies.lists(strategies.tuples(_TITLES, _BODIES, _ON_THE_WEB), min_size=2, max_size=8))
def test_no_text_stored_from_its_own_source_is_lost_or_replaced(items) -> None:
    """Each article from a source of its own (a file or a page), whatever its title:
    every body added is still in the library and no id handed out is taken back."""
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder) / "library.sqlite3") as library:
        added = []
        for number, (title, body, on_the_web) in enumerate(items):
            url = f"https://portal.example/tin/{number}" if on_the_web else ""
            article = Article(title=title, paragraphs=body, url=url, source=url or f"file:/tin/{number}/bai.txt")
            added.append(library.add(article))
        stored = library.list()
        assert {a.body_hash for a in stored} == {a.body_hash for a in added}
        assert {a.id for a in stored} == {a.id for a in added}


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x1c"])
def test_a_line_separator_inside_a_headline_does_not_cut_the_title(separator: str) -> None:
    text = f"Kinh tế\nGiá lúa{separator}tăng mạnh\n(08:30 | 12/01/2025)\nGiá lúa vụ đông xuân tăng{separator}mạnh.\n"
    article = parse_text_dump(text)
    assert (article.title, article.category) == ("Giá lúa tăng mạnh", "Kinh tế")
    assert article.paragraphs == ("Giá lúa vụ đông xuân tăng mạnh.",)


def test_a_text_too_long_to_be_one_article_is_refused(settings) -> None:
    text = "Tiêu đề\n" + "Người dân xã An Biên tham gia lao động sản xuất.\n" * 500
    with pytest.raises(SourceError, match="READER_ARTICLE_MAX_CHARS"):
        import_text(text, settings.with_(article_max_chars=10_000))
    assert len(import_text(text, settings).paragraphs) == 500


def test_headlines_stored_before_a_cleaning_rule_are_shown_clean(settings) -> None:
    with Library.open(settings) as library:
        stored = library.add(Article(title="Tin", paragraphs=("Nội dung.",)))
        library.write("UPDATE articles SET title = ?, category = ? WHERE id = ?",
                      ("\u202eTin\x1b[2J cũ", "Xã\x07 hội", stored.id))
        assert [(h.title, h.category) for h in library.headlines(10, 0)] == [("Tin [2J cũ", "Xã hội")]
        assert library.get(stored.id).title == "Tin [2J cũ"
