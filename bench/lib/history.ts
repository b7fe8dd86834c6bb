/**
 * Reads an execution's history (local/execution-store.ts, from aws-local-stepfunctions' event log) the way AWS
 * bills and times a Standard workflow.
 */
import type { HistoryEvent } from '../../local/execution-store.js';

/**
 * State transitions as Step Functions Standard bills them: one per state entered (Task, Choice, Wait, Pass,
 * Parallel, the states inside Parallel branches, Succeed, Fail) and one per retry of a state.
 */
export function billedTransitions(history: readonly HistoryEvent[]): number {
  return history.filter((event) => event.type === 'StateEntered' || event.type === 'StateRetried').length;
}

/** One run of a Task state: the first attempt or a retry. */
export interface TaskAttempt {
  readonly state: string;
  readonly ms: number;
  readonly succeeded: boolean;
}

/**
 * Every attempt of every Task state (each is one Lambda invocation on AWS), with its duration. An attempt starts at
 * StateEntered or StateRetried (the engine waits out the backoff before StateRetried) and ends at StateExited or
 * StateFailed.
 */
export function taskAttempts(history: readonly HistoryEvent[]): TaskAttempt[] {
  const open = new Map<string, number>();
  const attempts: TaskAttempt[] = [];
  for (const event of history) {
    if (event.stateType !== 'Task' || event.stateName === undefined) continue;
    if (event.type === 'StateEntered' || event.type === 'StateRetried') {
      open.set(event.stateName, event.timestamp);
    } else if (event.type === 'StateExited' || event.type === 'StateFailed') {
      const started = open.get(event.stateName);
      if (started === undefined) continue;
      open.delete(event.stateName);
      attempts.push({ state: event.stateName, ms: event.timestamp - started, succeeded: event.type === 'StateExited' });
    }
  }
  return attempts;
}

/** Retries of any state (StateRetried events). */
export function retries(history: readonly HistoryEvent[]): number {
  return history.filter((event) => event.type === 'StateRetried').length;
}

/**
 * Time from entering each Task state to leaving it (retries and their waits included), by state name. A state
 * entered twice (the asynchronous extraction loop) adds up.
 */
export function stageDurations(history: readonly HistoryEvent[]): Record<string, number> {
  const entered = new Map<string, number>();
  const durations: Record<string, number> = {};
  for (const event of history) {
    if (event.stateType !== 'Task' || event.stateName === undefined) continue;
    if (event.type === 'StateEntered') entered.set(event.stateName, event.timestamp);
    if (event.type === 'StateExited') {
      const started = entered.get(event.stateName);
      if (started === undefined) continue;
      durations[event.stateName] = (durations[event.stateName] ?? 0) + event.timestamp - started;
    }
  }
  return durations;
}

/** Wall time from ExecutionStarted to the execution's end. */
export function executionMs(history: readonly HistoryEvent[]): number {
  const first = history[0]?.timestamp;
  const last = history.at(-1)?.timestamp;
  return first === undefined || last === undefined ? Number.NaN : last - first;
}
