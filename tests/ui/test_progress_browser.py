"""In a province, a listener of an article nobody has heard yet hears the parts a worker
makes as they come and reads (or is told) how far the worker is."""

from __future__ import annotations

import re
import signal

import pytest
from playwright.sync_api import expect
from rq.job import Job, JobStatus

from tests.fakes.google import FakeGoogle
from tests.province.test_progress import ARTICLE, _env
from tests.province.test_workers import _until, _worker
from tests.ui.conftest import streamlit_app

pytestmark = pytest.mark.browser

SEE_PROGRESS = """
window.progressSeen = [];
window.played = [];
new MutationObserver(() => {
  const p = document.querySelector('.reader-progress');
  if (p && !p.hidden && p.textContent && window.progressSeen[window.progressSeen.length - 1] !== p.textContent)
    window.progressSeen.push(p.textContent);
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
document.addEventListener('playing', e => window.played.push(e.target.src), true);
"""


def test_the_listener_is_told_how_far_the_worker_is(settings, redis_url, browser, tmp_path):
    from reader.articles.library import Library
    from reader.jobs import queue as jobs

    province = settings.with_(redis_url=redis_url, worker_heartbeat_seconds=1)
    with Library.open(province) as library:
        article = library.add(ARTICLE)
    with FakeGoogle(latency=0.4) as google:
        env = _env(province, google.url)
        worker = _worker(env)
        try:
            _until(lambda: jobs.workers_exist(province), 60, "the worker to start")
            with streamlit_app(env, tmp_path) as url:
                page = browser.new_page(locale="vi-VN")
                page.add_init_script(SEE_PROGRESS)
                page.goto(f"{url}/bai-viet?id={article.id}")
                page.get_by_role("button", name=re.compile("Nghe bài")).click()
                player = page.get_by_role("region", name="Trình nghe bài")
                expect(player).to_be_visible(timeout=60_000)
                progress = player.locator(".reader-progress")
                expect(progress).to_have_attribute("role", "status")
                # Six parts: the title with the first paragraph, then one paragraph each.
                told = re.compile(r"Đang chuẩn bị bài đọc: phần \d trên 6")
                expect(progress).to_contain_text(told, timeout=60_000)
                google.hang = True  # the worker waits for Google: the progress stays on screen
                from axe_playwright_python.sync_playwright import Axe

                checked = Axe().run(page)
                assert checked.violations_count == 0, checked.generate_report()
                expect(progress).to_be_visible()
                google.hang = False
                expect(player.get_by_role("link", name=re.compile("Tải bài đọc"))).to_be_visible(timeout=120_000)
                expect(progress).to_be_hidden()
                seen = page.evaluate("window.progressSeen")
                numbers = [int(m.group(1)) for m in (re.search(r"phần (\d) trên 6", s) for s in seen) if m]
                assert numbers and numbers == sorted(numbers), seen  # only ever forward
                assert len(page.evaluate("window.played")) >= 1
                page.close()
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(30)
    job = Job.fetch(f"audio-{article.id}", connection=jobs.connection(province))
    assert job.get_status() == JobStatus.FINISHED  # the worker made it all
