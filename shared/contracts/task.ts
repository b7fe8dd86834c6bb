import type { z } from 'zod';
import { parseContract } from './validate.js';

/**
 * A Task state's entry point: validates the input at the edge, runs the plain logic, validates the output
 * (so a stage can never hand the next state something that breaks its contract).
 */
export function defineTask<I extends z.ZodType, O extends z.ZodType, D>(
  name: string,
  schemas: { readonly input: I; readonly output: O },
  logic: (input: z.infer<I>, deps: D) => Promise<z.infer<O>>,
): (deps: D) => (event: unknown) => Promise<z.infer<O>> {
  return (deps) => async (event) => {
    const input = parseContract(schemas.input, event, `${name} input`);
    const output = await logic(input, deps);
    return parseContract(schemas.output, output, `${name} output`);
  };
}
