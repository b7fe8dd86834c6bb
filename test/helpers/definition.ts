import { readDefinitionTemplate } from '../../shared/runtime/definition.js';

type RetryingState = { Retry?: { ErrorEquals: string[]; MaxAttempts?: number }[]; Branches?: { States: Record<string, RetryingState> }[] };

/** MaxAttempts of the ThrottlingError retrier of a Task state of statemachine/pipeline.asl.json, wherever it sits. */
export function throttlingMaxAttempts(stateName: string): number {
  const find = (states: Record<string, RetryingState>): RetryingState | undefined =>
    states[stateName] ?? Object.values(states).flatMap((s) => s.Branches ?? []).map((b) => find(b.States)).find(Boolean);
  const state = find((JSON.parse(readDefinitionTemplate()) as { States: Record<string, RetryingState> }).States);
  const retrier = state?.Retry?.find((r) => r.ErrorEquals.includes('ThrottlingError'));
  if (retrier?.MaxAttempts === undefined) throw new Error(`${stateName} has no ThrottlingError retrier with MaxAttempts`);
  return retrier.MaxAttempts;
}
