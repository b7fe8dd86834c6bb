import type { PiiEntity } from '../../../ports/pii-detector.js';
import type { AnalysedText } from './analysed-text.js';

/** One kind of evidence for PII (a pattern, a checksum, a context rule). Returns candidates; overlaps are allowed. */
export interface PiiRecognizer {
  /** A short stable name, for debugging and tests. */
  readonly name: string;
  recognize(input: AnalysedText): PiiEntity[];
}
