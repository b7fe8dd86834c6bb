import { ContractViolationError } from '../../../errors.js';
import { FeatureSpace } from './feature-space.js';
import { extractTermCounts } from './features.js';
import { labelRatios, weightByLabelRatio } from './label-ratio.js';
import { CLASSIFIER_MODEL_FORMAT, CLASSIFIER_MODEL_VERSION, type ClassifierModel } from './model.js';
import { resolveClassifierOptions, type ClassifierOptions, type ClassifierOptionsInput } from './options.js';
import { fitSoftmaxRegression, type SoftmaxParameters } from './softmax-regression.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** One training example. */
export interface LabelledSample {
  readonly text: string;
  readonly label: string;
  readonly id?: string;
}

/** Significant digits kept for the largest weight; smaller weights share its step, so tiny ones become 0. */
const WEIGHT_DIGITS = 5;
const IDF_DIGITS = 5;

function roundSignificant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

/** Rounds every weight to one step, a power of ten chosen so the largest keeps `WEIGHT_DIGITS` digits. */
function quantiser(values: Float64Array): (value: number) => number {
  let max = 0;
  for (const value of values) max = Math.max(max, Math.abs(value));
  if (max === 0) return () => 0;
  const decimals = Math.max(0, WEIGHT_DIGITS - 1 - Math.floor(Math.log10(max)));
  const factor = 10 ** decimals;
  return (value) => {
    const rounded = Math.round(value * factor) / factor;
    return rounded === 0 ? 0 : rounded; // no -0 in the file
  };
}

function labelWeights(labelOfSample: readonly number[], labelCount: number, options: ClassifierOptions): number[] {
  if (options.classWeight === 'none') return labelOfSample.map(() => 1);
  const counts = Array.from({ length: labelCount }, () => 0);
  for (const label of labelOfSample) counts[label] = (counts[label] ?? 0) + 1;
  return labelOfSample.map((label) => labelOfSample.length / (labelCount * (counts[label] ?? 1)));
}

function toModel(
  labels: readonly string[],
  vocabulary: Vocabulary,
  parameters: SoftmaxParameters,
  options: ClassifierOptions,
  sampleCount: number,
): ClassifierModel {
  const round = quantiser(parameters.weights);
  const { labelCount, featureCount } = parameters;
  const weights = labels.map((_, k) =>
    Array.from({ length: featureCount }, (__, j) => round(parameters.weights[j * labelCount + k] ?? 0)),
  );
  return {
    format: CLASSIFIER_MODEL_FORMAT,
    version: CLASSIFIER_MODEL_VERSION,
    labels: [...labels],
    vocabulary: { word: [...vocabulary.word.terms], char: [...vocabulary.char.terms] },
    idf: {
      word: vocabulary.word.idf.map((idf) => roundSignificant(idf, IDF_DIGITS)),
      char: vocabulary.char.idf.map((idf) => roundSignificant(idf, IDF_DIGITS)),
    },
    weights,
    bias: Array.from(parameters.bias, (bias) => roundSignificant(bias, WEIGHT_DIGITS)),
    options,
    trainedAt: new Date().toISOString(),
    trainingSamples: sampleCount,
  };
}

/**
 * Trains a TF-IDF + multinomial logistic regression classifier. With `labelRatioPower` on, the TF-IDF weights are
 * first multiplied by each term's label ratio (measured on the plain TF-IDF vectors), and the model stores the
 * product as the term's weight. Deterministic: the same samples and options give the same weights (only
 * `trainedAt` differs). Needs at least two distinct labels.
 */
export function trainClassifier(samples: readonly LabelledSample[], options?: ClassifierOptionsInput): ClassifierModel {
  const resolved = resolveClassifierOptions(options);
  const labels = [...new Set(samples.map((sample) => sample.label))].sort();
  if (labels.length < 2) {
    throw new ContractViolationError(`Training needs samples of at least two labels; got ${labels.length}`);
  }
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const labelOfSample = samples.map((sample) => labelIndex.get(sample.label) ?? 0);

  const counts = samples.map((sample) => extractTermCounts(sample.text, resolved));
  const tfidf = buildVocabulary(counts, labelOfSample, labels.length, resolved);
  let space = new FeatureSpace(tfidf, resolved);
  let vectors = counts.map((count) => space.vectorise(count));
  let vocabulary = tfidf;
  if (resolved.labelRatioPower > 0) {
    const ratios = labelRatios(vectors, labelOfSample, labels.length, space.size);
    vocabulary = weightByLabelRatio(tfidf, ratios, resolved.labelRatioPower);
    space = new FeatureSpace(vocabulary, resolved);
    vectors = counts.map((count) => space.vectorise(count));
  }

  const fit = fitSoftmaxRegression(
    {
      vectors,
      labels: labelOfSample,
      sampleWeights: labelWeights(labelOfSample, labels.length, resolved),
      labelCount: labels.length,
      featureCount: space.size,
    },
    { l2: resolved.l2, maxIterations: resolved.maxIterations },
  );
  return toModel(labels, vocabulary, fit.parameters, resolved, samples.length);
}
