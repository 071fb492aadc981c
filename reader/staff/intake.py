"""Adding and editing articles from the staff area: read, preview, then store.

Nothing is stored until staff have seen the preview. Pasted or uploaded text has no
path, so its source is a hash of its content (the same text twice is one article).
The preview also lists the lines of the source that did not make it into the article
(the portal's chrome, captions, related news), so staff can see nothing was lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from lxml import etree
from lxml import html as lxml_html

from reader.articles.importer import HTML_SUFFIXES, decode_text, import_source, import_text, looks_like_html
from reader.articles.library import Library
from reader.articles.model import VN_TZ, Article
from reader.articles.textdump import clean_line, parse_time_line, text_lines
from reader.config import Settings
from reader.errors import ArticleError, SourceError

#: Elements whose text is a line a reader of the page would see as one piece.
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "td", "dt", "dd", "caption")
MAX_DROPPED_SHOWN = 40


@dataclass(frozen=True)
class Preview:
    """What a source was read as, before it is stored, and the lines left out of it."""

    article: Article
    dropped: tuple[str, ...] = ()


def _too_big(size: int, settings: Settings) -> SourceError:
    limit = settings.import_max_file_bytes
    return SourceError(
        f"{size} bytes is over the {limit}-byte import limit (READER_IMPORT_MAX_FILE_BYTES)",
        user_message=f"Nội dung quá lớn (hơn {limit // 1024} KB), có lẽ không phải một bài viết.",
    )


def _source_lines(text: str, as_html: bool) -> list[str]:
    if not as_html:
        return text_lines(text)
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    return [clean_line(el.text_content() or "") for el in tree.iter(*_BLOCKS)]


def dropped_lines(text: str, article: Article, as_html: bool) -> tuple[str, ...]:
    """Lines of the source found in none of the article's parts (title, category,
    paragraphs, date line), in source order, each once."""
    body = [p for p in (*article.paragraphs, *article.notes) if p]
    kept_text = "\n".join([article.title, article.category, *body])
    dropped: dict[str, None] = {}
    for line in _source_lines(text, as_html):
        core = line.rstrip("./ ")  # "./." closing a document is trimmed from the last paragraph
        if not core or core in kept_text or parse_time_line(line) is not None:
            continue
        if any(part in line for part in body):  # a block wrapping the article's own text
            continue
        dropped.setdefault(line, None)
    return tuple(dropped)[:MAX_DROPPED_SHOWN]


def _from_text(text: str, name: str, settings: Settings) -> Preview:
    """Read as the importer reads pasted or uploaded text (its source a hash of the content)."""
    article = import_text(text, settings)
    as_html = name.lower().endswith(HTML_SUFFIXES) or looks_like_html(text)
    return Preview(article, dropped_lines(text, article, as_html))


def preview_pasted(text: str, settings: Settings) -> Preview:
    """Pasted text: a whole portal page copied, or a title line and then the paragraphs."""
    if not text.strip():
        raise SourceError("No text was pasted", user_message="Chưa có nội dung: hãy dán bài viết vào ô.")
    size = len(text.encode("utf-8"))
    if size > settings.import_max_file_bytes:
        raise _too_big(size, settings)
    return _from_text(text, "", settings)


def preview_upload(name: str, data: bytes, settings: Settings) -> Preview:
    """A saved page uploaded from the staff member's computer (.txt or .html, UTF-8)."""
    if len(data) > settings.import_max_file_bytes:
        raise _too_big(len(data), settings)
    if not data.strip():
        raise SourceError(f"{name} is empty", user_message="Tệp trống, không có bài viết nào.")
    return _from_text(decode_text(data, name), name, settings)


def preview_url(url: str, settings: Settings) -> Preview:
    """An article page on the web, fetched as the command line fetches it."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise SourceError(
            f"{url!r} is not a web address",
            user_message="Địa chỉ phải bắt đầu bằng http:// hoặc https://.",
        )
    return Preview(import_source(url, settings))


def save(library: Library, article: Article) -> Article:
    return library.add(article)


def combine_date(day: date | None, at: time | None) -> datetime | None:
    """A date and an optional time from the form, Vietnam time; no day means no date."""
    if day is None:
        if at is not None:
            raise ArticleError(
                "A time was given without a date",
                user_message="Đã nhập giờ nhưng chưa chọn ngày đăng.",
            )
        return None
    return datetime.combine(day, at or time(0, 0), tzinfo=VN_TZ)


def paragraphs_of(body: str) -> tuple[str, ...]:
    """The body as typed in the edit box: one paragraph a line, blank lines ignored."""
    return tuple(line.strip() for line in body.splitlines() if line.strip())


def edited(original: Article, title: str, published: datetime | None, category: str, body: str) -> Article:
    """``original`` with what staff typed; Vietnamese errors for an empty title or body."""
    if not title.strip():
        raise ArticleError("The title is empty", user_message="Tiêu đề không được để trống.")
    paragraphs = paragraphs_of(body)
    if not paragraphs:
        raise ArticleError("The body is empty", user_message="Nội dung bài không được để trống.")
    return replace(original, title=title, published=published, category=category, paragraphs=paragraphs)


def update(library: Library, article_id: int, article: Article) -> Article:
    return library.update(article_id, article)
