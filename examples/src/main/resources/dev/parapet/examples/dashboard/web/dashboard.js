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

  function render(s) {
    const ts = pick(s, 'generatedAt', 'time', 'asOf');
    $('sim-time').textContent = time(ts);
    const accounts = accountList(s);
    renderHeadline(s, accounts);
    renderNavChart(s);
    renderRisk(s);
    renderExposures(accounts);
    renderMetrics(s);
    renderOrders(s);
    renderCompliance(s);
    renderTasks(s);
  }

  function accountList(s) {
    const a = pick(s, 'accounts');
    if (Array.isArray(a)) return a;
    if (a && typeof a === 'object') return Object.entries(a).map(([k, v]) => Object.assign({account: k}, v));
    return [];
  }

  function renderHeadline(s, accounts) {
    let nav = 0;
    let pnl = 0;
    let havePnl = false;
    for (const a of accounts) {
      nav += num(pick(a, 'nav', 'netAssetValue')) || 0;
      const p = num(pick(a, 'dayPnl', 'pnlToday', 'totalPnl', 'pnl'));
      if (isFinite(p)) { pnl += p; havePnl = true; }
    }
    const m = pick(s, 'metrics') || {};
    if (!accounts.length) nav = num(pick(m, 'nav'));
    $('nav-value').textContent = money(nav);
    $('pnl-value').textContent = havePnl ? money(pnl) : '–';
    $('account-count').textContent = String(accounts.length);
    const dd = pick(pick(s, 'risk') || {}, 'drawdown') || {};
    $('drawdown-value').textContent = pct(pick(dd, 'current', 'drawdown', 'currentDrawdown', 'value'));
  }

  function renderNavChart(s) {
    const m = pick(s, 'metrics') || {};
    const navs = series(pick(m, 'navHistory', 'nav') || pick(s, 'navHistory'), 'nav');
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
    const x = (i) => left + (W - left - right) * i / (navs.length - 1);
    const y = (v) => top + navH * (1 - (v - lo) / (hi - lo));
    // running drawdown from the series itself: 1 - nav / running peak
    let peak = -Infinity;
    const dds = vs.map((v) => { peak = Math.max(peak, v); return peak > 0 ? 1 - v / peak : 0; });
    const ddMax = Math.max(0.0001, ...dds);
    const yd = (d) => top + navH + gap + ddH * (d / ddMax);
    chart.append(svg('line', {x1: left, x2: W - right, y1: top + navH, y2: top + navH, stroke: '#26313d'}));
    chart.append(textAt(left - 4, top + 10, money(hi), 'end'));
    chart.append(textAt(left - 4, top + navH, money(lo), 'end'));
    chart.append(textAt(left - 4, top + navH + gap + ddH, '-' + pct(ddMax, 1), 'end'));
    let d = '';
    navs.forEach((p, i) => { d += (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(p.v).toFixed(1); });
    chart.append(svg('path', {d: d, fill: 'none', stroke: '#4fa3ff', 'stroke-width': 1.6, id: 'nav-line'}));
    let a = 'M' + x(0) + ' ' + yd(0);
    dds.forEach((v, i) => { a += 'L' + x(i).toFixed(1) + ' ' + yd(v).toFixed(1); });
    a += 'L' + x(dds.length - 1) + ' ' + yd(0) + 'Z';
    chart.append(svg('path', {d: a, fill: 'rgba(229,83,75,.45)', stroke: '#e5534b', 'stroke-width': 1}));
    chart.append(textAt(left + 4, top + navH + gap + 10, 'drawdown', 'start'));
    chart.append(textAt(W - right, H - 2, time(navs[navs.length - 1].t), 'end'));
    chart.append(textAt(left, H - 2, time(navs[0].t), 'start'));
  }

  function textAt(x, y, t, anchor) {
    const e = svg('text', {x: x, y: y, 'text-anchor': anchor || 'start'});
    e.textContent = t;
    return e;
  }

  function renderRisk(s) {
    const r = pick(s, 'risk') || {};
    const es = pick(r, 'es', 'expectedShortfall', 'es975');
    const v = pick(r, 'var', 'valueAtRisk', 'var99');
    $('es-value').textContent = money(pick(es, 'value', 'amount') !== undefined ? pick(es, 'value', 'amount') : es);
    $('var-value').textContent = money(pick(v, 'value', 'amount') !== undefined ? pick(v, 'value', 'amount') : v);
    drawSpark($('es-chart'), series(pick(r, 'esHistory', 'esSeries'), 'es'));
    const dd = pick(r, 'drawdown') || {};
    drawGauge($('dd-gauge'), num(pick(dd, 'budgetUsed', 'usedFraction', 'budgetUtilisation', 'utilization')),
      num(pick(dd, 'current', 'drawdown', 'value')), num(pick(dd, 'budget', 'limit', 'maxDrawdown')),
      pick(dd, 'state', 'level', 'status'));
    const c = pick(r, 'crowding') || {};
    const level = pick(c, 'level', 'state') || (typeof c === 'string' ? c : '–');
    const badge = $('crowding-level');
    badge.textContent = String(level);
    badge.className = 'badge ' + String(level);
    const parts = [];
    for (const k of ['score', 'absorptionRatio', 'concentration', 'averageCorrelation', 'largestCluster']) {
      if (c[k] !== undefined && c[k] !== null) parts.push(k + ' ' + plain(c[k]));
    }
    $('crowding-detail').textContent = parts.join(' · ');
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
    node.append(svg('path', {d: d, fill: 'none', stroke: '#e5a93a', 'stroke-width': 1.5}));
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

  function renderExposures(accounts) {
    const body = $('exposures').querySelector('tbody');
    clear(body);
    const sectors = new Map();
    for (const a of accounts) {
      const e = pick(a, 'exposure', 'exposures') || a;
      body.append(el('tr', {},
        el('td', {text: pick(a, 'account', 'id', 'name') || '–'}),
        el('td', {class: 'num', text: money(pick(e, 'gross', 'grossExposure'))}),
        el('td', {class: 'num', text: money(pick(e, 'net', 'netExposure'))}),
        el('td', {class: 'num', text: money(pick(e, 'long', 'longExposure'))}),
        el('td', {class: 'num', text: money(pick(e, 'short', 'shortExposure'))})));
      const bySector = pick(e, 'bySector', 'sectors', 'sectorExposures') || pick(a, 'bySector', 'sectors') || {};
      const entries = Array.isArray(bySector)
        ? bySector.map((x) => [pick(x, 'sector', 'name', 'key'), num(pick(x, 'net', 'value', 'exposure', 'gross'))])
        : Object.entries(bySector).map(([k, v]) => [k, num(pick(v, 'net', 'value') !== undefined ? pick(v, 'net', 'value') : v)]);
      for (const [k, v] of entries) {
        if (isFinite(v)) sectors.set(k, (sectors.get(k) || 0) + v);
      }
    }
    const bars = $('sector-bars');
    clear(bars);
    const list = [...sectors.entries()].sort((p, q) => Math.abs(q[1]) - Math.abs(p[1]));
    const max = Math.max(1e-9, ...list.map((p) => Math.abs(p[1])));
    for (const [k, v] of list) {
      const fill = el('div', {class: 'fill' + (v < 0 ? ' neg' : '')});
      fill.style.left = v < 0 ? (50 - 50 * Math.abs(v) / max) + '%' : '50%';
      fill.style.width = (50 * Math.abs(v) / max) + '%';
      bars.append(el('div', {class: 'bar'}, el('span', {text: k}), el('div', {class: 'track'}, fill),
        el('span', {class: 'val', text: money(v)})));
    }
  }

  function renderMetrics(s) {
    const m = pick(s, 'metrics') || {};
    let values = pick(m, 'values', 'current');
    if (!values) {
      values = {};
      for (const [k, v] of Object.entries(m)) if (typeof v === 'number' || v === null) values[k] = v;
    }
    const entries = Array.isArray(values)
      ? values.map((x) => [pick(x, 'name', 'metric', 'key'), pick(x, 'value')])
      : Object.entries(values);
    const box = $('metrics');
    clear(box);
    for (const [k, v] of entries) {
      box.append(el('div', {class: 'metric', 'data-metric': k},
        el('div', {class: 'name', text: k}), el('div', {class: 'value', text: plain(v)})));
    }
  }

  function renderOrders(s) {
    const e = pick(s, 'execution', 'executions') || {};
    const orders = pick(e, 'workingOrders', 'orders') || [];
    const body = $('orders').querySelector('tbody');
    clear(body);
    for (const o of orders) {
      const qty = num(pick(o, 'quantity', 'qty'));
      const filled = num(pick(o, 'filledQuantity', 'filled', 'executedQuantity'));
      body.append(el('tr', {},
        el('td', {text: pick(o, 'clientOrderId', 'orderId', 'id') || '–'}),
        el('td', {text: pick(o, 'instrument', 'instrumentId', 'symbol') || '–'}),
        el('td', {text: pick(o, 'side') || '–'}),
        el('td', {class: 'num', text: plain(qty)}),
        el('td', {class: 'num', text: isFinite(filled) && isFinite(qty) && qty > 0
          ? plain(filled) + ' (' + pct(filled / qty, 0) + ')' : plain(filled)}),
        el('td', {text: pick(o, 'algo', 'algorithm') || '–'}),
        el('td', {class: 'num', text: plain(pick(o, 'shortfallBps', 'implementationShortfallBps', 'shortfall'))})));
    }
    $('orders-empty').style.display = orders.length ? 'none' : '';
  }

  function renderCompliance(s) {
    const c = pick(s, 'compliance') || {};
    const ks = pick(c, 'killSwitch') || {};
    const engaged = typeof ks === 'boolean' ? ks : !!pick(ks, 'engaged', 'active');
    const badge = $('kill-switch');
    badge.textContent = engaged ? 'KILL SWITCH ENGAGED' : 'kill switch armed';
    badge.className = 'badge ' + (engaged ? 'engaged' : 'armed');
    badge.setAttribute('data-engaged', String(engaged));
    const who = pick(ks, 'by', 'engagedBy');
    const why = pick(ks, 'reason');
    $('kill-detail').textContent = (engaged ? 'engaged' : 'not engaged') + (who ? ' by ' + who : '')
      + (why ? ' — ' + why : '') + (pick(ks, 'since', 'at') ? ' at ' + time(pick(ks, 'since', 'at')) : '');
    const counts = pick(c, 'decisions', 'decisionCounts') || {};
    const approved = pick(counts, 'approved');
    const rejected = pick(counts, 'rejected');
    $('decisions').textContent = approved === undefined && rejected === undefined ? '–'
      : plain(approved) + ' approved · ' + plain(rejected) + ' rejected';
    const list = $('violations');
    clear(list);
    const vs = pick(c, 'openViolations', 'violations') || [];
    if (!vs.length) list.append(el('li', {class: 'muted', text: 'none'}));
    for (const v of vs) {
      list.append(el('li', {},
        el('strong', {text: pick(v, 'ruleId', 'rule', 'code') || 'rule'}), ' ',
        pick(v, 'subject', 'instrument', 'account') || '', ' ',
        el('span', {class: 'muted small', text: pick(v, 'message', 'detail', 'description') || ''})));
    }
  }

  function renderTasks(s) {
    const tasks = pick(s, 'tasks') || [];
    const body = $('tasks').querySelector('tbody');
    clear(body);
    const list = Array.isArray(tasks) ? tasks : Object.entries(tasks).map(([k, v]) => Object.assign({name: k}, v));
    for (const t of list) {
      body.append(el('tr', {},
        el('td', {text: pick(t, 'name', 'id', 'task') || '–'}),
        el('td', {text: time(pick(t, 'lastRun', 'lastRunAt', 'lastSuccess', 'lastCompleted'))}),
        el('td', {text: pick(t, 'state', 'status', 'health') || '–'})));
    }
    const dq = pick(s, 'dataQuality');
    $('data-quality').textContent = dq ? 'data quality: ' + summarise(dq) : '';
  }

  function summarise(o) {
    if (typeof o !== 'object') return String(o);
    return Object.entries(o).filter(([, v]) => typeof v !== 'object' || v === null)
      .map(([k, v]) => k + ' ' + plain(v)).join(' · ');
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
          for (const f of rep.files || []) {
            if (f.name.endsWith('.csv')) li.append(' ', el('a', {href: f.href, class: 'small muted', text: f.name}));
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
