import type { HistoryEvent } from '../../../local/execution-store.js';
import { billedTransitions, executionMs, retries, stageDurations, taskAttempts } from '../../../bench/lib/history.js';

/** A one-page document's history as the local engine logs it, with one throttled retry of ExtractText. */
function sampleHistory(): HistoryEvent[] {
  let time = 1000;
  const at = (type: string, stateName?: string, stateType?: string, step = 10): HistoryEvent => {
    time += step;
    return { type, timestamp: time, ...(stateName ? { stateName, stateType } : {}) };
  };
  return [
    at('ExecutionStarted'),
    at('StateEntered', 'Ingest', 'Task'),
    at('StateExited', 'Ingest', 'Task', 100),
    at('StateEntered', 'IsDuplicate', 'Choice'),
    at('StateExited', 'IsDuplicate', 'Choice'),
    at('StateEntered', 'ExtractText', 'Task'),
    at('StateFailed', 'ExtractText', 'Task', 50),
    at('StateRetried', 'ExtractText', 'Task', 2000),
    at('StateExited', 'ExtractText', 'Task', 300),
    at('StateEntered', 'ExtractionReady', 'Choice'),
    at('StateExited', 'ExtractionReady', 'Choice'),
    at('StateEntered', 'Analyse', 'Parallel'),
    at('ParallelBranchStarted'),
    at('ParallelBranchStarted'),
    at('ParallelBranchStarted'),
    at('StateEntered', 'Classify', 'Task'),
    at('StateEntered', 'Redact', 'Task'),
    at('StateEntered', 'Summarise', 'Task'),
    at('StateExited', 'Classify', 'Task', 40),
    at('ParallelBranchSucceeded'),
    at('StateExited', 'Redact', 'Task', 40),
    at('ParallelBranchSucceeded'),
    at('StateExited', 'Summarise', 'Task', 40),
    at('ParallelBranchSucceeded'),
    at('StateExited', 'Analyse', 'Parallel'),
    at('StateEntered', 'Store', 'Task'),
    at('StateExited', 'Store', 'Task', 60),
    at('StateEntered', 'Done', 'Succeed'),
    at('StateExited', 'Done', 'Succeed'),
    at('ExecutionSucceeded'),
  ];
}

describe('reading an execution history the way AWS bills it', () => {
  it('counts every state entered, the Parallel branches\' states and the Succeed state included, plus each retry', () => {
    const history = sampleHistory();

    const transitions = billedTransitions(history);

    expect(transitions).toBe(11);
    expect(retries(history)).toBe(1);
  });

  it('counts one Lambda invocation per Task attempt, the retried one twice', () => {
    const attempts = taskAttempts(sampleHistory());

    expect(attempts.map((attempt) => attempt.state)).toEqual(['Ingest', 'ExtractText', 'ExtractText', 'Classify', 'Redact', 'Summarise', 'Store']);
    expect(attempts.filter((attempt) => !attempt.succeeded).map((attempt) => attempt.state)).toEqual(['ExtractText']);
  });

  it('times an attempt from its start to its end, leaving out the backoff before a retry', () => {
    const extractAttempts = taskAttempts(sampleHistory()).filter((attempt) => attempt.state === 'ExtractText');

    expect(extractAttempts.map((attempt) => attempt.ms)).toEqual([50, 300]);
  });

  it('times each Task state from entering to leaving it, retries and their waits included', () => {
    const durations = stageDurations(sampleHistory());

    // The branches start 10 ms apart and end 40 ms after the previous event each, with a branch event between.
    expect(durations).toEqual({ Ingest: 100, ExtractText: 2350, Classify: 60, Redact: 100, Summarise: 140, Store: 60 });
  });

  it('measures the execution from its first event to its last', () => {
    const history = sampleHistory();

    expect(executionMs(history)).toBe((history.at(-1)?.timestamp ?? 0) - (history[0]?.timestamp ?? 0));
  });
});
