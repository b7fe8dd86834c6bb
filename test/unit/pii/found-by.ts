import { AnalysedText } from '../../../shared/adapters/embedded/pii/analysed-text.js';
import type { PiiRecognizer } from '../../../shared/adapters/embedded/pii/recognizer.js';

/** The texts of the spans a recognizer returns for a text, in order. */
export function foundBy(recognizer: PiiRecognizer, text: string): string[] {
  return recognizer
    .recognize(new AnalysedText(text))
    .sort((a, b) => a.start - b.start)
    .map((e) => text.slice(e.start, e.end));
}
