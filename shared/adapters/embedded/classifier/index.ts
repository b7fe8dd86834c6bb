/**
 * The embedded document classifier: word and character n-gram TF-IDF features and a multinomial logistic
 * regression trained with L-BFGS, all in TypeScript. Train with `runTrainClassifier` (the body of
 * `docpipe train-classifier`), classify with `EmbeddedClassifier`, score with `evaluateClassifier`.
 */
export { EmbeddedClassifier } from './embedded-classifier.js';
export { evaluateClassifier } from './evaluate-classifier.js';
export { readLabelledJsonl } from './labelled-jsonl.js';
export {
  classificationMetrics,
  type ClassificationMetrics,
  type ConfusionMatrix,
  type LabelMetrics,
} from './metrics.js';
export { classifierModelSchema, type ClassifierModel } from './model.js';
export { loadClassifierModel, saveClassifierModel } from './model-file.js';
export {
  DEFAULT_CLASSIFIER_OPTIONS,
  resolveClassifierOptions,
  type ClassifierOptions,
  type ClassifierOptionsInput,
} from './options.js';
export { runTrainClassifier, type TrainClassifierRequest, type TrainClassifierSummary } from './run-train-classifier.js';
export { trainClassifier, type LabelledSample } from './train-classifier.js';
