import type { Classifier } from '../../../ports/classifier.js';
import { classificationMetrics, type ClassificationMetrics } from './metrics.js';

/** Classifies every sample and scores the answers against the samples' labels. */
export async function evaluateClassifier(
  classifier: Classifier,
  samples: readonly { readonly text: string; readonly label: string }[],
): Promise<ClassificationMetrics> {
  const predicted: string[] = [];
  for (const sample of samples) predicted.push((await classifier.classify(sample.text)).label);
  return classificationMetrics(
    samples.map((sample) => sample.label),
    predicted,
  );
}
