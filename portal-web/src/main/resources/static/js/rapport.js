// Keeps the console's SLA countdowns current while a page stays open: each <time class="countdown"> names its
// due instant (datetime) and its two wordings in the reader's language (data-in, data-over, with {h} and {m}).
// Each <time class="working-left"> names the working time left as the page was made (data-left-seconds) and
// whether the ticket's calendar was counting then (data-counting): only then does it count down, by the time
// the page has stayed open (until the page is loaded again, which asks ticket-service anew).
(function () {
  'use strict';
  var loaded = Date.now();
  function refresh() {
    var now = Date.now();
    document.querySelectorAll('time.working-left[data-left-seconds]').forEach(function (el) {
      if (el.dataset.counting !== 'true') { return; }
      var seconds = parseInt(el.dataset.leftSeconds, 10) - Math.floor((now - loaded) / 1000);
      if (isNaN(seconds)) { return; }
      var minutes = Math.max(Math.floor(seconds / 60), 0);
      el.textContent = minutes > 0
        ? el.dataset.left.replace('{h}', String(Math.floor(minutes / 60))).replace('{m}', String(minutes % 60))
        : el.dataset.none;
    });
    document.querySelectorAll('time.countdown[datetime]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('datetime'));
      if (isNaN(due)) { return; }
      var minutes = Math.floor((due - now) / 60000);
      var left = Math.abs(minutes);
      var words = minutes >= 0 ? el.dataset.in : el.dataset.over;
      if (!words) { return; }
      el.textContent = words.replace('{h}', String(Math.floor(left / 60))).replace('{m}', String(left % 60));
      el.classList.toggle('overdue', minutes < 0);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    refresh();
    setInterval(refresh, 30000);
  });
}());
