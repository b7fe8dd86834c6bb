import './polyfill.js';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { ObjectCreatedEvent } from '../shared/contracts/events.js';
import type { Log } from '../shared/log.js';
import { localFunctionArns, readDefinitionTemplate, renderDefinition } from '../shared/runtime/definition.js';
import type { TaskFunction, TaskStateName } from '../shared/runtime/tasks.js';
import type { ExecutionRecord, ExecutionStore, HistoryEvent } from './execution-store.js';
import { WorkQueue } from './queue.js';

/** The one definition, with local function ARNs in place of the placeholders infra substitutes on AWS. */
export function loadPipelineDefinition(): StateMachineDefinition {
  return JSON.parse(renderDefinition(readDefinitionTemplate(), localFunctionArns())) as StateMachineDefinition;
}

export interface PipelineRunnerOptions {
  readonly tasks: Record<TaskStateName, TaskFunction>;
  readonly executions: ExecutionStore;
  /** Executions in flight at once; the rest queue. */
  readonly concurrency: number;
  /**
   * Milliseconds to wait before each retry and in each Wait state, instead of the definition's backoff and waits
   * (tests use 0). Undefined keeps the definition's IntervalSeconds, BackoffRate, jitter and Wait seconds.
   */
  readonly retryDelayMs?: number;
  readonly definition?: StateMachineDefinition;
  /**
   * Least milliseconds between two writes of a running execution's record to disk (default 1000). Readers in this
   * process see every change at once (ExecutionStore.track); a stopped execution's record is written immediately.
   */
  readonly progressWriteMs?: number;
  /** Where a failed write of an execution's record is reported (default: a process warning). */
  readonly log?: Log;
}

/** A running execution's record on disk: when it was last written and the newer one waiting for its turn. */
interface ProgressWrites {
  lastWrite: number;
  pending?: ExecutionRecord;
  timer?: NodeJS.Timeout;
}

const DEFAULT_PROGRESS_WRITE_MS = 1000;

/**
 * Runs statemachine/pipeline.asl.json with aws-local-stepfunctions, each Task state mapped to its stage function
 * in-process, and keeps every execution's history in the execution store. Emits `execution` with the record whenever
 * an execution starts, changes state or ends.
 */
export class PipelineRunner extends EventEmitter {
  private readonly machine: StateMachine;
  private readonly queue: WorkQueue;
  private readonly retryOverrides: Record<string, number> | undefined;
  private readonly waitOverrides: Record<string, number> | undefined;
  private readonly progress = new Map<string, ProgressWrites>();
  private readonly progressWriteMs: number;

  constructor(private readonly options: PipelineRunnerOptions) {
    super();
    const definition = options.definition ?? loadPipelineDefinition();
    // Every Task runs in-process through taskResourceLocalHandlers; the ARNs are never called.
    this.machine = new StateMachine(definition);
    this.queue = new WorkQueue(options.concurrency);
    this.progressWriteMs = options.progressWriteMs ?? DEFAULT_PROGRESS_WRITE_MS;
    this.retryOverrides =
      options.retryDelayMs === undefined
        ? undefined
        : Object.fromEntries(statesWhere(definition, (s) => 'Retry' in s && s.Retry !== undefined).map((name) => [name, options.retryDelayMs ?? 0]));
    this.waitOverrides =
      options.retryDelayMs === undefined
        ? undefined
        : Object.fromEntries(statesWhere(definition, (s) => s.Type === 'Wait').map((name) => [name, options.retryDelayMs ?? 0]));
  }

