"""The staff operations (``reader.staff``) without the pages: password, audio status,
lexicon file safety, previews."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from reader import service
from reader.articles.library import Library
from reader.articles.model import Article
from reader.errors import ArticleNotFound, LexiconError
from reader.speech import staff_lexicon
from reader.staff import audio, auth, intake, lexicon_file, review
from reader.staff.audio import AudioStatus

ARTICLE = Article(
    title="UBND huyện họp bàn phòng chống triều cường",
    paragraphs=("Sáng 15/10, UBND huyện An Biên họp bàn.", "Các xã ven biển cần chuẩn bị bao cát."),
    category="Thời sự",
)


# -- password -------------------------------------------------------------------------------


def test_password_comparison_is_exact_and_needs_a_configured_password():
    assert auth.password_matches("bí mật", "bí mật")
    assert not auth.password_matches("bí mật ", "bí mật")
    assert not auth.password_matches("", "")
    assert not auth.password_matches("anything", "")


def test_secrets_come_before_the_environment(settings):
    env = settings.with_(staff_password="từ môi trường")
    assert auth.configured_password(env, {"staff_password": "từ secrets"}) == "từ secrets"
    assert auth.configured_password(env, {}) == "từ môi trường"
    assert auth.configured_password(settings, {}) == ""

    class Missing(dict):
        def get(self, key, default=None):
            raise FileNotFoundError("no secrets.toml")

    assert auth.configured_password(env, Missing()) == "từ môi trường"


def test_the_password_is_not_in_the_settings_repr(settings):
    assert "hidden-word" not in repr(settings.with_(staff_password="hidden-word"))


def test_a_changed_password_ends_open_sessions():
    assert auth.session_token("một") != auth.session_token("hai")
    assert auth.session_token("một") == auth.session_token("một")


def test_the_delay_grows_after_repeated_failures_and_is_forgotten(settings):
    now = [0.0]
    s = settings.with_(
        staff_login_free_attempts=2, staff_login_delay_seconds=1.0,
        staff_login_max_delay_seconds=5.0, staff_login_window_seconds=60.0,
    )
    throttle = auth.LoginThrottle(s, clock=lambda: now[0])
    slept: list[float] = []
    delays = []
    for _ in range(6):
        assert not auth.attempt("sai", "đúng", throttle, sleep=slept.append)
        delays.append(throttle.delay())
    assert delays == [0.0, 1.0, 2.0, 4.0, 5.0, 5.0]
    assert slept == [1.0, 2.0, 4.0, 5.0]
    now[0] = 61.0
    assert throttle.delay() == 0.0
    for _ in range(3):
        throttle.failed()
    assert throttle.delay() > 0
    assert auth.attempt("đúng", "đúng", throttle, sleep=slept.append)
    assert throttle.delay() == 0.0


# -- audio status ---------------------------------------------------------------------------


@pytest.fixture
def espeak_settings(settings):
    return settings.with_(engine="espeak")


def test_audio_status_follows_the_text_and_the_lexicon(espeak_settings):
    s = espeak_settings
    with Library.open(s) as library:
        article = library.add(ARTICLE)
        assert audio.audio_status(article, s) is AudioStatus.NONE
        summary = audio.make_audio([article], s)
        assert summary.done == [article]
        assert audio.audio_status(article, s) is AudioStatus.OFFLINE  # espeak only, no Google
        lexicon_file.write(s, "UBND = U bê en đê\n")
        assert audio.audio_status(article, s) is AudioStatus.OUTDATED_SPEECH
        audio.make_audio([article], s)
        assert audio.audio_status(article, s) is AudioStatus.OFFLINE
        edited = library.update(article.id, replace(article, paragraphs=(*article.paragraphs, "Thêm một đoạn.")))
        assert audio.audio_status(edited, s) is AudioStatus.OUTDATED_TEXT
        other = library.add(Article(title="Một bài khác hẳn", paragraphs=("Không liên quan gì.",)))
        assert audio.audio_status(other, s) is AudioStatus.NONE
        service.prune_audio(library, s)
        assert audio.audio_status(edited, s) is AudioStatus.NONE  # old audio pruned: honestly none
        assert audio.without_audio([edited, other], s) == [edited, other]


def test_google_audio_is_ready(settings):
    from tests.fakes.google import FakeGoogle

    with FakeGoogle() as google:
        s = settings.with_(gtts_url=google.url)
        audio.make_audio([ARTICLE], s)
        assert audio.audio_status(ARTICLE, s) is AudioStatus.READY
        assert audio.without_audio([ARTICLE], s) == []


def test_update_keeps_the_id_and_refuses_a_missing_article(settings):
    with Library.open(settings) as library:
        stored = library.add(ARTICLE)
        changed = library.update(stored.id, replace(stored, title="Tiêu đề mới"))
        assert changed.id == stored.id and library.get(stored.id).title == "Tiêu đề mới"
        assert library.search("tieu de moi")[0].id == stored.id
        assert not library.search("trieu cuong phong chong")
        with pytest.raises(ArticleNotFound):
            library.update(9999, ARTICLE)


# -- review -----------------------------------------------------------------------------------


def test_differences_are_marked_word_by_word():
    written, spoken = review.mark_differences("Ngày 15/10, UBND họp.", "Ngày mười lăm tháng mười, Ủy ban nhân dân họp.")
    assert written == (("Ngày", False), ("15/10, UBND", True), ("họp.", False))
    assert spoken == (("Ngày", False), ("mười lăm tháng mười, Ủy ban nhân dân", True), ("họp.", False))
    assert review.mark_differences("Như viết.", "như viết") == ((("Như viết.", False),), (("như viết", False),))


def test_words_offered_for_the_lexicon_put_changed_words_first(settings):
    (row,) = review.review(service.script_for(["Họp tại UBND xã."], settings))
    assert row.words[0] == "UBND" and "xã" in row.words and len(set(row.words)) == len(row.words)


# -- lexicon file ---------------------------------------------------------------------------


def test_entries_keep_comments_and_order():
    text = "# ghi chú\nBCĐ = Ban Chỉ đạo\n\nUBND = Ủy ban\n"
    changed = lexicon_file.with_entry(text, "UBND", "Ủy ban nhân dân", replacing="UBND")
    assert changed == "# ghi chú\nBCĐ = Ban Chỉ đạo\n\nUBND = Ủy ban nhân dân\n"
    renamed = lexicon_file.with_entry(changed, "BCĐX", "Ban Chỉ đạo xã", replacing="BCĐ")
    assert renamed.splitlines()[1] == "BCĐX = Ban Chỉ đạo xã"
    added = lexicon_file.with_entry(renamed, "TP", "thành phố")
    assert added.endswith("TP = thành phố\n")
    assert lexicon_file.without_entry(added, "TP") == renamed
    assert lexicon_file.changed_written(text, added) == {"BCĐ", "BCĐX", "UBND", "TP"}


def test_a_bad_entry_never_reaches_the_disk(settings):
    path = staff_lexicon.lexicon_path(settings)
    lexicon_file.write(settings, "BCĐ = Ban Chỉ đạo\n")
    with pytest.raises(LexiconError) as caught:
        lexicon_file.write(settings, "BCĐ = Ban Chỉ đạo\nhỏng\n")
    assert "Dòng 2" in caught.value.user_message
    assert path.read_text(encoding="utf-8") == "BCĐ = Ban Chỉ đạo\n"
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".lexicon-")]
    assert os.stat(path).st_mode & 0o044 == 0o044  # group and others may read it


def test_a_failed_write_leaves_the_old_file_whole(settings, monkeypatch):
    lexicon_file.write(settings, "BCĐ = Ban Chỉ đạo\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lexicon_file.os, "replace", broken_replace)
    with pytest.raises(LexiconError) as caught:
        lexicon_file.write(settings, "BCĐ = Ban Chỉ đạo\nUBND = Ủy ban\n")
    assert "giữ nguyên" in caught.value.user_message
    path = staff_lexicon.lexicon_path(settings)
    assert path.read_text(encoding="utf-8") == "BCĐ = Ban Chỉ đạo\n"
    assert [p.name for p in path.parent.iterdir()] == ["lexicon.txt"]


def test_affected_articles_match_whole_words_as_the_lexicon_does():
    a = Article(title="Họp UBND", paragraphs=("Nội dung.",))
    b = Article(title="Tin khác", paragraphs=("UBNDX không phải UBND.",))
    c = Article(title="Tin thứ ba", paragraphs=("ubnd viết thường.",))
    assert lexicon_file.affected([a, b, c], {"UBND"}) == [a, b]
    assert lexicon_file.affected([a, b, c], {"UBNDX"}) == [b]
    assert lexicon_file.affected([a, b, c], set()) == []


# -- previews ---------------------------------------------------------------------------------


def test_the_same_pasted_text_is_one_source_and_another_text_another(settings):
    one = intake.preview_pasted("Tiêu đề\nĐoạn một.", settings).article
    again = intake.preview_pasted("Tiêu đề\nĐoạn một.\n", settings).article
    other = intake.preview_pasted("Tiêu đề\nĐoạn khác.", settings).article
    assert one.source == again.source != other.source
    assert one.source.startswith("text:")


def test_dropped_lines_are_what_the_article_left_out(settings):
    text = "Trang chủ > Tin tức\nTiêu đề bài\n(08:00 | 01/02/2024)\nĐoạn một.\nĐoạn hai ./.\nTin liên quan\nBài khác\n"
    preview = intake.preview_pasted(text, settings)
    assert preview.article.paragraphs == ("Đoạn một.", "Đoạn hai.")
    assert preview.dropped == ("Trang chủ > Tin tức", "Tin liên quan", "Bài khác")


def test_a_bug_while_making_audio_never_stops_the_app_for_listeners(settings, monkeypatch):
    from reader import stopping

    def broken(script, settings, engine=None, out_path=None):
        raise RuntimeError("a bug")

    monkeypatch.setattr(service, "render_script", broken)
    with pytest.raises(RuntimeError):
        audio.make_audio([ARTICLE], settings.with_(engine="espeak"))
    assert not stopping.stop_requested()


def test_an_article_that_fails_is_reported_and_the_others_are_made(espeak_settings, monkeypatch):
    from reader.errors import EngineError

    real = service.render_script

    def picky(script, settings, engine=None, out_path=None):
        if "hỏng" in script.to_text():
            raise EngineError("voice answered garbage", user_message="Giọng đọc trả về dữ liệu lỗi.")
        return real(script, settings, engine, out_path)

    monkeypatch.setattr(service, "render_script", picky)
    bad = Article(title="Bài hỏng", paragraphs=("Nội dung.",))
    seen = []
    summary = audio.make_audio([ARTICLE, bad], espeak_settings, on_done=lambda a, e: seen.append((a.title, e)))
    assert summary.done == [ARTICLE] and [a for a, _ in summary.failed] == [bad]
    assert sorted(title for title, _ in seen) == sorted([ARTICLE.title, bad.title])
