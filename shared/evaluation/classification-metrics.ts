/** Precision, recall and F1 of one label, with its support (number of gold samples). */
export interface LabelScores {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface Confusion {
  readonly labels: readonly string[];
  /** `matrix[gold][predicted]`: samples of label `labels[gold]` predicted as `labels[predicted]`. */
  readonly matrix: readonly (readonly number[])[];
}

export interface ClassificationScores {
  readonly samples: number;
  readonly accuracy: number;
  /** Unweighted mean of the per-label F1 scores, over every label seen in gold or predictions. */
  readonly macroF1: number;
  readonly perLabel: readonly LabelScores[];
  readonly confusion: Confusion;
}

/** a / b, or 0 when b is 0 (a label never predicted has precision 0, as scikit-learn reports it). */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Counts (gold, predicted) label pairs one sample at a time, then scores them: accuracy, macro-F1 (scikit-learn's
 * `f1_score(average='macro')` over the labels met in gold or predictions), per-label precision / recall / F1 and the
 * confusion matrix. Memory grows with the number of labels, not of samples.
 */
export class ConfusionCounter {
  private readonly pairs = new Map<string, Map<string, number>>();
  private count = 0;
  private correct = 0;

  /** `knownLabels` are scored even when no sample has them (zero support). */
  constructor(private readonly knownLabels: readonly string[] = []) {}

  get samples(): number {
    return this.count;
  }

  add(gold: string, predicted: string): void {
    const row = this.pairs.get(gold) ?? new Map<string, number>();
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
    this.pairs.set(gold, row);
    this.count += 1;
    if (gold === predicted) this.correct += 1;
  }

  scores(): ClassificationScores {
    const seen = new Set<string>(this.knownLabels);
    for (const [gold, row] of this.pairs) {
      seen.add(gold);
      for (const predicted of row.keys()) seen.add(predicted);
    }
    const labels = [...seen].sort();
    const matrix = labels.map((gold) => labels.map((predicted) => this.pairs.get(gold)?.get(predicted) ?? 0));
    const perLabel = labels.map((label, k): LabelScores => {
      const truePositives = matrix[k]?.[k] ?? 0;
      const support = (matrix[k] ?? []).reduce((sum, n) => sum + n, 0);
      const predictedCount = matrix.reduce((sum, row) => sum + (row[k] ?? 0), 0);
      const precision = ratio(truePositives, predictedCount);
      const recall = ratio(truePositives, support);
      return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
    });
    return {
      samples: this.count,
      accuracy: ratio(this.correct, this.count),
      macroF1: ratio(
        perLabel.reduce((sum, s) => sum + s.f1, 0),
        perLabel.length,
      ),
      perLabel,
      confusion: { labels, matrix },
    };
  }
}

/** Scores predictions against gold labels given as two aligned lists; `knownLabels` are listed even if unseen. */
export function classificationScores(
  gold: readonly string[],
  predicted: readonly string[],
  knownLabels: readonly string[] = [],
): ClassificationScores {
  if (gold.length !== predicted.length) throw new RangeError(`Got ${gold.length} gold labels but ${predicted.length} predictions`);
  const counter = new ConfusionCounter(knownLabels);
  gold.forEach((label, i) => counter.add(label, predicted[i] ?? ''));
  return counter.scores();
}
