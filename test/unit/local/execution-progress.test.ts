import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  override save(record: ExecutionRecord): void {
    this.written.push(record);
    super.save(record);
  }
}

/** The scripted Task states, with `duringClassify` run while Classify runs. */
function tasks(duringClassify: () => void): Record<TaskStateName, TaskFunction> {
  const scripted = scriptedTasks().tasks;
  return {
    ...scripted,
    Classify: async (input) => {
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
