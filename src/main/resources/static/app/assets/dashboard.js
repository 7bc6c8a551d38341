// Draws the dashboard's charts from the figures the page carries (#dashboard-data, an escaped attribute); the tables beside them hold the
// same figures with links to the cases they count. Clicking a bar opens the case list behind it.
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').dataset.dashboard);
  const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  const rows = data.pipeline.filter(r => r.total > 0);
  window.dashboardCharts = [];

  const pipeline = new Chart(document.getElementById('pipeline-chart'), {
    type: 'bar',
    data: {
      labels: rows.map(r => r.councilName),
      datasets: data.states.map((s, i) => ({
        label: data.stateLabels[s], data: rows.map(r => r.byState[s]), backgroundColor: palette[i % palette.length], state: s
      }))
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      onClick: (event, elements) => {
        if (elements.length) {
          const e = elements[0];
          const state = pipeline.data.datasets[e.datasetIndex].state;
          window.location.href = 'cases?council=' + encodeURIComponent(rows[e.index].councilCode) + '&state=' + encodeURIComponent(state);
        }
      }
    }
  });
  window.dashboardCharts.push(pipeline);

  window.dashboardCharts.push(new Chart(document.getElementById('stage-chart'), {
    type: 'bar',
    data: {
      labels: data.stageTimes.map(s => s.name),
      datasets: [
        { label: '中央値（時間）', data: data.stageTimes.map(s => s.medianHours), backgroundColor: palette[0] },
        { label: '90パーセンタイル（時間）', data: data.stageTimes.map(s => s.p90Hours), backgroundColor: palette[1] }
      ]
    },
    options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false }
  }));

  const budget = data.budget.filter(b => b.budgetYen > 0 || b.committedYen > 0);
  window.dashboardCharts.push(new Chart(document.getElementById('budget-chart'), {
    type: 'bar',
    data: {
      labels: budget.map(b => b.councilName),
      datasets: [
        { label: '予算', data: budget.map(b => b.budgetYen), backgroundColor: palette[9] },
        { label: '交付決定見込', data: budget.map(b => b.committedYen), backgroundColor: palette[0] },
        { label: '申請', data: budget.map(b => b.claimedYen), backgroundColor: palette[1] },
        { label: '支払済', data: budget.map(b => b.paidYen), backgroundColor: palette[4] }
      ]
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
  }));
  document.body.setAttribute('data-charts-ready', String(window.dashboardCharts.length));
})();
