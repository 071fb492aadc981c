"""Screenshots of every page as its users see it, and the layout faults found on them.

    .venv/bin/python -m bench.screens                      # all pages, sizes, widths, themes
    .venv/bin/python -m bench.screens --out /tmp/screens --only article --themes contrast

A real `streamlit run app.py` (the samples, the fake Google on 127.0.0.1, a staff
password) and a headless Chromium (Debian's, as in tests/ui/conftest.py) visit the list,
an article before and while playing (the sentence read highlighted) and with a sentence
chosen by the keyboard (its focus outline beside the highlight), the bulletin, a
category, and the staff area (log-in, add, library, article review, lexicon, health).
Each is taken at 100 % and 200 % of the product's text size (`?co=`) and at 200 %
browser zoom (half the CSS viewport at two device pixels a CSS pixel, which is what a
browser's zoom does to the layout), at a phone width (360x740) and on a desktop
(1280x900), in every theme the display control offers. PNGs go to --out (default: a
new temp dir): the whole page (`NAME.png`) and the first screen (`NAME-top.png`).

For each shot it also prints what a person would trip over, found from the DOM:
sideways scrolling; elements reaching past the right edge; controls smaller than
44x44 CSS px (links inside running text excepted); text cut by its box (a clipped
line, a diacritic cut by a tight line-height: overflow hidden and content taller or
wider than the box); and, walking the page with Tab, focus stops without a visible
indicator (no outline of at least 2 px and no box-shadow). Figures, never asserted.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import sys

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader import service  # noqa: E402
from reader.config import Settings  # noqa: E402
from tests.fakes.google import FakeGoogle  # noqa: E402
from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_app  # noqa: E402

PASSWORD = "ảnh chụp màn hình"
THEMES = ("light", "contrast", "dark")
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
#: name -> (product text size %, browser zoom)
SIZES = {"text100": (100, 1), "text200": (200, 1), "zoom200": (100, 2)}
WAIT_MS = 120_000
TALLEST = 6000

FAULTS_JS = """
() => {
  const W = document.documentElement.clientWidth;
  const out = {scroll: document.documentElement.scrollWidth - W, wide: [], small: [], clipped: []};
  const name = e => (e.getAttribute('aria-label') || e.innerText || e.value || e.tagName).trim().slice(0, 40).replace(/\\s+/g, ' ');
  const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  for (const e of document.querySelectorAll('.stMain *')) {
    if (!shown(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.right > W + 1 && !e.closest('[data-testid=stDataFrame], .reader-visually-hidden')) out.wide.push(name(e) + ' @' + Math.round(r.right));
    const s = getComputedStyle(e);
    const hides = /(hidden|clip)/.test(s.overflowX + s.overflowY) || s.textOverflow === 'ellipsis';
    if (hides && e.innerText && e.innerText.trim() && !e.closest('.reader-visually-hidden, [data-testid=stDataFrame]')
        && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
      out.clipped.push(name(e) + ' ' + e.clientWidth + 'x' + e.clientHeight + ' < ' + e.scrollWidth + 'x' + e.scrollHeight);
  }
  const controls = 'button, a[href], input:not([type=hidden]), select, summary, textarea, [role=button], [role=radio], [role=checkbox], [role=tab], [role=combobox], [tabindex="0"]';
  for (const e of document.querySelectorAll(controls)) {
    if (!shown(e) || e.closest('.reader-article-body p, .reader-source, [data-testid=stDataFrame]')) continue;
    if (e.matches('[data-testid=stSkipToContent]')) continue;  // off screen until it has the focus
    if (e.matches('[role=radio], input[type=radio], input[type=checkbox]') && e.closest('label')) continue;
    const box = (e.closest('label') || e).getBoundingClientRect();
    if (box.width < 44 || box.height < 44) out.small.push(name(e) + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
  }
  out.wide = [...new Set(out.wide)].slice(0, 8);
  out.clipped = [...new Set(out.clipped)].slice(0, 8);
  out.small = [...new Set(out.small)].slice(0, 12);
  return out;
}
"""

FOCUS_JS = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  // Widgets such as Streamlit's text boxes show the focus on a wrapper (:focus-within).
  let outline = false, shadow = false;
  for (let a = e, i = 0; a && i < 4; a = a.parentElement, i++) {
    const st = getComputedStyle(a);
    outline = outline || (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2);
    shadow = shadow || (i === 0 && s.boxShadow && s.boxShadow !== 'none');
  }
  const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.tagName).trim().slice(0, 40).replace(/\\s+/g, ' ');
  return {name, tag: e.tagName, visible: outline || shadow, where: e.closest('[data-testid=stIFrame]') ? 'frame' : ''};
}
"""


@dataclass
class Shot:
    name: str
    visit: Callable  # (page, url) -> None: go there and wait until it is drawn
    staff: bool = False


def _article_ready(page) -> None:
    page.locator(".reader-article-body p").first.wait_for(timeout=WAIT_MS)
    page.locator(".reader-play, .st-key-listen button").first.wait_for(timeout=WAIT_MS)


def _visit_list(page, url, query: str) -> None:
    page.goto(f"{url}/{query}")
    page.locator(".reader-card-link").first.wait_for(timeout=WAIT_MS)


def _visit_article(page, url, query: str) -> None:
    page.goto(f"{url}/bai-viet{query}&id=1")
    _article_ready(page)


def _visit_playing(page, url, query: str) -> None:
    _visit_article(page, url, query)
    page.locator(".reader-play, .st-key-listen button").first.click()
    page.wait_for_function(
        "() => { const a = document.querySelector('.reader-player audio');"
        " return a && !a.paused && a.currentTime > 2.5 && document.querySelector('.reader-article-body .reader-s-current'); }",
        timeout=WAIT_MS,
    )
    page.evaluate("() => { document.querySelector('.reader-player audio').pause(); }")
    page.locator(".reader-article-body .reader-s-current").scroll_into_view_if_needed()


def _visit_sentence_chosen(page, url, query: str) -> None:
    """The transcript with the keyboard: Tab stop on the sentence read, one down the arrow."""
    _visit_playing(page, url, query)
    page.locator(".reader-shortcuts summary").click()  # the list of keys, open, in the whole-page shot
    page.locator(".reader-s[tabindex='0']").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)


def _visit_bulletin(page, url, query: str) -> None:
    page.goto(f"{url}/{query}&nghe=2")
    page.locator(".reader-player").wait_for(timeout=WAIT_MS)
    page.evaluate("() => { if (window.readerBulletinIntro) window.readerBulletinIntro.pause(); }")
    page.wait_for_timeout(500)
    page.evaluate("() => { const a = document.querySelector('.reader-player audio'); if (a) a.pause(); }")


def _visit_category(page, url, query: str) -> None:
    page.goto(f"{url}/{query}&muc=Nông+nghiệp+-+Nông+thôn")
    page.locator(".reader-card-link").first.wait_for(timeout=WAIT_MS)


def _staff(section: str | None):
    def visit(page, url, query: str) -> None:
        page.goto(f"{url}/quan-tri{query}")
        if section is None:
            page.get_by_label("Mật khẩu").wait_for(timeout=WAIT_MS)
            return
        if page.get_by_role("button", name="Đăng xuất").count() == 0:
            page.get_by_label("Mật khẩu").fill(PASSWORD)
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_role("button", name="Đăng xuất").wait_for(timeout=WAIT_MS)
        page.locator("[data-testid=stRadio] label", has_text=section).click()
        page.wait_for_timeout(300)
        page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=WAIT_MS)
        page.wait_for_timeout(500)
    return visit


SHOTS = (
    Shot("list", _visit_list),
    Shot("article", _visit_article),
    Shot("article-playing", _visit_playing),
    Shot("article-sentence-chosen", _visit_sentence_chosen),
    Shot("bulletin", _visit_bulletin),
    Shot("category", _visit_category),
    Shot("staff-login", _staff(None), staff=True),
    Shot("staff-add", _staff("Thêm bài"), staff=True),
    Shot("staff-library", _staff("Thư viện bài"), staff=True),
    Shot("staff-article", _staff("Duyệt và sửa bài"), staff=True),
    Shot("staff-lexicon", _staff("Cách phát âm"), staff=True),
    Shot("staff-health", _staff("Bộ nhớ và tình trạng"), staff=True),
)


def focus_walk(page, stops: int = 40) -> list[str]:
    """Tab through the page from its top; the stops with no visible focus indicator."""
    page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); }")
    bad, seen = [], set()
    for _ in range(stops):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_JS)
        if info is None:
            continue
        key = info["tag"] + info["name"]
        if key in seen:
            break
        seen.add(key)
        if not info["visible"] and info["where"] != "frame":
            bad.append(f"{info['tag']} {info['name']!r}")
    return bad


