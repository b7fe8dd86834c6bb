import { mkdirSync, readdirSync, readFileSync, rename as renameFile, renameSync, rm as removeFile, writeFile as writeWholeFile, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** One event of an execution's history (the engine's event log, with timestamps). */
export interface HistoryEvent {
  readonly type: string;
  readonly timestamp: number;
  readonly stateName?: string;
  readonly stateType?: string;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: unknown;
  readonly retry?: { readonly retrierIndex: number; readonly attempt: number };
  readonly index?: number;
}

export interface ExecutionSummary {
  readonly executionId: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly bucket: string;
  readonly key: string;
  readonly startedAt: string;
  readonly stoppedAt?: string;
  readonly durationMs?: number;
  readonly error?: string;
  readonly cause?: string;
}

export interface ExecutionRecord extends ExecutionSummary {
  readonly input: unknown;
  readonly output?: unknown;
  readonly history: readonly HistoryEvent[];
}

// The callback API: a whole-file write costs the event loop less than through fs/promises' FileHandle.
const writeFile = promisify(writeWholeFile);
const rename = promisify(renameFile);
const rm = promisify(removeFile);

/**
 * Executions of the local engine, one JSON file each, shared by every docpipe process using the data folder.
 *
 * A running execution's record changes with every history event; writing the whole file each time cost the runtime
 * more CPU than the stages' own S3 and DynamoDB traffic (the record grows with the history, so the writes were
 * quadratic). So the runner keeps the newest record of each running execution here (`track`, in memory, what this
 * process reads) and writes it to disk only now and then; the final record is always written at once.
 *
 * The runner writes in the background (`write`: the file is written off the event loop, one write of an execution
 * after another, and the record is served from memory until it is on disk); one-off commands write synchronously
 * (`save`).
 */
export class ExecutionStore {
  private readonly live = new Map<string, ExecutionRecord>();
  /** Each execution's newest record not yet on disk, and the chain of its writes. */
  private readonly writing = new Map<string, { record: ExecutionRecord; done: Promise<void> }>();
  private writes = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes the record to its file now (atomically: other processes read whole files only). */
  save(record: ExecutionRecord): void {
    if (record.status !== 'RUNNING') this.live.delete(record.name);
    const file = this.fileOf(record.name);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, file);
  }

  /**
   * Writes the record to its file in the background, after this execution's earlier writes (so the newest record is
   * the one left on disk), atomically like `save`. Until it is there, `get` and `list` return it from memory.
   * Resolves once it is on disk; rejects with the file system's error.
   */
  write(record: ExecutionRecord): Promise<void> {
    if (record.status !== 'RUNNING') this.live.delete(record.name);
    const file = this.fileOf(record.name);
    const temp = `${file}.${process.pid}.${(this.writes += 1)}.tmp`;
    const json = JSON.stringify(record);
    const previous = this.writing.get(record.name)?.done ?? Promise.resolve();
    const done = previous
      .catch(() => undefined)
      .then(async () => {
        try {
          await writeFile(temp, json);
          await rename(temp, file);
        } catch (error) {
          await rm(temp, { force: true });
          throw error;
        }
      });
    const entry = { record, done };
    this.writing.set(record.name, entry);
    const settle = (): void => {
      if (this.writing.get(record.name) === entry) this.writing.delete(record.name);
    };
    done.then(settle, settle);
    return done;
  }

  /** Resolves once every background write started so far has ended (whether or not it succeeded). */
  async flush(): Promise<void> {
    while (this.writing.size > 0) {
      await Promise.allSettled([...this.writing.values()].map((entry) => entry.done));
    }
  }

  /** Holds the newest record of a running execution for readers in this process, without writing it yet. */
  track(record: ExecutionRecord): void {
    if (record.status === 'RUNNING') this.live.set(record.name, record);
    else this.live.delete(record.name);
  }

  get(name: string): ExecutionRecord | undefined {
    return this.live.get(name) ?? this.writing.get(name)?.record ?? this.read(name);
  }

  /** Newest first. */
  list(filter: { status?: ExecutionStatus } = {}): ExecutionSummary[] {
    const summaries: ExecutionSummary[] = [];
    const names = new Set([...this.writing.keys(), ...readdirSync(this.dir).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length))]);
    for (const name of names) {
      const record = this.get(name);
      if (!record) continue;
      if (filter.status && record.status !== filter.status) continue;
      const { input: _input, output: _output, history: _history, ...summary } = record;
      summaries.push(summary);
    }
    return summaries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  private read(name: string): ExecutionRecord | undefined {
    try {
      return JSON.parse(readFileSync(this.fileOf(name), 'utf8')) as ExecutionRecord;
    } catch {
      return undefined;
    }
  }

  private fileOf(name: string): string {
    return join(this.dir, `${name}.json`);
  }
}
