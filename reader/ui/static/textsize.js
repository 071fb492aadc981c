// Text size for the whole page, kept in this browser (localStorage) so that it
// holds across pages and visits. Also sets the page language for screen readers.
(function () {
  const STEPS = [100, 125, 150, 175, 200];
  const KEY = "reader.textScale";
  const root = document.documentElement;
  root.lang = "vi";
  if (!root.dataset.readerBaseFontPx) {
    root.dataset.readerBaseFontPx = String(parseFloat(getComputedStyle(root).fontSize) || 16);
  }
  const base = parseFloat(root.dataset.readerBaseFontPx);

  function current() {
    const saved = parseInt(window.localStorage.getItem(KEY) || "100", 10);
    return STEPS.includes(saved) ? saved : 100;
  }

  function apply(scale) {
    root.style.fontSize = (base * scale) / 100 + "px";
    root.dataset.readerTextScale = String(scale);
    document.querySelectorAll(".reader-textsize").forEach(function (group) {
      group.querySelector(".reader-textsize-value").textContent = scale + "%";
      group.querySelector('[data-step="-1"]').disabled = scale === STEPS[0];
      group.querySelector('[data-step="1"]').disabled = scale === STEPS[STEPS.length - 1];
    });
  }

  function change(step) {
    const i = STEPS.indexOf(current()) + step;
    const scale = STEPS[Math.max(0, Math.min(STEPS.length - 1, i))];
    window.localStorage.setItem(KEY, String(scale));
    apply(scale);
  }

  document.querySelectorAll(".reader-textsize").forEach(function (group) {
    if (group.dataset.bound) return;
    group.dataset.bound = "1";
    group.querySelectorAll("button[data-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        change(parseInt(button.dataset.step, 10));
      });
    });
  });
  apply(current());
})();
