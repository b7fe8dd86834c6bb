/* global fetch, EventSource */
/** Calls to the console's JSON API; errors carry the server's message. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  return body;
}

export async function uploadFile(file) {
  const response = await fetch(`/api/uploads?name=${encodeURIComponent(file.name)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  return body;
}

const listeners = new Set();
let source;

/** Live execution updates (server-sent events); returns a function that stops listening. */
export function onExecution(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function connectLive(indicator) {
  source = new EventSource('/api/events');
  const show = (state) => {
    indicator.dataset.live = state;
    indicator.textContent = state;
  };
  source.addEventListener('open', () => show('live'));
  source.addEventListener('error', () => show('reconnecting'));
  source.addEventListener('execution', (event) => {
    const row = JSON.parse(event.data);
    for (const listener of listeners) listener(row);
  });
}

let definition;
/** The graph layout, state statuses and PII types (fixed while the console runs). */
export function loadDefinition() {
  definition ??= getJson('/api/definition');
  return definition;
}
