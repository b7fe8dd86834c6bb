import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecutionStore, type ExecutionRecord } from '../../../local/execution-store.js';
import { PipelineRunner } from '../../../local/pipeline-runner.js';
import type { TaskFunction, TaskStateName } from '../../../shared/runtime/tasks.js';
import { objectCreatedEvent } from '../../helpers/events.js';
import { scriptedTasks } from '../../helpers/scripted-tasks.js';

/** Counts the records written to disk. */
class CountingStore extends ExecutionStore {
  readonly written: ExecutionRecord[] = [];
  override write(record: ExecutionRecord): Promise<void> {
    this.written.push(record);
    return super.write(record);
  }
}

/** The scripted Task states, with `duringClassify` run while Classify runs (once `store`'s writes so far are done). */
function tasks(duringClassify: () => void, store?: ExecutionStore): Record<TaskStateName, TaskFunction> {
  const scripted = scriptedTasks().tasks;
  return {
    ...scripted,
    Classify: async (input) => {
      await store?.flush();
      duringClassify();
      return scripted.Classify(input);
    },
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
      }, store),
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
    await runner.flush();
    expect(JSON.parse(readFileSync(join(dir, `${final.name}.json`), 'utf8'))).toEqual(JSON.parse(JSON.stringify(final)));
  });

  it('writes the running record again once the interval has passed', async () => {
    const store = new CountingStore(dir);
    const runner = new PipelineRunner({ tasks: tasks(() => undefined), executions: store, concurrency: 1, retryDelayMs: 0, progressWriteMs: 0 });

    const final = await runner.start(objectCreatedEvent('invoice.pdf'));
    await runner.flush();

    const running = store.written.filter((record) => record.status === 'RUNNING');
    expect(running.length).toBeGreaterThan(2);
    expect(running.at(-1)?.history.length).toBeGreaterThan(running[1]?.history.length ?? 0);
    expect(store.written.at(-1)?.status).toBe(final.status);
    expect(JSON.parse(readFileSync(join(dir, `${final.name}.json`), 'utf8')).status).toBe(final.status);
  });
});

describe('ExecutionStore.write', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'docpipe-store-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const record = (status: ExecutionRecord['status'], events: number): ExecutionRecord => ({
    executionId: 'arn:aws:states:local:000000000000:execution:docpipe-pipeline:one',
    name: 'one',
    status,
    bucket: 'uploads',
    key: 'a.pdf',
    startedAt: '2026-01-01T00:00:00.000Z',
    input: {},
    history: Array.from({ length: events }, (_, index) => ({ type: 'StateEntered', timestamp: index })),
  });

  it('leaves the newest of an execution\'s records on disk, and serves it from memory until then', async () => {
    const store = new ExecutionStore(dir);
    const writes = [store.write(record('RUNNING', 0)), store.write(record('RUNNING', 5_000)), store.write(record('SUCCEEDED', 7))];

    // Not on disk yet, or not the newest: the store answers from memory.
    expect(store.get('one')?.status).toBe('SUCCEEDED');
    expect(store.list().map((summary) => summary.status)).toEqual(['SUCCEEDED']);
    await Promise.all(writes);

    const onDisk = JSON.parse(readFileSync(join(dir, 'one.json'), 'utf8')) as ExecutionRecord;
    expect(onDisk.status).toBe('SUCCEEDED');
    expect(onDisk.history).toHaveLength(7);
    expect(new ExecutionStore(dir).get('one')?.status).toBe('SUCCEEDED');
  });

  it('rejects with the file system\'s error when the record cannot be written, and later writes still land', async () => {
    const store = new ExecutionStore(dir);
    rmSync(dir, { recursive: true, force: true });

    await expect(store.write(record('RUNNING', 1))).rejects.toThrow(/ENOENT/);
    mkdirSync(dir, { recursive: true });
    await store.write(record('SUCCEEDED', 2));

    expect((JSON.parse(readFileSync(join(dir, 'one.json'), 'utf8')) as ExecutionRecord).status).toBe('SUCCEEDED');
  });
});
