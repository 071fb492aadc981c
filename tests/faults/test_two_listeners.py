"""Two listeners press "Nghe bài" on one new article at the same moment.

The app serves every session from one process, one thread each: what the button calls
(`service.listen`) runs twice at once. Each chunk is asked of Google once, and both
listeners get the same whole MP3. (Checked by hand in two browsers as well: 25 requests
for 25 chunks.)
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from reader import service
from reader.articles.model import Article
from reader.audio.google_probe import stop_probes
from reader.audio.limiter import forget_limiters
from tests.fakes.google import FakeGoogle

ARTICLE = Article(
    id=7,
    title="Huyện An Biên tổng kết công tác năm 2023",
    paragraphs=(
        "Năm qua, kinh tế của huyện tiếp tục tăng trưởng khá, tổng giá trị sản xuất đạt hơn 12.500 tỷ đồng.",
        "Toàn huyện xuống giống lúa đông xuân được 41.200 ha, vượt kế hoạch đề ra.",
        "Công tác an sinh xã hội được quan tâm, các hộ nghèo được hỗ trợ kịp thời trước Tết Nguyên đán.",
    ),
)


def test_two_listeners_at_once_make_each_chunk_once_and_hear_the_same_audio(settings) -> None:
    forget_limiters()
    try:
        with FakeGoogle(latency=0.1) as google:
            online = settings.with_(gtts_url=google.url, engine="gtts", gtts_retries=1, gtts_backoff=0.001)
            chunks = service.script_for_article(ARTICLE, online).chunk_count()
            start = threading.Barrier(2)

            def press(_: int):
                start.wait()
                return service.listen(ARTICLE, online)

            with ThreadPoolExecutor(max_workers=2) as pool:
                first, second = pool.map(press, range(2))
            assert google.rpc_count == chunks
            assert len(set(google.texts)) == chunks
        assert first.mp3_path == second.mp3_path
        assert first.timings == second.timings
        assert service.stored_listen(ARTICLE, online) is not None
    finally:
        stop_probes()
        forget_limiters()
