import * as v from 'valibot';
import { parseContract } from '../../../contracts/validate.js';

const gramLength = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8));
const atLeastOne = v.pipe(v.number(), v.integer(), v.minValue(1));

/** How a block of n-gram features is built: word n-grams or character n-grams inside word boundaries. */
export const ngramBlockSchema = v.pipe(
  v.object({
    /** Smallest n (inclusive). */
    minN: gramLength,
    /** Largest n (inclusive). */
    maxN: gramLength,
    /** Most features this block keeps (the most frequent, or the most class-informative with `chi2`). */
    maxFeatures: atLeastOne,
    /** Weight of this block when the blocks are joined (each block is L2-normalised first). */
    weight: v.pipe(v.number(), v.finite(), v.gtValue(0)),
  }),
  v.check((block) => block.minN <= block.maxN, 'minN must not exceed maxN'),
);

export const classifierOptionsSchema = v.object({
  /** Word n-grams over the token sequence. */
  word: ngramBlockSchema,
  /** Character n-grams inside word boundaries (each word padded with a space), or null for none. */
  char: v.nullable(ngramBlockSchema),
  /**
   * Where character n-grams come from: `words` (each word padded with spaces, never across words) or `text` (the
   * whole lower-cased text with whitespace runs folded to one space and digits to 0, so punctuation such as `@`,
   * `:` or `$` and word pairs count too).
   */
  charSource: v.picklist(['words', 'text']),
  /** Pure numbers: dropped, or replaced by a shape token such as `<num4>` (four digits). */
  numbers: v.picklist(['drop', 'shape']),
  /**
   * Adds layout terms to the word block: the first word of each line (`^from`, `^dear`), and the document's
   * length in words and in lines as power-of-two buckets (`<words:8>`, `<lines:5>`).
   */
  layout: v.boolean(),
  /** A term is kept only when it appears in at least this many training documents. */
  minDf: atLeastOne,
  /** A term is dropped when it appears in more than this share of training documents. */
  maxDfRatio: v.pipe(v.number(), v.gtValue(0), v.maxValue(1)),
  /** How the vocabulary is cut to `maxFeatures`: by document frequency, or by chi-squared against the labels. */
  selection: v.picklist(['frequency', 'chi2']),
  /**
   * Supervised term weighting: each term's IDF is multiplied by its label ratio (see labelRatios) raised to this
   * power, so terms that point to one label are stretched and the L2 penalty holds them back less (the idea of
   * NB-SVM). 0 leaves plain TF-IDF. Model files written before this option read as 0.
   */
  labelRatioPower: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(4)), 0),
  /** L2 regularisation strength (lambda) of the logistic regression. */
  l2: v.pipe(v.number(), v.finite(), v.minValue(0)),
  /** `balanced` weighs each sample by n / (labels × samples of its label), so rare labels count as much. */
  classWeight: v.picklist(['none', 'balanced']),
  /** Iteration cap of the L-BFGS optimiser. */
  maxIterations: atLeastOne,
});

export type NgramBlockOptions = v.InferOutput<typeof ngramBlockSchema>;
export type ClassifierOptions = v.InferOutput<typeof classifierOptionsSchema>;

/** Options a caller may override; blocks are replaced as a whole. */
export type ClassifierOptionsInput = Partial<ClassifierOptions>;

/** Defaults chosen by 5-fold cross-validation on the Tobacco3482 OCR training split (classify/tobacco-train.jsonl). */
export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = {
  word: { minN: 1, maxN: 2, maxFeatures: 12000, weight: 1 },
  char: { minN: 3, maxN: 5, maxFeatures: 12000, weight: 1 },
  charSource: 'text',
  numbers: 'shape',
  layout: true,
  minDf: 2,
  maxDfRatio: 1,
  selection: 'chi2',
  labelRatioPower: 2,
  l2: 3e-5,
  classWeight: 'balanced',
  maxIterations: 60,
};

/** Fills in defaults and validates; an invalid option throws with the option's path. */
export function resolveClassifierOptions(input: ClassifierOptionsInput = {}): ClassifierOptions {
  return parseContract(classifierOptionsSchema, { ...DEFAULT_CLASSIFIER_OPTIONS, ...input }, 'Classifier options');
}
