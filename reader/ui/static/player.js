// The article player: big play/pause, ±10 s, previous/next sentence, named speeds
// (kept in localStorage), elapsed/total time, the sentence being read highlighted in
// the article (`.reader-s[data-s]`), a click or Enter on a sentence reads from there
// (the sentences are one Tab stop: transcript.js),
// the position kept per article ("Nghe tiếp"), and page-wide keyboard shortcuts.
// The player's markup never changes for an article; its audio comes by feed messages
// (ReaderPlayer.feed): {kind: "part", index, src, timings, duration} while the article
// is being made, parts played one after another, then {kind: "whole", src, timings},
// switched to at the same place. Messages are idempotent (a rerun may send them again).
// While a worker makes the article, {kind: "progress", stage, ready, total} says how far
// it is, in a line of its own (spoken when nothing plays, so it never talks over the voice).
(function () {
  const RATE_KEY = "reader.playbackRate";
  const RATES = [0.75, 1, 1.25, 1.5];
  const posKey = (id) => "reader.position." + id;

  function fmt(seconds) {
    if (!isFinite(seconds) || seconds < 0) seconds = 0;
    const s = Math.floor(seconds);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(r).padStart(2, "0");
  }

  function savedRate() {
    const r = parseFloat(localStorage.getItem(RATE_KEY) || "1");
    return RATES.includes(r) ? r : 1;
  }

  function Player(root) {
    const cfg = JSON.parse(root.dataset.config);
    const L = cfg.labels;
    const audio = document.createElement("audio");
    audio.preload = "metadata";
    audio.className = "reader-audio";
    root.appendChild(audio);
    const playButton = root.querySelector(".reader-play");
    const playLabel = root.querySelector(".reader-play-label");
    const playIcon = root.querySelector(".reader-play-icon");
    const status = root.querySelector(".reader-status");
    const progress = root.querySelector(".reader-progress");
    const elapsed = root.querySelector(".reader-elapsed");
    const total = root.querySelector(".reader-total");
    // Segments of the timeline: the whole article is one segment; early parts are many.
    let parts = [];          // [{src, offset (s), duration (s), timings}]
    let partIndex = 0;
    let whole = null;        // {src, timings} once the whole article exists
    let timings = [];        // [{start, end, s}] in ms on the article's timeline
    let current = -1;        // index in timings of the highlighted row
    let lastSaved = 0;
    let pendingSeek = null;
    let switching = false;   // moving from a part to the next, or to the whole article
    let everPlayed = false;  // nothing is highlighted before the listener starts

    const self = { root, audio };

    function timelineNow() {
      if (pendingSeek !== null && audio.readyState < 1) return pendingSeek + (parts.length && !whole ? parts[partIndex].offset : 0);
      return (parts.length && !whole ? parts[partIndex].offset : 0) + (audio.currentTime || 0);
    }
    function timelineTotal() {
      if (whole || !parts.length) return isFinite(audio.duration) && whole ? audio.duration : (timings.length ? timings[timings.length - 1].end / 1000 : 0);
      const last = parts[parts.length - 1];
      return last.offset + last.duration;
    }

    function say(text) { status.textContent = text; }
    function sayState() {
      if (!audio.paused && !audio.ended) say(L.status_playing);
      else if (audio.currentTime >= 0.5 && !audio.ended) say(L.status_paused);
      else say(storedPosition() ? L.resume_offer.replace("{time}", fmt(storedPosition())) : L.status_ready);
    }

    function setPlayLabel() {
      const playing = !audio.paused && !audio.ended;
      const midway = audio.currentTime >= 0.5 && !audio.ended;
      const resume = !playing && (midway || (audio.currentTime < 0.5 && storedPosition()));
      playLabel.textContent = playing ? playButton.dataset.labelPause : resume ? playButton.dataset.labelResume : playButton.dataset.labelPlay;
      playIcon.textContent = playing ? "❚❚" : "▶";
    }

    function storedPosition() {
      if (cfg.articleId == null) return 0;
      const v = parseFloat(localStorage.getItem(posKey(cfg.articleId)) || "0");
      return v > 5 ? v : 0;
    }

    function savePosition(force) {
      if (cfg.articleId == null) return;
      const now = timelineNow();
      if (!force && Math.abs(now - lastSaved) < 2) return;
      lastSaved = now;
      if (audio.ended) localStorage.removeItem(posKey(cfg.articleId));
      else localStorage.setItem(posKey(cfg.articleId), String(now.toFixed(1)));
    }

    function rowAt(ms) {
      let lo = 0, hi = timings.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (timings[mid].start <= ms) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      return found;
    }

    function span(row) {
      if (row < 0 || row >= timings.length || timings[row].s < 0) return null;
      return document.querySelector('.reader-s[data-s="' + timings[row].s + '"]');
    }

    function inView(el) {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }

    function highlight() {
      const row = everPlayed ? rowAt(Math.round(timelineNow() * 1000)) : -1;
      if (row === current) return;
      const before = span(current);
      const following = !before || inView(before);
      if (before) { before.classList.remove("reader-s-current"); before.removeAttribute("aria-current"); }
      current = row;
      const now = span(row);
      if (now) {
        now.classList.add("reader-s-current");
        now.setAttribute("aria-current", "true");
        window.ReaderTranscript.follow(now);
        if (following && !inView(now) && !audio.paused) now.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }

    function tick() {
      elapsed.textContent = fmt(timelineNow());
      const t = timelineTotal();
      if (t > 0) total.textContent = fmt(t);
      highlight();
      savePosition(false);
    }

    function loop() {
      tick();
      if (!audio.paused) requestAnimationFrame(loop);
    }

    function load(src, at, play) {
      switching = !!audio.src && (play || !audio.paused);
      pendingSeek = at || 0;
      audio.src = src;
      audio.playbackRate = savedRate();
      if (play) start();
    }

    function start() {
      audio.playbackRate = savedRate();
      const p = audio.play();
      if (p && p.catch) p.catch(function () { say(L.status_ready); setPlayLabel(); });
    }

    // Seek on the article's timeline (seconds), across parts while they are all there is.
    function seek(seconds) {
      everPlayed = true;
      const end = timelineTotal();
      seconds = Math.max(0, end ? Math.min(seconds, end - 0.05) : seconds);
      if (whole || !parts.length) {
        if (audio.readyState >= 1) audio.currentTime = seconds; else pendingSeek = seconds;
      } else {
        let i = parts.length - 1;
        while (i > 0 && parts[i].offset > seconds) i--;
        const within = seconds - parts[i].offset;
        if (i !== partIndex) { partIndex = i; load(parts[i].src, within, !audio.paused); }
        else audio.currentTime = within;
      }
      tick();
    }

    function waitingForNextPart() {
      return audio.ended && !whole && !pendingWhole && partIndex === parts.length - 1;
    }
    self.toggle = function () {
      if (!audio.src) { autoplay = true; resumeOnLoad = !!storedPosition(); return; }   // pressed before the audio came
      if (waitingForNextPart()) return;
      if (audio.paused || audio.ended) {
        if (audio.currentTime < 0.5 && storedPosition()) seek(Math.max(0, storedPosition() - 3));
        start();
      } else audio.pause();
    };
    self.skip = function (delta) { seek(timelineNow() + delta); };
    // A sentence asked for before its part is made is remembered and read when it comes.
    let wanted = null;
    function goToSpan(s) {
      const row = timings.findIndex(function (t) { return t.s >= s; });
      if (row < 0) return false;
      wanted = null;
      seek(timings[row].start / 1000 + 0.01);
      if (audio.paused) start();
      return true;
    }
    function wish(s) {
      if (!goToSpan(s) && !whole) { wanted = s; say(L.preparing); }
    }
    self.sentence = function (step) {
      if (!timings.length) return;
      let row = rowAt(Math.round(timelineNow() * 1000));
      if (step < 0 && row >= 0 && timelineNow() * 1000 - timings[row].start > 1500) step = 0;
      if (row + step >= timings.length && !whole) { wish(timings[timings.length - 1].s + 1); return; }
      row = Math.max(0, Math.min(timings.length - 1, row + step));
      seek(timings[row].start / 1000 + 0.01);
    };
    self.playSentence = function (s) { wish(s); };
    self.setRate = function (rate) {
      if (!RATES.includes(rate)) return;
      localStorage.setItem(RATE_KEY, String(rate));
      audio.playbackRate = rate;
      root.querySelectorAll(".reader-speed").forEach(function (b) {
        b.setAttribute("aria-pressed", parseFloat(b.dataset.rate) === rate ? "true" : "false");
      });
      say(L.speed + ": " + L.speed_names[String(rate)]);
    };
    self.stepRate = function (step) {
      const i = RATES.indexOf(savedRate()) + step;
      self.setRate(RATES[Math.max(0, Math.min(RATES.length - 1, i))]);
    };
    let autoplay = false;
    let resumeOnLoad = false;
    function addPart(part) {
      if (whole || parts.some(function (p) { return p.index === part.index; })) return;
      if (part.index !== parts.length) return;
      const prev = parts[parts.length - 1];
      const offset = prev ? prev.offset + prev.duration : 0;
      parts.push({ index: part.index, src: part.src, offset: offset, duration: part.duration / 1000 });
      part.timings.forEach(function (t) { timings.push({ start: t.start + offset * 1000, end: t.end + offset * 1000, s: t.s }); });
      ready();
      if (parts.length > 1) { const warm = new Audio(); warm.preload = "auto"; warm.src = part.src; }
      if (parts.length === 1) load(part.src, 0, autoplay);
      else if (audio.ended && partIndex === parts.length - 2) { partIndex += 1; load(part.src, 0, true); }
      if (wanted !== null) goToSpan(wanted);
      tick();
    }
    // The whole article replaces the parts where the playing part ends (at a pause
    // between paragraphs, so the change cannot be heard), or at once when not playing.
    let pendingWhole = null;
    function setWhole(src, wholeTimings) {
      if ((whole && whole.src === src) || (pendingWhole && pendingWhole.src === src)) return;
      if (!whole && parts.length === 1 && parts[0].src === src) {
        // The article was already made: its one part is the whole article.
        whole = { src: src }; timings = wholeTimings; current = -1; ready(); tick(); return;
      }
      pendingWhole = { src: src, timings: wholeTimings };
      ready();
      if (!parts.length || audio.paused || audio.ended) adoptWhole();
    }
    function adoptWhole() {
      const next = pendingWhole;
      if (!next) return;
      pendingWhole = null;
      const at = timelineNow(), playing = !audio.paused && !audio.ended;
      const started = parts.length > 0 && (playing || at > 0);
      whole = { src: next.src };
      timings = next.timings;
      current = -1;
      ready();
      const from = started ? at : resumeOnLoad ? Math.max(0, storedPosition() - 3) : 0;
      load(next.src, from, started ? playing || audio.ended : autoplay);
      if (wanted !== null) goToSpan(wanted);
      tick();
    }
    function showProgress(m) {
      const finished = whole || pendingWhole || m.stage === "done" || m.stage === "failed" || (m.total && m.ready >= m.total);
      if (finished) { progress.hidden = true; progress.textContent = ""; return; }
      const text = m.total ? L.progress_part.replace("{part}", String(Math.min(m.ready + 1, m.total))).replace("{total}", String(m.total))
        : L.progress_queued;
      progress.setAttribute("aria-live", !audio.paused && !audio.ended ? "off" : "polite");
      progress.hidden = false;
      if (progress.textContent !== text) progress.textContent = text;
    }
    function ready() {
      const wasBusy = playButton.disabled;
      root.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
      if (wasBusy && (document.activeElement === document.body || !document.activeElement)) playButton.focus({ preventScroll: true });
      root.setAttribute("aria-busy", "false");
      const link = root.querySelector(".reader-download");
      const made = whole || pendingWhole;
      if (made) { link.setAttribute("href", made.src); link.hidden = false; progress.hidden = true; }
      if (status.textContent === L.preparing) sayState();
      setPlayLabel();
    }
    self.feed = function (message) {
      if (message.autoplay) autoplay = true;
      if (message.offline) root.querySelectorAll(".reader-offline").forEach(function (n) { n.hidden = false; });
      if (message.kind === "part") addPart(message);
      else if (message.kind === "whole") setWhole(message.src, message.timings);
      else if (message.kind === "progress") showProgress(message);
    };
    self.articleId = cfg.articleId;

    audio.addEventListener("loadedmetadata", function () {
      if (pendingSeek) { audio.currentTime = pendingSeek; }
      pendingSeek = null;
      switching = false;
      tick();
    });
    audio.addEventListener("play", function () {
      everPlayed = true;
      if (switching) return;
      const left = timelineTotal() - timelineNow();
      say(left > 1 ? L.status_playing + " " + L.time_left.replace("{time}", fmt(left)) : L.status_playing);
      setPlayLabel();
      requestAnimationFrame(loop);
    });
    // After a change of source the label and status follow what the audio really does.
    audio.addEventListener("playing", function () {
      setPlayLabel();
      if (status.textContent === L.preparing) sayState();
    });
    audio.addEventListener("pause", function () {
      if (switching) return;
      if (pendingWhole && !audio.ended) adoptWhole();
      if (!audio.ended) say(L.status_paused);
      setPlayLabel(); savePosition(true);
    });
    audio.addEventListener("ended", function () {
      if (pendingWhole) { adoptWhole(); return; }
      if (!whole && partIndex < parts.length - 1) { partIndex += 1; load(parts[partIndex].src, 0, true); return; }
      if (!whole && parts.length) { say(L.preparing); playLabel.textContent = L.preparing_short; return; }
      say(L.status_ended); savePosition(true); setPlayLabel();
      const then = cfg.onEnd && document.querySelector(cfg.onEnd);
      if (then && !then.disabled) then.click();
    });
    audio.addEventListener("error", function () { if (audio.src) say(L.status_error); setPlayLabel(); });
    audio.addEventListener("timeupdate", tick);

    playButton.addEventListener("click", self.toggle);
    root.querySelectorAll("[data-action]").forEach(function (b) {
      b.addEventListener("click", function () {
        const step = parseInt(b.dataset.step, 10);
        if (b.dataset.action === "seek") self.skip(step); else self.sentence(step);
      });
    });
    root.querySelectorAll(".reader-speed").forEach(function (b) {
      b.addEventListener("click", function () { self.setRate(parseFloat(b.dataset.rate)); });
    });
    window.ReaderTranscript.bind(L);
    self.setRate(savedRate());
    if (cfg.preparing) {
      root.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      root.setAttribute("aria-busy", "true");
      playLabel.textContent = L.preparing_short;
      playIcon.textContent = "";
      say(L.preparing);
    } else {
      sayState();
      setPlayLabel();
    }
    tick();
    return self;
  }

  document.querySelectorAll(".reader-player:not([data-bound])").forEach(function (root) {
    root.dataset.bound = "1";
    const old = window.ReaderPlayer.current;
    if (old && old.root !== root) old.audio.pause();
    const player = Player(root);
    window.ReaderPlayer.current = player;
    const waiting = window.ReaderPlayer.pending;
    window.ReaderPlayer.pending = [];
    waiting.forEach(function (item) { if (item[0] === player.articleId) player.feed(item[1]); });
  });
})();
