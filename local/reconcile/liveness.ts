/**
 * What the reconciler may assume is still in progress. An attempt that is alive is left alone; anything else with no
 * terminal record is re-driven.
 */
export interface Liveness {
  /** True while the execution may still finish by itself. `updatedAt` is when its record last changed. */
  isAlive(executionId: string, updatedAt: string): boolean;
  /** False while an object may still have its event on the way (just written, or an execution running for its key). */
  isSettled(key: string, lastModified: Date): boolean;
}

/** Nothing runs: the data folder's runtime is stopped or has just started (crash recovery). */
export const NOTHING_ALIVE: Liveness = {
  isAlive: () => false,
  isSettled: () => true,
};

/** Executions known to be running, by id and by object key (the local engine's execution store). */
export function runningExecutions(running: readonly { executionId: string; key: string }[]): Liveness {
  const ids = new Set(running.map((execution) => execution.executionId));
  const keys = new Set(running.map((execution) => execution.key));
  return {
    isAlive: (executionId) => ids.has(executionId),
    isSettled: (key) => !keys.has(key),
  };
}

/**
 * Where the engine cannot be asked (events may be missed on AWS): an attempt is presumed alive until its record has
 * been quiet for longer than any execution may run, and an object is settled once it is that old.
 */
export function quietFor(staleAfterMs: number, now: () => Date = () => new Date()): Liveness {
  return {
    isAlive: (_executionId, updatedAt) => now().getTime() - Date.parse(updatedAt) < staleAfterMs,
    isSettled: (_key, lastModified) => now().getTime() - lastModified.getTime() >= staleAfterMs,
  };
}
