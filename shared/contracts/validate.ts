import * as v from 'valibot';
import { ContractViolationError } from '../errors.js';

/**
 * Validation helpers shared by every schema in the project (valibot: each function is tree-shaken into a stage
 * bundle on its own, and building a schema costs next to nothing at a cold start).
 */

/** A string with at least one character: names, keys, ids. */
export const nonEmptyString = v.pipe(v.string(), v.minLength(1));

/** `path: message` for each issue, joined with `; `; an issue about the whole value is named `root`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], root = '(root)', limit = issues.length): string {
  return issues
    .slice(0, limit)
    .map((issue) => `${v.getDotPath(issue) || root}: ${issue.message}`)
    .join('; ');
}

/** Parses `value` against `schema` at a stage's edge; a mismatch becomes a ContractViolationError naming the fields. */
export function parseContract<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw new ContractViolationError(`${what} does not match its contract: ${describeIssues(result.issues, '(root)', 5)}`);
  }
  return result.output;
}

/**
 * A whole number read from text (an environment variable, a query parameter): `Number(value)`, so surrounding
 * spaces and hexadecimal are accepted and '' reads as 0; text that is no number (NaN) is rejected naming the text.
 */
export function integerFromText() {
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const number = Number(dataset.value);
      if (Number.isNaN(number)) {
        addIssue({ message: `Invalid number: Expected a number but received ${JSON.stringify(dataset.value)}` });
        return NEVER;
      }
      return number;
    }),
    v.integer(),
  );
}

/** Rejects an array before a record schema sees it (v.record, unlike v.object, takes an array's indexes as keys). */
const notAnArray = v.check((value: unknown) => !Array.isArray(value), 'Invalid type: Expected Object but received Array');

/** A record (an object of `key` to `value` entries) that, like a JSON object, is never an array. */
export function recordOf<K extends v.BaseSchema<string, string, v.BaseIssue<unknown>>, V extends v.GenericSchema>(key: K, value: V) {
  return v.pipe(v.unknown(), notAnArray, v.record(key, value));
}

/** An issue path from `root` down through `keys`, so the issue's message names the field (`entities.0`). */
function issuePath(root: unknown, keys: readonly (string | number)[]): [v.IssuePathItem, ...v.IssuePathItem[]] | undefined {
  let input: unknown = root;
  const items: v.IssuePathItem[] = [];
  for (const key of keys) {
    const value = input !== null && typeof input === 'object' ? (input as Record<string | number, unknown>)[key] : undefined;
    items.push({ type: 'unknown', origin: 'value', input, key, value });
    input = value;
  }
  const [first, ...rest] = items;
  return first === undefined ? undefined : [first, ...rest];
}

/** Reports a problem of a checked value, at `path` below it (the value itself when omitted). */
export type ReportProblem = (message: string, path?: readonly (string | number)[]) => void;

/**
 * A check of a whole value that may report several problems, each at its own path. Like the field checks, it runs
 * only when the value has the right shape (its type checks passed), so it can read every field safely.
 */
export function checkWhole<T>(check: (value: T, report: ReportProblem) => void): v.RawCheckAction<T> {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const value = dataset.value;
    check(value, (message, path = []) => addIssue({ message, path: issuePath(value, path) }));
  });
}
