/** Percentiles and summaries of measured samples (nearest-rank definition, as most load tools report them). */

/** The nearest-rank percentile of `values` (0 < share ≤ 1): the smallest sample with at least that share at or below it. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(share > 0 && share <= 1)) throw new RangeError(`percentile share must be in (0, 1], got ${share}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

export interface SampleSummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export function summarise(values: readonly number[]): SampleSummary {
  const total = values.reduce((sum, value) => sum + value, 0);
  return {
    count: values.length,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    mean: values.length === 0 ? Number.NaN : total / values.length,
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

/** Rounds for reports: `digits` decimals, NaN kept. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The median of a few runs. */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}
