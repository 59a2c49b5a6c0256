// Plain SVG charts: a time axis of posts (a career or an organization's
// leadership) and a bar chart of events per month. Small enough that a
// charting library would cost more than it saves.
import { esc } from './util.js';

const NS = 'http://www.w3.org/2000/svg';

// parseDate turns an ISO date of any precision into a time in ms; edge
// picks the first (start) or last (end) day the date can mean.
export function parseDate(s, edge = 'start') {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  const y = +m[1], mo = m[2] ? +m[2] - 1 : null, d = m[3] ? +m[3] : null;
  if (edge === 'start') return Date.UTC(y, mo ?? 0, d ?? 1);
  if (d != null) return Date.UTC(y, mo, d + 1) - 1;
  if (mo != null) return Date.UTC(y, mo + 1, 1) - 1;
  return Date.UTC(y + 1, 0, 1) - 1;
}

// timeline draws rows {label, sub, start, end, href} as bars on one time
// axis. A post without a start is drawn from the left edge, one without an
// end to the right edge, faded, since the yearbook does not say.
export function timeline(rows, { title = '' } = {}) {
  const dated = rows.filter((r) => r.start || r.end);
  const undated = rows.filter((r) => !r.start && !r.end);
  const wrap = document.createElement('div');
  wrap.className = 'timeline';
  if (!dated.length) {
    wrap.innerHTML = `<p class="muted">没有带日期的任免记录。</p>`;
  } else {
    let lo = Infinity, hi = -Infinity;
    for (const r of dated) {
      for (const [d, e] of [[r.start, 'start'], [r.end, 'end']]) {
        const t = parseDate(d, e);
        if (t != null) { lo = Math.min(lo, t); hi = Math.max(hi, t); }
      }
    }
    // Whole years, so the axis reads as calendar months.
    const y0 = new Date(lo).getUTCFullYear(), y1 = new Date(hi).getUTCFullYear();
    lo = Date.UTC(y0, 0, 1); hi = Date.UTC(y1 + 1, 0, 1);
    const W = 760, L = 230, R = 16, rowH = 26, top = 30;
    const H = top + dated.length * rowH + 10;
    const x = (t) => L + ((t - lo) / (hi - lo)) * (W - L - R);
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('class', 'timeline-svg');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', title);
    let s = '';
    // Month ticks.
    const months = (y1 - y0 + 1) * 12;
    for (let i = 0; i <= months; i++) {
      const t = Date.UTC(y0, i, 1), xx = x(t);
      const jan = i % 12 === 0;
      s += `<line x1="${xx}" x2="${xx}" y1="${top - 6}" y2="${H - 6}" class="${jan ? 'tick-year' : 'tick'}"/>`;
      if (i < months && (months <= 24 || i % 3 === 0)) {
        const label = jan ? `${y0 + i / 12}年` : `${(i % 12) + 1}月`;
        s += `<text x="${xx + 3}" y="${top - 12}" class="tick-label">${label}</text>`;
      }
    }
    dated.forEach((r, i) => {
      const y = top + i * rowH;
      const ts = parseDate(r.start, 'start'), te = parseDate(r.end, 'end');
      const x0 = ts != null ? x(ts) : L, x1 = te != null ? x(te) : W - R;
      const cls = `bar${ts == null ? ' open-start' : ''}${te == null ? ' open-end' : ''}`;
      const tip = `${r.label} ${r.sub || ''} ${r.start ? r.start + ' 任' : ''} ${r.end ? r.end + ' 免' : ''}`.trim();
      s += `<g class="row" data-start="${esc(r.start || '')}" data-end="${esc(r.end || '')}">`;
      s += `<title>${esc(tip)}</title>`;
      const label = `<text x="${L - 8}" y="${y + 16}" class="row-label" text-anchor="end">${esc(clip(r.label, 9))}<tspan class="row-sub"> ${esc(clip(r.sub || '', 10))}</tspan></text>`;
      s += r.href ? `<a href="${esc(r.href)}" data-link>${label}</a>` : label;
      s += `<rect x="${x0}" y="${y + 5}" width="${Math.max(3, x1 - x0)}" height="14" rx="3" class="${cls}"/>`;
      if (ts != null) s += `<circle cx="${x0}" cy="${y + 12}" r="4.5" class="mark-start"><title>${esc(r.start)} 任</title></circle>`;
      if (te != null) s += `<rect x="${x1 - 4}" y="${y + 8}" width="8" height="8" class="mark-end"><title>${esc(r.end)} 免</title></rect>`;
      // The dates as the yearbook gives them, beside their marks when
      // there is room (else inside the bar).
      if (ts != null) s += x0 - L > 70 ? `<text x="${x0 - 8}" y="${y + 16}" text-anchor="end" class="mark-date">${esc(r.start)} 任</text>` : `<text x="${x0 + 8}" y="${y + 16}" class="mark-date inside">${esc(r.start)} 任</text>`;
      if (te != null) s += W - R - x1 > 70 ? `<text x="${x1 + 8}" y="${y + 16}" class="mark-date">${esc(r.end)} 免</text>` : `<text x="${x1 - 8}" y="${y + 16}" text-anchor="end" class="mark-date inside">${esc(r.end)} 免</text>`;
      s += `</g>`;
    });
    svg.innerHTML = s;
    wrap.append(svg);
    const legend = document.createElement('p');
    legend.className = 'muted small';
    legend.innerHTML = '● 任（开始） ■ 免（结束）；淡色部分表示年鉴未载明的起止。';
    wrap.append(legend);
  }
  if (undated.length) {
    const p = document.createElement('p');
    p.className = 'muted small';
    p.innerHTML = `未注明日期：${undated.map((r) => (r.href ? `<a href="${esc(r.href)}" data-link>${esc(r.label)}</a>` : esc(r.label)) + (r.sub ? ` ${esc(r.sub)}` : '')).join('；')}`;
    wrap.append(p);
  }
  return wrap;
}

