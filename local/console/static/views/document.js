import { getJson } from '../api.js';
import { formatTime, h, replaceChildren, statusBadge } from '../dom.js';
import { errorBox, executionLink } from './shared.js';

function scoresTable(scores, chosen) {
  const entries = Object.entries(scores ?? {}).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return h('p', { class: 'muted' }, 'Not classified.');
  return h('table', { class: 'scores', id: 'classification-scores' },
    h('tbody', {}, entries.map(([label, score]) =>
      h('tr', { class: label === chosen ? 'chosen' : '' },
        h('td', {}, label),
        h('td', { class: 'bar-cell' }, h('span', { class: 'bar', style: { width: `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%` } })),
        h('td', { class: 'num' }, score.toFixed(3)),
      ))));
}

function piiTable(counts) {
  const entries = Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return h('p', { class: 'muted', id: 'pii-counts' }, 'No PII found.');
  return h('table', { class: 'list compact', id: 'pii-counts' },
    h('thead', {}, h('tr', {}, h('th', {}, 'PII type'), h('th', {}, 'Count'))),
    h('tbody', {}, entries.map(([type, count]) => h('tr', { 'data-pii': type }, h('td', {}, type), h('td', { class: 'num' }, String(count))))));
}

/** One document: classification and scores, PII counts by type, summary, redacted text, its execution. */
export function documentView(container, [documentId]) {
  replaceChildren(container, h('p', { class: 'muted' }, 'Loading…'));
  getJson(`/api/documents/${encodeURIComponent(documentId)}`)
    .then(({ document: d, executionName, redactedPages, truncated, uploads }) => {
      replaceChildren(container,
        h('section', { class: 'document', 'data-document': d.documentId },
          h('h1', {}, h('span', { class: 'mono', id: 'document-key' }, d.key)),
          h('div', { class: 'facts' },
            statusBadge(d.status),
            h('span', {}, 'Id ', h('span', { class: 'mono' }, d.documentId)),
            h('span', {}, `${d.mediaType}, ${d.size} bytes${d.pageCount === undefined ? '' : `, ${d.pageCount} page(s)`}`),
            d.extractionMethod ? h('span', {}, `text: ${d.extractionMethod}`) : null,
            h('span', {}, 'Execution ', executionLink(executionName, 'view execution')),
          ),
          d.reason ? h('p', { class: 'error' }, d.reason) : null,
          h('div', { class: 'cards' },
            h('div', { class: 'card' },
              h('h2', {}, 'Classification'),
              h('p', { id: 'document-type', class: 'big' }, d.documentType ?? '—',
                d.classificationConfidence === undefined ? null : h('span', { class: 'muted' }, ` ${(d.classificationConfidence * 100).toFixed(1)}%`)),
              scoresTable(d.classificationScores, d.documentType)),
            h('div', { class: 'card' }, h('h2', {}, 'PII found'), piiTable(d.piiCounts)),
            h('div', { class: 'card wide' },
              h('h2', {}, 'Summary'),
              h('p', { id: 'document-summary' }, d.summary ?? h('span', { class: 'muted' }, 'No summary.')),
              d.keyPoints?.length ? h('ul', { class: 'key-points' }, d.keyPoints.map((p) => h('li', {}, p))) : null),
          ),
          h('h2', {}, 'Redacted text'),
          redactedPages === null
            ? h('p', { class: 'muted' }, 'No redacted text (the document did not reach redaction).')
            : h('div', { id: 'redacted-text' },
                redactedPages.map((page) => h('figure', { class: 'page' },
                  h('figcaption', {}, `Page ${page.pageNumber}`),
                  h('pre', { class: 'page-text' }, page.text))),
                truncated ? h('p', { class: 'muted' }, 'Text cut at the console limit.') : null),
          h('h2', {}, 'Uploads'),
          h('ul', { class: 'uploads' }, uploads.map((u) =>
            h('li', {}, statusBadge(u.status), ` ${formatTime(u.receivedAt)} `, executionLink(u.executionName)))),
        ),
      );
    })
    .catch((error) => replaceChildren(container, errorBox(error)));
}
