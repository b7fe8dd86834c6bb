import * as z from 'zod';
import { parseContract } from '../../../contracts/validate.js';

/** How a block of n-gram features is built: word n-grams or character n-grams inside word boundaries. */
export const ngramBlockSchema = z.object({
  /** Smallest n (inclusive). */
  minN: z.number().int().min(1).max(8),
  /** Largest n (inclusive). */
  maxN: z.number().int().min(1).max(8),
  /** Most features this block keeps (the most frequent, or the most class-informative with `chi2`). */
  maxFeatures: z.number().int().min(1),
  /** Weight of this block when the blocks are joined (each block is L2-normalised first). */
  weight: z.number().positive(),
}).refine((block) => block.minN <= block.maxN, { message: 'minN must not exceed maxN' });

export const classifierOptionsSchema = z.object({
  /** Word n-grams over the token sequence. */
  word: ngramBlockSchema,
  /** Character n-grams inside word boundaries (each word padded with a space), or null for none. */
  char: ngramBlockSchema.nullable(),
  /**
   * Where character n-grams come from: `words` (each word padded with spaces, never across words) or `text` (the
   * whole lower-cased text with whitespace runs folded to one space and digits to 0, so punctuation such as `@`,
   * `:` or `$` and word pairs count too).
   */
  charSource: z.enum(['words', 'text']),
  /** Pure numbers: dropped, or replaced by a shape token such as `<num4>` (four digits). */
  numbers: z.enum(['drop', 'shape']),
  /**
   * Adds layout terms to the word block: the first word of each line (`^from`, `^dear`), and the document's
   * length in words and in lines as power-of-two buckets (`<words:8>`, `<lines:5>`).
   */
  layout: z.boolean(),
  /** A term is kept only when it appears in at least this many training documents. */
  minDf: z.number().int().min(1),
  /** A term is dropped when it appears in more than this share of training documents. */
  maxDfRatio: z.number().gt(0).max(1),
  /** How the vocabulary is cut to `maxFeatures`: by document frequency, or by chi-squared against the labels. */
  selection: z.enum(['frequency', 'chi2']),
  /**
   * Supervised term weighting: each term's IDF is multiplied by its label ratio (see labelRatios) raised to this
   * power, so terms that point to one label are stretched and the L2 penalty holds them back less (the idea of
   * NB-SVM). 0 leaves plain TF-IDF. Model files written before this option read as 0.
   */
  labelRatioPower: z.number().min(0).max(4).default(0),
  /** L2 regularisation strength (lambda) of the logistic regression. */
  l2: z.number().nonnegative(),
  /** `balanced` weighs each sample by n / (labels × samples of its label), so rare labels count as much. */
  classWeight: z.enum(['none', 'balanced']),
  /** Iteration cap of the L-BFGS optimiser. */
  maxIterations: z.number().int().min(1),
});

export type NgramBlockOptions = z.infer<typeof ngramBlockSchema>;
export type ClassifierOptions = z.infer<typeof classifierOptionsSchema>;

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
