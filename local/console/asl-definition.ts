import * as v from 'valibot';
import { describeIssues, nonEmptyString, recordOf } from '../../shared/contracts/validate.js';

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

/** A state's name. */
const name = nonEmptyString;
const target = v.object({ Next: name });

const stateSchema: v.GenericSchema<unknown, AslState> = v.lazy(() =>
  v.object({
    Type: name,
    Comment: v.optional(v.string()),
    Next: v.optional(name),
    End: v.optional(v.boolean()),
    Default: v.optional(name),
    Choices: v.optional(v.array(target)),
    Catch: v.optional(v.array(target)),
    Branches: v.optional(v.array(definitionSchema)),
  }),
);

const definitionSchema: v.GenericSchema<unknown, AslDefinition> = v.lazy(() =>
  v.object({ StartAt: name, States: recordOf(v.string(), stateSchema) }),
);

/** Reads a definition (extra ASL fields are ignored); throws a readable error when the shape is wrong. */
export function parseAslDefinition(value: unknown): AslDefinition {
  const parsed = v.safeParse(definitionSchema, value);
  if (!parsed.success) {
    throw new Error(`Not a state machine definition the console can draw: ${describeIssues(parsed.issues)}`);
  }
  return parsed.output;
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
