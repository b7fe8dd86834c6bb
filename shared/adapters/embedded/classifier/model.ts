import * as v from 'valibot';
import { checkWhole, nonEmptyString } from '../../../contracts/validate.js';
import { classifierOptionsSchema } from './options.js';

export const CLASSIFIER_MODEL_FORMAT = 'docpipe-classifier';
export const CLASSIFIER_MODEL_VERSION = 1;

const blockArrays = <T extends v.GenericSchema>(item: T) => v.object({ word: v.array(item), char: v.array(item) });
const finite = v.pipe(v.number(), v.finite());

const modelFileSchema = v.object({
  format: v.literal(CLASSIFIER_MODEL_FORMAT),
  version: v.literal(CLASSIFIER_MODEL_VERSION),
  labels: v.pipe(v.array(nonEmptyString), v.minLength(2)),
  vocabulary: blockArrays(v.string()),
  idf: blockArrays(v.pipe(v.number(), v.finite(), v.gtValue(0))),
  weights: v.array(v.array(finite)),
  bias: v.array(finite),
  options: classifierOptionsSchema,
  trainedAt: v.optional(v.string()),
  trainingSamples: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/**
 * The model file: a TF-IDF vocabulary per feature block (word n-grams, then character n-grams) and a softmax
 * regression over the joined features. `weights[k][j]` is the weight of feature j for `labels[k]`, where feature j
 * counts the word terms first and the character terms after them. `idf` holds each term's weight: its inverse
 * document frequency, times its label ratio to the power `options.labelRatioPower` when that is above 0.
 */
export const classifierModelSchema = v.pipe(
  modelFileSchema,
  checkWhole<v.InferOutput<typeof modelFileSchema>>((model, problem) => {
    if (new Set(model.labels).size !== model.labels.length) problem('labels must be unique', ['labels']);
    for (const block of ['word', 'char'] as const) {
      if (model.idf[block].length !== model.vocabulary[block].length) {
        problem(`has ${model.idf[block].length} values for ${model.vocabulary[block].length} terms`, ['idf', block]);
      }
    }
    const featureCount = model.vocabulary.word.length + model.vocabulary.char.length;
    if (model.weights.length !== model.labels.length) problem('needs one row per label', ['weights']);
    model.weights.forEach((row, k) => {
      if (row.length !== featureCount) problem(`has ${row.length} weights for ${featureCount} features`, ['weights', k]);
    });
    if (model.bias.length !== model.labels.length) problem('needs one value per label', ['bias']);
  }),
);

export type ClassifierModel = v.InferOutput<typeof classifierModelSchema>;
