// The graph explorer: a small single-page app over the public GraphQL API.
// Routes use the History API so every view has a shareable URL:
//   /            search and the most-mentioned entities
//   /e/<id>      an entity: facts, graph, timeline, mentions
//   /e/<id>#mention-N   the same with the N-th mention's source open
//   /path?from=<id>&to=<id>   how two entities are connected
import './style.css';
import { gql, Q } from './api.js';
import { KINDS, KIND_ORDER, PLACE_TYPES, REL, badge, dateRange } from './kinds.js';
import { esc, h, entityHref } from './util.js';
import { searchBox } from './search.js';
import { Explorer, legend } from './graph.js';
import { timeline, monthBars } from './charts.js';

const app = document.getElementById('app');
const panel = document.getElementById('source-panel');
let current = null; // the view's graph, destroyed on navigation
let yearbookTitles = {};
let entityState = null; // the entity on screen, for #mention-N links

// ---------- routing ----------

export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  route();
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-link]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
  const url = new URL(a.getAttribute('href') || a.getAttribute('xlink:href'), location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    history.pushState(null, '', url.href);
    showHash();
    return;
  }
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', () => route());

let lastPath = null;
async function route() {
  const key = location.pathname + location.search;
  if (key === lastPath) { showHash(); return; }
  lastPath = key;
  closePanel(false);
  if (current) { current.destroy(); current = null; }
  window.scrollTo(0, 0);
  const p = location.pathname;
  try {
    if (p === '/' || p === '') await homeView();
    else if (p.startsWith('/e/')) await entityView(decodeURIComponent(p.slice(3)));
    else if (p === '/path') await pathView();
    else notFound();
  } catch (err) {
    app.innerHTML = `<section class="card error" data-testid="error"><h1>出错了</h1><p>${esc(err.message)}</p></section>`;
  }
  showHash();
}

function notFound() {
  document.title = '未找到 · 年鉴知识图谱';
  app.innerHTML = `<section class="card"><h1>未找到</h1><p><a href="/" data-link>回到首页</a></p></section>`;
}

// ---------- home ----------

async function homeView() {
  document.title = '年鉴知识图谱 · Yearbook graph explorer';
  app.innerHTML = `<section class="hero"><h1>年鉴知识图谱</h1>
    <p>从年鉴中抽取的人物、机构、地点、事件和项目，以及每条事实在年鉴中的出处（页码、栏目、原文）。</p>
    <div class="hero-search"></div>
    <p class="muted small">试试：${['柳鹏', '中共武威市委员会', '凉州区', '武威市', '民勤通用机场'].map((n) => `<button class="chip try" type="button">${n}</button>`).join(' ')}</p></section>
    <section class="home-lists" data-testid="home"><p class="loading">加载中…</p></section>`;
  const sb = searchBox({ onPick: (e) => navigate(entityHref(e.id)), testid: 'hero-search' });
  app.querySelector('.hero-search').append(sb);
  app.querySelectorAll('.try').forEach((b) => b.addEventListener('click', () => {
    sb.input.value = b.textContent;
    sb.input.dispatchEvent(new Event('input'));
    sb.input.focus();
  }));
  const d = await gql(Q.home);
  const counts = Object.fromEntries(d.stats.byKind.map((b) => [b.key, b.count]));
  const col = (k, conn) => `<div class="card"><h2>${badge(k)} ${KINDS[k].label} <span class="muted">${counts[k] ?? ''}</span></h2>
    <ol class="plain">${conn.edges.map(({ node: n }) => `<li>${link(n)}</li>`).join('')}</ol></div>`;
  app.querySelector('.home-lists').innerHTML = `
    <p class="muted">${d.yearbooks.map((y) => `《${esc(y.title)}》`).join('、')}：${KIND_ORDER.map((k) => `${KINDS[k].label} ${counts[k] ?? 0}`).join(' · ')} · 关系 ${d.stats.relationships}。下面是被提及最多的：</p>
    <div class="grid4">${col('PERSON', d.people)}${col('ORGANIZATION', d.organizations)}${col('PLACE', d.places)}${col('PROJECT', d.projects)}</div>`;
}

// ---------- entity ----------

