import * as v from 'valibot';
import { describeIssues, integerFromText } from '../../shared/contracts/validate.js';
import { PII_ENTITY_TYPES, type PiiEntityType } from '../../shared/ports/pii-detector.js';
import type { SearchQuery } from '../../shared/ports/search-index.js';
import type { ExecutionStatus } from '../execution-store.js';
import { ConsoleRequestError } from './http-responses.js';

const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const satisfies readonly ExecutionStatus[];

// Lengths count code points, so an emoji counts once (not as its two UTF-16 units).
const optionalText = (max: number) =>
  v.pipe(
    v.optional(v.pipe(v.string(), v.maxCodePoints(max), v.trim())),
    v.transform((value) => (value === '' ? undefined : value)),
  );

const isoDate = v.pipe(
  v.optional(
    v.pipe(
      v.string(),
      v.maxCodePoints(40),
      v.check((value) => value.trim() === '' || !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 date or time'),
    ),
  ),
  v.transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim())),
);

/** A whole number from a query parameter, within [min, max], `fallback` when absent. */
const queryInteger = (min: number, max: number, fallback: number) =>
  v.optional(v.pipe(integerFromText(), v.minValue(min), v.maxValue(max)), fallback);

export const executionsQuerySchema = v.object({
  status: v.pipe(
    v.optional(v.string()),
    v.transform((value) => (value === undefined || value === '' ? undefined : value.toUpperCase())),
    v.optional(v.picklist(EXECUTION_STATUSES)),
  ),
  limit: queryInteger(1, 1000, 200),
});

export const executionNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not an execution name'));
export const documentIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a document id'));

const piiList = v.pipe(
  v.optional(v.pipe(v.string(), v.maxCodePoints(500))),
  v.rawTransform(({ dataset, addIssue, NEVER }): PiiEntityType[] | undefined => {
    const types = (dataset.value ?? '')
      .split(',')
      .map((part) => part.trim().toUpperCase())
      .filter((part) => part !== '');
    const unknown = types.filter((type) => !(PII_ENTITY_TYPES as readonly string[]).includes(type));
    if (unknown.length > 0) {
      addIssue({ message: `unknown PII type ${unknown.join(', ')} (known: ${PII_ENTITY_TYPES.join(', ')})` });
      return NEVER;
    }
    return types.length === 0 ? undefined : (types as PiiEntityType[]);
  }),
);

/** The same filters as `docpipe search`: text, --type, --pii (comma-separated), --from, --to, --page, page size. */
export const searchQuerySchema = v.pipe(
  v.object({
    q: optionalText(500),
    type: optionalText(100),
    pii: piiList,
    from: isoDate,
    to: isoDate,
    page: queryInteger(1, 10_000, 1),
    pageSize: queryInteger(1, 100, 20),
  }),
  v.transform(
    (q): SearchQuery => ({
      ...(q.q === undefined ? {} : { text: q.q }),
      ...(q.type === undefined ? {} : { documentType: q.type }),
      ...(q.pii === undefined ? {} : { piiTypes: q.pii }),
      ...(q.from === undefined ? {} : { from: q.from }),
      ...(q.to === undefined ? {} : { to: q.to }),
      page: q.page,
      pageSize: q.pageSize,
    }),
  ),
);

export const uploadQuerySchema = v.object({ name: v.pipe(v.string(), v.minLength(1), v.maxCodePoints(1024)) });

/** Validates query parameters or a path part; a failure is a 400 naming the parameter. */
export function parseRequest<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return parsed.output;
  throw new ConsoleRequestError(400, 'InvalidRequest', `Invalid ${what}: ${describeIssues(parsed.issues, what)}`);
}

/** Query parameters as an object (the last value of a repeated name wins; `pii` values are joined). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [name, value] of params) {
    object[name] = name === 'pii' && object.pii !== undefined ? `${object.pii},${value}` : value;
  }
  return object;
}
