import type { ExecutionRecord, ExecutionSummary } from '../execution-store.js';
import type { GraphEdge } from './graph-layout.js';
import { stateRuns, stateStatuses, takenTransitions, type StateRun, type StateStatus } from './state-runs.js';

/** A row of the executions list. */
export interface ExecutionRow extends ExecutionSummary {
  /** The document the execution claimed (known once Ingest has finished). */
  readonly documentId?: string;
  /** Every state of the definition and what happened to it. */
  readonly states: Record<string, StateStatus>;
  /** Transitions followed, as `from→to`. */
  readonly transitions: readonly string[];
}

/** An execution page: the row, the input and output, and each state's run. */
export interface ExecutionDetail extends ExecutionRow {
  readonly input: unknown;
  readonly output?: unknown;
  readonly runs: Record<string, StateRun>;
}

/** The document id Ingest wrote to `$.document` (the state passed on to every later state). */
export function documentIdOf(record: ExecutionRecord): string | undefined {
  for (const event of record.history) {
    if (event.type !== 'StateExited' || event.stateName !== 'Ingest') continue;
    const output = event.output;
    if (typeof output !== 'object' || output === null || !('document' in output)) continue;
    const document = output.document;
    if (typeof document === 'object' && document !== null && 'documentId' in document && typeof document.documentId === 'string') {
      return document.documentId;
    }
  }
  return undefined;
}

function summaryOf(record: ExecutionRecord): ExecutionSummary {
  const { input: _input, output: _output, history: _history, ...summary } = record;
  return summary;
}

/** The states and arrows of the drawn definition. */
export interface DrawnGraph {
  readonly stateNames: readonly string[];
  readonly edges: readonly GraphEdge[];
}

export function executionRow(record: ExecutionRecord, graph: DrawnGraph): ExecutionRow {
  const documentId = documentIdOf(record);
  const states = stateStatuses(graph.stateNames, stateRuns(record.history, record.status));
  return {
    ...summaryOf(record),
    ...(documentId === undefined ? {} : { documentId }),
    states,
    transitions: takenTransitions(graph.edges, states),
  };
}

export function executionDetail(record: ExecutionRecord, graph: DrawnGraph): ExecutionDetail {
  const runs = stateRuns(record.history, record.status);
  const documentId = documentIdOf(record);
  const states = stateStatuses(graph.stateNames, runs);
  return {
    ...summaryOf(record),
    ...(documentId === undefined ? {} : { documentId }),
    states,
    transitions: takenTransitions(graph.edges, states),
    input: record.input,
    ...(record.output === undefined ? {} : { output: record.output }),
    runs,
  };
}

/** The execution name at the end of an execution ARN. */
export function executionNameOf(executionArn: string): string {
  return executionArn.slice(executionArn.lastIndexOf(':') + 1);
}
