// Nghe tin mới: the spoken intro of the article ("Tin thứ 2, ngày …") is played, then
// the article's player is started (waiting for it to be drawn if it is not yet there).
// One intro plays at a time: moving to another article silences the one before.
(function () {
  const el = document.querySelector(".reader-bulletin-intro:not([data-bound])");
  if (!el) return;
  el.dataset.bound = "1";
  if (window.readerBulletinIntro) window.readerBulletinIntro.pause();
  const intro = new Audio(el.dataset.src);
  window.readerBulletinIntro = intro;
  let started = false;
  function startPlayer(tries) {
    if (started || !document.contains(el)) return;
    let p = window.ReaderPlayer && window.ReaderPlayer.live();
    if (p && String(p.articleId) !== el.dataset.article) p = null;   // the article before, not yet replaced
    if (!p) { if (tries > 0) setTimeout(function () { startPlayer(tries - 1); }, 200); return; }
    started = true;
    if (p.audio.paused && !(p.audio.currentTime > 0)) p.toggle();
  }
  intro.addEventListener("ended", function () { startPlayer(600); });
  intro.addEventListener("error", function () { startPlayer(600); });
  const playing = intro.play();
  // No permission to play sound (a page opened by its address): the listener presses play.
  if (playing && playing.catch) playing.catch(function () {});
})();
