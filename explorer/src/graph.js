// The interactive network: Cytoscape.js with the fCoSE layout. Nodes are
// coloured and iconed by kind; edges carry the relationship's title and
// dates. Clicking a node fetches its neighbourhood and adds it; clicking
// an edge shows the relationship and where the yearbook says so.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql, Q } from './api.js';
import { KINDS, KIND_ORDER, iconURI, relLabel } from './kinds.js';

cytoscape.use(fcose);

const FONT = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif';
const MAX_NODES = 300;

function style() {
  const s = [
    {
      selector: 'node',
      style: {
        width: 30, height: 30,
        'background-color': '#888',
        'background-image': 'data(icon)', 'background-width': '62%', 'background-height': '62%',
        'border-width': 2, 'border-color': '#fff',
        label: 'data(short)', 'font-family': FONT, 'font-size': 11, color: '#222',
        'text-valign': 'bottom', 'text-margin-y': 4,
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1.5,
        'text-wrap': 'ellipsis', 'text-max-width': 110,
        // Labels too small to read are not drawn: zoom in to read them.
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[kind = "EVENT"]', style: { width: 22, height: 22, 'font-size': 10, color: '#4a3b63' } },
    { selector: 'node.focus', style: { width: 46, height: 46, 'font-size': 14, 'font-weight': 'bold', 'border-color': '#222', 'border-width': 3 } },
    { selector: 'node.expanded', style: { 'border-color': '#444', 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node:selected', style: { 'overlay-color': '#f4c542', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: 'node.path-end', style: { width: 44, height: 44, 'border-color': '#222', 'border-width': 3, 'font-size': 13, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 1.4, 'line-color': '#b9bec6', 'curve-style': 'bezier', 'control-point-step-size': 46,
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#b9bec6', 'arrow-scale': 0.8,
        label: 'data(label)', 'font-family': FONT, 'font-size': 9, color: '#555',
        'text-rotation': 'autorotate', 'text-wrap': 'wrap', 'min-zoomed-font-size': 8,
        'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      },
    },
    // Only posts carry facts worth a label (title and dates); the other
    // types show theirs when the edge is hovered or selected.
    { selector: 'edge[type != "HELD_POSITION"]', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: 'edge.hover, edge:selected', style: { 'text-opacity': 1, 'text-background-opacity': 0.8 } },
    { selector: 'edge[type = "HELD_POSITION"]', style: { 'line-color': '#7c9cc6', 'target-arrow-color': '#7c9cc6', width: 2, 'font-size': 10, color: '#1d3f6e' } },
    { selector: 'edge:selected', style: { 'line-color': '#e0a100', 'target-arrow-color': '#e0a100', width: 3 } },
    { selector: 'edge.path', style: { 'text-opacity': 1, 'text-background-opacity': 0.8, width: 3, 'line-color': '#e07a00', 'target-arrow-color': '#e07a00', 'font-size': 11, color: '#222' } },
  ];
  for (const k of KIND_ORDER) s.splice(1, 0, { selector: `node[kind = "${k}"]`, style: { 'background-color': KINDS[k].color } });
  return s;
}

function nodeData(n) {
  const short = n.name.length > 14 ? n.name.slice(0, 13) + '…' : n.name;
  return { group: 'nodes', data: { id: n.id, name: n.name, short, kind: n.kind, icon: iconURI(n.kind) } };
}

function edgeData(r) {
  const id = `${r.type}|${r.from.id}|${r.to.id}|${r.title || ''}|${r.start || ''}|${r.end || ''}`;
  return { group: 'edges', data: { id, source: r.from.id, target: r.to.id, type: r.type, label: relLabel(r), rel: r } };
}

export function legend() {
  return `<ul class="legend" aria-label="图例">${KIND_ORDER.map((k) => `<li><span class="dot" style="background:${KINDS[k].color}"></span>${KINDS[k].label}</li>`).join('')}</ul>`;
}

// Explorer is one graph view in a container; onSelect(entity|rel) lets the
// page show details of what was clicked.
export class Explorer {
  constructor(container, { onSelect = () => {}, interactive = true } = {}) {
    this.container = container;
    this.onSelect = onSelect;
    this.expanded = new Set();
    this.cy = cytoscape({
      container, style: style(), wheelSensitivity: 0.3, minZoom: 0.15, maxZoom: 3,
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', 'node', (e) => {
      const n = e.target;
      this.onSelect({ node: n.data() });
      if (interactive) this.expand(n.id());
    });
    this.cy.on('tap', 'edge', (e) => this.onSelect({ rel: e.target.data('rel') }));
    this.cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    this.cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    this.sync();
    // Tests and the browser console can read the graph through the DOM.
    container.kgGraph = this;
  }

  sync() {
    this.container.dataset.nodes = String(this.cy.nodes().length);
    this.container.dataset.edges = String(this.cy.edges().length);
    this.container.dataset.expanded = [...this.expanded].join(' ');
  }

  add(nodes, rels, around) {
    const cy = this.cy;
    const added = [];
    cy.batch(() => {
      for (const n of nodes) {
        if (cy.getElementById(n.id).nonempty() || cy.nodes().length >= MAX_NODES) continue;
        const el = nodeData(n);
        if (around) el.position = { x: around.x + (Math.random() - 0.5) * 80, y: around.y + (Math.random() - 0.5) * 80 };
        added.push(cy.add(el));
      }
      for (const r of rels) {
        const e = edgeData(r);
        if (cy.getElementById(e.data.id).nonempty()) continue;
        if (cy.getElementById(r.from.id).empty() || cy.getElementById(r.to.id).empty()) continue;
        cy.add(e);
      }
    });
    return added.length;
  }

  layout(opts = {}) {
    const l = this.cy.layout({
      name: 'fcose', quality: 'default', animate: opts.animate ?? true, animationDuration: 500,
      randomize: opts.randomize ?? false, nodeRepulsion: 8000, nodeSeparation: 60,
      nodeDimensionsIncludeLabels: true, gravity: 0.2, numIter: 3000,
      // Posts carry a title and dates: give their labels room.
      idealEdgeLength: (e) => (e.data('type') === 'HELD_POSITION' ? 150 : 80),
      fit: true, padding: 30,
    });
    const done = new Promise((res) => l.one('layoutstop', res));
    l.run();
    return done;
  }

  async load(id, first = 40) {
    const d = await gql(Q.neighborhood, { id, first });
    this.cy.elements().remove();
    this.expanded = new Set([id]);
    this.add(d.neighborhood.nodes, d.neighborhood.relationships);
    this.cy.getElementById(id).addClass('focus');
    this.sync();
    await this.layout({ randomize: true, animate: false });
  }

  // expand adds a node's neighbours; the node count grows unless they are
  // all on screen already.
  async expand(id) {
    if (this.expanded.has(id)) return 0;
    this.expanded.add(id);
    const n = this.cy.getElementById(id);
    n.addClass('expanded');
    this.container.classList.add('busy');
    try {
      const d = await gql(Q.neighborhood, { id, first: 30 });
      const added = this.add(d.neighborhood.nodes, d.neighborhood.relationships, n.position());
      this.sync();
      if (added) await this.layout();
      return added;
    } finally {
      this.container.classList.remove('busy');
      this.sync();
    }
  }

  // showPath draws a path as a row of nodes, left to right.
  showPath(path) {
    this.cy.elements().remove();
    this.add(path.nodes, path.relationships);
    this.cy.edges().addClass('path');
    const ids = path.nodes.map((n) => n.id);
    this.cy.getElementById(ids[0]).addClass('path-end');
    this.cy.getElementById(ids[ids.length - 1]).addClass('path-end');
    ids.forEach((id, i) => this.cy.getElementById(id).position({ x: i * 200, y: (i % 2) * 70 }));
    this.cy.fit(undefined, 40);
    this.sync();
  }

  // clientPosition is where a node is on screen, for tests that click it.
  clientPosition(id) {
    const n = this.cy.getElementById(id);
    if (n.empty()) return null;
    const p = n.renderedPosition(), r = this.container.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }

  fit() { this.cy.animate({ fit: { padding: 30 } }, { duration: 300 }); }
  destroy() { this.cy.destroy(); }
}
