"""The article commands of the staff command line: import (files, stdin), delete."""

from __future__ import annotations

import io
import json

import pytest

from reader.cli import main
from tests.articles.test_identity import LONG_BODY, OTHER_BODY, page


@pytest.fixture
def env(settings, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("READER_CACHE_DIR", str(settings.cache_dir))
    return settings


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_several_files_one_bad_the_rest_stored(env, tmp_path, capsys):
    good = tmp_path / "a" / "tin.txt"
    other = tmp_path / "b" / "tin.txt"
    for path, body in ((good, LONG_BODY), (other, OTHER_BODY)):
        path.parent.mkdir()
        path.write_text(page("Cùng một tiêu đề", body), encoding="utf-8")
    code, out, err = run(capsys, "import", str(good), str(tmp_path / "missing.txt"), str(other))
    assert code == 1 and "missing.txt" in err
    ids = [int(line) for line in out.split()]
    assert len(set(ids)) == 2
    listed = json.loads(run(capsys, "list", "--json")[1])
    assert sorted(a["id"] for a in listed) == sorted(ids)
    assert all(a["source"].startswith("file:/") for a in listed)


def test_import_pasted_text_from_stdin_twice_is_one_article(env, capsys, monkeypatch):
    text = page("Triển khai phòng, chống hạn mặn", LONG_BODY)
    first = run(capsys, "import", "-", stdin=text, monkeypatch=monkeypatch)[1]
    second = run(capsys, "import", "-", stdin=text, monkeypatch=monkeypatch)[1]
    assert first == second and first.strip().isdigit()
    shown = json.loads(run(capsys, "show", first.strip(), "--json")[1])
    assert shown["source"].startswith("text:") and shown["notes"] == ["Tác giả: Minh Thư"]


def test_delete(env, tmp_path, capsys):
    path = tmp_path / "tin.txt"
    path.write_text(page("Triển khai phòng, chống hạn mặn", LONG_BODY), encoding="utf-8")
    article_id = run(capsys, "import", str(path))[1].strip()
    code, out, err = run(capsys, "delete", article_id)
    assert code == 0 and f"deleted {article_id}" in err
    assert json.loads(run(capsys, "list", "--json")[1]) == []
    code, out, err = run(capsys, "delete", article_id)
    assert code == 1 and article_id in err
