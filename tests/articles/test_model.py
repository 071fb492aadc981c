from datetime import datetime, timedelta, timezone

import pytest

from reader.articles.model import VN_TZ, Article
from reader.errors import ExtractError


def test_to_dict_shape_and_offset():
    article = Article(
        title="Tiêu đề", paragraphs=("Một.", "Hai."), category="Tin tức",
        published=datetime(2023, 12, 20, 14, 30, tzinfo=VN_TZ), source="sample:a.txt", id=3,
        notes=("Ảnh: Q.A", "Minh Thư"),
    )
    assert article.to_dict() == {
        "id": 3, "title": "Tiêu đề", "category": "Tin tức", "published": "2023-12-20T14:30:00+07:00",
        "source": "sample:a.txt", "url": "", "paragraphs": ["Một.", "Hai."],
        "notes": ["Ảnh: Q.A", "Minh Thư"],
    }
    assert Article.from_dict(article.to_dict()) == article


@pytest.mark.parametrize(
    "given, expected",
    [
        (datetime(2024, 1, 5, 8, 15), "2024-01-05T08:15:00+07:00"),  # naive = Vietnam time
        (datetime(2024, 1, 5, 1, 15, tzinfo=timezone.utc), "2024-01-05T08:15:00+07:00"),
        (datetime(2024, 1, 5, 8, 15, tzinfo=timezone(timedelta(hours=7))), "2024-01-05T08:15:00+07:00"),
        (None, None),
    ],
)
def test_published_is_vietnam_time(given, expected):
    assert Article("T", ("p",), published=given).to_dict()["published"] == expected


@pytest.mark.parametrize(
    "title, paragraphs",
    [("", ("p",)), ("   ", ("p",)), ("T", ()), ("T", ("", "  "))],
)
def test_invalid_articles_raise_extract_error(title, paragraphs):
    with pytest.raises(ExtractError):
        Article(title, paragraphs)


def test_nfc_and_whitespace_normalised():
    decomposed = "Huy\u0065\u0323\u0302n"  # "Huyện" written with combining marks
    article = Article(f"  {decomposed}   An  Biên ", (f"{decomposed}\u00a0x", ""))
    assert article.title == "Huyện An Biên"
    assert article.paragraphs == ("Huyện x",)


def test_with_id_returns_copy():
    article = Article("T", ("p",))
    stored = article.with_id(7)
    assert stored.id == 7 and article.id is None and stored.title == "T"


def test_body_hash_ignores_case_spacing_and_punctuation_but_not_words():
    base = Article("T", ("Huyện An Biên có 1.250 hộ.", "Đoạn hai."))
    assert Article("Khác", ("huyện  an biên CÓ 1.250 hộ", "Đoạn hai!")).body_hash == base.body_hash
    assert Article("T", ("Huyện An Biên có 1.251 hộ.", "Đoạn hai.")).body_hash != base.body_hash
    assert Article("T", ("Huyện An Biên có 1.250 hộ.",)).body_hash != base.body_hash


def test_notes_are_cleaned_and_never_one_string():
    assert Article("T", ("p",), notes=(" Ảnh:  Q.A ", "")).notes == ("Ảnh: Q.A",)
    with pytest.raises(ExtractError):
        Article("T", ("p",), notes="Q.A")
