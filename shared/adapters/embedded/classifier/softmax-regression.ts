import type { SparseVector } from './feature-space.js';
import { minimiseLbfgs } from './lbfgs.js';

/** Weights of a multinomial logistic regression, feature-major: weight of feature j for label k at j·K + k. */
export interface SoftmaxParameters {
  readonly labelCount: number;
  readonly featureCount: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

export interface SoftmaxTrainingSet {
  readonly vectors: readonly SparseVector[];
  /** Label index of each vector. */
  readonly labels: readonly number[];
  /** Weight of each vector in the loss (class balancing). */
  readonly sampleWeights: readonly number[];
  readonly labelCount: number;
  readonly featureCount: number;
}

export interface SoftmaxFitOptions {
  /** L2 penalty on the weights (not the bias), added to the weighted mean log-loss as l2/2 · ‖W‖². */
  readonly l2: number;
  readonly maxIterations: number;
}

export interface SoftmaxFit {
  readonly parameters: SoftmaxParameters;
  readonly loss: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Writes the raw scores (logits) of a vector into `scores`. */
export function logits(
  weights: Float64Array,
  bias: Float64Array,
  labelCount: number,
  vector: SparseVector,
  scores: Float64Array,
): void {
  for (let k = 0; k < labelCount; k += 1) scores[k] = bias[k] ?? 0;
  const { indices, values } = vector;
  for (let n = 0; n < indices.length; n += 1) {
    const base = (indices[n] ?? 0) * labelCount;
    const value = values[n] ?? 0;
    for (let k = 0; k < labelCount; k += 1) scores[k] = (scores[k] ?? 0) + value * (weights[base + k] ?? 0);
  }
}

/** Turns logits into probabilities in place (max-shifted for numerical safety); returns log Σ exp(logits). */
export function softmaxInPlace(scores: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores) max = Math.max(max, score);
  let sum = 0;
  for (let k = 0; k < scores.length; k += 1) {
    const e = Math.exp((scores[k] ?? 0) - max);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k += 1) scores[k] = (scores[k] ?? 0) / sum;
  return max + Math.log(sum);
}

/** Probabilities of each label for one vector. */
export function predictProbabilities(parameters: SoftmaxParameters, vector: SparseVector): Float64Array {
  const scores = new Float64Array(parameters.labelCount);
  logits(parameters.weights, parameters.bias, parameters.labelCount, vector, scores);
  softmaxInPlace(scores);
  return scores;
}

/** Weighted mean log-loss plus the L2 penalty at `point`; writes the gradient. `scores` is scratch space. */
function weightedLogLoss(
  data: SoftmaxTrainingSet,
  totalWeight: number,
  l2: number,
  point: Float64Array,
  gradient: Float64Array,
  scores: Float64Array,
): number {
  const labelCount = data.labelCount;
  const weightCount = data.featureCount * labelCount;
  const weights = point.subarray(0, weightCount);
  const bias = point.subarray(weightCount);
  gradient.fill(0);
  let loss = 0;
  for (let sample = 0; sample < data.vectors.length; sample += 1) {
    const vector = data.vectors[sample];
    if (!vector) continue;
    const label = data.labels[sample] ?? 0;
    const sampleWeight = (data.sampleWeights[sample] ?? 0) / totalWeight;
    logits(weights, bias, labelCount, vector, scores);
    const labelLogit = scores[label] ?? 0;
    loss += sampleWeight * (softmaxInPlace(scores) - labelLogit);
    for (let k = 0; k < labelCount; k += 1) {
      const delta = sampleWeight * ((scores[k] ?? 0) - (k === label ? 1 : 0));
      scores[k] = delta;
      gradient[weightCount + k] = (gradient[weightCount + k] ?? 0) + delta;
    }
    const { indices, values } = vector;
    for (let n = 0; n < indices.length; n += 1) {
      const base = (indices[n] ?? 0) * labelCount;
      const value = values[n] ?? 0;
      for (let k = 0; k < labelCount; k += 1) gradient[base + k] = (gradient[base + k] ?? 0) + value * (scores[k] ?? 0);
    }
  }
  let penalty = 0;
  for (let i = 0; i < weightCount; i += 1) {
    const weight = point[i] ?? 0;
    penalty += weight * weight;
    gradient[i] = (gradient[i] ?? 0) + l2 * weight;
  }
  return loss + (l2 / 2) * penalty;
}

/**
 * Fits a multinomial logistic regression by full-batch L-BFGS on the weighted mean log-loss plus an L2 penalty.
 * Starts from zero and visits the samples in order, so the result is deterministic.
 */
export function fitSoftmaxRegression(data: SoftmaxTrainingSet, options: SoftmaxFitOptions): SoftmaxFit {
  const labelCount = data.labelCount;
  const weightCount = data.featureCount * labelCount;
  const totalWeight = data.sampleWeights.reduce((sum, weight) => sum + weight, 0);
  const scores = new Float64Array(labelCount);

  const objective = (point: Float64Array, gradient: Float64Array): number =>
    weightedLogLoss(data, totalWeight, options.l2, point, gradient, scores);

  const result = minimiseLbfgs(objective, new Float64Array(weightCount + labelCount), {
    maxIterations: options.maxIterations,
    history: 10,
    relativeTolerance: 1e-7,
    gradientTolerance: 1e-6,
  });
  return {
    parameters: {
      labelCount,
      featureCount: data.featureCount,
      weights: result.point.slice(0, weightCount),
      bias: result.point.slice(weightCount),
    },
    loss: result.value,
    iterations: result.iterations,
    converged: result.converged,
  };
}
