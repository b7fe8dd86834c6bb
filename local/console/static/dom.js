/* global document */
/**
 * The only way the console builds markup: elements from tag names, strings always as text nodes (textContent),
 * never HTML parsing. Links may only point inside the console.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

function safeHref(value) {
  const href = String(value);
  return href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//')) ? href : '#';
}

function applyProps(element, props) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'href') element.setAttribute('href', safeHref(value));
    else if (name === 'text') element.textContent = String(value);
    // Through the CSSOM: the Content-Security-Policy allows no style attributes.
    else if (name === 'style' && typeof value === 'object') Object.assign(element.style, value);
    else if (name === 'value') element.value = String(value);
    else if (name === 'checked') element.checked = Boolean(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** `h('a', { href: '#/x', class: 'c' }, 'text', child)` */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

/** The same for SVG elements. */
export function s(tag, props, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

export function formatDuration(ms) {
  if (ms === undefined || ms === null) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTime(value) {
  if (value === undefined || value === null) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

/** JSON for the state panel, shortened when very long. */
export function formatJson(value, max = 20_000) {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${String(status).toLowerCase()}`, 'data-status': String(status) }, String(status));
}
