// Type-ahead search over all kinds, results grouped by kind. Used in the
// header and to pick the two ends of a path.
import { gql, Q } from './api.js';
import { KINDS, KIND_ORDER, badge, PLACE_TYPES } from './kinds.js';
import { esc, debounce } from './util.js';

let seq = 0;

export function searchBox({ placeholder = '搜索人物、机构、地点、事件、项目…', onPick, value = '', testid = 'search' }) {
  const id = `sb${++seq}`;
  const root = document.createElement('div');
  root.className = 'searchbox';
  root.innerHTML = `<input type="search" id="${id}" data-testid="${testid}" autocomplete="off" spellcheck="false"
      role="combobox" aria-expanded="false" aria-controls="${id}-list" aria-autocomplete="list"
      placeholder="${esc(placeholder)}" value="${esc(value)}">
    <div class="suggest" id="${id}-list" role="listbox" hidden></div>`;
  const input = root.querySelector('input'), list = root.querySelector('.suggest');
  let items = [], active = -1, last = '';

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const highlight = (i) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    const el = list.querySelectorAll('[role=option]')[i];
    if (el) el.scrollIntoView({ block: 'nearest' });
  };
  const pick = (i) => {
    const e = items[i];
    if (!e) return;
    close();
    input.value = e.name;
    // Leave the box: the page changes, and a focus coming back (the
    // window regaining focus) must not reopen stale suggestions.
    input.blur();
    onPick(e);
  };

  const run = debounce(async () => {
    const q = input.value.trim();
    if (q === last) return;
    last = q;
    if (!q) { close(); return; }
    let res;
    try {
      res = (await gql(Q.search, { q })).search;
    } catch (err) {
      list.innerHTML = `<p class="error">${esc(err.message)}</p>`;
      list.hidden = false;
      return;
    }
    if (input.value.trim() !== q) return;
    const groups = new Map(KIND_ORDER.map((k) => [k, []]));
    for (const e of res) groups.get(e.kind)?.push(e);
    items = [];
    let html = '';
    for (const [k, es] of groups) {
      if (!es.length) continue;
      html += `<div class="group" data-kind="${k}"><div class="group-head">${badge(k)} ${KINDS[k].label} <span class="muted">${es.length}</span></div>`;
      for (const e of es) {
        const i = items.push(e) - 1;
        const extra = e.kind === 'EVENT' ? e.date : e.kind === 'PLACE' ? PLACE_TYPES[e.placeType] || '' : (e.aliases || []).slice(0, 2).join('、');
        html += `<div class="item" role="option" id="${id}-o${i}" data-i="${i}" data-id="${esc(e.id)}" aria-selected="false"><span class="name">${esc(e.name)}</span>${extra ? ` <span class="muted">${esc(extra)}</span>` : ''}</div>`;
      }
      html += '</div>';
    }
    list.innerHTML = html || `<p class="muted empty">没有找到“${esc(q)}”。</p>`;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  }, 180);

  input.addEventListener('input', run);
  input.addEventListener('focus', () => { if (list.innerHTML && input.value.trim()) list.hidden = false; });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(0, active - 1)); }
    else if (e.key === 'Enter') { e.preventDefault(); pick(active >= 0 ? active : 0); }
    else if (e.key === 'Escape') close();
  });
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const el = e.target.closest('.item');
    if (el) pick(+el.dataset.i);
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  root.input = input;
  return root;
}
