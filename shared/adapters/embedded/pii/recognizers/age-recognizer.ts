import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import type { PiiRecognizer } from '../recognizer.js';

/** Each pattern captures the number itself in group 1; the span is the number (the value that identifies). */
const PATTERNS: readonly RegExp[] = [
  /(?<![\w.])(\d{1,3})(?:[ -]|\s)?(?:years?|yrs?)(?:[ -]|\s)?old\b/gi,
  /\b(?:age|aged|ages)\s*:?\s*(\d{1,3})(?![\w.])/gi,
  /(?<![\w.])(\d{1,3})\s?(?:y\/o|y\.o\.|yo)(?![\w])/gi,
];

/** Ages: "42 years old", "a 42-year-old", "age 42", "aged 42", "42 y/o". */
export class AgeRecognizer implements PiiRecognizer {
  readonly name = 'age';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    for (const regex of PATTERNS) {
      for (const m of text.matchAll(regex)) {
        const value = m[1];
        if (value === undefined || Number(value) > 125) continue;
        const start = m.index + m[0].search(/\d/);
        found.push({ type: 'AGE', start, end: start + value.length, score: 0.85 });
      }
    }
    return found;
  }
}
