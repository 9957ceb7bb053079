// Draws the dashboard's charts with Chart.js from the figures the server put in #chart-data. The tables under the
// charts carry the same figures, so nothing is lost without JavaScript or for screen reader users.
(function () {
  if (typeof Chart === 'undefined') { return; }
  var data = JSON.parse(document.getElementById('chart-data').textContent || '{}');
  // colours distinguishable in greyscale and by people with colour blindness, each 3:1 or more against white
  var colours = ['#1d70b8', '#d4351c', '#00703c', '#6f72af', '#b58840'];
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  document.querySelectorAll('canvas[data-measure]').forEach(function (canvas) {
    var chart = data[canvas.getAttribute('data-measure')];
    if (!chart) { return; }
    var stacked = chart.type === 'stacked';
    new Chart(canvas, {
      type: chart.type === 'line' ? 'line' : 'bar',
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (s, i) {
          return { label: s.label, data: s.data, backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length],
                   borderWidth: 2, pointStyle: ['circle', 'rect', 'triangle', 'rectRot', 'star'][i % 5] };
        })
      },
      options: {
        animation: reduceMotion ? false : { duration: 300 },
        responsive: true,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
        plugins: { legend: { display: chart.series.length > 1, labels: { usePointStyle: true } } }
      }
    });
  });
})();
