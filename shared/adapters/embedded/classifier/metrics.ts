/** Precision, recall and F1 of one label, with its support (number of gold samples). */
export interface LabelMetrics {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ConfusionMatrix {
  readonly labels: readonly string[];
  /** `matrix[gold][predicted]`: how many samples of label `labels[gold]` were predicted as `labels[predicted]`. */
  readonly matrix: readonly (readonly number[])[];
}

export interface ClassificationMetrics {
  readonly accuracy: number;
  /** Unweighted mean of the per-label F1 scores. */
  readonly macroF1: number;
  readonly perLabel: readonly LabelMetrics[];
  readonly confusion: ConfusionMatrix;
}

/** a / b, or 0 when b is 0 (a label never predicted has precision 0, as scikit-learn reports it). */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Accuracy, macro-F1, per-label precision / recall / F1 and the confusion matrix of predictions against gold
 * labels. The labels are those given, plus any other label met in gold or predictions, sorted.
 */
export function classificationMetrics(
  gold: readonly string[],
  predicted: readonly string[],
  knownLabels: readonly string[] = [],
): ClassificationMetrics {
  if (gold.length !== predicted.length) {
    throw new RangeError(`Got ${gold.length} gold labels but ${predicted.length} predictions`);
  }
  const labels = [...new Set([...knownLabels, ...gold, ...predicted])].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((goldLabel, i) => {
    const predictedLabel = predicted[i] ?? '';
    const row = matrix[index.get(goldLabel) ?? 0];
    const column = index.get(predictedLabel) ?? 0;
    if (row) row[column] = (row[column] ?? 0) + 1;
    if (goldLabel === predictedLabel) correct += 1;
  });

  const perLabel = labels.map((label, k): LabelMetrics => {
    const truePositives = matrix[k]?.[k] ?? 0;
    const support = (matrix[k] ?? []).reduce((sum, count) => sum + count, 0);
    const predictedCount = matrix.reduce((sum, row) => sum + (row[k] ?? 0), 0);
    const precision = ratio(truePositives, predictedCount);
    const recall = ratio(truePositives, support);
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  return {
    accuracy: ratio(correct, gold.length),
    macroF1: ratio(
      perLabel.reduce((sum, metrics) => sum + metrics.f1, 0),
      perLabel.length,
    ),
    perLabel,
    confusion: { labels, matrix },
  };
}
