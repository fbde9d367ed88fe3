// The console dashboard's charts: each <canvas data-chart="…"> carries its chart as JSON made by the server
// (DashboardCharts: kind, labels, data sets named in the reader's language, null for a month without answers) and
// Chart.js, served from this site as a webjar, draws it. Without script the tables beside the charts say the same.
(function () {
  'use strict';
  var colours = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700'];

  function draw(canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var datasets = spec.datasets.map(function (set, i) {
      return {
        label: set.label,
        data: set.data,
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        spanGaps: true,
        tension: 0.2
      };
    });
    var chart = new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom' } }
      }
    });
    canvas.setAttribute('data-drawn', String(chart.data.datasets.length));
  }

  function start() {
    if (!window.Chart) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
