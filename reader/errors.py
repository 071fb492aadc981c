"""One error tree for the whole reader.

Every error the reader raises on purpose is a ``ReaderError``; its message says
the probable cause in English (the CLI prints it as is). The UI shows
``user_message`` instead, which is Vietnamese.

    ReaderError
    ├── ConfigError            a READER_* setting has a value we cannot use
    │   └── LexiconError       the staff lexicon (data_dir/lexicon.txt) has a bad line
    ├── ArticleError
    │   ├── ArticleNotFound    no article with that id
    │   ├── SourceError        a file or URL we cannot read (missing, too big, refused)
    │   │   ├── FetchError     the network fetch failed (timeout, HTTP error, private address)
    │   │   └── FeedError      a feed or category page we cannot use (not a feed, unsafe XML)
    │   └── ExtractError       the source was read but holds no recognisable article
    ├── LibraryError           the library is unusable (newer schema, corrupt file, database down)
    ├── JobsUnavailable        the Redis job queue (READER_REDIS_URL) cannot be reached
    │   └── JobStalled         a worker's job failed, went silent or waited too long
    ├── ScriptError            nothing speakable in the text
    ├── OutputError            an output file asked for (MP3, timing map) cannot be written
    ├── Interrupted            a stop was asked for (Ctrl-C, SIGTERM) before the work was done
    └── AudioError
        ├── EngineUnavailable  the voice cannot be reached or is not installed
        ├── EngineError        the voice answered, but not with usable audio
        ├── CacheError         the clip cache cannot be written or read
        └── AssemblyError      ffmpeg/pydub could not build the article audio
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the reader raises on purpose."""

    user_message: str = "Đã có lỗi xảy ra. Vui lòng thử lại sau."

    def __init__(self, message: str, *, user_message: str | None = None) -> None:
        super().__init__(message)
        if user_message is not None:
            self.user_message = user_message


class ConfigError(ReaderError):
    user_message = "Cấu hình của ứng dụng không hợp lệ. Vui lòng báo cho quản trị viên."


class LexiconError(ConfigError):
    user_message = "Từ điển phát âm của cơ quan đang có lỗi. Vui lòng báo cho quản trị viên."


class ArticleError(ReaderError):
    user_message = "Không đọc được bài viết."


class ArticleNotFound(ArticleError):
    user_message = "Không tìm thấy bài viết này."


class SourceError(ArticleError):
    user_message = "Không mở được nguồn bài viết."


class FetchError(SourceError):
    user_message = "Không tải được trang bài viết. Vui lòng kiểm tra địa chỉ và thử lại."


class FeedError(SourceError):
    user_message = "Không đọc được nguồn tin tự động (RSS hoặc trang chuyên mục)."


class ExtractError(ArticleError):
    user_message = "Không nhận ra nội dung bài viết trong nguồn này."


class LibraryError(ReaderError):
    user_message = "Kho bài viết đang gặp sự cố. Vui lòng báo cho quản trị viên."


class JobsUnavailable(ReaderError):
    user_message = "Máy chủ xử lý đang bận. Vui lòng thử lại sau."


class JobStalled(JobsUnavailable):
    """The app then makes the audio itself; listeners never see this one."""


class ScriptError(ReaderError):
    user_message = "Bài viết không có nội dung để đọc."


class OutputError(ReaderError):
    user_message = "Không ghi được tệp kết quả."


class Interrupted(ReaderError):
    user_message = "Công việc đã bị dừng giữa chừng. Vui lòng thử lại."


class AudioError(ReaderError):
    user_message = "Không tạo được âm thanh cho bài viết."


class EngineUnavailable(AudioError):
    user_message = "Không kết nối được giọng đọc."


class EngineError(AudioError):
    user_message = "Giọng đọc trả về dữ liệu lỗi."


class CacheError(AudioError):
    user_message = "Không lưu được âm thanh vào bộ nhớ đệm."


class AssemblyError(AudioError):
    user_message = "Không ghép được âm thanh của bài viết."
