// The article's sentences (`.reader-s[data-s]`, see transcript.py) as ONE Tab stop with a
// roving tabindex: the stop is one sentence (tabindex 0, the others -1); ↑ ↓ ← → move it
// to the sentence before or after, Home and End to the first and last, Enter or Space
// reads from it. The sentences stay where they are in the heading and paragraphs, so a
// screen reader's reading mode still reads the article as an article; a listbox would
// make the whole article one form field there (and needs aria-activedescendant, which
// VoiceOver on phones follows badly), a list would need the paragraphs taken apart.
// Each sentence is described by one hidden hint that says where it is and what the keys
// do ("Câu 3 trên 40. …"), updated before it takes the focus. While the article plays,
// the stop follows the sentence being read, so Tab lands on it (unless a sentence has
// the focus: then the listener's choice stays).
(function () {
  if (window.ReaderTranscript) return;
  const SENTENCE = ".reader-s";
  const HINT_ID = "reader-transcript-hint";
  let labels = null;

  function sentences() { return Array.from(document.querySelectorAll(SENTENCE)); }
  function focused() {
    const a = document.activeElement;
    return a && a.matches && a.matches(SENTENCE) ? a : null;
  }

  function hint() {
    let h = document.getElementById(HINT_ID);
    if (!h) {
      h = document.createElement("span");
      h.id = HINT_ID;
      h.hidden = true;
      document.body.appendChild(h);
    }
    return h;
  }

  function describe(el, all) {
    if (!labels) return;
    const place = labels.transcript_position.replace("{position}", String(all.indexOf(el) + 1))
      .replace("{total}", String(all.length));
    hint().textContent = place + " " + labels.transcript_keys;
  }

  // The sentence that is the Tab stop: tabindex 0 on it, -1 on every other.
  function rove(el, focus) {
    const all = sentences();
    all.forEach(function (s) { if (s !== el && s.getAttribute("tabindex") !== "-1") s.setAttribute("tabindex", "-1"); });
    el.setAttribute("tabindex", "0");
    if (focus) { describe(el, all); el.focus(); }
  }

  // Every sentence focusable by script and described; one of them the Tab stop: the body's
  // first unless another was set (the title's sentence comes before the player in the Tab
  // order, so it is the stop only while it is the only one drawn, or chosen).
  function adopt() {
    const all = sentences();
    if (!all.length) return;
    all.forEach(function (s) {
      if (!s.hasAttribute("tabindex")) s.setAttribute("tabindex", "-1");
      if (!s.hasAttribute("aria-describedby")) s.setAttribute("aria-describedby", HINT_ID);
    });
    const body = all.find(function (s) { return s.closest(".reader-article-body"); });
    const stop = all.find(function (s) { return s.getAttribute("tabindex") === "0"; });
    if (!stop || (stop === all[0] && body && !focused())) rove(body || all[0], false);
  }

  // Streamlit draws a page in pieces (the body may come after the player, and the
  // bulletin replaces one article's text by the next): sentences are adopted as they come.
  let pending = false;
  function bringsSentences(record) {
    return Array.prototype.some.call(record.addedNodes, function (n) {
      return n.nodeType === 1 && (n.matches(SENTENCE) || n.querySelector(SENTENCE));
    });
  }
  new MutationObserver(function (records) {
    if (!labels || pending || !records.some(bringsSentences)) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; adopt(); });
  }).observe(document.body, { childList: true, subtree: true });

  const T = {
    // Called when a player is drawn: from then on the sentences are one Tab stop.
    bind(playerLabels) {
      labels = playerLabels;
      hint();
      adopt();
    },
    // The sentence being read becomes the stop, unless the listener is choosing one.
    follow(el) {
      if (el && !focused() && el.getAttribute("tabindex") !== "0") rove(el, false);
    },
    // A key pressed on a sentence; true when it was the transcript's.
    key(e, player) {
      const here = e.target.closest && e.target.closest(SENTENCE);
      if (!here) return false;
      const all = sentences();
      const i = all.indexOf(here);
      let to = null;
      switch (e.key) {
        case "ArrowDown": case "ArrowRight": to = all[Math.min(all.length - 1, i + 1)]; break;
        case "ArrowUp": case "ArrowLeft": to = all[Math.max(0, i - 1)]; break;
        case "Home": to = all[0]; break;
        case "End": to = all[all.length - 1]; break;
        case "Enter": case " ": case "Spacebar":
          if (player) player.playSentence(parseInt(here.dataset.s, 10));
          return true;
        default: return false;
      }
      if (to && to !== here) { adopt(); rove(to, true); }
      return true;
    },
  };

  // A sentence focused by Tab or a click says where it is before it is announced.
  document.addEventListener("focusin", function (e) {
    const s = e.target.closest && e.target.closest(SENTENCE);
    if (s && labels) { describe(s, sentences()); if (s.getAttribute("tabindex") !== "0") rove(s, false); }
  });
  window.ReaderTranscript = T;
})();
