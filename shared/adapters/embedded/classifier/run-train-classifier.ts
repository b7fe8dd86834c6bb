import { EmbeddedClassifier } from './embedded-classifier.js';
import { evaluateClassifier } from './evaluate-classifier.js';
import { readLabelledJsonl } from './labelled-jsonl.js';
import { saveClassifierModel } from './model-file.js';
import type { ClassifierOptionsInput } from './options.js';
import { trainClassifier } from './train-classifier.js';

export interface TrainClassifierRequest {
  /** Labelled JSONL file (see readLabelledJsonl). */
  readonly data: string;
  /** Where the model file is written. */
  readonly out: string;
  readonly options?: ClassifierOptionsInput;
}

export interface TrainClassifierSummary {
  readonly samples: number;
  readonly labels: readonly string[];
  /** Accuracy of the trained model on its own training samples (a sanity check, not a quality measure). */
  readonly trainAccuracy: number;
  /** Milliseconds spent training (feature extraction and fitting), not reading or writing files. */
  readonly ms: number;
}

/** Body of `docpipe train-classifier --data labelled.jsonl --out model.json`. */
export async function runTrainClassifier(request: TrainClassifierRequest): Promise<TrainClassifierSummary> {
  const samples = await readLabelledJsonl(request.data);
  const started = performance.now();
  const model = trainClassifier(samples, request.options);
  const ms = Math.round(performance.now() - started);
  await saveClassifierModel(model, request.out);
  const metrics = await evaluateClassifier(new EmbeddedClassifier(model), samples);
  return { samples: samples.length, labels: model.labels, trainAccuracy: metrics.accuracy, ms };
}