function link(e, extra = '') {
  if (!e) return '';
  return `<a class="ent" href="${entityHref(e.id)}" data-link data-kind="${e.kind}">${badge(e.kind)}${esc(e.name)}</a>${extra}`;
}
const links = (es) => (es && es.length ? es.map((e) => link(e)).join(' ') : '<span class="muted">—</span>');
const fact = (label, value) => (value ? `<dt>${label}</dt><dd>${value}</dd>` : '');

function ybTitle(id) { return yearbookTitles[id] || id; }

// cite formats a mention as a historian writes a reference.
function cite(m) {
  return `《${ybTitle(m.yearbook)}》${m.page ? `第${m.page}页，` : ''}${m.section ? `${m.section}，` : ''}第${m.line}行`;
}

async function entityView(id) {
  app.innerHTML = '<p class="loading">加载中…</p>';
  const d = await gql(Q.entity, { id });
  yearbookTitles = Object.fromEntries(d.yearbooks.map((y) => [y.id, y.title]));
  const e = d.node;
  if (!e) { notFound(); return; }
  document.title = `${e.name} · ${KINDS[e.kind].label} · 年鉴知识图谱`;
  entityState = { e, mentions: e.mentions };
  const k = KINDS[e.kind];
  app.innerHTML = `
  <article class="entity" data-testid="entity" data-id="${esc(e.id)}" data-kind="${e.kind}">
    <header class="entity-head">
      <span class="kind-tag" style="background:${k.color}">${badge(e.kind)}${k.label} <small>${k.en}</small></span>
      <h1 data-testid="entity-name">${esc(e.name)}</h1>
      ${e.aliases.length ? `<p class="aliases">又称：${e.aliases.map(esc).join('、')}</p>` : ''}
      <p class="muted small">ID <code>${esc(e.id)}</code> · 提及 ${e.mentionCount} 次 ·
        <a href="/path?from=${encodeURIComponent(e.id)}" data-link>查找与其他实体的关系路径</a></p>
    </header>
    <div class="cols">
      <section class="card facts" data-testid="facts"><h2>要点</h2>${facts(e)}</section>
      <section class="card graph-card"><div class="card-head"><h2>关系网络</h2>
          <div class="tools"><button type="button" class="btn" data-act="fit" title="适应窗口">适应</button><button type="button" class="btn" data-act="reset" title="重新载入">重置</button></div></div>
        <p class="muted small">拖动平移、滚轮或双指缩放、拖动节点；单击节点展开其关系，单击连线查看出处。</p>
        <div class="graph" id="graph" data-testid="graph"></div>
        <div class="graph-foot">${legend()}<div class="selection" data-testid="selection"></div></div>
      </section>
    </div>
    <div class="extra"></div>
    <section class="card mentions" data-testid="mentions"><h2>出处 <span class="muted">${e.mentionCount} 处${e.mentionCount > e.mentions.length ? `，显示前 ${e.mentions.length} 处` : ''}</span></h2>
      <ol class="mention-list">${e.mentions.map((m, i) => `<li id="mention-${i + 1}" data-testid="mention">
        <a href="#mention-${i + 1}" data-link class="cite-link"><span class="page">${m.page ? `第${m.page}页` : '页码不详'}</span>
        <span class="section">${esc(m.section)}</span> <span class="line muted">第${m.line}行</span></a>
        <blockquote>${mark(m.quote, e)}</blockquote></li>`).join('')}</ol>
    </section>
  </article>`;
  // Extra sections per kind: timelines and the place's events per month.
  const extra = app.querySelector('.extra');
  if (e.kind === 'PERSON') {
    const rows = e.career.map(({ position: p }) => ({ label: p.title, sub: p.organization.name, start: p.start, end: p.end, href: entityHref(p.organization.id) }));
    extra.append(section('任职时间轴', 'timeline', timeline(rows, { title: `${e.name}的任职` })));
  } else if (e.kind === 'ORGANIZATION') {
    const rows = e.positions.map((p) => ({ label: p.person.name, sub: p.title, start: p.start, end: p.end, href: entityHref(p.person.id) }));
    const sec = section('领导任免时间轴', 'timeline', timeline(rows, { title: `${e.name}的领导任免` }));
    if (e.timeline.length) {
      sec.append(h(`<details class="changes"><summary>任免记录（${e.timeline.length}）</summary><ol class="plain">${e.timeline.map((c) =>
        `<li><span class="date">${esc(c.date)}</span> ${c.kind === 'START' ? '任' : '免'} ${link(c.position.person)} ${esc(c.position.title)}</li>`).join('')}</ol></details>`));
    }
    extra.append(sec);
  } else if (e.kind === 'PLACE') {
    await placeEvents(extra, e);
  }
  // The graph.
  const g = app.querySelector('#graph');
  const sel = app.querySelector('.selection');
  current = new Explorer(g, { onSelect: (s) => showSelection(sel, s) });
  app.querySelector('[data-act=fit]').addEventListener('click', () => current.fit());
  app.querySelector('[data-act=reset]').addEventListener('click', () => current.load(e.id));
  await current.load(e.id);
}

