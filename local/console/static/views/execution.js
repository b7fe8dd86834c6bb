import { getJson, loadDefinition, onExecution } from '../api.js';
import { formatDuration, formatJson, formatTime, h, replaceChildren, statusBadge } from '../dom.js';
import { renderGraph, STATUS_LABELS, updateGraph } from '../graph.js';
import { debounce, documentLink, errorBox } from './shared.js';

function stateStatusOf(execution, name) {
  return execution.states[name] ?? 'not-reached';
}

function statePanel(execution, name, node) {
  if (!name) return h('p', { class: 'muted' }, 'Click a state to see its input, output, error and timing.');
  const run = execution.runs[name];
  const status = stateStatusOf(execution, name);
  const rows = [
    ['Type', node?.type ?? ''],
    ['Status', STATUS_LABELS[status] ?? status],
    ['Entered', run?.enteredAt ? formatTime(run.enteredAt) : '—'],
    ['Duration', run?.durationMs === undefined ? '—' : formatDuration(run.durationMs)],
    ['Entries', run ? String(run.entries) : '0'],
    ['Retries', run ? String(run.retries) : '0'],
  ];
  return h('div', { class: 'state-detail', 'data-state': name, 'data-status': status },
    h('h2', {}, name),
    node?.comment ? h('p', { class: 'muted' }, node.comment) : null,
    h('dl', {}, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    run?.error ? [h('h3', {}, 'Error'), h('pre', { class: 'state-error' }, `${run.error}${run.cause === undefined ? '' : `\n${formatJson(run.cause)}`}`)] : null,
    h('h3', {}, 'Input'),
    h('pre', { class: 'state-input' }, run?.input === undefined ? '—' : formatJson(run.input)),
    h('h3', {}, 'Output'),
    h('pre', { class: 'state-output' }, run?.output === undefined ? '—' : formatJson(run.output)),
  );
}

/** One execution: its graph coloured by what happened to each state, updated live, with each state's detail on click. */
export function executionView(container, [name]) {
  let selected;
  let execution;
  let graph;
  let layout;
  const header = h('div', { class: 'execution-header' });
  const graphHolder = h('div', { class: 'graph-holder', id: 'graph' });
  const panel = h('aside', { class: 'state-panel', id: 'state-panel' });
  const legend = h('ul', { class: 'legend' });

  const drawHeader = () => {
    replaceChildren(header,
      h('h1', {}, 'Execution ', h('span', { class: 'mono' }, execution.name)),
      h('div', { class: 'facts' },
        h('span', { id: 'execution-status', 'data-execution-status': execution.status }, statusBadge(execution.status)),
        h('span', {}, 'Object ', h('span', { class: 'mono' }, `${execution.bucket}/${execution.key}`)),
        execution.documentId ? h('span', {}, 'Document ', documentLink(execution.documentId)) : null,
        h('span', {}, 'Started ', formatTime(execution.startedAt)),
        h('span', {}, 'Duration ', execution.durationMs === undefined ? 'running' : formatDuration(execution.durationMs)),
      ),
      execution.cause || execution.error ? h('p', { class: 'error' }, `${execution.error ?? ''}: ${execution.cause ?? ''}`) : null,
    );
  };
  const select = (state) => {
    selected = state;
    updateGraph(graph, execution.states, execution.transitions, selected);
    replaceChildren(panel, statePanel(execution, selected, layout.nodes.find((n) => n.name === selected)));
  };
  const draw = () => {
    drawHeader();
    if (!graph) {
      graph = renderGraph(layout, execution.states, select);
      replaceChildren(graphHolder, graph);
    }
    updateGraph(graph, execution.states, execution.transitions, selected);
    replaceChildren(panel, statePanel(execution, selected, layout.nodes.find((n) => n.name === selected)));
  };
  const load = async () => {
    try {
      const [{ layout: loaded, statuses }, detail] = await Promise.all([loadDefinition(), getJson(`/api/executions/${encodeURIComponent(name)}`)]);
      layout = loaded;
      execution = detail.execution;
      if (legend.childElementCount === 0) {
        replaceChildren(legend, statuses.map((status) => h('li', { 'data-status': status }, h('span', { class: 'swatch' }), STATUS_LABELS[status] ?? status)));
      }
      draw();
    } catch (error) {
      replaceChildren(container, errorBox(error));
    }
  };

  replaceChildren(container,
    h('section', { class: 'execution' },
      header,
      h('div', { class: 'execution-body' }, h('div', {}, graphHolder, legend), panel),
    ),
  );
  void load();
  const refresh = debounce(load, 150);
  return onExecution((row) => {
    if (row.name !== name) return;
    if (execution && layout) {
      // Recolour at once from the event; the full detail (inputs, outputs) follows.
      execution = { ...execution, ...row, runs: execution.runs };
      draw();
    }
    refresh();
  });
}
