import type { ExecutionStore } from '../execution-store.js';

export const INTERRUPTED_EXECUTION_CAUSE = 'The runtime stopped before this execution finished; its upload was re-driven';

/**
 * Marks the executions a stopped runtime left RUNNING as failed (`Interrupted`), so the execution list never shows a
 * run that nobody is running. Call only when no runtime uses the data folder. Returns how many were marked.
 */
export function closeInterruptedExecutions(executions: ExecutionStore, now: Date = new Date()): number {
  let closed = 0;
  for (const summary of executions.list({ status: 'RUNNING' })) {
    const record = executions.get(summary.name);
    if (!record) continue;
    executions.save({
      ...record,
      status: 'FAILED',
      error: 'Interrupted',
      cause: INTERRUPTED_EXECUTION_CAUSE,
      stoppedAt: now.toISOString(),
      durationMs: Math.max(0, now.getTime() - Date.parse(record.startedAt)),
    });
    closed += 1;
  }
  return closed;
}