function section(title, testid, body) {
  const s = h(`<section class="card" data-testid="${testid}"><h2>${title}</h2></section>`);
  s.append(body);
  return s;
}

function mark(quote, e) {
  let q = esc(quote);
  for (const n of [e.name, ...e.aliases].filter((n) => n && n.length > 1).sort((a, b) => b.length - a.length)) {
    const en = esc(n);
    if (q.includes(en)) { q = q.split(en).join(`<mark>${en}</mark>`); break; }
  }
  return q;
}

function posLine(p, who) {
  const d = dateRange(p.start, p.end);
  const notes = [p.concurrent ? '兼' : '', p.note || ''].filter(Boolean).join('，');
  return `<li data-testid="position">${who} <strong>${esc(p.title)}</strong>${d ? ` <span class="date">${esc(d)}</span>` : ''}${notes ? ` <span class="muted">（${esc(notes)}）</span>` : ''}${src(p.source)}</li>`;
}

// src is a small provenance link after a fact: page and line, opening the
// source panel with the quoted sentence.
let srcSeq = 0;
const sources = new Map();
function src(m) {
  if (!m) return '';
  const k = `s${++srcSeq}`;
  sources.set(k, m);
  return ` <button type="button" class="src" data-src="${k}" title="${esc(m.quote)}">${m.page ? `p.${m.page}` : `l.${m.line}`}</button>`;
}
document.addEventListener('click', (e) => {
  const b = e.target.closest('button.src');
  if (b && sources.has(b.dataset.src)) openPanel(sources.get(b.dataset.src));
});

function dated(list) {
  return list && list.length ? `<ol class="plain dated">${list.map((ev) => `<li><span class="date">${esc(ev.date)}</span> ${link(ev)}</li>`).join('')}</ol>` : '<span class="muted">—</span>';
}

function facts(e) {
  let dl = '';
  switch (e.kind) {
    case 'PERSON':
      dl += fact('性别', esc(e.gender)) + fact('民族', esc(e.ethnicity)) + fact('出生', esc(e.born));
      dl += `<dt>任职</dt><dd><ol class="plain career">${e.career.map(({ position: p }) => posLine(p, link(p.organization))).join('') || '<li class="muted">—</li>'}</ol></dd>`;
      if (e.honors.length) dl += `<dt>荣誉</dt><dd><ul class="plain">${e.honors.map((x) => `<li>${esc(x.title)}${x.year ? ` <span class="date">${esc(x.year)}</span>` : ''}${x.awardedBy ? ` ${link(x.awardedBy)}` : ''}${src(x.source)}</li>`).join('')}</ul></dd>`;
      dl += `<dt>参与事件</dt><dd>${dated(e.events)}</dd>`;
      break;
    case 'ORGANIZATION': {
      dl += `<dt>上级</dt><dd>${e.parent ? link(e.parent) : '<span class="muted">—</span>'}</dd>`;
      dl += `<dt>下属单位</dt><dd>${links(e.units)}</dd>`;
      const open = e.positions.filter((p) => !p.end);
      dl += `<dt>领导</dt><dd><ol class="plain leadership">${(open.length ? open : e.positions).map((p) => posLine(p, link(p.person))).join('') || '<li class="muted">—</li>'}</ol>
        ${open.length && open.length < e.positions.length ? `<p class="muted small">另有 ${e.positions.length - open.length} 条已免职务，见时间轴。</p>` : ''}</dd>`;
      if (e.places.length) dl += `<dt>所在地</dt><dd>${links(e.places)}</dd>`;
      if (e.projects.length) dl += `<dt>项目</dt><dd>${links(e.projects)}</dd>`;
      if (e.honors.length) dl += `<dt>荣誉</dt><dd><ul class="plain">${e.honors.map((x) => `<li>${esc(x.title)}${x.year ? ` <span class="date">${esc(x.year)}</span>` : ''}${src(x.source)}</li>`).join('')}</ul></dd>`;
      dl += `<dt>参与事件</dt><dd>${dated(e.events)}</dd>`;
      break;
    }
    case 'PLACE':
      dl += fact('类型', esc(PLACE_TYPES[e.placeType] || e.placeType));
      dl += `<dt>上级</dt><dd>${e.parent ? link(e.parent) : '<span class="muted">—</span>'}</dd>`;
      dl += `<dt>下辖</dt><dd class="chips">${links(e.children)}</dd>`;
      if (e.projects.length) dl += `<dt>项目</dt><dd>${links(e.projects)}</dd>`;
      break;
    case 'EVENT':
      dl += `<dt>日期</dt><dd><span class="date">${esc(e.date)}${e.endDate ? ` – ${esc(e.endDate)}` : ''}</span></dd>`;
      dl += fact('类别', esc(e.category));
      dl += `<dt>人物</dt><dd>${links(e.people)}</dd><dt>机构</dt><dd>${links(e.organizations)}</dd><dt>地点</dt><dd>${links(e.places)}</dd>`;
      if (e.projects.length) dl += `<dt>项目</dt><dd>${links(e.projects)}</dd>`;
      dl += `<dt>原文</dt><dd><blockquote>${esc(e.description)}</blockquote></dd>`;
      break;
    case 'PROJECT':
      dl += fact('投资', esc(e.investment)) + fact('状态', esc(e.status));
      dl += `<dt>地点</dt><dd>${links(e.places)}</dd><dt>建设单位</dt><dd>${links(e.organizations)}</dd>`;
      dl += `<dt>事件</dt><dd>${dated(e.events)}</dd>`;
      break;
  }
  return `<dl>${dl}</dl>`;
}

