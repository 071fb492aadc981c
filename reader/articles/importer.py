"""One entry point for staff imports: a URL or a file path -> ``Article`` (not yet stored).

The reader is chosen from what the source is, not from what the user claims:
the HTTP content type (or a sniff of the bytes) for URLs, the file suffix (or a
sniff) for files. Files must be UTF-8: guessing among legacy Vietnamese encodings
(cp1258, VNI, TCVN3) silently garbles the diacritics, which a listener would hear.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import replace
from pathlib import Path

from reader.articles.fetch import Fetched, Pacer, fetch
from reader.articles.html import parse_html
from reader.articles.identity import file_source, text_source
from reader.articles.model import Article
from reader.articles.textdump import parse_text_dump
from reader.config import Settings
from reader.errors import SourceError

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def looks_like_html(text: str | bytes) -> bool:
    """True when the start of a document is HTML markup rather than plain text."""
    head = text[:2048].lower()
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    head = head.lstrip("\ufeff\r\n\t ")
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<body", "<head", "<meta ", "<title>")
    )


def decode_text(data: bytes, what: str, charset: str | None = None) -> str:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, or a declared charset; otherwise refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif charset and charset.replace("_", "-") not in ("utf-8", "utf8"):
        encodings = [charset, "utf-8-sig"]
    else:
        encodings = ["utf-8-sig"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if "\x00" in text:
            break
        return text
    raise SourceError(
        f"{what} is not UTF-8 text (perhaps a binary file, or text saved in an old encoding "
        "such as Windows-1258/VNI); save it again as UTF-8",
        user_message="Tệp không phải văn bản UTF-8. Vui lòng lưu lại tệp với bảng mã UTF-8.",
    )


def _from_fetched(fetched: Fetched, requested: str) -> Article:
    mime = fetched.content_type
    if mime in HTML_TYPES or (mime != "text/plain" and looks_like_html(fetched.content)):
        article = parse_html(fetched.content, fetched.url)
    elif mime in ("text/plain", "") or mime.startswith("text/"):
        text = decode_text(fetched.content, fetched.url, fetched.encoding)
        if looks_like_html(text):  # served as text/* but really a page
            article = parse_html(text, fetched.url)
        else:
            article = parse_text_dump(text, source=requested)
    else:
        raise SourceError(
            f"{fetched.url} is {mime!r}, not an article page (expected HTML or plain text)"
        )
    return replace(article, source=requested, url=fetched.url)


def read_text_file(path: Path, settings: Settings) -> str:
    """A local text file within the import size limit, decoded (UTF-8 or UTF-16 with BOM)."""
    data = _read_file(path, settings)
    if len(data) > settings.import_max_file_bytes:
        raise SourceError(f"{path} grew past the import limit while being read")
    return decode_text(data, str(path))


def _read_file(path: Path, settings: Settings) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceError(f"No such file: {path}", user_message="Không tìm thấy tệp.") from None
    except OSError as exc:
        raise SourceError(f"Cannot read {path}: {exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{path} is not a regular file (a folder or a device?)")
    if info.st_size > settings.import_max_file_bytes:
        raise SourceError(
            f"{path} is {info.st_size} bytes, over the {settings.import_max_file_bytes}-byte "
            "import limit (READER_IMPORT_MAX_FILE_BYTES); is it really one article?"
        )
    try:
        with path.open("rb") as handle:
            return handle.read(settings.import_max_file_bytes + 1)
    except OSError as exc:
        raise SourceError(f"Cannot read {path}: {exc}") from exc


def import_source(path_or_url: str, settings: Settings, pacer: Pacer | None = None) -> Article:
    """Read one article from a URL (fetched safely) or a local file (HTML or text dump)."""
    source = str(path_or_url).strip()
    if not source:
        raise SourceError("No file or URL given")
    if _URL.match(source):
        return _within_limit(_from_fetched(fetch(source, settings, pacer=pacer), source), settings)
    path = Path(source).expanduser()
    text = read_text_file(path, settings)
    return _within_limit(_from_text(text, file_source(path), html=path.suffix.lower() in HTML_SUFFIXES), settings)


def import_text(text: str, settings: Settings) -> Article:
    """Pasted or uploaded text (a text dump, an HTML page, or a title line and paragraphs).

    It has no path, so its source is a hash of its content: the same text pasted twice
    is one article, two different texts are two.
    """
    if len(text.encode("utf-8")) > settings.import_max_file_bytes:
        raise SourceError(
            f"The text is over the {settings.import_max_file_bytes}-byte import limit "
            "(READER_IMPORT_MAX_FILE_BYTES); is it really one article?"
        )
    return _within_limit(_from_text(text, text_source(text), html=False), settings)


def _within_limit(article: Article, settings: Settings) -> Article:
    """Refuse what is too long to be one article (a whole site saved as one page, a log)."""
    size = len(article.title) + sum(map(len, article.paragraphs))
    if size > settings.article_max_chars:
        raise SourceError(
            f"{article.title[:60]!r} has {size} characters of text, over the {settings.article_max_chars} "
            "allowed for one article (READER_ARTICLE_MAX_CHARS); is it really one article?",
            user_message="Bài viết quá dài (có lẽ không phải một bài), nên không được thêm vào.",
        )
    return article


def _from_text(text: str, source: str, html: bool) -> Article:
    if html or looks_like_html(text):
        return replace(parse_html(text, ""), source=source, url="")
    return parse_text_dump(text, source=source)
