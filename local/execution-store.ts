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

/** Executions of the local engine, one JSON file each, shared by every docpipe process using the data folder. */
export class ExecutionStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  save(record: ExecutionRecord): void {
    const file = join(this.dir, `${record.name}.json`);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, file);
  }

  get(name: string): ExecutionRecord | undefined {
    try {
      return JSON.parse(readFileSync(join(this.dir, `${name}.json`), 'utf8')) as ExecutionRecord;
    } catch {
      return undefined;
    }
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
}
