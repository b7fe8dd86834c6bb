import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecutionStore, type ExecutionRecord } from '../../local/execution-store.js';
import { PipelineRunner } from '../../local/pipeline-runner.js';
import { InvalidDocumentError, ThrottlingError } from '../../shared/errors.js';
import type { TaskFunction, TaskStateName } from '../../shared/runtime/tasks.js';
import { throttlingMaxAttempts } from '../helpers/definition.js';
import { objectCreatedEvent } from '../helpers/events.js';
import { claimed, extraction, scriptedTasks } from '../helpers/scripted-tasks.js';

/**
 * Path tests: the real statemachine/pipeline.asl.json on aws-local-stepfunctions, with each Task state replaced by a
 * scripted function, asserting on the execution history.
 */

function enteredStates(record: ExecutionRecord): string[] {
  return record.history.filter((e) => e.type === 'StateEntered').map((e) => e.stateName ?? '');
}

describe('the pipeline state machine', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-paths-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (tasks: Record<TaskStateName, TaskFunction>): Promise<ExecutionRecord> => {
    const runner = new PipelineRunner({ tasks, executions: new ExecutionStore(dir), concurrency: 1, retryDelayMs: 0 });
    return runner.start(objectCreatedEvent('invoice.pdf'));
  };

  it('runs Ingest, ExtractText, the three analyses in parallel and Store on the success path', async () => {
    const { tasks } = scriptedTasks();

    const record = await run(tasks);

    expect(record.status).toBe('SUCCEEDED');
    const states = enteredStates(record);
    expect(states.slice(0, 5)).toEqual(['Ingest', 'IsDuplicate', 'ExtractText', 'ExtractionReady', 'Analyse']);
    expect(states).toEqual(expect.arrayContaining(['Classify', 'Redact', 'Summarise', 'Store', 'Done']));
    expect(states).not.toContain('RecordFailure');
    const output = record.output as { analysis: { classification: { label: string } }; stored: { status: string } };
    expect(output.analysis.classification.label).toBe('invoice');
    expect(output.stored.status).toBe('SUCCEEDED');
  });

  it('hands each Task only the references it needs', async () => {
    const inputs: Record<string, unknown> = {};
    const capture = (name: TaskStateName, result: unknown): TaskFunction => async (input) => {
      inputs[name] = input;
      return result;
    };
    const { tasks } = scriptedTasks({
      ExtractText: capture('ExtractText', extraction),
      Store: capture('Store', { documentId: 'doc-1', status: 'SUCCEEDED', documentType: 'invoice', indexed: true }),
    });

    const record = await run(tasks);

    expect(record.status).toBe('SUCCEEDED');
    expect(inputs.ExtractText).toEqual({ document: claimed });
    expect(Object.keys(inputs.Store as object).sort()).toEqual(['analysis', 'document', 'extraction']);
    expect(JSON.stringify(record.output).length).toBeLessThan(4000);
  });

  it('skips a duplicate after Ingest without extracting anything', async () => {
    const { tasks, calls } = scriptedTasks({
      Ingest: async () => ({ ...claimed, status: 'DUPLICATE', duplicateOf: 'doc-1', mediaType: undefined, size: undefined }),
    });

    const record = await run(tasks);

    expect(record.status).toBe('SUCCEEDED');
    expect(enteredStates(record)).toEqual(['Ingest', 'IsDuplicate', 'SkipDuplicate']);
    expect(calls).toEqual(['Ingest']);
  });

  it('sends bad input straight to RecordFailure without retrying, and fails the execution', async () => {
    const { tasks, calls } = scriptedTasks({
      ExtractText: async () => {
        throw new InvalidDocumentError('PDF is encrypted (password-protected)');
      },
    });

    const record = await run(tasks);

    expect(record.status).toBe('FAILED');
    expect(record.error).toBe('InvalidDocumentError');
    expect(calls.filter((c) => c === 'ExtractText')).toHaveLength(1);
    expect(enteredStates(record)).toEqual(['Ingest', 'IsDuplicate', 'ExtractText', 'RecordFailure', 'Failed']);
    const failureInput = record.history.find((e) => e.type === 'StateEntered' && e.stateName === 'RecordFailure')?.input as {
      error: { Error: string; Cause: string };
    };
    expect(failureInput.error.Error).toBe('InvalidDocumentError');
    expect(failureInput.error.Cause).toContain('encrypted');
  });

  it('waits and checks an asynchronous extraction until it completes, then analyses', async () => {
    const pending = { status: 'IN_PROGRESS', jobId: 'job-1', waitSeconds: 1, startedAt: '2026-01-01T00:00:00Z', checks: 0 };
    let checks = 0;
    const { tasks, calls } = scriptedTasks({
      ExtractText: async () => pending,
      CheckExtraction: async (input) => {
        checks += 1;
        expect(input).toEqual({ document: claimed, job: { ...pending, checks: checks - 1 } });
        return checks < 2 ? { ...pending, checks } : extraction;
      },
    });

    const record = await run(tasks);

    expect(record.status).toBe('SUCCEEDED');
    expect(enteredStates(record).slice(0, 9)).toEqual([
      'Ingest', 'IsDuplicate', 'ExtractText', 'ExtractionReady', 'WaitForText', 'CheckExtraction',
      'ExtractionReady', 'WaitForText', 'CheckExtraction',
    ]);
    expect(calls.filter((c) => c === 'CheckExtraction')).toHaveLength(2);
    expect(calls).toContain('Store');
  });

  it('retries a throttled stage and then succeeds', async () => {
    let attempts = 0;
    const { tasks } = scriptedTasks({
      ExtractText: async () => {
        attempts += 1;
        if (attempts < 3) throw new ThrottlingError('slow down');
        return extraction;
      },
    });

    const record = await run(tasks);

    expect(record.status).toBe('SUCCEEDED');
    expect(attempts).toBe(3);
    expect(record.history.filter((e) => e.type === 'StateRetried' && e.stateName === 'ExtractText')).toHaveLength(2);
  });

  it('catches a failing Parallel branch on the Analyse state and records the failure', async () => {
    const { tasks, calls } = scriptedTasks({
      Redact: async () => {
        throw new InvalidDocumentError('redaction failed');
      },
    });

    const record = await run(tasks);

    expect(record.status).toBe('FAILED');
    expect(record.error).toBe('InvalidDocumentError');
    expect(calls).toContain('RecordFailure');
    expect(calls).not.toContain('Store');
  });

  it('gives up after the retry budget on a stage that keeps throttling', async () => {
    const { tasks, calls } = scriptedTasks({
      Classify: async () => {
        throw new ThrottlingError('slow down');
      },
    });

    const record = await run(tasks);

    expect(record.status).toBe('FAILED');
    expect(record.error).toBe('ThrottlingError');
    // The first attempt and every retry the state machine's ThrottlingError retrier allows.
    expect(calls.filter((c) => c === 'Classify')).toHaveLength(1 + throttlingMaxAttempts('Classify'));
    expect(calls).toContain('RecordFailure');
  });
});
