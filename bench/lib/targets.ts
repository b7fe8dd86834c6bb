/** A target the benchmark checks, with what this run measured and whether it met it. */
export interface TargetCheck {
  readonly part: string;
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  /** Undefined when the run did not measure it (a part skipped or failed). */
  readonly met: boolean | undefined;
}

export function atMost(part: string, name: string, value: number, limit: number, unit: string, digits = 2): TargetCheck {
  const measured = Number.isFinite(value) ? `${value.toFixed(digits)}${unit}` : 'not measured';
  return { part, name, target: `≤ ${limit}${unit}`, measured, met: Number.isFinite(value) ? value <= limit : undefined };
}
