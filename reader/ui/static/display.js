// Display settings for every page, kept in this browser (localStorage) so they hold
// across pages and visits, and settable by a link (?co=150&gian=wide&nen=dark) that a
// helper sends: text size (root font size, 100-250 %), line spacing, theme. Also the
// page language, the skip link in Vietnamese, and focus on an article's heading.
(function () {
  const SIZES = [100, 125, 150, 175, 200, 250];
  const SPACINGS = ["normal", "wide", "wider"];
  const THEMES = ["light", "contrast", "dark"];
  const KEYS = { size: "reader.textScale", spacing: "reader.lineSpacing", theme: "reader.theme" };
  const PARAMS = { size: "co", spacing: "gian", theme: "nen" };
  const root = document.documentElement;
  root.lang = "vi";
  const skipLabel = document.querySelector(".reader-display").dataset.skip;
  if (!root.dataset.readerBaseFontPx) {
    root.dataset.readerBaseFontPx = String(parseFloat(getComputedStyle(root).fontSize) || 16);
  }
  const base = parseFloat(root.dataset.readerBaseFontPx);

  function valid(name, value) {
    if (name === "size") return SIZES.includes(parseInt(value, 10));
    return (name === "spacing" ? SPACINGS : THEMES).includes(value);
  }
  const params = new URLSearchParams(window.location.search);
  Object.keys(KEYS).forEach(function (name) {
    const v = params.get(PARAMS[name]);
    if (v !== null && valid(name, v)) localStorage.setItem(KEYS[name], v);
  });
  function get(name) {
    const v = localStorage.getItem(KEYS[name]);
    if (v !== null && valid(name, v)) return name === "size" ? parseInt(v, 10) : v;
    return name === "size" ? 100 : name === "spacing" ? "normal" : "light";
  }

  function apply() {
    const size = get("size"), spacing = get("spacing"), theme = get("theme");
    root.style.fontSize = (base * size) / 100 + "px";
    root.dataset.readerTextScale = String(size);
    root.dataset.readerSpacing = spacing;
    root.dataset.readerTheme = theme;
    root.style.colorScheme = theme === "light" ? "light" : "dark";
    document.querySelectorAll(".reader-display").forEach(function (group) {
      group.querySelector(".reader-textsize-value").textContent = size + "%";
      group.querySelector('[data-size-step="-1"]').disabled = size === SIZES[0];
      group.querySelector('[data-size-step="1"]').disabled = size === SIZES[SIZES.length - 1];
      group.querySelectorAll("[data-spacing]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.spacing === spacing));
      });
      group.querySelectorAll("[data-theme]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.theme === theme));
      });
    });
  }

  function set(name, value) {
    localStorage.setItem(KEYS[name], String(value));
    apply();
  }

  document.querySelectorAll(".reader-display").forEach(function (group) {
    if (group.dataset.bound) return;
    group.dataset.bound = "1";
    group.querySelectorAll("[data-size-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        const i = SIZES.indexOf(get("size")) + parseInt(button.dataset.sizeStep, 10);
        set("size", SIZES[Math.max(0, Math.min(SIZES.length - 1, i))]);
      });
    });
    group.querySelectorAll("[data-spacing]").forEach(function (b) {
      b.addEventListener("click", function () { set("spacing", b.dataset.spacing); });
    });
    group.querySelectorAll("[data-theme]").forEach(function (b) {
      b.addEventListener("click", function () { set("theme", b.dataset.theme); });
    });
  });
  apply();

  // One live region for the whole page: result counts and other news are said here.
  if (!document.getElementById("reader-announce")) {
    const live = document.createElement("div");
    live.id = "reader-announce";
    live.className = "reader-visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
  }

  const skip = document.querySelector('[data-testid="stSkipToContent"]');
  if (skip && skip.textContent !== skipLabel) skip.textContent = skipLabel;

  // After opening an article, focus goes to its heading (once per page load).
  if (!window.readerHeadingWatch) {
    window.readerHeadingWatch = true;
    let tries = 0;
    (function focusHeading() {
      const heading = document.querySelector("h1.reader-title[data-focus]");
      if (heading) { heading.focus({ preventScroll: true }); return; }
      if (++tries < 100) setTimeout(focusHeading, 50);
    })();
  }
})();
