// PortalKB web UI: figures as the reader's language writes them. English mode is English: "97.9%", "1.4 million visits",
// "32 beds"; Vietnamese mode: "97,9%", "1,4 triệu lượt", "32 giường". Units and metric names come from the server
// (/api/metrics: the catalogue's names and the glossary's unit names), never from this file.
'use strict';
window.PORTALKB_FORMAT = function (ui) {
  let metrics = [];
  let units = {};
  const loaded = ui.api('/api/metrics').then((d) => { metrics = d.metrics || []; units = d.units || {}; return d; })
    .catch(() => ({ metrics: [], units: {} }));

  const locale = () => (ui.lang() === 'vi' ? 'vi-VN' : 'en-US');

  /** A number in the reader's locale, at most two decimals: 97.9 / 97,9; 147645 → 147,645 / 147.645. */
  function number(value, digits) {
    return Number(value).toLocaleString(locale(), { maximumFractionDigits: digits === undefined ? 2 : digits });
  }

  /**
   * A unit as the reader's language names it: the glossary's English name in English mode, as written otherwise; in
   * English mode a Vietnamese unit the glossary does not name is the article's word, in quotation marks (as the chat writes it).
   */
  function unit(u) {
    if (!u) return '';
    if (ui.lang() === 'vi') return u;
    if (units[u]) return units[u];
    return /[^\x00-\x7F]/.test(u) ? '\u201c' + u + '\u201d' : u;
  }

  /** A value with its unit: "97.9%", "1.4 million visits", "32 hospital beds per 10,000 people". */
  function figure(value, u) {
    if (value === null || value === undefined || Number.isNaN(Number(value))) return '';
    const v = Number(value);
    let shown;
    if (Math.abs(v) >= 1e9 && u !== '%') shown = number(v / 1e9, 1) + ' ' + ui.t('num.billion');
    else if (Math.abs(v) >= 1e6 && u !== '%') shown = number(v / 1e6, 1) + ' ' + ui.t('num.million');
    else shown = number(v);
    if (u === '%') return shown + '%';
    const name = unit(u);
    return name ? shown + ' ' + name : shown;
  }

  /** A metric's name in the reader's language: a catalogued id by the catalogue, anything else as given. */
  function metricName(id, fallback) {
    const m = metrics.find((x) => x.id === id);
    if (!m) return fallback || id;
    return ui.lang() === 'vi' ? m.vi : m.name;
  }

  const isCatalogued = (id) => metrics.some((x) => x.id === id);

  return { loaded, number, unit, figure, metricName, isCatalogued, metrics: () => metrics };
};
