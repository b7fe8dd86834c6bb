import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import type { PiiRecognizer } from '../recognizer.js';

/** "driver's license number is", "driving licence no.", "DL#": the context that names the number that follows. */
const CONTEXT =
  /\b(?:driver'?s?|drivers'|driving)[ \t]+(?:licen[cs]e|lic\.?|permit)\b|\bDL\s?(?:#|no\.?|number)|\bDLN\b/gi;
/** A licence number: 5–20 letters and digits (dashes or spaces allowed inside), at least one digit. */
const NUMBER = /(?<![\w-])(?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9-]{3,18})[A-Z0-9](?![\w-])/g;

/** Driver licence numbers, only where the text says it is one (the formats alone are too varied). */
export class DriverIdRecognizer implements PiiRecognizer {
  readonly name = 'driver-id';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    for (const context of text.matchAll(CONTEXT)) {
      const from = context.index + context[0].length;
      const window = text.slice(from, from + 60);
      NUMBER.lastIndex = 0;
      const number = NUMBER.exec(window);
      if (!number) continue;
      const start = from + number.index;
      found.push({ type: 'DRIVER_ID', start, end: start + number[0].length, score: 0.85 });
    }
    return found;
  }
}
