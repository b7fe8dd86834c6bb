import * as z from 'zod';
import { PII_ENTITY_TYPES, type PiiEntityType } from '../../shared/ports/pii-detector.js';
import type { SearchQuery } from '../../shared/ports/search-index.js';
import type { ExecutionStatus } from '../execution-store.js';
import { ConsoleRequestError } from './http-responses.js';

const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const satisfies readonly ExecutionStatus[];

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim())
    .optional()
    .transform((value) => (value === '' ? undefined : value));

const isoDate = z
  .string()
  .max(40)
  .refine((value) => value.trim() === '' || !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 date or time')
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

export const executionsQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : value.toUpperCase()))
    .pipe(z.enum(EXECUTION_STATUSES).optional()),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const executionNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not an execution name');
export const documentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a document id');

const piiList = z
  .string()
  .max(500)
  .optional()
  .transform((value, context): PiiEntityType[] | undefined => {
    const types = (value ?? '')
      .split(',')
      .map((part) => part.trim().toUpperCase())
      .filter((part) => part !== '');
    const unknown = types.filter((type) => !(PII_ENTITY_TYPES as readonly string[]).includes(type));
    if (unknown.length > 0) {
      context.addIssue({ code: 'custom', message: `unknown PII type ${unknown.join(', ')} (known: ${PII_ENTITY_TYPES.join(', ')})` });
      return z.NEVER;
    }
    return types.length === 0 ? undefined : (types as PiiEntityType[]);
  });

/** The same filters as `docpipe search`: text, --type, --pii (comma-separated), --from, --to, --page, page size. */
export const searchQuerySchema = z
  .object({
    q: optionalText(500),
    type: optionalText(100),
    pii: piiList,
    from: isoDate,
    to: isoDate,
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .transform(
    (q): SearchQuery => ({
      ...(q.q === undefined ? {} : { text: q.q }),
      ...(q.type === undefined ? {} : { documentType: q.type }),
      ...(q.pii === undefined ? {} : { piiTypes: q.pii }),
      ...(q.from === undefined ? {} : { from: q.from }),
      ...(q.to === undefined ? {} : { to: q.to }),
      page: q.page,
      pageSize: q.pageSize,
    }),
  );

export const uploadQuerySchema = z.object({ name: z.string().min(1).max(1024) });

/** Validates query parameters or a path part; a failure is a 400 naming the parameter. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : what}: ${issue.message}`)
    .join('; ');
  throw new ConsoleRequestError(400, 'InvalidRequest', `Invalid ${what}: ${problems}`);
}

/** Query parameters as an object (the last value of a repeated name wins; `pii` values are joined). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [name, value] of params) {
    object[name] = name === 'pii' && object.pii !== undefined ? `${object.pii},${value}` : value;
  }
  return object;
}
