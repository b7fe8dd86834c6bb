/** Result of classifying a document, shaped like Comprehend's ClassifyDocument answer. */
export interface Classification {
  /** The winning label, e.g. `invoice`. */
  readonly label: string;
  /** Probability of the winning label in [0, 1]. */
  readonly confidence: number;
  /** Probability per label; sums to 1. */
  readonly scores: Readonly<Record<string, number>>;
}

/** Port: assigns a document type (Comprehend custom classifier on AWS, built-in trained model locally). */
export interface Classifier {
  classify(text: string): Promise<Classification>;
}
