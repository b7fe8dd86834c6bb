import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import { contextBefore } from '../context.js';
import type { PiiRecognizer } from '../recognizer.js';

const SEPARATED = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/g;
const UNSEPARATED = /(?<![\w-])(\d{3})(\d{2})(\d{4})(?![\w-])/g;
const SSN_CONTEXT = /\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?)\b/i;
/** For bare nine digits the context must lead straight to the number ("SSN: 123456789"). */
const SSN_CONTEXT_ADJACENT = /\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?)\b[^\d;\n]{0,20}$/i;

/** US Social Security numbers: area not 000/666/9xx, group not 00, serial not 0000. */
export class SsnRecognizer implements PiiRecognizer {
  readonly name = 'ssn';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    for (const m of text.matchAll(SEPARATED)) {
      if (!isValidSsn(m[1], m[3], m[4])) continue;
      const withContext = contextBefore(text, m.index, SSN_CONTEXT, 60);
      // Space-separated groups are common in other numbers: only with context.
      if (m[2] === ' ' && !withContext) continue;
      found.push({ type: 'SSN', start: m.index, end: m.index + m[0].length, score: withContext ? 1 : 0.85 });
    }
    for (const m of text.matchAll(UNSEPARATED)) {
      if (!isValidSsn(m[1], m[2], m[3]) || !contextBefore(text, m.index, SSN_CONTEXT_ADJACENT, 50)) continue;
      found.push({ type: 'SSN', start: m.index, end: m.index + m[0].length, score: 0.9 });
    }
    return found;
  }
}

/** The issuing rules that every SSN follows. */
export function isValidSsn(area = '', group = '', serial = ''): boolean {
  if (!/^\d{3}$/.test(area) || !/^\d{2}$/.test(group) || !/^\d{4}$/.test(serial)) return false;
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  return group !== '00' && serial !== '0000';
}
