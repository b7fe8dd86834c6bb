/** Writes the gradient at `point` into `gradient` and returns the objective's value there. */
export type Objective = (point: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Most iterations (each evaluates the objective at least once). */
  readonly maxIterations: number;
  /** Correction pairs kept to approximate the inverse Hessian. */
  readonly history: number;
  /** Stop when an iteration lowers the value by less than this share of it. */
  readonly relativeTolerance: number;
  /** Stop when the gradient's largest component falls below this. */
  readonly gradientTolerance: number;
}

export interface LbfgsResult {
  readonly point: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const ARMIJO = 1e-4;
const MIN_STEP = 1e-12;

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i] ?? 0));
  return max;
}

/** Adds `scale * b` to `a` in place. */
function addScaled(a: Float64Array, b: Float64Array, scale: number): void {
  for (let i = 0; i < a.length; i += 1) a[i] = (a[i] ?? 0) + scale * (b[i] ?? 0);
}

interface Correction {
  readonly s: Float64Array;
  readonly y: Float64Array;
  rho: number;
}

/**
 * Writes the search direction -H·g into `direction`, H being the inverse-Hessian estimate from the corrections
 * (oldest first); the two-loop recursion.
 */
function searchDirection(
  gradient: Float64Array,
  corrections: readonly Correction[],
  direction: Float64Array,
  alphas: Float64Array,
): void {
  direction.set(gradient);
  for (let i = corrections.length - 1; i >= 0; i -= 1) {
    const correction = corrections[i];
    if (!correction) continue;
    const alpha = correction.rho * dot(correction.s, direction);
    alphas[i] = alpha;
    addScaled(direction, correction.y, -alpha);
  }
  const latest = corrections[corrections.length - 1];
  const gamma = latest ? dot(latest.s, latest.y) / dot(latest.y, latest.y) : 1 / Math.sqrt(dot(gradient, gradient));
  for (let i = 0; i < direction.length; i += 1) direction[i] = (direction[i] ?? 0) * gamma;
  corrections.forEach((correction, i) => {
    const beta = correction.rho * dot(correction.y, direction);
    addScaled(direction, correction.s, (alphas[i] ?? 0) - beta);
  });
  for (let i = 0; i < direction.length; i += 1) direction[i] = -(direction[i] ?? 0);
}

/**
 * Minimises a smooth function with limited-memory BFGS and a backtracking (Armijo) line search.
 * Fully deterministic: the same objective and start point give the same result.
 */
export function minimiseLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions): LbfgsResult {
  const size = start.length;
  let point = Float64Array.from(start);
  let gradient = new Float64Array(size);
  let nextPoint = new Float64Array(size);
  let nextGradient = new Float64Array(size);
  const direction = new Float64Array(size);
  const alphas = new Float64Array(options.history);
  let value = objective(point, gradient);
  const corrections: Correction[] = [];
  /** Correction buffers no longer in the history, reused so the loop does not allocate. */
  const spare: Correction[] = [];
  let iterations = 0;

  while (iterations < options.maxIterations) {
    if (maxAbs(gradient) < options.gradientTolerance) return { point, value, iterations, converged: true };
    iterations += 1;
    searchDirection(gradient, corrections, direction, alphas);
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // The curvature pairs went stale: fall back to steepest descent and start the history afresh.
      spare.push(...corrections.splice(0));
      searchDirection(gradient, corrections, direction, alphas);
      slope = dot(direction, gradient);
    }

    let step = 1;
    let nextValue: number;
    for (;;) {
      for (let i = 0; i < size; i += 1) nextPoint[i] = (point[i] ?? 0) + step * (direction[i] ?? 0);
      nextValue = objective(nextPoint, nextGradient);
      if (nextValue <= value + ARMIJO * step * slope) break;
      step /= 2;
      if (step < MIN_STEP) return { point, value, iterations, converged: true };
    }

    const correction = spare.pop() ?? { s: new Float64Array(size), y: new Float64Array(size), rho: 0 };
    let sy = 0;
    for (let i = 0; i < size; i += 1) {
      const si = (nextPoint[i] ?? 0) - (point[i] ?? 0);
      const yi = (nextGradient[i] ?? 0) - (gradient[i] ?? 0);
      correction.s[i] = si;
      correction.y[i] = yi;
      sy += si * yi;
    }
    if (sy > 1e-12) {
      correction.rho = 1 / sy;
      corrections.push(correction);
      if (corrections.length > options.history) spare.push(...corrections.splice(0, 1));
    } else {
      spare.push(correction);
    }

    const decrease = (value - nextValue) / Math.max(Math.abs(value), Math.abs(nextValue), 1);
    [point, nextPoint] = [nextPoint, point];
    [gradient, nextGradient] = [nextGradient, gradient];
    value = nextValue;
    if (decrease < options.relativeTolerance) return { point, value, iterations, converged: true };
  }
  return { point, value, iterations, converged: false };
}