async function placeEvents(extra, e) {
  const d = await gql(Q.eventCounts, { place: e.id });
  const sec = h(`<section class="card" data-testid="place-events"><h2>按月事件 <span class="muted small">（含下辖地点）</span></h2></section>`);
  const list = h(`<div class="event-list" data-testid="event-list"></div>`);
  const show = async (month) => {
    list.innerHTML = '<p class="loading">加载中…</p>';
    const r = (await gql(Q.events, { place: e.id, from: month, to: month })).events;
    const head = month ? `${month.slice(0, 4)}年${+month.slice(5)}月` : '全部';
    list.innerHTML = `<h3>${head}：${r.totalCount} 个事件 ${month ? '<button type="button" class="btn small" data-act="all">显示全部</button>' : ''}</h3>
      <ol class="plain dated">${r.edges.map(({ node: ev }) => `<li data-testid="event"><span class="date">${esc(ev.date)}</span> ${link(ev)} <span class="muted small">${ev.places.map((p) => esc(p.name)).join('、')}</span></li>`).join('')}</ol>`;
    list.querySelector('[data-act=all]')?.addEventListener('click', () => { sec.querySelectorAll('.bar-month.selected').forEach((g) => g.classList.remove('selected')); show(null); });
  };
  sec.append(monthBars(d.eventCounts, show), list);
  extra.append(sec);
  show(null);
}

function showSelection(box, s) {
  if (s.node) {
    const n = s.node;
    box.innerHTML = `${badge(n.kind)} <strong>${esc(n.name)}</strong> <span class="muted">${KINDS[n.kind].label}</span> · <a href="${entityHref(n.id)}" data-link data-testid="open-selected">打开</a>`;
  } else if (s.rel) {
    const r = s.rel;
    const what = r.type === 'HELD_POSITION' ? `${esc(r.title || '')} ${esc(dateRange(r.start, r.end))}` : esc(REL[r.type] || r.type);
    box.innerHTML = `<span class="muted">${esc(REL[r.type] || r.type)}</span> ${what}${r.source ? ` · ${src(r.source)}` : ''}`;
  }
}

// ---------- the source panel (provenance) ----------

function showHash() {
  const m = /^#mention-(\d+)$/.exec(location.hash);
  if (m && entityState && document.getElementById(`mention-${m[1]}`)) {
    const i = +m[1] - 1;
    const li = document.getElementById(`mention-${m[1]}`);
    document.querySelectorAll('.mention-list li.current').forEach((x) => x.classList.remove('current'));
    li.classList.add('current');
    li.scrollIntoView({ block: 'center' });
    openPanel(entityState.mentions[i], entityState.e);
  } else if (!panel.hidden && !location.hash) {
    closePanel(false);
  }
}

