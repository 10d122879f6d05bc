// PortalKB web UI, Rankings view: every province with a figure of one metric (bar chart, each bar linking
// to its source article; a sortable table with CSV export; conflict markers) and a trend line chart for
// chosen provinces. Built by app.js with its helpers (ui); crawled text is only inserted as text.
'use strict';
window.PORTALKB_RANKINGS = function (ui) {
  const { $, el, t, api, safeHref, day } = ui;
  const COLORS = ['#0b6e4f', '#c44536', '#1f6feb', '#b8860b', '#6f42c1', '#2b9348', '#d9480f', '#495057'];
  const CONFLICT = '#d08700';
  let barChart = null, lineChart = null, ranking = null, sort = { key: 'rank', dir: 1 };

  const formatValue = (value, unit) => ui.format.figure(value, unit);
  const outlet = (report) => report.sourceName || report.source;
  const place = (cell) => cell.province + (cell.provinceToday && cell.provinceToday !== cell.province ? ' (' + t('rank.today', { p: cell.provinceToday }) + ')' : '');
  const sourceLink = (report, cls) => el('a', { href: safeHref(report.url), target: '_blank', rel: 'noopener noreferrer', class: cls || '', text: report.title || report.url });

  /** "⚠ also reported: 4,1% (source)" — every other value of a conflicting cell, each with its source. */
  function conflictNote(cell) {
    const note = el('span', { class: 'conflict', title: t('rank.conflictTitle') }, el('span', { text: '⚠ ' + t('rank.alsoReported') + ' ' }));
    cell.values.slice(1).forEach((v, i) => {
      if (i > 0) note.append(document.createTextNode('; '));
      note.append(el('strong', { text: formatValue(v.value, v.latest.unit) }), document.createTextNode(' — '), sourceLink(v.latest),
        el('span', { class: 'meta', text: ' · ' + outlet(v.latest) }));
    });
    return note;
  }

  async function render(p) {
    const metrics = (await ui.metricsLoaded).metrics;
    const select = $('#rank-metric');
    if (!select.options.length) metrics.forEach((m) => select.append(el('option', { value: m.id, text: ui.metricLabel(m.id) })));
    else Array.from(select.options).forEach((o) => { o.textContent = ui.metricLabel(o.value); });
    const metric = p.get('metric') || 'health_insurance_coverage';
    select.value = metric;
    $('#rank-order').value = p.get('order') === 'asc' ? 'asc' : 'desc';
    const query = new URLSearchParams({ metric, order: $('#rank-order').value });
    if (p.get('year')) query.set('year', p.get('year'));
    const csv = new URLSearchParams(query); csv.set('format', 'csv');
    $('#rank-export').href = '/api/rank?' + csv;
    $('#rank-rows').textContent = '';
    try {
      ranking = await api('/api/rank?' + query);
    } catch (e) {
      $('#rank-summary').textContent = e.message;
      return;
    }
    fillYears(ranking.years, p.get('year'));
    const conflicts = ranking.rows.filter((r) => r.cell.conflict).length;
    $('#rank-summary').textContent = t('rank.summary', { n: ranking.provincesWithFigure, m: ranking.provincesTotal })
      + (ranking.year ? '' : ' · ' + t('rank.latestEach')) + (conflicts ? ' · ' + t('rank.conflicts', { n: conflicts }) : '');
    drawBars();
    renderTable();
    const chosen = p.get('trend') || ranking.rows.slice(0, 3).map((r) => r.cell.province).join(', ');
    $('#trend-provinces').value = chosen;
    if (chosen) drawTrend(metric, chosen); else $('#trend-points').textContent = t('rank.none');
  }

  function fillYears(years, chosen) {
    const select = $('#rank-year');
    select.textContent = '';
    select.append(el('option', { value: '', text: t('rank.latest') }));
    (years || []).forEach((y) => select.append(el('option', { value: String(y), text: String(y) })));
    select.value = chosen && (years || []).includes(Number(chosen)) ? chosen : '';
  }

  function drawBars() {
    const rows = ranking.rows;
    $('.rank-chart-box').style.height = Math.max(160, 34 + rows.length * 26) + 'px';
    if (barChart) barChart.destroy();
    barChart = null;
    if (!window.Chart || !rows.length) return;
    barChart = new window.Chart($('#rank-chart'), {
      type: 'bar',
      data: {
        labels: rows.map((r) => (r.cell.conflict ? '⚠ ' : '') + r.cell.province + (ranking.year ? '' : ' (' + r.cell.year + ')')),
        datasets: [{ label: ui.metricLabel(ranking.metric.id), data: rows.map((r) => r.cell.figure.value),
          backgroundColor: rows.map((r) => r.cell.conflict ? CONFLICT : COLORS[0]) }]
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false }, title: { display: true, text: ui.metricLabel(ranking.metric.id) + (ranking.year ? ' · ' + ranking.year : '') },
          tooltip: { callbacks: { label: (item) => formatValue(rows[item.dataIndex].cell.figure.value, rows[item.dataIndex].cell.figure.unit),
            afterLabel: (item) => {
            const cell = rows[item.dataIndex].cell;
            return [outlet(cell.figure) + ' · ' + day(cell.figure.published)].concat(cell.conflict
              ? cell.values.slice(1).map((v) => t('rank.alsoReported') + ' ' + formatValue(v.value, v.latest.unit) + ' (' + outlet(v.latest) + ')') : []);
          } } } },
        onClick: (evt, elements) => {
          if (elements.length) window.open(safeHref(rows[elements[0].index].cell.figure.url), '_blank', 'noopener');
        },
        onHover: (evt, elements) => { evt.native.target.style.cursor = elements.length ? 'pointer' : 'default'; }
      }
    });
  }

  const SORTS = {
    rank: (r) => r.rank, province: (r) => r.cell.province, year: (r) => r.cell.year, value: (r) => r.cell.figure.value
  };

  function renderTable() {
    const body = $('#rank-rows');
    body.textContent = '';
    const key = SORTS[sort.key];
    const rows = ranking.rows.slice().sort((a, b) => {
      const x = key(a), y = key(b);
      return (typeof x === 'string' ? x.localeCompare(y, 'vi') : x - y) * sort.dir;
    });
    rows.forEach((r) => {
      const source = el('td', {}, sourceLink(r.cell.figure, 'rank-source'), el('span', { class: 'meta', text: ' · ' + outlet(r.cell.figure) + ' · ' + day(r.cell.figure.published) }));
      if (r.cell.conflict) source.append(el('br'), conflictNote(r.cell));
      body.append(el('tr', { 'data-province': r.cell.province, class: r.cell.conflict ? 'conflicting' : '' },
        el('td', { text: r.rank + (r.tied ? '=' : '') }), el('td', { text: place(r.cell) }), el('td', { text: String(r.cell.year) }),
        el('td', { class: 'num', text: formatValue(r.cell.figure.value, r.cell.figure.unit) }), source));
    });
    if (!rows.length) body.append(el('tr', {}, el('td', { colspan: '5', text: t('rank.none') })));
    document.querySelectorAll('#rank-table th[data-sort]').forEach((th) => {
      th.setAttribute('aria-sort', th.dataset.sort === sort.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  const signed = (v) => (v >= 0 ? '+' : '−') + ui.format.number(Math.abs(v));

  async function drawTrend(metric, provinces) {
    let data;
    const list = $('#trend-points');
    try {
      data = await api('/api/trend?' + new URLSearchParams({ metric, province: provinces }));
    } catch (e) {
      list.textContent = e.message;
      return;
    }
    const label = (s) => s.province + (s.absorbedInto ? ' (' + t('rank.absorbed', { p: s.absorbedInto }) + ')' : '');
    const years = [...new Set(data.series.flatMap((s) => s.points.map((x) => x.year)))].sort();
    const datasets = data.series.filter((s) => s.points.length).map((s, i) => ({
      label: label(s), borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], spanGaps: true,
      pointRadius: years.map((y) => { const x = s.points.find((c) => c.year === y); return x && x.conflict ? 7 : 4; }),
      pointStyle: years.map((y) => { const x = s.points.find((c) => c.year === y); return x && x.conflict ? 'triangle' : 'circle'; }),
      data: years.map((y) => { const pt = s.points.find((x) => x.year === y); return pt ? pt.figure.value : null; }),
      cells: years.map((y) => s.points.find((x) => x.year === y) || null)
    }));
    if (lineChart) lineChart.destroy();
    lineChart = null;
    if (window.Chart) {
      // offset: the first and last years sit half a step inside the axis, so a lone year's dot is whole, not cut at the edge
      lineChart = new window.Chart($('#trend-chart'), {
        type: 'line', data: { labels: years, datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false, layout: { padding: { top: 8, right: 12 } },
          scales: { x: { offset: true }, y: { grace: '5%' } },
          plugins: { title: { display: true, text: ui.metricLabel(data.metric.id) },
            tooltip: { callbacks: { label: (item) => {
              const cell = datasets[item.datasetIndex].cells[item.dataIndex];
              return cell ? item.dataset.label + ': ' + formatValue(cell.figure.value, cell.figure.unit) : '';
            } } } },
          onClick: (evt, elements) => {
            const cell = elements.length && datasets[elements[0].datasetIndex].cells[elements[0].index];
            if (cell) window.open(safeHref(cell.figure.url), '_blank', 'noopener');
          } }
      });
    }
    list.textContent = '';
    data.series.forEach((s) => {
      const item = el('li', {}, el('strong', { text: label(s) }));
      if (!s.points.length) item.append(el('span', { text: ' — ' + t('rank.none') }));
      const points = el('ul', {});
      s.points.forEach((c, i) => {
        const change = i > 0 ? s.changes[i - 1] : null;
        const li = el('li', {}, el('span', { text: c.year + ': ' + formatValue(c.figure.value, c.figure.unit)
          + (change ? ' (' + signed(change.difference) + (change.percent === null ? '' : ', ' + signed(change.percent) + '%') + ')' : '') + ' — ' }),
        sourceLink(c.figure, 'point-source'), el('span', { class: 'meta', text: ' · ' + outlet(c.figure) }));
        if (c.conflict) li.append(el('br'), conflictNote(c));
        points.append(li);
      });
      if (s.overall) item.append(el('span', { class: 'meta', text: ' ' + t('rank.overall', { a: s.overall.fromYear, b: s.overall.toYear,
        d: signed(s.overall.difference), p: s.overall.percent === null ? '—' : signed(s.overall.percent) + '%' }) }));
      item.append(points);
      list.append(item);
    });
  }

  function wire() {
    const go = () => {
      const q = new URLSearchParams({ view: 'rankings', metric: $('#rank-metric').value, order: $('#rank-order').value });
      if ($('#rank-year').value) q.set('year', $('#rank-year').value);
      ui.navigate(q);
    };
    ['#rank-metric', '#rank-year', '#rank-order'].forEach((s) => $(s).addEventListener('change', go));
    document.querySelectorAll('#rank-table th[data-sort]').forEach((th) => {
      const activate = () => {
        sort = { key: th.dataset.sort, dir: sort.key === th.dataset.sort ? -sort.dir : 1 };
        if (ranking) renderTable();
      };
      th.addEventListener('click', activate);
      th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); activate(); } });
    });
    $('#trend-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const q = new URLSearchParams(ui.params()); q.set('view', 'rankings'); q.set('trend', $('#trend-provinces').value);
      ui.navigate(q, true);
    });
  }

  /** The top provinces of a metric (for the province page's comparison chart when it has nobody to compare with). */
  async function top(metric, n) {
    try {
      const r = await api('/api/rank?' + new URLSearchParams({ metric, limit: String(n) }));
      return r.rows.map((row) => row.cell.province);
    } catch (e) {
      return [];
    }
  }

  wire();
  return { render, top };
};
