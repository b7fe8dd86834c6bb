import { runInFaultScope } from '../faults/fault-scope.js';
import { correlationOf } from './correlation.js';
import type { StageDeps } from './stage-deps.js';
import type { TaskFunction, TaskStateName } from './task-names.js';

/**
 * A Task state's function as the runtime calls it. Under fault injection, each Task state of each upload is a scope that
 * counts the faults it met (fault-scope.ts); without faults, the function itself.
 */
export function withFaultScope(state: TaskStateName, task: TaskFunction, deps: Pick<StageDeps, 'faults'>): TaskFunction {
  if (!deps.faults.active) return task;
  return async (input) => {
    const ids = correlationOf(input);
    const scope = `${ids.uploadId ?? ids.documentId ?? ids.executionId ?? 'unknown'}/${state}`;
    const output = await runInFaultScope(scope, () => task(input));
    deps.faults.endScope(scope);
    return output;
  };
}