function openPanel(m, e = null) {
  const citation = cite(m);
  panel.innerHTML = `<div class="panel-inner" role="dialog" aria-modal="false" aria-labelledby="src-title" data-testid="source-panel">
    <button type="button" class="close" aria-label="关闭">×</button>
    <h2 id="src-title">出处</h2>
    <dl class="source-facts">
      <dt>年鉴</dt><dd data-testid="source-yearbook">《${esc(ybTitle(m.yearbook))}》 <code>${esc(m.yearbook)}</code></dd>
      <dt>页码</dt><dd data-testid="source-page">${m.page ? `第 ${m.page} 页` : '不详'}</dd>
      <dt>栏目</dt><dd>${esc(m.section).split(' > ').map((s) => `<span class="crumb">${s}</span>`).join(' › ')}</dd>
      <dt>行</dt><dd>文本第 ${m.line} 行</dd>
    </dl>
    <blockquote class="quote" data-testid="source-quote">${e ? mark(m.quote, e) : esc(m.quote)}</blockquote>
    <p class="cite"><span class="muted small">引用：</span><span data-testid="citation">${esc(citation)}</span>
      <button type="button" class="btn small" data-act="copy">复制引文</button></p>
    <section class="context" data-testid="source-context">
      <h3>原文 <span class="muted small" data-testid="context-pages"></span></h3>
      <div class="context-body"><p class="muted small">载入原文…</p></div>
      <button type="button" class="btn small" data-act="more" data-testid="context-more" hidden>显示更多上下文</button>
    </section>
  </div>`;
  panel.hidden = false;
  panel.querySelector('.close').addEventListener('click', () => closePanel(true));
  panel.querySelector('[data-act=copy]').addEventListener('click', async (ev) => {
    try { await navigator.clipboard.writeText(`${citation}：“${m.quote}”`); ev.target.textContent = '已复制'; } catch { ev.target.textContent = '无法复制'; }
  });
  panel.querySelector('.close').focus({ preventScroll: true });
  const win = { before: CONTEXT_STEP, after: CONTEXT_STEP };
  panel.querySelector('[data-act=more]').addEventListener('click', () => {
    win.before = Math.min(win.before + CONTEXT_STEP, CONTEXT_MAX);
    win.after = Math.min(win.after + CONTEXT_STEP, CONTEXT_MAX);
    loadContext(m, e, win);
  });
  loadContext(m, e, win);
}

// The source panel shows the yearbook's text around the source's line, as
// printed (blank lines of the double-spaced text and page banners
// included), with line numbers and page breaks; 'more' widens the window
// by CONTEXT_STEP lines each side, up to the API's bound.
const CONTEXT_STEP = 4;
const CONTEXT_MAX = 50;
let contextSeq = 0; // the latest request: a slow answer for a closed or replaced panel is dropped

async function loadContext(m, e, win) {
  const seq = ++contextSeq;
  const box = panel.querySelector('.context-body');
  const more = panel.querySelector('[data-act=more]');
  if (!box) return;
  more.disabled = true;
  let st;
  try {
    ({ sourceText: st } = await gql(Q.sourceText, { yearbook: m.yearbook, line: m.line, before: win.before, after: win.after }));
  } catch (err) {
    if (seq === contextSeq && !panel.hidden) box.innerHTML = `<p class="muted small">无法载入原文：${esc(err.message)}</p>`;
    return;
  }
  if (seq !== contextSeq || panel.hidden) return;
  if (!st) {
    box.innerHTML = '<p class="muted small">该年鉴的原文未存入图谱（用 <code>kg load</code> 重新载入后可见）。</p>';
    more.hidden = true;
    return;
  }
  let html = '';
  let page = null;
  for (const l of st.lines) {
    if (page !== null && l.page !== page) html += `<li class="page-break" aria-hidden="true"><span>第 ${l.page} 页</span></li>`;
    page = l.page;
    const cur = l.line === st.line;
    const text = cur && e ? mark(l.text, e) : esc(l.text);
    html += `<li class="${cur ? 'current' : ''}${l.text.trim() ? '' : ' blank'}" data-line="${l.line}" data-page="${l.page}"${cur ? ' aria-current="true"' : ''}><span class="ln">${l.line}</span><span class="tx">${text}</span></li>`;
  }
  box.innerHTML = `<ol class="context-lines" data-testid="context-lines">${html}</ol>`;
  const pages = [...new Set(st.lines.map((l) => l.page))];
  panel.querySelector('[data-testid=context-pages]').textContent = `第 ${pages.join('–')} 页，第 ${st.lines[0].line}–${st.lines[st.lines.length - 1].line} 行`;
  const canWiden = (st.hasBefore && win.before < CONTEXT_MAX) || (st.hasAfter && win.after < CONTEXT_MAX);
  more.hidden = !canWiden;
  more.disabled = !canWiden;
  const ol = box.firstElementChild;
  const cur = ol.querySelector('li.current');
  if (cur) ol.scrollTop = cur.offsetTop - ol.clientHeight / 2 + cur.offsetHeight / 2;
}

