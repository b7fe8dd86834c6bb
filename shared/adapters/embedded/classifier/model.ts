import * as z from 'zod';
import { classifierOptionsSchema } from './options.js';

export const CLASSIFIER_MODEL_FORMAT = 'docpipe-classifier';
export const CLASSIFIER_MODEL_VERSION = 1;

const blockArrays = <T extends z.ZodType>(item: T) => z.object({ word: z.array(item), char: z.array(item) });

/**
 * The model file: a TF-IDF vocabulary per feature block (word n-grams, then character n-grams) and a softmax
 * regression over the joined features. `weights[k][j]` is the weight of feature j for `labels[k]`, where feature j
 * counts the word terms first and the character terms after them. `idf` holds each term's weight: its inverse
 * document frequency, times its label ratio to the power `options.labelRatioPower` when that is above 0.
 */
export const classifierModelSchema = z
  .object({
    format: z.literal(CLASSIFIER_MODEL_FORMAT),
    version: z.literal(CLASSIFIER_MODEL_VERSION),
    labels: z.array(z.string().min(1)).min(2),
    vocabulary: blockArrays(z.string()),
    idf: blockArrays(z.number().positive()),
    weights: z.array(z.array(z.number())),
    bias: z.array(z.number()),
    options: classifierOptionsSchema,
    trainedAt: z.string().optional(),
    trainingSamples: z.number().int().nonnegative(),
  })
  .superRefine((model, context) => {
    const problem = (message: string, path: (string | number)[]) => context.addIssue({ code: 'custom', message, path });
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
  });

export type ClassifierModel = z.infer<typeof classifierModelSchema>;
