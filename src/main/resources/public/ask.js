// PortalKB web UI, Ask view: the conversation over /api/ask/stream (Server-Sent Events). While an answer is pending the
// reader sees that it is; an answer's sources are numbered in the order the answer cites them ([1] first); after an
// answer with a figure, follow-ups ask for the same measure in another year or province, or open its ranking. Built by
// app.js with its helpers (ui); answers and quotes are only inserted as text.
'use strict';
window.PORTALKB_ASK = function (ui) {
  const { $, el, t, api, safeHref, day, format } = ui;
  let conversationId = sessionStorage.getItem('portalkb.conversation') || '';
  let streaming = null;

  const maxChars = () => Number($('#question').dataset.maxChars || 500);

  /** The example questions of the reader's language (i18n.js), each asked with one click. */
  function renderExamples() {
    const box = $('#example-list');
    box.textContent = '';
    (window.PORTALKB_I18N[ui.lang()]['ask.examples'] || []).forEach((q) => {
      const b = el('button', { type: 'button', class: 'example', text: q });
      b.addEventListener('click', () => { $('#question').value = q; checkLength(); $('#ask-form').requestSubmit(); });
      box.append(b);
    });
  }

  function render(p) {
    renderExamples();
    $('#examples').hidden = $('#chat').children.length > 0;
    if (p.get('q') && !$('#chat').dataset.asked) {
      $('#chat').dataset.asked = '1';
      ask(p.get('q'));
    }
    $('#question').focus();
  }

  /** A question over the server's limit is said so, with its length, and not sent (nothing is cut silently). */
  function checkLength() {
    const n = $('#question').value.length;
    const note = $('#question-length');
    const over = n > maxChars();
    note.hidden = !over;
    note.textContent = over ? t('ask.tooLong', { n: format.number(n), max: format.number(maxChars()) }) : '';
    $('#question').setAttribute('aria-invalid', String(over));
    return !over;
  }

  function submit(e) {
    e.preventDefault();
    const q = $('#question').value.trim();
    if (!q || !checkLength()) return;
    $('#question').value = '';
    history.replaceState(null, '', '/?' + new URLSearchParams({ view: 'ask', q }));
    $('#chat').dataset.asked = '1';
    ask(q);
  }

  function ask(question) {
    $('#examples').hidden = true;
    $('#chat').append(el('div', { class: 'msg user', text: question }));
    const answer = el('div', { class: 'msg bot', 'aria-busy': 'true' });
    const pending = el('p', { class: 'pending', role: 'status' }, el('span', { class: 'dots', 'aria-hidden': 'true' }),
      el('span', { text: t('ask.pending') }));
    const text = el('p', { class: 'answer' });
    answer.append(pending, text);
    $('#chat').append(answer);
    answer.scrollIntoView({ block: 'end' });
    if (streaming) streaming.close();
    const url = '/api/ask/stream?' + new URLSearchParams({ question, conversationId, lang: '' }).toString();
    const source = new EventSource(url);
    streaming = source;
    const finish = () => { pending.remove(); answer.setAttribute('aria-busy', 'false'); source.close(); };
    source.addEventListener('token', (e) => {
      pending.remove();
      text.textContent += JSON.parse(e.data).text;
      answer.scrollIntoView({ block: 'end' });
    });
    source.addEventListener('citations', (e) => {
      const data = JSON.parse(e.data);
      conversationId = data.conversationId;
      sessionStorage.setItem('portalkb.conversation', conversationId);
      const numbers = numbering(data.answer, data.citations);
      renderAnswer(text, data.answer, data.citations, numbers);
      if (data.citations.length) answer.append(citationList(data.citations, numbers));
      followUps(answer, data);
    });
    source.addEventListener('done', finish);
    source.addEventListener('error', (e) => {
      let message = t('ask.lost');
      try { message = JSON.parse(e.data).error; } catch (ignored) { /* network error: no data */ }
      if (!text.textContent) text.textContent = t('ask.error') + ' ' + message;
      finish();
    });
  }

  /**
   * Server number → the number the reader sees: sources in the order the answer first cites them, then the others in
   * the order given. A lone source is [1], whatever the server numbered it.
   */
  function numbering(answerText, citations) {
    const order = [];
    for (const m of (answerText || '').matchAll(/\[(\d+)\]/g)) {
      const n = Number(m[1]);
      if (!order.includes(n) && citations.some((c) => c.n === n)) order.push(n);
    }
    citations.forEach((c) => { if (!order.includes(c.n)) order.push(c.n); });
    return new Map(order.map((n, i) => [n, i + 1]));
  }

  /** The answer's text with linked citations; lines written as a table ("| 1 | Bắc Kạn | 98,6% | …") become a table. */
  function renderAnswer(node, answerText, citations, numbers) {
    node.textContent = '';
    const lines = answerText.split('\n');
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
        cells.forEach((c) => { const td = el('td', { text: c }); linkCitations(td, citations, numbers); row.append(td); });
        table.append(row);
        return;
      }
      table = null;
      const span = el('span', { text: line + (i < lines.length - 1 ? '\n' : '') });
      linkCitations(span, citations, numbers);
      node.append(span);
    });
  }

  /** Turns "[n]" in the answer into a link to the cited passage, numbered as the reader sees it. */
  function linkCitations(node, citations, numbers) {
    const parts = node.textContent.split(/(\[\d+\])/);
    node.textContent = '';
    parts.forEach((part) => {
      const m = /^\[(\d+)\]$/.exec(part);
      const c = m && citations.find((x) => x.n === Number(m[1]));
      if (c) {
        node.append(el('a', { href: safeHref(c.url), class: 'cite', target: '_blank', rel: 'noopener noreferrer', title: c.quote,
          text: '[' + numbers.get(c.n) + ']' }));
      } else node.append(document.createTextNode(part));
    });
  }

  /** A document's page in a citation: its URL opens the file there ("…/bao-cao.pdf#page=3"). */
  function citedPage(url) {
    const m = /#page=(\d+)$/.exec(url || '');
    return m ? Number(m[1]) : null;
  }

  function citationList(citations, numbers) {
    const list = el('ol', { class: 'citations', 'aria-label': t('ask.sources') });
    citations.slice().sort((a, b) => numbers.get(a.n) - numbers.get(b.n)).forEach((c) => {
      const page = citedPage(c.url);
      const n = numbers.get(c.n);
      const details = el('details', {},
        el('summary', {}, el('span', { class: 'n', text: '[' + n + '] ' }), ui.fileBadge(ui.fileType(c.url)),
          el('a', { href: safeHref(c.url), target: '_blank', rel: 'noopener noreferrer', text: c.title || c.url }),
          page ? el('span', { class: 'page', text: ' — ' + t('cite.page', { n: page }) }) : document.createTextNode('')),
        el('blockquote', { text: c.quote || '' }),
        el('p', { class: 'meta', text: [c.source, c.province || t('search.noProvince'), day(c.published)].filter(Boolean).join(' · ') }));
      list.append(el('li', { value: String(n) }, details));
    });
    return list;
  }

  /** How a question names a metric: "Hộ nghèo, tỷ lệ" (the catalogue's indexing form) is asked as "tỷ lệ hộ nghèo". */
  function askedName(id) {
    const name = format.metricName(id);
    const parts = name.split(', ');
    const phrase = parts.length === 2 && !/[()]/.test(name) ? parts[1] + ' ' + parts[0].charAt(0).toLowerCase() + parts[0].slice(1) : name;
    return ui.lang() === 'vi' ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
  }

  /**
   * Suggestions after an answer with a catalogued figure: the same measure in another year of the province (its trend),
   * in another province (the leader of the ranking), and the ranking itself.
   */
  async function followUps(answer, data) {
    const figure = (data.figures || []).find((f) => format.isCatalogued(f.metric) && f.province);
    if (!figure) return;
    const box = el('div', { class: 'follow-ups', role: 'group', 'aria-label': t('ask.followUps') },
      el('span', { class: 'meta', text: t('ask.followUps') + ':' }));
    const question = (text) => {
      const b = el('button', { type: 'button', class: 'follow-up secondary', text });
      b.addEventListener('click', () => { $('#question').value = text; checkLength(); $('#ask-form').requestSubmit(); });
      box.append(b);
    };
    const metric = askedName(figure.metric);
    try {
      const [trend, rank] = await Promise.all([
        api('/api/trend?' + new URLSearchParams({ metric: figure.metric, province: figure.province })),
        api('/api/rank?' + new URLSearchParams({ metric: figure.metric, limit: '5' }))]);
      const years = trend.series.flatMap((s) => s.points.map((p) => p.year)).filter((y) => y !== figure.year);
      const year = years.filter((y) => y < figure.year).pop() || years.pop();
      if (year) question(t('follow.year', { metric, province: figure.province, year }));
      const named = new Set((data.figures || []).map((f) => f.province));
      const other = rank.rows.map((r) => r.cell.province).find((p) => !named.has(p));
      if (other) question(t('follow.province', { metric, province: other }));
    } catch (ignored) { /* suggestions are optional */ }
    box.append(el('a', { href: '/?' + new URLSearchParams({ view: 'rankings', metric: figure.metric }), 'data-nav': '1',
      class: 'follow-up ranking', text: t('follow.ranking', { metric: format.metricName(figure.metric) }) }));
    answer.append(box);
  }

  function reset() {
    conversationId = '';
    sessionStorage.removeItem('portalkb.conversation');
    $('#chat').textContent = '';
    delete $('#chat').dataset.asked;
    $('#examples').hidden = false;
  }

  $('#ask-form').addEventListener('submit', submit);
  $('#question').addEventListener('input', checkLength);
  return { render, reset, renderExamples };
};
