import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Task state attempt a port call belongs to (e.g. `<upload id>/Summarise`). Retryable faults are counted per scope,
 * so the retries of one Task state always outlast them, however many port calls each attempt makes.
 */
const scopes = new AsyncLocalStorage<string>();

export function runInFaultScope<T>(scope: string, run: () => Promise<T>): Promise<T> {
  return scopes.run(scope, run);
}

export function currentFaultScope(): string | undefined {
  return scopes.getStore();
}
