// Keeps the portal's order list and order page current while they stay open (server-sent events, /portal/live).
// <main data-live> names the stream, data-live-since when the page was made (what changed after is replayed) and,
// on an order page, data-live-order the order it shows. On a change of that order (of any order, on the list) the
// page is read again from the server and each [data-live-region] is replaced by the fresh one: the words, dates and
// numbers stay the server's, in the reader's language. A dropped connection is resumed by the browser itself, which
// sends the id of the last event it had (Last-Event-ID); the server replays what came after it. "unread" events
// keep the header's inbox count current; "reset" (more missed than can be replayed) reloads the page.
(function () {
  'use strict';
  var main = document.querySelector('main[data-live]');
  if (!main || typeof window.EventSource !== 'function') { return; }
  var orderId = main.getAttribute('data-live-order') || '';
  var waiting = null;

  function said() {
    var status = document.querySelector('.live-status');
    if (!status) { return; }
    status.textContent = status.getAttribute('data-updated') + ' ' + new Date().toLocaleTimeString(document.documentElement.lang || undefined);
    status.hidden = false;
  }

  function refresh() {
    waiting = null;
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live-region]').forEach(function (region) {
          var name = region.getAttribute('data-live-region');
          var replacement = fresh.querySelector('[data-live-region="' + name + '"]');
          if (replacement) { region.replaceWith(document.importNode(replacement, true)); }
        });
        said();
      })
      .catch(function () { /* the next change tries again; a reload always shows the truth */ });
  }

  function unread(count) {
    var link = document.querySelector('a.nav-inbox');
    if (!link) { return; }
    var badge = link.querySelector('.unread-count');
    if (count > 0) {
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'unread-count';
        link.appendChild(badge);
      }
      badge.textContent = String(count);
      link.setAttribute('aria-label', (link.getAttribute('data-label-unread') || '').replace('{n}', String(count)));
    } else {
      if (badge) { badge.remove(); }
      link.setAttribute('aria-label', link.getAttribute('data-label') || '');
    }
  }

  var source = new EventSource(main.getAttribute('data-live') + '?since=' + encodeURIComponent(main.getAttribute('data-live-since') || ''));
  source.addEventListener('order', function (event) {
    var change;
    try { change = JSON.parse(event.data); } catch (ignored) { return; }
    if (orderId && change.orderId !== orderId) { return; }
    if (!waiting) { waiting = setTimeout(refresh, 300); }
  });
  source.addEventListener('unread', function (event) {
    try { unread(JSON.parse(event.data).unread); } catch (ignored) { /* a later count comes */ }
  });
  source.addEventListener('reset', function () { window.location.reload(); });
  window.addEventListener('pagehide', function () { source.close(); });
}());
