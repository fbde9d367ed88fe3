// Suggests published knowledge-base articles while a contact types the subject of a new request (portal's
// "Raise an issue"): 300 ms after the last key, a subject of 3 characters or more is sent to
// /portal/tickets/suggestions (data-url) and the answer's titles are shown as links in #kb-suggestions, as text
// (never as markup). Without this script the form still works, and the list is shown when the form comes back.
(function () {
  'use strict';
  var section = document.getElementById('kb-suggestions');
  var subject = document.getElementById('subject');
  if (!section || !subject || !window.fetch) { return; }
  var list = section.querySelector('ul');
  var timer = null;
  var asked = subject.value.trim();
  var latest = 0;
  function show(articles) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    articles.forEach(function (article) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = article.url;
      link.textContent = article.title;
      link.target = '_blank';
      link.rel = 'noopener';
      item.appendChild(link);
      list.appendChild(item);
    });
    section.hidden = articles.length === 0;
  }
  function ask() {
    var text = subject.value.trim();
    if (text === asked) { return; }
    asked = text;
    if (text.length < 3) { show([]); return; }
    var mine = ++latest;
    fetch(section.dataset.url + '?subject=' + encodeURIComponent(text), {
      credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (articles) {
      if (mine === latest) { show(Array.isArray(articles) ? articles : []); }
    }).catch(function () { /* suggestions are a help, never in the way */ });
  }
  subject.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 300);
  });
}());
