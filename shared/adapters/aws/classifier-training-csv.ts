import { InvalidDocumentError } from '../../errors.js';
import { truncateText } from './text-chunks.js';

export interface TrainingSample {
  readonly text: string;
  readonly label: string;
}

/** One CSV field, quoted when it holds a comma, quote or line break (quotes doubled, as RFC 4180 has it). */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Collapses line breaks and runs of whitespace to single spaces: Comprehend wants one document a line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The training file of a Comprehend multi-class classifier (COMPREHEND_CSV): `label,text` a line, no header.
 * Each text is put on one line and cut to `maxTextBytes` of UTF-8, what ClassifyDocument will later read of a
 * document, so the model learns from what it will see. Samples left without text are skipped.
 */
export function toClassifierTrainingCsv(samples: readonly TrainingSample[], maxTextBytes: number): string {
  const lines: string[] = [];
  for (const sample of samples) {
    const label = oneLine(sample.label);
    const text = truncateText(oneLine(sample.text), maxTextBytes, 'utf8-bytes').trim();
    if (label === '') throw new InvalidDocumentError('A training sample has an empty label');
    if (text === '') continue;
    lines.push(`${csvField(label)},${csvField(text)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Samples per label, counting only samples with text (those the training file holds). */
export function samplesPerLabel(samples: readonly TrainingSample[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    if (oneLine(sample.text) === '') continue;
    const label = oneLine(sample.label);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}