  /** Queues an execution for the event; resolves with its final record. Never rejects for a failed execution. */
  start(event: ObjectCreatedEvent): Promise<ExecutionRecord> {
    const name = executionName(event);
    const startedAt = new Date().toISOString();
    const executionId = `arn:aws:states:local:000000000000:execution:docpipe-pipeline:${name}`;
    const base = {
      executionId,
      name,
      bucket: event.detail.bucket.name,
      key: event.detail.object.key,
      startedAt,
      input: event,
    };
    this.publish({ ...base, status: 'RUNNING', history: [] });
    return this.queue.run(() => this.execute(base, event));
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  get load(): { running: number; waiting: number } {
    return this.queue.size;
  }

  private async execute(base: Omit<ExecutionRecord, 'status' | 'history'>, event: ObjectCreatedEvent): Promise<ExecutionRecord> {
    const started = Date.now();
    // Its queued record is on disk already: the next write of its progress is due progressWriteMs after it starts
    // running, not after it was queued (a short execution then writes only its final record).
    const writes = this.progress.get(base.name);
    if (writes) writes.lastWrite = started;
    const history: HistoryEvent[] = [];
    const execution = this.machine.run(event, {
      context: { Execution: { Id: base.executionId, Name: base.name, StartTime: base.startedAt, Input: event } },
      overrides: {
        taskResourceLocalHandlers: this.options.tasks as unknown as Record<string, (input: unknown) => Promise<never>>,
        ...(this.retryOverrides ? { retryIntervalOverrides: this.retryOverrides } : {}),
        ...(this.waitOverrides ? { waitTimeOverrides: this.waitOverrides } : {}),
      },
    });
    const collecting = (async () => {
      for await (const entry of execution.eventLogs) {
        history.push(toHistoryEvent(entry));
        this.publish({ ...base, status: 'RUNNING', history: [...history] });
      }
    })();

    let record: ExecutionRecord;
    try {
      const output = await execution.result;
      await collecting;
      record = { ...base, status: 'SUCCEEDED', output, history, stoppedAt: new Date().toISOString(), durationMs: Date.now() - started };
    } catch (error) {
      await collecting.catch(() => undefined);
      const failed = [...history].reverse().find((entry) => entry.type === 'ExecutionFailed');
      record = {
        ...base,
        status: 'FAILED',
        history,
        stoppedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        error: failed?.error ?? (error instanceof Error ? error.name : 'ExecutionError'),
        cause: typeof failed?.cause === 'string' ? failed.cause : error instanceof Error ? error.message : String(error),
      };
    }
    this.publish(record);
    return record;
  }

  private publish(record: ExecutionRecord): void {
    this.persist(record);
    this.emit('execution', record);
  }

  /** Resolves once every execution record written so far is on disk. */
  flush(): Promise<void> {
    return this.options.executions.flush();
  }

  /**
   * Writes a stopped execution's record at once, and a running one's at most every progressWriteMs (the newest
   * record wins): enough for other processes to follow it and for a crash to leave it RUNNING on disk, without
   * rewriting the whole growing history on each of its events. Writes run in the background (ExecutionStore.write).
   */
  private persist(record: ExecutionRecord): void {
    const { executions } = this.options;
    executions.track(record);
    const writes = this.progress.get(record.name);
    if (record.status !== 'RUNNING') {
      if (writes?.timer) clearTimeout(writes.timer);
      this.progress.delete(record.name);
      this.write(record);
      return;
    }
    const now = Date.now();
    if (!writes) {
      this.write(record);
      this.progress.set(record.name, { lastWrite: now });
      return;
    }
    writes.pending = record;
    if (writes.timer) return;
    const flush = (): void => {
      writes.timer = undefined;
      if (!writes.pending || this.progress.get(record.name) !== writes) return;
      this.write(writes.pending);
      writes.pending = undefined;
      writes.lastWrite = Date.now();
    };
    const due = writes.lastWrite + this.progressWriteMs - now;
    if (due <= 0) flush();
    else {
      writes.timer = setTimeout(flush, due);
      writes.timer.unref();
    }
  }

  private write(record: ExecutionRecord): void {
    this.options.executions.write(record).catch((error: unknown) => {
      const message = `The record of execution ${record.name} could not be written: ${error instanceof Error ? error.message : String(error)}`;
      if (this.options.log) this.options.log.error(message, { executionName: record.name, status: record.status });
      else process.emitWarning(message);
    });
  }
}

function executionName(event: ObjectCreatedEvent): string {
  const stem = event.detail.object.key
    .split('/')
    .pop()
    ?.replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${stem || 'object'}-${randomUUID().slice(0, 8)}`;
}

type AnyState = StateMachineDefinition['States'][string];

function statesWhere(definition: StateMachineDefinition, predicate: (state: AnyState) => boolean): string[] {
  const names: string[] = [];
  const visit = (states: StateMachineDefinition['States']): void => {
    for (const [name, state] of Object.entries(states)) {
      if (predicate(state)) names.push(name);
      if (state.Type === 'Parallel') for (const branch of state.Branches) visit(branch.States);
    }
  };
  visit(definition.States);
  return names;
}

type EngineEvent = {
  type: string;
  timestamp: number;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  Error?: string;
  Cause?: unknown;
  retry?: { attempt: number };
  index?: number;
  input?: unknown;
  output?: unknown;
};

function toHistoryEvent(raw: unknown): HistoryEvent {
  const entry = raw as EngineEvent;
  return {
    type: entry.type,
    timestamp: entry.timestamp,
    ...(entry.state ? { stateName: entry.state.name, stateType: entry.state.type } : {}),
    ...(entry.state?.input !== undefined ? { input: entry.state.input } : entry.input !== undefined ? { input: entry.input } : {}),
    ...(entry.state?.output !== undefined ? { output: entry.state.output } : entry.output !== undefined ? { output: entry.output } : {}),
    ...(entry.Error ? { error: entry.Error } : {}),
    ...(entry.Cause !== undefined ? { cause: entry.Cause } : {}),
    ...(entry.retry ? { retry: { retrierIndex: 0, attempt: entry.retry.attempt } } : {}),
    ...(entry.index !== undefined ? { index: entry.index } : {}),
  };
}
