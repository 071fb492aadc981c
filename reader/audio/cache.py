"""Content-addressed clip cache shared by every process (app, CLI, pregeneration workers).

A clip is named by what makes it: the engine, its voice and the spoken text. So a
chunk is never asked of Google twice, two processes making the same clip at once
both end with one whole file, and a reader never sees half a file: files are written
to a temporary name in the same directory, flushed to disk, then renamed into place
(``os.replace`` is atomic). An empty or unreadable file — left by a crash on a
filesystem that lost the data — counts as missing and is removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Iterator

from reader.errors import CacheError, OutputError

# Bump when the meaning of a key changes (e.g. how text is serialized): old clips are then ignored.
KEY_VERSION = 1


def stable_hash(value: object) -> str:
    """sha256 of a canonical JSON serialization: the same on every machine and process."""
    blob = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def clip_key(engine_name: str, voice: str, spoken_text: str) -> str:
    """The cache key of one clip: which engine, which voice, which exact text."""
    return stable_hash(["clip", KEY_VERSION, engine_name, voice, spoken_text])


# Readable by the group and others: a web server running as another user serves what
# staff made (mkstemp alone would leave 0600).
FILE_MODE = 0o644


def atomic_write(path: Path, data: bytes, *, make_parents: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_output(path: Path, data: bytes) -> None:
    """Write a file the user asked for: atomically when it is (or will be) a regular file,
    straight through when it is a device or a pipe (``-o /dev/null`` must stay a device).
    A folder that does not exist is an error, never created: a typo in ``-o`` must not
    leave new folders about."""
    path = check_output_path(Path(path))
    if path.exists() and not path.is_file():
        with path.open("wb") as f:
            f.write(data)
        return
    atomic_write(path, data, make_parents=False)


def check_output_path(path: Path) -> Path:
    """``path`` if a file can be written there; ``OutputError`` saying why not (checked
    before costly work, so a typo is found before the audio is made)."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"Cannot write {path}: it is a folder; give a file name")
    if not path.exists() and not path.parent.is_dir():
        raise OutputError(f"Cannot write {path}: its folder does not exist (create it first, or check the path)")
    return path


# A clip is MP3 (Google) or WAV (the offline voice, encoded only once, in the article).
CLIP_SUFFIXES = (".mp3", ".wav")


def clip_suffix(data: bytes) -> str:
    return ".wav" if data[:4] == b"RIFF" else ".mp3"


class ClipCache:
    """Clips under ``<directory>/clips/<ab>/<key>.mp3`` (or ``.wav``)."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.clips_dir = self.directory / "clips"

    def path_for(self, key: str, suffix: str = ".mp3") -> Path:
        """Where the clip ``key`` lives (sharded by its first two hex digits)."""
        if len(key) < 3 or not all(c in "0123456789abcdef" for c in key):
            raise CacheError(f"Not a clip key: {key!r}")
        return self.clips_dir / key[:2] / f"{key}{suffix}"

    def get(self, key: str, suffix: str | None = None) -> Path | None:
        """The clip's path if a usable file is there (of any clip suffix unless one is
        given); an empty or unreadable file is removed."""
        if suffix is None:
            for each in CLIP_SUFFIXES:
                if (found := self.get(key, each)) is not None:
                    return found
            return None
        path = self.path_for(key, suffix)
        try:
            size = path.stat().st_size
            if size > 0:
                with path.open("rb") as f:
                    if f.read(1):
                        return path
        except FileNotFoundError:
            return None
        except OSError:
            pass
        try:
            path.unlink()
        except OSError:
            pass
        return None

    def put(self, key: str, data: bytes, suffix: str | None = None) -> Path:
        """Store ``data`` as clip ``key`` atomically (suffix by its format unless given); returns its path."""
        if not data:
            raise CacheError(f"Refusing to cache an empty clip for key {key[:12]}")
        path = self.path_for(key, suffix or clip_suffix(data))
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise CacheError(f"Cannot write the clip cache at {self.clips_dir}: {exc}") from None
        return path

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def keys(self) -> Iterator[str]:
        """Every clip key present (for stats and pruning)."""
        if not self.clips_dir.is_dir():
            return
        for suffix in CLIP_SUFFIXES:
            for path in self.clips_dir.glob(f"*/*{suffix}"):
                yield path.stem
