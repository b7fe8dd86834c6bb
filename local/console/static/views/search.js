/* global window, FormData, URLSearchParams */
import { getJson, loadDefinition } from '../api.js';
import { formatTime, h, replaceChildren } from '../dom.js';
import { documentLink, errorBox } from './shared.js';

function snippet(segments) {
  return h('p', { class: 'snippet' }, segments.map((segment) => (segment.marked ? h('mark', {}, segment.text) : segment.text)));
}

/** Search over the index with the CLI's filters: text, --type, --pii, --from, --to, pages. State lives in the URL. */
export function searchView(container, _params, query) {
  const field = (name, props) => h('input', { name, id: `search-${name}`, value: query.get(name) ?? '', ...props });
  const chosenPii = new Set((query.get('pii') ?? '').split(',').filter(Boolean));
  const piiBoxes = h('fieldset', { class: 'pii-filter' }, h('legend', {}, 'Contains PII'));
  const results = h('div', { id: 'search-results' });
  const form = h('form', {
    class: 'search-form',
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const next = new URLSearchParams();
      for (const name of ['q', 'type', 'from', 'to']) {
        const value = String(data.get(name) ?? '').trim();
        if (value) next.set(name, value);
      }
      const pii = data.getAll('pii').map(String);
      if (pii.length > 0) next.set('pii', pii.join(','));
      const target = `#/search?${next.toString()}`;
      if (window.location.hash === target) void run(next);
      else window.location.hash = target;
    },
  },
    field('q', { type: 'search', placeholder: 'Search redacted text and summaries', 'aria-label': 'Search text', autofocus: true }),
    h('button', { type: 'submit' }, 'Search'),
    h('div', { class: 'filters' },
      h('label', {}, 'Type ', field('type', { placeholder: 'e.g. invoice', size: '12' })),
      h('label', {}, 'From ', field('from', { type: 'date' })),
      h('label', {}, 'To ', field('to', { type: 'date' })),
      piiBoxes,
    ),
  );

  const run = async (params) => {
    if (![...params.keys()].some((k) => ['q', 'type', 'pii', 'from', 'to'].includes(k))) {
      replaceChildren(results, h('p', { class: 'muted' }, 'Type a few words, or pick filters.'));
      return;
    }
    replaceChildren(results, h('p', { class: 'muted' }, 'Searching…'));
    try {
      const found = await getJson(`/api/search?${params.toString()}`);
      const first = (found.page - 1) * found.pageSize + 1;
      const last = Math.min(found.total, found.page * found.pageSize);
      const pageLink = (page, text) => {
        const p = new URLSearchParams(params);
        p.set('page', String(page));
        return h('a', { href: `#/search?${p.toString()}` }, text);
      };
      replaceChildren(results,
        h('p', { class: 'muted', id: 'search-total' }, found.total === 0 ? 'No documents found.' : `${first}–${last} of ${found.total}`),
        h('ol', { class: 'hits' }, found.hits.map((hit) =>
          h('li', { class: 'hit', 'data-document': hit.documentId },
            h('div', { class: 'hit-title' }, documentLink(hit.documentId, hit.key), ' ', h('span', { class: 'tag' }, hit.documentType),
              h('span', { class: 'muted' }, ` ${hit.pageCount} page(s), ${formatTime(hit.processedAt)}`)),
            hit.piiTypes.length > 0 ? h('div', {}, hit.piiTypes.map((t) => h('span', { class: 'tag pii' }, t))) : null,
            hit.snippets.length > 0 ? hit.snippets.map(snippet) : h('p', { class: 'snippet muted' }, hit.summary)))),
        h('div', { class: 'pager' },
          found.page > 1 ? pageLink(found.page - 1, '← previous') : null,
          last < found.total ? pageLink(found.page + 1, 'next →') : null),
      );
    } catch (error) {
      replaceChildren(results, errorBox(error));
    }
  };

  loadDefinition()
    .then(({ piiTypes }) =>
      replaceChildren(piiBoxes, h('legend', {}, 'Contains PII'), piiTypes.map((type) =>
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'pii', value: type, checked: chosenPii.has(type) }), ` ${type}`))))
    .catch((error) => piiBoxes.append(errorBox(error)));
  replaceChildren(container, h('section', {}, h('h1', {}, 'Search'), form, results));
  void run(query);
}
