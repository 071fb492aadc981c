"""What listeners and staff do, composed: the faults a listener must never see."""

from __future__ import annotations

import logging

import pytest

from reader import service
from reader.articles.model import Article
from reader.errors import LexiconError


@pytest.fixture
def offline(settings):
    return settings.with_(engine="espeak")


ARTICLE = Article(title="Tin UBND huyện", paragraphs=("UBND huyện họp phiên thường kỳ.",), id=7)


def test_a_broken_staff_lexicon_stops_staff_but_not_listeners(offline, caplog):
    offline.data_dir.mkdir(parents=True)
    (offline.data_dir / "lexicon.txt").write_text("UBND = u bê\nthis line has no equals sign\n", encoding="utf-8")

    with pytest.raises(LexiconError, match="line 2"):
        service.script_for_article(ARTICLE, offline)

    with caplog.at_level(logging.WARNING, logger="reader.service"):
        rendering = service.listen(ARTICLE, offline)
    assert rendering.mp3_path.stat().st_size > 0
    assert "without the staff lexicon" in caplog.text


def test_the_staff_lexicon_changes_what_is_heard(offline):
    offline.data_dir.mkdir(parents=True)
    before = service.script_for_article(ARTICLE, offline).to_text()
    (offline.data_dir / "lexicon.txt").write_text("phiên thường kỳ = phiên họp thường kỳ\n", encoding="utf-8")
    after = service.script_for_article(ARTICLE, offline).to_text()
    assert "phiên thường kỳ" in before and "phiên họp thường kỳ" in after
