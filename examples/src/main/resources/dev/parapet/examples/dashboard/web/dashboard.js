// Parapet dashboard: polls /api/status, listens to /api/alerts/stream, draws its own SVG charts.
// Plain JavaScript, no build step, no external assets. Data is inserted as text, never as HTML.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const POLL_MS = 1000;
  const REPORTS_MS = 4000;
  const ALERTS_SYNC_MS = 5000;
  const alerts = new Map(); // fingerprint -> alert view
  let lastStatus = null;

  // ------------------------------------------------------------------------------------------ helpers

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c !== undefined && c !== null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  // Returns the first of several candidate fields that is present (the status schema may name things a little
  // differently across versions).
  function pick(obj, ...names) {
    if (!obj || typeof obj !== 'object') return undefined;
    for (const n of names) {
      if (obj[n] !== undefined && obj[n] !== null) return obj[n];
    }
    return undefined;
  }

  function num(v) {
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object') {
      const x = pick(v, 'value', 'amount', 'current');
      return typeof x === 'number' ? x : NaN;
    }
    if (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) return Number(v);
    return NaN;
  }

  function money(v) {
    const x = num(v);
    if (!isFinite(x)) return '–';
    const abs = Math.abs(x);
    if (abs >= 1e9) return (x / 1e9).toFixed(2) + ' bn';
    if (abs >= 1e6) return (x / 1e6).toFixed(2) + ' m';
    if (abs >= 1e4) return (x / 1e3).toFixed(1) + ' k';
    if (abs >= 1e3) return (x / 1e3).toFixed(2) + ' k';
    return x.toFixed(2);
  }

  function pct(v, digits) {
    const x = num(v);
    return isFinite(x) ? (x * 100).toFixed(digits === undefined ? 2 : digits) + '%' : '–';
  }

  function plain(v) {
    const x = num(v);
    if (!isFinite(x)) return v === undefined || v === null ? '–' : String(v);
    const abs = Math.abs(x);
    if (abs !== 0 && (abs < 0.001 || abs >= 1e7)) return x.toExponential(2);
    if (abs >= 1000) return x.toLocaleString('en-US', {maximumFractionDigits: 0});
    return x.toLocaleString('en-US', {maximumFractionDigits: 4});
  }

  function time(v) {
    if (!v) return '–';
    const d = new Date(v);
    if (isNaN(d.getTime())) return String(v);
    return d.toISOString().replace('T', ' ').substring(0, 19) + 'Z';
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function message(id, text, ok) {
    const m = $(id);
    m.textContent = text;
    m.className = 'message ' + (ok ? 'ok' : 'error');
  }

  // A series may come as [{time, value}], [[time, value]], [number] or {times: [], values: []}.
  function series(s, ...valueNames) {
    if (!s) return [];
    if (Array.isArray(s)) {
      return s.map((p, i) => {
        if (typeof p === 'number') return {t: i, v: p};
        if (Array.isArray(p)) return {t: p[0], v: num(p[1])};
        const v = num(pick(p, ...valueNames, 'value', 'v', 'y'));
        return {t: pick(p, 'time', 't', 'at', 'date', 'timestamp'), v: v};
      }).filter((p) => isFinite(p.v));
    }
    const ts = pick(s, 'times', 'timestamps', 'dates');
    const vs = pick(s, 'values', ...valueNames);
    if (Array.isArray(vs)) return vs.map((v, i) => ({t: ts ? ts[i] : i, v: num(v)})).filter((p) => isFinite(p.v));
    return [];
  }

  // ------------------------------------------------------------------------------------------ token

  function token() {
    return sessionStorage.getItem('parapet.token') || '';
  }

  function showTokenState() {
    $('token-state').textContent = token() ? 'set' : 'none';
  }

  function readTokenFromFragment() {
    const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (m) {
      sessionStorage.setItem('parapet.token', decodeURIComponent(m[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  async function post(url, body) {
    const headers = {'Content-Type': 'application/json'};
    if (token()) headers['Authorization'] = 'Bearer ' + token();
    const r = await fetch(url, {method: 'POST', headers: headers, body: JSON.stringify(body || {})});
    let payload = {};
    try { payload = await r.json(); } catch (e) { /* empty body */ }
    return {status: r.status, ok: r.ok, body: payload};
  }

  // ------------------------------------------------------------------------------------------ status

  async function pollStatus() {
    try {
      const r = await fetch('/api/status', {cache: 'no-store'});
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const s = await r.json();
      lastStatus = s;
      render(s);
      setConnection(true, 'live');
    } catch (e) {
      setConnection(false, 'offline');
    } finally {
      setTimeout(pollStatus, POLL_MS);
    }
  }

  function setConnection(ok, text) {
    const c = $('connection');
    c.textContent = text;
    c.className = 'badge ' + (ok ? 'on' : 'off');
  }

  // The status follows the orchestrator's StatusSnapshot (schema version 1): accounts is a list; risk and
  // metrics are maps keyed by account. The page shows one account at a time (a selector appears when there are
  // several).
  function render(s) {
    $('sim-time').textContent = time(pick(s, 'generatedAt'));
    renderMarket(pick(s, 'market'));
    const accounts = Array.isArray(s.accounts) ? s.accounts : [];
    const account = selectAccount(accounts);
    const a = accounts.find((x) => x.account === account) || {};
    const risk = (s.risk || {})[account] || {};
    const metrics = (s.metrics || {})[account] || {};
    renderHeadline(a, risk, accounts.length);
    renderNavChart(metrics);
    renderRisk(risk);
    renderExposures(accounts, a);
    renderMetrics(metrics);
    renderOrders(pick(s, 'execution') || {});
    renderCompliance(pick(s, 'compliance') || {});
    renderTasks(s);
  }

  function renderMarket(m) {
    const b = $('market');
    if (!m) { b.textContent = 'market –'; b.className = 'badge'; return; }
    b.textContent = (m.exchange || 'market') + (m.open ? ' open' : ' closed');
    b.className = 'badge ' + (m.open ? 'on' : 'off');
  }

  function selectAccount(accounts) {
    const sel = $('account-select');
    const names = accounts.map((x) => x.account);
    const current = sel.value;
    if (sel.options.length !== names.length || names.some((n, i) => sel.options[i].value !== n)) {
      clear(sel);
      for (const n of names) sel.append(el('option', {value: n, text: n}));
      if (names.includes(current)) sel.value = current;
    }
    sel.style.display = names.length > 1 ? '' : 'none';
    return sel.value || names[0];
  }

  function renderHeadline(a, risk, count) {
    $('nav-value').textContent = money(a.nav);
    const pnl = num(a.realizedPnl) + num(a.unrealizedPnl);
    $('pnl-value').textContent = isFinite(pnl) ? (pnl >= 0 ? '+' : '') + money(pnl) : '–';
    $('account-name').textContent = a.account || '–';
    const dd = risk.drawdown || {};
    $('drawdown-value').textContent = pct(dd.drawdown);
    $('leverage-value').textContent = isFinite(num(a.leverage)) ? num(a.leverage).toFixed(2) + 'x' : '–';
    $('account-count').textContent = String(count);
  }

  function renderNavChart(m) {
    const navs = series(m.navHistory, 'nav');
    const chart = $('nav-chart');
    clear(chart);
    const W = 800, H = 260, top = 8, navH = 170, gap = 14, ddH = H - top - navH - gap - 14, left = 58, right = 6;
    if (navs.length < 2) {
      chart.append(textAt(W / 2, H / 2, 'waiting for NAV history…', 'middle'));
      return;
    }
    const vs = navs.map((p) => p.v);
    let lo = Math.min(...vs), hi = Math.max(...vs);
    if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
    const x = (i, n) => left + (W - left - right) * i / (n - 1);
    const y = (v) => top + navH * (1 - (v - lo) / (hi - lo));
    // drawdown below the peak as a positive fraction: from the snapshot when given, else from the NAV series
    let dds = series(m.drawdownHistory).map((p) => Math.abs(p.v));
    if (dds.length < 2) {
      let peak = -Infinity;
      dds = vs.map((v) => { peak = Math.max(peak, v); return peak > 0 ? 1 - v / peak : 0; });
    }
    const ddMax = Math.max(0.0001, ...dds);
    const yd = (d) => top + navH + gap + ddH * (d / ddMax);
    chart.append(svg('line', {x1: left, x2: W - right, y1: top + navH, y2: top + navH, stroke: '#26313d'}));
    chart.append(textAt(left - 4, top + 10, money(hi), 'end'));
    chart.append(textAt(left - 4, top + navH, money(lo), 'end'));
    chart.append(textAt(left - 4, top + navH + gap + ddH, '-' + pct(ddMax, ddMax < 0.01 ? 2 : 1), 'end'));
    let d = '';
    navs.forEach((p, i) => { d += (i ? 'L' : 'M') + x(i, navs.length).toFixed(1) + ' ' + y(p.v).toFixed(1); });
    chart.append(svg('path', {d: d, fill: 'none', stroke: '#4fa3ff', 'stroke-width': 1.6, id: 'nav-line'}));
    let a = 'M' + x(0, dds.length) + ' ' + yd(0);
    dds.forEach((v, i) => { a += 'L' + x(i, dds.length).toFixed(1) + ' ' + yd(v).toFixed(1); });
    a += 'L' + x(dds.length - 1, dds.length) + ' ' + yd(0) + 'Z';
    chart.append(svg('path', {d: a, fill: 'rgba(229,83,75,.45)', stroke: '#e5534b', 'stroke-width': 1, id: 'dd-area'}));
    chart.append(textAt(left + 4, top + navH + gap + 10, 'drawdown', 'start'));
    chart.append(textAt(W - right, H - 2, time(navs[navs.length - 1].t), 'end'));
    chart.append(textAt(left, H - 2, time(navs[0].t), 'start'));
  }

  function textAt(x, y, t, anchor) {
    const e = svg('text', {x: x, y: y, 'text-anchor': anchor || 'start'});
    e.textContent = t;
    return e;
  }

  function renderRisk(r) {
    const level = isFinite(num(r.confidence)) ? (num(r.confidence) * 100).toFixed(1).replace(/\.0$/, '') + '%' : '97.5%';
    $('es-label').textContent = 'ES ' + level + (r.method ? ' (' + r.method + ')' : '');
    $('es-value').textContent = money(r.expectedShortfall);
    $('var-value').textContent = money(r.valueAtRisk);
    $('es-limit').textContent = isFinite(num(r.esLimit))
      ? 'limit ' + money(r.esLimit) + ' · ' + pct(num(r.expectedShortfall) / num(r.esLimit), 0) + ' used' : '';
    $('risk-error').textContent = r.error ? 'last computation failed: ' + r.error : '';
    drawSpark($('es-chart'), series(r.esHistory, 'es'));
    const dd = r.drawdown || {};
    const tier = dd.halted ? 'halted' : (isFinite(num(dd.tier)) && num(dd.tier) > 0 ? 'tier ' + dd.tier : 'normal');
    drawGauge($('dd-gauge'), num(dd.budgetUsed), num(dd.drawdown), num(dd.budget), r.drawdown ? tier : '');
    $('dd-detail').textContent = r.drawdown
      ? 'high-water mark ' + money(dd.highWaterMark) + ' · max gross leverage ' + plain(dd.maxGrossLeverage) : 'no drawdown budget';
    const c = r.crowding || {};
    const badge = $('crowding-level');
    badge.textContent = c.level || '–';
    badge.className = 'badge ' + (c.level || '');
    const parts = [];
    const show = {effectiveN: 'effective N', hhi: 'HHI', gini: 'Gini', averageCorrelation: 'avg corr',
      absorptionRatio: 'absorption', clusters: 'clusters'};
    for (const [k, label] of Object.entries(show)) {
      if (c[k] !== undefined && c[k] !== null) parts.push(label + ' ' + plain(c[k]));
    }
    $('crowding-detail').textContent = parts.join(' · ') + (Array.isArray(c.reasons) && c.reasons.length
      ? ' — ' + c.reasons.join('; ') : '');
  }

  function drawSpark(node, pts) {
    clear(node);
    if (pts.length < 2) {
      node.append(textAt(150, 34, 'waiting for ES history…', 'middle'));
      return;
    }
    const vs = pts.map((p) => p.v);
    let lo = Math.min(...vs), hi = Math.max(...vs);
    if (hi - lo < 1e-12) { hi += 1; lo -= 1; }
    let d = '';
    pts.forEach((p, i) => {
      const x = 300 * i / (pts.length - 1);
      const y = 56 - 52 * (p.v - lo) / (hi - lo);
      d += (i ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1);
    });
    node.append(svg('path', {d: d, fill: 'none', stroke: '#e5a93a', 'stroke-width': 1.5, id: 'es-line'}));
  }

  // A half-circle gauge of the share of the drawdown budget used.
  function drawGauge(node, used, current, budget, state) {
    clear(node);
    let f = used;
    if (!isFinite(f) && isFinite(current) && isFinite(budget) && budget > 0) f = Math.abs(current) / budget;
    const cx = 100, cy = 100, r = 80;
    const arc = (a0, a1, color, width) => {
      const p0 = [cx - r * Math.cos(a0), cy - r * Math.sin(a0)];
      const p1 = [cx - r * Math.cos(a1), cy - r * Math.sin(a1)];
      return svg('path', {d: 'M' + p0[0] + ' ' + p0[1] + ' A' + r + ' ' + r + ' 0 0 1 ' + p1[0] + ' ' + p1[1],
        fill: 'none', stroke: color, 'stroke-width': width, 'stroke-linecap': 'butt'});
    };
    node.append(arc(0, Math.PI, '#26313d', 16));
    if (isFinite(f)) {
      const g = Math.max(0, Math.min(1, f));
      const color = g < 0.5 ? '#3fb97a' : g < 0.8 ? '#e5a93a' : '#e5534b';
      if (g > 0) node.append(arc(0, Math.PI * g, color, 16));
    }
    const t = svg('text', {x: cx, y: cy - 12, 'text-anchor': 'middle', class: 'gauge-value', id: 'dd-used'});
    t.textContent = isFinite(f) ? pct(f, 0) : '–';
    node.append(t);
    const sub = svg('text', {x: cx, y: cy + 4, 'text-anchor': 'middle'});
    sub.textContent = isFinite(budget) ? 'of ' + pct(budget, 1) + (state ? ' · ' + state : '') : (state || 'budget');
    node.append(sub);
  }

  function renderExposures(accounts, selected) {
    const body = $('exposures').querySelector('tbody');
    clear(body);
    for (const a of accounts) {
      body.append(el('tr', {},
        el('td', {text: a.account}),
        el('td', {class: 'num', text: money(a.grossExposure)}),
        el('td', {class: 'num', text: money(a.netExposure)}),
        el('td', {class: 'num', text: money(a.longExposure)}),
        el('td', {class: 'num', text: money(a.shortExposure)}),
        el('td', {class: 'num', text: String(a.openOrders === undefined ? '–' : a.openOrders)})));
    }
    const bars = $('sector-bars');
    clear(bars);
    const list = Object.entries(selected.exposureBySector || {}).map(([k, v]) => [k, num(v)]).filter((p) => isFinite(p[1]))
      .sort((p, q) => Math.abs(q[1]) - Math.abs(p[1]));
    const max = Math.max(1e-9, ...list.map((p) => Math.abs(p[1])));
    const nav = num(selected.nav);
    for (const [k, v] of list) {
      const fill = el('div', {class: 'fill' + (v < 0 ? ' neg' : '')});
      fill.style.left = '0%';
      fill.style.width = (100 * Math.abs(v) / max) + '%';
      bars.append(el('div', {class: 'bar', 'data-sector': k}, el('span', {text: k}), el('div', {class: 'track'}, fill),
        el('span', {class: 'val', text: money(v) + (nav > 0 ? ' · ' + pct(v / nav, 1) : '')})));
    }
    if (!list.length) bars.append(el('div', {class: 'muted small', text: 'no positions'}));
  }

  // Returns, volatilities, drawdowns, VaR, ES and rates are fractions: shown as percentages.
  const PERCENT_METRIC = /return|volatility|drawdown|valueatrisk|expectedshortfall|rate|error/i;

  function metricText(name, v) {
    const x = num(v);
    if (!isFinite(x)) return '–';
    if (PERCENT_METRIC.test(name)) return pct(x, Math.abs(x) < 0.01 ? 3 : 2);
    return Math.abs(x) >= 1000 ? plain(x) : x.toFixed(Math.abs(x) < 10 ? 3 : 1);
  }

  function renderMetrics(m) {
    const entries = Object.entries(m.values || {});
    const box = $('metrics');
    clear(box);
    for (const [k, v] of entries) {
      box.append(el('div', {class: 'metric', 'data-metric': k},
        el('div', {class: 'name', text: k}), el('div', {class: 'value', text: metricText(k, v)})));
    }
    if (!entries.length) box.append(el('div', {class: 'muted small', text: 'waiting for the first metrics run…'}));
    $('metrics-asof').textContent = m.asOf ? 'as of ' + time(m.asOf) : '';
  }

  function renderOrders(e) {
    const orders = e.working || [];
    const body = $('orders').querySelector('tbody');
    clear(body);
    const MAX_ROWS = 25;
    for (const o of orders.slice(0, MAX_ROWS)) {
      const qty = num(o.quantity);
      const filled = num(o.filled);
      body.append(el('tr', {},
        el('td', {text: o.clientOrderId}),
        el('td', {text: o.instrument}),
        el('td', {text: o.side}),
        el('td', {class: 'num', text: plain(qty)}),
        el('td', {class: 'num', text: qty > 0 ? plain(filled) + ' (' + pct(filled / qty, 0) + ')' : plain(filled)}),
        el('td', {class: 'algo', text: o.algo || '–'}),
        el('td', {class: 'num', text: o.shortfallBps === null || o.shortfallBps === undefined ? '–'
          : num(o.shortfallBps).toFixed(1)}),
        el('td', {text: o.state || ''})));
    }
    if (orders.length > MAX_ROWS) {
      body.append(el('tr', {}, el('td', {colspan: '8', class: 'muted', text: '… and ' + (orders.length - MAX_ROWS)
        + ' more (see /api/executions)'})));
    }
    $('orders-empty').style.display = orders.length ? 'none' : '';
    $('orders-summary').textContent = orders.length + ' working · ' + plain(e.completedToday) + ' completed today';
  }

  function renderCompliance(c) {
    const engaged = !!c.killSwitchEngaged;
    const badge = $('kill-switch');
    badge.textContent = engaged ? 'KILL SWITCH ENGAGED' : 'kill switch armed';
    badge.className = 'badge ' + (engaged ? 'engaged' : 'armed');
    badge.setAttribute('data-engaged', String(engaged));
    $('kill-detail').textContent = engaged
      ? 'engaged since ' + time(c.killSwitchSince) + (c.killSwitchReason ? ' — ' + c.killSwitchReason : '')
      : 'not engaged';
    $('policy').textContent = c.policy || '–';
    $('decisions').textContent = plain(c.approved) + ' approved · ' + plain(c.rejected) + ' rejected';
    const reasons = Object.entries(c.rejectionsByReason || {}).sort((p, q) => q[1] - p[1]);
    $('rejections').textContent = reasons.map(([k, v]) => k + ' ' + v).join(' · ');
    const list = $('violations');
    clear(list);
    const vs = c.openViolations || [];
    if (!vs.length) list.append(el('li', {class: 'muted', text: 'none'}));
    for (const v of vs) {
      list.append(el('li', {},
        el('strong', {text: v.rule}), ' ', v.subject || '', ' ',
        el('span', {class: 'muted small', text: (v.message || '') + (v.since ? ' · since ' + time(v.since) : '')})));
    }
  }

  function renderTasks(s) {
    const body = $('tasks').querySelector('tbody');
    clear(body);
    for (const t of s.tasks || []) {
      const outcome = t.running ? 'running' : (t.lastOutcome || 'not run');
      body.append(el('tr', {class: t.lastOutcome && t.lastOutcome !== 'SUCCEEDED' ? 'task-bad' : ''},
        el('td', {text: t.name}),
        el('td', {text: time(t.lastStart)}),
        el('td', {text: outcome, title: t.lastError || ''}),
        el('td', {class: 'num', text: plain(t.runs) + (t.failures ? ' / ' + t.failures + ' failed' : '')}),
        el('td', {text: time(t.nextRun)})));
    }
    const dq = s.dataQuality;
    $('data-quality').textContent = dq ? 'data quality' + (dq.lastRun ? ' (' + time(dq.lastRun) + ')' : '') + ': '
      + (dq.summary || plain(dq.issues) + ' issues') : '';
  }

  // ------------------------------------------------------------------------------------------ alerts

  async function loadAlerts() {
    try {
      const r = await fetch('/api/alerts', {cache: 'no-store'});
      if (!r.ok) return;
      const body = await r.json();
      alerts.clear();
      for (const a of body.alerts || []) alerts.set(a.fingerprint, a);
      renderAlerts();
    } catch (e) { /* retried on the next sync */ }
  }

  function listenAlerts() {
    const es = new EventSource('/api/alerts/stream');
    es.addEventListener('alert', (ev) => {
      const a = JSON.parse(ev.data);
      const old = alerts.get(a.fingerprint);
      if (old && old.acknowledged && !a.acknowledged) a.acknowledged = true, a.acknowledgedBy = old.acknowledgedBy;
      alerts.set(a.fingerprint, a);
      renderAlerts();
    });
    es.addEventListener('overflow', loadAlerts);
    es.addEventListener('open', loadAlerts);
  }

  function renderAlerts() {
    const list = $('alerts');
    clear(list);
    const sorted = [...alerts.values()].sort((a, b) => String(b.startsAt).localeCompare(String(a.startsAt)));
    let firing = 0;
    for (const a of sorted.slice(0, 100)) {
      if (a.state !== 'RESOLVED') firing++;
      const li = el('li', {class: 'sev-' + a.severity + ' state-' + a.state, 'data-fingerprint': a.fingerprint,
        'data-acknowledged': String(!!a.acknowledged)},
        el('div', {class: 'top'},
          el('span', {class: 'sev', text: a.severity}),
          el('span', {class: 'name', text: a.name}),
          el('span', {class: 'muted small', text: a.category + ' · ' + a.state}),
          el('span', {class: 'time', text: time(a.startsAt)})),
        a.summary ? el('div', {class: 'summary', text: a.summary}) : null);
      if (a.acknowledged) {
        li.append(el('div', {class: 'acked', text: 'acknowledged' + (a.acknowledgedBy ? ' by ' + a.acknowledgedBy : '')}));
      } else if (a.state !== 'RESOLVED') {
        li.append(el('button', {class: 'ack', type: 'button', text: 'acknowledge',
          onclick: () => acknowledge(a.fingerprint)}));
      }
      list.append(li);
    }
    $('alert-count').textContent = sorted.length ? '(' + firing + ' active, ' + sorted.length + ' shown)' : '(none yet)';
  }

  async function acknowledge(fingerprint) {
    try {
      const r = await post('/api/alerts/' + fingerprint + '/acknowledge', {by: 'dashboard', comment: 'acknowledged on the dashboard'});
      if (r.ok) {
        const a = alerts.get(fingerprint);
        if (a) { a.acknowledged = true; a.acknowledgedBy = r.body.by || 'dashboard'; }
        renderAlerts();
        message('ack-message', 'acknowledged ' + fingerprint, true);
      } else {
        message('ack-message', r.status + ' ' + (r.body.error || '') + ': ' + (r.body.message || 'refused'), false);
      }
    } catch (e) {
      message('ack-message', 'cannot reach the server: ' + e, false);
    }
  }

  // ------------------------------------------------------------------------------------------ reports

  async function pollReports() {
    try {
      const r = await fetch('/api/reports', {cache: 'no-store'});
      if (r.ok) {
        const body = await r.json();
        const list = $('reports');
        clear(list);
        for (const rep of body.reports || []) {
          const li = el('li', {'data-date': rep.date});
          if (rep.html) li.append(el('a', {href: rep.html, target: '_blank', rel: 'noopener', class: 'report-link', text: rep.date}));
          else li.append(el('span', {text: rep.date}));
          li.append(' ', el('a', {href: rep.json, target: '_blank', rel: 'noopener', class: 'small', text: 'json'}));
          const csv = (rep.files || []).filter((f) => f.name.endsWith('.csv'));
          if (csv.length) {
            const d = el('details', {class: 'csv'}, el('summary', {class: 'small muted', text: csv.length + ' CSV tables'}));
            for (const f of csv) d.append(el('a', {href: f.href, class: 'small', text: f.name}), ' ');
            li.append(' ', d);
          }
          list.append(li);
        }
        $('reports-empty').style.display = (body.reports || []).length ? 'none' : '';
      }
    } catch (e) { /* retried */ } finally {
      setTimeout(pollReports, REPORTS_MS);
    }
  }

  // ------------------------------------------------------------------------------------------ kill switch

  async function killSwitch(action) {
    const reason = $('kill-reason').value.trim();
    if (!reason) {
      message('kill-message', 'give a reason first', false);
      return;
    }
    try {
      const r = await post('/api/kill-switch/' + action, {by: 'dashboard', reason: reason});
      if (r.ok) {
        message('kill-message', 'kill switch ' + (r.body.engaged ? 'engaged' : 'reset'), true);
        $('kill-reason').value = '';
      } else {
        message('kill-message', r.status + ' ' + (r.body.error || '') + ': ' + (r.body.message || 'refused'), false);
      }
    } catch (e) {
      message('kill-message', 'cannot reach the server: ' + e, false);
    }
  }

  // ------------------------------------------------------------------------------------------ start

  function start() {
    readTokenFromFragment();
    showTokenState();
    $('token-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = $('token-input').value.trim();
      if (v) sessionStorage.setItem('parapet.token', v); else sessionStorage.removeItem('parapet.token');
      $('token-input').value = '';
      showTokenState();
    });
    $('kill-engage').addEventListener('click', () => killSwitch('engage'));
    $('kill-reset').addEventListener('click', () => killSwitch('reset'));
    pollStatus();
    pollReports();
    loadAlerts();
    listenAlerts();
    setInterval(loadAlerts, ALERTS_SYNC_MS);
  }

  window.parapetDashboard = {status: () => lastStatus, alerts: () => [...alerts.values()]};
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