function clip(s, n) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

// monthBars draws counts per month (keys 2023-01 …, missing months are 0)
// and calls onPick(key) when a bar is clicked or chosen with the keyboard.
export function monthBars(buckets, onPick) {
  const wrap = document.createElement('div');
  wrap.className = 'bars';
  const monthly = buckets.filter((b) => /^\d{4}-\d{2}$/.test(b.key));
  const yearOnly = buckets.filter((b) => /^\d{4}$/.test(b.key));
  if (!monthly.length) {
    wrap.innerHTML = '<p class="muted">没有按月记载的事件。</p>';
    return wrap;
  }
  const keys = monthly.map((b) => b.key).sort();
  const [y0] = keys[0].split('-').map(Number), [y1] = keys[keys.length - 1].split('-').map(Number);
  const count = new Map(monthly.map((b) => [b.key, b.count]));
  const all = [];
  for (let y = y0; y <= y1; y++) for (let m = 1; m <= 12; m++) all.push(`${y}-${String(m).padStart(2, '0')}`);
  const max = Math.max(...monthly.map((b) => b.count));
  const W = 760, H = 220, L = 34, B = 34, T = 12, R = 8;
  const bw = (W - L - R) / all.length;
  const y = (v) => T + (H - T - B) * (1 - v / max);
  let s = '';
  const step = Math.max(1, Math.ceil(max / 5));
  for (let v = 0; v <= max; v += step) {
    s += `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end" class="tick-label">${v}</text>`;
  }
  all.forEach((k, i) => {
    const c = count.get(k) || 0, xx = L + i * bw;
    const [yy, mm] = k.split('-');
    s += `<g class="bar-month${c ? '' : ' empty'}" data-month="${k}" data-count="${c}" ${c ? 'tabindex="0" role="button"' : ''} aria-label="${yy}年${+mm}月：${c} 个事件">`;
    s += `<title>${yy}年${+mm}月：${c} 个事件</title>`;
    s += `<rect x="${xx}" y="${T}" width="${bw}" height="${H - T - B}" class="hit"/>`;
    if (c) s += `<rect x="${xx + bw * 0.15}" y="${y(c)}" width="${bw * 0.7}" height="${H - B - y(c)}" rx="2" class="bar"/>`;
    if (c) s += `<text x="${xx + bw / 2}" y="${y(c) - 4}" text-anchor="middle" class="bar-value">${c}</text>`;
    s += `<text x="${xx + bw / 2}" y="${H - B + 16}" text-anchor="middle" class="tick-label">${+mm}月</text>`;
    if (mm === '01') s += `<text x="${xx + bw / 2}" y="${H - B + 30}" text-anchor="middle" class="tick-label">${yy}</text>`;
    s += `</g>`;
  });
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'bars-svg');
  svg.innerHTML = s;
  const pick = (g) => {
    if (!g || g.classList.contains('empty')) return;
    svg.querySelectorAll('.bar-month.selected').forEach((e) => e.classList.remove('selected'));
    g.classList.add('selected');
    onPick(g.dataset.month);
  };
  svg.addEventListener('click', (e) => pick(e.target.closest('.bar-month')));
  svg.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(e.target.closest('.bar-month')); }
  });
  wrap.append(svg);
  if (yearOnly.length) {
    const p = document.createElement('p');
    p.className = 'muted small';
    p.textContent = `另有 ${yearOnly.reduce((a, b) => a + b.count, 0)} 个事件只注明年份。`;
    wrap.append(p);
  }
  return wrap;
}
