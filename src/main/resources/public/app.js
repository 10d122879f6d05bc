// PortalKB web UI: five views driven by the JSON API (the Ask view lives in ask.js, Rankings in rankings.js, figures are
// written in the reader's language by format.js). Crawled text is only ever inserted as text (textContent), and
// highlighted snippets are rebuilt node by node keeping nothing but <mark>.
'use strict';
(function () {
  const $ = (sel) => document.querySelector(sel);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    children.forEach((c) => e.append(c));
    return e;
  };
  const params = () => new URLSearchParams(location.search);
  let lang = localStorage.getItem('portalkb.lang') || ((navigator.language || 'en').startsWith('vi') ? 'vi' : 'en');
  const t = (key, vars) => {
    let s = (window.PORTALKB_I18N[lang] || {})[key] || window.PORTALKB_I18N.en[key] || key;
    for (const [k, v] of Object.entries(vars || {})) s = s.replace('{' + k + '}', v);
    return s;
  };
  const safeHref = (url) => /^https?:\/\//i.test(url || '') ? url : '#';
  const day = (iso) => iso ? iso.substring(0, 10).split('-').reverse().join('/') : '';

  /** A snippet from the API: escaped text with <mark> tags. Parsed inertly; only text and marks survive. */
  function snippet(html) {
    const frag = document.createDocumentFragment();
    const doc = new DOMParser().parseFromString('<div>' + (html || '') + '</div>', 'text/html');
    doc.body.firstChild.childNodes.forEach((n) => {
      if (n.nodeType === Node.TEXT_NODE) frag.append(document.createTextNode(n.textContent));
      else if (n.nodeName === 'MARK') frag.append(el('mark', { text: n.textContent }));
      else frag.append(document.createTextNode(n.textContent || ''));
    });
    return frag;
  }

  async function api(path, options) {
    const r = await fetch(path, options);
    const body = await r.json().catch(() => ({ error: 'HTTP ' + r.status }));
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    $('#lang').textContent = lang === 'vi' ? 'EN' : 'VI';
    document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
  }

  // ---- routing: the view and its state live in the query string, so every page can be shared ----
  function navigate(query, replace) {
    const url = '/?' + query.toString();
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    render();
  }

  /** On a phone the views scroll sideways in one row: the current one is brought into sight, and a fade says there is more. */
  function showCurrentView() {
    const nav = document.querySelector('.top nav');
    const current = nav.querySelector('a[aria-current="page"]');
    if (current && nav.scrollWidth > nav.clientWidth) {
      const left = current.offsetLeft - nav.offsetLeft;
      if (left < nav.scrollLeft || left + current.offsetWidth > nav.scrollLeft + nav.clientWidth) {
        nav.scrollLeft = left - (nav.clientWidth - current.offsetWidth) / 2;
      }
    }
    fadeNav();
  }

  function fadeNav() {
    const nav = document.querySelector('.top nav');
    nav.classList.toggle('more-right', nav.scrollLeft + nav.clientWidth < nav.scrollWidth - 2);
  }

  function render() {
    const p = params();
    const view = ['ask', 'search', 'provinces', 'rankings', 'crawl'].includes(p.get('view')) ? p.get('view') : 'ask';
    document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== 'view-' + view; });
    document.querySelectorAll('nav a[data-view]').forEach((a) => a.setAttribute('aria-current', a.dataset.view === view ? 'page' : 'false'));
    showCurrentView();
    ({ ask: askView.render, search: renderSearch, provinces: renderProvinces, rankings: rankings.render, crawl: renderCrawl })[view](p);
  }

  /** The kind of file a URL names (pdf, doc, xls), or null for a web page. */
  function fileType(url) {
    const m = /\.(pdf|docx?|xlsx?)(?:[?#]|$)/i.exec(url || '');
    return m ? m[1].toLowerCase().replace(/x$/, '').replace('docx', 'doc') : null;
  }

  /** A small labelled badge for a document (PDF, Word, Excel); nothing for a web page. */
  function fileBadge(type) {
    if (!type || type === 'html') return document.createTextNode('');
    return el('span', { class: 'filetype filetype-' + type, title: t('type.' + type), text: t('type.' + type) });
  }

  // ---- search ----
  const FACETS = ['province', 'source', 'year', 'metric', 'type'];
  const format = window.PORTALKB_FORMAT({ api, t, lang: () => lang });
  const metricsLoaded = format.loaded;
  const metricLabel = (id) => format.metricName(id);

  // The page of hits, then the total with the facets: two requests, so the results show without waiting for the
  // node to count every match (the slower half; asked side by side on a small server they only slow each other,
  // docs/BENCHMARKS.md).
  let searchGeneration = 0;
  async function renderSearch(p) {
    const generation = ++searchGeneration;
    $('#q').value = p.get('q') || '';
    $('#sort').value = p.get('sort') || 'relevance';
    $('#from').value = p.get('from') || '';
    $('#to').value = p.get('to') || '';
    const query = new URLSearchParams();
    for (const key of ['q', 'sort', 'page', 'from', 'to', ...FACETS]) if (p.get(key)) query.set(key, p.get(key));
    const exportQuery = new URLSearchParams(query); exportQuery.delete('page'); exportQuery.set('format', 'csv');
    $('#export').href = '/api/search?' + exportQuery.toString();
    const results = $('#results');
    results.textContent = '';
    $('#facets').textContent = '';
    $('#pager').textContent = '';
    $('#search-summary').textContent = '';
    $('#search-notices').textContent = '';
    const pageQuery = new URLSearchParams(query); pageQuery.set('facets', 'false');
    let data;
    try {
      data = await api('/api/search?' + pageQuery.toString());
    } catch (e) {
      if (generation === searchGeneration) $('#search-summary').textContent = e.message;
      return;
    }
    if (generation !== searchGeneration) return;
    renderNotices(data.notices || []);
    if (!data.hits.length) $('#search-summary').textContent = t('search.none');
    data.hits.forEach((h) => {
      const linked = (h.linkedFrom || []).filter((l) => l.url);
      results.append(el('li', { class: 'hit' + (h.type && h.type !== 'html' ? ' document' : '') },
        el('h3', {}, fileBadge(h.type), el('a', { href: safeHref(h.url), target: '_blank', rel: 'noopener noreferrer', text: h.title || h.url })),
        el('p', { class: 'meta', text: [h.sourceName || h.source, hitProvinces(h), day(h.published)].filter(Boolean).join(' · ') }),
        el('p', { class: 'snippet' }, snippet(h.snippet)),
        linked.length ? el('p', { class: 'meta linked' }, el('span', { text: t('search.linkedFrom') + ' ' }),
          el('a', { href: safeHref(linked[0].url), target: '_blank', rel: 'noopener noreferrer', text: linked[0].title || linked[0].url })) : document.createTextNode('')));
    });
    let counted;
    try {
      counted = await api('/api/search/facets?' + query.toString());
    } catch (e) {
      if (generation === searchGeneration) $('#search-summary').textContent = e.message;
      return;
    }
    await metricsLoaded;
    if (generation !== searchGeneration) return;
    $('#search-summary').textContent = counted.total ? t('search.results', { n: format.number(counted.total) }) : t('search.none');
    renderFacets(p, counted.facets);
    renderPager(p, { page: data.page, size: data.size, total: counted.total });
  }

  /** What the query had that is no search syntax here (OR, parentheses, an open quote), said in the reader's language. */
  function renderNotices(notices) {
    const box = $('#search-notices');
    box.textContent = '';
    notices.forEach((n) => box.append(el('p', { class: 'notice', 'data-code': n.code, text: t('search.notice.' + n.code) })));
  }

  /** The date range filter, as chosen: shown with a link that clears it. */
  function dateRange(p) {
    if (!p.get('from') && !p.get('to')) return null;
    const clear = new URLSearchParams(p); clear.delete('from'); clear.delete('to'); clear.delete('page');
    const label = (p.get('from') ? day(p.get('from')) : '…') + ' – ' + (p.get('to') ? day(p.get('to')) : '…');
    return el('fieldset', { class: 'facet' }, el('legend', { text: t('facet.dates') }),
      el('a', { href: '/?' + clear, class: 'clear', 'data-nav': '1', text: '× ' + label + ' (' + t('facet.clear') + ')' }));
  }

  // Every province the article reports on (its own first, with its province of today); none confident is said so.
  function hitProvinces(h) {
    if (!h.province) return t('search.noProvince');
    const own = h.province + (h.provinceToday && h.provinceToday !== h.province ? ' (' + h.provinceToday + ')' : '');
    return [own].concat((h.provinces || []).filter((x) => x !== h.province)).join(', ');
  }

  // Outlets by name (the facet's label), not the crawler's id; metrics by the reader's language.
  const bucketLabel = (name, value, label) => name === 'metric' ? metricLabel(value) : name === 'type' ? t('type.' + value)
    : name === 'province' && value === 'none' ? t('search.noProvince') : (label || value);

  function renderFacets(p, facets) {
    const dates = dateRange(p);
    if (dates) $('#facets').append(dates);
    FACETS.forEach((name) => {
      const box = el('fieldset', { class: 'facet' }, el('legend', { text: t('facet.' + name) }));
      const chosen = p.get(name);
      if (chosen) {
        const clear = new URLSearchParams(p); clear.delete(name); clear.delete('page');
        const known = (facets[name] || []).find((b) => b.value === chosen);
        const label = bucketLabel(name, chosen, known && known.label);
        box.append(el('a', { href: '/?' + clear, class: 'clear', 'data-nav': '1', text: '× ' + label + ' (' + t('facet.clear') + ')' }));
      }
      (facets[name] || []).slice(0, 12).forEach((b) => {
        const q = new URLSearchParams(p); q.set(name, b.value); q.delete('page');
        box.append(el('a', { href: '/?' + q, 'data-nav': '1', class: 'bucket' + (chosen === b.value ? ' on' : '') },
          el('span', { text: bucketLabel(name, b.value, b.label) }), el('span', { class: 'count', text: format.number(b.count) })));
      });
      $('#facets').append(box);
    });
  }

  function renderPager(p, data) {
    const page = data.page, pages = Math.ceil(data.total / data.size);
    const link = (n, label) => { const q = new URLSearchParams(p); q.set('page', n); return el('a', { href: '/?' + q, 'data-nav': '1', text: label }); };
    if (page > 1) $('#pager').append(link(page - 1, t('search.prev')));
    if (pages > 1) $('#pager').append(el('span', { text: ' ' + page + ' / ' + pages + ' ' }));
    if (page < pages && page * data.size < 10000) $('#pager').append(link(page + 1, t('search.next')));
  }

  let suggestTimer;
  async function suggest() {
    const q = $('#q').value.trim();
    if (q.length < 2) return;
    try {
      const data = await api('/api/search?size=5&facets=false&q=' + encodeURIComponent(q));
      const list = $('#suggestions'); list.textContent = '';
      data.hits.forEach((h) => list.append(el('option', { value: h.title })));
    } catch (ignored) { /* suggestions are optional */ }
  }

  // ---- rankings (rankings.js) ----
  const rankings = window.PORTALKB_RANKINGS({ $, el, t, api, safeHref, day, navigate, params, metricLabel, metricsLoaded, format, lang: () => lang });
  const askView = window.PORTALKB_ASK({ $, el, t, api, safeHref, day, format, fileBadge, fileType, lang: () => lang });

  // ---- provinces ----
  let provincesLoaded = null, chart = null;

  async function renderProvinces(p) {
    if (!provincesLoaded) {
      provincesLoaded = api('/api/provinces').then((data) => {
        const select = $('#province-select');
        data.provinces.filter((x) => x.articles > 0).concat(data.provinces.filter((x) => x.articles === 0))
          .forEach((x) => select.append(el('option', { value: x.id, text: x.name + ' (' + x.articles + ')' })));
        return data;
      });
      const metrics = await metricsLoaded;
      metrics.metrics.forEach((m) => $('#metric-select').append(el('option', { value: m.id, text: metricLabel(m.id) })));
    }
    Array.from($('#metric-select').options).forEach((o) => { o.textContent = metricLabel(o.value); });
    const data = await provincesLoaded;
    const id = p.get('province') || (data.provinces.find((x) => x.articles > 0) || data.provinces[0]).id;
    $('#province-select').value = id;
    $('#metric-select').value = p.get('metric') || $('#metric-select').value || 'health_insurance_coverage';
    $('#compare-provinces').value = p.get('provinces') || '';
    const detail = $('#province-detail');
    detail.textContent = '';
    let d = null;
    try {
      d = await api('/api/provinces/' + encodeURIComponent(id));
      detail.append(el('h2', { text: d.name }), el('p', { class: 'meta', text: t('prov.articles', { n: format.number(d.articles) }) + (d.today !== d.name ? ' · ' + t('prov.today', { p: d.today }) : '') }));
      if (!d.latestFigures.length) detail.append(el('p', { text: t('prov.none') }));
      const cards = el('div', { class: 'cards' });
      // The province's own latest result of each catalogued metric (what Rankings ranks), in the reader's language.
      d.latestFigures.forEach((f) => {
        const name = lang === 'vi' ? f.vi : f.name;
        const q = new URLSearchParams({ view: 'provinces', province: id, metric: f.metric, provinces: d.name });
        cards.append(el('div', { class: 'card' + (f.conflict ? ' conflicting' : ''), 'data-metric': f.metric },
          el('p', { class: 'metric', text: name }), figureValue(f),
          el('p', { class: 'meta' }, el('span', { class: 'year', text: f.year + (f.conflict ? ' ⚠' : '') + ' · ' }),
            el('a', { href: safeHref(f.url), target: '_blank', rel: 'noopener noreferrer', text: f.title || t('prov.source') }),
            el('span', { text: ' · ' + (f.sourceName || f.source) })),
          el('a', { href: '/?' + q, 'data-nav': '1', class: 'chart-link', text: t('prov.overTime', { m: name }) })));
      });
      detail.append(cards);
    } catch (e) {
      detail.append(el('p', { text: e.message }));
    }
    const names = (p.get('provinces') || '').trim();
    if (p.get('metric') && names) drawComparison(p.get('metric'), names);
    else if (d) startComparison(p, d, data);
  }

  /** A card's figure: the number large, its unit beside it smaller ("10.8 doctors per 10,000 people"). */
  function figureValue(f) {
    const whole = format.figure(f.value, f.unit);
    const unit = f.unit && f.unit !== '%' ? format.unit(f.unit) : '';
    const number = unit && whole.endsWith(' ' + unit) ? whole.slice(0, -unit.length - 1) : whole;
    return el('p', { class: 'value' }, document.createTextNode(number), unit ? el('span', { class: 'unit', text: ' ' + unit }) : document.createTextNode(''));
  }

  /**
   * The comparison chart starts filled: the province and its neighbours (the provinces it shares its
   * province of today with since the 2025 merger), or with the top 5 of the metric when it has none.
   */
  async function startComparison(p, d, data) {
    const metric = p.get('metric') || (d.latestFigures[0] || {}).metric || 'health_insurance_coverage';
    const names = [d.name].concat(data.provinces.filter((x) => x.today === d.today && x.name !== d.name).map((x) => x.name));
    if (names.length < 2) (await rankings.top(metric, 5)).filter((n) => !names.includes(n)).forEach((n) => names.push(n));
    $('#metric-select').value = metric;
    $('#compare-provinces').value = names.join(', ');
    drawComparison(metric, names.join(','));
  }

  /**
   * The comparison: a bar per province in each year, side by side (the years as groups, one colour per province). Names
   * that are no province are said, and the others still compared.
   */
  async function drawComparison(metric, provinces) {
    let data;
    const list = $('#compare-points');
    const unknown = $('#compare-unknown');
    unknown.hidden = true;
    try {
      data = await api('/api/compare?' + new URLSearchParams({ metric, provinces }));
    } catch (e) {
      list.textContent = '';
      unknown.hidden = false;
      unknown.textContent = e.message;
      if (chart) { chart.destroy(); chart = null; }
      return;
    }
    if (data.unknown && data.unknown.length) {
      unknown.hidden = false;
      unknown.textContent = t('prov.unknown', { names: data.unknown.join(', ') });
    }
    const series = data.series.filter((s) => s.points.length);
    const years = [...new Set(series.flatMap((s) => s.points.map((x) => x.year)))].sort();
    const colors = ['#0b6e4f', '#c44536', '#1f6feb', '#b8860b', '#6f42c1', '#2b9348'];
    const datasets = series.map((s, i) => ({
      label: s.province, borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length],
      data: years.map((y) => { const pt = s.points.find((x) => x.year === y); return pt ? pt.value : null; }),
      points: years.map((y) => s.points.find((x) => x.year === y) || null)
    }));
    if (chart) chart.destroy();
    chart = null;
    const name = metricLabel(data.metric);
    if (window.Chart) {
      chart = new window.Chart($('#compare-chart'), {
        type: 'bar', data: { labels: years, datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { title: { display: true, text: name },
            tooltip: { callbacks: { label: (item) => {
              const pt = datasets[item.datasetIndex].points[item.dataIndex];
              return pt ? item.dataset.label + ': ' + format.figure(pt.value, pt.unit) + (pt.conflict ? ' ⚠' : '') : '';
            } } } },
          onClick: (evt, elements) => {
            if (!elements.length) return;
            const pt = datasets[elements[0].datasetIndex].points[elements[0].index];
            if (pt && pt.url) window.open(safeHref(pt.url), '_blank', 'noopener');
          } }
      });
    }
    list.textContent = '';
    data.series.forEach((s) => {
      if (!s.points.length) list.append(el('li', { class: 'meta', text: s.province + ': ' + t('prov.noFigure', { m: name }) }));
      s.points.forEach((pt) => list.append(el('li', {},
        el('span', { text: s.province + ' ' + pt.year + ': ' + format.figure(pt.value, pt.unit) + (pt.conflict ? ' ⚠' : '') + ' — ' }),
        el('a', { href: safeHref(pt.url), target: '_blank', rel: 'noopener noreferrer', class: 'point-source', text: pt.title || pt.url }),
        el('span', { class: 'meta', text: ' · ' + (pt.sourceName || pt.source) }))));
    });
  }

  // ---- crawl status: one row per source, filtered by province (before or after the 2025 merger) and state ----
  function crawlState(s) {
    const r = s.lastRun;
    if (s.running) return 'running';
    if (!r) return 'never';
    return (r.errors > 0 || r.status === 'failed') ? 'errors' : 'ok';
  }

  function fillProvinceFilter(sources, chosen) {
    const select = $('#crawl-province');
    const names = [...new Set(sources.flatMap((s) => [s.province, s.provinceToday]).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
    select.textContent = '';
    select.append(el('option', { value: '', text: t('crawl.all') }));
    names.forEach((n) => select.append(el('option', { value: n, text: n })));
    select.value = names.includes(chosen) ? chosen : '';
  }

  async function renderCrawl(p) {
    const rows = $('#crawl-rows'), errors = $('#crawl-errors');
    rows.textContent = ''; errors.textContent = '';
    let data;
    try {
      data = await api('/api/crawl/status');
    } catch (e) {
      rows.append(el('tr', {}, el('td', { colspan: '8', text: e.message })));
      return;
    }
    $('#crawl-now').disabled = !data.adminEnabled;
    $('#admin-token').disabled = !data.adminEnabled;
    $('#crawl-why').hidden = data.adminEnabled;
    const province = (p || params()).get('province') || '', state = (p || params()).get('status') || '';
    fillProvinceFilter(data.sources, province);
    $('#crawl-status').value = state;
    const shown = data.sources.filter((s) => (!province || s.province === province || s.provinceToday === province)
      && (!state || crawlState(s) === state));
    shown.forEach((s) => {
      const r = s.lastRun || {};
      const where = !s.province ? (s.coverage === 'national' ? t('crawl.national') : (s.coverage || ''))
        : s.provinceToday && s.provinceToday !== s.province ? s.province + ' (' + t('crawl.today', { p: s.provinceToday }) + ')' : s.province;
      rows.append(el('tr', { 'data-source': s.id, 'data-state': crawlState(s) }, el('td', { text: s.name || s.id, title: s.id }),
        el('td', { class: 'state', text: t('crawl.st.' + crawlState(s)) + (r.status && r.status !== 'done' && !s.running ? ' (' + r.status + ')' : '') }),
        el('td', { text: where }),
        el('td', { text: r.startedAt ? new Date(r.startedAt).toLocaleString() : t('crawl.never') }),
        el('td', { text: s.nextRun ? new Date(s.nextRun).toLocaleString() : (s.schedule ? s.schedule : t('crawl.manual')) }),
        el('td', { text: String(r.fetched ?? '') }),
        el('td', { text: r.indexed !== undefined ? r.indexed + ' / ' + r.changed : '' }), el('td', { text: String(r.errors ?? '') })));
      (r.recentErrors || []).slice(0, 5).forEach((e) => errors.append(el('li', { text: s.id + ': ' + e })));
    });
    $('#crawl-shown').textContent = t('crawl.shown', { n: shown.length, m: data.sources.length });
  }

  function filterCrawl() {
    const q = new URLSearchParams(params()); q.set('view', 'crawl');
    [['province', '#crawl-province'], ['status', '#crawl-status']].forEach(([k, sel]) => { if ($(sel).value) q.set(k, $(sel).value); else q.delete(k); });
    navigate(q, true);
  }

  async function crawlNow() {
    const token = $('#admin-token').value;
    try {
      await api('/api/crawl/run', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
      $('#crawl-message').textContent = t('crawl.started');
      setTimeout(renderCrawl, 1500);
    } catch (e) {
      $('#crawl-message').textContent = t('crawl.refused', { e: e.message });
    }
  }

  // ---- wiring ----
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav], nav a[data-view]');
    if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      navigate(new URLSearchParams(new URL(a.href).search));
    }
  });
  window.addEventListener('popstate', render);
  window.addEventListener('resize', showCurrentView);
  document.querySelector('.top nav').addEventListener('scroll', fadeNav, { passive: true });
  $('#lang').addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('portalkb.lang', lang); applyLanguage(); render(); });
  $('#new-conversation').addEventListener('click', () => {
    askView.reset();
    navigate(new URLSearchParams({ view: 'ask' }));
  });
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams(params()); q.set('view', 'search'); q.set('q', $('#q').value.trim()); q.set('sort', $('#sort').value); q.delete('page');
    [['from', '#from'], ['to', '#to']].forEach(([k, sel]) => { if ($(sel).value) q.set(k, $(sel).value); else q.delete(k); });
    navigate(q);
  });
  $('#q').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 250); });
  $('#province-select').addEventListener('change', () => { const q = new URLSearchParams(params()); q.set('view', 'provinces'); q.set('province', $('#province-select').value); navigate(q); });
  $('#compare-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams(params()); q.set('view', 'provinces'); q.set('metric', $('#metric-select').value); q.set('provinces', $('#compare-provinces').value);
    navigate(q);
  });
  $('#crawl-now').addEventListener('click', crawlNow);
  $('#crawl-province').addEventListener('change', filterCrawl);
  $('#crawl-status').addEventListener('change', filterCrawl);
  applyLanguage();
  format.loaded.then(render);
})();
