import { getJson, onExecution } from '../api.js';
import { formatTime, h, replaceChildren, statusBadge } from '../dom.js';
import { debounce, documentLink, errorBox, executionLink } from './shared.js';

/** The processed documents: type, pages, PII types found, status. Refreshed when an execution ends. */
export function documentsView(container) {
  const body = h('tbody');
  const load = async () => {
    try {
      const { documents } = await getJson('/api/documents');
      replaceChildren(body,
        documents.length === 0
          ? h('tr', {}, h('td', { colspan: '7', class: 'muted' }, 'No documents yet.'))
          : documents.map((d) =>
              h('tr', { 'data-document': d.documentId },
                h('td', {}, documentLink(d.documentId, d.key)),
                h('td', {}, d.documentType ?? h('span', { class: 'muted' }, '—')),
                h('td', { class: 'num' }, d.pageCount === undefined ? '' : String(d.pageCount)),
                h('td', {}, d.piiTypes.length === 0 ? h('span', { class: 'muted' }, 'none') : d.piiTypes.map((t) => h('span', { class: 'tag' }, t))),
                h('td', {}, statusBadge(d.status), d.reason ? h('div', { class: 'cause' }, d.reason) : null),
                h('td', {}, formatTime(d.createdAt)),
                h('td', {}, executionLink(d.executionName, 'execution')),
              ),
            ),
      );
    } catch (error) {
      replaceChildren(body, h('tr', {}, h('td', { colspan: '7' }, errorBox(error))));
    }
  };
  replaceChildren(container,
    h('section', {},
      h('div', { class: 'toolbar' }, h('h1', {}, 'Documents')),
      h('table', { class: 'list', id: 'documents' },
        h('thead', {}, h('tr', {}, ['Document', 'Type', 'Pages', 'PII types', 'Status', 'Received', ''].map((t) => h('th', {}, t)))),
        body,
      ),
    ),
  );
  void load();
  const refresh = debounce(load, 300);
  return onExecution((row) => {
    if (row.status !== 'RUNNING') refresh();
  });
}
