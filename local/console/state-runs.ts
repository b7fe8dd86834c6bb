import type { ExecutionStatus, HistoryEvent } from '../execution-store.js';

/**
 * What happened to one state, as the graph colours it:
 * - `not-reached`: never entered;
 * - `running`: entered and not finished while the execution runs;
 * - `succeeded`: finished at the first attempt;
 * - `retried`: failed at least once and was retried (still running, or finished after a retry);
 * - `caught`: failed and a Catch rule moved the execution on;
 * - `failed`: failed with nothing catching the error (or a Fail state);
 * - `cancelled`: entered but the execution ended before it finished (a sibling branch failed).
 */
export type StateStatus = 'not-reached' | 'running' | 'succeeded' | 'retried' | 'caught' | 'failed' | 'cancelled';

export const STATE_STATUSES: readonly StateStatus[] = ['not-reached', 'running', 'succeeded', 'retried', 'caught', 'failed', 'cancelled'];

export interface StateRun {
  readonly status: StateStatus;
  /** Times the state was entered (a loop enters a state again). */
  readonly entries: number;
  readonly retries: number;
  /** Epoch ms of the first entry and of the last end (exit or failure). */
  readonly enteredAt?: number;
  readonly endedAt?: number;
  readonly durationMs?: number;
  /** Of the latest entry. */
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: unknown;
}

interface Tracker {
  status: StateStatus;
  entries: number;
  retries: number;
  enteredAt?: number;
  endedAt?: number;
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: unknown;
}

/**
 * Folds an execution's history into one run per state that was entered. States absent from the result were not
 * reached. `executionStatus` tells a state still running apart from one the end of the execution cut short.
 */
export function stateRuns(history: readonly HistoryEvent[], executionStatus: ExecutionStatus): Record<string, StateRun> {
  const trackers = new Map<string, Tracker>();
  for (const event of history) {
    const name = event.stateName;
    if (name === undefined) continue;
    let tracker = trackers.get(name);
    if (event.type === 'StateEntered') {
      tracker ??= { status: 'running', entries: 0, retries: 0 };
      trackers.set(name, tracker);
      tracker.entries += 1;
      tracker.status = 'running';
      tracker.enteredAt ??= event.timestamp;
      tracker.input = event.input;
      tracker.output = undefined;
      tracker.error = undefined;
      tracker.cause = undefined;
      continue;
    }
    if (!tracker) continue;
    switch (event.type) {
      case 'StateFailed':
        tracker.status = 'failed';
        tracker.error = event.error;
        tracker.cause = event.cause;
        tracker.endedAt = event.timestamp;
        break;
      case 'StateRetried':
        tracker.retries += 1;
        tracker.status = 'running';
        break;
      case 'StateCaught':
        tracker.status = 'caught';
        break;
      case 'StateExited':
        if (tracker.status !== 'caught') tracker.status = tracker.retries > 0 ? 'retried' : 'succeeded';
        if (event.output !== undefined) tracker.output = event.output;
        tracker.endedAt = event.timestamp;
        break;
      default:
        break;
    }
  }

  const runs: Record<string, StateRun> = {};
  for (const [name, tracker] of trackers) {
    let status = tracker.status;
    if (status === 'running' && executionStatus !== 'RUNNING') status = 'cancelled';
    if (status === 'running' && tracker.retries > 0) status = 'retried';
    runs[name] = {
      status,
      entries: tracker.entries,
      retries: tracker.retries,
      ...(tracker.enteredAt === undefined ? {} : { enteredAt: tracker.enteredAt }),
      ...(tracker.endedAt === undefined ? {} : { endedAt: tracker.endedAt }),
      ...(tracker.enteredAt !== undefined && tracker.endedAt !== undefined ? { durationMs: tracker.endedAt - tracker.enteredAt } : {}),
      ...(tracker.input === undefined ? {} : { input: tracker.input }),
      ...(tracker.output === undefined ? {} : { output: tracker.output }),
      ...(tracker.error === undefined ? {} : { error: tracker.error }),
      ...(tracker.cause === undefined ? {} : { cause: tracker.cause }),
    };
  }
  return runs;
}

/** Just the status of every state in `names`, `not-reached` where the history never entered it. */
export function stateStatuses(names: readonly string[], runs: Readonly<Record<string, StateRun>>): Record<string, StateStatus> {
  return Object.fromEntries(names.map((name) => [name, runs[name]?.status ?? 'not-reached']));
}

/**
 * The transitions an execution followed, as `from→to`: both ends reached, and for a Catch rule the source's error
 * caught (a Choice or Next into a state that was entered is the way it was entered, since ASL state names are unique).
 */
export function takenTransitions(
  edges: readonly { readonly from: string; readonly to: string; readonly kind: string }[],
  statuses: Readonly<Record<string, StateStatus>>,
): string[] {
  const reached = (name: string): boolean => (statuses[name] ?? 'not-reached') !== 'not-reached';
  return edges
    .filter((edge) => reached(edge.from) && reached(edge.to) && (edge.kind !== 'catch' || statuses[edge.from] === 'caught'))
    .map((edge) => `${edge.from}→${edge.to}`);
}
