// The page's one ReaderPlayer: which player is live, messages for it (feed) kept until
// it is drawn, and the page-wide keys and clicks that drive it (player.js draws it).
// Keys pressed on a sentence of the article go to the transcript first (transcript.js):
// there the arrows, Home and End choose a sentence and Enter or Space reads from it.
(function () {
  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  if (!window.ReaderPlayer) {
    window.ReaderPlayer = {
      current: null,
      // Messages fed before this script ran (see player.feed_html) wait here too.
      pending: window.readerPending || [],
      feed(articleId, message) {
        const p = this.live();
        if (p && p.articleId === articleId) p.feed(message);
        else this.pending.push([articleId, message]);
      },
      live() {
        const p = this.current;
        if (p && !document.contains(p.root)) { p.audio.pause(); this.current = null; }
        return this.current;
      },
    };
    document.addEventListener("keydown", function (e) {
      const p = window.ReaderPlayer.live();
      if (!p || e.ctrlKey || e.altKey || e.metaKey || editable(e.target)) return;
      if (window.ReaderTranscript && window.ReaderTranscript.key(e, p)) { e.preventDefault(); return; }
      const onControl = e.target.closest && e.target.closest("button, a, summary");
      const started = p.audio.currentTime > 0;
      let done = true;
      switch (e.key) {
        case " ": case "Spacebar": if (onControl) return; p.toggle(); break;
        case "ArrowLeft": p.skip(-10); break;
        case "ArrowRight": p.skip(10); break;
        case "ArrowUp": if (!started) return; p.sentence(-1); break;
        case "ArrowDown": if (!started) return; p.sentence(1); break;
        case "k": case "K": p.sentence(-1); break;
        case "j": case "J": p.sentence(1); break;
        case "+": case "=": p.stepRate(1); break;
        case "-": case "−": case "_": p.stepRate(-1); break;
        default: done = false;
      }
      if (done) e.preventDefault();
    });
    document.addEventListener("click", function (e) {
      const s = e.target.closest && e.target.closest(".reader-s");
      const p = window.ReaderPlayer.live();
      if (s && p) p.playSentence(parseInt(s.dataset.s, 10));
    });
  }
})();
