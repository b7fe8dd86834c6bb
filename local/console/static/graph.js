import { s } from './dom.js';

/** The colours a state can take, in legend order (the server's STATE_STATUSES). */
export const STATUS_LABELS = {
  'not-reached': 'not reached',
  running: 'running',
  succeeded: 'succeeded',
  retried: 'retried',
  caught: 'caught',
  failed: 'failed',
  cancelled: 'cancelled',
};

function arrowMarker(id, className) {
  return s('marker', { id, viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '9', markerHeight: '9', orient: 'auto-start-reverse' },
    s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: className }));
}

/**
 * Draws the state machine from the server's layout: Parallel boxes holding their branches, arrows (Catch dashed,
 * loops curved round the side), each state a box whose `data-status` sets its colour. Clicking a state calls onSelect.
 */
export function renderGraph(layout, statuses, onSelect) {
  const edges = layout.edges.map((edge) =>
    s('polyline', {
      class: `edge edge-${edge.kind}${edge.loop ? ' edge-loop' : ''}`,
      points: edge.points.map((p) => `${p.x},${p.y}`).join(' '),
      'marker-end': edge.kind === 'catch' ? 'url(#arrow-catch)' : 'url(#arrow)',
      'data-from': edge.from,
      'data-to': edge.to,
    }),
  );
  const parallels = layout.nodes.filter((n) => n.type === 'Parallel');
  const states = layout.nodes.filter((n) => n.type !== 'Parallel');
  const box = (node, parallel) =>
    s('g', {
      class: `state state-${node.type.toLowerCase()}${parallel ? ' parallel' : ''}`,
      'data-state': node.name,
      'data-status': statuses[node.name] ?? 'not-reached',
      tabindex: '0',
      role: 'button',
      'aria-label': `${node.name} (${node.type})`,
      onclick: () => onSelect(node.name),
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') onSelect(node.name);
      },
    },
    s('title', {}, node.comment ? `${node.name}: ${node.comment}` : node.name),
    s('rect', { x: node.x, y: node.y, width: node.width, height: node.height, rx: parallel ? 10 : node.type === 'Choice' ? 18 : 6 }),
    s('text', { x: node.x + node.width / 2, y: parallel ? node.y + 19 : node.y + node.height / 2 + 1, class: 'state-name' }, node.name),
    parallel ? s('text', { x: node.x + 10, y: node.y + 19, class: 'state-type' }, 'Parallel') : null,
  );
  return s('svg', {
    class: 'graph',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'img',
    'aria-label': 'State machine graph',
  },
  s('defs', {}, arrowMarker('arrow', 'arrowhead'), arrowMarker('arrow-catch', 'arrowhead-catch'), arrowMarker('arrow-taken', 'arrowhead-taken')),
  parallels.map((node) => box(node, true)),
  s('g', { class: 'edges' }, edges),
  states.map((node) => box(node, false)));
}

/** Recolours an existing graph without redrawing it; `transitions` (`from→to`) are the arrows followed. */
export function updateGraph(svg, statuses, transitions, selected) {
  for (const group of svg.querySelectorAll('g.state')) {
    const name = group.getAttribute('data-state');
    group.setAttribute('data-status', statuses[name] ?? 'not-reached');
    group.classList.toggle('selected', name === selected);
  }
  const taken = new Set(transitions ?? []);
  for (const edge of svg.querySelectorAll('polyline.edge')) {
    const followed = taken.has(`${edge.getAttribute('data-from')}→${edge.getAttribute('data-to')}`);
    edge.classList.toggle('taken', followed);
    edge.setAttribute('marker-end', followed ? 'url(#arrow-taken)' : edge.classList.contains('edge-catch') ? 'url(#arrow-catch)' : 'url(#arrow)');
  }
}
