import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * Executions of the local engine, one JSON file each, shared by every docpipe process using the data folder.
 *
 * A running execution's record changes with every history event; writing the whole file each time cost the runtime
 * more CPU than the stages' own S3 and DynamoDB traffic (the record grows with the history, so the writes were
 * quadratic). So the runner keeps the newest record of each running execution here (`track`, in memory, what this
 * process reads) and writes it to disk only now and then (`save`); the final record is always written at once.
 */
export class ExecutionStore {
  private readonly live = new Map<string, ExecutionRecord>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes the record to its file (atomically: other processes read whole files only). */
  save(record: ExecutionRecord): void {
    if (record.status !== 'RUNNING') this.live.delete(record.name);
    const file = join(this.dir, `${record.name}.json`);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, file);
  }

  /** Holds the newest record of a running execution for readers in this process, without writing it yet. */
  track(record: ExecutionRecord): void {
    if (record.status === 'RUNNING') this.live.set(record.name, record);
    else this.live.delete(record.name);
  }

  get(name: string): ExecutionRecord | undefined {
    const live = this.live.get(name);
    if (live) return live;
    return this.read(name);
  }

  /** Newest first. */
  list(filter: { status?: ExecutionStatus } = {}): ExecutionSummary[] {
    const summaries: ExecutionSummary[] = [];
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith('.json')) continue;
      const record = this.get(file.slice(0, -'.json'.length));
      if (!record) continue;
      if (filter.status && record.status !== filter.status) continue;
      const { input: _input, output: _output, history: _history, ...summary } = record;
      summaries.push(summary);
    }
    return summaries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  private read(name: string): ExecutionRecord | undefined {
    try {
      return JSON.parse(readFileSync(join(this.dir, `${name}.json`), 'utf8')) as ExecutionRecord;
    } catch {
      return undefined;
    }
  }
}
