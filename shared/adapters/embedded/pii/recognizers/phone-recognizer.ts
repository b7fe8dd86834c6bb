import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import { clampScore, contextAfter, contextBefore, textBefore } from '../context.js';
import type { PiiRecognizer } from '../recognizer.js';

/**
 * A run of digit groups on one line: optional +country code, optional (area code), groups separated by one space,
 * dash or dot, optional extension. Separators never cross a line break.
 */
const CANDIDATE =
  /(?<![\w+.\-/$€£¥:])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{1,5}){0,5}(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?(?![\w\-/%]|[.,]\d)/gi;

const PHONE_CONTEXT_BEFORE =
  /\b(?:phone|tel|telephone|mobile|cell|cellphone|fax|call|calling|reach|contact|dial|text|sms|whatsapp|desk|office|home|work|landline|number|no\.?|ph)\b[^\n\d]{0,20}$/i;
const PHONE_CONTEXT_AFTER = /^[ \t]*\(?(?:office|mobile|cell|fax|home|work|desk|phone|tel)\b/i;
const NOT_PHONE_CONTEXT = /\b(?:ssn|social security|card|account|acct|invoice|order|ref|reference|zip|postcode|isbn|id)\b[^\n\d]{0,12}$/i;

/** Telephone numbers: US formats and international ones, with context words raising or lowering confidence. */
export class PhoneRecognizer implements PiiRecognizer {
  readonly name = 'phone';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const raw = m[0];
      const base = phoneShapeScore(raw);
      if (base <= 0) continue;
      let score = base;
      if (contextBefore(text, m.index, PHONE_CONTEXT_BEFORE, 40) || contextAfter(text, m.index + raw.length, PHONE_CONTEXT_AFTER, 15)) {
        score += 0.3;
      }
      if (NOT_PHONE_CONTEXT.test(textBefore(text, m.index, 30))) score -= 0.3;
      if (score >= 0.3) found.push({ type: 'PHONE', start: m.index, end: m.index + raw.length, score: clampScore(score) });
    }
    return found;
  }
}

/** A score from the number's shape alone (0 when it is not a phone number: a date, an SSN shape, too few digits). */
export function phoneShapeScore(raw: string): number {
  const number = raw.replace(/[ ]?(?:x|ext\.?|extension)[ ]?\d+$/i, '');
  const digits = number.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return 0;
  const groups = number.split(/[ .\-()+]+/).filter((g) => g !== '');
  const separators = new Set(number.replace(/[\d()+]/g, '').split(''));
  const hasPlus = number.startsWith('+');
  const hasParens = number.includes('(');
  if (groups.length < 2 && !hasPlus && !hasParens) return 0;
  if (looksLikeDate(number) || /^\d{3}-\d{2}-\d{4}$/.test(number) || /^\d{4}[ .-]\d{2}[ .-]\d{2}$/.test(number)) return 0;
  if (separators.has('.') && separators.size > 1) return 0;
  if (groups.every((g) => g.length <= 3) && separators.has('.') && groups.length === 4) return 0;
  if (groups.some((g) => g.length >= 5) && !hasPlus && groups.length > 1 && digits.length > 11) return 0.35;
  if (/^(?:\+1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/.test(number)) return 0.75;
  if (hasPlus || hasParens) return 0.6;
  return groups.length >= 3 ? 0.5 : 0.4;
}

/** Numeric dates such as 12-03-2021 or 03.12.21. */
function looksLikeDate(raw: string): boolean {
  const m = /^(\d{1,4})([.\-/ ])(\d{1,2})\2(\d{1,4})$/.exec(raw);
  if (!m) return false;
  const [a, b, c] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if ((m[1] ?? '').length === 4) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  if ((m[4] ?? '').length !== 4) return false;
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);
  return false;
}
