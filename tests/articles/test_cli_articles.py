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


def test_feeds_and_sources_commands(env, capsys, monkeypatch):
    from tests.fakes.portal import FakePortal

    with FakePortal() as site:
        monkeypatch.setenv("READER_ALLOW_HOSTS", "127.0.0.1")
        monkeypatch.setenv("READER_FETCH_DELAY_S", "0")
        code, out, err = run(capsys, "feeds", "add", site.url("/rss/tin-tuc.rss"))
        assert code == 0 and len(out.split()) == 3 and "3 new" in err
        code, out, err = run(capsys, "feeds", "refresh")
        assert code == 0 and out == "" and "not modified" in err
        listed = json.loads(run(capsys, "feeds", "list", "--json")[1])
        assert [f["url"] for f in listed] == [site.url("/rss/tin-tuc.rss")] and listed[0]["last_error"] == ""

        code, out, err = run(capsys, "feeds", "add", site.url("/rss/bomb.rss"))
        assert code == 1 and "entities" in err and out == ""

        code, out, err = run(capsys, "sources", "add", site.url("/chuyen-muc/tin-tuc"), "--pattern", "/tin-tuc/")
        assert code == 0 and out == "" and "0 new" in err  # the feed brought them already
        assert "pattern '/tin-tuc/'" in run(capsys, "sources", "list")[1]

        code, out, err = run(capsys, "feeds", "remove", site.url("/rss/tin-tuc.rss"))
        assert code == 0 and json.loads(run(capsys, "feeds", "list", "--json")[1]) == []
        code, out, err = run(capsys, "feeds", "remove", "99")
        assert code == 1 and "99" in err
        assert len(json.loads(run(capsys, "list", "--json")[1])) == 3


def test_delete_then_cache_prune_removes_its_audio(env, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("READER_ENGINE", "espeak")
    kept_path, gone_path = tmp_path / "giu.txt", tmp_path / "xoa.txt"
    kept_path.write_text(page("Triển khai phòng, chống hạn mặn", LONG_BODY), encoding="utf-8")
    gone_path.write_text(page("Tập huấn nuôi tôm càng xanh", OTHER_BODY), encoding="utf-8")
    ids = run(capsys, "import", str(kept_path), str(gone_path))[1].split()
    assert run(capsys, "pregenerate")[0] == 0
    assert json.loads(run(capsys, "cache", "stats", "--json")[1])["articles"] == 2
    assert run(capsys, "delete", ids[1])[0] == 0
    assert run(capsys, "cache", "prune")[0] == 0
    assert json.loads(run(capsys, "cache", "stats", "--json")[1])["articles"] == 1


def test_list_and_search_page_with_the_total_on_stderr(env, tmp_path, capsys):
    for number in range(5):
        path = tmp_path / f"tin-{number}.txt"
        path.write_text(page(f"Tin đê bao số {number}", LONG_BODY.replace("12.000", f"1{number}.000")), encoding="utf-8")
        assert run(capsys, "import", str(path))[0] == 0
    code, out, err = run(capsys, "list", "--json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2 and "1-2 of 5 shown (--offset 2 for more)" in err
    code, out, err = run(capsys, "list", "--limit", "2", "--offset", "4")
    assert len(out.splitlines()) == 1 and "5-5 of 5 shown" in err
    code, out, err = run(capsys, "list")
    assert len(out.splitlines()) == 5 and err == ""
    code, out, err = run(capsys, "search", "de bao", "--json", "--limit", "3", "--offset", "3")
    assert len(json.loads(out)) == 2 and "4-5 of 5 shown" in err
    code, out, err = run(capsys, "search", "khong co tu nay", "--json")
    assert code == 0 and json.loads(out) == [] and "no article matches" in err


def test_an_empty_library_says_so(env, capsys):
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and json.loads(out) == [] and "no articles" in err
