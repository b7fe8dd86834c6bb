import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import type { PiiRecognizer } from '../recognizer.js';

/**
 * Local part may hold any letters (internationalised addresses); the domain is ASCII or letters. A line break or a
 * space or two right after the `@` (an address wrapped at the end of a line, then joined into a sentence by the
 * summariser, or cut there by OCR) stays inside the match.
 */
const EMAIL = /(?<![\p{L}\p{N}.+_-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,63})@(?:[ \t]{0,2}(?:\r?\n)?[ \t]{0,2})[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})(?:\.[\p{L}\p{N}-]{1,63})*\.\p{L}{2,24}(?![\p{L}\p{N}_-])/gu;

/** E-mail addresses (local part @ domain with a top-level domain). */
export class EmailRecognizer implements PiiRecognizer {
  readonly name = 'email';

  recognize({ text }: AnalysedText): PiiEntity[] {
    return [...text.matchAll(EMAIL)].map((m) => ({
      type: 'EMAIL' as const,
      start: m.index,
      end: m.index + m[0].length,
      score: 1,
    }));
  }
}
