/* global document, window, URLSearchParams */
import { connectLive } from './api.js';
import { h, replaceChildren } from './dom.js';
import { documentView } from './views/document.js';
import { documentsView } from './views/documents.js';
import { executionView } from './views/execution.js';
import { executionsView } from './views/executions.js';
import { searchView } from './views/search.js';
import { uploadView } from './views/upload.js';

/** Hash routes: #/executions, #/executions/<name>, #/documents, #/documents/<id>, #/search?q=…, #/upload. */
const routes = [
  { pattern: /^\/executions\/([^/?]+)$/, nav: 'executions', view: executionView },
  { pattern: /^\/executions\/?$/, nav: 'executions', view: executionsView },
  { pattern: /^\/documents\/([^/?]+)$/, nav: 'documents', view: documentView },
  { pattern: /^\/documents\/?$/, nav: 'documents', view: documentsView },
  { pattern: /^\/search\/?$/, nav: 'search', view: searchView },
  { pattern: /^\/upload\/?$/, nav: 'upload', view: uploadView },
];

let stopCurrent;

function route() {
  const hash = window.location.hash.replace(/^#/, '') || '/executions';
  const [path, query = ''] = hash.split('?');
  const container = document.getElementById('view');
  if (typeof stopCurrent === 'function') stopCurrent();
  stopCurrent = undefined;
  const match = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('active', match !== undefined && link.dataset.nav === match.r.nav);
  }
  if (!match) {
    replaceChildren(container, h('p', { class: 'error' }, 'No such page.'));
    return;
  }
  const params = match.m.slice(1).map((part) => decodeURIComponent(part));
  try {
    stopCurrent = match.r.view(container, params, new URLSearchParams(query));
  } catch (error) {
    replaceChildren(container, h('p', { class: 'error' }, String(error?.message ?? error)));
  }
}

connectLive(document.getElementById('live'));
window.addEventListener('hashchange', route);
route();