def shoot(page, folder: Path, name: str) -> None:
    """The first screen, then the whole page: Streamlit scrolls inside its main section, so
    the window is made as tall as the content for the picture, then put back."""
    page.screenshot(path=str(folder / f"{name}-top.png"))
    page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]'); if (m) m.scrollTop = 0; window.scrollTo(0, 0); }")
    size = page.viewport_size
    height = page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]'); return m ? m.scrollHeight : 0; }")
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": min(TALLEST, height)})
        page.wait_for_timeout(300)
        page.screenshot(path=str(folder / f"{name}.png"))
        page.set_viewport_size(size)
    else:
        page.screenshot(path=str(folder / f"{name}.png"))


def report(name: str, faults: dict, unfocused: list[str]) -> str:
    lines = []
    if faults["scroll"] > 0:
        lines.append(f"  sideways scroll: {faults['scroll']} px")
    for key, title in (("wide", "past the right edge"), ("clipped", "text cut by its box"), ("small", "controls under 44x44")):
        if faults[key]:
            lines.append(f"  {title}: " + "; ".join(faults[key]))
    if unfocused:
        lines.append("  focus not visible: " + "; ".join(unfocused[:8]))
    return f"{name}: " + ("ok" if not lines else "\n" + "\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the PNGs (default: a new temp dir)")
    parser.add_argument("--only", default="*", help="shot names to take, a glob (list, article*, staff-*)")
    parser.add_argument("--themes", nargs="+", default=list(THEMES), choices=THEMES)
    parser.add_argument("--widths", nargs="+", default=list(WIDTHS), choices=list(WIDTHS))
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--no-focus", action="store_true", help="skip the Tab walk (faster)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out = args.out or Path(tempfile.mkdtemp(prefix="reader-screens-"))
    out.mkdir(parents=True, exist_ok=True)
    shots = [s for s in SHOTS if fnmatch.fnmatch(s.name, args.only)]
    with tempfile.TemporaryDirectory() as tmp, FakeGoogle() as google, sync_playwright() as pw:
        data = Path(tmp) / "data"
        with service.open_library_with_samples(Settings(data_dir=data)):
            pass
        env = {**os.environ, "READER_DATA_DIR": str(data), "READER_CACHE_DIR": str(Path(tmp) / "cache"),
               "READER_ENGINE": "auto", "READER_GTTS_URL": google.url, "READER_STAFF_PASSWORD": PASSWORD}
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        with streamlit_app(env, Path(tmp)) as url:
            for width in args.widths:
                for size in args.sizes:
                    for theme in args.themes:
                        text, zoom = SIZES[size]
                        w, h = WIDTHS[width]
                        context = browser.new_context(viewport={"width": w // zoom, "height": h // zoom},
                                                      device_scale_factor=zoom, locale="vi-VN")
                        page = context.new_page()
                        page.set_default_timeout(WAIT_MS)
                        query = f"?co={text}&nen={theme}"
                        for shot in shots:
                            name = f"{shot.name}-{width}-{size}-{theme}"
                            try:
                                shot.visit(page, url, query)
                                page.wait_for_timeout(400)
                                faults = page.evaluate(FAULTS_JS)
                                shoot(page, out, name)
                                unfocused = [] if args.no_focus or shot.name.startswith("article-") else focus_walk(page)
                                print(report(name, faults, unfocused), flush=True)
                            except Exception as exc:  # a page that did not draw is itself a finding
                                why = re.sub(r"\s+", " ", str(exc))[:300]
                                print(f"{name}: FAILED {type(exc).__name__}: {why}", flush=True)
                        context.close()
        browser.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
