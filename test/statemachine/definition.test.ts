import { RETRYABLE_ERROR_NAMES } from '../../shared/errors.js';
import { localFunctionArns, placeholderFor, readDefinitionTemplate, renderDefinition } from '../../shared/runtime/definition.js';
import { TASK_STATE_NAMES } from '../../shared/runtime/task-names.js';

type State = {
  Type: string;
  Comment?: string;
  Resource?: string;
  Retry?: {
    ErrorEquals: string[];
    JitterStrategy?: string;
    BackoffRate?: number;
    IntervalSeconds?: number;
    MaxAttempts?: number;
    MaxDelaySeconds?: number;
  }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Branches?: { States: Record<string, State> }[];
};

function allStates(states: Record<string, State>): [string, State][] {
  return Object.entries(states).flatMap(([name, state]) => [
    [name, state] as [string, State],
    ...(state.Branches ?? []).flatMap((branch) => allStates(branch.States)),
  ]);
}

describe('statemachine/pipeline.asl.json', () => {
  const template = readDefinitionTemplate();
  const definition = JSON.parse(template) as { States: Record<string, State> };
  const states = allStates(definition.States);

  it('gives every state a Comment', () => {
    expect(states.filter(([, state]) => !state.Comment?.trim()).map(([name]) => name)).toEqual([]);
  });

  it('names one placeholder per Task state, and only those', () => {
    const tasks = states.filter(([, state]) => state.Type === 'Task');
    expect(tasks.map(([name]) => name).sort()).toEqual([...TASK_STATE_NAMES].sort());
    for (const [name, state] of tasks) expect(state.Resource).toBe(`\${${placeholderFor(name as never)}}`);
  });

  it('retries only throttling and transient errors, with backoff and full jitter', () => {
    for (const [name, state] of states.filter(([, s]) => s.Type === 'Task')) {
      const retried = (state.Retry ?? []).flatMap((r) => r.ErrorEquals);
      expect({ name, retried: retried.filter((e) => !e.startsWith('Lambda.')).sort() }).toEqual({ name, retried: [...RETRYABLE_ERROR_NAMES].sort() });
      for (const retrier of state.Retry ?? []) {
        expect(retrier.JitterStrategy).toBe('FULL');
        expect(retrier.BackoffRate).toBeGreaterThan(1);
      }
      expect(retried).not.toContain('States.ALL');
      expect(retried).not.toContain('InvalidDocumentError');
    }
  });

  it('keeps retrying a throttled task for minutes, so a burst waits for its quota instead of failing', () => {
    for (const [name, state] of states.filter(([, s]) => s.Type === 'Task')) {
      const retrier = (state.Retry ?? []).find((r) => r.ErrorEquals.includes('ThrottlingError'));
      const { IntervalSeconds = 1, BackoffRate = 2, MaxAttempts = 3, MaxDelaySeconds = Infinity } = retrier ?? {};
      // Longest wait before each retry (full jitter waits a random share of it), summed over the budget.
      let patience = 0;
      for (let attempt = 0; attempt < MaxAttempts; attempt++) patience += Math.min(MaxDelaySeconds, IntervalSeconds * BackoffRate ** attempt);
      expect({ name, enough: patience >= 300 }).toEqual({ name, enough: true });
      // A capped delay keeps waiting documents polling often enough to use a freed quota soon.
      expect({ name, cap: MaxDelaySeconds <= 30 }).toEqual({ name, cap: true });
    }
  });

  it('sends every failure outside RecordFailure to RecordFailure', () => {
    for (const name of ['Ingest', 'ExtractText', 'Analyse', 'Store']) {
      const state = definition.States[name];
      expect(state?.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'RecordFailure' })]);
    }
    expect(definition.States.RecordFailure?.Catch).toBeUndefined();
  });

  it('renders with every placeholder substituted and fails on a missing one', () => {
    const rendered = renderDefinition(template, localFunctionArns());
    expect(rendered).not.toMatch(/\$\{/);
    expect(() => renderDefinition(template, {})).toThrow(/No substitution for \$\{IngestFunctionArn\}/);
  });
});