function closePanel(updateURL) {
  panel.hidden = true;
  panel.innerHTML = '';
  document.querySelectorAll('.mention-list li.current').forEach((x) => x.classList.remove('current'));
  if (updateURL && location.hash) history.pushState(null, '', location.pathname + location.search);
}
document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !panel.hidden) closePanel(true); });

// ---------- path ----------

async function pathView() {
  document.title = '关系路径 · 年鉴知识图谱';
  const params = new URLSearchParams(location.search);
  const from = params.get('from'), to = params.get('to');
  const [a, b] = await Promise.all([from ? gql(Q.ref, { id: from }) : null, to ? gql(Q.ref, { id: to }) : null]);
  const fa = a && a.node, tb = b && b.node;
  app.innerHTML = `<section class="card path-view" data-testid="path-view"><h1>这两者如何关联？</h1>
    <p class="muted">选择两个实体，图谱给出一条最短的关系链（最多六步），每一步都有年鉴出处。</p>
    <div class="pickers"><label>从<span class="pick-from"></span></label><span class="arrow">⇄</span><label>到<span class="pick-to"></span></label></div>
    <div class="path-result"></div></section>`;
  const set = (key, e) => {
    const q = new URLSearchParams(location.search);
    q.set(key, e.id);
    navigate(`/path?${q}`);
  };
  app.querySelector('.pick-from').append(searchBox({ placeholder: '起点…', value: fa ? fa.name : '', onPick: (e) => set('from', e), testid: 'path-from' }));
  app.querySelector('.pick-to').append(searchBox({ placeholder: '终点…', value: tb ? tb.name : '', onPick: (e) => set('to', e), testid: 'path-to' }));
  const out = app.querySelector('.path-result');
  if (!fa || !tb) {
    out.innerHTML = `<p class="muted">${from && !fa ? '起点未找到。' : to && !tb ? '终点未找到。' : '请选择起点和终点。'}</p>`;
    return;
  }
  out.innerHTML = '<p class="loading">查找中…</p>';
  const { path } = await gql(Q.path, { from: fa.id, to: tb.id });
  if (!path) {
    out.innerHTML = `<p data-testid="no-path">${link(fa)} 与 ${link(tb)} 之间六步之内没有关系链。</p>`;
    return;
  }
  out.innerHTML = `<p><strong>${path.length}</strong> 步：</p>
    <div class="graph path-graph" id="graph" data-testid="graph"></div>
    <div class="graph-foot">${legend()}<div class="selection"></div></div>
    <ol class="steps" data-testid="path-steps">${path.relationships.map((r, i) => {
      const a = path.nodes[i], b = path.nodes[i + 1];
      const fwd = r.from.id === a.id;
      const what = r.type === 'HELD_POSITION' ? `${esc(r.title || '任职')} <span class="date">${esc(dateRange(r.start, r.end))}</span>` : esc(REL[r.type] || r.type);
      return `<li>${link(a)} <span class="rel">${fwd ? '' : '←'} ${what} ${fwd ? '→' : ''}</span> ${link(b)}${r.source ? `<blockquote class="small">${esc(r.source.quote)}${src(r.source)}</blockquote>` : ''}</li>`;
    }).join('')}</ol>`;
  current = new Explorer(out.querySelector('#graph'), { interactive: false, onSelect: (s) => showSelection(out.querySelector('.selection'), s) });
  current.showPath(path);
}

// ---------- start ----------

document.getElementById('top-search').append(searchBox({ onPick: (e) => navigate(entityHref(e.id)) }));
route();
