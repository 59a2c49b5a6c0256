// Colours, icons and Chinese labels of the five kinds and of the
// relationship types, shared by the lists, the legend and the graph.

export const KINDS = {
  PERSON: { label: '人物', en: 'Person', color: '#2f6db5' },
  ORGANIZATION: { label: '机构', en: 'Organization', color: '#b5542f' },
  PLACE: { label: '地点', en: 'Place', color: '#2f8a4a' },
  EVENT: { label: '事件', en: 'Event', color: '#7d55b0' },
  PROJECT: { label: '项目', en: 'Project', color: '#b8860b' },
};
export const KIND_ORDER = ['PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'PROJECT'];

// White glyphs on the kind's colour, 24×24 viewBox.
const GLYPHS = {
  PERSON: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z"/>',
  ORGANIZATION: '<path d="M3 21V9l9-5 9 5v12h-6v-6H9v6z"/><rect x="11" y="8" width="2" height="2" fill="COLOR"/>',
  PLACE: '<path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7z"/><circle cx="12" cy="9" r="2.6" fill="COLOR"/>',
  EVENT: '<rect x="3" y="5" width="18" height="16" rx="2"/><rect x="7" y="2" width="2" height="5"/><rect x="15" y="2" width="2" height="5"/><rect x="5" y="10" width="14" height="2" fill="COLOR"/>',
  PROJECT: '<path d="M2 21h20v-2H2z"/><path d="M4 19V9h4v10zM10 19V5h4v14zM16 19v-7h4v7z"/>',
};

export function iconSVG(kind, size = 24) {
  const k = KINDS[kind] || KINDS.PLACE;
  const g = (GLYPHS[kind] || GLYPHS.PLACE).replaceAll('COLOR', k.color);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="#fff">${g}</svg>`;
}

export function iconURI(kind) {
  return 'data:image/svg+xml;utf8,' + encodeURIComponent(iconSVG(kind, 48));
}

// A small coloured badge with the glyph, for lists.
export function badge(kind) {
  const k = KINDS[kind] || KINDS.PLACE;
  const g = (GLYPHS[kind] || GLYPHS.PLACE).replaceAll('COLOR', k.color);
  return `<span class="kb" style="background:${k.color}" title="${k.label} ${k.en}"><svg viewBox="0 0 24 24" fill="#fff" aria-hidden="true">${g}</svg></span>`;
}

export const REL = {
  HELD_POSITION: '任职',
  PART_OF: '隶属',
  LOCATED_IN: '位于',
  OCCURRED_IN: '发生于',
  PARTICIPATED_IN: '参与',
  INVOLVES: '涉及',
  OWNED_BY: '建设单位',
};

export const PLACE_TYPES = {
  PROVINCE: '省', CITY: '市', DISTRICT: '区', COUNTY: '县', TOWN: '镇', TOWNSHIP: '乡',
  SUBDISTRICT: '街道', VILLAGE: '村', COMMUNITY: '社区', SITE: '地点', NATURAL: '自然地理', OTHER: '其他',
};

// dateRange renders a post's dates the way the yearbook states them:
// 任 for a start, 免 for an end.
export function dateRange(start, end) {
  if (start && end) return `${start} 任 – ${end} 免`;
  if (start) return `${start} 任`;
  if (end) return `${end} 免`;
  return '';
}

export function relLabel(r) {
  if (r.type === 'HELD_POSITION') {
    const d = dateRange(r.start, r.end);
    return [r.title || REL.HELD_POSITION, d].filter(Boolean).join('\n');
  }
  return REL[r.type] || r.type;
}
