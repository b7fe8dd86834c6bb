import type { HistoryEvent } from '../../../local/execution-store.js';
import { stateRuns, stateStatuses, takenTransitions } from '../../../local/console/state-runs.js';

const at = (timestamp: number, type: string, stateName?: string, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({
  type,
  timestamp,
  ...(stateName ? { stateName } : {}),
  ...extra,
});

describe('colouring states from an execution history', () => {
  it('marks a state that entered and exited as succeeded, with its timing, input and output', () => {
    const history = [at(0, 'ExecutionStarted'), at(10, 'StateEntered', 'Ingest', { input: { a: 1 } }), at(35, 'StateExited', 'Ingest', { output: { b: 2 } })];

    const runs = stateRuns(history, 'RUNNING');

    expect(runs.Ingest).toEqual({ status: 'succeeded', entries: 1, retries: 0, enteredAt: 10, endedAt: 35, durationMs: 25, input: { a: 1 }, output: { b: 2 } });
  });

  it('marks a state entered but not finished as running while the execution runs', () => {
    const runs = stateRuns([at(0, 'StateEntered', 'ExtractText')], 'RUNNING');

    expect(runs.ExtractText?.status).toBe('running');
    expect(runs.ExtractText?.durationMs).toBeUndefined();
  });

  it('marks a state that failed, was retried and then succeeded as retried', () => {
    const history = [
      at(0, 'StateEntered', 'Ingest'),
      at(5, 'StateFailed', 'Ingest', { error: 'TransientError', cause: 'x' }),
      at(6, 'StateRetried', 'Ingest', { retry: { retrierIndex: 0, attempt: 1 } }),
      at(20, 'StateExited', 'Ingest', { output: {} }),
    ];

    const runs = stateRuns(history, 'SUCCEEDED');

    expect(runs.Ingest).toMatchObject({ status: 'retried', retries: 1, durationMs: 20 });
  });

  it('marks a state being retried right now as retried', () => {
    const history = [at(0, 'StateEntered', 'Ingest'), at(5, 'StateFailed', 'Ingest', { error: 'ThrottlingError' }), at(6, 'StateRetried', 'Ingest')];

    expect(stateRuns(history, 'RUNNING').Ingest?.status).toBe('retried');
  });

  it('marks a failure a Catch rule handled as caught, keeping the error, and the Fail state as failed', () => {
    const history = [
      at(0, 'StateEntered', 'ExtractText'),
      at(5, 'StateFailed', 'ExtractText', { error: 'InvalidDocumentError', cause: 'not a PDF' }),
      at(6, 'StateCaught', 'ExtractText'),
      at(7, 'StateExited', 'ExtractText', { output: { error: {} } }),
      at(8, 'StateEntered', 'RecordFailure'),
      at(9, 'StateExited', 'RecordFailure'),
      at(10, 'StateEntered', 'Failed'),
      at(11, 'StateFailed', 'Failed', { error: 'InvalidDocumentError', cause: 'not a PDF' }),
      at(11, 'ExecutionFailed'),
    ];

    const runs = stateRuns(history, 'FAILED');

    expect(runs.ExtractText).toMatchObject({ status: 'caught', error: 'InvalidDocumentError', cause: 'not a PDF' });
    expect(runs.RecordFailure?.status).toBe('succeeded');
    expect(runs.Failed).toMatchObject({ status: 'failed', error: 'InvalidDocumentError' });
  });

  it('marks a branch state left unfinished when the execution ended as cancelled', () => {
    const history = [at(0, 'StateEntered', 'Classify'), at(0, 'StateEntered', 'Redact'), at(3, 'StateFailed', 'Redact', { error: 'Boom' })];

    const runs = stateRuns(history, 'FAILED');

    expect(runs.Classify?.status).toBe('cancelled');
    expect(runs.Redact?.status).toBe('failed');
  });

  it('counts every entry of a state in a loop and reports the latest one, timed from the first', () => {
    const history = [
      at(0, 'StateEntered', 'ExtractionReady', { input: { n: 1 } }),
      at(1, 'StateExited', 'ExtractionReady', { output: { n: 1 } }),
      at(50, 'StateEntered', 'ExtractionReady', { input: { n: 2 } }),
      at(52, 'StateExited', 'ExtractionReady', { output: { n: 2 } }),
    ];

    const run = stateRuns(history, 'SUCCEEDED').ExtractionReady;

    expect(run).toMatchObject({ status: 'succeeded', entries: 2, input: { n: 2 }, output: { n: 2 }, durationMs: 52 });
  });

  it('gives every state of the definition a status, not-reached where the history never entered it', () => {
    const runs = stateRuns([at(0, 'StateEntered', 'Ingest'), at(1, 'StateExited', 'Ingest')], 'RUNNING');

    expect(stateStatuses(['Ingest', 'SkipDuplicate'], runs)).toEqual({ Ingest: 'succeeded', SkipDuplicate: 'not-reached' });
  });

  it('ignores events of states it never saw entered and events without a state', () => {
    const runs = stateRuns([at(0, 'ParallelBranchStarted'), at(1, 'StateExited', 'Ghost')], 'SUCCEEDED');

    expect(runs).toEqual({});
  });
});

describe('finding the transitions an execution followed', () => {
  const edges = [
    { from: 'IsDuplicate', to: 'SkipDuplicate', kind: 'choice' },
    { from: 'IsDuplicate', to: 'ExtractText', kind: 'default' },
    { from: 'ExtractText', to: 'ExtractionReady', kind: 'next' },
    { from: 'ExtractText', to: 'RecordFailure', kind: 'catch' },
    { from: 'Store', to: 'RecordFailure', kind: 'catch' },
  ];

  it('follows the Choice branch into the state that was entered', () => {
    const taken = takenTransitions(edges, { IsDuplicate: 'succeeded', SkipDuplicate: 'not-reached', ExtractText: 'succeeded', ExtractionReady: 'running' });

    expect(taken).toEqual(['IsDuplicate→ExtractText', 'ExtractText→ExtractionReady']);
  });

  it('follows a Catch rule only from the state whose error was caught', () => {
    const taken = takenTransitions(edges, { IsDuplicate: 'succeeded', ExtractText: 'caught', RecordFailure: 'succeeded', Store: 'not-reached' });

    expect(taken).toEqual(['IsDuplicate→ExtractText', 'ExtractText→RecordFailure']);
  });
});
