/* global setTimeout, clearTimeout */
import { h } from '../dom.js';

/** Shows a failed request in the view instead of the content. */
export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, String(error?.message ?? error));
}

/** Calls fn at most once per `ms`, with the latest arguments. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function executionLink(name, text) {
  return h('a', { href: `#/executions/${encodeURIComponent(name)}`, class: 'execution-link' }, text ?? name);
}

export function documentLink(documentId, text) {
  return h('a', { href: `#/documents/${encodeURIComponent(documentId)}`, class: 'document-link' }, text ?? documentId);
}
