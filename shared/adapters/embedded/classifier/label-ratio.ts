import type { SparseVector } from './feature-space.js';
import type { Vocabulary } from './vocabulary.js';

/** Added to every feature's mass in every label, so a term never seen with a label still has a finite ratio. */
export const LABEL_RATIO_SMOOTHING = 0.1;

/**
 * How strongly each feature points to one label: the largest, over the labels, of |ln(p / q)|, where p is the
 * feature's share of all feature mass in that label's documents and q its share in the other documents
 * (naive-Bayes log-count ratios, one label against the rest, each mass smoothed by `smoothing`).
 * A feature spread evenly over the labels scores near 0; one found in a single label scores high.
 */
export function labelRatios(
  vectors: readonly SparseVector[],
  labelOfVector: readonly number[],
  labelCount: number,
  featureCount: number,
  smoothing: number = LABEL_RATIO_SMOOTHING,
): Float64Array {
  const perLabel = Array.from({ length: labelCount }, () => new Float64Array(featureCount));
  const total = new Float64Array(featureCount);
  vectors.forEach((vector, n) => {
    const mass = perLabel[labelOfVector[n] ?? 0];
    if (!mass) return;
    for (let i = 0; i < vector.indices.length; i += 1) {
      const feature = vector.indices[i] ?? 0;
      const value = Math.abs(vector.values[i] ?? 0);
      mass[feature] = (mass[feature] ?? 0) + value;
      total[feature] = (total[feature] ?? 0) + value;
    }
  });
  const ratios = new Float64Array(featureCount);
  for (const mass of perLabel) {
    let inLabel = 0;
    let outside = 0;
    for (let j = 0; j < featureCount; j += 1) {
      inLabel += (mass[j] ?? 0) + smoothing;
      outside += (total[j] ?? 0) - (mass[j] ?? 0) + smoothing;
    }
    for (let j = 0; j < featureCount; j += 1) {
      const p = ((mass[j] ?? 0) + smoothing) / inLabel;
      const q = ((total[j] ?? 0) - (mass[j] ?? 0) + smoothing) / outside;
      ratios[j] = Math.max(ratios[j] ?? 0, Math.abs(Math.log(p / q)));
    }
  }
  return ratios;
}

/** Smallest factor a term's IDF is multiplied by, so every stored weight stays positive. */
const MIN_RATIO_FACTOR = 1e-3;

/**
 * The vocabulary with each term's IDF multiplied by its label ratio to the power `power` (features counted word
 * terms first, then character terms, as in FeatureSpace). Power 0 returns the vocabulary unchanged.
 */
export function weightByLabelRatio(vocabulary: Vocabulary, ratios: Float64Array, power: number): Vocabulary {
  if (power === 0) return vocabulary;
  const factor = (feature: number): number => Math.max(MIN_RATIO_FACTOR, (ratios[feature] ?? 0) ** power);
  const wordCount = vocabulary.word.terms.length;
  return {
    word: { terms: vocabulary.word.terms, idf: vocabulary.word.idf.map((idf, j) => idf * factor(j)) },
    char: { terms: vocabulary.char.terms, idf: vocabulary.char.idf.map((idf, j) => idf * factor(wordCount + j)) },
  };
}
