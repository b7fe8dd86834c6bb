import * as z from 'zod';

/** The parts of an Amazon States Language definition the console draws: states and the ways between them. */
export interface AslState {
  readonly Type: string;
  readonly Comment?: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: readonly { readonly Next: string }[];
  readonly Catch?: readonly { readonly Next: string }[];
  readonly Branches?: readonly AslDefinition[];
}

export interface AslDefinition {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslState>>;
}

const target = z.object({ Next: z.string().min(1) });

const stateSchema: z.ZodType<AslState> = z.lazy(() =>
  z.object({
    Type: z.string().min(1),
    Comment: z.string().optional(),
    Next: z.string().min(1).optional(),
    End: z.boolean().optional(),
    Default: z.string().min(1).optional(),
    Choices: z.array(target).optional(),
    Catch: z.array(target).optional(),
    Branches: z.array(definitionSchema).optional(),
  }),
);

const definitionSchema: z.ZodType<AslDefinition> = z.lazy(() =>
  z.object({ StartAt: z.string().min(1), States: z.record(z.string(), stateSchema) }),
);

/** Reads a definition (extra ASL fields are ignored); throws a readable error when the shape is wrong. */
export function parseAslDefinition(value: unknown): AslDefinition {
  const parsed = definitionSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Not a state machine definition the console can draw: ${problems}`);
  }
  return parsed.data;
}

export type TransitionKind = 'next' | 'default' | 'choice' | 'catch';

export interface Transition {
  readonly to: string;
  readonly kind: TransitionKind;
}

/** A state's ways out, main path first (Next or Default), then Choice rules, then Catch handlers. */
export function transitionsOf(state: AslState): Transition[] {
  const transitions: Transition[] = [];
  if (state.Next !== undefined) transitions.push({ to: state.Next, kind: 'next' });
  if (state.Default !== undefined) transitions.push({ to: state.Default, kind: 'default' });
  for (const choice of state.Choices ?? []) transitions.push({ to: choice.Next, kind: 'choice' });
  for (const handler of state.Catch ?? []) transitions.push({ to: handler.Next, kind: 'catch' });
  // The same target reached by two rules is one arrow.
  return transitions.filter((t, i) => transitions.findIndex((u) => u.to === t.to) === i);
}
