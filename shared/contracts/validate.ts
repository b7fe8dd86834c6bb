import type { z } from 'zod';
import { ContractViolationError } from '../errors.js';

/** Parses `value` against `schema` at a stage's edge; a mismatch becomes a ContractViolationError naming the fields. */
export function parseContract<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new ContractViolationError(`${what} does not match its contract: ${problems}`);
  }
  return result.data;
}
