interface StateNode {
  readonly Type?: string;
  readonly TimeoutSeconds?: number;
  readonly Branches?: readonly { readonly States?: Readonly<Record<string, StateNode>> }[];
  readonly ItemProcessor?: { readonly States?: Readonly<Record<string, StateNode>> };
  readonly Iterator?: { readonly States?: Readonly<Record<string, StateNode>> };
}

function collect(states: Readonly<Record<string, StateNode>>, into: Map<string, number | undefined>): void {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task') into.set(name, state.TimeoutSeconds);
    for (const branch of state.Branches ?? []) collect(branch.States ?? {}, into);
    collect(state.ItemProcessor?.States ?? state.Iterator?.States ?? {}, into);
  }
}

/** Each Task state's `TimeoutSeconds` (undefined when the state sets none), including those inside branches. */
export function taskTimeouts(definition: string): ReadonlyMap<string, number | undefined> {
  const parsed = JSON.parse(definition) as { States?: Record<string, StateNode> };
  const timeouts = new Map<string, number | undefined>();
  collect(parsed.States ?? {}, timeouts);
  return timeouts;
}
