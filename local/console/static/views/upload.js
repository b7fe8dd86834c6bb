import { getJson, onExecution, uploadFile } from '../api.js';
import { h, replaceChildren, statusBadge } from '../dom.js';
import { executionLink } from './shared.js';

/** Seconds of clock slack when matching an execution to the upload that started it. */
const SLACK_MS = 2000;

/**
 * Drag-and-drop (or pick) files: each goes into the local upload bucket, which starts an execution like any other
 * upload; the list links each file to its execution as soon as it appears and shows its status live.
 */
export function uploadView(container) {
  const items = [];
  const recent = new Map();
  const list = h('ul', { class: 'upload-list', id: 'upload-list' });

  const claimed = () => new Set(items.map((item) => item.execution?.name).filter(Boolean));
  const match = () => {
    for (const item of items) {
      if (!item.key || item.execution) continue;
      const taken = claimed();
      const candidates = [...recent.values()]
        .filter((row) => row.key === item.key && !taken.has(row.name) && Date.parse(row.startedAt) >= item.sentAt - SLACK_MS)
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      if (candidates[0]) item.execution = candidates[0];
    }
    for (const item of items) if (item.execution) item.execution = recent.get(item.execution.name) ?? item.execution;
    draw();
  };
  const draw = () =>
    replaceChildren(list, items.map((item) =>
      h('li', { 'data-file': item.name, 'data-state': item.error ? 'error' : item.execution ? 'execution' : item.key ? 'uploaded' : 'sending' },
        h('span', { class: 'mono' }, item.name),
        ' ',
        item.error
          ? h('span', { class: 'error' }, item.error)
          : item.execution
            ? [statusBadge(item.execution.status), ' ', executionLink(item.execution.name, 'view execution')]
            : h('span', { class: 'muted' }, item.key ? 'uploaded, waiting for its execution…' : 'uploading…'),
      )));

  const send = async (files) => {
    for (const file of files) {
      const item = { name: file.name, sentAt: Date.now() };
      items.unshift(item);
      draw();
      try {
        const stored = await uploadFile(file);
        item.key = stored.key;
      } catch (error) {
        item.error = String(error?.message ?? error);
      }
      match();
    }
  };

  const input = h('input', {
    type: 'file',
    id: 'file-input',
    multiple: true,
    class: 'visually-hidden',
    onchange: (event) => {
      void send([...event.target.files]);
      event.target.value = '';
    },
  });
  const zone = h('label', {
    class: 'drop-zone',
    id: 'drop-zone',
    for: 'file-input',
    ondragover: (event) => {
      event.preventDefault();
      zone.classList.add('over');
    },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      void send([...(event.dataTransfer?.files ?? [])]);
    },
  }, h('strong', {}, 'Drop files here'), h('span', {}, 'or click to choose (PDF, PNG, JPEG, TIFF, text)'));

  replaceChildren(container, h('section', {}, h('h1', {}, 'Upload'), input, zone, list));
  getJson('/api/executions?limit=50')
    .then(({ executions }) => {
      for (const row of executions) if (!recent.has(row.name)) recent.set(row.name, row);
      match();
    })
    .catch(() => undefined);
  return onExecution((row) => {
    recent.set(row.name, row);
    match();
  });
}
