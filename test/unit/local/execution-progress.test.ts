import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecutionStore, type ExecutionRecord } from '../../../local/execution-store.js';
import { PipelineRunner } from '../../../local/pipeline-runner.js';
import type { TaskFunction, TaskStateName } from '../../../shared/runtime/tasks.js';
import { objectCreatedEvent } from '../../helpers/events.js';

/** Counts the records written to disk. */
class CountingStore extends ExecutionStore {
  readonly written: ExecutionRecord[] = [];
  override save(record: ExecutionRecord): void {
    this.written.push(record);
    super.save(record);
  }
}

const extraction = { status: 'COMPLETE', text: { bucket: 'd', key: 'extracted/doc-1/pages.json' }, pageCount: 1, characterCount: 5, method: 'text-layer', confidence: 1, ocrPages: 0 };

function tasks(duringClassify: () => void): Record<TaskStateName, TaskFunction> {
  return {
    Ingest: async () => ({
      status: 'CLAIMED',
      uploadId: 'u1',
      bucket: 'docpipe-uploads',
      key: 'invoice.pdf',
      receivedAt: '2026-01-01T00:00:00.000Z',
      documentId: 'doc-1',
      contentHash: 'a'.repeat(64),
      mediaType: 'application/pdf',
      size: 10,
    }),
    ExtractText: async () => extraction,
    CheckExtraction: async () => extraction,
    Classify: async () => {
      duringClassify();
      return { label: 'invoice', confidence: 0.9, scores: { invoice: 0.9, receipt: 0.1 } };
    },
    Redact: async () => ({ redactedText: { bucket: 'd', key: 'r' }, piiCounts: {}, entityCount: 0 }),
    Summarise: async () => ({ summary: { bucket: 'd', key: 's' }, sentenceCount: 1 }),
    Store: async () => ({ documentId: 'doc-1', status: 'SUCCEEDED', documentType: 'invoice', indexed: true }),
    RecordFailure: async () => ({ uploadId: 'u1', error: 'x', reason: 'y' }),
  };
}

describe('execution records while an execution runs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-progress-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a running record once, then the final one, and serves the newest from memory meanwhile', async () => {
    // Prepare
    const store = new CountingStore(dir);
    let seenInProcess: ExecutionRecord | undefined;
    let onDisk: ExecutionRecord | undefined;
    let name = '';
    const runner = new PipelineRunner({
      tasks: tasks(() => {
        seenInProcess = store.get(name);
        onDisk = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as ExecutionRecord;
      }),
      executions: store,
      concurrency: 1,
      retryDelayMs: 0,
      progressWriteMs: 60_000,
    });
    runner.on('execution', (record: ExecutionRecord) => {
      name = record.name;
    });

    // Act
    const final = await runner.start(objectCreatedEvent('invoice.pdf'));

    // Assess
    expect(final.status).toBe('SUCCEEDED');
    expect(store.written.map((record) => record.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(onDisk?.status).toBe('RUNNING');
    expect(onDisk?.history).toHaveLength(0);
    expect(seenInProcess?.status).toBe('RUNNING');
    expect(seenInProcess?.history.some((event) => event.type === 'StateExited' && event.stateName === 'ExtractText')).toBe(true);
    expect(store.get(final.name)).toEqual(JSON.parse(JSON.stringify(final)));
    expect(store.list().map((summary) => summary.status)).toEqual(['SUCCEEDED']);
  });

  it('writes the running record again once the interval has passed', async () => {
    const store = new CountingStore(dir);
    const runner = new PipelineRunner({ tasks: tasks(() => undefined), executions: store, concurrency: 1, retryDelayMs: 0, progressWriteMs: 0 });

    const final = await runner.start(objectCreatedEvent('invoice.pdf'));

    const running = store.written.filter((record) => record.status === 'RUNNING');
    expect(running.length).toBeGreaterThan(2);
    expect(running.at(-1)?.history.length).toBeGreaterThan(running[1]?.history.length ?? 0);
    expect(store.written.at(-1)?.status).toBe(final.status);
  });
});
