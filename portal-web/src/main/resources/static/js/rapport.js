// Keeps the console's SLA countdowns current while a page stays open: each <time class="countdown"> names its
// due instant (datetime) and its two wordings in the reader's language (data-in, data-over, with {h} and {m}).
(function () {
  'use strict';
  function refresh() {
    var now = Date.now();
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
