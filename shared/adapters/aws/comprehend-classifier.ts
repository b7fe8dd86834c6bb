import { ClassifyDocumentCommand, type ClassifyDocumentCommandOutput, type ComprehendClient } from '@aws-sdk/client-comprehend';
import { InvalidDocumentError, TransientError } from '../../errors.js';
import type { Classification, Classifier } from '../../ports/classifier.js';
import { comprehendError } from './comprehend-errors.js';
import { truncateText } from './text-chunks.js';

/**
 * ClassifyDocument reads at most 10 KB of UTF-8 text (and 10,000 characters) per request; the text is cut to
 * 9,500 bytes, which keeps under both limits.
 */
export const COMPREHEND_CLASSIFY_MAX_BYTES = 9_500;

export interface ComprehendClassifierOptions {
  readonly client: ComprehendClient;
  /** ARN of the custom classifier's endpoint. */
  readonly endpointArn: string;
  /**
   * Bytes of UTF-8 text sent (the beginning of the document, cut at a word boundary).
   * @default COMPREHEND_CLASSIFY_MAX_BYTES
   */
  readonly maxTextBytes?: number;
}

interface ScoredName {
  readonly Name?: string | undefined;
  readonly Score?: number | undefined;
}

/**
 * Classifier on an Amazon Comprehend custom classifier endpoint (ClassifyDocument). The answer is the
 * highest-scoring class; scores are normalised to sum 1. A multi-label model's `Labels` are read the same way.
 */
export class ComprehendClassifier implements Classifier {
  private readonly client: ComprehendClient;
  private readonly endpointArn: string;
  private readonly maxTextBytes: number;

  constructor(options: ComprehendClassifierOptions) {
    this.client = options.client;
    this.endpointArn = options.endpointArn;
    this.maxTextBytes = options.maxTextBytes ?? COMPREHEND_CLASSIFY_MAX_BYTES;
  }

  async classify(text: string): Promise<Classification> {
    const sent = truncateText(text.trim(), this.maxTextBytes, 'utf8-bytes');
    if (sent === '') throw new InvalidDocumentError('Cannot classify a document without text');
    let response: ClassifyDocumentCommandOutput;
    try {
      response = await this.client.send(new ClassifyDocumentCommand({ EndpointArn: this.endpointArn, Text: sent }));
    } catch (error) {
      throw comprehendError(error, 'Comprehend ClassifyDocument');
    }
    return toClassification([...(response.Classes ?? []), ...(response.Labels ?? [])]);
  }
}

/** The winning label and the scores normalised to sum 1 (a label listed twice keeps its higher score). */
export function toClassification(classes: readonly ScoredName[]): Classification {
  const raw = new Map<string, number>();
  for (const { Name: name, Score: score } of classes) {
    if (!name || score === undefined || !Number.isFinite(score) || score < 0) continue;
    raw.set(name, Math.max(score, raw.get(name) ?? 0));
  }
  const total = [...raw.values()].reduce((sum, score) => sum + score, 0);
  if (raw.size === 0 || total <= 0) throw new TransientError('Comprehend ClassifyDocument returned no scored class');
  const scores: Record<string, number> = {};
  let label = '';
  let confidence = -1;
  for (const [name, score] of raw) {
    const probability = score / total;
    scores[name] = probability;
    if (probability > confidence) {
      label = name;
      confidence = probability;
    }
  }
  return { label, confidence, scores };
}
