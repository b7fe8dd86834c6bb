import type * as v from 'valibot';
import { parseContract } from './validate.js';

/**
 * A Task state's entry point: validates the input at the edge, runs the plain logic, validates the output
 * (so a stage can never hand the next state something that breaks its contract).
 */
export function defineTask<I extends v.GenericSchema, O extends v.GenericSchema, D>(
  name: string,
  schemas: { readonly input: I; readonly output: O },
  logic: (input: v.InferOutput<I>, deps: D) => Promise<v.InferOutput<O>>,
): (deps: D) => (event: unknown) => Promise<v.InferOutput<O>> {
  return (deps) => async (event) => {
    const input = parseContract(schemas.input, event, `${name} input`);
    const output = await logic(input, deps);
    return parseContract(schemas.output, output, `${name} output`);
  };
}
