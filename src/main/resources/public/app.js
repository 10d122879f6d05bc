// PortalKB web UI: five views driven by the JSON API (the Rankings view lives in rankings.js). Crawled text is only ever inserted as text
// (textContent), and highlighted snippets are rebuilt node by node keeping nothing but <mark>.
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
  }

  // ---- routing: the view and its state live in the query string, so every page can be shared ----
  function navigate(query, replace) {
    const url = '/?' + query.toString();
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    render();
  }

  function render() {
    const p = params();
    const view = ['ask', 'search', 'provinces', 'rankings', 'crawl'].includes(p.get('view')) ? p.get('view') : 'ask';
    document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== 'view-' + view; });
    document.querySelectorAll('nav a[data-view]').forEach((a) => a.setAttribute('aria-current', a.dataset.view === view ? 'page' : 'false'));
    ({ ask: renderAsk, search: renderSearch, provinces: renderProvinces, rankings: rankings.render, crawl: renderCrawl })[view](p);
  }

  // ---- ask ----
  let conversationId = sessionStorage.getItem('portalkb.conversation') || '';
  let streaming = null;

  function renderAsk(p) {
    $('#examples').hidden = $('#chat').children.length > 0;
    if (p.get('q') && !$('#chat').dataset.asked) {
      $('#chat').dataset.asked = '1';
      ask(p.get('q'));
    }
    $('#question').focus();
  }

  function ask(question) {
    $('#examples').hidden = true;
    $('#chat').append(el('div', { class: 'msg user', text: question }));
    const answer = el('div', { class: 'msg bot', 'aria-busy': 'true' });
    const text = el('p', { class: 'answer' });
    answer.append(text);
    $('#chat').append(answer);
    if (streaming) streaming.close();
    const url = '/api/ask/stream?' + new URLSearchParams({ question, conversationId, lang: '' }).toString();
    const source = new EventSource(url);
    streaming = source;
    source.addEventListener('token', (e) => { text.textContent += JSON.parse(e.data).text; answer.scrollIntoView({ block: 'end' }); });
    source.addEventListener('citations', (e) => {
      const data = JSON.parse(e.data);
      conversationId = data.conversationId;
      sessionStorage.setItem('portalkb.conversation', conversationId);
      renderAnswer(text, data.answer, data.citations);
      if (data.citations.length) answer.append(citationList(data.citations));
    });
    source.addEventListener('done', () => { answer.setAttribute('aria-busy', 'false'); source.close(); });
    source.addEventListener('error', (e) => {
      answer.setAttribute('aria-busy', 'false');
      let message = 'connection lost';
      try { message = JSON.parse(e.data).error; } catch (ignored) { /* network error: no data */ }
      if (!text.textContent) text.textContent = t('ask.error') + ' ' + message;
      source.close();
    });
  }

  /** The answer's text with linked citations; lines written as a table ("| 1 | Bắc Kạn | 98,6% | …") become a table. */
  function renderAnswer(node, answer, citations) {
    node.textContent = '';
    const lines = answer.split('\n');
    let table = null;
    lines.forEach((line, i) => {
      if (/^\|.*\|$/.test(line.trim())) {
        const cells = line.trim().slice(1, -1).split('|').map((c) => c.trim());
        if (cells.every((c) => /^-+$/.test(c))) return;
        if (!table) {
          table = el('table', { class: 'answer-table' });
          node.append(table);
          const head = el('tr', {});
          cells.forEach((c) => head.append(el('th', { text: c })));
          table.append(head);
          return;
        }
        const row = el('tr', {});
        cells.forEach((c) => { const td = el('td', { text: c }); linkCitations(td, citations); row.append(td); });
        table.append(row);
        return;
      }
      table = null;
      const span = el('span', { text: line + (i < lines.length - 1 ? '\n' : '') });
      linkCitations(span, citations);
      node.append(span);
    });
  }

  /** Turns "[1]" in the answer into links to the cited passage. */
  function linkCitations(node, citations) {
    const parts = node.textContent.split(/(\[\d+\])/);
    node.textContent = '';
    parts.forEach((part) => {
      const m = /^\[(\d+)\]$/.exec(part);
      const c = m && citations.find((x) => x.n === Number(m[1]));
      if (c) {
        const a = el('a', { href: safeHref(c.url), class: 'cite', target: '_blank', rel: 'noopener noreferrer', title: c.quote, text: part });
        node.append(a);
      } else node.append(document.createTextNode(part));
    });
  }

  /** A document's page in a citation: its URL opens the file there ("…/bao-cao.pdf#page=3"). */
  function citedPage(url) {
    const m = /#page=(\d+)$/.exec(url || '');
    return m ? Number(m[1]) : null;
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

  function citationList(citations) {
    const list = el('ol', { class: 'citations', 'aria-label': t('ask.sources') });
    citations.forEach((c) => {
      const page = citedPage(c.url);
      const details = el('details', {},
        el('summary', {}, el('span', { class: 'n', text: '[' + c.n + '] ' }), fileBadge(fileType(c.url)),
          el('a', { href: safeHref(c.url), target: '_blank', rel: 'noopener noreferrer', text: c.title || c.url }),
          page ? el('span', { class: 'page', text: ' — ' + t('cite.page', { n: page }) }) : document.createTextNode('')),
        el('blockquote', { text: c.quote || '' }),
        el('p', { class: 'meta', text: [c.source, c.province || t('search.noProvince'), day(c.published)].filter(Boolean).join(' · ') }));
      list.append(el('li', { value: String(c.n) }, details));
    });
    return list;
  }

  // ---- search ----
  const FACETS = ['province', 'source', 'year', 'metric', 'type'];
  let metricNames = null;
  const metricsLoaded = api('/api/metrics').then((d) => { metricNames = d.metrics; return d; }).catch(() => ({ metrics: [] }));
  const metricLabel = (id) => {
    const m = (metricNames || []).find((x) => x.id === id);
    return m ? (lang === 'vi' ? m.vi : m.name) : id;
  };

  // The page of hits, then the total with the facets: two requests, so the results show without waiting for the
  // node to count every match (the slower half; asked side by side on a small server they only slow each other,
  // docs/BENCHMARKS.md).
  let searchGeneration = 0;
  async function renderSearch(p) {
    const generation = ++searchGeneration;
    $('#q').value = p.get('q') || '';
    $('#sort').value = p.get('sort') || 'relevance';
    const query = new URLSearchParams();
    for (const key of ['q', 'sort', 'page', ...FACETS]) if (p.get(key)) query.set(key, p.get(key));
    const exportQuery = new URLSearchParams(query); exportQuery.delete('page'); exportQuery.set('format', 'csv');
    $('#export').href = '/api/search?' + exportQuery.toString();
    const results = $('#results');
    results.textContent = '';
    $('#facets').textContent = '';
    $('#pager').textContent = '';
    $('#search-summary').textContent = '';
    const pageQuery = new URLSearchParams(query); pageQuery.set('facets', 'false');
    let data;
    try {
      data = await api('/api/search?' + pageQuery.toString());
    } catch (e) {
      if (generation === searchGeneration) $('#search-summary').textContent = e.message;
      return;
    }
    if (generation !== searchGeneration) return;
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
    $('#search-summary').textContent = counted.total ? t('search.results', { n: counted.total.toLocaleString() }) : t('search.none');
    renderFacets(p, counted.facets);
    renderPager(p, { page: data.page, size: data.size, total: counted.total });
  }

  // Every province the article reports on (its own first, with its province of today); none confident is said so.
  function hitProvinces(h) {
    if (!h.province) return t('search.noProvince');
    const own = h.province + (h.provinceToday && h.provinceToday !== h.province ? ' (' + h.provinceToday + ')' : '');
    return [own].concat((h.provinces || []).filter((x) => x !== h.province)).join(', ');
  }

  const bucketLabel = (name, value) => name === 'metric' ? metricLabel(value) : name === 'type' ? t('type.' + value)
    : name === 'province' && value === 'none' ? t('search.noProvince') : value;

  function renderFacets(p, facets) {
    FACETS.forEach((name) => {
      const box = el('fieldset', { class: 'facet' }, el('legend', { text: t('facet.' + name) }));
      const chosen = p.get(name);
      if (chosen) {
        const clear = new URLSearchParams(p); clear.delete(name); clear.delete('page');
        const label = bucketLabel(name, chosen);
        box.append(el('a', { href: '/?' + clear, class: 'clear', 'data-nav': '1', text: '× ' + label + ' (' + t('facet.clear') + ')' }));
      }
      (facets[name] || []).slice(0, 12).forEach((b) => {
        const q = new URLSearchParams(p); q.set(name, b.value); q.delete('page');
        box.append(el('a', { href: '/?' + q, 'data-nav': '1', class: 'bucket' + (chosen === b.value ? ' on' : '') },
          el('span', { text: bucketLabel(name, b.value) }), el('span', { class: 'count', text: String(b.count) })));
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
  const rankings = window.PORTALKB_RANKINGS({ $, el, t, api, safeHref, day, navigate, params, metricLabel, metricsLoaded, lang: () => lang });

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
      metrics.metrics.forEach((m) => $('#metric-select').append(el('option', { value: m.id, text: lang === 'vi' ? m.vi : m.name })));
    }
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
      detail.append(el('h2', { text: d.name }), el('p', { class: 'meta', text: t('prov.articles', { n: d.articles }) + (d.today !== d.name ? ' · ' + t('prov.today', { p: d.today }) : '') }));
      if (!d.latestFigures.length) detail.append(el('p', { text: t('prov.none') }));
      const cards = el('div', { class: 'cards' });
      d.latestFigures.forEach((f) => {
        const q = new URLSearchParams({ view: 'provinces', province: id, metric: f.metric, provinces: d.name });
        cards.append(el('div', { class: 'card' },
          el('p', { class: 'metric', text: f.name }), el('p', { class: 'value', text: f.raw || String(f.value) }),
          el('p', { class: 'meta' }, el('span', { text: (f.year || '') + ' · ' }), el('a', { href: safeHref(f.url), target: '_blank', rel: 'noopener noreferrer', text: f.title || 'source' })),
          el('a', { href: '/?' + q, 'data-nav': '1', class: 'chart-link', text: t('prov.overTime', { m: f.name }) })));
      });
      detail.append(cards);
    } catch (e) {
      detail.append(el('p', { text: e.message }));
    }
    const names = (p.get('provinces') || '').trim();
    if (p.get('metric') && names) drawComparison(p.get('metric'), names);
    else if (d) startComparison(p, d, data);
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

  async function drawComparison(metric, provinces) {
    let data;
    try {
      data = await api('/api/compare?' + new URLSearchParams({ metric, provinces }));
    } catch (e) {
      $('#compare-points').textContent = e.message;
      return;
    }
    const years = [...new Set(data.series.flatMap((s) => s.points.map((x) => x.year)))].sort();
    const colors = ['#0b6e4f', '#c44536', '#1f6feb', '#b8860b', '#6f42c1', '#2b9348'];
    const datasets = data.series.map((s, i) => ({
      label: s.province, borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length],
      data: years.map((y) => { const pt = s.points.find((x) => x.year === y); return pt ? pt.value : null; }),
      points: years.map((y) => s.points.find((x) => x.year === y) || null), spanGaps: true
    }));
    if (chart) chart.destroy();
    if (window.Chart) {
      chart = new window.Chart($('#compare-chart'), {
        type: 'bar', data: { labels: years, datasets },
        options: { responsive: true, maintainAspectRatio: false, plugins: { title: { display: true, text: data.name } },
          onClick: (evt, elements) => {
            if (!elements.length) return;
            const pt = datasets[elements[0].datasetIndex].points[elements[0].index];
            if (pt && pt.url) window.open(safeHref(pt.url), '_blank', 'noopener');
          } }
      });
    }
    const list = $('#compare-points'); list.textContent = '';
    data.series.forEach((s) => s.points.forEach((pt) => list.append(el('li', {},
      el('span', { text: s.province + ' ' + pt.year + ': ' + pt.value + (pt.unit === '%' ? '%' : ' ' + (pt.unit || '')) + ' — ' }),
      el('a', { href: safeHref(pt.url), target: '_blank', rel: 'noopener noreferrer', class: 'point-source', text: pt.title || pt.url })))));
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
        el('td', { text: where }),
        el('td', { text: r.startedAt ? new Date(r.startedAt).toLocaleString() : t('crawl.never') }),
        el('td', { text: s.nextRun ? new Date(s.nextRun).toLocaleString() : (s.schedule ? s.schedule : t('crawl.manual')) }),
        el('td', { text: String(r.fetched ?? '') }),
        el('td', { text: r.indexed !== undefined ? r.indexed + ' / ' + r.changed : '' }), el('td', { text: String(r.errors ?? '') }),
        el('td', { text: t('crawl.st.' + crawlState(s)) + (r.status && r.status !== 'done' && !s.running ? ' (' + r.status + ')' : '') })));
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
  $('#lang').addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('portalkb.lang', lang); applyLanguage(); render(); });
  $('#ask-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('#question').value.trim();
    if (!q) return;
    $('#question').value = '';
    history.replaceState(null, '', '/?' + new URLSearchParams({ view: 'ask', q }));
    $('#chat').dataset.asked = '1';
    ask(q);
  });
  document.querySelectorAll('.example').forEach((b) => b.addEventListener('click', () => { $('#question').value = b.textContent; $('#ask-form').requestSubmit(); }));
  $('#new-conversation').addEventListener('click', () => {
    conversationId = ''; sessionStorage.removeItem('portalkb.conversation');
    $('#chat').textContent = ''; delete $('#chat').dataset.asked; $('#examples').hidden = false;
    navigate(new URLSearchParams({ view: 'ask' }));
  });
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams(params()); q.set('view', 'search'); q.set('q', $('#q').value.trim()); q.set('sort', $('#sort').value); q.delete('page');
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
  render();
})();
