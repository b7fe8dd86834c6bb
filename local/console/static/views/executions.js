import { getJson, onExecution } from '../api.js';
import { formatDuration, formatTime, h, replaceChildren, statusBadge } from '../dom.js';
import { documentLink, errorBox, executionLink } from './shared.js';

const FILTERS = ['', 'RUNNING', 'SUCCEEDED', 'FAILED'];

/** The executions list, newest first, kept current from live updates. */
export function executionsView(container, _params, query) {
  let status = (query.get('status') ?? '').toUpperCase();
  if (!FILTERS.includes(status)) status = '';
  const rows = new Map();
  const body = h('tbody');
  const count = h('span', { class: 'muted' });

  const draw = () => {
    const list = [...rows.values()]
      .filter((row) => status === '' || row.status === status)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    replaceChildren(
      body,
      list.length === 0
        ? h('tr', {}, h('td', { colspan: '6', class: 'muted' }, 'No executions yet: upload a document.'))
        : list.map((row) =>
            h('tr', { 'data-execution': row.name, 'data-status': row.status },
              h('td', {}, statusBadge(row.status)),
              h('td', {}, executionLink(row.name, row.key)),
              h('td', {}, row.documentId ? documentLink(row.documentId) : h('span', { class: 'muted' }, '—')),
              h('td', {}, formatTime(row.startedAt)),
              h('td', {}, row.durationMs === undefined ? h('span', { class: 'muted' }, 'running') : formatDuration(row.durationMs)),
              h('td', { class: 'cause' }, row.cause ?? row.error ?? ''),
            ),
          ),
    );
    count.textContent = `${list.length} shown`;
  };

  const select = h('select', {
    id: 'status-filter',
    'aria-label': 'Filter by status',
    onchange: (event) => {
      status = event.target.value;
      draw();
    },
  }, FILTERS.map((value) => h('option', { value, ...(value === status ? { selected: true } : {}) }, value === '' ? 'all statuses' : value.toLowerCase())));

  replaceChildren(
    container,
    h('section', {},
      h('div', { class: 'toolbar' }, h('h1', {}, 'Executions'), select, count),
      h('table', { class: 'list', id: 'executions' },
        h('thead', {}, h('tr', {}, ['Status', 'Document', 'Document id', 'Started', 'Duration', 'Error'].map((t) => h('th', {}, t)))),
        body,
      ),
    ),
  );

  getJson('/api/executions?limit=500')
    .then(({ executions }) => {
      for (const row of executions) if (!rows.has(row.name)) rows.set(row.name, row);
      draw();
    })
    .catch((error) => container.append(errorBox(error)));
  draw();
  return onExecution((row) => {
    rows.set(row.name, row);
    draw();
  });
}
